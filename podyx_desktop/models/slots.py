"""Free start times of one day, from ``AvailabilityService.free_slots``, as a list model.

Each item reads ``10:00 – 12:00`` in the studio's zone; on the day the clocks go back a
repeated time carries its UTC offset, so the two instants can be told apart.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from podyx_desktop.domain.availability import Slot
from podyx_desktop.models.base import RecordListModel


class SlotsListModel(RecordListModel[Slot]):
    def item_text(self, record: Slot) -> str:
        return self.tr("{start} – {end}").format(
            start=self.display.time(record.starts_at), end=self.display.time(record.ends_at)
        )

    def item_tooltip(self, record: Slot) -> str | None:
        return self.tr("Starts {when}").format(when=self.display.date_time(record.starts_at))

    def item_sort_key(self, record: Slot) -> Any:
        return record.starts_at.timestamp()

    def row_of(self, starts_at: datetime) -> int:
        return self.find_row(lambda s: s.starts_at == starts_at)
