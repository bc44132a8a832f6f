"""Exactly once, the waitlist: eight seats (separate processes, every one a different
client) claim one freed time at the same moment, on a SQLite file and on PostgreSQL.

- Held: the time is held for the first in line; every seat books it; only the holder gets
  it, the others are told it is held.
- The hold ran out: the round's clock is past it; the first claim passes it to the second
  in line, who alone gets it (the first holder too is told it is held).
- Free (nobody waits): every seat books it; exactly one gets it.
Each round ends with one live booking over the time and the waitlist agreeing.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import BookingRequest, SessionCart
from podyx_desktop.domain.waitlist import WaitlistJoin
from tests.factories import Studio
from tests.services.invariants import seat
from tests.services.seats import WORKERS, Seats, tally

pytestmark = pytest.mark.slow
DAY = date(2026, 6, 10)


def _clients(studio: Studio) -> list[SignedIn]:
    return [studio.client(f"Seat {n} Client") for n in range(WORKERS)]


def _free_then_wait(studio: Studio, clients: list[SignedIn], hour: int) -> int:
    """A booking at ``hour`` with every client in line for it (in list order); canceled,
    so the first in line holds it. Returns the canceled booking's id."""
    owner = studio.client(f"Cara Canceler {hour}")
    booking = studio.book(owner, studio.at(DAY, hour)).booking
    for client in clients:
        studio.services.waitlist.join(
            client.principal,
            WaitlistJoin(
                client.account.id, studio.podcast_setup, studio.podcast, booking.starts_at, 120
            ),
        )
    studio.services.bookings.cancel(owner.principal, booking.id)
    return booking.id


def _claims(studio: Studio, clients: list[SignedIn], hour: int) -> list[dict[str, object]]:
    cart = SessionCart(studio.podcast_setup, studio.podcast, 120)
    request = BookingRequest(cart, studio.at(DAY, hour), PaymentMethod.PAY_LATER, True)
    return [seat(c.principal, request=request) for c in clients]


def _live_at(database: Database, studio: Studio, hour: int) -> list[int]:
    with database.read() as session:
        return list(
            session.scalars(
                select(t.Booking.client_id).where(
                    t.Booking.room_id == studio.room_a,
                    t.Booking.status != "canceled",
                    t.Booking.starts_at == studio.at(DAY, hour),
                )
            )
        )


def _statuses(database: Database, hour: int, studio: Studio) -> dict[str, int]:
    with database.read() as session:
        rows = session.execute(
            select(t.WaitlistEntry.status, func.count())
            .where(t.WaitlistEntry.starts_at == studio.at(DAY, hour))
            .group_by(t.WaitlistEntry.status)
        )
        return {status: count for status, count in rows}


def test_only_the_holder_gets_a_held_time(studio: Studio, database: Database, seats: Seats) -> None:
    clients = _clients(studio)
    _free_then_wait(studio, clients, 10)
    outcomes = seats.run(
        "book", database, studio.services.context.now(), _claims(studio, clients, 10)
    )
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "live": _live_at(database, studio, 10),
        "entries": _statuses(database, 10, studio),
    }
    assert effects == {
        "seats_ok": 1,
        "live": [clients[0].account.id],
        "entries": {"booked": 1, "waiting": WORKERS - 1},
    }, (effects, outcomes)
    losers = [o for o in outcomes if o[0] != "ok"]
    # told it is held, or (after the holder's booking) that it was taken
    assert all(kind == "TimeTaken" and text for kind, text in losers), losers


def test_an_expired_hold_goes_to_the_next_and_only_to_them(
    studio: Studio, database: Database, seats: Seats
) -> None:
    clients = _clients(studio)
    _free_then_wait(studio, clients, 14)
    later = studio.services.context.now() + timedelta(minutes=31)
    outcomes = seats.run("book", database, later, _claims(studio, clients, 14))
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "live": _live_at(database, studio, 14),
        "entries": _statuses(database, 14, studio),
    }
    assert effects == {
        "seats_ok": 1,
        "live": [clients[1].account.id],
        "entries": {"passed": 1, "booked": 1, "waiting": WORKERS - 2},
    }, (effects, outcomes)
    losers = [o for o in outcomes if o[0] != "ok"]
    assert all(kind == "TimeTaken" and text for kind, text in losers), losers


def test_a_freed_time_nobody_waits_for_is_booked_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    clients = _clients(studio)
    owner = studio.client("Cara Canceler")
    booking = studio.book(owner, studio.at(DAY, 18)).booking
    studio.services.bookings.cancel(owner.principal, booking.id)
    outcomes = seats.run(
        "book", database, studio.services.context.now(), _claims(studio, clients, 18)
    )
    live = _live_at(database, studio, 18)
    assert tally(outcomes).get("ok", 0) == 1 and len(live) == 1, (live, outcomes)
    assert {kind for kind, _ in outcomes if kind != "ok"} <= {"TimeTaken"}, outcomes
