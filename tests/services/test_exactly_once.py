"""Exactly once, bookings: eight seats (separate processes) change one booking or bundle at
the same moment, on a SQLite file and on PostgreSQL. One of them changes it; the others
are told in words; the ledgers, events and audit entries show one effect.

Each test gathers what it counts into ``effects`` and compares it whole, so a failure shows
every double effect at once. The money transitions are in test_exactly_once_money.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseKind, SeriesKind
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import (
    AddonChoice,
    BookingRequest,
    RedeemRequest,
    SessionCart,
)
from tests.factories import Studio
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
DAY = date(2026, 6, 10)  # nine days after the clock's start: inside every cutoff
SEAT_ERRORS = {"Conflict", "RuleViolation", "InvalidInput", "TimeTaken", "NoCreditLeft"}


def _losers_told_in_words(outcomes: list[tuple[str, str]]) -> None:
    losers = [o for o in outcomes if o[0] != "ok"]
    assert all(kind in SEAT_ERRORS and text for kind, text in losers), losers


def _redeemed(studio: Studio, client: Principal, bundle_id: int, day: date) -> int:
    request = RedeemRequest(bundle_id, studio.podcast_setup, studio.at(day, 10))
    return studio.services.bundles.redeem(client, request).booking.id


def test_cancel_returns_the_bundle_credit_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    bundle = studio.services.bundles.issue(
        studio.desk, ana.account.id, studio.bundle_product, "Exactly once"
    )
    booking_id = _redeemed(studio, ana.principal, bundle.id, DAY)
    who = [ana.principal] * (WORKERS // 2) + [studio.desk] * (WORKERS // 2)
    jobs = [seat(p, booking_id=booking_id, reason="Ill") for p in who]
    outcomes = seats.run("cancel", database, studio.services.context.now(), jobs)
    books = bundle_books(database, bundle.id)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "credit_returned": books["returned"],
        "remaining": books["remaining"],
        "cancel_events": event_count(database, booking_id, "canceled"),
    }
    assert effects == {
        "seats_ok": 1,
        "credit_returned": 1,
        "remaining": 3,
        "cancel_events": 1,
    }, (effects, outcomes)
    _losers_told_in_words(outcomes)
    assert all("cancel" in text for text in answers(outcomes, "Conflict")), outcomes
    assert_bundle_balanced(books)


def test_cancel_refunds_a_paid_session_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    cart = SessionCart(studio.podcast_setup, studio.podcast, 120)
    booked = studio.services.checkout.book(
        studio.desk,
        BookingRequest(cart, studio.at(DAY, 10), PaymentMethod.CASH, client_id=ana.account.id),
    )
    assert booked.purchase is not None
    jobs = [seat(ana.principal, booking_id=booked.booking.id) for _ in range(WORKERS)]
    outcomes = seats.run("cancel", database, studio.services.context.now(), jobs)
    credit = store_credit_books(database, ana.account.id)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "credit_notes": credit_notes_for(database, booked.purchase.id),
        "store_credit": credit["balance"],
    }
    assert effects == {
        "seats_ok": 1,
        "credit_notes": 1,
        "store_credit": booked.purchase.gross_minor,
    }, (effects, outcomes)
    _losers_told_in_words(outcomes)
    assert credit["balance"] == credit["ledger"], credit
    assert_series_gap_free(database)


def test_refusing_a_pay_later_booking_withdraws_it_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    booked = studio.book(ana, studio.at(DAY, 10))  # pay later: pending
    assert booked.purchase is not None
    jobs = [seat(studio.desk, booking_id=booked.booking.id, reason="Refused")] * WORKERS
    outcomes = seats.run("cancel", database, studio.services.context.now(), jobs)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "withdrawn": audit_count(database, "void_purchase", booked.purchase.id),
        "cancel_events": event_count(database, booked.booking.id, "canceled"),
        "receipts": len(series_numbers(database, SeriesKind.RECEIPT)),
    }
    assert effects == {"seats_ok": 1, "withdrawn": 1, "cancel_events": 1, "receipts": 0}, (
        effects,
        outcomes,
    )
    _losers_told_in_words(outcomes)
    purchase = studio.services.purchases.get(studio.desk, booked.purchase.id)
    assert purchase.status.value == "void"


def test_reschedule_moves_a_booking_once(studio: Studio, database: Database, seats: Seats) -> None:
    ana = studio.client()
    booked = studio.book(ana, studio.at(DAY, 10))
    target = studio.at(DAY + timedelta(days=1), 10)
    jobs = [seat(ana.principal, booking_id=booked.booking.id, starts_at=target)] * WORKERS
    outcomes = seats.run("reschedule", database, studio.services.context.now(), jobs)
    after = studio.services.bookings.get(ana.principal, booked.booking.id)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "reschedule_count": after.reschedule_count,
        "moved_events": event_count(database, booked.booking.id, "rescheduled"),
    }
    assert effects == {"seats_ok": 1, "reschedule_count": 1, "moved_events": 1}, (effects, outcomes)
    _losers_told_in_words(outcomes)
    assert after.starts_at == target


def test_addons_are_added_once(studio: Studio, database: Database, seats: Seats) -> None:
    ana = studio.client()
    booked = studio.book(ana, studio.at(DAY, 10))
    choice = (AddonChoice(studio.extra_mic, 1),)
    jobs = [
        seat(
            ana.principal,
            booking_id=booked.booking.id,
            choices=choice,
            method=PaymentMethod.PAY_LATER,
        )
    ] * WORKERS
    outcomes = seats.run("addons", database, studio.services.context.now(), jobs)
    with database.read() as session:
        addon_purchases = session.scalar(
            select(func.count(t.Purchase.id)).where(t.Purchase.kind == PurchaseKind.ADDONS.value)
        )
        addon_rows = session.scalar(
            select(func.count(t.BookingAddon.id)).where(
                t.BookingAddon.booking_id == booked.booking.id
            )
        )
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "addon_purchases": addon_purchases,
        "addon_rows": addon_rows,
        "events": event_count(database, booked.booking.id, "addons_added"),
    }
    assert effects == {"seats_ok": 1, "addon_purchases": 1, "addon_rows": 1, "events": 1}, (
        effects,
        outcomes,
    )
    _losers_told_in_words(outcomes)


def test_an_outcome_is_set_once(studio: Studio, database: Database, seats: Seats) -> None:
    ana = studio.client()
    booked = studio.book(ana, studio.at(DAY, 10), method=PaymentMethod.BANK_TRANSFER)
    later = studio.at(DAY, 11)  # the session has started
    marks = [BookingStatus.COMPLETED, BookingStatus.NO_SHOW] * (WORKERS // 2)
    jobs = [seat(studio.desk, booking_id=booked.booking.id, status=s) for s in marks]
    outcomes = seats.run("outcome", database, later, jobs)
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "audited": audit_count(database, "mark_completed", booked.booking.id)
        + audit_count(database, "mark_no_show", booked.booking.id),
        "events": event_count(database, booked.booking.id, "completed")
        + event_count(database, booked.booking.id, "no_show"),
    }
    assert effects == {"seats_ok": 1, "audited": 1, "events": 1}, (effects, outcomes)
    _losers_told_in_words(outcomes)


def test_a_price_override_books_once(studio: Studio, database: Database, seats: Seats) -> None:
    ana = studio.client()
    cart = SessionCart(studio.podcast_setup, studio.podcast, 120)
    request = BookingRequest(
        cart,
        studio.at(DAY, 10),
        PaymentMethod.CASH,
        client_id=ana.account.id,
        price_override_minor=5000,
        bypass_reason="Regular",
    )
    jobs = [seat(studio.desk, request=request)] * WORKERS
    outcomes = seats.run("book", database, studio.services.context.now(), jobs)
    with database.read() as session:
        purchases = session.scalar(select(func.count(t.Purchase.id)))
    effects = {
        "seats_ok": tally(outcomes).get("ok", 0),
        "purchases": purchases,
        "overrides_audited": audit_count(database, "price_override"),
    }
    assert effects == {"seats_ok": 1, "purchases": 1, "overrides_audited": 1}, (effects, outcomes)
    assert set(tally(outcomes)) <= {"ok", "TimeTaken"}, outcomes
    assert_series_gap_free(database)


def test_redeeming_and_canceling_one_bundle_keeps_it_balanced(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    bundle = studio.services.bundles.issue(
        studio.desk, ana.account.id, studio.bundle_product, "Exactly once"
    )
    first = _redeemed(studio, ana.principal, bundle.id, DAY)
    _redeemed(studio, ana.principal, bundle.id, DAY + timedelta(days=1))  # one credit left
    jobs = []
    for i in range(WORKERS):
        if i % 2:
            jobs.append(seat(ana.principal, job="cancel", booking_id=first))
        else:
            day = DAY + timedelta(days=2 + i)
            request = RedeemRequest(bundle.id, studio.podcast_setup, studio.at(day, 10))
            jobs.append(seat(ana.principal, job="redeem", request=request))
    outcomes = seats.run("cancel", database, studio.services.context.now(), jobs)
    books = bundle_books(database, bundle.id)
    assert "crash" not in tally(outcomes), outcomes
    assert books["returned"] == 1, (books, outcomes)
    # the returned credit may or may not have come back before a redemption looked
    assert books["redeemed"] - 2 in (1, 2), (books, outcomes)
    _losers_told_in_words(outcomes)
    assert_bundle_balanced(books)


def test_issuing_bundles_issues_each_exactly_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ana = studio.client()
    jobs = [seat(studio.desk, client_id=ana.account.id, product_id=studio.bundle_product)] * WORKERS
    outcomes = seats.run("issue", database, studio.services.context.now(), jobs)
    ids = {int(text) for kind, text in outcomes if kind == "ok"}
    # each call is its own grant (no request key makes two calls one): eight calls, eight
    # bundles, each with one ledger entry and one audit entry
    assert len(ids) == WORKERS, outcomes
    assert audit_count(database, "issue_bundle") == WORKERS
    for bundle_id in ids:
        books = bundle_books(database, bundle_id)
        assert books["remaining"] == books["total"] == 3, books
        assert_bundle_balanced(books)
