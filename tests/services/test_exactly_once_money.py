"""Exactly once, money and accounts: eight seats (separate processes) refund, take a
payment, grant or spend store credit, or change an email at the same moment, on a SQLite
file and on PostgreSQL. See test_exactly_once.py for the bookings."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod, RefundTo, SeriesKind
from podyx_desktop.domain.requests import BundlePurchaseRequest, RedeemRequest
from tests.factories import PASSWORD, Studio
from tests.services.invariants import (
    answers,
    assert_bundle_balanced,
    assert_series_gap_free,
    audit_count,
    bundle_books,
    credit_notes_for,
    event_count,
    seat,
    series_numbers,
    store_credit_books,
)
from tests.services.seats import WORKERS, Seats, tally

pytestmark = pytest.mark.slow
DAY = date(2026, 6, 10)
SEAT_ERRORS = {"Conflict", "InvalidInput", "NoCreditLeft"}


def _losers_told_in_words(outcomes: list[tuple[str, str]]) -> None:
    losers = [o for o in outcomes if o[0] != "ok"]
    assert all(kind in SEAT_ERRORS and text for kind, text in losers), losers


def test_a_refund_is_made_once(studio: Studio, database: Database, seats: Seats) -> None:
    ana = studio.client()
    bought = studio.services.checkout.buy_bundle(
        studio.desk,
        BundlePurchaseRequest(studio.bundle_product, PaymentMethod.CASH, client_id=ana.account.id),
    )
    assert bought.purchase is not None
    purchase_id = bought.purchase.id
    studio.services.bundles.redeem(
        ana.principal, RedeemRequest(bought.bundle_id, studio.podcast_setup, studio.at(DAY, 10))
    )
    jobs = [seat(studio.owner, purchase_id=purchase_id, to=RefundTo.STORE_CREDIT)] * WORKERS
    outcomes = seats.run("refund", database, studio.services.context.now(), jobs)
    credit = store_credit_books(database, ana.account.id)
    books = bundle_books(database, bought.bundle_id)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "credit_notes": credit_notes_for(database, purchase_id),
        "refunds_audited": audit_count(database, "refund", purchase_id),
        "store_credit": credit["balance"],
        "sessions_voided": books["voided"],
    }
    assert effects == {
        "seats_ok": 1,
        "credit_notes": 1,
        "refunds_audited": 1,
        "store_credit": bought.purchase.gross_minor,
        "sessions_voided": 2,
    }, (effects, outcomes)
    _losers_told_in_words(outcomes)
    assert all("refunded" in text for text in answers(outcomes, "Conflict")), outcomes
    assert credit["balance"] == credit["ledger"], credit
    assert_bundle_balanced(books)
    assert_series_gap_free(database)


def test_a_payment_is_recorded_once(studio: Studio, database: Database, seats: Seats) -> None:
    ana = studio.client()
    booked = studio.book(ana, studio.at(DAY, 10))  # pay later: pending until approved
    assert booked.purchase is not None
    jobs = [seat(studio.desk, purchase_id=booked.purchase.id, method=PaymentMethod.CASH)] * WORKERS
    outcomes = seats.run("pay", database, studio.services.context.now(), jobs)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "receipt_numbers": series_numbers(database, SeriesKind.RECEIPT),
        "payments_audited": audit_count(database, "record_payment", booked.purchase.id),
        "confirmed_events": event_count(database, booked.booking.id, "confirmed"),
    }
    assert effects == {
        "seats_ok": 1,
        "receipt_numbers": [1],
        "payments_audited": 1,
        "confirmed_events": 1,
    }, (effects, outcomes)
    _losers_told_in_words(outcomes)
    assert all("already" in text for text in answers(outcomes, "Conflict")), outcomes
    assert answers(outcomes, "ok") == {
        studio.services.purchases.get(studio.desk, booked.purchase.id).receipt_number
    }
    assert_series_gap_free(database)


def test_a_new_price_and_a_payment_at_one_moment(
    studio: Studio, database: Database, seats: Seats
) -> None:
    """Four seats record the payment while four managers change the price: one payment,
    at most one new price, and the purchase paid at the price it had when it was paid."""
    ana = studio.client()
    booked = studio.book(ana, studio.at(DAY, 10))
    assert booked.purchase is not None
    purchase_id = booked.purchase.id
    pay = seat(studio.desk, job="pay", purchase_id=purchase_id, method=PaymentMethod.CASH)
    override = seat(studio.owner, job="override", purchase_id=purchase_id, total=100)
    outcomes = seats.run("pay", database, studio.services.context.now(), [pay, override] * 4)
    overridden = audit_count(database, "price_override", purchase_id)
    paid = studio.services.purchases.get(studio.owner, purchase_id)
    effects = {
        "crashes": [o for o in outcomes if o[0] == "crash"],
        "receipt_numbers": series_numbers(database, SeriesKind.RECEIPT),
        "payments_audited": audit_count(database, "record_payment", purchase_id),
    }
    assert effects == {"crashes": [], "receipt_numbers": [1], "payments_audited": 1}, (
        effects,
        outcomes,
    )
    assert overridden <= 1, outcomes
    assert paid.gross_minor == (100 if overridden else booked.purchase.gross_minor)
    assert paid.net_minor + paid.vat_minor == paid.gross_minor
    assert sum(line.gross_minor for line in paid.lines) == paid.gross_minor
    _losers_told_in_words(outcomes)
    assert_series_gap_free(database)


def test_a_store_credit_payment_charges_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    studio.services.purchases.add_store_credit(studio.owner, ana.account.id, 50000, "Goodwill")
    booked = studio.book(ana, studio.at(DAY, 10))
    assert booked.purchase is not None
    gross = booked.purchase.gross_minor
    jobs = [
        seat(studio.desk, purchase_id=booked.purchase.id, method=PaymentMethod.STORE_CREDIT)
    ] * WORKERS
    outcomes = seats.run("pay", database, studio.services.context.now(), jobs)
    credit = store_credit_books(database, ana.account.id)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "receipt_numbers": series_numbers(database, SeriesKind.RECEIPT),
        "store_credit": credit["balance"],
    }
    assert effects == {
        "seats_ok": 1,
        "receipt_numbers": [1],
        "store_credit": 50000 - gross,
    }, (effects, outcomes)
    _losers_told_in_words(outcomes)
    assert credit["balance"] == credit["ledger"], credit
    assert_series_gap_free(database)


def test_store_credit_grants_each_count_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    jobs = [seat(studio.owner, client_id=ana.account.id, amount=1000)] * WORKERS
    outcomes = seats.run("grant", database, studio.services.context.now(), jobs)
    credit = store_credit_books(database, ana.account.id)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "store_credit": credit["balance"],
        "ledger": credit["ledger"],
    }
    # every grant is its own: eight grants of 10.00, each added once, none lost
    assert effects == {"seats_ok": WORKERS, "store_credit": 8000, "ledger": 8000}, (
        effects,
        outcomes,
    )
    assert sorted(int(text) for text in answers(outcomes, "ok")) == [
        1000 * (i + 1) for i in range(WORKERS)
    ]


def test_spending_store_credit_never_overdraws(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    studio.services.purchases.add_store_credit(studio.owner, ana.account.id, 30000, "Goodwill")
    request = BundlePurchaseRequest(
        studio.bundle_product, PaymentMethod.STORE_CREDIT, terms_accepted=True
    )
    jobs = [seat(ana.principal, request=request)] * WORKERS
    outcomes = seats.run("buy", database, studio.services.context.now(), jobs)
    credit = store_credit_books(database, ana.account.id)
    with database.read() as session:
        bundles = session.scalar(
            select(func.count(t.Bundle.id)).where(t.Bundle.client_id == ana.account.id)
        )
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "bundles": bundles,
        "store_credit": credit["balance"],
        "receipt_numbers": series_numbers(database, SeriesKind.RECEIPT),
    }
    assert effects == {"seats_ok": 1, "bundles": 1, "store_credit": 0, "receipt_numbers": [1]}, (
        outcomes
    )
    assert set(tally(outcomes)) == {"ok", "NoCreditLeft"}, outcomes
    assert credit["balance"] == credit["ledger"], credit
    assert_series_gap_free(database)


def test_an_email_goes_to_one_account(studio: Studio, database: Database, seats: Seats) -> None:
    ana = studio.client("Ana Client")
    bob = studio.client("Bob Client")
    new = "shared@example.com"
    jobs = [seat(who.principal, email=new, password=PASSWORD) for who in (ana, bob)] * (
        WORKERS // 2
    )
    outcomes = seats.run("email", database, studio.services.context.now(), jobs)
    with database.read() as session:
        holders = session.scalars(select(t.User.id).where(t.User.email_key == new)).all()
    effects = {
        "holders": len(holders),
        "crashed": tally(outcomes).get("crash", 0),
        "refused": tally(outcomes).get("Conflict", 0),
    }
    # the account that got the address: its own repeats change nothing and succeed; the
    # other account's four seats are told the address is taken
    assert effects == {"holders": 1, "crashed": 0, "refused": WORKERS // 2}, (effects, outcomes)
    assert all("already uses" in text for text in answers(outcomes, "Conflict")), outcomes


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE bundles SET sessions_remaining = -1",
        "UPDATE bundles SET sessions_remaining = sessions_total + 1",
        "UPDATE users SET store_credit_minor = -1",
        "UPDATE receipt_counters SET last_value = 0",
    ],
)
def test_the_database_refuses_a_balance_out_of_bounds(
    studio: Studio, database: Database, statement: str
) -> None:
    """The last line of defence under every conditional update: the tables' CHECKs."""
    ana = studio.client()
    studio.services.checkout.buy_bundle(
        studio.desk,
        BundlePurchaseRequest(studio.bundle_product, PaymentMethod.CASH, client_id=ana.account.id),
    )
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(text(statement))
