"""Locale-aware text for documents: money, dates and times in the studio's zone, sizes.

Every document formats through one :class:`Formatter`, built from the studio (its
locale, currency and IANA time zone) and an optional locale override. Amounts are
integer minor units from the DTOs; this module only turns them into text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_datetime_format
from babel.numbers import format_currency, format_decimal, get_currency_precision

from podyx_desktop.domain.pricing import format_rate
from podyx_desktop.domain.records import Address, StudioInfo

log = logging.getLogger(__name__)

FALLBACK_LOCALE = "en"
_SIZE_UNITS = ("B", "KB", "MB", "GB", "TB")


def parse_locale(name: str | None) -> Locale:
    """A babel locale for ``name`` (``de_DE``, ``sr-Latn-RS`` …); English when unknown."""
    if name:
        try:
            return Locale.parse(name.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            log.warning("Unknown locale %r for a document; using English instead.", name)
    return Locale.parse(FALLBACK_LOCALE)


def parse_zone(name: str) -> ZoneInfo:
    """The studio's IANA zone; UTC (with a warning) when the name is not a known zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("Unknown time zone %r for a document; showing times in UTC.", name)
        return ZoneInfo("UTC")


@dataclass(frozen=True)
class Formatter:
    """Formats values for one document in one locale, currency and time zone."""

    locale: Locale
    currency: str
    zone: ZoneInfo

    @classmethod
    def for_studio(
        cls, studio: StudioInfo, locale: str | None = None, currency: str | None = None
    ) -> Formatter:
        return cls(
            locale=parse_locale(locale or studio.locale),
            currency=currency or studio.currency,
            zone=parse_zone(studio.time_zone),
        )

    @property
    def zone_name(self) -> str:
        return self.zone.key

    def money(self, minor: int, currency: str | None = None) -> str:
        """``12050`` → ``€120.50`` (en_IE) or ``120,50 €`` (de_DE)."""
        return _money(minor, currency or self.currency, self.locale)

    def number(self, value: int) -> str:
        return _number(value, self.locale)

    def rate(self, rate_bp: int) -> str:
        return format_rate(rate_bp)

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the studio's zone; naive datetimes are taken as UTC."""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(self.zone)

    def date(self, moment: datetime) -> str:
        return _date(self.local(moment).date(), "medium", self.locale)

    def long_date(self, moment: datetime) -> str:
        return _date(self.local(moment).date(), "full", self.locale)

    def time(self, moment: datetime) -> str:
        return format_time(self.local(moment).time(), "short", locale=self.locale)

    def date_time(self, moment: datetime) -> str:
        """Date and time in the studio's zone, joined the locale's way."""
        pattern = str(get_datetime_format("medium", locale=self.locale))
        return pattern.replace("{1}", self.date(moment)).replace("{0}", self.time(moment))

    def time_range(self, starts_at: datetime, ends_at: datetime) -> str:
        """``14:00 – 16:00``; the end's date is added when it falls on another day."""
        start, end = self.local(starts_at), self.local(ends_at)
        end_text = self.time(ends_at)
        if end.date() != start.date():
            end_text = self.date_time(ends_at)
        return f"{self.time(starts_at)} – {end_text}"

    def duration(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        if hours and rest:
            return f"{hours} h {rest} min"
        if hours:
            return f"{hours} h"
        return f"{rest} min"

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


# Babel is slow per call and documents repeat themselves (prices, VAT rates, dates of a
# day's receipts): the results are pure functions of their arguments, so they are kept.
@lru_cache(maxsize=8192)
def _money(minor: int, code: str, locale: Locale) -> str:
    digits = get_currency_precision(code)
    return str(format_currency(Decimal(minor).scaleb(-digits), code, locale=locale))


@lru_cache(maxsize=2048)
def _number(value: int, locale: Locale) -> str:
    return str(format_decimal(value, locale=locale))


@lru_cache(maxsize=4096)
def _date(day: date, form: str, locale: Locale) -> str:
    return str(format_date(day, form, locale=locale))
