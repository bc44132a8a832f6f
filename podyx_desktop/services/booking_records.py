"""Bookings as records: names, prices, receipt and history, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import String, literal_column, select, union_all
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.db.types import one_of
from podyx_desktop.domain import records as r
from podyx_desktop.services import mapping
from podyx_desktop.services.context import studio


def client_bookings(
    session: Session, client_id: int, now: datetime, upcoming: bool | None, limit: int
) -> list[r.Booking]:
    """A client's bookings: upcoming ones (not yet ended) soonest first, past ones (ended)
    latest first, or all latest first; at most ``limit``. Read with Core (the bookings,
    then their add-ons), no ORM objects.

    Ties (a client's two sessions at one time) come in the order they were booked, as the
    start-up reads (services/startup.py) order them. Neither list walks the client's other
    sessions: past ones are read backwards from now on ``(client_id, starts_at)`` (a
    session that has ended started before now); upcoming ones are the sessions under way
    (started before now, not ended: from ``ix_bookings_client_ends``, whose entries hold
    both times) followed by those starting from now on, read forwards on
    ``(client_id, starts_at)``. (A ``min(starts_at)`` bound in one query let PostgreSQL
    walk ``ix_bookings_starts_at`` through everyone's past instead.)
    """
    c = t.Booking.__table__.c
    query = select(t.Booking.__table__).where(c.client_id == client_id)
    found: list[Any]
    if upcoming is True:
        # a handful at most (sessions at one time), sorted here: with ORDER BY and LIMIT
        # PostgreSQL's planner walks ix_bookings_starts_at through everyone's past
        under_way = session.execute(query.where(c.ends_at > now, c.starts_at < now))
        found = sorted(under_way, key=lambda row: (row.starts_at, row.id))[:limit]
        if len(found) < limit:
            later = query.where(c.starts_at >= now).order_by(c.starts_at, c.id)
            found += session.execute(later.limit(limit - len(found))).all()
    elif upcoming is False:
        query = query.where(c.ends_at <= now, c.starts_at < now)
        found = list(session.execute(query.order_by(c.starts_at.desc(), c.id.desc()).limit(limit)))
    else:
        query = query.order_by(c.starts_at.desc(), c.id.desc())
        found = list(session.execute(query.limit(limit)))
    addons: dict[int, list[Any]] = {row.id: [] for row in found}
    if found:
        a = t.BookingAddon.__table__.c
        for addon in session.execute(
            select(t.BookingAddon.__table__)
            .where(one_of(session, a.booking_id, addons))
            .order_by(a.id)
        ):
            addons[addon.booking_id].append(addon)
    return booking_records(
        session, [mapping.ColumnsRow(row._mapping, addons=addons[row.id]) for row in found]
    )


def booking_records(
    session: Session, rows: Sequence[t.Booking | mapping.ColumnsRow]
) -> list[r.Booking]:
    """Booking records with names and prices, in a fixed number of queries."""
    if not rows:
        return []
    studio_row = studio(session)
    client_names = dict(
        session.execute(
            select(t.User.id, t.User.full_name).where(
                one_of(session, t.User.id, {b.client_id for b in rows})
            )
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
                ).where(one_of(session, t.Purchase.id, purchase_ids))
            )
        }
        if purchase_ids
        else {}
    )
    names: dict[str, dict[int, str]] = {"room": {}, "setup": {}, "service": {}}
    for row in session.execute(
        union_all(
            *(
                select(literal_column(f"'{kind}'", String), table.id, table.name).where(
                    one_of(session, table.id, {getattr(b, column) for b in rows})
                )
                for kind, table, column in (
                    ("room", t.Room, "room_id"),
                    ("setup", t.Setup, "setup_id"),
                    ("service", t.Service, "service_id"),
                )
            )
        )
    ):
        names[row[0]][row[1]] = row[2]
    return mapping.bookings(
        rows,  # type: ignore[arg-type]  # ColumnsRow: the columns of BookingRow
        client_names=client_names,
        room_names=names["room"],
        setup_names=names["setup"],
        service_names=names["service"],
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
