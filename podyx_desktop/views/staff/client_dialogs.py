"""The desk's dialogs on one client: a new client (with the one-time code to hand over),
the client's details, a new one-time code, a bundle issued, a payment recorded, a refund
and store credit.

Each runs its operation itself, shows a failure in words under its fields and stays open;
on success it emits ``succeeded`` with a sentence for the Clients place's feedback line and
closes (the code dialogs stay open to show the code until closed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, PurchaseStatus, RefundTo
from podyx_desktop.domain.vocabulary import payment_method_text
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.bookings import load_catalogue
from podyx_desktop.operations.clients import (
    add_store_credit,
    issue_bundle,
    issue_sign_in_code,
    refund_purchase,
    update_client_details,
)
from podyx_desktop.operations.desk import approve_payment
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.staff.client_form import CodeCard, NewClientForm
from podyx_desktop.views.staff.money_input import MoneyEdit
from podyx_desktop.views.staff.operation_dialog import OperationDialog

if TYPE_CHECKING:
    from podyx_desktop.domain.records import Account, Catalogue, Purchase
    from podyx_desktop.operations.clients import NewCode
    from podyx_desktop.operations.desk_booking import DeskClient
    from podyx_desktop.views.common.context import ViewContext

# How the desk takes a payment it records (as the booking's Approve offers).
PAYMENT_METHODS = (
    PaymentMethod.CARD_AT_DESK,
    PaymentMethod.CASH,
    PaymentMethod.BANK_TRANSFER,
    PaymentMethod.STORE_CREDIT,
)


def payable(purchase: Purchase) -> bool:
    return (
        purchase.kind is not PurchaseKind.CREDIT_NOTE
        and purchase.status is PurchaseStatus.AWAITING_PAYMENT
    )


def refundable(purchase: Purchase) -> bool:
    return purchase.kind is not PurchaseKind.CREDIT_NOTE and purchase.left_to_refund_minor > 0


def purchase_text(display: DisplayFormat, purchase: Purchase) -> str:
    """``R-2026-00042 · 2 Jun 2026 · Video podcast · €95.00``."""
    number = purchase.receipt_number or QCoreApplication.translate("ClientDialog", "No receipt yet")
    what = purchase.lines[0].description if purchase.lines else ""
    money = display.money(purchase.gross_minor, purchase.currency)
    return " · ".join(p for p in (number, display.day(purchase.created_at), what, money) if p)


class ClientDialog(OperationDialog):
    """A dialog about one client with a form, an error line and "do it" / Cancel."""

    def __init__(
        self,
        ctx: ViewContext,
        client: Account,
        title: str,
        action: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.client = client
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.setWindowTitle(title)
        self.setModal(True)
        self.intro = wrapped_label(self, "")
        self.intro.setText(
            self.tr("{name} · {email}").format(name=client.full_name, email=client.email)
        )
        self.form = QFormLayout()
        self.error_label = wrapped_label(self, "ErrorText", self.tr("What went wrong"))
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = QPushButton(action, self)
        self.confirm_button.setObjectName("PrimaryButton")
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.intro)
        self.body.addLayout(self.form)
        self.resize(520, 0)

    def finish_layout(self) -> None:
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)


class NewClientDialog(QDialog):
    """A client's account made at the desk; then the one-time code, and "Open the client"."""

    created = Signal(object)  # Account
    open_requested = Signal(object)  # Account

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New client"))
        self.setModal(True)
        self.made: DeskClient | None = None
        self.form = NewClientForm(ctx, self)
        self.code_card = CodeCard(self)
        self.code_card.hide()
        self.open_button = QPushButton(self.tr("&Open the client"), self)
        self.open_button.setObjectName("PrimaryButton")
        self.open_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(self._open_client)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.code_card)
        layout.addWidget(buttons)
        self.form.created.connect(self._created)
        self.resize(520, 0)

    @Slot(object)
    def _created(self, made: DeskClient) -> None:
        self.made = made
        self.form.hide()
        self.code_card.show_code(made.code)
        self.open_button.show()
        self.open_button.setFocus()
        self.created.emit(made.account)

    @Slot()
    def _open_client(self) -> None:
        if self.made is not None:
            self.open_requested.emit(self.made.account)
        self.accept()


class EditClientDialog(ClientDialog):
    """The client's name, email and phone."""

    def __init__(self, ctx: ViewContext, client: Account, parent: QWidget | None = None):
        super().__init__(ctx, client, self.tr("Client's details"), self.tr("&Save"), parent)
        self.full_name = QLineEdit(client.full_name, self)
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.email = QLineEdit(client.email, self)
        self.email.setAccessibleName(self.tr("Email"))
        self.phone = QLineEdit(client.phone, self)
        self.phone.setAccessibleName(self.tr("Phone"))
        self.form.addRow(self.tr("Full &name"), self.full_name)
        self.form.addRow(self.tr("&Email"), self.email)
        self.form.addRow(self.tr("&Phone"), self.phone)
        self.finish_layout()

    @Slot()
    def confirm(self) -> None:
        self.submit(
            update_client_details(
                self._ctx,
                self.principal(),
                self.client.id,
                self.full_name.text(),
                self.email.text(),
                self.phone.text(),
            ),
            self.tr("The details of {name} were saved.").format(name=self.full_name.text().strip()),
        )


class NewCodeDialog(ClientDialog):
    """A new one-time code replaces the old one; shown once, to hand over."""

    def __init__(self, ctx: ViewContext, client: Account, parent: QWidget | None = None):
        super().__init__(
            ctx, client, self.tr("New one-time code"), self.tr("&Issue a new code"), parent
        )
        self.explain = wrapped_label(self, "Muted")
        self.explain.setText(
            self.tr(
                'The client sets a new password with the code on the sign-in screen ("I have '
                'a code from the studio"). An earlier code stops working.'
            )
        )
        self.form.addRow(self.explain)
        self.code_card = CodeCard(self)
        self.code_card.hide()
        self.body.addWidget(self.code_card)
        self.finish_layout()

    @Slot()
    def confirm(self) -> None:
        self.confirm_button.setEnabled(False)
        self.error_label.setText(self.tr("Saving…"))
        issue_sign_in_code(self._ctx, self.principal(), self.client.id).success(
            self._issued
        ).failure(self._failed).run(self)

    def _issued(self, made: NewCode) -> None:
        self.error_label.clear()
        self.code_card.show_code(made.code)
        self.confirm_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.succeeded.emit(
            self.tr("A new one-time code for {name} was issued.").format(name=self.client.full_name)
        )


class IssueBundleDialog(ClientDialog):
    """A bundle given without payment (goodwill, a deal made in person), with a reason."""

    def __init__(self, ctx: ViewContext, client: Account, parent: QWidget | None = None):
        super().__init__(ctx, client, self.tr("Issue a bundle"), self.tr("&Issue bundle"), parent)
        self.product = QComboBox(self)
        self.product.setAccessibleName(self.tr("Bundle"))
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for issuing the bundle"))
        self.form.addRow(self.tr("&Bundle:"), self.product)
        self.form.addRow(self.tr("&Reason:"), self.reason)
        self.finish_layout()
        self.confirm_button.setEnabled(False)
        self.error_label.setText(self.tr("Loading the bundles…"))
        load_catalogue(ctx, self.principal()).success(
            lambda loaded: self._loaded(loaded[0])
        ).failure(self.error_label.setText).run(self)

    def _loaded(self, catalogue: Catalogue) -> None:
        for product in catalogue.bundle_products:
            self.product.addItem(
                self.tr("{name} ({sessions} sessions, {price})").format(
                    name=product.name,
                    sessions=product.sessions,
                    price=self.display.money(product.price_minor),
                ),
                product.id,
            )
        has = self.product.count() > 0
        self.error_label.setText("" if has else self.tr("The studio has no bundles to issue."))
        self.confirm_button.setEnabled(has)

    @Slot()
    def confirm(self) -> None:
        if self.product.currentData() is None:
            return
        if not self.reason.text().strip():
            self.error_label.setText(
                self.tr("Say why the bundle is issued; the audit log keeps it.")
            )
            return
        self.submit(
            issue_bundle(
                self._ctx,
                self.principal(),
                self.client.id,
                int(self.product.currentData()),
                self.reason.text(),
            ),
            self.tr("{bundle} was issued to {name}.").format(
                bundle=self.product.currentText().split(" (")[0], name=self.client.full_name
            ),
        )


class PurchaseDialog(ClientDialog):
    """A dialog on one of the client's purchases, picked from those it applies to."""

    def __init__(
        self,
        ctx: ViewContext,
        client: Account,
        purchases: list[Purchase],
        title: str,
        action: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, client, title, action, parent)
        self.purchases = purchases
        self.purchase = QComboBox(self)
        self.purchase.setAccessibleName(self.tr("Purchase"))
        for purchase in purchases:
            self.purchase.addItem(purchase_text(self.display, purchase), purchase.id)
        self.form.addRow(self.tr("P&urchase:"), self.purchase)

    def chosen(self) -> Purchase | None:
        index = self.purchase.currentIndex()
        return self.purchases[index] if 0 <= index < len(self.purchases) else None


class RecordPaymentDialog(PurchaseDialog):
    """The payment of a purchase awaiting it, by the method used: the receipt is issued
    and a pending booking confirmed."""

    def __init__(
        self,
        ctx: ViewContext,
        client: Account,
        purchases: list[Purchase],
        parent: QWidget | None = None,
    ):
        super().__init__(
            ctx,
            client,
            [p for p in purchases if payable(p)],
            self.tr("Record a payment"),
            self.tr("&Record payment"),
            parent,
        )
        self.method = QComboBox(self)
        self.method.setAccessibleName(self.tr("Payment method used"))
        for method in PAYMENT_METHODS:
            self.method.addItem(payment_method_text(method.value), method.value)
        self.form.addRow(self.tr("Paid &by:"), self.method)
        self.purchase.currentIndexChanged.connect(self._purchase_changed)
        self._purchase_changed()
        self.finish_layout()

    @Slot(int)
    def _purchase_changed(self, *_args: object) -> None:
        purchase = self.chosen()
        if purchase is not None and purchase.method in PAYMENT_METHODS:
            self.method.setCurrentIndex(PAYMENT_METHODS.index(purchase.method))

    @Slot()
    def confirm(self) -> None:
        purchase = self.chosen()
        if purchase is None:
            return
        self.submit(
            approve_payment(
                self._ctx, self.principal(), purchase.id, PaymentMethod(self.method.currentData())
            ),
            self.tr("Payment of {amount} by {name} recorded; the receipt is issued.").format(
                amount=self.display.money(purchase.gross_minor, purchase.currency),
                name=self.client.full_name,
            ),
        )


class RefundDialog(PurchaseDialog):
    """A paid purchase refunded with a credit note, to the original method or as store
    credit, with a reason; the amount is typed the user's way."""

    def __init__(
        self,
        ctx: ViewContext,
        client: Account,
        purchases: list[Purchase],
        parent: QWidget | None = None,
    ):
        super().__init__(
            ctx,
            client,
            [p for p in purchases if refundable(p)],
            self.tr("Refund"),
            self.tr("&Refund"),
            parent,
        )
        self.amount = MoneyEdit(self.display, self)
        self.amount.setAccessibleName(self.tr("Amount to refund"))
        self.left_label = QLabel(self)
        self.original = QRadioButton(self.tr("To the &original payment method"), self)
        self.store_credit = QRadioButton(self.tr("As &store credit"), self)
        self.original.setChecked(True)
        self.to = QButtonGroup(self)
        self.to.addButton(self.original)
        self.to.addButton(self.store_credit)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the refund"))
        self.form.addRow(self.tr("&Amount:"), self.amount)
        self.form.addRow("", self.left_label)
        self.form.addRow(self.tr("Refund:"), self.original)
        self.form.addRow("", self.store_credit)
        self.form.addRow(self.tr("R&eason:"), self.reason)
        self.purchase.currentIndexChanged.connect(self._purchase_changed)
        self._purchase_changed()
        self.finish_layout()

    @Slot(int)
    def _purchase_changed(self, *_args: object) -> None:
        purchase = self.chosen()
        if purchase is None:
            return
        left = purchase.left_to_refund_minor
        self.amount.set_minor(left)
        self.left_label.setText(
            self.tr("Left to refund: {amount} (paid by {method})").format(
                amount=self.display.money(left, purchase.currency),
                method=payment_method_text(purchase.method.value),
            )
        )

    @Slot()
    def confirm(self) -> None:
        purchase = self.chosen()
        if purchase is None:
            return
        amount = self.amount.minor()
        if amount is None or amount <= 0:
            self.error_label.setText(
                self.tr("Type the amount as {example}.").format(example=self.display.money(1250))
            )
            return
        if not self.reason.text().strip():
            self.error_label.setText(
                self.tr("Give a reason for the refund; the audit log keeps it.")
            )
            return
        to = RefundTo.STORE_CREDIT if self.store_credit.isChecked() else RefundTo.ORIGINAL_METHOD
        self.submit(
            refund_purchase(
                self._ctx, self.principal(), purchase.id, to, self.reason.text(), amount
            ),
            self.tr("{amount} refunded to {name}; the credit note is issued.").format(
                amount=self.display.money(amount, purchase.currency), name=self.client.full_name
            ),
        )


class StoreCreditDialog(ClientDialog):
    """Store credit added (goodwill), with a reason; the amount typed the user's way."""

    def __init__(self, ctx: ViewContext, client: Account, parent: QWidget | None = None):
        super().__init__(
            ctx, client, self.tr("Add store credit"), self.tr("&Add store credit"), parent
        )
        self.balance = QLabel(self.display.money(client.store_credit_minor), self)
        self.amount = MoneyEdit(self.display, self)
        self.amount.setAccessibleName(self.tr("Store credit to add"))
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the store credit"))
        self.form.addRow(self.tr("Balance now:"), self.balance)
        self.form.addRow(self.tr("&Amount:"), self.amount)
        self.form.addRow(self.tr("R&eason:"), self.reason)
        self.finish_layout()

    @Slot()
    def confirm(self) -> None:
        amount = self.amount.minor()
        if amount is None or amount <= 0:
            self.error_label.setText(
                self.tr("Type a positive amount, as {example}.").format(
                    example=self.display.money(1250)
                )
            )
            return
        if not self.reason.text().strip():
            self.error_label.setText(self.tr("Give a reason; the audit log keeps it."))
            return
        self.submit(
            add_store_credit(
                self._ctx, self.principal(), self.client.id, amount, self.reason.text()
            ),
            self.tr("{amount} of store credit added for {name}.").format(
                amount=self.display.money(amount), name=self.client.full_name
            ),
        )
