"""Staff exports: the receipts issued and the sessions held between two local days.

``podyx-admin export`` (:mod:`podyx_desktop.cli.export`) renders what these return as PDFs.
Days are the studio's local calendar days, both inclusive; a purchase counts on the day
it was issued (``paid_at``, else ``created_at``) and a booking on the day it starts.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.availability import local_day_bounds, studio_zone
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import purchase_records
from podyx_desktop.services.context import ServiceContext, require_staff, studio
from podyx_desktop.services.purchases import PurchaseService
from podyx_desktop.services.reports import ReportService

CHUNK = 500  # purchases mapped per batch of look-ups


def _check_days(first: date, last: date) -> None:
    if first > last:
        raise InvalidInput(
            f"The first day ({first.isoformat()}) is after the last one ({last.isoformat()})."
        )


def _days_span(session: Session, first: date, last: date) -> tuple[datetime, datetime]:
    """The UTC instants from the start of ``first`` to the end of ``last`` in the studio."""
    zone = studio_zone(studio(session).time_zone)
    start, _ = local_day_bounds(first, zone)
    _, end = local_day_bounds(last, zone)
    return start, end


class ExportService:
    """Staff-only queries behind the bulk PDF exports; each returns DTOs or ids."""

    def __init__(
        self, ctx: ServiceContext, purchases: PurchaseService, reports: ReportService
    ) -> None:
        self._ctx = ctx
        self._purchases = purchases
        self._reports = reports

    def purchases_between(self, principal: Principal, first: date, last: date) -> list[r.Purchase]:
        """Receipts and credit notes issued from ``first`` to ``last`` (local days, inclusive).

        Only purchases with a number (pro-formas are not receipts), oldest first, each with
        its lines and VAT rows and the numbers it refers to and is refunded by.
        """
        _check_days(first, last)
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            start, end = _days_span(session, first, last)
            paid, created = t.Purchase.paid_at, t.Purchase.created_at
            rows = session.scalars(
                select(t.Purchase)
                .where(
                    t.Purchase.receipt_number.is_not(None),
                    or_(
                        and_(paid.is_not(None), paid >= start, paid < end),
                        and_(paid.is_(None), created >= start, created < end),
                    ),
                )
                .options(selectinload(t.Purchase.lines), selectinload(t.Purchase.vat_rates))
            ).all()
            ordered = sorted(rows, key=lambda row: (row.paid_at or row.created_at, row.id))
            found: list[r.Purchase] = []
            for at in range(0, len(ordered), CHUNK):  # keeps each IN (…) list short
                found += purchase_records.purchases(session, ordered[at : at + CHUNK])
            return found

    def bookings_between(self, principal: Principal, first: date, last: date) -> list[int]:
        """Ids of the bookings (any status) starting from ``first`` to ``last``, by start time."""
        _check_days(first, last)
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            start, end = _days_span(session, first, last)
            return list(
                session.scalars(
                    select(t.Booking.id)
                    .where(t.Booking.starts_at >= start, t.Booking.starts_at < end)
                    .order_by(t.Booking.starts_at, t.Booking.id)
                )
            )
