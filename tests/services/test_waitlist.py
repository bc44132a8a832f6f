"""The waitlist through the services: joining a taken time (and the refusals), the offer
chain when a time frees — in line order, one hold at a time, passing to the next when a
hold runs out (an injected clock) — the hold refusing the time to everyone else, and who
may see what."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.errors import (
    Conflict,
    NotAllowed,
    NotFound,
    NotSignedIn,
    RuleViolation,
    TimeTaken,
)
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import AvailabilityQuery, RedeemRequest
from podyx_desktop.domain.waitlist import WaitlistJoin, WaitStatus
from tests.conftest import FakeClock
from tests.factories import Studio

DAY = date(2026, 6, 10)


def _join(studio: Studio, who: SignedIn, hour: int = 10, minutes: int = 120, **kw: object):  # type: ignore[no-untyped-def]
    request = WaitlistJoin(
        who.account.id,
        studio.podcast_setup,
        studio.podcast,
        studio.at(DAY, hour),
        minutes,
        **kw,  # type: ignore[arg-type]
    )
    return studio.services.waitlist.join(who.principal, request)


def _taken(studio: Studio) -> tuple[SignedIn, int]:
    ana = studio.client()
    booking = studio.book(ana, studio.at(DAY, 10)).booking
    return ana, booking.id


def _status(studio: Studio, who: SignedIn) -> list[WaitStatus]:
    return [e.status for e in studio.services.waitlist.mine(who.principal, who.account.id)]


def test_join_a_taken_time_and_the_refusals(studio: Studio) -> None:
    ana, _ = _taken(studio)
    ben = studio.client("Ben Client")
    entry = _join(studio, ben)
    assert entry.status is WaitStatus.WAITING and entry.position == 1
    assert entry.room_name == "Studio A" and entry.minutes == 120
    with pytest.raises(Conflict, match="already on the waitlist"):
        _join(studio, ben, hour=11, minutes=60)  # overlaps the same wait
    with pytest.raises(RuleViolation, match="free: book it"):
        _join(studio, ben, hour=15)
    with pytest.raises(RuleViolation, match="already have a session"):
        _join(studio, ana)
    with pytest.raises(RuleViolation, match="does not offer"):
        _join(studio, ben, hour=22)
    cleo = studio.client("Cleo Client")
    assert _join(studio, cleo).position == 2


def test_a_client_sees_only_their_own_entries_and_staff_see_a_times_line(studio: Studio) -> None:
    _taken(studio)
    ben, cleo = studio.client("Ben Client"), studio.client("Cleo Client")
    ben_entry = _join(studio, ben)
    _join(studio, cleo)
    waitlist = studio.services.waitlist
    with pytest.raises(NotFound):
        waitlist.mine(cleo.principal, ben.account.id)
    with pytest.raises(NotFound):
        waitlist.leave(cleo.principal, ben_entry.id)
    with pytest.raises(NotFound):
        studio.services.waitlist.join(
            cleo.principal,
            WaitlistJoin(
                ben.account.id, studio.podcast_setup, studio.podcast, studio.at(DAY, 10), 120
            ),
        )
    with pytest.raises(NotAllowed):
        waitlist.for_time(ben.principal, studio.room_a, studio.at(DAY, 9), studio.at(DAY, 13))
    with pytest.raises(NotSignedIn):
        waitlist.mine(Principal.anonymous(), ben.account.id)
    line = waitlist.for_time(studio.desk, studio.room_a, studio.at(DAY, 9), studio.at(DAY, 13))
    assert [e.client_name for e in line] == ["Ben Client", "Cleo Client"]
    assert [e.position for e in line] == [1, 2]


def test_a_freed_time_is_offered_in_order_and_held_for_the_first(
    studio: Studio, clock: FakeClock
) -> None:
    ana, booking_id = _taken(studio)
    ben, cleo, dora = (studio.client(n) for n in ("Ben Client", "Cleo Client", "Dora Client"))
    _join(studio, ben)
    _join(studio, cleo)
    services = studio.services
    _canceled, changes = services.call(lambda: services.bookings.cancel(ana.principal, booking_id))
    assert changes.touches(Kind.WAITLIST)
    [offer] = services.waitlist.mine(ben.principal, ben.account.id)
    assert offer.status is WaitStatus.OFFERED
    assert offer.hold_until == clock.now + timedelta(minutes=30)
    assert _status(studio, cleo) == [WaitStatus.WAITING]
    # the held time is not free to others, and booking it is refused in words
    query = AvailabilityQuery(studio.podcast_setup, studio.podcast, 120, DAY)
    ten = studio.at(DAY, 10)
    assert ten not in {s.starts_at for s in services.availability.free_slots(dora.principal, query)}
    assert ten in {s.starts_at for s in services.availability.free_slots(ben.principal, query)}
    assert ten in {s.starts_at for s in services.waitlist.taken_times(dora.principal, query)}
    with pytest.raises(TimeTaken, match="held for a client on the waitlist until 08:30"):
        studio.book(dora, ten)
    with pytest.raises(TimeTaken, match="held"):
        studio.book(cleo, studio.at(DAY, 11), minutes=60)  # overlapping counts too
    # the holder books it the normal way, paying as usual
    booked = studio.book(ben, ten).booking
    assert booked.client_id == ben.account.id
    assert _status(studio, ben) == []
    assert _status(studio, cleo) == [WaitStatus.WAITING]


def test_an_expired_hold_passes_to_the_next(studio: Studio, clock: FakeClock) -> None:
    ana, booking_id = _taken(studio)
    ben, cleo = studio.client("Ben Client"), studio.client("Cleo Client")
    ben_entry = _join(studio, ben)
    _join(studio, cleo)
    services = studio.services
    services.bookings.cancel(ana.principal, booking_id)
    clock.now += timedelta(minutes=31)
    # on read, the expired offer already reads as passed; nobody has written it yet
    assert _status(studio, ben) == [WaitStatus.PASSED]
    with pytest.raises(TimeTaken, match="held"):
        studio.book(ben, studio.at(DAY, 10))  # too late: the claim passes it on first
    made, changes = services.call(lambda: services.waitlist.pass_expired(ben.principal))
    assert made == 1 and changes.touches(Kind.WAITLIST)
    [offer] = services.waitlist.mine(cleo.principal, cleo.account.id)
    assert offer.status is WaitStatus.OFFERED
    assert offer.hold_until == clock.now + timedelta(minutes=30)
    assert _status(studio, ben) == []
    with pytest.raises(Conflict, match="ran out"):
        services.waitlist.leave(ben.principal, ben_entry.id)
    assert studio.book(cleo, studio.at(DAY, 10)).booking.client_id == cleo.account.id


def test_leaving_an_offer_passes_it_at_once_and_the_hold_length_is_the_studios(
    studio: Studio, clock: FakeClock
) -> None:
    with pytest.raises(NotAllowed):
        studio.services.waitlist.set_hold_minutes(studio.desk, 10)
    with pytest.raises(Exception, match="between 5 and"):
        studio.services.waitlist.set_hold_minutes(studio.owner, 2)
    assert studio.services.waitlist.set_hold_minutes(studio.owner, 10) == 10
    ana, booking_id = _taken(studio)
    ben, cleo = studio.client("Ben Client"), studio.client("Cleo Client")
    ben_entry = _join(studio, ben)
    _join(studio, cleo)
    studio.services.bookings.cancel(ana.principal, booking_id)
    left = studio.services.waitlist.leave(ben.principal, ben_entry.id)
    assert left.status is WaitStatus.LEFT
    [offer] = studio.services.waitlist.mine(cleo.principal, cleo.account.id)
    assert offer.status is WaitStatus.OFFERED
    assert offer.hold_until == clock.now + timedelta(minutes=10)


def test_a_move_and_a_refusal_free_the_time_too(studio: Studio) -> None:
    ana, booking_id = _taken(studio)
    ben = studio.client("Ben Client")
    _join(studio, ben)
    studio.services.bookings.reschedule(ana.principal, booking_id, studio.at(DAY, 15))
    assert _status(studio, ben) == [WaitStatus.OFFERED]
    # a pending (pay later) booking refused by the desk
    cleo, dora = studio.client("Cleo Client"), studio.client("Dora Client")
    pending = studio.book(cleo, studio.at(DAY + timedelta(days=1), 10)).booking
    request = WaitlistJoin(
        dora.account.id, studio.podcast_setup, studio.podcast, pending.starts_at, 120
    )
    studio.services.waitlist.join(dora.principal, request)
    studio.services.bookings.cancel(studio.desk, pending.id, reason="Not paid")
    assert _status(studio, dora) == [WaitStatus.OFFERED]


def test_waiting_to_move_a_booking_and_to_redeem_a_bundle(studio: Studio) -> None:
    ana, booking_id = _taken(studio)
    ben = studio.client("Ben Client")
    own = studio.book(ben, studio.at(DAY, 15)).booking
    bundle = studio.services.bundles.issue(
        studio.desk, ben.account.id, studio.bundle_product, "Goodwill"
    )
    moving = _join(studio, ben, booking_id=own.id)
    assert moving.booking_id == own.id
    cleo = studio.client("Cleo Client")
    with pytest.raises(NotFound):
        _join(studio, cleo, booking_id=own.id)
    studio.services.bookings.cancel(ana.principal, booking_id)
    assert _status(studio, ben) == [WaitStatus.OFFERED]
    moved = studio.services.bookings.reschedule(ben.principal, own.id, studio.at(DAY, 10))
    assert moved.starts_at == studio.at(DAY, 10)
    assert _status(studio, ben) == []
    # a bundle's wait, booked by redeeming it
    dora = studio.client("Dora Client")
    day2 = DAY + timedelta(days=2)
    taken = studio.book(dora, studio.at(day2, 10)).booking
    studio.services.waitlist.join(
        ben.principal,
        WaitlistJoin(
            ben.account.id,
            studio.podcast_setup,
            studio.podcast,
            studio.at(day2, 10),
            120,
            bundle_id=bundle.id,
        ),
    )
    studio.services.bookings.cancel(dora.principal, taken.id)
    redeemed = studio.services.bundles.redeem(
        ben.principal, RedeemRequest(bundle.id, studio.podcast_setup, studio.at(day2, 10))
    )
    assert redeemed.booking.client_id == ben.account.id


def test_an_entry_closes_when_its_time_comes(studio: Studio, clock: FakeClock) -> None:
    _taken(studio)
    ben = studio.client("Ben Client")
    _join(studio, ben)
    clock.now = studio.at(DAY, 11)
    assert _status(studio, ben) == []
    studio.services.waitlist.pass_expired(ben.principal)
    line = studio.services.waitlist.for_time(
        studio.desk, studio.room_a, studio.at(DAY, 9), studio.at(DAY, 13)
    )
    assert line == []
