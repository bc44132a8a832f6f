"""The queue of pending payments for the Payments place, a page at a time
(``PaymentQueueService.page``): Waiting, Client, For, Amount, Method, No.

Oldest first by default; the waiting time, the amount and the purchase number sort, in
SQL; the search narrows by client name. Ages are counted from the service's "now" when the
page was read, so every row of a page is aged against the same moment.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt

from podyx_desktop.domain.enums import PurchaseKind
from podyx_desktop.domain.message import mn, shown
from podyx_desktop.domain.paging import SortValue
from podyx_desktop.domain.payments import PaymentSort, PendingPayment
from podyx_desktop.domain.vocabulary import payment_method_text
from podyx_desktop.models.paged import PagedTableModel


def age_text(age: timedelta) -> str:
    """``3 days``, ``5 hours``, ``12 minutes``, ``just now``: how long a payment has waited."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("PendingPayments", "just now")
    if minutes < 60:
        return shown(mn("%n minute(s)", "", minutes))
    hours = minutes // 60
    if hours < 24:
        return shown(mn("%n hour(s)", "", hours))
    return shown(mn("%n day(s)", "", hours // 24))


class PendingPaymentsModel(PagedTableModel[PendingPayment]):
    """Waiting, Client, For, Amount, Method, No."""

    WAITING, CLIENT, FOR, AMOUNT, METHOD, NUMBER = range(6)
    NUMERIC_COLUMNS = frozenset({AMOUNT, NUMBER})
    SORT_KEYS: ClassVar[Mapping[int, str]] = {
        WAITING: PaymentSort.CREATED_AT,
        AMOUNT: PaymentSort.AMOUNT,
        NUMBER: PaymentSort.ID,
    }
    # oldest first: ascending by when the purchase was made (the longest wait on top)
    DEFAULT_SORT: ClassVar[tuple[int, Qt.SortOrder]] = (WAITING, Qt.SortOrder.AscendingOrder)

    def column_titles(self) -> list[str]:
        return [
            self.tr("Waiting"),
            self.tr("Client"),
            self.tr("For"),
            self.tr("Amount"),
            self.tr("Method chosen"),
            self.tr("No."),
        ]

    def column_text(self, record: PendingPayment, column: int) -> str:
        if column == self.WAITING:
            return age_text(record.as_of - record.created_at)
        if column == self.CLIENT:
            return record.client_name
        if column == self.FOR:
            return self.what_for(record)
        if column == self.AMOUNT:
            return self.display.money(record.gross_minor, record.currency)
        if column == self.METHOD:
            return payment_method_text(record.method.value)
        if column == self.NUMBER:
            return str(record.purchase_id)
        return ""

    def column_tooltip(self, record: PendingPayment, column: int) -> str | None:
        if column == self.WAITING:
            return self.tr("Ordered {when}").format(when=self.display.date_time(record.created_at))
        if column == self.FOR:
            return record.description or None
        return None

    def column_sort_key(self, record: PendingPayment, column: int) -> Any:
        keys: dict[int, SortValue] = {
            self.WAITING: record.created_at,
            self.AMOUNT: record.gross_minor,
            self.NUMBER: record.purchase_id,
        }
        return keys.get(column, self.column_text(record, column).casefold())

    def what_for(self, record: PendingPayment) -> str:
        if record.session_starts_at is not None and record.kind is PurchaseKind.ADDONS:
            return self.tr("Add-ons to {service}, {when}").format(
                service=record.service_name,
                when=self.display.date_time(record.session_starts_at),
            )
        if record.session_starts_at is not None:
            return self.tr("{service}, {when}").format(
                service=record.service_name,
                when=self.display.date_time(record.session_starts_at),
            )
        if record.bundle_id is not None:
            return self.tr("Bundle: {name}").format(name=record.bundle_name)
        return record.description

    @property
    def page_size_hint(self) -> int:
        """How many rows the first page holds."""
        return self._page_size

    def row_of(self, purchase_id: int) -> int:
        return self.find_row(lambda p: p.purchase_id == purchase_id)
