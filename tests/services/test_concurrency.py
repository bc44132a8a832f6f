"""Concurrency, proven with real processes: 8 separate interpreters, each with its own
engine, hitting one database at the same moment (SQLite file and PostgreSQL server)."""

from __future__ import annotations

import multiprocessing as mp
import re
from datetime import UTC, date, datetime
from typing import Any

import pytest

from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import (
    BookingRequest,
    BundlePurchaseRequest,
    RedeemRequest,
    SessionCart,
)
from tests.factories import Studio

pytestmark = pytest.mark.slow
WORKERS = 8


def _worker(
    job: str, url: str, now: datetime, args: dict[str, Any], barrier: Any, results: Any
) -> None:
    from podyx_desktop.domain.errors import PodyxError
    from podyx_desktop.services import Services
    from tests.conftest import FAST_HASHER

    db = Database(url)
    services = Services(db, clock=lambda: now, hasher=FAST_HASHER)
    principal = Principal.user(args["user_id"], Role(args["role"]))
    outcomes: list[tuple[str, str]] = []
    try:
        barrier.wait(timeout=60)
        for _ in range(args.get("repeat", 1)):
            try:
                if job == "book":
                    result = services.checkout.book(principal, args["request"])
                    outcomes.append(("ok", str(result.booking.id)))
                elif job == "redeem":
                    result = services.bundles.redeem(principal, args["request"])
                    outcomes.append(("ok", str(result.booking.id)))
                elif job == "buy":
                    bought = services.checkout.buy_bundle(principal, args["request"])
                    assert bought.purchase is not None
                    outcomes.append(("ok", bought.purchase.receipt_number or ""))
            except PodyxError as error:
                outcomes.append((type(error).__name__, error.message))
    except Exception as error:  # report crashes instead of hanging the parent
        outcomes.append(("crash", repr(error)))
    finally:
        db.dispose()
        results.put(outcomes)


def _run(
    job: str, database: Database, now: datetime, per_worker: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    context = mp.get_context("spawn")
    barrier = context.Barrier(len(per_worker))
    results = context.Queue()
    url = database.url.render_as_string(hide_password=False)
    processes = [
        context.Process(target=_worker, args=(job, url, now, args, barrier, results))
        for args in per_worker
    ]
    for process in processes:
        process.start()
    collected: list[tuple[str, str]] = []
    for _ in processes:
        collected.extend(results.get(timeout=180))
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert not [o for o in collected if o[0] == "crash"], collected
    return collected


def test_overlapping_bookings_of_one_room_exactly_one_wins(
    studio: Studio, database: Database
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
    outcomes = _run("book", database, studio.services.context.now(), jobs)
    winners = [o for o in outcomes if o[0] == "ok"]
    losers = [o for o in outcomes if o[0] != "ok"]
    assert len(winners) == 1, outcomes
    assert all(kind == "TimeTaken" and "just taken" in message for kind, message in losers), losers
    schedule = studio.services.bookings.schedule(studio.desk, day, day)
    assert len(schedule) == 1


def test_redeeming_the_last_credits_never_overdraws(studio: Studio, database: Database) -> None:
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
    outcomes = _run("redeem", database, studio.services.context.now(), jobs)
    winners = [o for o in outcomes if o[0] == "ok"]
    assert len(winners) == 3, outcomes
    assert all(kind == "NoCreditLeft" for kind, _ in outcomes if kind != "ok"), outcomes
    after = studio.services.bundles.get(ana.principal, bundle.id)
    assert after.sessions_remaining == 0 and after.state == "used_up"


def test_concurrent_purchases_get_consecutive_receipt_numbers(
    studio: Studio, database: Database
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
    outcomes = _run("buy", database, datetime(2026, 6, 1, 6, 0, tzinfo=UTC), jobs)
    assert all(kind == "ok" for kind, _ in outcomes), outcomes
    numbers = sorted(int(re.fullmatch(r"R-2026-(\d{5})", n).group(1)) for _, n in outcomes)  # type: ignore[union-attr]
    assert numbers == list(range(1, WORKERS * 3 + 1))
