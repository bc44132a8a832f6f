"""A booking's history in the details pane: one line per event (a module of its own:
the records of events are not needed before the first window paints)."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.message import shown_stored
from podyx_desktop.domain.records import BookingEvent
from podyx_desktop.models.base import RecordListModel
from podyx_desktop.models.labels import event_kind_text


class BookingHistoryModel(RecordListModel[BookingEvent]):
    """A booking's events, oldest first: booked, rescheduled from … to …, canceled …"""

    def item_text(self, record: BookingEvent) -> str:
        when = self.display.date_time(record.at)
        what = event_kind_text(record.kind)
        if record.kind == "rescheduled" and record.from_starts_at and record.to_starts_at:
            what = self.tr("Rescheduled from {old} to {new}").format(
                old=self.display.date_time(record.from_starts_at),
                new=self.display.date_time(record.to_starts_at),
            )
        elif record.kind == "created" and record.to_starts_at:
            what = self.tr("Booked for {when}").format(
                when=self.display.date_time(record.to_starts_at)
            )
        if record.detail and record.kind not in ("created",):
            what = f"{what}: {shown_stored(record.detail)}"
        return self.tr("{when} — {what} (by {who})").format(
            when=when, what=what, who=record.actor_name
        )

    def item_sort_key(self, record: BookingEvent) -> Any:
        return record.at.timestamp()
