"""What must hold however many seats acted at once, read straight from the tables.

The services' own records could hide a double effect (a balance written from a stale read
looks fine on its own); these read the rows the effects leave behind — ledgers, credit
notes, audit entries, events — and compare them with the balances.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import func, select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, PurchaseStatus, SeriesKind
from podyx_desktop.domain.principal import Principal
from tests.services.seats import Outcome


def seat(principal: Principal, **args: Any) -> dict[str, Any]:
    """The arguments that make a seat act as ``principal`` (a signed-in user), plus ``args``."""
    assert principal.user_id is not None and principal.role is not None
    return {"user_id": principal.user_id, "role": principal.role.value, **args}


def answers(outcomes: list[Outcome], kind: str) -> set[str]:
    """The distinct answers (results or messages) the seats of one kind got."""
    return {text for got, text in outcomes if got == kind}


def bundle_books(database: Database, bundle_id: int) -> dict[str, int]:
    """A bundle's balance next to what its ledger and its bookings say it should be."""
    with database.read() as session:
        bundle = session.get(t.Bundle, bundle_id)
        assert bundle is not None
        kinds = dict(
            session.execute(
                select(t.BundleLedger.kind, func.count(t.BundleLedger.id))
                .where(t.BundleLedger.bundle_id == bundle_id)
                .group_by(t.BundleLedger.kind)
            ).all()
        )
        ledger = session.scalar(
            select(func.coalesce(func.sum(t.BundleLedger.change), 0)).where(
                t.BundleLedger.bundle_id == bundle_id
            )
        )
        voided = session.scalar(
            select(func.coalesce(func.sum(-t.BundleLedger.change), 0)).where(
                t.BundleLedger.bundle_id == bundle_id, t.BundleLedger.kind == "refunded"
            )
        )
        live = session.scalar(
            select(func.count(t.Booking.id)).where(
                t.Booking.bundle_id == bundle_id, t.Booking.status != "canceled"
            )
        )
        return {
            "total": bundle.sessions_total,
            "remaining": bundle.sessions_remaining,
            "ledger_sum": int(ledger or 0),
            "live_redeemed": int(live or 0),
            "kept": kinds.get("credit_kept", 0),
            "voided": int(voided or 0),
            "returned": kinds.get("credit_returned", 0),
            "redeemed": kinds.get("redeemed", 0),
        }


def assert_bundle_balanced(books: dict[str, int]) -> None:
    """Credits issued = remaining + redeemed by live bookings (+ kept, + voided by a refund),
    and the ledger adds up to the balance."""
    assert books["remaining"] == books["ledger_sum"], books
    used = books["live_redeemed"] + books["kept"] + books["voided"]
    assert books["total"] == books["remaining"] + used, books


def series_numbers(database: Database, kind: SeriesKind) -> list[int]:
    """The numbers issued in a series, sorted (R-2026-00007 → 7)."""
    with database.read() as session:
        numbers = session.scalars(
            select(t.Purchase.receipt_number)
            .join(t.ReceiptSeries, t.ReceiptSeries.id == t.Purchase.series_id)
            .where(t.ReceiptSeries.kind == kind.value)
        ).all()
    found = [re.search(r"(\d+)$", n or "") for n in numbers]
    return sorted(int(m.group(1)) for m in found if m is not None)


def counter_value(database: Database, kind: SeriesKind) -> int:
    """The last number the series' counter row handed out (0: none yet)."""
    with database.read() as session:
        value = session.scalar(
            select(func.max(t.ReceiptCounter.last_value))
            .join(t.ReceiptSeries, t.ReceiptSeries.id == t.ReceiptCounter.series_id)
            .where(t.ReceiptSeries.kind == kind.value)
        )
    return int(value or 0)


def assert_series_gap_free(database: Database) -> None:
    """Receipts and credit notes: unique, 1…n, and nothing taken from a counter unused."""
    for kind in (SeriesKind.RECEIPT, SeriesKind.CREDIT_NOTE):
        numbers = series_numbers(database, kind)
        assert numbers == list(range(1, len(numbers) + 1)), (kind, numbers)
        assert counter_value(database, kind) == len(numbers), (kind, numbers)


def credit_notes_for(database: Database, purchase_id: int) -> int:
    with database.read() as session:
        count = session.scalar(
            select(func.count(t.Purchase.id)).where(t.Purchase.refund_of_id == purchase_id)
        )
    return int(count or 0)


def audit_count(database: Database, action: str, entity_id: int | None = None) -> int:
    with database.read() as session:
        query = select(func.count(t.AuditLog.id)).where(t.AuditLog.action == action)
        if entity_id is not None:
            query = query.where(t.AuditLog.entity_id == entity_id)
        return int(session.scalar(query) or 0)


def event_count(database: Database, booking_id: int, kind: str) -> int:
    with database.read() as session:
        count = session.scalar(
            select(func.count(t.BookingEvent.id)).where(
                t.BookingEvent.booking_id == booking_id, t.BookingEvent.kind == kind
            )
        )
    return int(count or 0)


def store_credit_books(database: Database, client_id: int) -> dict[str, int]:
    """The client's store-credit balance next to the sum of what moved it.

    The balance is a column (users.store_credit_minor); what moved it is on record
    elsewhere: grants in the audit log (after − before), refunds to store credit as credit
    notes, and spending as purchases paid with store credit.
    """
    store_credit = PaymentMethod.STORE_CREDIT.value
    with database.read() as session:
        client = session.get(t.User, client_id)
        assert client is not None
        granted = 0
        for before, after in session.execute(
            select(t.AuditLog.before, t.AuditLog.after).where(
                t.AuditLog.action == "grant_store_credit", t.AuditLog.entity_id == client_id
            )
        ):
            granted += (
                json.loads(after)["store_credit_minor"] - json.loads(before)["store_credit_minor"]
            )
        refunded = session.scalar(
            select(func.coalesce(func.sum(-t.Purchase.gross_minor), 0)).where(
                t.Purchase.client_id == client_id,
                t.Purchase.kind == PurchaseKind.CREDIT_NOTE.value,
                t.Purchase.method == store_credit,
            )
        )
        spent = session.scalar(
            select(func.coalesce(func.sum(t.Purchase.gross_minor), 0)).where(
                t.Purchase.client_id == client_id,
                t.Purchase.kind != PurchaseKind.CREDIT_NOTE.value,
                t.Purchase.method == store_credit,
                t.Purchase.status.in_([PurchaseStatus.PAID.value, PurchaseStatus.REFUNDED.value]),
            )
        )
        return {
            "balance": client.store_credit_minor,
            "ledger": granted + int(refunded or 0) - int(spent or 0),
            "granted": granted,
            "refunded": int(refunded or 0),
            "spent": int(spent or 0),
        }
