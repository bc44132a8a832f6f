"""Beside the schedule: who waits for the chosen session's time (its room, from its start
to the end of its buffer), in line order, and whom a freed time is held for until when.
A line says how many; "Show the waitlist…" lists them. Reloads when the waitlist changes.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.schedule import ScheduleBooking
from podyx_desktop.domain.waitlist import WaitlistEntry, WaitStatus
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.waitlist import load_time_waitlist
from podyx_desktop.views.common.context import ViewContext


class TimeWaitlist(QGroupBox):
    """The chosen time's waitlist: a count, and the list in a dialog."""

    SHOWS = (Kind.WAITLIST,)

    def __init__(self, ctx: ViewContext, parent: QWidget) -> None:
        super().__init__(self.tr("Waitlist for this time"), parent)
        self._ctx = ctx
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.time: tuple[int, datetime, datetime] | None = None
        self.entries: list[WaitlistEntry] = []
        self._request = 0
        self.dialog: QDialog | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Waitlist for this time"))
        self.show_button = QPushButton(self.tr("Show the &waitlist…"), self)
        self.show_button.clicked.connect(self.open_list)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.show_button)
        self.show_time(None)
        ctx.bus.changed.connect(self._on_changed)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.SHOWS) and self.time is not None:
            self.reload()

    def show_time(self, booking: ScheduleBooking | None) -> None:
        """The waitlist of ``booking``'s time (None: nothing chosen)."""
        self.time = (booking.room_id, booking.starts_at, booking.blocked_until) if booking else None
        self.entries = []
        self._show()
        if self.time is not None:
            self.reload()

    def reload(self) -> None:
        if self.time is None:
            return
        self._request += 1
        request = self._request
        room_id, start, end = self.time
        load_time_waitlist(self._ctx, self._ctx.user.principal, room_id, start, end).success(
            lambda entries: self._loaded(request, entries)
        ).failure(self.summary.setText).run(self)

    def _loaded(self, request: int, entries: list[WaitlistEntry]) -> None:
        if request == self._request:
            self.entries = entries
            self._show()

    def _show(self) -> None:
        count = len(self.entries)
        if self.time is None:
            text = self.tr("Choose a session to see who waits for its time.")
        elif count == 0:
            text = self.tr("Nobody waits for this time.")
        else:
            offered = [e for e in self.entries if e.status is WaitStatus.OFFERED]
            text = (
                self.tr("One client waits for this time.")
                if count == 1
                else self.tr("{count} clients wait for this time.").format(count=count)
            )
            if offered and offered[0].hold_until is not None:
                text += " " + self.tr("Held for {name} until {until}.").format(
                    name=offered[0].client_name, until=self.display.time(offered[0].hold_until)
                )
        self.summary.setText(text)
        self.show_button.setEnabled(count > 0)
        self.show_button.setToolTip("" if count else self.tr("Nobody waits for this time."))

    def entry_line(self, entry: WaitlistEntry) -> str:
        """One waiting client as the desk reads it."""
        display = self.display
        when = display.time_range(entry.starts_at, entry.ends_at)
        if entry.status is WaitStatus.OFFERED and entry.hold_until is not None:
            state = self.tr("offered, held until {until}").format(
                until=display.time(entry.hold_until)
            )
        elif entry.status is WaitStatus.PASSED:
            state = self.tr("the hold ran out")
        else:
            state = self.tr("waiting, number {place}").format(place=entry.position or 1)
        return f"{entry.client_name} — {entry.service_name}, {when}: {state}"

    @Slot()
    def open_list(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Waitlist"))
        listing = QListWidget(dialog)
        listing.setAccessibleName(self.tr("Clients waiting, in line order"))
        for entry in self.entries:
            listing.addItem(self.entry_line(entry))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(
            QLabel(
                self.tr("Times are in the studio's time zone ({zone}).").format(
                    zone=self.display.time_zone
                ),
                dialog,
            )
        )
        layout.addWidget(listing)
        layout.addWidget(buttons)
        self.dialog = dialog
        dialog.open()
