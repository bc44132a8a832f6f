"""The client list's kept totals (``client_totals``, migration 0006) stay equal to a
recomputation from the purchases, bookings and bundles through any sequence of the real
services' writes, on both engines; the check finds a tampered total and repairs it."""

from __future__ import annotations

import contextlib
import itertools
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, RefundTo
from podyx_desktop.domain.errors import NotAllowed, PodyxError
from podyx_desktop.domain.paging import ClientSort, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import BundlePurchaseRequest, RedeemRequest
from tests.conftest import FakeClock
from tests.factories import Studio
from tests.services.invariants import seat
from tests.services.seats import WORKERS, Seats, tally

SYSTEM = Principal.system()
EXAMPLES = itertools.count()  # hypothesis runs many examples in one studio: fresh emails

# (operation, client index, a number the operation uses as it likes)
STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "book_later",
                "book_credit",
                "pay",
                "refund",
                "refund_credit",
                "cancel_client",
                "cancel_staff_refund",
                "override",
                "buy_bundle",
                "issue_bundle",
                "redeem",
                "grant_credit",
                "rename",
                "time_passes",
                "open_list",
            ]
        ),
        st.integers(0, 2),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=14,
)


class World:
    """A few clients and what the services gave back, for the next steps to act on."""

    def __init__(self, studio: Studio, clock: FakeClock) -> None:
        self.studio, self.clock = studio, clock
        self.s = studio.services
        self.clients = [
            studio.client(name, f"client{next(EXAMPLES)}.{i}@example.com")
            for i, name in enumerate(("Élodie Müller", "Ben Øster", "Cleo Dunn"))
        ]
        self.purchases: list[int] = []
        self.bookings: list[tuple[int, int]] = []  # (client index, booking id)
        self.bundles: list[tuple[int, int]] = []
        self.slot = 0

    def start(self, n: int) -> Any:
        self.slot += 1
        day = (self.clock.now + timedelta(days=2 + self.slot // 5)).date()
        return self.studio.at(day, 9 + 2 * (self.slot % 5) + (n % 2))

    def pick(self, items: list[Any], n: int) -> Any:
        return items[n % len(items)] if items else None

    def step(self, op: str, who: int, n: int) -> None:
        s, owner, client = self.s, self.studio.owner, self.clients[who]
        if op in ("book_later", "book_credit"):
            method = PaymentMethod.PAY_LATER if op == "book_later" else PaymentMethod.STORE_CREDIT
            result = self.studio.book(client, self.start(n), method=method)
            self.bookings.append((who, result.booking.id))
            if result.purchase is not None:
                self.purchases.append(result.purchase.id)
        elif op == "pay" and self.purchases:
            s.purchases.record_payment(owner, self.pick(self.purchases, n), PaymentMethod.CASH)
        elif op in ("refund", "refund_credit") and self.purchases:
            to = RefundTo.ORIGINAL_METHOD if op == "refund" else RefundTo.STORE_CREDIT
            s.purchases.refund(owner, self.pick(self.purchases, n), to, "test")
        elif op == "cancel_client" and self.bookings:
            owner_of, booking = self.pick(self.bookings, n)
            s.bookings.cancel(self.clients[owner_of].principal, booking, reason="test")
        elif op == "cancel_staff_refund" and self.bookings:
            _, booking = self.pick(self.bookings, n)
            s.bookings.cancel(owner, booking, reason="test", refund=RefundTo.STORE_CREDIT)
        elif op == "override" and self.purchases:
            s.purchases.override_price(owner, self.pick(self.purchases, n), 1000 + n, "deal")
        elif op == "buy_bundle":
            method = PaymentMethod.PAY_LATER if n % 2 else PaymentMethod.STORE_CREDIT
            request = BundlePurchaseRequest(self.studio.bundle_product, method, True)
            bought = s.checkout.buy_bundle(client.principal, request)
            self.bundles.append((who, bought.bundle_id))
            if bought.purchase is not None:
                self.purchases.append(bought.purchase.id)
        elif op == "issue_bundle":
            issued = s.bundles.issue(owner, client.account.id, self.studio.bundle_product, "gift")
            self.bundles.append((who, issued.id))
        elif op == "redeem" and self.bundles:
            owner_of, bundle = self.pick(self.bundles, n)
            request = RedeemRequest(bundle, self.studio.podcast_setup, self.start(n))
            result = s.bundles.redeem(self.clients[owner_of].principal, request)
            self.bookings.append((owner_of, result.booking.id))
        elif op == "grant_credit":
            s.purchases.add_store_credit(owner, client.account.id, 500 + n, "goodwill")
        elif op == "rename":
            s.accounts.change_name(client.principal, f"Client {n}")
        elif op == "time_passes":  # sessions begin, bundles expire
            self.clock.advance(days=n % 120, hours=n % 24)
        elif op == "open_list":
            s.clients.client_page(self.studio.desk, PageRequest(ClientSort.LAST_VISIT))


def kept_equals_recomputed(world: World) -> None:
    found = world.s.totals.check(SYSTEM)
    assert found.differences == ()
    # and the list, rolled to now, shows what the records say now
    rows = world.s.clients.list_clients(world.studio.desk)
    assert world.s.totals.check(SYSTEM).differences == ()
    now = world.clock.now
    with world.s.db.read() as session:
        for row in rows:
            visits = session.scalars(
                select(t.Booking.starts_at).where(
                    t.Booking.client_id == row.id,
                    t.Booking.status != BookingStatus.CANCELED.value,
                    t.Booking.starts_at <= now,
                )
            ).all()
            page = world.s.clients.client_page(
                world.studio.desk, PageRequest(ClientSort.NAME, search=row.email)
            )
            assert [r.last_visit for r in page.rows if r.id == row.id] == [
                max(visits, default=None)
            ]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.data())
def test_kept_totals_equal_a_recomputation(studio: Studio, clock: FakeClock, steps: Any) -> None:
    world = World(studio, clock)
    for op, who, n in steps.draw(STEPS):
        # refused in words (a taken time, a paid purchase…): nothing was written
        with contextlib.suppress(PodyxError):
            world.step(op, who, n)
    kept_equals_recomputed(world)


def test_check_finds_a_tampered_total_and_repairs_it(studio: Studio) -> None:
    ana = studio.client("Ana Client")
    booked = studio.book(
        ana, studio.at((studio.services.context.now() + timedelta(days=3)).date(), 10)
    )
    assert booked.purchase is not None
    studio.services.purchases.record_payment(studio.owner, booked.purchase.id, PaymentMethod.CASH)
    totals = studio.services.totals
    assert totals.check(SYSTEM).differences == ()
    with studio.services.db.write() as session:
        session.execute(
            update(t.ClientTotals)
            .where(t.ClientTotals.client_id == ana.account.id)
            .values(spent_minor=t.ClientTotals.spent_minor + 999, bookings=7)
        )
    found = totals.check(SYSTEM)
    assert {(d.client_id, d.column) for d in found.differences} == {
        (ana.account.id, "spent_minor"),
        (ana.account.id, "bookings"),
    }
    spent = next(d for d in found.differences if d.column == "spent_minor")
    assert spent.kept == booked.purchase.gross_minor + 999
    assert spent.actual == booked.purchase.gross_minor
    repaired = totals.check(SYSTEM, repair=True)
    assert repaired.repaired and len(repaired.differences) == 2
    assert totals.check(SYSTEM).differences == ()
    row = studio.services.clients.list_clients(studio.desk, "ana")[0]
    assert (row.total_spent_minor, row.bookings) == (booked.purchase.gross_minor, 1)


def test_the_check_is_for_staff(studio: Studio) -> None:
    ana = studio.client("Ana Client")
    with pytest.raises(NotAllowed):
        studio.services.totals.check(ana.principal)
    assert studio.services.totals.check(studio.desk).differences == ()


def test_rolls_and_payments_at_once_keep_the_totals(
    studio: Studio, clock: FakeClock, database: Database, seats: Seats
) -> None:
    """Four seats record payments (their triggers read the totals' clock) while four open
    the client list (each trying to roll the clock past the sessions that began)."""
    day = (clock.now + timedelta(days=3)).date()
    clients = [studio.client(f"Seat Client {i}", f"seat{i}@example.com") for i in range(4)]
    purchases = []
    for i, client in enumerate(clients):
        booked = studio.book(
            client,
            studio.at(day, 9 + 3 * (i % 2)),
            setup=(studio.podcast_setup if i < 2 else studio.roundtable_setup),
        )
        assert booked.purchase is not None
        purchases.append(booked.purchase.id)
    studio.services.clients.client_page(studio.desk, PageRequest(ClientSort.NAME))  # rolled
    later = studio.at(day, 15)  # every session has begun
    pay = [
        seat(studio.desk, job="pay", purchase_id=p, method=PaymentMethod.CASH) for p in purchases
    ]
    look = [seat(studio.desk, job="clients")] * 4
    outcomes = seats.run(
        "pay", database, later, [x for pair in zip(pay, look, strict=True) for x in pair]
    )
    assert tally(outcomes) == {"ok": WORKERS}, outcomes
    clock.now = later
    assert studio.services.totals.check(SYSTEM).differences == ()
    rows = studio.services.clients.list_clients(studio.desk, "seat client")
    assert sorted(r.last_visit for r in rows if r.last_visit) == sorted(
        studio.at(day, 9 + 3 * (i % 2)) for i in range(4)
    )
    assert all(r.total_spent_minor > 0 for r in rows)
