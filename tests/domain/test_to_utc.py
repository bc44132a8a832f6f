"""``to_utc``: the one door every time given to a service passes through."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone

import pytest

from podyx_desktop.domain.availability import to_utc
from podyx_desktop.domain.errors import InvalidInput
from tests.domain.availability_cases import BERLIN, FALL, SPRING, FallBack, SpringForward


def test_utc_and_fixed_offsets_are_the_same_instant_in_utc() -> None:
    instant = datetime(2026, 6, 3, 8, 0, tzinfo=UTC)
    assert to_utc(instant) == instant
    plus_two = datetime(2026, 6, 3, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    assert to_utc(plus_two) == instant
    assert to_utc(plus_two).tzinfo is UTC
    assert to_utc(datetime(2026, 6, 3, 10, 0, tzinfo=BERLIN)) == instant


@pytest.mark.parametrize("case", SPRING)
@pytest.mark.parametrize("fold", [0, 1])
def test_a_skipped_wall_clock_time_is_refused_whatever_its_fold(
    case: SpringForward, fold: int
) -> None:
    gap = datetime.combine(case.day, time(case.gap_hour, 30), tzinfo=case.zone).replace(fold=fold)
    with pytest.raises(InvalidInput, match=f"does not exist in {case.zone.key}") as refused:
        to_utc(gap)
    assert refused.value.field == "starts_at"
    # the minutes either side of the gap exist
    before = datetime.combine(case.day, time(case.gap_hour - 1, 59), tzinfo=case.zone)
    after = datetime.combine(case.day, time(case.gap_hour + 1, 0), tzinfo=case.zone)
    assert to_utc(after) - to_utc(before) == timedelta(minutes=1)


@pytest.mark.parametrize("case", FALL)
def test_a_repeated_wall_clock_time_is_the_instant_its_fold_picks(case: FallBack) -> None:
    twice = datetime.combine(case.day, time(case.repeated_hour, 30), tzinfo=case.zone)
    assert to_utc(twice) == case.first_utc
    assert to_utc(twice.replace(fold=1)) == case.second_utc


def test_a_naive_time_is_refused_with_what_to_do() -> None:
    with pytest.raises(InvalidInput, match=r"has no time zone\. Give the time in UTC") as refused:
        to_utc(datetime(2026, 6, 3, 10, 0), "valid_from")
    assert refused.value.field == "valid_from"
