"""Shared cases and helpers for the availability tests: the four 2026 DST days, a plain
Monday, and builders of local times and slot lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from podyx_desktop.domain.availability import (
    OpeningInterval,
    Slot,
    free_slots,
    local_to_utc,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class SpringForward:
    zone: ZoneInfo
    day: date
    gap_hour: int  # the local hour that does not exist


@dataclass(frozen=True)
class FallBack:
    zone: ZoneInfo
    day: date
    repeated_hour: int  # the local hour that happens twice
    first_utc: datetime  # repeated_hour:30 the first time
    second_utc: datetime  # repeated_hour:30 the second time


SPRING = [
    pytest.param(SpringForward(BERLIN, date(2026, 3, 29), 2), id="Berlin-2026-03-29"),
    pytest.param(SpringForward(NEW_YORK, date(2026, 3, 8), 2), id="NewYork-2026-03-08"),
]
FALL = [
    pytest.param(
        FallBack(
            BERLIN,
            date(2026, 10, 25),
            2,
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 CEST (+02:00)
            datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 CET (+01:00)
        ),
        id="Berlin-2026-10-25",
    ),
    pytest.param(
        FallBack(
            NEW_YORK,
            date(2026, 11, 1),
            1,
            datetime(2026, 11, 1, 5, 30, tzinfo=UTC),  # 01:30 EDT (-04:00)
            datetime(2026, 11, 1, 6, 30, tzinfo=UTC),  # 01:30 EST (-05:00)
        ),
        id="NewYork-2026-11-01",
    ),
]


def all_day(day: date) -> list[OpeningInterval]:
    return [OpeningInterval(day.weekday(), 0, 1440)]


def hourly(day: date, zone: ZoneInfo, hours: list[OpeningInterval]) -> list[Slot]:
    return free_slots(
        day, zone, hours, length_minutes=60, step_minutes=60, buffer_minutes=0, busy=[]
    )


def local(zone: ZoneInfo, day: date, hh: int, mm: int = 0, fold: int = 0) -> datetime:
    """An aware UTC instant for an unambiguous (or fold-chosen) local wall-clock time."""
    return local_to_utc(datetime.combine(day, time(hh, mm)), zone, fold=fold)


def assert_well_formed(slots: list[Slot], zone: ZoneInfo, length: timedelta) -> None:
    starts = [slot.starts_at for slot in slots]
    assert all(a < b for a, b in pairwise(starts)), "strictly increasing"
    for slot in slots:
        assert slot.starts_at.utcoffset() == timedelta(0)
        assert slot.ends_at - slot.starts_at == length
        assert slot.local_start.tzinfo is zone
        # the same instant (compared in UTC: PEP 495 makes a repeated-hour local time
        # unequal to every datetime of another zone)
        assert slot.local_start.astimezone(UTC) == slot.starts_at
        # the local wall-clock time exists and resolves back to the same instant
        naive = slot.local_start.replace(tzinfo=None)
        assert local_to_utc(naive, zone, fold=slot.local_start.fold) == slot.starts_at


MONDAY = date(2026, 5, 11)  # CEST, UTC+2, no transition
BUSINESS = [OpeningInterval(0, 9 * 60, 18 * 60)]


def labels(slots: list[Slot]) -> list[str]:
    return [slot.label for slot in slots]


def quarter_hours(first: str, last: str) -> list[str]:
    h, m = map(int, first.split(":"))
    out = []
    current = h * 60 + m
    end_h, end_m = map(int, last.split(":"))
    while current <= end_h * 60 + end_m:
        out.append(f"{current // 60:02d}:{current % 60:02d}")
        current += 15
    return out
