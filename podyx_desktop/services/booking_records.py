"""Bookings as records: names, prices, receipt and history, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import PaymentMethod, PurchaseStatus
from podyx_desktop.services import mapping
from podyx_desktop.services.context import studio

COUNTS_TOWARDS_PRICE = (
    PurchaseStatus.PAID.value,
    PurchaseStatus.AWAITING_PAYMENT.value,
    PurchaseStatus.REFUNDED.value,
)


def booking_records(session: Session, rows: Sequence[t.Booking]) -> list[r.Booking]:
    """Booking records with names and prices, in a fixed number of queries."""
    if not rows:
        return []
    studio_row = studio(session)
    names = {
        "client": dict(
            session.execute(
                select(t.User.id, t.User.full_name).where(
                    t.User.id.in_({b.client_id for b in rows})
                )
            ).all()
        ),
        "room": dict(session.execute(select(t.Room.id, t.Room.name)).all()),
        "setup": dict(session.execute(select(t.Setup.id, t.Setup.name)).all()),
        "service": dict(session.execute(select(t.Service.id, t.Service.name)).all()),
    }
    purchase_ids = {b.purchase_id for b in rows if b.purchase_id} | {
        a.purchase_id for b in rows for a in b.addons if a.purchase_id
    }
    purchases = (
        {
            pid: (gross, number, method, status)
            for pid, gross, number, method, status in session.execute(
                select(
                    t.Purchase.id,
                    t.Purchase.gross_minor,
                    t.Purchase.receipt_number,
                    t.Purchase.method,
                    t.Purchase.status,
                ).where(t.Purchase.id.in_(purchase_ids))
            )
        }
        if purchase_ids
        else {}
    )
    result = []
    for b in rows:
        own = {b.purchase_id} if b.purchase_id else set()
        own |= {a.purchase_id for a in b.addons if a.purchase_id}
        price = sum(
            purchases[p][0]
            for p in own
            if p in purchases and purchases[p][3] in COUNTS_TOWARDS_PRICE
        )
        main = purchases.get(b.purchase_id) if b.purchase_id else None
        result.append(
            mapping.booking(
                b,
                client_name=names["client"].get(b.client_id, ""),
                room_name=names["room"].get(b.room_id, ""),
                setup_name=names["setup"].get(b.setup_id, ""),
                service_name=names["service"].get(b.service_id, ""),
                currency=studio_row.currency,
                price_minor=price,
                receipt_number=main[1] if main else None,
                payment_method=main[2]
                if main
                else (PaymentMethod.BUNDLE_CREDIT.value if b.bundle_id else None),
            )
        )
    return result


def booking_events(session: Session, row: t.Booking) -> list[r.BookingEvent]:
    """A booking's history, oldest first, with who did what."""
    query = (
        select(t.BookingEvent, t.User.full_name)
        .outerjoin(t.User, t.User.id == t.BookingEvent.actor_id)
        .where(t.BookingEvent.booking_id == row.id)
        .order_by(t.BookingEvent.at, t.BookingEvent.id)
    )
    return [
        r.BookingEvent(e.at, e.kind, e.detail, name or "Studio", e.from_starts_at, e.to_starts_at)
        for e, name in session.execute(query)
    ]
