"""Pieces the booking wizard and the buy-a-bundle dialog share: the price summary (lines,
discount, VAT per rate, total), the promo code row, the terms and the payment method."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.enums import (
    CLIENT_PAYMENT_METHODS,
    DEFERRED_PAYMENT_METHODS,
    PaymentMethod,
)
from podyx_desktop.domain.message import shown
from podyx_desktop.domain.pricing import PriceSummary, format_rate
from podyx_desktop.domain.records import Purchase
from podyx_desktop.domain.vocabulary import display_locale
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.models.labels import payment_method_text
from podyx_desktop.models.purchases import (
    PricedLineLike,
    PriceLinesModel,
    VatLineLike,
    VatLinesModel,
)
from podyx_desktop.views.common.context import UserSession
from podyx_desktop.views.common.formatting import money_text
from podyx_desktop.views.common.tables import titles_in_qt
from podyx_desktop.views.common.text_style import bold, set_role


def checkout_methods(*, signed_in: bool) -> list[PaymentMethod]:
    """What a client may pay with here: never bundle credit (that is redeeming); store
    credit only with an account that could hold some."""
    return [
        m
        for m in CLIENT_PAYMENT_METHODS
        if m is not PaymentMethod.BUNDLE_CREDIT
        and (signed_in or m is not PaymentMethod.STORE_CREDIT)
    ]


_ROW_HEIGHT = "podyxRowHeight"  # a static table's measured row and header heights


def fit_height(table: QTableView) -> None:
    """Make ``table`` exactly as tall as its rows: no scrolling, no blank area.

    Its rows are single lines in one font (``_static_table``): the first row shown is
    measured, once, and every row then takes that height. Measuring each row and the
    header at each change cost the GUI thread ~7 ms a table under the style sheet
    (bench/gui_lag.py: a purchase shown in the Purchases tab)."""
    count = table.model().rowCount()
    measured = table.property(_ROW_HEIGHT)
    if not measured and count:
        rows = table.verticalHeader()
        table.resizeRowToContents(0)  # as tall as its cells and its (hidden) header section
        row = rows.sectionSize(0)
        rows.setMinimumSectionSize(min(row, rows.minimumSectionSize()))
        rows.setDefaultSectionSize(row)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        measured = (row, table.horizontalHeader().sizeHint().height())
        table.setProperty(_ROW_HEIGHT, measured)
    if measured:
        row, top = measured
    else:
        row, top = (
            table.verticalHeader().defaultSectionSize(),
            table.horizontalHeader().sizeHint().height(),
        )
    table.setFixedHeight(top + max(count, 1) * row + 2 * table.frameWidth() + 2)


def _static_table(
    model: QAbstractItemModel, name: str, parent: QWidget, *, stretch_column: int | None = 0
) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    titles_in_qt(table)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column is None:  # every column as wide as the others
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table


class PriceSummaryView(QWidget):
    """Price lines in a table, then the discount, VAT per rate (in words, or as a table
    with ``vat_table``) and the total."""

    def __init__(
        self, display: DisplayFormat, parent: QWidget | None = None, *, vat_table: bool = False
    ) -> None:
        super().__init__(parent)
        self._display = display
        self.lines_model = PriceLinesModel(display, self)
        self.table = _static_table(self.lines_model, self.tr("Price lines"), self)
        self.discount_label = QLabel(self)
        self.vat_label = QLabel(self)
        self.vat_label.setObjectName("VatLines")
        self.vat_model = VatLinesModel(display, self)
        self.vat_table = _static_table(
            self.vat_model, self.tr("VAT per rate"), self, stretch_column=None
        )
        self.vat_heading = QLabel(self.tr("VAT per rate"), self)
        bold(self.vat_heading)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("Total")
        bold(self.total_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.discount_label)
        layout.addWidget(self.vat_heading)
        layout.addWidget(self.vat_table)
        layout.addWidget(self.vat_label)
        layout.addWidget(self.total_label)
        layout.addStretch(1)
        self.vat_label.setVisible(not vat_table)
        self.vat_heading.setVisible(vat_table)
        self.vat_table.setVisible(vat_table)

    def show_summary(self, summary: PriceSummary) -> None:
        self._show(
            summary.lines,
            summary.vat,
            summary.currency,
            summary.prices_include_vat,
            summary.discount_minor,
            summary.gross_minor,
            summary.promo_code,
        )

    def show_purchase(self, purchase: Purchase) -> None:
        self._show(
            purchase.lines,
            purchase.vat,
            purchase.currency,
            purchase.prices_include_vat,
            purchase.discount_minor,
            purchase.gross_minor,
            purchase.promo_code,
        )

    def clear(self) -> None:
        self.lines_model.set_lines([], self._display.currency)
        self.vat_model.set_lines([], self._display.currency)
        for label in (self.discount_label, self.vat_label, self.total_label):
            label.clear()

    def _money(self, minor: int, currency: str) -> str:
        return money_text(minor, currency, self._display.locale)

    def _show(
        self,
        lines: Sequence[PricedLineLike],
        vat: Sequence[VatLineLike],
        currency: str,
        include_vat: bool,
        discount: int,
        gross: int,
        promo_code: str | None,
    ) -> None:
        self.lines_model.set_lines(lines, currency)
        self.table.setColumnHidden(
            PriceLinesModel.DISCOUNT, not any(line.discount_minor for line in lines)
        )
        fit_height(self.table)
        self.vat_model.set_lines(vat, currency)
        fit_height(self.vat_table)
        if discount:
            text = self.tr("Discount: {amount}").format(
                amount=self._money(-abs(discount), currency)
            )
            if promo_code:
                text = self.tr("Promo code {code}: {amount}").format(
                    code=promo_code, amount=self._money(-abs(discount), currency)
                )
            self.discount_label.setText(text)
            self.discount_label.show()
        else:
            self.discount_label.hide()
        vat_lines = []
        for line in vat:
            if include_vat:
                vat_lines.append(
                    self.tr("Includes VAT {rate}: {vat} (net {net})").format(
                        rate=format_rate(line.rate_bp),
                        vat=self._money(line.vat_minor, currency),
                        net=self._money(line.net_minor, currency),
                    )
                )
            else:
                vat_lines.append(
                    self.tr("VAT {rate} on {net}: {vat}").format(
                        rate=format_rate(line.rate_bp),
                        vat=self._money(line.vat_minor, currency),
                        net=self._money(line.net_minor, currency),
                    )
                )
        self.vat_label.setText("\n".join(vat_lines))
        self.total_label.setText(
            self.tr("Total: {amount}").format(amount=self._money(gross, currency))
        )
        self.total_label.setAccessibleName(self.total_label.text())


class PromoCodeRow(QWidget):
    """A promo code field with Apply; under it, what the code did or why it was refused."""

    apply_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Promo code"))
        self.field.setAccessibleName(self.tr("Promo code"))
        self.apply_button = QPushButton(self.tr("&Apply"), self)
        self.apply_button.setAccessibleName(self.tr("Apply promo code"))
        self.apply_button.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("PromoMessage")
        self.field.returnPressed.connect(self._apply)
        self.apply_button.clicked.connect(self._apply)
        row = QHBoxLayout()
        label = QLabel(self.tr("Pro&mo code:"), self)
        label.setBuddy(self.field)
        row.addWidget(label)
        row.addWidget(self.field, 1)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def code(self) -> str:
        return self.field.text().strip()

    @Slot()
    def _apply(self) -> None:
        self.apply_requested.emit(self.code())

    def show_refused(self, message: str) -> None:
        set_role(self.message, "ErrorText")
        self.message.setText(shown(message))

    def show_applied(self, text: str) -> None:
        set_role(self.message, "SuccessText")
        self.message.setText(text)

    def clear_message(self) -> None:
        self.message.clear()


class TermsCheck(QWidget):
    """The studio's terms (scrollable) and the box to accept them."""

    def __init__(self, terms: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(terms, self)
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(70)
        self.text.setAccessibleName(self.tr("The studio's terms"))
        self.text.setVisible(bool(terms.strip()))
        self.check = QCheckBox(self.tr("I accept the studio's &terms"), self)
        self.check.setAccessibleName(self.tr("Accept the studio's terms"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.check)

    def accepted(self) -> bool:
        return self.check.isChecked()


class PaymentMethodPicker(QWidget):
    """A choice of payment method with a sentence on what happens next."""

    changed = Signal()

    @classmethod
    def for_user(
        cls, user: UserSession, parent: QWidget | None = None, *, purpose: str = "booking"
    ) -> PaymentMethodPicker:
        """The methods this user may choose, with their store credit shown beside it."""
        account, studio = user.account, user.studio
        credit = (
            money_text(account.store_credit_minor, studio.currency, display_locale(studio.locale))
            if account
            else ""
        )
        return cls(
            checkout_methods(signed_in=account is not None),
            parent,
            store_credit_text=credit,
            purpose=purpose,
        )

    def __init__(
        self,
        methods: Sequence[PaymentMethod],
        parent: QWidget | None = None,
        *,
        store_credit_text: str = "",
        purpose: str = "booking",
    ) -> None:
        """``purpose``: "booking", "bundle" or "addons" — what the hint talks about."""
        super().__init__(parent)
        self._purpose = purpose
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Payment method"))
        self._fill(methods, store_credit_text)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("Muted")
        self.combo.currentIndexChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.hint)
        self._changed()

    def _fill(self, methods: Sequence[PaymentMethod], store_credit_text: str) -> None:
        for method in methods:
            label = payment_method_text(method)
            if method is PaymentMethod.STORE_CREDIT and store_credit_text:
                label = self.tr("{method} ({available} available)").format(
                    method=label, available=store_credit_text
                )
            self.combo.addItem(label, method.value)

    def show_for(self, user: UserSession) -> None:
        """Offer what ``user`` may pay with (a visitor signed in halfway through),
        keeping the chosen method where it is still offered."""
        chosen = self.method() if self.combo.count() else None
        fresh = PaymentMethodPicker.for_user(user, purpose=self._purpose)
        self.combo.blockSignals(True)
        self.combo.clear()
        for index in range(fresh.combo.count()):
            self.combo.addItem(fresh.combo.itemText(index), fresh.combo.itemData(index))
        self.combo.blockSignals(False)
        fresh.deleteLater()
        if chosen is not None:
            self.set_method(chosen)
        self._changed()

    def method(self) -> PaymentMethod:
        return PaymentMethod(self.combo.currentData())

    def set_method(self, method: PaymentMethod) -> None:
        index = self.combo.findData(method.value)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    @Slot()
    def _changed(self) -> None:
        if self.combo.count() == 0:
            return
        method = self.method()
        if method in DEFERRED_PAYMENT_METHODS:
            first = (
                self.tr("The studio sends you its bank details; nothing is charged now.")
                if method is PaymentMethod.BANK_TRANSFER
                else self.tr("Nothing is charged now; you pay the studio later.")
            )
            then = {
                "booking": self.tr(
                    "The booking stays pending until the payment arrives; the receipt follows."
                ),
                "bundle": self.tr(
                    "The bundle can be used once the payment arrives; the receipt follows."
                ),
            }.get(self._purpose, self.tr("The receipt follows when the payment arrives."))
            text = f"{first} {then}"
        else:
            text = self.tr("Paid now from your store credit; you get the receipt at once.")
        self.hint.setText(text)
        self.changed.emit()
