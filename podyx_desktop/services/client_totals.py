"""The client list's kept totals: rolling their clock forward, checking and repairing them.

``client_totals`` (migration 0006) is kept by database triggers in the transaction of each
purchase, booking and bundle write. Two of its columns depend on the time as well: a
client's active bundles (a bundle expires) and last visit (a session begins). They are
exact as of the one time in ``client_totals_clock``; :func:`roll_forward` moves that time
to now before the list is read, recomputing only the clients whose sessions began or
bundles expired in between, with a conditional UPDATE of the clock row so two seats
never roll the same stretch twice. :class:`TotalsService` recomputes every client's
totals from the purchases, bookings and bundles and compares (``podyx-admin check
totals``), and with ``repair`` writes the recomputed values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, literal, or_, select, union, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.db.types import UTCDateTime
from podyx_desktop.domain.client_search import search_key
from podyx_desktop.domain.enums import BookingStatus, PurchaseKind, PurchaseStatus
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services.context import ServiceContext, require_staff

NEVER = datetime(1970, 1, 1, tzinfo=UTC)  # last_visit of a client who never came
SPENDING = (PurchaseStatus.PAID.value, PurchaseStatus.REFUNDED.value)
UNUSABLE_BUNDLE = (PurchaseStatus.AWAITING_PAYMENT.value, PurchaseStatus.REFUNDED.value)
CANCELED = BookingStatus.CANCELED.value


def never() -> ColumnElement[datetime]:
    return literal(NEVER, type_=UTCDateTime())


def last_visit_of(client_id: Any, at: Any) -> Any:
    """The start of the client's latest session not canceled and begun at ``at``; NEVER
    if none (the client's bookings newest first on ``ix_bookings_client_time``)."""
    latest = (
        select(t.Booking.starts_at)
        .where(t.Booking.client_id == client_id, t.Booking.status != CANCELED)
        .where(t.Booking.starts_at <= at)
        .order_by(t.Booking.starts_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(latest, never())


def active_bundles_of(client_id: Any, at: Any) -> Any:
    """The client's usable bundles at ``at``: paid (or issued without a purchase),
    sessions left, not expired."""
    return (
        select(func.count())
        .select_from(t.Bundle)
        .outerjoin(t.Purchase, t.Purchase.id == t.Bundle.purchase_id)
        .where(
            t.Bundle.client_id == client_id,
            t.Bundle.sessions_remaining > 0,
            or_(t.Bundle.expires_at.is_(None), t.Bundle.expires_at > at),
            or_(t.Purchase.id.is_(None), t.Purchase.status.not_in(UNUSABLE_BUNDLE)),
        )
        .scalar_subquery()
    )


def spent_of(client_id: Any) -> Any:
    """Paid and refunded purchases and their (negative) credit notes."""
    return (
        select(func.coalesce(func.sum(t.Purchase.gross_minor), 0))
        .where(t.Purchase.client_id == client_id, t.Purchase.status.in_(SPENDING))
        .scalar_subquery()
    )


def purchases_of(client_id: Any) -> Any:
    """Purchases that are neither credit notes nor withdrawn (void)."""
    return (
        select(func.count())
        .select_from(t.Purchase)
        .where(
            t.Purchase.client_id == client_id,
            t.Purchase.kind != PurchaseKind.CREDIT_NOTE.value,
            t.Purchase.status != PurchaseStatus.VOID.value,
        )
        .scalar_subquery()
    )


def bookings_of(client_id: Any) -> Any:
    """Bookings that are not canceled."""
    return (
        select(func.count())
        .select_from(t.Booking)
        .where(t.Booking.client_id == client_id, t.Booking.status != CANCELED)
        .scalar_subquery()
    )


def _clock(session: Session) -> datetime | None:
    return session.scalar(select(t.ClientTotalsClock.rolled_at).where(t.ClientTotalsClock.id == 1))


def roll_forward(db: Database, now: datetime) -> None:
    """Make ``active_bundles`` and ``last_visit`` exact at ``now`` (see the module)."""
    ct = t.ClientTotals
    with db.read() as session:
        seen = _clock(session)
        if seen is not None:
            if seen == now:
                return
            # forward, or back when this seat's clock is behind the last roll's
            low, high = min(seen, now), max(seen, now)
            begun = exists().where(
                t.Booking.starts_at > low, t.Booking.starts_at <= high, t.Booking.status != CANCELED
            )
            expired = exists().where(t.Bundle.expires_at > low, t.Bundle.expires_at <= high)
            if not session.scalar(select(or_(begun, expired))):
                return  # nothing changed with time: the stored values hold at now too
    with db.write() as session:
        if seen is None:  # a new or emptied database: every client from scratch
            insert = postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
            made = session.execute(
                insert(t.ClientTotalsClock)
                .values(id=1, rolled_at=now)
                .on_conflict_do_nothing(index_elements=["id"])
            )
            if not made.rowcount:  # type: ignore[attr-defined]
                return  # another seat made the clock
            clients: Any = None
        else:
            moved = session.execute(
                update(t.ClientTotalsClock)
                .where(t.ClientTotalsClock.id == 1, t.ClientTotalsClock.rolled_at == seen)
                .values(rolled_at=now)
            )
            if not moved.rowcount:  # type: ignore[attr-defined]
                return  # another seat rolled this stretch
            clients = union(
                select(t.Booking.client_id).where(
                    t.Booking.starts_at > low, t.Booking.starts_at <= high
                ),
                select(t.Bundle.client_id).where(
                    t.Bundle.expires_at > low, t.Bundle.expires_at <= high
                ),
            )
        statement = update(ct).values(
            last_visit=last_visit_of(ct.client_id, now),
            active_bundles=active_bundles_of(ct.client_id, now),
        )
        if clients is not None:
            statement = statement.where(ct.client_id.in_(clients))
        session.execute(statement)


@dataclass(frozen=True)
class TotalsDifference:
    """One client's kept value that differs from the recomputed one."""

    client_id: int
    full_name: str
    column: str  # "spent_minor", "purchases", … or "row" (no totals row at all)
    kept: int | str | datetime | None
    actual: int | str | datetime | None


@dataclass(frozen=True)
class TotalsCheck:
    clients: int
    as_of: datetime | None  # the clock the time-dependent columns were checked at
    differences: tuple[TotalsDifference, ...]
    repaired: bool = False


COUNTERS = ("spent_minor", "purchases", "bookings", "active_bundles", "last_visit")


class TotalsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def check(self, principal: Principal, *, repair: bool = False) -> TotalsCheck:
        """Recompute every user's totals and compare with the kept ones; staff only.

        With ``repair``, each differing row is written from the recomputation in the same
        transaction (on PostgreSQL after locking the clock row, which every totals trigger
        shares: the writes in progress finish first and new ones wait).
        """
        if not repair:
            with self._ctx.db.read() as session:
                require_staff(session, principal)
                return self._compare(session)
        with self._ctx.db.write() as session:
            require_staff(session, principal)
            if session.get_bind().dialect.name == "postgresql":
                session.execute(
                    select(t.ClientTotalsClock.id)
                    .where(t.ClientTotalsClock.id == 1)
                    .with_for_update()
                )
            found = self._compare(session)
            self._repair(session, found)
            return TotalsCheck(found.clients, found.as_of, found.differences, repaired=True)

    def _compare(self, session: Session) -> TotalsCheck:
        ct, user = t.ClientTotals, t.User
        at = _clock(session)
        clock: Any = literal(at, type_=UTCDateTime()) if at is not None else None
        actual: dict[str, Any] = {
            "spent_minor": spent_of(user.id),
            "purchases": purchases_of(user.id),
            "bookings": bookings_of(user.id),
        }
        if clock is not None:  # no clock yet: nothing to compare them with
            actual["active_bundles"] = active_bundles_of(user.id, clock)
            actual["last_visit"] = last_visit_of(user.id, clock)
        rows = session.execute(
            select(
                user.id,
                user.full_name,
                user.email_key,
                user.phone,
                ct.client_id,
                ct.search_key,
                *(getattr(ct, name) for name in actual),
                *(value.label(f"actual_{name}") for name, value in actual.items()),
            )
            .outerjoin(ct, ct.client_id == user.id)
            .order_by(user.id)
        ).all()
        differences: list[TotalsDifference] = []
        names = list(actual)
        for row in rows:
            user_id, name, email_key, phone, kept_id, key = row[:6]
            kept, now = row[6 : 6 + len(names)], row[6 + len(names) :]
            if kept_id is None:
                differences.append(TotalsDifference(user_id, name, "row", None, "missing"))
                continue
            for column, old, new in zip(names, kept, now, strict=True):
                if old != new:
                    differences.append(TotalsDifference(user_id, name, column, old, new))
            folded = search_key(name, email_key, phone)
            if key is not None and key != folded:
                differences.append(TotalsDifference(user_id, name, "search_key", key, folded))
        return TotalsCheck(len(rows), at, tuple(differences))

    def _repair(self, session: Session, found: TotalsCheck) -> None:
        ct = t.ClientTotals
        at = found.as_of or self._ctx.now()
        missing = sorted({d.client_id for d in found.differences if d.column == "row"})
        for client_id in missing:
            session.add(t.ClientTotals(client_id=client_id, last_visit=NEVER, search_key=None))
        session.flush()
        wrong = sorted({d.client_id for d in found.differences})
        if not wrong:
            return
        session.execute(
            update(ct)
            .where(ct.client_id.in_(wrong))
            .values(
                spent_minor=spent_of(ct.client_id),
                purchases=purchases_of(ct.client_id),
                bookings=bookings_of(ct.client_id),
                active_bundles=active_bundles_of(ct.client_id, at),
                last_visit=last_visit_of(ct.client_id, at),
                # a wrong key is folded again by the client service
                search_key=case(
                    (ct.client_id.in_(self._bad_keys(found)), None), else_=ct.search_key
                ),
            )
        )

    @staticmethod
    def _bad_keys(found: TotalsCheck) -> list[int]:
        return sorted({d.client_id for d in found.differences if d.column == "search_key"}) or [-1]
