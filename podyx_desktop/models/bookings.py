"""The bookings table: one row per session, times in the studio's zone.

Rows are :class:`~podyx_desktop.domain.records.Booking` records from
``BookingService.list_for_client``; the model sorts itself by ``SORT_ROLE``'s keys when the view asks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from podyx_desktop.domain.records import Booking
from podyx_desktop.models.base import RecordTableModel
from podyx_desktop.models.display import DisplayFormat, duration_text
from podyx_desktop.models.labels import booking_status_hint, booking_status_text

_STATUS_ORDER = ("pending", "confirmed", "rescheduled", "completed", "no_show", "canceled")


def addons_text(booking: Booking) -> str:
    return ", ".join(
        f"{a.quantity} × {a.name}" if a.quantity > 1 else a.name for a in booking.addons
    )


def booking_cell_text(display: DisplayFormat, record: Booking, column: int) -> str:
    """The text of ``BookingsTableModel``'s ``column`` for ``record`` (the staff's paged
    list shows the same cells)."""
    columns = BookingsTableModel
    if column == columns.WHEN:
        return display.time_range(record.starts_at, record.ends_at)
    if column == columns.ROOM:
        return f"{record.room_name} — {record.setup_name}"
    if column == columns.SERVICE:
        return f"{record.service_name} ({duration_text(record.minutes)})"
    if column == columns.ADDONS:
        return addons_text(record) or QCoreApplication.translate("BookingsTableModel", "None")
    if column == columns.STATUS:
        return booking_status_text(record.status)
    if column == columns.PRICE:
        if record.bundle_id is not None and record.purchase_id is None:
            return QCoreApplication.translate("BookingsTableModel", "Bundle credit")
        return display.money(record.price_minor, record.currency)
    return ""


def booking_cell_tooltip(display: DisplayFormat, record: Booking, column: int) -> str | None:
    """The tooltip of ``BookingsTableModel``'s ``column`` for ``record``."""
    columns = BookingsTableModel
    if column == columns.STATUS:
        hint = booking_status_hint(record.status)
        if record.original_starts_at is not None:
            hint += " " + QCoreApplication.translate(
                "BookingsTableModel", "Originally {when}."
            ).format(when=display.date_time(record.original_starts_at))
        return hint
    if column in (columns.ROOM, columns.SERVICE, columns.ADDONS):
        return booking_cell_text(display, record, column)
    if column == columns.WHEN and record.original_starts_at is not None:
        return QCoreApplication.translate("BookingsTableModel", "Rescheduled from {when}").format(
            when=display.date_time(record.original_starts_at)
        )
    return None


class BookingsTableModel(RecordTableModel[Booking]):
    """When, Room / setup, Service, Add-ons, Status, Price."""

    WHEN, ROOM, SERVICE, ADDONS, STATUS, PRICE = range(6)
    NUMERIC_COLUMNS = frozenset({PRICE})

    def column_titles(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Room / setup"),
            self.tr("Service"),
            self.tr("Add-ons"),
            self.tr("Status"),
            self.tr("Price"),
        ]

    # booking id -> the client's unread studio notes on it (the row's badge)
    unread: dict[int, int]

    def set_unread(self, unread: dict[int, int]) -> None:
        """Badge the rows of bookings with unread notes from the studio."""
        if unread == getattr(self, "unread", {}):
            return
        self.unread = dict(unread)
        if self.rowCount():
            column = self.SERVICE
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def cell_text(self, row: int, column: int) -> str:
        text = super().cell_text(row, column)
        if column == self.SERVICE:
            count = getattr(self, "unread", {}).get(self._rows[row].id, 0)
            if count:
                # first, so a narrow column cuts the service's name, not the badge
                badge = (
                    self.tr("● 1 new note")
                    if count == 1
                    else self.tr("● {count} new notes").format(count=count)
                )
                return f"{badge} · {text}"
        return text

    def column_text(self, record: Booking, column: int) -> str:
        return booking_cell_text(self.display, record, column)

    def column_sort_key(self, record: Booking, column: int) -> Any:
        if column == self.WHEN:
            return record.starts_at.timestamp()
        if column == self.STATUS:
            return _STATUS_ORDER.index(record.status.value)
        if column == self.PRICE:
            return record.price_minor
        return super().column_sort_key(record, column)

    def column_tooltip(self, record: Booking, column: int) -> str | None:
        return booking_cell_tooltip(self.display, record, column)

    def row_of(self, booking_id: int) -> int:
        return self.find_row(lambda b: b.id == booking_id)
