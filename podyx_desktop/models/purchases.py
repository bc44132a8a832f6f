"""Purchases: every payment and refund, and the priced lines and VAT rates of one.

``PriceLinesModel`` and ``VatLinesModel`` read both a stored purchase's lines and a
checkout quote's lines: the two share the fields shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from podyx_desktop.domain.pricing import format_rate
from podyx_desktop.domain.records import Purchase
from podyx_desktop.models.base import RecordTableModel
from podyx_desktop.models.labels import (
    payment_method_text,
    purchase_kind_text,
    purchase_status_text,
)


class PricedLineLike(Protocol):
    """What a stored ``PurchaseLine`` and a quoted ``PricedLine`` have in common."""

    @property
    def description(self) -> str: ...
    @property
    def quantity(self) -> int: ...
    @property
    def unit_price_minor(self) -> int: ...
    @property
    def discount_minor(self) -> int: ...
    @property
    def net_minor(self) -> int: ...
    @property
    def vat_rate_bp(self) -> int: ...
    @property
    def vat_minor(self) -> int: ...
    @property
    def gross_minor(self) -> int: ...


class VatLineLike(Protocol):
    @property
    def rate_bp(self) -> int: ...
    @property
    def net_minor(self) -> int: ...
    @property
    def vat_minor(self) -> int: ...
    @property
    def gross_minor(self) -> int: ...


class PurchasesTableModel(RecordTableModel[Purchase]):
    """Date, Kind, Receipt no., Payment method, Promo code, Total, Status."""

    DATE, KIND, RECEIPT, METHOD, PROMO, TOTAL, STATUS = range(7)
    NUMERIC_COLUMNS = frozenset({TOTAL})

    def column_titles(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("Receipt no."),
            self.tr("Payment method"),
            self.tr("Promo"),
            self.tr("Total"),
            self.tr("Status"),
        ]

    def column_text(self, record: Purchase, column: int) -> str:
        if column == self.DATE:
            return self.display.day(record.paid_at or record.created_at)
        if column == self.KIND:
            return purchase_kind_text(record.kind)
        if column == self.RECEIPT:
            return record.receipt_number or self.tr("Not issued yet")
        if column == self.METHOD:
            return payment_method_text(record.method)
        if column == self.PROMO:
            return record.promo_code or ""
        if column == self.TOTAL:
            return self.display.money(record.gross_minor, record.currency)
        if column == self.STATUS:
            return purchase_status_text(record.status)
        return ""

    def column_sort_key(self, record: Purchase, column: int) -> Any:
        if column == self.DATE:
            return (record.paid_at or record.created_at).timestamp()
        if column == self.TOTAL:
            return record.gross_minor
        return super().column_sort_key(record, column)

    def column_tooltip(self, record: Purchase, column: int) -> str | None:
        if column == self.DATE:
            return self.display.date_time(record.paid_at or record.created_at)
        if column == self.RECEIPT and record.receipt_number is None:
            return self.tr("The receipt is issued when the payment is recorded.")
        if column == self.KIND and record.refund_of_number:
            return self.tr("Refund of {number}").format(number=record.refund_of_number)
        if column in (self.KIND, self.METHOD):
            return self.column_text(record, column)
        return None

    def row_of(self, purchase_id: int) -> int:
        return self.find_row(lambda p: p.id == purchase_id)


class PriceLinesModel(RecordTableModel[PricedLineLike]):
    """Item, Qty, Unit price, Discount, VAT rate, VAT, Total."""

    ITEM, QUANTITY, UNIT, DISCOUNT, RATE, VAT, TOTAL = range(7)
    NUMERIC_COLUMNS = frozenset({QUANTITY, UNIT, DISCOUNT, RATE, VAT, TOTAL})

    currency = ""

    def set_lines(self, lines: Iterable[PricedLineLike], currency: str) -> None:
        self.currency = currency
        self.set_rows(lines)

    def column_titles(self) -> list[str]:
        return [
            self.tr("Item"),
            self.tr("Qty"),
            self.tr("Unit price"),
            self.tr("Discount"),
            self.tr("VAT rate"),
            self.tr("VAT"),
            self.tr("Total"),
        ]

    def column_text(self, record: PricedLineLike, column: int) -> str:
        money = self.display.money
        currency = self.currency or None
        if column == self.ITEM:
            return record.description
        if column == self.QUANTITY:
            return str(record.quantity)
        if column == self.UNIT:
            return money(record.unit_price_minor, currency)
        if column == self.DISCOUNT:
            return money(-record.discount_minor, currency) if record.discount_minor else ""
        if column == self.RATE:
            return format_rate(record.vat_rate_bp)
        if column == self.VAT:
            return money(record.vat_minor, currency)
        if column == self.TOTAL:
            return money(record.gross_minor, currency)
        return ""

    def column_tooltip(self, record: PricedLineLike, column: int) -> str | None:
        return record.description if column == self.ITEM else None

    def column_sort_key(self, record: PricedLineLike, column: int) -> Any:
        keys = {
            self.QUANTITY: record.quantity,
            self.UNIT: record.unit_price_minor,
            self.DISCOUNT: record.discount_minor,
            self.RATE: record.vat_rate_bp,
            self.VAT: record.vat_minor,
            self.TOTAL: record.gross_minor,
        }
        return keys.get(column, record.description.casefold())


class VatLinesModel(RecordTableModel[VatLineLike]):
    """VAT rate, Net, VAT, Gross: one row per rate, as charged."""

    RATE, NET, VAT, GROSS = range(4)
    NUMERIC_COLUMNS = frozenset({RATE, NET, VAT, GROSS})

    currency = ""

    def set_lines(self, lines: Iterable[VatLineLike], currency: str) -> None:
        self.currency = currency
        self.set_rows(lines)

    def column_titles(self) -> list[str]:
        return [self.tr("VAT rate"), self.tr("Net"), self.tr("VAT"), self.tr("Gross")]

    def column_text(self, record: VatLineLike, column: int) -> str:
        currency = self.currency or None
        if column == self.RATE:
            return format_rate(record.rate_bp)
        amount = {self.NET: record.net_minor, self.VAT: record.vat_minor}.get(
            column, record.gross_minor
        )
        return self.display.money(amount, currency)

    def column_sort_key(self, record: VatLineLike, column: int) -> Any:
        return {
            self.RATE: record.rate_bp,
            self.NET: record.net_minor,
            self.VAT: record.vat_minor,
        }.get(column, record.gross_minor)
