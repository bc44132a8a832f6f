"""The Purchases tab: every payment and refund — session payments, bundle purchases,
add-on charges, credit notes — with date, lines, VAT per rate, promo code and discount,
payment method and receipt number; the selected one's lines in a details pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.records import Purchase
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.models.labels import (
    payment_method_text,
    purchase_kind_text,
    purchase_status_text,
)
from podyx_desktop.models.purchases import PurchasesTableModel
from podyx_desktop.operations.bundles import load_client_purchases
from podyx_desktop.views.booking.checkout_widgets import PriceSummaryView
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.document_actions import (
    DocumentDownload,
    receipt_button_state,
    receipt_request,
)
from podyx_desktop.views.common.formatting import money_text
from podyx_desktop.views.common.tables import current_record, record_table, select_where
from podyx_desktop.views.common.text_style import bold
from podyx_desktop.views.profile.profile_tab import ProfileSubject, ProfileTab, warming

if TYPE_CHECKING:
    pass


class PurchasesTab(ProfileTab):
    SHOWS = (Kind.PURCHASES,)

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget | None = None,
        *,
        subject: ProfileSubject | None = None,
    ) -> None:
        super().__init__(ctx, parent, subject=subject, object_name="PurchasesTab")
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.model = PurchasesTableModel(self.display, self)
        # Every widget is created in its final parent: moving a widget under a new parent
        # makes the style sheet polish it (and everything inside it) again, which cost
        # more than building the tab (bench/gui_lag.py). The list on top, the selected
        # purchase below: its lines get the full width.
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter)
        top = QWidget(splitter)
        bottom = QWidget(splitter)
        self.view = record_table(
            self.model, self.tr("Purchases and refunds"), top, stretch_column=1
        )
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list_message = QLabel(top)
        self.list_message.setObjectName("Muted")
        self.list_message.setWordWrap(True)

        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.list_message)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 1000])  # proportions of the first layout
        splitter.setChildrenCollapsible(False)
        self.build_later(lambda: self._build_details(bottom))

    def _build_details(self, bottom: QWidget) -> None:
        """The selected purchase: its facts, its lines and its receipt (the next turn)."""
        self.body = QWidget(bottom)
        self.title = QLabel(self.body)
        self.title.setObjectName("PageTitle")
        self.placeholder = QLabel(self.tr("Select a purchase to see its lines."), bottom)
        self.placeholder.setObjectName("Muted")
        self.receipt_label = QLabel(self.body)
        self.receipt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date_label = QLabel(self.body)
        self.status_label = QLabel(self.body)
        self.method_label = QLabel(self.body)
        self.promo_label = QLabel(self.body)
        self.refund_label = QLabel(self.body)
        for label in (self.receipt_label, self.method_label, self.promo_label, self.refund_label):
            label.setWordWrap(True)
        self.receipt_label.setToolTip(
            self.tr("A receipt number is issued when the payment is recorded.")
        )
        self.form = QFormLayout()
        self._row(self.tr("Receipt no.:"), self.receipt_label)
        self._row(self.tr("Date:"), self.date_label)
        self._row(self.tr("Status:"), self.status_label)
        self._row(self.tr("Payment method:"), self.method_label)
        self._row(self.tr("Promo code:"), self.promo_label)
        self._row(self.tr("Refund:"), self.refund_label)
        self.prices = PriceSummaryView(self.display, self.body, vat_table=True)
        self.vat_model = self.prices.vat_model
        self.vat_view = self.prices.vat_table

        # ---- Document actions ------------------------------------------------------
        # PDF engineer: add the "Download receipt" button to ``self.document_actions``
        # (a QHBoxLayout under the purchase's facts). ``selected_purchase()`` gives the Purchase;
        # ``purchase_selected(purchase)`` is called whenever the shown purchase changes.
        self.document_actions = QHBoxLayout()
        self.document_actions.setObjectName("DocumentActions")
        self.downloads = DocumentDownload(self._ctx, self)
        self.download_button = QPushButton(self.body)
        self.download_button.clicked.connect(self.download_receipt)
        self.download_reason = QLabel(self.body)
        self.download_reason.setObjectName("Muted")
        self.download_reason.setWordWrap(True)
        self.document_actions.addWidget(self.download_button)
        self.document_actions.addWidget(self.download_reason, 1)
        # ---- end of document actions ------------------------------------------------

        facts = QVBoxLayout()
        facts.addWidget(self.title)
        facts.addLayout(self.form)
        facts.addLayout(self.document_actions)
        facts.addStretch(1)
        lines = QVBoxLayout()
        lines_label = QLabel(self.tr("Lines"), self.body)
        bold(lines_label)
        lines.addWidget(lines_label)
        lines.addWidget(self.prices, 1)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(facts, 2)
        body.addSpacing(16)
        body.addLayout(lines, 3)

        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 8, 0, 0)
        bottom_layout.addWidget(self.placeholder, 0, Qt.AlignmentFlag.AlignTop)
        bottom_layout.addWidget(self.body, 1)
        self._show_purchase(None)

    def _row(self, text: str, field: QWidget) -> None:
        """A row of the facts, its label made in its final parent (see ``__init__``)."""
        label = QLabel(text, self.body)
        label.setBuddy(field)
        self.form.addRow(label, field)

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        client_id = self.client_id
        if client_id is None:
            self.model.set_rows([])
            self.list_message.setText(self.tr("Sign in to see your purchases."))
            return
        principal = self._ctx.user.principal
        display = self.display
        self._loading += 1

        load_client_purchases(self._ctx, principal, client_id).on_worker(warming(display)).success(
            self._loaded
        ).failure(self._load_failed).run(self)

    def _loaded(self, purchases: list[Purchase]) -> None:
        self._loading -= 1
        selected = self.selected_purchase()
        self.model.set_rows(purchases)
        self.list_message.setText(
            "" if purchases else self.tr("No purchases yet. Payments and refunds appear here.")
        )
        if selected is not None and self.select_purchase(selected.id):
            return
        if self.view.model().rowCount():
            self.view.selectRow(0)  # the latest purchase
        else:
            self._show_purchase(None)

    def _load_failed(self, message: str) -> None:
        self._loading -= 1
        self.list_message.setText(message)

    # --- selection ----------------------------------------------------------------------

    def selected_purchase(self) -> Purchase | None:
        record = current_record(self.view)
        return record if isinstance(record, Purchase) else None

    def select_purchase(self, purchase_id: int) -> bool:
        return select_where(self.view, lambda r: isinstance(r, Purchase) and r.id == purchase_id)

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_args: QItemSelection) -> None:
        self._show_purchase(self.selected_purchase())

    def _show_purchase(self, purchase: Purchase | None) -> None:
        self.placeholder.setVisible(purchase is None)
        self.body.setVisible(purchase is not None)
        if purchase is None:
            self.prices.clear()
            self.purchase_selected(None)
            return
        d = self.display
        self.title.setText(
            self.tr("{kind} — {total}").format(
                kind=purchase_kind_text(purchase.kind),
                total=money_text(purchase.gross_minor, purchase.currency, d.locale),
            )
        )
        self.receipt_label.setText(purchase.receipt_number or self.tr("Not issued yet"))
        self.date_label.setText(d.date_time(purchase.paid_at or purchase.created_at))
        self.status_label.setText(purchase_status_text(purchase.status))
        self.method_label.setText(payment_method_text(purchase.method))
        self.form.setRowVisible(
            self.promo_label, bool(purchase.promo_code or purchase.discount_minor)
        )
        self.promo_label.setText(
            self.tr("{code} (discount {amount})").format(
                code=purchase.promo_code or self.tr("none"),
                amount=money_text(abs(purchase.discount_minor), purchase.currency, d.locale),
            )
        )
        refund = ""
        if purchase.refund_of_number:
            refund = self.tr("Refund of receipt {number}").format(number=purchase.refund_of_number)
        elif purchase.refunded_by_number:
            refund = self.tr("Refunded by credit note {number}").format(
                number=purchase.refunded_by_number
            )
        self.form.setRowVisible(self.refund_label, bool(refund))
        self.refund_label.setText(refund)
        self.prices.show_purchase(purchase)
        self.purchase_selected(purchase)

    def purchase_selected(self, purchase: Purchase | None) -> None:
        """The receipt download follows the selection: receipt, credit note or pro-forma."""
        text, enabled, reason = receipt_button_state(purchase)
        self.download_button.setText(text)
        self.download_button.setAccessibleName(text.replace("&", "").rstrip("…"))
        self.download_button.setEnabled(enabled)
        self.download_button.setAccessibleDescription(reason)
        self.download_button.setToolTip(reason)
        self.download_reason.setText(reason)

    @Slot()
    def download_receipt(self) -> None:
        purchase = self.selected_purchase()
        if purchase is not None and receipt_button_state(purchase)[1]:
            self.downloads.start(receipt_request(self._ctx, purchase))
