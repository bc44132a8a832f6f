"""Availability in the studio's zone, including the four 2026 daylight-saving days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podyx_desktop.domain.availability import (
    BusyInterval,
    OpeningInterval,
    Slot,
    free_slots,
    local_day_bounds,
    local_to_utc,
    opening_windows,
    studio_zone,
    wall_clock,
    within_opening_hours,
)
from podyx_desktop.domain.errors import InvalidInput

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


def _all_day(day: date) -> list[OpeningInterval]:
    return [OpeningInterval(day.weekday(), 0, 1440)]


def _hourly(day: date, zone: ZoneInfo, hours: list[OpeningInterval]) -> list[Slot]:
    return free_slots(
        day, zone, hours, length_minutes=60, step_minutes=60, buffer_minutes=0, busy=[]
    )


def _local(zone: ZoneInfo, day: date, hh: int, mm: int = 0, fold: int = 0) -> datetime:
    """An aware UTC instant for an unambiguous (or fold-chosen) local wall-clock time."""
    return local_to_utc(datetime.combine(day, time(hh, mm)), zone, fold=fold)


def _assert_well_formed(slots: list[Slot], zone: ZoneInfo, length: timedelta) -> None:
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


# --- local_to_utc -----------------------------------------------------------------------


@pytest.mark.parametrize("case", SPRING)
@pytest.mark.parametrize("minute", [0, 1, 30, 59])
@pytest.mark.parametrize("fold", [None, 0, 1])
def test_nonexistent_local_time_is_refused(
    case: SpringForward, minute: int, fold: int | None
) -> None:
    naive = datetime.combine(case.day, time(case.gap_hour, minute))
    with pytest.raises(InvalidInput) as raised:
        local_to_utc(naive, case.zone, fold=fold)
    assert raised.value.field == "starts_at"
    assert "does not exist" in raised.value.message
    assert case.zone.key in raised.value.message


@pytest.mark.parametrize("case", SPRING)
def test_times_around_the_gap_exist(case: SpringForward) -> None:
    before = local_to_utc(datetime.combine(case.day, time(case.gap_hour - 1, 59)), case.zone)
    after = local_to_utc(datetime.combine(case.day, time(case.gap_hour + 1, 0)), case.zone)
    assert after - before == timedelta(minutes=1)  # the clock jumps one hour


@pytest.mark.parametrize("case", FALL)
def test_ambiguous_local_time_needs_a_fold(case: FallBack) -> None:
    naive = datetime.combine(case.day, time(case.repeated_hour, 30))
    with pytest.raises(InvalidInput) as raised:
        local_to_utc(naive, case.zone)
    assert raised.value.field == "starts_at"
    assert "happens twice" in raised.value.message
    first = local_to_utc(naive, case.zone, fold=0)
    second = local_to_utc(naive, case.zone, fold=1)
    assert first == case.first_utc
    assert second == case.second_utc
    assert second - first == HOUR
    assert first.tzinfo is UTC and second.tzinfo is UTC


@pytest.mark.parametrize("case", FALL)
def test_edges_of_the_repeated_hour(case: FallBack) -> None:
    h = case.repeated_hour
    with pytest.raises(InvalidInput):
        local_to_utc(datetime.combine(case.day, time(h, 0)), case.zone)
    with pytest.raises(InvalidInput):
        local_to_utc(datetime.combine(case.day, time(h, 59)), case.zone)
    just_before = local_to_utc(datetime.combine(case.day, time(h - 1, 59)), case.zone)
    just_after = local_to_utc(datetime.combine(case.day, time(h + 1, 0)), case.zone)
    assert just_after - just_before == timedelta(hours=2, minutes=1)


def test_unambiguous_time_ignores_fold() -> None:
    naive = datetime(2026, 7, 1, 10, 0)
    expected = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    assert local_to_utc(naive, BERLIN) == expected
    assert local_to_utc(naive, BERLIN, fold=0) == expected
    assert local_to_utc(naive, BERLIN, fold=1) == expected
    assert local_to_utc(datetime(2026, 1, 15, 10, 0), NEW_YORK) == datetime(
        2026, 1, 15, 15, 0, tzinfo=UTC
    )


def test_local_to_utc_takes_naive_times_only() -> None:
    with pytest.raises(ValueError):
        local_to_utc(datetime(2026, 7, 1, 10, 0, tzinfo=UTC), BERLIN)


# --- whole days -------------------------------------------------------------------------


@pytest.mark.parametrize("case", SPRING)
def test_day_bounds_spring_forward_day_is_23_hours(case: SpringForward) -> None:
    start, end = local_day_bounds(case.day, case.zone)
    assert end - start == timedelta(hours=23)
    assert start.astimezone(case.zone).replace(tzinfo=None) == datetime.combine(case.day, time(0))


@pytest.mark.parametrize("case", FALL)
def test_day_bounds_fall_back_day_is_25_hours(case: FallBack) -> None:
    start, end = local_day_bounds(case.day, case.zone)
    assert end - start == timedelta(hours=25)


def test_day_bounds_ordinary_day() -> None:
    start, end = local_day_bounds(date(2026, 7, 1), BERLIN)
    assert start == datetime(2026, 6, 30, 22, 0, tzinfo=UTC)
    assert end == datetime(2026, 7, 1, 22, 0, tzinfo=UTC)


@pytest.mark.parametrize("case", SPRING)
def test_spring_forward_day_has_23_hourly_slots(case: SpringForward) -> None:
    slots = _hourly(case.day, case.zone, _all_day(case.day))
    assert len(slots) == 23
    _assert_well_formed(slots, case.zone, HOUR)
    hours = [slot.local_start.hour for slot in slots]
    assert case.gap_hour not in hours  # never a local time inside the gap
    assert hours == [h for h in range(24) if h != case.gap_hour]
    assert all(slot.local_start.date() == case.day for slot in slots)
    assert slots[0].label == "00:00"
    assert slots[-1].label == "23:00"
    assert [b.starts_at - a.starts_at for a, b in pairwise(slots)] == [HOUR] * 22


@pytest.mark.parametrize("case", FALL)
def test_fall_back_day_has_25_hourly_slots(case: FallBack) -> None:
    slots = _hourly(case.day, case.zone, _all_day(case.day))
    assert len(slots) == 25
    _assert_well_formed(slots, case.zone, HOUR)
    hours = [slot.local_start.hour for slot in slots]
    assert hours.count(case.repeated_hour) == 2
    assert all(hours.count(h) == 1 for h in range(24) if h != case.repeated_hour)
    twice = [slot for slot in slots if slot.local_start.hour == case.repeated_hour]
    first, second = twice
    assert first.label == second.label
    assert first.local_start.utcoffset() != second.local_start.utcoffset()
    assert first.local_start.utcoffset() - second.local_start.utcoffset() == HOUR  # type: ignore[operator]
    assert (first.local_start.fold, second.local_start.fold) == (0, 1)
    assert second.starts_at - first.starts_at == HOUR
    assert all(slot.local_start.date() == case.day for slot in slots)


@pytest.mark.parametrize("case", SPRING)
def test_spring_forward_half_hour_steps(case: SpringForward) -> None:
    slots = free_slots(
        case.day,
        case.zone,
        _all_day(case.day),
        length_minutes=30,
        step_minutes=30,
        buffer_minutes=0,
        busy=[],
    )
    assert len(slots) == 46
    _assert_well_formed(slots, case.zone, timedelta(minutes=30))
    assert all(slot.local_start.hour != case.gap_hour for slot in slots)


@pytest.mark.parametrize("case", SPRING)
def test_spring_forward_business_hours(case: SpringForward) -> None:
    slots = _hourly(case.day, case.zone, [OpeningInterval(case.day.weekday(), 9 * 60, 18 * 60)])
    assert len(slots) == 9
    _assert_well_formed(slots, case.zone, HOUR)
    assert slots[0].local_start.replace(tzinfo=None) == datetime.combine(case.day, time(9))
    last_end = slots[-1].ends_at.astimezone(case.zone).replace(tzinfo=None)
    assert last_end <= datetime.combine(case.day, time(18))
    assert last_end == datetime.combine(case.day, time(18))


@pytest.mark.parametrize("case", FALL)
def test_fall_back_business_hours(case: FallBack) -> None:
    slots = _hourly(case.day, case.zone, [OpeningInterval(case.day.weekday(), 9 * 60, 18 * 60)])
    assert len(slots) == 9
    _assert_well_formed(slots, case.zone, HOUR)
    assert slots[0].local_start.replace(tzinfo=None) == datetime.combine(case.day, time(9))
    assert slots[0].label == "09:00"
    last_end = slots[-1].ends_at.astimezone(case.zone).replace(tzinfo=None)
    assert last_end == datetime.combine(case.day, time(18))


@pytest.mark.parametrize("case", SPRING)
def test_opening_hours_across_the_gap_are_shorter(case: SpringForward) -> None:
    # 01:00-05:00 on the wall clock is three real hours
    slots = _hourly(case.day, case.zone, [OpeningInterval(case.day.weekday(), 60, 300)])
    assert [slot.label for slot in slots] == ["01:00", "03:00", "04:00"]


@pytest.mark.parametrize("case", FALL)
def test_opening_hours_across_the_repeat_are_longer(case: FallBack) -> None:
    # 00:00-04:00 on the wall clock is five real hours
    slots = _hourly(case.day, case.zone, [OpeningInterval(case.day.weekday(), 0, 240)])
    assert len(slots) == 5
    _assert_well_formed(slots, case.zone, HOUR)


@pytest.mark.parametrize("case", SPRING)
def test_opening_boundary_inside_the_gap_moves_to_its_end(case: SpringForward) -> None:
    weekday = case.day.weekday()
    gap_end = _local(case.zone, case.day, case.gap_hour + 1)
    # opening at 02:30, which does not exist, opens at 03:00
    [(start, _)] = opening_windows(case.day, case.zone, [OpeningInterval(weekday, 150, 600)])
    assert start == gap_end
    # closing at 02:30 closes at 03:00 too
    [(_, end)] = opening_windows(case.day, case.zone, [OpeningInterval(weekday, 0, 150)])
    assert end == gap_end
    # an interval entirely inside the gap is no window at all
    assert opening_windows(case.day, case.zone, [OpeningInterval(weekday, 125, 175)]) == []
    slots = _hourly(case.day, case.zone, [OpeningInterval(weekday, 150, 360)])
    assert [slot.label for slot in slots] == ["03:00", "04:00", "05:00"]


# --- busy, lead time, closed --------------------------------------------------------------

MONDAY = date(2026, 5, 11)  # CEST, UTC+2, no transition
BUSINESS = [OpeningInterval(0, 9 * 60, 18 * 60)]


def _labels(slots: list[Slot]) -> list[str]:
    return [slot.label for slot in slots]


def _quarter_hours(first: str, last: str) -> list[str]:
    h, m = map(int, first.split(":"))
    out = []
    current = h * 60 + m
    end_h, end_m = map(int, last.split(":"))
    while current <= end_h * 60 + end_m:
        out.append(f"{current // 60:02d}:{current % 60:02d}")
        current += 15
    return out


def test_free_day_business_hours() -> None:
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=15, buffer_minutes=15, busy=[]
    )
    assert _labels(slots) == _quarter_hours("09:00", "17:00")
    assert slots[0].starts_at == datetime(2026, 5, 11, 7, 0, tzinfo=UTC)


def test_busy_interval_with_buffer_removes_overlapping_slots() -> None:
    # a session 12:00-13:00 with a 15-minute buffer blocks the room until 13:15
    busy = [BusyInterval(_local(BERLIN, MONDAY, 12), _local(BERLIN, MONDAY, 13, 15))]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=15, buffer_minutes=15, busy=busy
    )
    # 10:45 ends at 11:45, plus buffer 12:00: touches the busy start exactly, allowed;
    # 13:15 starts exactly when the room is free again, allowed.
    assert _labels(slots) == _quarter_hours("09:00", "10:45") + _quarter_hours("13:15", "17:00")
    assert "11:00" not in _labels(slots)
    assert "13:00" not in _labels(slots)


def test_touching_without_buffer() -> None:
    busy = [BusyInterval(_local(BERLIN, MONDAY, 12), _local(BERLIN, MONDAY, 13))]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=60, buffer_minutes=0, busy=busy
    )
    assert _labels(slots) == [
        "09:00",
        "10:00",
        "11:00",
        "13:00",
        "14:00",
        "15:00",
        "16:00",
        "17:00",
    ]


def test_buffer_alone_can_block_a_slot() -> None:
    busy = [BusyInterval(_local(BERLIN, MONDAY, 12), _local(BERLIN, MONDAY, 13))]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=60, buffer_minutes=1, busy=busy
    )
    assert "11:00" not in _labels(slots)  # 12:00 + 1 minute of buffer overlaps
    assert "13:00" in _labels(slots)


def test_several_busy_intervals_in_any_order() -> None:
    busy = [
        BusyInterval(_local(BERLIN, MONDAY, 15), _local(BERLIN, MONDAY, 16)),
        # a booking from before opening that runs into the first hour
        BusyInterval(_local(BERLIN, MONDAY, 8), _local(BERLIN, MONDAY, 9, 30)),
        BusyInterval(_local(BERLIN, MONDAY, 11), _local(BERLIN, MONDAY, 12)),
    ]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=60, buffer_minutes=0, busy=busy
    )
    assert _labels(slots) == ["10:00", "12:00", "13:00", "14:00", "16:00", "17:00"]


def test_busy_on_another_day_does_not_matter() -> None:
    busy = [
        BusyInterval(_local(BERLIN, date(2026, 5, 12), 9), _local(BERLIN, date(2026, 5, 12), 18))
    ]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=60, buffer_minutes=15, busy=busy
    )
    assert len(slots) == 9


def test_earliest_start_filters() -> None:
    def labels_from(hh: int, mm: int = 0) -> list[str]:
        earliest = _local(BERLIN, MONDAY, hh, mm)
        slots = free_slots(
            MONDAY,
            BERLIN,
            BUSINESS,
            length_minutes=60,
            step_minutes=15,
            buffer_minutes=0,
            busy=[],
            earliest_start=earliest,
        )
        assert all(slot.starts_at >= earliest for slot in slots)
        return _labels(slots)

    assert labels_from(14) == _quarter_hours("14:00", "17:00")  # exactly on a step
    assert labels_from(14, 10) == _quarter_hours("14:15", "17:00")  # between steps
    assert labels_from(6) == _quarter_hours("09:00", "17:00")  # before opening
    assert labels_from(17, 1) == []  # after the last start


def test_closed_day_has_no_slots() -> None:
    assert (
        free_slots(
            MONDAY,
            BERLIN,
            BUSINESS,
            length_minutes=60,
            step_minutes=60,
            buffer_minutes=0,
            busy=[],
            closed=True,
        )
        == []
    )


def test_no_opening_hours_on_that_weekday() -> None:
    tuesday = date(2026, 5, 12)
    assert _hourly(tuesday, BERLIN, BUSINESS) == []
    assert _hourly(MONDAY, BERLIN, []) == []


def test_session_longer_than_opening() -> None:
    short = [OpeningInterval(0, 9 * 60, 9 * 60 + 45)]
    assert _hourly(MONDAY, BERLIN, short) == []


def test_several_intervals_on_one_day() -> None:
    hours = [OpeningInterval(0, 14 * 60, 17 * 60), OpeningInterval(0, 9 * 60, 12 * 60)]
    slots = free_slots(
        MONDAY, BERLIN, hours, length_minutes=90, step_minutes=30, buffer_minutes=0, busy=[]
    )
    assert _labels(slots) == [
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "14:00",
        "14:30",
        "15:00",
        "15:30",
    ]
    _assert_well_formed(slots, BERLIN, timedelta(minutes=90))


def test_slot_ending_at_midnight() -> None:
    slots = _hourly(MONDAY, BERLIN, [OpeningInterval(0, 22 * 60, 1440)])
    assert _labels(slots) == ["22:00", "23:00"]
    assert slots[-1].ends_at == _local(BERLIN, date(2026, 5, 12), 0)


@pytest.mark.parametrize(("length", "step"), [(0, 60), (60, 0), (-30, 60), (60, -15)])
def test_length_and_step_must_be_positive(length: int, step: int) -> None:
    with pytest.raises(InvalidInput):
        free_slots(
            MONDAY,
            BERLIN,
            BUSINESS,
            length_minutes=length,
            step_minutes=step,
            buffer_minutes=0,
            busy=[],
        )


# --- within_opening_hours ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((9, 0), (10, 0), True),
        ((10, 0), (11, 0), True),
        ((11, 30), (12, 0), True),  # ends exactly at the break
        ((11, 30), (12, 30), False),
        ((11, 30), (13, 30), False),  # spans the break
        ((13, 0), (18, 0), True),
        ((17, 30), (18, 30), False),
        ((8, 30), (9, 30), False),
    ],
)
def test_within_opening_hours(start: tuple[int, int], end: tuple[int, int], expected: bool) -> None:
    hours = [OpeningInterval(0, 9 * 60, 12 * 60), OpeningInterval(0, 13 * 60, 18 * 60)]
    s = _local(BERLIN, MONDAY, *start)
    e = _local(BERLIN, MONDAY, *end)
    assert within_opening_hours(s, e, BERLIN, hours) is expected


def test_within_opening_hours_other_weekday_and_midnight() -> None:
    tuesday = date(2026, 5, 12)
    assert not within_opening_hours(
        _local(BERLIN, tuesday, 10), _local(BERLIN, tuesday, 11), BERLIN, BUSINESS
    )
    late = [OpeningInterval(0, 20 * 60, 1440)]
    assert within_opening_hours(
        _local(BERLIN, MONDAY, 23), _local(BERLIN, tuesday, 0), BERLIN, late
    )
    assert not within_opening_hours(
        _local(BERLIN, MONDAY, 23), _local(BERLIN, tuesday, 0, 30), BERLIN, late
    )


@pytest.mark.parametrize("case", FALL)
def test_within_opening_hours_in_the_repeated_hour(case: FallBack) -> None:
    hours = _all_day(case.day)
    assert within_opening_hours(case.second_utc, case.second_utc + HOUR, case.zone, hours)
    assert within_opening_hours(case.first_utc, case.first_utc + HOUR, case.zone, hours)
    business = [OpeningInterval(case.day.weekday(), 9 * 60, 18 * 60)]
    assert not within_opening_hours(case.second_utc, case.second_utc + HOUR, case.zone, business)


@pytest.mark.parametrize("case", SPRING)
def test_within_opening_hours_across_the_gap(case: SpringForward) -> None:
    start = _local(case.zone, case.day, case.gap_hour - 1, 30)
    end = start + HOUR  # 01:30 -> 03:30 on the wall clock
    assert within_opening_hours(start, end, case.zone, [OpeningInterval(6, 60, 240)])
    assert not within_opening_hours(start, end, case.zone, [OpeningInterval(6, 60, 200)])


# --- small pieces -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weekday", "open_minute", "close_minute"),
    [(-1, 0, 60), (7, 0, 60), (0, 60, 60), (0, 120, 60), (0, -1, 60), (0, 0, 1441)],
)
def test_opening_interval_validation(weekday: int, open_minute: int, close_minute: int) -> None:
    with pytest.raises(InvalidInput):
        OpeningInterval(weekday, open_minute, close_minute)


def test_opening_interval_whole_day_is_fine() -> None:
    interval = OpeningInterval(6, 0, 1440)
    assert (interval.weekday, interval.open_minute, interval.close_minute) == (6, 0, 1440)


def test_wall_clock() -> None:
    assert wall_clock(MONDAY, 0) == datetime(2026, 5, 11, 0, 0)
    assert wall_clock(MONDAY, 9 * 60 + 30) == datetime(2026, 5, 11, 9, 30)
    assert wall_clock(MONDAY, 1440) == datetime(2026, 5, 12, 0, 0)


@pytest.mark.parametrize("name", ["Europe/Berlin", "America/New_York", "UTC"])
def test_studio_zone_accepts_iana_names(name: str) -> None:
    assert studio_zone(name).key == name


@pytest.mark.parametrize(
    "name", ["Mars/Olympus", "", "../etc/passwd", "Europe", "America", "europe/berlin"]
)
def test_studio_zone_refuses_other_names(name: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        studio_zone(name)
    assert raised.value.field == "time_zone"


# --- property: any day, any zone ----------------------------------------------------------

ZONES = [BERLIN, NEW_YORK, ZoneInfo("Australia/Sydney"), ZoneInfo("Asia/Kolkata"), ZoneInfo("UTC")]


@settings(max_examples=150, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    day=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    open_minute=st.integers(min_value=0, max_value=1439),
    span=st.integers(min_value=1, max_value=1440),
    length=st.sampled_from([15, 30, 45, 60, 90, 120]),
    step=st.sampled_from([15, 30, 60]),
    buffer=st.sampled_from([0, 10, 15, 30]),
    busy_hours=st.lists(
        st.tuples(
            st.integers(min_value=-2, max_value=25), st.integers(min_value=15, max_value=240)
        ),
        max_size=4,
    ),
)
def test_free_slots_properties(
    zone: ZoneInfo,
    day: date,
    open_minute: int,
    span: int,
    length: int,
    step: int,
    buffer: int,
    busy_hours: list[tuple[int, int]],
) -> None:
    close_minute = min(open_minute + span, 1440)
    hours = [OpeningInterval(day.weekday(), open_minute, close_minute)]
    day_start, _ = local_day_bounds(day, zone)
    busy = [
        BusyInterval(day_start + timedelta(hours=h), day_start + timedelta(hours=h, minutes=m))
        for h, m in busy_hours
    ]
    slots = free_slots(
        day,
        zone,
        hours,
        length_minutes=length,
        step_minutes=step,
        buffer_minutes=buffer,
        busy=busy,
    )
    _assert_well_formed(slots, zone, timedelta(minutes=length))
    windows = opening_windows(day, zone, hours)
    pad = timedelta(minutes=buffer)
    for slot in slots:
        assert within_opening_hours(slot.starts_at, slot.ends_at, zone, hours)
        assert slot.local_start.date() == day
        assert any(ws <= slot.starts_at and slot.ends_at <= we for ws, we in windows)
        for b in busy:
            assert not (slot.starts_at < b.blocked_until and b.starts_at < slot.ends_at + pad)
    # every candidate the slots leave out does overlap something
    offered = {slot.starts_at for slot in slots}
    for ws, we in windows:
        candidate = ws
        while candidate + timedelta(minutes=length) <= we:
            if candidate not in offered:
                end = candidate + timedelta(minutes=length) + pad
                assert any(candidate < b.blocked_until and b.starts_at < end for b in busy)
            candidate += timedelta(minutes=step)
