"""Availability in the studio's zone, including the four 2026 daylight-saving days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podyx_desktop.domain.availability import (
    BusyInterval,
    OpeningInterval,
    free_slots,
    local_day_bounds,
    local_to_utc,
    opening_windows,
    studio_zone,
    wall_clock,
    within_opening_hours,
)
from podyx_desktop.domain.errors import InvalidInput
from tests.domain.availability_cases import (
    BERLIN,
    BUSINESS,
    FALL,
    HOUR,
    MONDAY,
    NEW_YORK,
    SPRING,
    FallBack,
    SpringForward,
    all_day,
    assert_well_formed,
    hourly,
    local,
)

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
    slots = hourly(case.day, case.zone, all_day(case.day))
    assert len(slots) == 23
    assert_well_formed(slots, case.zone, HOUR)
    hours = [slot.local_start.hour for slot in slots]
    assert case.gap_hour not in hours  # never a local time inside the gap
    assert hours == [h for h in range(24) if h != case.gap_hour]
    assert all(slot.local_start.date() == case.day for slot in slots)
    assert slots[0].label == "00:00"
    assert slots[-1].label == "23:00"
    assert [b.starts_at - a.starts_at for a, b in pairwise(slots)] == [HOUR] * 22


@pytest.mark.parametrize("case", FALL)
def test_fall_back_day_has_25_hourly_slots(case: FallBack) -> None:
    slots = hourly(case.day, case.zone, all_day(case.day))
    assert len(slots) == 25
    assert_well_formed(slots, case.zone, HOUR)
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
        all_day(case.day),
        length_minutes=30,
        step_minutes=30,
        buffer_minutes=0,
        busy=[],
    )
    assert len(slots) == 46
    assert_well_formed(slots, case.zone, timedelta(minutes=30))
    assert all(slot.local_start.hour != case.gap_hour for slot in slots)


@pytest.mark.parametrize("case", SPRING)
def test_spring_forward_business_hours(case: SpringForward) -> None:
    slots = hourly(case.day, case.zone, [OpeningInterval(case.day.weekday(), 9 * 60, 18 * 60)])
    assert len(slots) == 9
    assert_well_formed(slots, case.zone, HOUR)
    assert slots[0].local_start.replace(tzinfo=None) == datetime.combine(case.day, time(9))
    last_end = slots[-1].ends_at.astimezone(case.zone).replace(tzinfo=None)
    assert last_end <= datetime.combine(case.day, time(18))
    assert last_end == datetime.combine(case.day, time(18))


@pytest.mark.parametrize("case", FALL)
def test_fall_back_business_hours(case: FallBack) -> None:
    slots = hourly(case.day, case.zone, [OpeningInterval(case.day.weekday(), 9 * 60, 18 * 60)])
    assert len(slots) == 9
    assert_well_formed(slots, case.zone, HOUR)
    assert slots[0].local_start.replace(tzinfo=None) == datetime.combine(case.day, time(9))
    assert slots[0].label == "09:00"
    last_end = slots[-1].ends_at.astimezone(case.zone).replace(tzinfo=None)
    assert last_end == datetime.combine(case.day, time(18))


@pytest.mark.parametrize("case", SPRING)
def test_opening_hours_across_the_gap_are_shorter(case: SpringForward) -> None:
    # 01:00-05:00 on the wall clock is three real hours
    slots = hourly(case.day, case.zone, [OpeningInterval(case.day.weekday(), 60, 300)])
    assert [slot.label for slot in slots] == ["01:00", "03:00", "04:00"]


@pytest.mark.parametrize("case", FALL)
def test_opening_hours_across_the_repeat_are_longer(case: FallBack) -> None:
    # 00:00-04:00 on the wall clock is five real hours
    slots = hourly(case.day, case.zone, [OpeningInterval(case.day.weekday(), 0, 240)])
    assert len(slots) == 5
    assert_well_formed(slots, case.zone, HOUR)


@pytest.mark.parametrize("case", SPRING)
def test_opening_boundary_inside_the_gap_moves_to_its_end(case: SpringForward) -> None:
    weekday = case.day.weekday()
    gap_end = local(case.zone, case.day, case.gap_hour + 1)
    # opening at 02:30, which does not exist, opens at 03:00
    [(start, _)] = opening_windows(case.day, case.zone, [OpeningInterval(weekday, 150, 600)])
    assert start == gap_end
    # closing at 02:30 closes at 03:00 too
    [(_, end)] = opening_windows(case.day, case.zone, [OpeningInterval(weekday, 0, 150)])
    assert end == gap_end
    # an interval entirely inside the gap is no window at all
    assert opening_windows(case.day, case.zone, [OpeningInterval(weekday, 125, 175)]) == []
    slots = hourly(case.day, case.zone, [OpeningInterval(weekday, 150, 360)])
    assert [slot.label for slot in slots] == ["03:00", "04:00", "05:00"]


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
    s = local(BERLIN, MONDAY, *start)
    e = local(BERLIN, MONDAY, *end)
    assert within_opening_hours(s, e, BERLIN, hours) is expected


def test_within_opening_hours_other_weekday_and_midnight() -> None:
    tuesday = date(2026, 5, 12)
    assert not within_opening_hours(
        local(BERLIN, tuesday, 10), local(BERLIN, tuesday, 11), BERLIN, BUSINESS
    )
    late = [OpeningInterval(0, 20 * 60, 1440)]
    assert within_opening_hours(local(BERLIN, MONDAY, 23), local(BERLIN, tuesday, 0), BERLIN, late)
    assert not within_opening_hours(
        local(BERLIN, MONDAY, 23), local(BERLIN, tuesday, 0, 30), BERLIN, late
    )


@pytest.mark.parametrize("case", FALL)
def test_within_opening_hours_in_the_repeated_hour(case: FallBack) -> None:
    hours = all_day(case.day)
    assert within_opening_hours(case.second_utc, case.second_utc + HOUR, case.zone, hours)
    assert within_opening_hours(case.first_utc, case.first_utc + HOUR, case.zone, hours)
    business = [OpeningInterval(case.day.weekday(), 9 * 60, 18 * 60)]
    assert not within_opening_hours(case.second_utc, case.second_utc + HOUR, case.zone, business)


@pytest.mark.parametrize("case", SPRING)
def test_within_opening_hours_across_the_gap(case: SpringForward) -> None:
    start = local(case.zone, case.day, case.gap_hour - 1, 30)
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
    assert_well_formed(slots, zone, timedelta(minutes=length))
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
