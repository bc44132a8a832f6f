"""The desk's actions on one booking: approve a payment, refuse, cancel, completed,
no-show, move, a new price — each disabled with the reason in words when it cannot be
used now, as the client's Bookings tab shows them.

The pane loads the booking's state through an operation (``load_desk_state``), reloads it
when a published change touches bookings or purchases, and after each action shows a
line of feedback and emits ``changed``. The services check every role again; the pane
only shows what they would refuse (the front desk sees refunds and new prices disabled:
"Managers and owners only").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseStatus, Role
from podyx_desktop.domain.message import shown
from podyx_desktop.operations.desk import DeskState, load_desk_state, record_outcome
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.reasons import show_decisions
from podyx_desktop.views.common.text_style import wrapped_label

if TYPE_CHECKING:
    from podyx_desktop.domain.changes import Changes
    from podyx_desktop.domain.records import Booking
    from podyx_desktop.views.staff.desk_dialogs import DeskDialog

REFUSABLE = (PaymentMethod.PAY_LATER, PaymentMethod.BANK_TRANSFER)


class DeskActionsPane(QWidget):
    """The buttons of the desk for the booking shown (``show_booking``)."""

    SHOWS: ClassVar[tuple[Kind, ...]] = (Kind.BOOKINGS, Kind.PURCHASES)
    changed = Signal()  # an action succeeded (the operation has published its Changes)
    state_loaded = Signal()  # the booking's state arrived (or failed to)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.booking_id: int | None = None
        self.state: DeskState | None = None
        self.dialog: DeskDialog | None = None
        self._loading = 0
        self.approve_button = QPushButton(self.tr("&Approve payment…"), self)
        self.refuse_button = QPushButton(self.tr("Re&fuse…"), self)
        self.cancel_button = QPushButton(self.tr("&Cancel…"), self)
        self.completed_button = QPushButton(self.tr("Co&mpleted"), self)
        self.no_show_button = QPushButton(self.tr("&No-show"), self)
        self.move_button = QPushButton(self.tr("Mo&ve…"), self)
        self.price_button = QPushButton(self.tr("Override &price…"), self)
        self.reasons: dict[QPushButton, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, button in enumerate(self.buttons()):
            reason = wrapped_label(self, "Muted")
            self.reasons[button] = reason
            grid.addWidget(button, row, 0)
            grid.addWidget(reason, row, 1)
        self.approve_button.clicked.connect(self.open_approve)
        self.refuse_button.clicked.connect(self.open_refuse)
        self.cancel_button.clicked.connect(self.open_cancel)
        self.completed_button.clicked.connect(lambda: self.mark(BookingStatus.COMPLETED))
        self.no_show_button.clicked.connect(lambda: self.mark(BookingStatus.NO_SHOW))
        self.move_button.clicked.connect(self.open_move)
        self.price_button.clicked.connect(self.open_price)
        self.feedback = wrapped_label(self, "Feedback", self.tr("What the last action did"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        ctx.bus.changed.connect(self._on_changed)
        self._show_state(None)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.approve_button,
            self.refuse_button,
            self.cancel_button,
            self.completed_button,
            self.no_show_button,
            self.move_button,
            self.price_button,
        )

    @property
    def is_loading(self) -> bool:
        return self._loading > 0

    @property
    def is_manager(self) -> bool:
        return self._ctx.user.principal.at_least(Role.MANAGER)

    # --- loading ----------------------------------------------------------------------

    def show_booking(self, booking_id: int | None) -> None:
        """Act on ``booking_id`` (None: nothing chosen); its state loads off the GUI thread."""
        if booking_id != self.booking_id:
            self.feedback.clear()
        self.booking_id = booking_id
        self.reload()

    def reload(self) -> None:
        booking_id = self.booking_id
        if booking_id is None:
            self._show_state(None)
            return
        self._loading += 1
        load_desk_state(self._ctx, self._ctx.user.principal, booking_id).success(
            lambda state: self._loaded(booking_id, state)
        ).failure(lambda message: self._load_failed(booking_id, message)).run(self)

    def _loaded(self, booking_id: int, state: DeskState) -> None:
        self._loading -= 1
        if booking_id == self.booking_id:
            self._show_state(state)
        self.state_loaded.emit()

    def _load_failed(self, booking_id: int, message: str) -> None:
        self._loading -= 1
        if booking_id == self.booking_id:
            self._show_state(None)
            self.feedback.setText(message)
        self.state_loaded.emit()

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if self.booking_id is not None and changes.touches(*self.SHOWS):
            self.reload()

    # --- what may be done -------------------------------------------------------------

    def _show_state(self, state: DeskState | None) -> None:
        self.state = state
        show_decisions(
            self.buttons(), self.reasons, self._decisions(state), known=state is not None
        )

    def _decisions(self, state: DeskState | None) -> list[tuple[bool, str]]:
        if state is None:
            return [(False, "")] * len(self.buttons())
        booking, actions, purchase = state.booking, state.actions, state.purchase
        status = booking.status
        awaiting = purchase is not None and purchase.status is PurchaseStatus.AWAITING_PAYMENT
        payment = self._payment_reason(booking, state)
        started = booking.starts_at <= state.now
        managers_only = self.tr("Managers and owners only.")
        outcome: tuple[bool, str]
        if not status.is_open:
            outcome = (
                False,
                self.tr("This session is {status}.").format(status=status_word(status)),
            )
        elif not started:
            outcome = (False, self.tr("Once the session has started."))
        else:
            outcome = (True, "")
        refusable = (
            status is BookingStatus.PENDING
            and awaiting
            and purchase is not None
            and purchase.method in REFUSABLE
        )
        return [
            (awaiting and status.is_open, payment),
            (
                refusable,
                self.tr("Only a pending pay-later or bank-transfer booking can be refused.")
                if status.is_open
                else self.tr("This session is {status}.").format(status=status_word(status)),
            ),
            (actions.can_cancel, shown(actions.cancel_reason or "")),
            outcome,
            outcome,
            (actions.can_reschedule, shown(actions.reschedule_reason or "")),
            (
                self.is_manager and awaiting and status.is_open,
                managers_only if not self.is_manager else payment,
            ),
        ]

    def _payment_reason(self, booking: Booking, state: DeskState) -> str:
        purchase = state.purchase
        if not booking.status.is_open:
            return self.tr("This session is {status}.").format(status=status_word(booking.status))
        if purchase is None:
            return self.tr("Paid with bundle credit; nothing awaits payment.")
        if purchase.status is PurchaseStatus.PAID:
            return self.tr("Paid (receipt {number}).").format(number=purchase.receipt_number)
        if purchase.status is PurchaseStatus.REFUNDED:
            return self.tr("Paid and refunded.")
        return self.tr("The open payment was withdrawn.")

    # --- actions ----------------------------------------------------------------------

    def _open(self, dialog: DeskDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.succeeded.connect(self._succeeded)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    @Slot(int)
    def _dialog_closed(self, _code: int) -> None:
        self.dialog = None

    @Slot()
    def open_approve(self) -> None:
        from podyx_desktop.views.staff.desk_dialogs import ApproveDialog

        if self.state is not None and self.approve_button.isEnabled():
            self._open(ApproveDialog(self._ctx, self.state, self))

    @Slot()
    def open_refuse(self) -> None:
        from podyx_desktop.views.staff.desk_dialogs import RefuseDialog

        if self.state is not None and self.refuse_button.isEnabled():
            self._open(RefuseDialog(self._ctx, self.state, self))

    @Slot()
    def open_cancel(self) -> None:
        from podyx_desktop.views.staff.desk_dialogs import CancelDialog

        if self.state is not None and self.cancel_button.isEnabled():
            self._open(CancelDialog(self._ctx, self.state, self.is_manager, self))

    @Slot()
    def open_move(self) -> None:
        from podyx_desktop.views.staff.desk_dialogs import MoveDialog

        if self.state is not None and self.move_button.isEnabled():
            self._open(MoveDialog(self._ctx, self.state, self))

    @Slot()
    def open_price(self) -> None:
        from podyx_desktop.views.staff.desk_dialogs import PriceDialog

        if self.state is not None and self.price_button.isEnabled():
            self._open(PriceDialog(self._ctx, self.state, self))

    def mark(self, status: BookingStatus) -> None:
        state = self.state
        if state is None:
            return
        booking = state.booking
        self.completed_button.setEnabled(False)
        self.no_show_button.setEnabled(False)
        done = (
            self.tr("The session of {name} is marked completed.")
            if status is BookingStatus.COMPLETED
            else self.tr("The session of {name} is marked a no-show.")
        ).format(name=booking.client_name)
        record_outcome(self._ctx, self._ctx.user.principal, booking.id, status).success(
            lambda _booking: self._succeeded(done)
        ).failure(self._failed).run(self)

    @Slot(str)
    def _succeeded(self, feedback: str) -> None:
        # The operation publishes its Changes next; the pane reloads on them.
        self.feedback.setText(feedback)
        self.changed.emit()

    def _failed(self, message: str) -> None:
        self.feedback.setText(message)
        self.reload()


def status_word(status: BookingStatus) -> str:
    from podyx_desktop.models.labels import booking_status_text

    return booking_status_text(status).lower()
