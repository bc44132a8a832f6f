"""The front desk's client list and client records.

The list is one SQL statement: each client row joined to per-client totals computed by
grouped subqueries (spending, purchases, bookings, active bundles), searched, sorted and
paged in the database, so thousands of clients list in milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select

from podyx_desktop.db import tables as t
from podyx_desktop.db.types import UTCDateTime
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import BookingStatus, PurchaseKind, PurchaseStatus, Role
from podyx_desktop.domain.paging import ClientSort, Page, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping
from podyx_desktop.services.context import ServiceContext, require_client_access, require_staff
from podyx_desktop.services.paging import Sort, keyset_page, sort_for

MAX_PAGE = 1000
# Money that changed hands: paid purchases, refunded ones, and their (negative) credit notes.
SPENDING = (PurchaseStatus.PAID.value, PurchaseStatus.REFUNDED.value)
# A bundle whose purchase is unpaid or refunded is not usable (see mapping.bundle_state).
UNUSABLE_BUNDLE = (PurchaseStatus.AWAITING_PAYMENT.value, PurchaseStatus.REFUNDED.value)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _search_filter(search: str) -> ColumnElement[bool] | None:
    """Case-insensitive substring match on name, email or phone.

    SQLite's ``lower()`` and ``LIKE`` fold ASCII only, so the name is also matched against
    the term as typed and in its common case variants (``élodie`` finds ``Élodie``).
    Emails are matched on their casefolded key. A term that looks like a phone number is
    matched on its digits against the E.164 phone, without a national leading 0, so
    ``030 1234`` finds ``+49301234…``.
    """
    term = " ".join(search.split())
    if not term:
        return None
    variants = {term, term.lower(), term.upper(), term.title(), term.capitalize()}
    name_matches = [t.User.full_name.like(_like_pattern(v), escape="\\") for v in variants]
    name_matches.append(func.lower(t.User.full_name).like(_like_pattern(term.lower()), escape="\\"))
    clauses: list[ColumnElement[bool]] = [
        *name_matches,
        t.User.email_key.like(_like_pattern(term.casefold()), escape="\\"),
    ]
    digits = re.sub(r"\D", "", term).lstrip("0")
    if len(digits) >= 3 and not re.search(r"[^\d\s()+./-]", term):
        clauses.append(t.User.phone.like(_like_pattern(digits), escape="\\"))
    return or_(*clauses)


class ClientService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _totals_query(self, now: datetime) -> Any:
        """Each client with what they spent, bought, booked and hold (see list_clients)."""
        counted_purchase = and_(
            t.Purchase.kind != PurchaseKind.CREDIT_NOTE.value,
            t.Purchase.status != PurchaseStatus.VOID.value,
        )
        spending = (
            select(
                t.Purchase.client_id.label("client_id"),
                func.sum(
                    case((t.Purchase.status.in_(SPENDING), t.Purchase.gross_minor), else_=0)
                ).label("spent"),
                func.sum(case((counted_purchase, 1), else_=0)).label("purchases"),
            )
            .group_by(t.Purchase.client_id)
            .subquery("spending")
        )
        bookings = (
            select(t.Booking.client_id.label("client_id"), func.count().label("bookings"))
            .where(t.Booking.status != BookingStatus.CANCELED.value)
            .group_by(t.Booking.client_id)
            .subquery("booking_counts")
        )
        bundles = (
            select(t.Bundle.client_id.label("client_id"), func.count().label("bundles"))
            .outerjoin(t.Purchase, t.Purchase.id == t.Bundle.purchase_id)
            .where(
                t.Bundle.sessions_remaining > 0,
                or_(t.Bundle.expires_at.is_(None), t.Bundle.expires_at > now),
                or_(t.Purchase.id.is_(None), t.Purchase.status.not_in(UNUSABLE_BUNDLE)),
            )
            .group_by(t.Bundle.client_id)
            .subquery("active_bundles")
        )
        return (
            select(
                t.User.id,
                t.User.full_name,
                t.User.email,
                t.User.phone,
                func.coalesce(spending.c.spent, 0).label("spent"),
                func.coalesce(spending.c.purchases, 0).label("purchases"),
                func.coalesce(bookings.c.bookings, 0).label("bookings"),
                func.coalesce(bundles.c.bundles, 0).label("bundles"),
            )
            .outerjoin(spending, spending.c.client_id == t.User.id)
            .outerjoin(bookings, bookings.c.client_id == t.User.id)
            .outerjoin(bundles, bundles.c.client_id == t.User.id)
            .where(t.User.role == Role.CLIENT.value)
        )

    def list_clients(
        self, principal: Principal, search: str = "", limit: int = 200, offset: int = 0
    ) -> list[r.ClientSummary]:
        """Clients by name with what they spent, bought, booked and hold; staff only.

        ``total_spent_minor`` counts paid and refunded purchases and their credit notes
        (so a refund nets to zero); ``purchases`` leaves out credit notes and withdrawn
        (void) purchases; ``bookings`` leaves out canceled sessions; ``active_bundles``
        counts paid bundles with sessions left that have not expired.
        """
        limit = max(1, min(limit, MAX_PAGE))
        offset = max(0, offset)
        query: Any = (
            self._totals_query(self._ctx.now())
            .order_by(func.lower(t.User.full_name), t.User.full_name, t.User.id)
            .limit(limit)
            .offset(offset)
        )
        matches = _search_filter(search)
        if matches is not None:
            query = query.where(matches)
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            return [
                mapping.client_summary(
                    user_id,
                    name,
                    email,
                    phone,
                    total_spent_minor=int(spent),
                    purchases=int(purchases),
                    bookings=int(booked),
                    active_bundles=int(held),
                )
                for user_id, name, email, phone, spent, purchases, booked, held in session.execute(
                    query
                )
            ]

    def client_page(self, principal: Principal, request: PageRequest) -> Page[r.ClientSummary]:
        """One page of the client list in the order ``request.sort`` names (a
        :class:`ClientSort`), narrowed by ``request.search`` like :meth:`list_clients`.

        Plain version: the per-client totals are grouped over every purchase, booking and
        bundle for each page (correct, not fast).
        """
        now = self._ctx.now()
        visits = (
            select(
                t.Booking.client_id.label("client_id"),
                func.max(t.Booking.starts_at).label("last_visit"),
            )
            .where(t.Booking.status != BookingStatus.CANCELED.value, t.Booking.starts_at <= now)
            .group_by(t.Booking.client_id)
            .subquery("visits")
        )
        rows = (
            self._totals_query(now)
            .add_columns(visits.c.last_visit)
            .outerjoin(visits, visits.c.client_id == t.User.id)
        )
        matches = _search_filter(request.search)
        if matches is not None:
            rows = rows.where(matches)
        listed = rows.subquery("listed")
        c = listed.c
        never = datetime(1970, 1, 1, tzinfo=UTC)
        sorts: dict[str, Sort] = {
            ClientSort.NAME: Sort((func.lower(c.full_name), c.id)),
            ClientSort.EMAIL: Sort((c.email, c.id)),
            ClientSort.PHONE: Sort((c.phone, c.id)),
            ClientSort.TOTAL_SPENT: Sort((c.spent, c.id)),
            ClientSort.PURCHASES: Sort((c.purchases, c.id)),
            ClientSort.BOOKINGS: Sort((c.bookings, c.id)),
            ClientSort.ACTIVE_BUNDLES: Sort((c.bundles, c.id)),
            ClientSort.LAST_VISIT: Sort(
                (func.coalesce(c.last_visit, literal(never, type_=UTCDateTime())), c.id)
            ),
        }
        sort = sort_for(sorts, request)
        query = select(
            c.id, c.full_name, c.email, c.phone, c.spent, c.purchases, c.bookings, c.bundles,
            c.last_visit,
        )  # fmt: skip

        def to_rows(found: Sequence[tuple[Any, ...]]) -> list[r.ClientSummary]:
            return [
                mapping.client_summary(
                    user_id,
                    name,
                    email,
                    phone,
                    total_spent_minor=int(spent),
                    purchases=int(bought),
                    bookings=int(booked),
                    active_bundles=int(held),
                    last_visit=last,
                )
                for user_id, name, email, phone, spent, bought, booked, held, last in found
            ]

        with self._ctx.db.read() as session:
            require_staff(session, principal)
            return keyset_page(session, query, sort, request, to_rows)

    def get_client(self, principal: Principal, client_id: int) -> r.Account:
        """A client's account: for staff, and for the client themself (others: NotFound)."""
        with self._ctx.db.read() as session:
            return mapping.account(require_client_access(session, principal, client_id))
