"""Catalogue choices for the booking and redeem flows: setups and services as lists."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.records import Service, Setup
from podyx_desktop.models.base import RecordListModel
from podyx_desktop.models.display import duration_text


class SetupsListModel(RecordListModel[Setup]):
    """``Studio A — 2-person podcast`` and, on a second line, its description."""

    def item_text(self, record: Setup) -> str:
        text = f"{record.room_name} — {record.name}"
        return f"{text}\n{record.description}" if record.description else text

    def item_tooltip(self, record: Setup) -> str | None:
        return record.description or None

    def row_of(self, setup_id: int) -> int:
        return self.find_row(lambda s: s.id == setup_id)


class ServicesListModel(RecordListModel[Service]):
    """``Podcast recording — €60.00 an hour, 1 h to 4 h`` and its description."""

    def item_text(self, record: Service) -> str:
        text = self.tr("{name} — {rate} an hour, {shortest} to {longest}").format(
            name=record.name,
            rate=self.display.money(record.hourly_rate_minor),
            shortest=duration_text(record.min_minutes),
            longest=duration_text(record.max_minutes),
        )
        return f"{text}\n{record.description}" if record.description else text

    def item_tooltip(self, record: Service) -> str | None:
        return record.description or None

    def item_sort_key(self, record: Service) -> Any:
        return record.name.casefold()

    def row_of(self, service_id: int) -> int:
        return self.find_row(lambda s: s.id == service_id)
