"""Text for model cells: money, dates and times in the studio's zone and locale.

Models sit below the views, so they format through this small, Qt-free binding of the
studio's settings; the views pass one in. Every rule lives in
:mod:`podyx_desktop.domain.vocabulary`; this class only remembers the zone, locale and currency.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.domain import vocabulary as v
from podyx_desktop.domain.records import StudioInfo
from podyx_desktop.domain.vocabulary import duration_text

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = ["DisplayFormat", "duration_text"]


class DisplayFormat(NamedTuple):
    """Formats one studio's values: its IANA time zone, locale and currency."""

    time_zone: str = "UTC"
    locale: str = "en_GB"
    currency: str = "EUR"

    @classmethod
    def for_studio(cls, studio: StudioInfo) -> DisplayFormat:
        """The studio's zone and currency, in the locale of the window's language."""
        return cls(studio.time_zone, v.display_locale(studio.locale), studio.currency)

    def warm_up(self) -> None:
        """Load babel and this locale's data now; call it on a worker thread so the GUI
        thread never stalls on the first cell it formats."""
        moment = datetime.now(UTC)
        self.money(0)
        self.date_time(moment)
        self.weekday_day(moment)

    @property
    def zone(self) -> ZoneInfo:
        return v.parse_zone(self.time_zone)

    # The methods below pass the zone's name: the vocabulary parses it (once) only when it
    # formats, so texts formatted ahead (gui/early_reads.py) need no zoneinfo.

    def local(self, moment: datetime) -> datetime:
        return v.local_datetime(moment, self.time_zone)

    def money(self, minor: int, currency: str | None = None) -> str:
        return v.money_text(minor, currency or self.currency, self.locale)

    def day(self, value: date | datetime) -> str:
        """The locale's medium date (``2 Jun 2026``, ``02.06.2026``) in the studio's zone."""
        return v.date_text(value, self.time_zone, self.locale)

    def weekday_day(self, value: date | datetime) -> str:
        """``Tue, 2 Jun 2026``: a session's local date with its weekday."""
        return v.date_text(value, self.time_zone, self.locale, v.WEEKDAY_DATE)

    def time(self, moment: datetime) -> str:
        """The locale's short time; on a repeated hour (clocks go back) with its UTC offset."""
        return v.time_text(moment, self.time_zone, self.locale)

    def date_time(self, moment: datetime) -> str:
        """Date and time joined the locale's way."""
        return v.date_time_text(moment, self.time_zone, self.locale)

    def time_range(self, starts_at: datetime, ends_at: datetime) -> str:
        """``Tue, 2 Jun 2026, 10:00 – 12:00`` (the end's date only when it differs)."""
        return v.day_time_range_text(starts_at, ends_at, self.time_zone, self.locale)
