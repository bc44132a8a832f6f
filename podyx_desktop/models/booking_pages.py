"""Every booking of the studio for the staff, a page at a time (``BookingService.page``).

No., When, Client, Room / setup, Service, Status, Price: the cells of the client's
bookings table (``models.bookings``) with the booking's number and client. The number,
the time, the client and the status sort, in SQL; the search narrows by client name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from PySide6.QtCore import Qt

from podyx_desktop.domain.paging import BookingSort
from podyx_desktop.domain.records import Booking
from podyx_desktop.models.bookings import (
    BookingsTableModel,
    booking_cell_text,
    booking_cell_tooltip,
)
from podyx_desktop.models.paged import PagedTableModel


class AllBookingsModel(PagedTableModel[Booking]):
    """No., When, Client, Room / setup, Service, Status, Price."""

    NUMBER, WHEN, CLIENT, ROOM, SERVICE, STATUS, PRICE = range(7)
    NUMERIC_COLUMNS = frozenset({NUMBER, PRICE})
    SORT_KEYS: ClassVar[Mapping[int, str]] = {
        NUMBER: BookingSort.ID,
        WHEN: BookingSort.STARTS_AT,
        CLIENT: BookingSort.CLIENT,
        STATUS: BookingSort.STATUS,
    }
    DEFAULT_SORT: ClassVar[tuple[int, Qt.SortOrder]] = (
        WHEN,
        Qt.SortOrder.DescendingOrder,
    )  # the latest sessions first

    # This table's columns that show what the client's bookings table shows.
    _SHARED: ClassVar[Mapping[int, int]] = {
        WHEN: BookingsTableModel.WHEN,
        ROOM: BookingsTableModel.ROOM,
        SERVICE: BookingsTableModel.SERVICE,
        STATUS: BookingsTableModel.STATUS,
        PRICE: BookingsTableModel.PRICE,
    }

    def column_titles(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("When"),
            self.tr("Client"),
            self.tr("Room / setup"),
            self.tr("Service"),
            self.tr("Status"),
            self.tr("Price"),
        ]

    def column_text(self, record: Booking, column: int) -> str:
        if column == self.NUMBER:
            return str(record.id)
        if column == self.CLIENT:
            return record.client_name
        shared = self._SHARED.get(column)
        return booking_cell_text(self.display, record, shared) if shared is not None else ""

    def column_tooltip(self, record: Booking, column: int) -> str | None:
        shared = self._SHARED.get(column)
        return booking_cell_tooltip(self.display, record, shared) if shared is not None else None

    def row_of(self, booking_id: int) -> int:
        return self.find_row(lambda b: b.id == booking_id)
