"""A day's close (staff only): the takings of one of the studio's local days, by payment
method and by VAT rate, credit notes netted, with the totals.

What counts on a day: every receipt and credit note *issued* that local day — a purchase
with a number whose ``paid_at`` (else ``created_at``, as the exports count it) falls in
the day's bounds in the studio's zone (23 or 25 hours on a DST day). A credit note counts
on the day it was issued, with its own negative amounts, whatever day its receipt was;
a refunded receipt still counts on its own day. Pending and withdrawn purchases have no
number and never count. Every figure is a SQL sum of stored integer amounts
(``purchases``' gross/net/VAT and ``purchase_vat``'s rows): nothing is recomputed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.availability import local_day_bounds, studio_zone
from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind
from podyx_desktop.domain.payments import DayClose, MethodTakings, RateTakings
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services.context import ServiceContext, require_staff, studio


def issued_between(start: datetime, end: datetime) -> ColumnElement[bool]:
    """Receipts and credit notes issued in ``[start, end)``."""
    paid, created = t.Purchase.paid_at, t.Purchase.created_at
    return and_(
        t.Purchase.receipt_number.is_not(None),
        or_(
            and_(paid.is_not(None), paid >= start, paid < end),
            and_(paid.is_(None), created >= start, created < end),
        ),
    )


class DayCloseService:
    """Staff-only: the takings of one local day."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def close(self, principal: Principal, day: date) -> DayClose:
        """The takings of ``day`` (the studio's local calendar day)."""
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            row = studio(session)
            start, end = local_day_bounds(day, studio_zone(row.time_zone))
            return _day_close(session, row, day, start, end, self._ctx.now())


def _day_close(
    session: Session, row: t.Studio, day: date, start: datetime, end: datetime, now: datetime
) -> DayClose:
    issued = issued_between(start, end)
    credit = t.Purchase.kind == PurchaseKind.CREDIT_NOTE.value

    def where(flag: ColumnElement[bool], value: Any) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((flag, value), else_=0)), 0)

    one = t.Purchase.id * 0 + 1  # an integer 1 per row, summed as a count
    methods = [
        MethodTakings(
            method=PaymentMethod(method),
            receipts=int(receipts),
            receipts_minor=int(receipts_minor),
            refunds=int(refunds),
            refunds_minor=int(refunds_minor),
        )
        for method, receipts, receipts_minor, refunds, refunds_minor in session.execute(
            select(
                t.Purchase.method,
                where(~credit, one),
                where(~credit, t.Purchase.gross_minor),
                where(credit, one),
                where(credit, t.Purchase.gross_minor),
            )
            .where(issued)
            .group_by(t.Purchase.method)
            .order_by(t.Purchase.method)
        )
    ]
    rates = [
        RateTakings(int(rate), int(net), int(vat), int(gross))
        for rate, net, vat, gross in session.execute(
            select(
                t.PurchaseVat.rate_bp,
                func.sum(t.PurchaseVat.net_minor),
                func.sum(t.PurchaseVat.vat_minor),
                func.sum(t.PurchaseVat.gross_minor),
            )
            .join(t.Purchase, t.Purchase.id == t.PurchaseVat.purchase_id)
            .where(issued)
            .group_by(t.PurchaseVat.rate_bp)
            .order_by(t.PurchaseVat.rate_bp)
        )
    ]
    net, vat, gross, first, last = session.execute(
        select(
            func.coalesce(func.sum(t.Purchase.net_minor), 0),
            func.coalesce(func.sum(t.Purchase.vat_minor), 0),
            func.coalesce(func.sum(t.Purchase.gross_minor), 0),
            func.min(case((~credit, t.Purchase.receipt_number))),
            func.max(case((~credit, t.Purchase.receipt_number))),
        ).where(issued)
    ).one()
    return DayClose(
        day=day,
        studio_name=row.name,
        time_zone=row.time_zone,
        currency=row.currency,
        starts_at=start,
        ends_at=end,
        made_at=now,
        by_method=tuple(methods),
        by_rate=tuple(rates),
        receipts=sum(m.receipts for m in methods),
        receipts_minor=sum(m.receipts_minor for m in methods),
        refunds=sum(m.refunds for m in methods),
        refunds_minor=sum(m.refunds_minor for m in methods),
        net_minor=int(net),
        vat_minor=int(vat),
        gross_minor=int(gross),
        first_number=first,
        last_number=last,
    )
