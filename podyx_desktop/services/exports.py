"""Staff exports: the receipts issued and the sessions held between two local days.

``podyx-admin export`` (:mod:`podyx_desktop.cli.export`) renders what these return as PDFs.
Days are the studio's local calendar days, both inclusive; a purchase counts on the day
it was issued (``paid_at``, else ``created_at``) and a booking on the day it starts.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session, selectinload

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.availability import local_day_bounds, studio_zone
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import purchase_records
from podyx_desktop.services.context import ServiceContext, require_staff, studio
from podyx_desktop.services.purchases import PurchaseService
from podyx_desktop.services.reports import ReportService

CHUNK = 500  # purchases read and mapped per batch (and per IN (…) list)


def _check_days(first: date, last: date) -> None:
    if first > last:
        raise InvalidInput(
            m(
                "The first day ({first}) is after the last one ({last}).",
                first=first.isoformat(),
                last=last.isoformat(),
            )
        )


def _days_span(session: Session, first: date, last: date) -> tuple[datetime, datetime]:
    """The UTC instants from the start of ``first`` to the end of ``last`` in the studio."""
    zone = studio_zone(studio(session).time_zone)
    start, _ = local_day_bounds(first, zone)
    _, end = local_day_bounds(last, zone)
    return start, end


def _issued(start: datetime, end: datetime) -> ColumnElement[bool]:
    """Receipts and credit notes issued in ``[start, end)`` (``paid_at``, else ``created_at``)."""
    paid, created = t.Purchase.paid_at, t.Purchase.created_at
    return and_(
        t.Purchase.receipt_number.is_not(None),
        or_(
            and_(paid.is_not(None), paid >= start, paid < end),
            and_(paid.is_(None), created >= start, created < end),
        ),
    )


class ExportService:
    """Staff-only queries behind the bulk PDF exports; each returns DTOs or ids."""

    def __init__(
        self, ctx: ServiceContext, purchases: PurchaseService, reports: ReportService
    ) -> None:
        self._ctx = ctx
        self._purchases = purchases
        self._reports = reports

    def purchases_between(self, principal: Principal, first: date, last: date) -> list[r.Purchase]:
        """Every purchase :meth:`stream_purchases_between` yields, as one list (small exports
        and tests; a long export should stream)."""
        return list(self.stream_purchases_between(principal, first, last))

    def count_purchases_between(self, principal: Principal, first: date, last: date) -> int:
        """How many receipts and credit notes were issued from ``first`` to ``last``."""
        _check_days(first, last)
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            start, end = _days_span(session, first, last)
            return (
                session.scalar(
                    select(func.count()).select_from(t.Purchase).where(_issued(start, end))
                )
                or 0
            )

    def stream_purchases_between(
        self, principal: Principal, first: date, last: date, *, chunk: int = CHUNK
    ) -> Generator[r.Purchase, None, None]:
        """Receipts and credit notes issued from ``first`` to ``last`` (local days, inclusive),
        one at a time, oldest first, each with its lines and VAT rows and the numbers it
        refers to and is refunded by.

        Only purchases with a number (pro-formas are not receipts). Read in keyset chunks
        of ``chunk`` purchases by (``paid_at``, id) inside one read transaction (one
        consistent snapshot), each chunk's ORM rows let go before the next is read, so the
        memory an export holds does not grow with the number of purchases. The caller
        iterates to the end or closes the iterator (which ends the transaction). A numbered
        purchase without ``paid_at`` (none is written so today) follows the others.
        """
        _check_days(first, last)
        if chunk < 1:
            raise InvalidInput(m("A chunk holds at least one purchase."))
        with self._ctx.db.read() as session:
            require_staff(session, principal)  # refused here, not at the first row
        return self._stream(principal, first, last, chunk)

    def _stream(
        self, principal: Principal, first: date, last: date, chunk: int
    ) -> Generator[r.Purchase, None, None]:
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            start, end = _days_span(session, first, last)
            paid = t.Purchase.paid_at
            numbered = t.Purchase.receipt_number.is_not(None)
            parts = (
                (paid, and_(numbered, paid.is_not(None), paid >= start, paid < end)),
                (
                    t.Purchase.created_at,
                    and_(
                        numbered,
                        paid.is_(None),
                        t.Purchase.created_at >= start,
                        t.Purchase.created_at < end,
                    ),
                ),
            )
            for column, condition in parts:
                after: tuple[datetime, int] | None = None
                while True:
                    query = select(t.Purchase).where(condition)
                    if after is not None:
                        query = query.where(
                            column >= after[0], tuple_(column, t.Purchase.id) > tuple_(*after)
                        )
                    rows = session.scalars(
                        query.options(
                            selectinload(t.Purchase.lines), selectinload(t.Purchase.vat_rates)
                        )
                        .order_by(column, t.Purchase.id)
                        .limit(chunk)
                    ).all()
                    if not rows:
                        break
                    last_row = rows[-1]
                    after = (getattr(last_row, column.key), last_row.id)
                    records = purchase_records.purchases(session, rows)
                    del rows, last_row
                    session.expunge_all()  # the chunk's ORM rows go with their records
                    yield from records
                    del records

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
