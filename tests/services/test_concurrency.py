"""Concurrency, proven with real processes: 8 separate interpreters, each with its own
engine, hitting one database at the same moment (SQLite file and PostgreSQL server).
The seats are tests/services/seats.py's; test_exactly_once*.py use them too."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.requests import (
    BookingRequest,
    BundlePurchaseRequest,
    RedeemRequest,
    SessionCart,
)
from tests.factories import Studio
from tests.services.seats import WORKERS, Seats

pytestmark = pytest.mark.slow


def test_overlapping_bookings_of_one_room_exactly_one_wins(
    studio: Studio, database: Database, seats: Seats
) -> None:
    clients = [studio.client(f"Client {i}", f"c{i}@example.com") for i in range(WORKERS)]
    day = date(2026, 6, 10)
    jobs = []
    for i, client in enumerate(clients):
        # every worker wants Studio A around 10:00, on either of its two setups
        setup = studio.podcast_setup if i % 2 else studio.video_setup
        start = studio.at(day, 10, 30 if i % 3 == 0 else 0)
        cart = SessionCart(setup, studio.podcast, 120)
        request = BookingRequest(cart, start, PaymentMethod.PAY_LATER, terms_accepted=True)
        jobs.append({"user_id": client.account.id, "role": "client", "request": request})
    outcomes = seats.run("book", database, studio.services.context.now(), jobs)
    winners = [o for o in outcomes if o[0] == "ok"]
    losers = [o for o in outcomes if o[0] != "ok"]
    assert len(winners) == 1, outcomes
    assert all(kind == "TimeTaken" and "just taken" in message for kind, message in losers), losers
    schedule = studio.services.bookings.schedule(studio.desk, day, day)
    assert len(schedule) == 1


def test_redeeming_the_last_credits_never_overdraws(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    bundle = studio.services.bundles.issue(
        studio.desk, ana.account.id, studio.bundle_product, "Concurrency test"
    )
    assert bundle.sessions_remaining == 3
    jobs = []
    for i in range(WORKERS):
        # different days, so only the credit is contended
        start = studio.at(date(2026, 6, 10 + i), 10)
        request = RedeemRequest(bundle.id, studio.podcast_setup, start)
        jobs.append({"user_id": ana.account.id, "role": "client", "request": request})
    outcomes = seats.run("redeem", database, studio.services.context.now(), jobs)
    winners = [o for o in outcomes if o[0] == "ok"]
    assert len(winners) == 3, outcomes
    assert all(kind == "NoCreditLeft" for kind, _ in outcomes if kind != "ok"), outcomes
    after = studio.services.bundles.get(ana.principal, bundle.id)
    assert after.sessions_remaining == 0 and after.state == "used_up"


def test_concurrent_purchases_get_consecutive_receipt_numbers(
    studio: Studio, database: Database, seats: Seats
) -> None:
    clients = [studio.client(f"Buyer {i}", f"b{i}@example.com") for i in range(WORKERS)]
    desk_id = studio.desk.user_id
    jobs = [
        {
            "user_id": desk_id,
            "role": "front_desk",
            "repeat": 3,
            "request": BundlePurchaseRequest(
                studio.bundle_product, PaymentMethod.CASH, client_id=c.account.id
            ),
        }
        for c in clients
    ]
    outcomes = seats.run("buy", database, datetime(2026, 6, 1, 6, 0, tzinfo=UTC), jobs)
    assert all(kind == "ok" for kind, _ in outcomes), outcomes
    numbers = sorted(int(re.fullmatch(r"R-2026-(\d{5})", n).group(1)) for _, n in outcomes)  # type: ignore[union-attr]
    assert numbers == list(range(1, WORKERS * 3 + 1))
