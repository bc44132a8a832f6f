"""Text for model cells: money, dates and times in the studio's zone and locale.

Models sit below the views, so they format through this small, Qt-free helper built from
the studio's settings; the views pass one in. Times arrive as aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from podyx_desktop.domain.records import StudioInfo

if TYPE_CHECKING:
    from babel import Locale

# Babel is imported on first use, not at start-up: the first window paints sooner.


@lru_cache(maxsize=16)
def _locale(name: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")


@dataclass(frozen=True)
class DisplayFormat:
    """Formats one studio's values: its IANA time zone, locale and currency."""

    time_zone: str = "UTC"
    locale: str = "en_GB"
    currency: str = "EUR"

    @classmethod
    def for_studio(cls, studio: StudioInfo) -> DisplayFormat:
        return cls(studio.time_zone, studio.locale, studio.currency)

    def warm_up(self) -> None:
        """Load babel and this locale's data now; call it on a worker thread so the GUI
        thread never stalls on the first cell it formats."""
        moment = datetime.now(UTC)
        self.money(0)
        self.date_time(moment)
        self.weekday_day(moment)

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.time_zone)

    def local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(self.zone)

    def money(self, minor: int, currency: str | None = None) -> str:
        from babel.numbers import format_currency, get_currency_precision

        code = currency or self.currency
        amount = Decimal(minor).scaleb(-get_currency_precision(code))
        return str(format_currency(amount, code, locale=_locale(self.locale)))

    def day(self, value: date | datetime) -> str:
        """The locale's medium date (``2 Jun 2026``, ``02.06.2026``) in the studio's zone."""
        from babel.dates import format_date

        local_day = self.local(value).date() if isinstance(value, datetime) else value
        return str(format_date(local_day, "medium", locale=_locale(self.locale)))

    def weekday_day(self, value: date | datetime) -> str:
        """``Tue, 2 Jun 2026``: a session's local date with its weekday."""
        from babel.dates import format_date

        local_day = self.local(value).date() if isinstance(value, datetime) else value
        return str(format_date(local_day, "EEE, d MMM y", locale=_locale(self.locale)))

    def time(self, moment: datetime) -> str:
        """The locale's short time; on a repeated hour (clocks go back) with its UTC offset."""
        from babel.dates import format_time

        local = self.local(moment)
        text = str(format_time(local.time(), "short", locale=_locale(self.locale)))
        if _is_ambiguous(local):
            offset = local.strftime("%z")
            text += f" (UTC{offset[:3]}:{offset[3:]})"
        return text

    def date_time(self, moment: datetime) -> str:
        """Date and time joined the locale's way, as ``views.formatting.local_time_text``."""
        from babel.dates import get_datetime_format

        pattern = str(get_datetime_format("medium", locale=_locale(self.locale)))
        return pattern.replace("{1}", self.day(moment)).replace("{0}", self.time(moment))

    def time_range(self, starts_at: datetime, ends_at: datetime) -> str:
        """``Tue, 2 Jun 2026, 10:00 – 12:00`` (the end's date only when it differs)."""
        start, end = self.local(starts_at), self.local(ends_at)
        end_text = self.time(ends_at) if end.date() == start.date() else self.date_time(ends_at)
        return f"{self.weekday_day(starts_at)}, {self.time(starts_at)} – {end_text}"


def _is_ambiguous(local: datetime) -> bool:
    """True when the same wall-clock time happens twice in the zone (the fall-back hour)."""
    naive = local.replace(tzinfo=None)
    zone = local.tzinfo
    first = naive.replace(tzinfo=zone, fold=0).utcoffset()
    second = naive.replace(tzinfo=zone, fold=1).utcoffset()
    return (
        first != second
        and (
            naive.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone).replace(tzinfo=None)
            == naive
        )
        and (
            naive.replace(tzinfo=zone, fold=1).astimezone(UTC).astimezone(zone).replace(tzinfo=None)
            == naive
        )
    )


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"
