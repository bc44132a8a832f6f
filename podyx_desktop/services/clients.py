"""The front desk's client list and client records.

The list reads ``client_totals`` (one row per client, kept by database triggers in the
transaction of every purchase, booking and bundle write: migration 0006), so a page never
groups over purchases or bookings, and every order has its index. The two columns that
change as time passes, active bundles and the last visit, are kept exact as of a clock
that :func:`~podyx_desktop.services.client_totals.roll_forward` moves to now before a
page is read. Searching matches every typed word against the client's folded search key
through an index: SQLite's FTS5 trigram table ``client_search``, PostgreSQL's
``pg_trgm``; one- and two-letter queries match the start of the folded name on a B-tree
index (see docs/rules.md, "The client list").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    column,
    exists,
    func,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.client_search import SearchWords, search_key, search_words
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.paging import ClientSort, Page, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping
from podyx_desktop.services.client_totals import NEVER, roll_forward
from podyx_desktop.services.context import ServiceContext, require_client_access, require_staff
from podyx_desktop.services.paging import Sort, keyset_page, sort_for

MAX_PAGE = 1000
FOLD_BATCH = 2000  # stale search keys folded per pass
MAX_FOLD_PASSES = 500  # a million keys (after a bulk import) before a search answers
FEW_MATCHES = 5000  # matches read first and sorted, up to this many (more: the walk)
_TOP = "\U0010ffff"  # sorts after every character: the end of a prefix's range


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _key_matches(key: Any, words: SearchWords) -> ColumnElement[bool]:
    """``LIKE`` on the folded key: the start of the name, or every word somewhere."""
    if words.prefix:
        return key.like(_escape_like(words.prefix) + "%", escape="\\")
    return and_(*(key.like(f"%{_escape_like(w)}%", escape="\\") for w in words.words))


def _search_filter(session: Session, words: SearchWords) -> ColumnElement[bool] | None:
    """Every typed word in the client's search key, through the engine's index."""
    ct = t.ClientTotals
    key = ct.search_key
    if not (words.words or words.prefix):
        return None
    if session.get_bind().dialect.name != "sqlite":
        return _postgres_search(session, words)
    if words.prefix:  # BINARY collation: a range on the key's index is a prefix match
        return and_(key >= words.prefix, key < words.prefix + _TOP)
    query = " AND ".join('"' + w.replace('"', '""') + '"' for w in words.long_words)
    counted = text(
        "SELECT count(*) FROM (SELECT rowid FROM client_search WHERE client_search MATCH :query "
        "LIMIT :few)"
    )
    if (session.scalar(counted, {"query": query, "few": FEW_MATCHES + 1}) or 0) > FEW_MATCHES:
        # a word most clients have (their email's domain): the walk down the list's order
        # meets matches at once, where collecting every match from FTS5 took 35 ms
        return _key_matches(key, words)
    found = text("SELECT rowid FROM client_search WHERE client_search MATCH :query")
    clauses: list[ColumnElement[bool]] = [
        ct.client_id.in_(found.bindparams(query=query).columns(column("rowid", Integer)))
    ]
    # short words among long ones: checked on the rows the long ones found
    clauses += [key.like(f"%{_escape_like(w)}%", escape="\\") for w in words.short_words]
    return and_(*clauses)


def _postgres_search(session: Session, words: SearchWords) -> ColumnElement[bool]:
    """The ``pg_trgm`` (or prefix) match, shaped by how many clients it finds.

    PostgreSQL's estimate of a ``LIKE`` match is rough, and the matches of a first name or
    of a name's first letters sit together in the list's name order: expecting them
    spread out, it walked the name index past tens of thousands of rows to reach them
    (“kir”: 174 ms at 50,000 clients). So the matches are counted first, up to
    :data:`FEW_MATCHES` (one bitmap scan of the index): that few are read first
    (``MATERIALIZED``) and sorted; more are left to the planner, whose walk down the
    sorted index then meets matches soon.
    """
    ct = t.ClientTotals
    other = ct.__table__.alias("matching")
    matching = _key_matches(other.c.search_key, words)
    counted = select(other.c.client_id).where(matching).limit(FEW_MATCHES + 1).subquery()
    if (session.scalar(select(func.count()).select_from(counted)) or 0) > FEW_MATCHES:
        return _key_matches(ct.search_key, words)
    found = select(other.c.client_id).where(matching).cte("matches").prefix_with("MATERIALIZED")
    return ct.client_id.in_(select(found.c.client_id))


class ClientService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _clients(self) -> Any:
        ct = t.ClientTotals
        return (
            select(
                t.User.id,
                t.User.full_name,
                t.User.email,
                t.User.phone,
                ct.spent_minor,
                ct.purchases,
                ct.bookings,
                ct.active_bundles,
                ct.last_visit,
            )
            .select_from(t.User)
            .join(ct, ct.client_id == t.User.id)
            .where(t.User.role == Role.CLIENT.value)
        )

    @staticmethod
    def _to_rows(found: Sequence[tuple[Any, ...]]) -> list[r.ClientSummary]:
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
                last_visit=None if last == NEVER else last,
            )
            for user_id, name, email, phone, spent, bought, booked, held, last in found
        ]

    def _searching(self, principal: Principal, search: str) -> SearchWords:
        """The typed words, after checking the caller, rolling the totals' clock to now and
        folding any stale search keys."""
        words = search_words(search)
        with self._ctx.db.read() as session:
            require_staff(session, principal)
        roll_forward(self._ctx.db, self._ctx.now())
        if not (words.words or words.prefix):
            return words
        with self._ctx.db.read() as session:
            stale = self._stale_keys(session)
        for _ in range(MAX_FOLD_PASSES):  # bounded: a key skipped every pass ends it
            if not stale:
                break
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
            self._clients()
            .order_by(func.lower(t.User.full_name), t.User.id)
            .limit(limit)
            .offset(offset)
        )
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            matches = _search_filter(session, words)
            if matches is not None:
                query = query.where(matches)
            return self._to_rows(session.execute(query).all())

    def client_page(self, principal: Principal, request: PageRequest) -> Page[r.ClientSummary]:
        """One page of the client list in the order ``request.sort`` names (a
        :class:`ClientSort`; ties by id), narrowed by ``request.search``: every typed word
        must occur in the client's name, email or phone digits, accents and case ignored
        (a phone number may be typed with spaces, dashes and a national leading 0); one
        or two letters match the start of the name. Staff only.
        """
        words = self._searching(principal, request.search)
        ct = t.ClientTotals
        sorts: dict[str, Sort] = {
            ClientSort.NAME: Sort(
                (func.lower(t.User.full_name.expression), t.User.id.expression), floor=""
            ),
            ClientSort.EMAIL: Sort((t.User.email_key.expression, t.User.id.expression), floor=""),
            ClientSort.PHONE: Sort((t.User.phone.expression, t.User.id.expression), floor=""),
            ClientSort.TOTAL_SPENT: Sort((ct.spent_minor.expression, ct.client_id.expression)),
            ClientSort.PURCHASES: Sort((ct.purchases.expression, ct.client_id.expression)),
            ClientSort.BOOKINGS: Sort((ct.bookings.expression, ct.client_id.expression)),
            ClientSort.ACTIVE_BUNDLES: Sort(
                (ct.active_bundles.expression, ct.client_id.expression)
            ),
            ClientSort.LAST_VISIT: Sort((ct.last_visit.expression, ct.client_id.expression)),
        }
        sort = sort_for(sorts, request)
        query = self._clients()
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            matches = _search_filter(session, words)
            if matches is not None:
                query = query.where(matches)
            return keyset_page(session, query, sort, request, self._to_rows)

    def get_client(self, principal: Principal, client_id: int) -> r.Account:
        """A client's account: for staff, and for the client themself (others: NotFound)."""
        with self._ctx.db.read() as session:
            return mapping.account(require_client_access(session, principal, client_id))
