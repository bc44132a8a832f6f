"""How concurrent writers meet on PostgreSQL: claims of one room queue up, claims of
different rooms do not, and a transaction PostgreSQL gives up on is explained.

These run on the suite's own PostgreSQL server, with a second connection holding what a
seat elsewhere would hold; the eight-process races are in ``test_concurrency.py``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text, update

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import COLLISION_MESSAGE, Database
from podyx_desktop.db.locks import hold_room
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.errors import Conflict, PodyxError, TimeTaken
from podyx_desktop.domain.requests import BookingRequest, SessionCart
from tests.factories import Studio

pytestmark = pytest.mark.postgres
ON_POSTGRES = pytest.mark.parametrize("database", ["postgres"], indirect=True)
DAY = date(2026, 6, 10)


class Background:
    """A call on another thread whose result or error the test collects."""

    def __init__(self, call: Callable[[], Any]) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(call,), daemon=True)
        self._thread.start()

    def _run(self, call: Callable[[], Any]) -> None:
        try:
            self.result = call()
        except BaseException as error:  # handed to the test
            self.error = error

    def finished(self, timeout: float) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()


def _waiting_for_room_lock(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(
            connection.execute(
                text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            ).scalar_one()
        )


def _wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _booking(studio: Studio, setup: int, hour: int) -> Callable[[], Any]:
    client = studio.client(f"Client {setup} {hour}", f"c{setup}.{hour}@example.com")
    cart = SessionCart(setup, studio.podcast, 120)
    request = BookingRequest(
        cart, studio.at(DAY, hour), PaymentMethod.PAY_LATER, terms_accepted=True
    )
    return lambda: studio.services.checkout.book(client.principal, request)


@ON_POSTGRES
def test_a_claim_of_a_room_waits_for_the_claim_another_seat_holds(
    studio: Studio, database: Database
) -> None:
    book_room_a = _booking(studio, studio.podcast_setup, 10)
    with database.write() as other_seat:
        hold_room(other_seat, studio.room_a)
        booking = Background(book_room_a)
        assert _wait_until(lambda: _waiting_for_room_lock(database) == 1)
        assert not booking.finished(timeout=0.3)
    # the other seat's transaction ended: the claim goes ahead
    assert booking.finished(timeout=30)
    assert booking.error is None
    assert booking.result.booking.room_name == "Studio A"


@ON_POSTGRES
def test_a_move_that_waited_for_another_seats_claim_says_so(
    studio: Studio, database: Database
) -> None:
    # two sessions in Studio A; both are to go to Studio B at 17:00
    first = _booking(studio, studio.podcast_setup, 10)().booking.id
    second = _booking(studio, studio.podcast_setup, 14)().booking.id
    target = studio.at(DAY, 17)
    with database.write() as other_seat:
        hold_room(other_seat, studio.room_b)  # the other seat claims Studio B first …
        move = Background(
            lambda: studio.services.bookings.reschedule(
                studio.owner, second, target, new_room_id=studio.room_b
            )
        )
        assert _wait_until(lambda: _waiting_for_room_lock(database) == 1)
        row = other_seat.get(t.Booking, first)  # … and moves its session there
        assert row is not None
        length, buffer = row.ends_at - row.starts_at, row.blocked_until - row.ends_at
        row.room_id, row.setup_id = studio.room_b, studio.roundtable_setup
        row.starts_at, row.ends_at = target, target + length
        row.blocked_until = target + length + buffer
    assert move.finished(timeout=30)
    assert isinstance(move.error, TimeTaken)
    assert "on another seat, a moment ago" in move.error.message
    assert "just taken" in move.error.message


@ON_POSTGRES
def test_claims_of_different_rooms_do_not_wait_for_each_other(
    studio: Studio, database: Database
) -> None:
    book_room_b = _booking(studio, studio.roundtable_setup, 10)
    with database.write() as other_seat:
        hold_room(other_seat, studio.room_a)
        booking = Background(book_room_b)
        assert booking.finished(timeout=30)
    assert booking.error is None
    assert booking.result.booking.room_name == "Studio B"


@ON_POSTGRES
def test_a_deadlock_is_explained_and_leaves_nothing_half_written(
    studio: Studio, database: Database
) -> None:
    # two seats describe the two rooms in opposite orders: PostgreSQL aborts one of them
    both_hold_their_first = threading.Barrier(2, timeout=30)

    def describe(first: int, second: int, note: str) -> None:
        with database.write() as session:
            session.execute(update(t.Room).where(t.Room.id == first).values(description=note))
            both_hold_their_first.wait()
            session.execute(update(t.Room).where(t.Room.id == second).values(description=note))

    seats = [
        Background(lambda: describe(studio.room_a, studio.room_b, "Seat 1")),
        Background(lambda: describe(studio.room_b, studio.room_a, "Seat 2")),
    ]
    assert all(seat.finished(timeout=60) for seat in seats)
    errors = [seat.error for seat in seats if seat.error is not None]
    assert len(errors) == 1, errors
    assert isinstance(errors[0], Conflict) and isinstance(errors[0], PodyxError)
    assert errors[0].message == COLLISION_MESSAGE
    winner = "Seat 1" if seats[1].error else "Seat 2"
    with database.read() as session:
        notes = set(session.scalars(select(t.Room.description)))
    assert notes == {winner}
