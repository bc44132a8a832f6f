"""Times in any zone: every service turns the aware time it is given into UTC at its door.

The same bookings are made with times in UTC and in the studio's own zone, on the four
2026 daylight-saving days of Europe/Berlin and America/New_York, on SQLite and PostgreSQL.
A 2 h session lasts two real hours across either switch; a wall-clock time the clocks skip
is refused with the daylight-saving message; one that happens twice is the instant the
caller's ``fold`` picks; a naive time is refused in words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PromoKind
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import (
    AvailabilityQuery,
    NewPromoCode,
    RedeemRequest,
    StudioSettings,
)
from tests.conftest import FakeClock
from tests.domain.availability_cases import FALL, SPRING, FallBack, SpringForward
from tests.factories import Studio

TWO_HOURS = timedelta(hours=2)
GIVEN_AS = pytest.mark.parametrize("given_as", ["utc", "studio zone"])


def in_zone(zone: ZoneInfo, day: date, hh: int, mm: int = 0, fold: int = 0) -> datetime:
    """A wall-clock time of ``zone`` as the caller would pass it: aware, in that zone."""
    return datetime.combine(day, time(hh, mm), tzinfo=zone).replace(fold=fold)


def given(moment: datetime, given_as: str) -> datetime:
    return moment.astimezone(UTC) if given_as == "utc" else moment


def studio_in(studio: Studio, clock: FakeClock, zone: ZoneInfo, day: date) -> SignedIn:
    """The test studio moved to ``zone``, open around the clock; a client to book for."""
    clock.now = datetime.combine(day, time(0), tzinfo=UTC) - timedelta(days=10)
    system = Principal.system()
    studio.services.catalogue.configure_studio(
        system,
        StudioSettings(name="Test Studio", time_zone=zone.key, currency="EUR", locale="de_DE"),
    )
    studio.services.catalogue.set_opening_hours(
        system, [OpeningInterval(d, 0, 1440) for d in range(7)]
    )
    return studio.client()


def start_across(case: SpringForward | FallBack) -> tuple[datetime, datetime]:
    """A start whose 2 h session spans the switch, and its real end, both in the zone."""
    if isinstance(case, SpringForward):
        hour = case.gap_hour
        return in_zone(case.zone, case.day, hour - 1), in_zone(case.zone, case.day, hour + 2)
    hour = case.repeated_hour
    start = in_zone(case.zone, case.day, hour - 1, 30)
    return start, in_zone(case.zone, case.day, hour, 30, fold=1)


ACROSS = [*SPRING, *FALL]
BERLIN_SPRING = SpringForward(ZoneInfo("Europe/Berlin"), date(2026, 3, 29), 2)


@pytest.mark.parametrize("case", ACROSS)
@GIVEN_AS
def test_a_booked_session_lasts_its_real_length_across_the_switch(
    studio: Studio, clock: FakeClock, case: SpringForward | FallBack, given_as: str
) -> None:
    ann = studio_in(studio, clock, case.zone, case.day)
    start, end = start_across(case)
    booking = studio.book(ann, given(start, given_as), minutes=120).booking
    assert booking.starts_at == start.astimezone(UTC)
    assert booking.starts_at.utcoffset() == timedelta(0)
    assert booking.ends_at - booking.starts_at == TWO_HOURS
    assert booking.ends_at == end.astimezone(UTC)
    # the wall clock shows 3 h in spring, 1 h in the fall
    wall = booking.ends_at.astimezone(case.zone).replace(tzinfo=None) - start.replace(tzinfo=None)
    assert wall == (3 if isinstance(case, SpringForward) else 1) * timedelta(hours=1)


@pytest.mark.parametrize("case", ACROSS)
@GIVEN_AS
def test_a_redeemed_and_a_rescheduled_session_last_their_real_length(
    studio: Studio, clock: FakeClock, case: SpringForward | FallBack, given_as: str
) -> None:
    ann = studio_in(studio, clock, case.zone, case.day)
    start, end = start_across(case)
    bundle = studio.services.bundles.issue(
        studio.desk, ann.account.id, studio.bundle_product, "goodwill", sessions=1
    )
    redeemed = studio.services.bundles.redeem(
        ann.principal, RedeemRequest(bundle.id, studio.podcast_setup, given(start, given_as))
    ).booking
    assert (redeemed.starts_at, redeemed.ends_at) == (start.astimezone(UTC), end.astimezone(UTC))

    earlier = in_zone(case.zone, case.day - timedelta(days=1), 10)
    booked = studio.book(ann, given(earlier, given_as), setup=studio.roundtable_setup).booking
    moved = studio.services.bookings.reschedule(ann.principal, booked.id, given(start, given_as))
    assert (moved.starts_at, moved.ends_at) == (start.astimezone(UTC), end.astimezone(UTC))
    assert moved.original_starts_at == earlier.astimezone(UTC)


@pytest.mark.parametrize("case", FALL)
def test_a_time_that_happens_twice_is_the_instant_its_fold_picks(
    studio: Studio, clock: FakeClock, case: FallBack
) -> None:
    ann = studio_in(studio, clock, case.zone, case.day)
    first = in_zone(case.zone, case.day, case.repeated_hour, 30, fold=0)
    second = first.replace(fold=1)
    in_a = studio.book(ann, first, minutes=60).booking
    in_b = studio.book(ann, second, minutes=60, setup=studio.roundtable_setup).booking
    assert in_a.starts_at == case.first_utc
    assert in_b.starts_at == case.second_utc
    assert in_a.ends_at - in_a.starts_at == in_b.ends_at - in_b.starts_at == timedelta(hours=1)
    # both are offered, once each, as the free times of that day
    query = AvailabilityQuery(studio.video_setup, studio.podcast, 60, case.day)
    taken = {s.starts_at for s in studio.services.availability.free_slots(ann.principal, query)}
    assert case.first_utc not in taken  # the video set shares Studio A with booking a
    other = AvailabilityQuery(studio.podcast_setup, studio.podcast, 60, case.day)
    free = {s.starts_at for s in studio.services.availability.free_slots(ann.principal, other)}
    assert case.second_utc not in free and case.first_utc not in free


@pytest.mark.parametrize("case", SPRING)
def test_a_time_the_clocks_skip_is_refused_with_the_daylight_saving_message(
    studio: Studio, clock: FakeClock, case: SpringForward
) -> None:
    ann = studio_in(studio, clock, case.zone, case.day)
    bundle = studio.services.bundles.issue(
        studio.desk, ann.account.id, studio.bundle_product, "goodwill", sessions=1
    )
    booked = studio.book(ann, in_zone(case.zone, case.day, 10)).booking
    skipped = f"does not exist in {case.zone.key} .*daylight saving.*Pick another time"
    for fold in (0, 1):
        gap = in_zone(case.zone, case.day, case.gap_hour, 30, fold=fold)
        with pytest.raises(InvalidInput, match=skipped):
            studio.book(ann, gap)
        with pytest.raises(InvalidInput, match=skipped):
            studio.services.bundles.redeem(
                ann.principal, RedeemRequest(bundle.id, studio.podcast_setup, gap)
            )
        with pytest.raises(InvalidInput, match=skipped):
            studio.services.bookings.reschedule(ann.principal, booked.id, gap)
        with pytest.raises(InvalidInput, match=skipped):  # staff bypassing rules too
            studio.services.bookings.reschedule(studio.desk, booked.id, gap, bypass_rules=True)
    assert studio.services.bookings.get(ann.principal, booked.id).starts_at == booked.starts_at


def test_a_naive_time_is_refused_in_words(studio: Studio, clock: FakeClock) -> None:
    case = BERLIN_SPRING
    ann = studio_in(studio, clock, case.zone, case.day)
    bundle = studio.services.bundles.issue(
        studio.desk, ann.account.id, studio.bundle_product, "goodwill", sessions=1
    )
    booked = studio.book(ann, in_zone(case.zone, case.day, 10)).booking
    naive = datetime.combine(case.day, time(14))
    words = "has no time zone. Give the time in UTC or in the studio's time zone"
    with pytest.raises(InvalidInput, match=words):
        studio.book(ann, naive)
    with pytest.raises(InvalidInput, match=words):
        studio.services.bundles.redeem(
            ann.principal, RedeemRequest(bundle.id, studio.podcast_setup, naive)
        )
    with pytest.raises(InvalidInput, match=words):
        studio.services.bookings.reschedule(ann.principal, booked.id, naive)


def test_a_time_in_another_zone_is_the_same_instant(studio: Studio, clock: FakeClock) -> None:
    case = BERLIN_SPRING
    ann = studio_in(studio, clock, case.zone, case.day)
    tokyo = in_zone(case.zone, case.day, 12).astimezone(ZoneInfo("Asia/Tokyo"))
    booking = studio.book(ann, tokyo).booking
    assert booking.starts_at == in_zone(case.zone, case.day, 12).astimezone(UTC)


def test_promo_code_dates_in_any_zone_are_stored_as_utc(studio: Studio) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    starts = datetime(2026, 10, 25, 2, 30, tzinfo=berlin, fold=1)  # the second 02:30
    ends = datetime(2026, 11, 1, 1, 30, tzinfo=ZoneInfo("America/New_York"))
    code = studio.services.catalogue.add_promo_code(
        studio.owner,
        NewPromoCode("AUTUMN", PromoKind.PERCENT, 1000, valid_from=starts, valid_to=ends),
    )
    assert code.valid_from == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert code.valid_to == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="has no time zone"):
        studio.services.catalogue.add_promo_code(
            studio.owner,
            NewPromoCode("NAIVE", PromoKind.PERCENT, 1000, valid_from=datetime(2026, 10, 1)),
        )
    with pytest.raises(InvalidInput, match="does not exist in Europe/Berlin"):
        studio.services.catalogue.add_promo_code(
            studio.owner,
            NewPromoCode(
                "SKIPPED",
                PromoKind.PERCENT,
                1000,
                valid_to=datetime(2026, 3, 29, 2, 30, tzinfo=berlin),
            ),
        )
