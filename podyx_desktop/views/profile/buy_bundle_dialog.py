"""Buy a bundle: choose a bundle product, optionally a promo code, a payment method, accept
the terms, buy. The price (lines, VAT per rate, total) comes from the checkout's quote."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.records import BundleProduct, BundleResult, Catalogue
from podyx_desktop.domain.requests import BundlePurchaseRequest, Quote
from podyx_desktop.domain.vocabulary import display_locale
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.models.bundles import BundleProductsModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.bookings import load_catalogue
from podyx_desktop.operations.bundles import buy_bundle, quote_bundle
from podyx_desktop.views.booking.checkout_widgets import (
    PaymentMethodPicker,
    PriceSummaryView,
    PromoCodeRow,
    TermsCheck,
)
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.formatting import money_text
from podyx_desktop.views.common.text_style import wrapped_label


class BuyBundleDialog(QDialog):
    bought = Signal(object)  # BundleResult

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        studio = ctx.user.studio
        self.display = DisplayFormat.for_studio(studio)
        self.quote: Quote | None = None
        self.promo_code: str | None = None
        self._quote_request = 0
        self._buying = False
        self.setWindowTitle(self.tr("Buy a bundle"))
        self.setModal(True)

        self.products = BundleProductsModel(self.display, self)
        self.list = QListView(self)
        self.list.setModel(self.products)
        self.list.setAccessibleName(self.tr("Bundles on sale"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMaximumHeight(120)
        self.list.selectionModel().selectionChanged.connect(self._product_changed)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setObjectName("Muted")
        self.prices = PriceSummaryView(self.display, self)
        self.promo = PromoCodeRow(self)
        self.promo.apply_requested.connect(lambda code: self.request_quote(code or None))
        self.payment = PaymentMethodPicker.for_user(ctx.user, self, purpose="bundle")
        self.terms = TermsCheck(studio.terms, self)
        self.terms.check.toggled.connect(self._update_buttons)
        self.error_label = wrapped_label(self, "ErrorText")
        self.buy_button = QPushButton(self.tr("&Buy"), self)
        self.buy_button.setAccessibleName(self.tr("Buy the chosen bundle"))
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.buy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.buy)
        self.buttons.rejected.connect(self.reject)

        list_label = QLabel(self.tr("&Bundles on sale:"), self)
        list_label.setBuddy(self.list)
        form = QFormLayout()
        method_label = QLabel(self.tr("Payment &method:"), self)
        method_label.setBuddy(self.payment.combo)
        form.addRow(method_label, self.payment)
        layout = QVBoxLayout(self)
        layout.addWidget(list_label)
        layout.addWidget(self.list)
        layout.addWidget(self.description)
        layout.addWidget(self.prices)
        layout.addWidget(self.promo)
        layout.addLayout(form)
        layout.addWidget(self.terms)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(720, 640)
        self._update_buttons()
        self._load()

    def _load(self) -> None:
        principal = self._ctx.user.principal
        self.error_label.setText(self.tr("Loading the bundles on sale…"))
        load_catalogue(self._ctx, principal).success(
            lambda loaded: self._loaded(loaded[0])
        ).failure(self.error_label.setText).run(self)

    def _loaded(self, catalogue: Catalogue) -> None:
        self.products.set_rows(catalogue.bundle_products)
        self.error_label.setText(
            "" if catalogue.bundle_products else self.tr("No bundles are on sale.")
        )
        if catalogue.bundle_products:
            self.list.setCurrentIndex(self.products.index(0, 0))

    def selected_product(self) -> BundleProduct | None:
        rows = self.list.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
        return record if isinstance(record, BundleProduct) else None

    @Slot(QItemSelection, QItemSelection)
    def _product_changed(self, *_args: QItemSelection) -> None:
        product = self.selected_product()
        self.description.setText(product.description if product else "")
        self.request_quote(self.promo.code() or None)

    def request_quote(self, code: str | None) -> None:
        product = self.selected_product()
        self.quote = None
        self._update_buttons()
        if product is None:
            self.prices.clear()
            return
        principal = self._ctx.user.principal
        self._quote_request += 1
        request = self._quote_request
        product_id = product.id
        quote_bundle(self._ctx, principal, product_id, code).success(
            lambda quote: self._quoted(request, code, quote)
        ).failure(self.error_label.setText).run(self)

    def _quoted(self, request: int, code: str | None, quote: Quote) -> None:
        if request != self._quote_request:
            return
        self.quote = quote
        if quote.promo_refusal is not None:
            self.promo_code = None
            self.promo.show_refused(quote.promo_message or "")
        elif code and quote.summary.promo_code:
            self.promo_code = quote.summary.promo_code
            studio = self._ctx.user.studio
            self.promo.show_applied(
                self.tr("Promo code {code} applied: you save {amount}.").format(
                    code=quote.summary.promo_code,
                    amount=money_text(
                        quote.summary.discount_minor, studio.currency, display_locale(studio.locale)
                    ),
                )
            )
        else:
            self.promo_code = None
            self.promo.clear_message()
        self.prices.show_summary(quote.summary)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.buy_button.setEnabled(
            not self._buying and self.quote is not None and self.terms.accepted()
        )

    @Slot()
    def buy(self) -> None:
        product = self.selected_product()
        if product is None or self.quote is None or not self.terms.accepted():
            return
        request = BundlePurchaseRequest(
            product_id=product.id,
            payment_method=self.payment.method(),
            terms_accepted=True,
            promo_code=self.promo_code,
        )
        principal = self._ctx.user.principal
        self._buying = True
        self._update_buttons()
        self.error_label.setText(self.tr("Buying…"))
        buy_bundle(self._ctx, principal, request).success(self._done).failure(self._failed).run(
            self
        )

    def _done(self, result: BundleResult) -> None:
        self._buying = False
        self.bought.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        self._buying = False
        self.error_label.setText(message)
        self._update_buttons()
