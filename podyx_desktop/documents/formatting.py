"""Locale-aware text for documents: money, dates and times in the studio's zone, sizes.

Every document formats through one :class:`Formatter`, built from the studio (its
locale, currency and IANA time zone) and an optional locale override. The rules for money,
dates, times, ranges and durations are :mod:`podyx_desktop.domain.vocabulary`'s; this class
binds them to one document and adds what only documents print (numbers, sizes, countries).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.numbers import format_decimal

from podyx_desktop.domain import vocabulary as v
from podyx_desktop.domain.pricing import format_rate
from podyx_desktop.domain.records import Address, StudioInfo
from podyx_desktop.domain.vocabulary import FALLBACK_LOCALE, parse_zone

__all__ = ["FALLBACK_LOCALE", "Formatter", "parse_locale", "parse_zone"]

_SIZE_UNITS = ("B", "KB", "MB", "GB", "TB")


def parse_locale(name: str | None) -> Locale:
    """A babel locale for ``name`` (``de_DE``, ``sr-Latn-RS`` …); English when unknown."""
    return v.parse_locale(name)


@dataclass(frozen=True)
class Formatter:
    """Formats values for one document in one locale, currency and time zone."""

    locale: Locale
    currency: str
    zone: ZoneInfo
    # the document's words (``Catalog.word``); None: the vocabulary's hook
    words: Callable[[str, str], str] | None = None

    @classmethod
    def for_studio(
        cls,
        studio: StudioInfo,
        locale: str | None = None,
        currency: str | None = None,
        *,
        words: Callable[[str, str], str] | None = None,
    ) -> Formatter:
        return cls(
            locale=parse_locale(locale or studio.locale),
            currency=currency or studio.currency,
            zone=parse_zone(studio.time_zone),
            words=words,
        )

    @property
    def zone_name(self) -> str:
        return self.zone.key

    def money(self, minor: int, currency: str | None = None) -> str:
        """``12050`` → ``€120.50`` (en_IE) or ``120,50 €`` (de_DE)."""
        return v.money_text(minor, currency or self.currency, self.locale)

    def number(self, value: int) -> str:
        return _number(value, self.locale)

    def rate(self, rate_bp: int) -> str:
        return format_rate(rate_bp)

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the studio's zone; naive datetimes are taken as UTC."""
        return v.local_datetime(moment, self.zone)

    def date(self, moment: datetime) -> str:
        return v.date_text(moment, self.zone, self.locale)

    def long_date(self, moment: datetime) -> str:
        return v.date_text(moment, self.zone, self.locale, v.LONG_DATE)

    def time(self, moment: datetime) -> str:
        return v.time_text(moment, self.zone, self.locale)

    def date_time(self, moment: datetime) -> str:
        """Date and time in the studio's zone, joined the locale's way."""
        return v.date_time_text(moment, self.zone, self.locale)

    def time_range(self, starts_at: datetime, ends_at: datetime) -> str:
        """``14:00 – 16:00``; the end's date is added when it falls on another day."""
        return v.time_range_text(starts_at, ends_at, self.zone, self.locale)

    def duration(self, minutes: int) -> str:
        return v.duration_text(minutes, self.words)

    def size(self, size_bytes: int) -> str:
        """``2_400_000`` → ``2.3 MB`` (binary multiples, one decimal, locale digits)."""
        value = Decimal(max(size_bytes, 0))
        unit = 0
        while value >= 1024 and unit < len(_SIZE_UNITS) - 1:
            value /= 1024
            unit += 1
        pattern = "#,##0" if unit == 0 else "#,##0.#"
        return f"{format_decimal(value, format=pattern, locale=self.locale)} {_SIZE_UNITS[unit]}"

    def country(self, code: str) -> str:
        """An ISO 3166 alpha-2 code as the locale's country name (the code if unknown)."""
        if not code:
            return ""
        names = self.locale.territories
        return str(names.get(code.upper(), code))

    def address_lines(self, address: Address) -> list[str]:
        city = " ".join(part for part in (address.postal_code, address.city) if part)
        parts = (address.line1, address.line2, city, self.country(address.country))
        return [part for part in parts if part]


# Babel is slow per call and documents repeat themselves: the result is a pure function of
# its arguments, so it is kept.
@lru_cache(maxsize=2048)
def _number(value: int, locale: Locale) -> str:
    return str(format_decimal(value, locale=locale))
