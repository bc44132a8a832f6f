"""Text for money and times on screen, in the studio's locale, currency and time zone.

No widgets here. Amounts are integer minor units; datetimes are aware UTC and are shown in
the studio's IANA zone. Babel is imported on first use (not at start-up).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from babel import Locale

log = logging.getLogger(__name__)


@lru_cache(maxsize=16)
def _locale(name: str | None) -> Locale:
    from babel import Locale, UnknownLocaleError

    if name:
        try:
            return Locale.parse(name.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            log.warning("Unknown locale %r; using English.", name)
    return Locale.parse("en")


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; UTC (with a warning) when it is not known."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("Unknown time zone %r; showing times in UTC.", name)
        return ZoneInfo("UTC")


def money_text(minor: int, currency: str, locale: str | None) -> str:
    """``12050, "EUR", "en_IE"`` → ``€120.50``; ``"de_DE"`` → ``120,50 €``."""
    from babel.numbers import format_currency, get_currency_precision

    amount = Decimal(minor).scaleb(-get_currency_precision(currency))
    return str(format_currency(amount, currency, locale=_locale(locale)))


def local_datetime(moment: datetime, time_zone: str) -> datetime:
    """``moment`` in ``time_zone``; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(time_zone))


def local_time_text(
    moment: datetime, time_zone: str, locale: str | None, *, with_date: bool = True
) -> str:
    """Date and time (or only the time) of ``moment`` in the studio's zone and locale."""
    from babel.dates import format_date, format_time, get_datetime_format

    local = local_datetime(moment, time_zone)
    loc = _locale(locale)
    time_text = str(format_time(local.time(), "short", locale=loc))
    if not with_date:
        return time_text
    date_text = str(format_date(local.date(), "medium", locale=loc))
    pattern = str(get_datetime_format("medium", locale=loc))
    return pattern.replace("{1}", date_text).replace("{0}", time_text)


def local_date_text(moment: datetime, time_zone: str, locale: str | None) -> str:
    from babel.dates import format_date

    return str(
        format_date(local_datetime(moment, time_zone).date(), "medium", locale=_locale(locale))
    )


def duration_text(minutes: int) -> str:
    """``150`` → ``2 h 30 min``, translated."""
    from PySide6.QtCore import QCoreApplication

    hours, rest = divmod(minutes, 60)
    if hours and rest:
        text = QCoreApplication.translate("Duration", "{hours} h {minutes} min")
    elif hours:
        text = QCoreApplication.translate("Duration", "{hours} h")
    else:
        text = QCoreApplication.translate("Duration", "{minutes} min")
    return text.format(hours=hours, minutes=rest)
