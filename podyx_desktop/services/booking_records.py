"""Bookings as records: names, prices, receipt and history, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.services import mapping
from podyx_desktop.services.context import studio


def booking_records(session: Session, rows: Sequence[t.Booking]) -> list[r.Booking]:
    """Booking records with names and prices, in a fixed number of queries."""
    if not rows:
        return []
    studio_row = studio(session)
    client_names = dict(
        session.execute(
            select(t.User.id, t.User.full_name).where(t.User.id.in_({b.client_id for b in rows}))
        ).all()
    )
    purchase_ids = mapping.booking_purchase_ids(rows)
    purchases = (
        {
            pid: mapping.PaidWith(gross, number, method, status)
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
    return mapping.bookings(
        rows,
        client_names=client_names,
        room_names=dict(session.execute(select(t.Room.id, t.Room.name)).all()),
        setup_names=dict(session.execute(select(t.Setup.id, t.Setup.name)).all()),
        service_names=dict(session.execute(select(t.Service.id, t.Service.name)).all()),
        purchases=purchases,
        currency=studio_row.currency,
    )


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
