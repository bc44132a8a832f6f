"""Move a booked session to another free time: pick a day and a start, then confirm.

The booking's own time counts as free (``exclude_booking_id``), so a session can slide by
less than its length; its current start is not offered. The move runs off the GUI thread
and the dialog closes only when it succeeded.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtCore import Slot as QtSlot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from podyx_desktop.domain.availability import Slot
from podyx_desktop.domain.records import Booking
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.bookings import reschedule_booking
from podyx_desktop.views.booking.slot_picker import SessionShape, SlotPicker
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.text_style import wrapped_label


class RescheduleDialog(QDialog):
    rescheduled = Signal(object)  # the moved Booking

    def __init__(self, ctx: ViewContext, booking: Booking, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.booking = booking
        self._display = DisplayFormat.for_studio(ctx.user.studio)
        self.setWindowTitle(self.tr("Reschedule session"))
        self.setModal(True)
        intro = QLabel(
            self.tr("{service}, {room} — now on {when}. Pick a new day and time.").format(
                service=booking.service_name,
                room=f"{booking.room_name} — {booking.setup_name}",
                when=self._display.time_range(booking.starts_at, booking.ends_at),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.picker = SlotPicker(ctx, self)
        self.picker.skip_starts_at = booking.starts_at
        self.picker.waitlist.set_origin(booking.client_id, booking_id=booking.id)
        self.error_label = wrapped_label(self, "ErrorText")
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = QPushButton(self.tr("&Reschedule"), self)
        self.confirm_button.setAccessibleName(self.tr("Reschedule to the chosen time"))
        self.confirm_button.setEnabled(False)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.picker.slot_changed.connect(self._slot_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self.picker.set_shape(
            SessionShape(booking.setup_id, booking.service_id, booking.minutes, booking.id)
        )
        self.picker.set_day(self._display.local(booking.starts_at).date(), find_free=True)

    @QtSlot(object)
    def _slot_changed(self, slot: Slot | None) -> None:
        self.confirm_button.setEnabled(slot is not None)
        self.error_label.clear()

    @QtSlot()
    def confirm(self) -> None:
        slot = self.picker.selected_slot()
        if slot is None:
            return
        principal = self._ctx.user.principal
        booking_id = self.booking.id
        self.confirm_button.setEnabled(False)
        self.error_label.setText(self.tr("Moving your session…"))
        reschedule_booking(self._ctx, principal, booking_id, slot.starts_at).success(
            self._done
        ).failure(self._failed).run(self)

    def _done(self, booking: Booking) -> None:
        self.rescheduled.emit(booking)
        self.accept()

    def _failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.confirm_button.setEnabled(self.picker.selected_slot() is not None)
