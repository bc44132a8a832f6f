"""The studio's clients for the staff, a page at a time (``ClientService.client_page``).

Name, Email, Phone, Spent (money in the studio's currency, the locale's way), Purchases,
Bookings, Active bundles, Last visit (the local date in the studio's zone). Every column
sorts, in SQL; the search narrows by name, email or phone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from podyx_desktop.domain.paging import ClientSort
from podyx_desktop.domain.records import ClientSummary
from podyx_desktop.models.paged import PagedTableModel


class ClientListModel(PagedTableModel[ClientSummary]):
    """Name, Email, Phone, Spent, Purchases, Bookings, Active bundles, Last visit."""

    NAME, EMAIL, PHONE, SPENT, PURCHASES, BOOKINGS, BUNDLES, LAST_VISIT = range(8)
    NUMERIC_COLUMNS = frozenset({SPENT, PURCHASES, BOOKINGS, BUNDLES})
    SORT_KEYS: ClassVar[Mapping[int, str]] = {
        NAME: ClientSort.NAME,
        EMAIL: ClientSort.EMAIL,
        PHONE: ClientSort.PHONE,
        SPENT: ClientSort.TOTAL_SPENT,
        PURCHASES: ClientSort.PURCHASES,
        BOOKINGS: ClientSort.BOOKINGS,
        BUNDLES: ClientSort.ACTIVE_BUNDLES,
        LAST_VISIT: ClientSort.LAST_VISIT,
    }

    def column_titles(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Email"),
            self.tr("Phone"),
            self.tr("Spent"),
            self.tr("Purchases"),
            self.tr("Bookings"),
            self.tr("Active bundles"),
            self.tr("Last visit"),
        ]

    def column_text(self, record: ClientSummary, column: int) -> str:
        if column == self.NAME:
            return record.full_name
        if column == self.EMAIL:
            return record.email
        if column == self.PHONE:
            return record.phone
        if column == self.SPENT:
            return self.display.money(record.total_spent_minor)
        if column == self.PURCHASES:
            return str(record.purchases)
        if column == self.BOOKINGS:
            return str(record.bookings)
        if column == self.BUNDLES:
            return str(record.active_bundles)
        if column == self.LAST_VISIT:
            return self.display.day(record.last_visit) if record.last_visit else ""
        return ""

    def column_tooltip(self, record: ClientSummary, column: int) -> str | None:
        if column == self.LAST_VISIT and record.last_visit is None:
            return self.tr("No session yet")
        return None

    def row_of(self, client_id: int) -> int:
        return self.find_row(lambda c: c.id == client_id)
