"""A client's shared files: Name (with a "New" badge until the client opens it), Size,
Type, Shared (date), Booking (its date), Shared by."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.records import SharedFile
from podyx_desktop.models.base import RecordTableModel

_UNITS = ("bytes", "KB", "MB", "GB", "TB")


def size_text(size: int) -> str:
    """1 536 000 → "1.5 MB" (powers of 1000, as file managers show them)."""
    value, unit = float(size), 0
    while value >= 1000 and unit < len(_UNITS) - 1:
        value, unit = value / 1000, unit + 1
    if unit == 0:
        return f"{size} bytes" if size != 1 else "1 byte"
    return f"{value:.1f} {_UNITS[unit]}"


class FilesTableModel(RecordTableModel[SharedFile]):
    NAME, SIZE, TYPE, SHARED, BOOKING, SHARED_BY = range(6)
    NUMERIC_COLUMNS = frozenset({SIZE})

    def column_titles(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Size"),
            self.tr("Type"),
            self.tr("Shared"),
            self.tr("Booking"),
            self.tr("Shared by"),
        ]

    def column_text(self, record: SharedFile, column: int) -> str:
        if column == self.NAME:
            new = "" if record.opened else self.tr("● New  ")
            return new + record.name
        if column == self.SIZE:
            if record.external_url is not None:
                return self.tr("link")
            return size_text(record.size_bytes)
        if column == self.TYPE:
            return record.media_type
        if column == self.SHARED:
            return self.display.date_time(record.created_at)
        if column == self.BOOKING:
            return self.display.day(record.booking_start) if record.booking_start else ""
        if column == self.SHARED_BY:
            return record.shared_by or self.tr("The studio")
        return ""

    def column_sort_key(self, record: SharedFile, column: int) -> Any:
        if column == self.SIZE:
            return record.size_bytes
        if column == self.SHARED:
            return record.created_at
        if column == self.BOOKING:
            return record.booking_start.isoformat() if record.booking_start else ""
        return super().column_sort_key(record, column)

    def column_tooltip(self, record: SharedFile, column: int) -> str | None:
        if column == self.NAME and not record.opened:
            return self.tr("New: not opened yet")
        if column == self.NAME and record.external_url:
            return record.external_url
        return None
