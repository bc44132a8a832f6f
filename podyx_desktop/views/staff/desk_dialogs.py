"""The desk's small dialogs on one booking: approve a payment (the method used), refuse
(a reason), cancel (a reason and, for a late cancellation, the money decision), a new
price (amount and reason) and move (a new time, optionally outside the rules).

Each runs its operation itself, shows a failure in words under its fields and stays open;
on success it emits ``done`` with a sentence for the desk's feedback line and closes.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtCore import Slot as QtSlot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.availability import Slot
from podyx_desktop.domain.enums import PaymentMethod, RefundTo
from podyx_desktop.domain.records import Booking, Purchase
from podyx_desktop.domain.vocabulary import payment_method_text
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.desk import (
    DeskState,
    approve_payment,
    cancel_at_desk,
    move_booking,
    override_price,
    refuse_booking,
)
from podyx_desktop.views.booking.slot_picker import SessionShape, SlotPicker
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.staff.money_input import MoneyEdit
from podyx_desktop.views.staff.operation_dialog import OperationDialog

APPROVE_METHODS = (
    PaymentMethod.CARD_AT_DESK,
    PaymentMethod.CASH,
    PaymentMethod.BANK_TRANSFER,
    PaymentMethod.STORE_CREDIT,
)


class DeskDialog(OperationDialog):
    """A dialog with an error line and "do it" / Cancel buttons; it runs one operation."""

    @QtSlot()
    def __init__(
        self,
        ctx: ViewContext,
        state: DeskState,
        title: str,
        action: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.state = state
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.setWindowTitle(title)
        self.setModal(True)
        booking = state.booking
        self.intro = wrapped_label(self, "")
        self.intro.setText(
            self.tr("{name}: {service}, {when}").format(
                name=booking.client_name,
                service=booking.service_name,
                when=self.display.time_range(booking.starts_at, booking.ends_at),
            )
        )
        self.form = QFormLayout()
        self.error_label = wrapped_label(self, "ErrorText")
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = QPushButton(action, self)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.intro)
        self.body.addLayout(self.form)

    def finish_layout(self) -> None:
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)


class ApproveDialog(DeskDialog):
    """Record the payment with the method actually used: the receipt is issued."""

    def __init__(self, ctx: ViewContext, state: DeskState, parent: QWidget | None = None):
        super().__init__(ctx, state, self.tr("Approve payment"), self.tr("&Record payment"), parent)
        purchase = state.purchase
        assert purchase is not None
        self.amount_label = QLabel(self.display.money(purchase.gross_minor, purchase.currency))
        self.method = QComboBox(self)
        self.method.setAccessibleName(self.tr("Payment method used"))
        for method in APPROVE_METHODS:
            self.method.addItem(payment_method_text(method.value), method.value)
        if purchase.method in APPROVE_METHODS:
            self.method.setCurrentIndex(APPROVE_METHODS.index(purchase.method))
        self.form.addRow(self.tr("Amount:"), self.amount_label)
        self.form.addRow(self.tr("Paid by:"), self.method)
        self.finish_layout()

    @QtSlot()
    def confirm(self) -> None:
        purchase = self.state.purchase
        assert purchase is not None
        method = PaymentMethod(self.method.currentData())
        self.submit(
            approve_payment(self._ctx, self.principal(), purchase.id, method),
            self.tr("Payment of {name} recorded; the booking is confirmed.").format(
                name=self.state.booking.client_name
            ),
        )


class RefuseDialog(DeskDialog):
    """Refuse a pending booking with a reason: canceled, its time freed."""

    def __init__(self, ctx: ViewContext, state: DeskState, parent: QWidget | None = None):
        super().__init__(ctx, state, self.tr("Refuse booking"), self.tr("&Refuse booking"), parent)
        self.explain = wrapped_label(self, "Muted")
        self.explain.setText(
            self.tr("The booking is canceled and its time freed; nothing was charged.")
        )
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the refusal"))
        self.form.addRow(self.explain)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.finish_layout()

    @QtSlot()
    def confirm(self) -> None:
        if not self.reason.text().strip():
            self.error_label.setText(self.tr("Give the client a reason for the refusal."))
            return
        self.submit(
            refuse_booking(self._ctx, self.principal(), self.state.booking.id, self.reason.text()),
            self.tr("The booking of {name} was refused.").format(
                name=self.state.booking.client_name
            ),
        )


class CancelDialog(DeskDialog):
    """Cancel with a reason; a late cancellation asks what happens to the money."""

    def __init__(
        self, ctx: ViewContext, state: DeskState, may_refund: bool, parent: QWidget | None = None
    ):
        super().__init__(ctx, state, self.tr("Cancel booking"), self.tr("&Cancel booking"), parent)
        booking, purchase = state.booking, state.purchase
        self.late = not state.actions.refund_on_cancel
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the cancellation"))
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.money = QButtonGroup(self)
        self.keep = QRadioButton(self.tr("Keep the charge"), self)
        self.to_original = QRadioButton(self.tr("Refund to the original payment method"), self)
        self.to_store_credit = QRadioButton(self.tr("Refund as store credit"), self)
        self.refund_note = wrapped_label(self, "Muted")
        self.return_credit = QCheckBox(self.tr("Return the session to the bundle"), self)
        paid = purchase is not None and purchase.receipt_number is not None
        if not self.late:
            self.refund_note.setText(self._in_cutoff_text(booking, purchase))
            self.form.addRow(self.refund_note)
        if self.late and paid:
            self.form.addRow(QLabel(self.tr("Late cancellation — the money:"), self))
            for button in (self.keep, self.to_original, self.to_store_credit):
                self.money.addButton(button)
                self.form.addRow(button)
            self.keep.setChecked(True)
            self.to_original.setEnabled(may_refund)
            self.to_store_credit.setEnabled(may_refund)
            if not may_refund:
                self.refund_note.setText(self.tr("Refunds: managers and owners only."))
                self.form.addRow(self.refund_note)
        if self.late and not paid and purchase is not None:
            self.refund_note.setText(
                self.tr("Nothing has been charged; the open payment is withdrawn.")
            )
            self.form.addRow(self.refund_note)
        if self.late and booking.bundle_id is not None and booking.purchase_id is None:
            self.return_credit.setChecked(False)
            self.form.addRow(self.return_credit)
        self.finish_layout()

    def _in_cutoff_text(self, booking: Booking, purchase: Purchase | None) -> str:
        if booking.bundle_id is not None and purchase is None:
            return self.tr("Within the cutoff: the session goes back to the bundle.")
        if purchase is not None and purchase.receipt_number:
            return self.tr("Within the cutoff: what was paid comes back as store credit.")
        return self.tr("Nothing has been charged; the open payment is withdrawn.")

    def refund_choice(self) -> RefundTo | None:
        if self.to_original.isChecked() and self.to_original.isEnabled():
            return RefundTo.ORIGINAL_METHOD
        if self.to_store_credit.isChecked() and self.to_store_credit.isEnabled():
            return RefundTo.STORE_CREDIT
        return None

    @QtSlot()
    def confirm(self) -> None:
        booking = self.state.booking
        return_credit = (
            self.return_credit.isChecked()
            if self.late and booking.bundle_id is not None and booking.purchase_id is None
            else None
        )
        self.submit(
            cancel_at_desk(
                self._ctx,
                self.principal(),
                booking.id,
                self.reason.text(),
                refund=self.refund_choice() if self.late else None,
                return_credit=return_credit,
            ),
            self.tr("The session of {name} on {when} was canceled.").format(
                name=booking.client_name, when=self.display.date_time(booking.starts_at)
            ),
        )


class PriceDialog(DeskDialog):
    """A manager's new total for a purchase still awaiting payment, with a reason."""

    def __init__(self, ctx: ViewContext, state: DeskState, parent: QWidget | None = None):
        super().__init__(ctx, state, self.tr("Override price"), self.tr("&Change price"), parent)
        purchase = state.purchase
        assert purchase is not None
        self.current = QLabel(self.display.money(purchase.gross_minor, purchase.currency), self)
        self.amount = MoneyEdit(self.display, self)  # typed the user's way: "95,50" in German
        self.amount.setAccessibleName(self.tr("New total"))
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the new price"))
        self.form.addRow(self.tr("Now:"), self.current)
        self.form.addRow(self.tr("New total:"), self.amount)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.finish_layout()

    @QtSlot()
    def confirm(self) -> None:
        purchase = self.state.purchase
        assert purchase is not None
        minor = self.amount.minor()
        if minor is None or minor < 0:
            self.error_label.setText(
                self.tr("Type the new total as an amount, e.g. {example}.").format(
                    example=self.display.money(9550, purchase.currency)
                )
            )
            return
        if not self.reason.text().strip():
            self.error_label.setText(self.tr("Give a reason for the new price."))
            return
        self.submit(
            override_price(self._ctx, self.principal(), purchase.id, minor, self.reason.text()),
            self.tr("The price is now {amount}.").format(
                amount=self.display.money(minor, purchase.currency)
            ),
        )


class MoveDialog(DeskDialog):
    """A new time in the same room: one of the free times (the slot picker), or — outside
    the studio's rules, with a reason — any start typed in (closed hours, off the grid);
    the room must still be free."""

    def __init__(self, ctx: ViewContext, state: DeskState, parent: QWidget | None = None):
        super().__init__(ctx, state, self.tr("Move session"), self.tr("&Move"), parent)
        booking = state.booking
        self.picker = SlotPicker(ctx, self)
        self.picker.skip_starts_at = booking.starts_at
        self.bypass = QCheckBox(self.tr("Outside the studio's rules (give a reason)"), self)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for moving outside the rules"))
        self.reason.setEnabled(False)
        zone = ctx.user.studio.time_zone
        self._zone = ZoneInfo(zone)
        self.any_time = QDateTimeEdit(self)
        self.any_time.setAccessibleName(self.tr("Start time outside the rules"))
        self.any_time.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.any_time.setTimeZone(QTimeZone(zone.encode()))
        self.any_time.setCalendarPopup(True)
        self.any_time.setEnabled(False)
        self._set_any_time(booking.starts_at)
        self.bypass.toggled.connect(self._bypass_toggled)
        self.body.addWidget(self.picker, 1)
        self.form.addRow(self.bypass)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.form.addRow(self.tr("Start time:"), self.any_time)
        self.body.addLayout(self.form)
        self.confirm_button.setEnabled(False)
        self.picker.slot_changed.connect(self._slot_changed)
        self.finish_layout()
        self.resize(640, 500)
        self.picker.set_shape(
            SessionShape(booking.setup_id, booking.service_id, booking.minutes, booking.id)
        )
        self.picker.set_day(self.display.local(booking.starts_at).date(), find_free=True)

    def _set_any_time(self, when: datetime) -> None:
        self.any_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))

    @QtSlot(bool)
    def _bypass_toggled(self, on: bool) -> None:
        self.reason.setEnabled(on)
        self.any_time.setEnabled(on)
        slot = self.picker.selected_slot()
        if on and slot is not None:
            self._set_any_time(slot.starts_at)
        self._update_confirm()

    @QtSlot(object)
    def _slot_changed(self, slot: Slot | None) -> None:
        if slot is not None and not self.bypass.isChecked():
            self._set_any_time(slot.starts_at)
        self._update_confirm()
        self.error_label.clear()

    def starts_at(self) -> datetime | None:
        """The free time picked, or outside the rules the start typed in."""
        if self.bypass.isChecked():
            seconds = self.any_time.dateTime().toSecsSinceEpoch()
            return datetime.fromtimestamp(seconds, tz=self._zone)
        slot = self.picker.selected_slot()
        return slot.starts_at if slot is not None else None

    def _update_confirm(self) -> None:
        self.confirm_button.setEnabled(self.starts_at() is not None)

    def _failed(self, message: str) -> None:
        super()._failed(message)
        self._update_confirm()

    @QtSlot()
    def confirm(self) -> None:
        starts_at = self.starts_at()
        if starts_at is None:
            return
        bypass = self.bypass.isChecked()
        if bypass and not self.reason.text().strip():
            self.error_label.setText(
                self.tr("Give a reason for moving the session outside the studio's rules.")
            )
            return
        self.submit(
            move_booking(
                self._ctx,
                self.principal(),
                self.state.booking.id,
                starts_at,
                bypass_rules=bypass,
                reason=self.reason.text(),
            ),
            self.tr("The session of {name} is now on {when}.").format(
                name=self.state.booking.client_name,
                when=self.display.date_time(starts_at),
            ),
        )
