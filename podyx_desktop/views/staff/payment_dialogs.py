"""The Payments place's dialogs on one pending payment: approve it with the method actually
used (the desk's ``approve_payment``: the receipt is issued, a pending booking confirmed)
and refuse it with a reason (a session: the desk's ``refuse_booking``, which cancels the
booking and frees its time; a bundle bought by transfer: withdrawn, its sessions voided).

Each runs its operation itself, shows a failure in words and stays open; on success it
emits ``succeeded`` with a sentence for the place's feedback line and closes.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind
from podyx_desktop.domain.payments import PendingPayment
from podyx_desktop.domain.vocabulary import payment_method_text
from podyx_desktop.models.payments import PendingPaymentsModel
from podyx_desktop.operations.desk import approve_payment, refuse_booking
from podyx_desktop.operations.payments import withdraw_purchase
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.staff.operation_dialog import OperationDialog

# What the desk records a pending payment as having been paid by.
APPROVE_METHODS = (
    PaymentMethod.CARD_AT_DESK,
    PaymentMethod.CASH,
    PaymentMethod.BANK_TRANSFER,
    PaymentMethod.STORE_CREDIT,
)


class PaymentDialog(OperationDialog):
    """One pending payment, an error line, and "do it" / Cancel."""

    @Slot()
    def __init__(
        self,
        ctx: ViewContext,
        payment: PendingPayment,
        model: PendingPaymentsModel,
        title: str,
        action: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.payment = payment
        self.setWindowTitle(title)
        self.setModal(True)
        self.intro = wrapped_label(self, "")
        self.intro.setText(
            self.tr("{name}: {what} — {amount}").format(
                name=payment.client_name,
                what=model.what_for(payment),
                amount=model.display.money(payment.gross_minor, payment.currency),
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
        body = QVBoxLayout(self)
        body.addWidget(self.intro)
        body.addLayout(self.form)
        body.addWidget(self.error_label)
        body.addWidget(self.buttons)


class ApprovePaymentDialog(PaymentDialog):
    """Record the payment with the method actually used: the receipt is issued."""

    def __init__(
        self,
        ctx: ViewContext,
        payment: PendingPayment,
        model: PendingPaymentsModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, payment, model, self.tr("Approve payment"), self.tr("&Record payment"), parent
        )
        self.method = QComboBox(self)
        self.method.setAccessibleName(self.tr("Payment method used"))
        for method in APPROVE_METHODS:
            self.method.addItem(payment_method_text(method.value), method.value)
        chosen = PaymentMethod.BANK_TRANSFER
        if payment.method is not PaymentMethod.BANK_TRANSFER:
            chosen = PaymentMethod.CARD_AT_DESK
        self.method.setCurrentIndex(APPROVE_METHODS.index(chosen))
        self.form.addRow(self.tr("Client chose:"), QLabel(payment_method_text(payment.method)))
        self.form.addRow(self.tr("Paid by:"), self.method)

    @Slot()
    def confirm(self) -> None:
        method = PaymentMethod(self.method.currentData())
        principal = self._ctx.user.principal
        self.submit(
            approve_payment(self._ctx, principal, self.payment.purchase_id, method),
            self.tr("Payment of {name} recorded ({method}); the receipt is issued.").format(
                name=self.payment.client_name, method=payment_method_text(method.value)
            ),
        )


class RefusePaymentDialog(PaymentDialog):
    """Refuse with a reason: a session is canceled and its time freed; a bundle bought by
    transfer is withdrawn. Nothing was charged, so nothing is refunded."""

    def __init__(
        self,
        ctx: ViewContext,
        payment: PendingPayment,
        model: PendingPaymentsModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, payment, model, self.tr("Refuse"), self.tr("&Refuse"), parent)
        self.explain = wrapped_label(self, "Muted")
        if self.is_session:
            self.explain.setText(
                self.tr("The booking is canceled and its time freed; nothing was charged.")
            )
        else:
            self.explain.setText(
                self.tr("The purchase is withdrawn and its sessions voided; nothing was charged.")
            )
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the refusal"))
        self.form.addRow(self.explain)
        self.form.addRow(self.tr("Reason:"), self.reason)

    @property
    def is_session(self) -> bool:
        return self.payment.kind is PurchaseKind.BOOKING and self.payment.booking_id is not None

    @Slot()
    def confirm(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.error_label.setText(self.tr("Give the client a reason for the refusal."))
            return
        principal = self._ctx.user.principal
        feedback = self.tr("The payment of {name} was refused.").format(
            name=self.payment.client_name
        )
        if self.is_session:
            assert self.payment.booking_id is not None
            self.submit(
                refuse_booking(self._ctx, principal, self.payment.booking_id, reason), feedback
            )
        else:
            self.submit(
                withdraw_purchase(self._ctx, principal, self.payment.purchase_id, reason),
                feedback,
            )
