"""The details pane of the bookings tab: one session, everything about it, and its history.

Filled from the selected row's :class:`~podyx_desktop.domain.records.Booking` at once and
from its events when they arrive; times are in the studio's zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.records import Booking, BookingEvent
from podyx_desktop.models.booking_history import BookingHistoryModel
from podyx_desktop.models.bookings import addons_text
from podyx_desktop.models.display import DisplayFormat, duration_text
from podyx_desktop.models.labels import booking_status_hint, payment_method_text
from podyx_desktop.views.common.formatting import money_text
from podyx_desktop.views.common.text_style import bold
from podyx_desktop.views.common.widgets import StatusBadge

if TYPE_CHECKING:
    from podyx_desktop.domain.records import StudioNote


class BookingDetailsPane(QWidget):
    def __init__(self, display: DisplayFormat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._display = display
        self.booking: Booking | None = None
        # The body's widgets are created in the body: moving them there later would make
        # the style sheet polish each of them again.
        self.body = body_widget = QWidget(self)
        self.title = QLabel(body_widget)
        self.title.setObjectName("DetailsTitle")
        self.title.setObjectName("PageTitle")
        self.title.setWordWrap(True)
        self.placeholder = QLabel(self.tr("Select a session to see its details."), self)
        self.placeholder.setObjectName("Muted")

        self.when_label = self._value()
        self.rescheduled_label = self._value()
        self.room_label = self._value()
        self.service_label = self._value()
        self.addons_label = self._value()
        self.badge = StatusBadge(parent=body_widget)
        self.status_hint = self._value()
        self.price_label = self._value()
        self.method_label = self._value()
        self.receipt_label = self._value()
        self.cancel_reason_label = self._value()

        status_row = QHBoxLayout()
        status_row.addWidget(self.badge)
        status_row.addWidget(self.status_hint, 1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("When:"), self.when_label)
        self.form.addRow(self.tr("Originally:"), self.rescheduled_label)
        self.form.addRow(self.tr("Room && setup:"), self.room_label)
        self.form.addRow(self.tr("Service:"), self.service_label)
        self.form.addRow(self.tr("Add-ons:"), self.addons_label)
        self.form.addRow(self.tr("Status:"), status_row)
        self.form.addRow(self.tr("Reason:"), self.cancel_reason_label)
        self.form.addRow(self.tr("Price:"), self.price_label)
        self.form.addRow(self.tr("Payment:"), self.method_label)
        self.form.addRow(self.tr("Receipt no.:"), self.receipt_label)

        self.history_model = BookingHistoryModel(display, self)
        self.history = QListView(body_widget)
        self.history.setModel(self.history_model)
        self.history.setAccessibleName(self.tr("History of this session"))
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(90)
        # The session summary as PDF; the bookings tab connects it to the download.
        self.download_button = QPushButton(self.tr("&Download summary…"), body_widget)
        self.download_button.setAccessibleName(self.tr("Download the session summary"))
        # The session as a calendar file (.ics); the bookings tab connects it too.
        self.calendar_button = QPushButton(self.tr("Add to ca&lendar…"), body_widget)
        self.calendar_button.setAccessibleName(self.tr("Add the session to your calendar"))
        download_row = QHBoxLayout()
        download_row.addWidget(self.download_button)
        download_row.addWidget(self.calendar_button)
        download_row.addStretch(1)
        # Notes from the studio, newest first: plain text escaped, links clickable (the
        # browser opens them); never HTML from a note. Staff see internal ones, marked.
        self.notes: list[StudioNote] = []
        self.notes_heading = QLabel(self.tr("Notes from the studio"), body_widget)
        bold(self.notes_heading)
        self.notes_text = QLabel(body_widget)
        self.notes_text.setObjectName("BookingNotes")
        self.notes_text.setTextFormat(Qt.TextFormat.RichText)
        self.notes_text.setOpenExternalLinks(True)
        self.notes_text.setWordWrap(True)
        self.notes_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.notes_text.setAccessibleName(self.tr("Notes from the studio"))
        self.notes_heading.setVisible(False)
        self.notes_text.setVisible(False)
        history_label = QLabel(self.tr("&History"), body_widget)
        history_label.setBuddy(self.history)
        bold(history_label)

        body = QVBoxLayout(body_widget)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addLayout(self.form)
        body.addLayout(download_row)
        body.addSpacing(6)
        body.addWidget(self.notes_heading)
        body.addWidget(self.notes_text)
        body.addWidget(history_label)
        body.addWidget(self.history, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.body, 1)
        self.show_booking(None)

    def _value(self) -> QLabel:
        label = QLabel(self.body)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def show_booking(self, booking: Booking | None) -> None:
        self.booking = booking
        self.placeholder.setVisible(booking is None)
        self.body.setVisible(booking is not None)
        self.download_button.setEnabled(booking is not None)
        self.calendar_button.setEnabled(booking is not None)
        self.calendar_button.setToolTip(
            self.tr("The file marks it canceled, so a calendar that has it takes it out.")
            if booking is not None and booking.status is BookingStatus.CANCELED
            else ""
        )
        if booking is None or (self.booking_id_of_notes != booking.id):
            self.show_notes([])
        if booking is None:
            self._clear_history()
            return
        d = self._display
        self.title.setText(
            self.tr("{service} in {room}").format(
                service=booking.service_name, room=booking.room_name
            )
        )
        self.when_label.setText(
            self.tr("{range} ({zone})").format(
                range=d.time_range(booking.starts_at, booking.ends_at), zone=d.time_zone
            )
        )
        original = booking.original_starts_at
        self._set_row_visible(self.rescheduled_label, original is not None)
        if original is not None:
            self.rescheduled_label.setText(
                self.tr("Rescheduled from {when}").format(when=d.date_time(original))
            )
        self.room_label.setText(f"{booking.room_name} — {booking.setup_name}")
        self.service_label.setText(f"{booking.service_name}, {duration_text(booking.minutes)}")
        self.addons_label.setText(addons_text(booking) or self.tr("None"))
        self.badge.set_status(booking.status)
        self.status_hint.setText(booking_status_hint(booking.status))
        self._set_row_visible(self.cancel_reason_label, bool(booking.cancel_reason))
        self.cancel_reason_label.setText(booking.cancel_reason)
        if booking.bundle_id is not None and booking.purchase_id is None:
            self.price_label.setText(self.tr("Paid with bundle credit"))
        else:
            self.price_label.setText(money_text(booking.price_minor, booking.currency, d.locale))
        self.method_label.setText(payment_method_text(booking.payment_method) or "—")
        self.receipt_label.setText(
            booking.receipt_number or self.tr("Issued when the payment is recorded")
            if booking.purchase_id is not None
            else "—"
        )
        self._clear_history()

    @property
    def booking_id_of_notes(self) -> int | None:
        return self.notes[0].booking_id if self.notes else None

    def show_notes(self, notes: Sequence[StudioNote]) -> None:
        """The booking's notes, newest first, as they came (the client's are never
        internal; staff see internal ones marked). Unread ones are marked “New”."""
        self.notes = list(notes)
        self.notes_heading.setVisible(bool(notes))
        self.notes_text.setVisible(bool(notes))
        from podyx_desktop.views.profile.studio_notes_panel import notes_html

        self.notes_text.setText(notes_html(notes, self._display))

    def _clear_history(self) -> None:
        if self.history_model.rowCount():  # resetting an empty list still costs a relayout
            self.history_model.set_rows([])

    def show_history(
        self, events: Sequence[BookingEvent], texts: Sequence[str] | None = None
    ) -> None:
        """``texts``: the events' texts, as ``history_model.texts_of`` makes them."""
        self.history_model.set_rows(events, texts)
