"""Text for money and times on screen, in the studio's locale, currency and time zone.

No widgets and no rules here: every rule lives in :mod:`podyx_desktop.domain.vocabulary`
(Babel is imported there on first use, not at start-up). These names stay for the screens
that import them.
"""

from __future__ import annotations

from datetime import datetime

from podyx_desktop.domain.vocabulary import (
    date_text,
    date_time_text,
    duration_text,
    local_datetime,
    money_text,
    time_text,
)
from podyx_desktop.domain.vocabulary import parse_zone as zone

__all__ = [
    "duration_text",
    "local_date_text",
    "local_datetime",
    "local_time_text",
    "money_text",
    "zone",
]


def local_time_text(
    moment: datetime, time_zone: str, locale: str | None, *, with_date: bool = True
) -> str:
    """Date and time (or only the time) of ``moment`` in the studio's zone and locale."""
    if with_date:
        return date_time_text(moment, time_zone, locale)
    return time_text(moment, time_zone, locale)


def local_date_text(moment: datetime, time_zone: str, locale: str | None) -> str:
    return date_text(moment, time_zone, locale)
