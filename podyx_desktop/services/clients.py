"""The front desk's client list and client records.

The list reads ``client_totals`` (one row per client, kept by database triggers in the
transaction of every purchase and booking write: migration 0006), so a page never groups
over purchases or bookings. The two columns that change as time passes without a write
are read per row with a correlated subquery on an index: active bundles (the client's
bundles, ``ix_bundles_client_id``) and the last visit (the client's latest sessions,
``ix_bookings_client_time``, newest first). Searching matches every typed word against
the client's folded search key through an index: SQLite's FTS5 trigram table
``client_search``, PostgreSQL's ``pg_trgm``; one- and two-letter queries match the start
of the folded name on a B-tree index (see docs/rules.md, "The client list").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    column,
    exists,
    func,
    literal,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.db.types import UTCDateTime
from podyx_desktop.domain import records as r
from podyx_desktop.domain.client_search import SearchWords, search_key, search_words
from podyx_desktop.domain.enums import BookingStatus, PurchaseStatus, Role
from podyx_desktop.domain.paging import ClientSort, Page, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping
from podyx_desktop.services.context import ServiceContext, require_client_access, require_staff
from podyx_desktop.services.paging import Sort, keyset_page, sort_for

MAX_PAGE = 1000
# A bundle whose purchase is unpaid or refunded is not usable (see mapping.bundle_state).
UNUSABLE_BUNDLE = (PurchaseStatus.AWAITING_PAYMENT.value, PurchaseStatus.REFUNDED.value)
NEVER = datetime(1970, 1, 1, tzinfo=UTC)  # the last visit of a client who never came
FOLD_BATCH = 2000  # stale search keys folded per pass
_TOP = "\U0010ffff"  # sorts after every character: the end of a prefix's range


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def active_bundles(now: datetime) -> Any:
    """The client's usable bundles at ``now``, per row (correlated with ``users``):
    paid (or issued without a purchase), sessions left, not expired."""
    return (
        select(func.count())
        .select_from(t.Bundle)
        .outerjoin(t.Purchase, t.Purchase.id == t.Bundle.purchase_id)
        .where(
            t.Bundle.client_id == t.User.id,
            t.Bundle.sessions_remaining > 0,
            or_(t.Bundle.expires_at.is_(None), t.Bundle.expires_at > now),
            or_(t.Purchase.id.is_(None), t.Purchase.status.not_in(UNUSABLE_BUNDLE)),
        )
        .correlate(t.User)
        .scalar_subquery()
    )


def last_visit(now: datetime) -> Any:
    """The start of the client's latest session that is not canceled and has begun at
    ``now``, per row: the client's bookings newest first on ``ix_bookings_client_time``."""
    return (
        select(t.Booking.starts_at)
        .where(
            t.Booking.client_id == t.User.id,
            t.Booking.starts_at <= now,
            t.Booking.status != BookingStatus.CANCELED.value,
        )
        .order_by(t.Booking.starts_at.desc())
        .limit(1)
        .correlate(t.User)
        .scalar_subquery()
    )


def _search_filter(session: Session, words: SearchWords) -> ColumnElement[bool] | None:
    """Every typed word in the client's search key, through the engine's index."""
    ct = t.ClientTotals
    key = ct.search_key
    sqlite = session.get_bind().dialect.name == "sqlite"
    if words.prefix:
        if sqlite:  # BINARY collation: a range on the key's index is a prefix match
            return and_(key >= words.prefix, key < words.prefix + _TOP)
        return key.like(_escape_like(words.prefix) + "%", escape="\\")
    if not words.words:
        return None
    clauses: list[ColumnElement[bool]] = []
    long_words = words.long_words
    if sqlite and long_words:
        query = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
        found = text("SELECT rowid FROM client_search WHERE client_search MATCH :query")
        clauses.append(
            ct.client_id.in_(found.bindparams(query=query).columns(column("rowid", Integer)))
        )
    else:
        clauses += [key.like(f"%{_escape_like(w)}%", escape="\\") for w in long_words]
    # short words among long ones: checked on the rows the long ones found
    clauses += [key.like(f"%{_escape_like(w)}%", escape="\\") for w in words.short_words]
    return and_(*clauses)


class ClientService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _clients(self, now: datetime, *, with_last_visit: bool) -> Select[Any]:
        ct = t.ClientTotals
        columns: list[Any] = [
            t.User.id,
            t.User.full_name,
            t.User.email,
            t.User.phone,
            ct.spent_minor,
            ct.purchases,
            ct.bookings,
            active_bundles(now).label("bundles"),
        ]
        if with_last_visit:
            columns.append(last_visit(now).label("last_visit"))
        return (
            select(*columns)
            .select_from(t.User)
            .join(ct, ct.client_id == t.User.id)
            .where(t.User.role == Role.CLIENT.value)
        )

    def _searching(self, principal: Principal, search: str) -> SearchWords:
        """The typed words, after checking the caller and folding any stale search keys."""
        words = search_words(search)
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            if not (words.words or words.prefix):
                return words
            stale = self._stale_keys(session)
        while stale:
            self._fold_keys(stale)
            if len(stale) < FOLD_BATCH:
                break
            with self._ctx.db.read() as session:
                stale = self._stale_keys(session)
        return words

    @staticmethod
    def _stale_keys(session: Session) -> Sequence[Any]:
        """Users whose search key waits to be folded (new, or details changed)."""
        return session.execute(
            select(t.User.id, t.User.full_name, t.User.email_key, t.User.phone)
            .join(t.ClientTotals, t.ClientTotals.client_id == t.User.id)
            .where(t.ClientTotals.search_key.is_(None))
            .limit(FOLD_BATCH)
        ).all()

    def _fold_keys(self, stale: Sequence[Any]) -> None:
        """Write the search keys of ``stale`` users, each only if it is still NULL and the
        user's name, email and phone are still the ones folded (a key is never written
        from details that changed meanwhile)."""
        ct, user = t.ClientTotals, t.User
        with self._ctx.db.write() as session:
            for user_id, name, email_key, phone in stale:
                unchanged = exists().where(
                    user.id == user_id,
                    user.full_name == name,
                    user.email_key == email_key,
                    user.phone == phone,
                )
                session.execute(
                    update(ct)
                    .where(ct.client_id == user_id, ct.search_key.is_(None), unchanged)
                    .values(search_key=search_key(name, email_key, phone))
                )

    def list_clients(
        self, principal: Principal, search: str = "", limit: int = 200, offset: int = 0
    ) -> list[r.ClientSummary]:
        """Clients by name with what they spent, bought, booked and hold; staff only.

        ``total_spent_minor`` counts paid and refunded purchases and their credit notes
        (so a refund nets to zero); ``purchases`` leaves out credit notes and withdrawn
        (void) purchases; ``bookings`` leaves out canceled sessions; ``active_bundles``
        counts paid bundles with sessions left that have not expired. ``search`` as in
        :meth:`client_page`.
        """
        limit = max(1, min(limit, MAX_PAGE))
        offset = max(0, offset)
        words = self._searching(principal, search)
        query = (
            self._clients(self._ctx.now(), with_last_visit=False)
            .order_by(func.lower(t.User.full_name), t.User.id)
            .limit(limit)
            .offset(offset)
        )
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            matches = _search_filter(session, words)
            if matches is not None:
                query = query.where(matches)
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
        :class:`ClientSort`; ties by id), narrowed by ``request.search``: every typed word
        must occur in the client's name, email or phone digits, accents and case ignored
        (a phone number may be typed with spaces, dashes and a national leading 0); one
        or two letters match the start of the name. Staff only.
        """
        now = self._ctx.now()
        words = self._searching(principal, request.search)
        ct = t.ClientTotals
        never = literal(NEVER, type_=UTCDateTime())
        sorts: dict[str, Sort] = {
            ClientSort.NAME: Sort((func.lower(t.User.full_name), t.User.id), floor=""),
            ClientSort.EMAIL: Sort((t.User.email_key, t.User.id), floor=""),
            ClientSort.PHONE: Sort((t.User.phone, t.User.id), floor=""),
            ClientSort.TOTAL_SPENT: Sort((ct.spent_minor, ct.client_id)),
            ClientSort.PURCHASES: Sort((ct.purchases, ct.client_id)),
            ClientSort.BOOKINGS: Sort((ct.bookings, ct.client_id)),
            ClientSort.ACTIVE_BUNDLES: Sort((active_bundles(now), t.User.id)),
            ClientSort.LAST_VISIT: Sort((func.coalesce(last_visit(now), never), t.User.id)),
        }
        sort = sort_for(sorts, request)
        query = self._clients(now, with_last_visit=True)

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
            matches = _search_filter(session, words)
            if matches is not None:
                query = query.where(matches)
            return keyset_page(session, query, sort, request, to_rows)

    def get_client(self, principal: Principal, client_id: int) -> r.Account:
        """A client's account: for staff, and for the client themself (others: NotFound)."""
        with self._ctx.db.read() as session:
            return mapping.account(require_client_access(session, principal, client_id))
