"""Free start times on ordinary days: busy intervals and buffers, lead time, closed days,
several opening intervals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from podyx_desktop.domain.availability import (
    BusyInterval,
    OpeningInterval,
    free_slots,
)
from podyx_desktop.domain.errors import InvalidInput
from tests.domain.availability_cases import (
    BERLIN,
    BUSINESS,
    MONDAY,
    assert_well_formed,
    hourly,
    labels,
    local,
    quarter_hours,
)


def test_free_day_business_hours() -> None:
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=15, buffer_minutes=15, busy=[]
    )
    assert labels(slots) == quarter_hours("09:00", "17:00")
    assert slots[0].starts_at == datetime(2026, 5, 11, 7, 0, tzinfo=UTC)


def test_busy_interval_with_buffer_removes_overlapping_slots() -> None:
    # a session 12:00-13:00 with a 15-minute buffer blocks the room until 13:15
    busy = [BusyInterval(local(BERLIN, MONDAY, 12), local(BERLIN, MONDAY, 13, 15))]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=15, buffer_minutes=15, busy=busy
    )
    # 10:45 ends at 11:45, plus buffer 12:00: touches the busy start exactly, allowed;
    # 13:15 starts exactly when the room is free again, allowed.
    assert labels(slots) == quarter_hours("09:00", "10:45") + quarter_hours("13:15", "17:00")
    assert "11:00" not in labels(slots)
    assert "13:00" not in labels(slots)


def test_touching_without_buffer() -> None:
    busy = [BusyInterval(local(BERLIN, MONDAY, 12), local(BERLIN, MONDAY, 13))]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=60, buffer_minutes=0, busy=busy
    )
    assert labels(slots) == [
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
    busy = [BusyInterval(local(BERLIN, MONDAY, 12), local(BERLIN, MONDAY, 13))]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=60, buffer_minutes=1, busy=busy
    )
    assert "11:00" not in labels(slots)  # 12:00 + 1 minute of buffer overlaps
    assert "13:00" in labels(slots)


def test_several_busy_intervals_in_any_order() -> None:
    busy = [
        BusyInterval(local(BERLIN, MONDAY, 15), local(BERLIN, MONDAY, 16)),
        # a booking from before opening that runs into the first hour
        BusyInterval(local(BERLIN, MONDAY, 8), local(BERLIN, MONDAY, 9, 30)),
        BusyInterval(local(BERLIN, MONDAY, 11), local(BERLIN, MONDAY, 12)),
    ]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=60, buffer_minutes=0, busy=busy
    )
    assert labels(slots) == ["10:00", "12:00", "13:00", "14:00", "16:00", "17:00"]


def test_busy_on_another_day_does_not_matter() -> None:
    busy = [BusyInterval(local(BERLIN, date(2026, 5, 12), 9), local(BERLIN, date(2026, 5, 12), 18))]
    slots = free_slots(
        MONDAY, BERLIN, BUSINESS, length_minutes=60, step_minutes=60, buffer_minutes=15, busy=busy
    )
    assert len(slots) == 9


def test_earliest_start_filters() -> None:
    def labels_from(hh: int, mm: int = 0) -> list[str]:
        earliest = local(BERLIN, MONDAY, hh, mm)
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
        return labels(slots)

    assert labels_from(14) == quarter_hours("14:00", "17:00")  # exactly on a step
    assert labels_from(14, 10) == quarter_hours("14:15", "17:00")  # between steps
    assert labels_from(6) == quarter_hours("09:00", "17:00")  # before opening
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
    assert hourly(tuesday, BERLIN, BUSINESS) == []
    assert hourly(MONDAY, BERLIN, []) == []


def test_session_longer_than_opening() -> None:
    short = [OpeningInterval(0, 9 * 60, 9 * 60 + 45)]
    assert hourly(MONDAY, BERLIN, short) == []


def test_several_intervals_on_one_day() -> None:
    hours = [OpeningInterval(0, 14 * 60, 17 * 60), OpeningInterval(0, 9 * 60, 12 * 60)]
    slots = free_slots(
        MONDAY, BERLIN, hours, length_minutes=90, step_minutes=30, buffer_minutes=0, busy=[]
    )
    assert labels(slots) == [
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "14:00",
        "14:30",
        "15:00",
        "15:30",
    ]
    assert_well_formed(slots, BERLIN, timedelta(minutes=90))


def test_slot_ending_at_midnight() -> None:
    slots = hourly(MONDAY, BERLIN, [OpeningInterval(0, 22 * 60, 1440)])
    assert labels(slots) == ["22:00", "23:00"]
    assert slots[-1].ends_at == local(BERLIN, date(2026, 5, 12), 0)


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
