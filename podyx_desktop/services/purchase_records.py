"""Purchases as records, with the receipt numbers they refer to and are refunded by, and
the booking or bundle each paid for, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import String, literal_column, select, union_all
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.db.types import one_of
from podyx_desktop.domain import records as r
from podyx_desktop.services.mapping import ColumnsRow, purchase


def client_purchases(session: Session, client_id: int, limit: int) -> list[r.Purchase]:
    """A client's latest ``limit`` purchases, newest first, read with Core: three queries
    (the purchases, their lines, their VAT rows) and no ORM objects."""
    table = t.Purchase.__table__
    found = session.execute(
        select(table)
        .where(table.c.client_id == client_id)
        .order_by(table.c.created_at.desc(), table.c.id.desc())
        .limit(limit)
    ).all()
    ids = [row.id for row in found]
    lines: dict[int, list[object]] = {i: [] for i in ids}
    vat: dict[int, list[object]] = {i: [] for i in ids}
    if ids:
        line_table = t.PurchaseLine.__table__
        for line in session.execute(
            select(line_table)
            .where(one_of(session, line_table.c.purchase_id, ids))
            .order_by(line_table.c.purchase_id, line_table.c.position, line_table.c.id)
        ):
            lines[line.purchase_id].append(line)
        vat_table = t.PurchaseVat.__table__
        for rate in session.execute(
            select(vat_table)
            .where(one_of(session, vat_table.c.purchase_id, ids))
            .order_by(vat_table.c.purchase_id, vat_table.c.rate_bp)
        ):
            vat[rate.purchase_id].append(rate)
    rows = [ColumnsRow(row._mapping, lines=lines[row.id], vat_rates=vat[row.id]) for row in found]
    return purchases(session, rows)


def purchases(session: Session, rows: Sequence[t.Purchase | ColumnsRow]) -> list[r.Purchase]:
    """Purchases with the receipt numbers they refer to and are refunded by."""
    if not rows:
        return []
    ids = [p.id for p in rows]
    refunds: dict[int, str | None] = {}  # the latest credit note against each purchase
    refunded: dict[int, int] = {}  # the amount its credit notes gave back
    for refund_of, number, gross in session.execute(
        select(t.Purchase.refund_of_id, t.Purchase.receipt_number, t.Purchase.gross_minor)
        .where(one_of(session, t.Purchase.refund_of_id, ids))
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
                    one_of(session, t.Purchase.id, originals_ids)
                )
            ).all()
        )
        if originals_ids
        else {}
    )
    # what each purchase paid for, in one statement: a booking, a booking's add-ons, a bundle
    paid_for: dict[str, dict[int, int]] = {"booking": {}, "addons": {}, "bundle": {}}
    for kind, purchase_id, target in session.execute(
        union_all(
            *(
                select(literal_column(f"'{kind}'", String), purchase_column, target).where(
                    one_of(session, purchase_column, ids)
                )
                for kind, purchase_column, target in (
                    ("booking", t.Booking.purchase_id, t.Booking.id),
                    ("addons", t.BookingAddon.purchase_id, t.BookingAddon.booking_id),
                    ("bundle", t.Bundle.purchase_id, t.Bundle.id),
                )
            )
        )
    ):
        if purchase_id is not None:  # never: the IN excludes it
            paid_for[kind][purchase_id] = target
    booking_of, addon_booking, bundle_of = (
        paid_for["booking"],
        paid_for["addons"],
        paid_for["bundle"],
    )
    result = []
    for row in rows:
        source = row.refund_of_id or row.id
        result.append(
            purchase(
                row,
                originals.get(row.refund_of_id) if row.refund_of_id else None,
                refunds.get(row.id),
                refunded_minor=refunded.get(row.id, 0),
                booking_id=booking_of.get(source) or addon_booking.get(source),
                bundle_id=bundle_of.get(source),
            )
        )
    return result
