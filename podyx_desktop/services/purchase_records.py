"""Purchases as records, with the receipt numbers they refer to and are refunded by, and
the booking or bundle each paid for, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.services.mapping import purchase


def purchases(session: Session, rows: Sequence[t.Purchase]) -> list[r.Purchase]:
    """Purchases with the receipt numbers they refer to and are refunded by."""
    if not rows:
        return []
    ids = [p.id for p in rows]
    refunds: dict[int, str | None] = {}  # the latest credit note against each purchase
    refunded: dict[int, int] = {}  # the amount its credit notes gave back
    for refund_of, number, gross in session.execute(
        select(t.Purchase.refund_of_id, t.Purchase.receipt_number, t.Purchase.gross_minor)
        .where(t.Purchase.refund_of_id.in_(ids))
        .order_by(t.Purchase.id)
    ):
        if refund_of is not None:
            refunds[refund_of] = number
            refunded[refund_of] = refunded.get(refund_of, 0) - gross
    originals_ids = {p.refund_of_id for p in rows if p.refund_of_id is not None}
    originals = (
        dict(
            session.execute(
                select(t.Purchase.id, t.Purchase.receipt_number).where(
                    t.Purchase.id.in_(originals_ids)
                )
            ).all()
        )
        if originals_ids
        else {}
    )
    booking_of = dict(
        session.execute(
            select(t.Booking.purchase_id, t.Booking.id).where(t.Booking.purchase_id.in_(ids))
        ).all()
    )
    addon_booking = dict(
        session.execute(
            select(t.BookingAddon.purchase_id, t.BookingAddon.booking_id).where(
                t.BookingAddon.purchase_id.in_(ids)
            )
        ).all()
    )
    bundle_of = dict(
        session.execute(
            select(t.Bundle.purchase_id, t.Bundle.id).where(t.Bundle.purchase_id.in_(ids))
        ).all()
    )
    result = []
    for row in rows:
        dto = replace(
            purchase(
                row,
                originals.get(row.refund_of_id) if row.refund_of_id else None,
                refunds.get(row.id),
            ),
            refunded_minor=refunded.get(row.id, 0),
        )
        source = row.refund_of_id or row.id
        result.append(
            _with_links(
                dto,
                booking_of.get(source) or addon_booking.get(source),
                bundle_of.get(source),
            )
        )
    return result


def _with_links(dto: r.Purchase, booking_id: int | None, bundle_id: int | None) -> r.Purchase:
    return replace(dto, booking_id=booking_id, bundle_id=bundle_id)
