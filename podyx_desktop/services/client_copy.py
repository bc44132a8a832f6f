"""A client's copy of their own records, as the studio server hands it out: the rows of
the studio's tables the client's window reads, filtered to that client and cleaned of
what is not theirs to hold, incrementally by a cursor into the change log.

The window keeps these rows in a local SQLite database of the same schema and runs the
same read services on it (offline too); writes go to the server. A batch says, per
table, the rows to write, which child rows to replace first (a booking's add-ons and
history come whole with the booking) and, for notes and files, the only ids the copy may
keep (a note the studio retracted or made internal, a revoked file drop out).

What never leaves: other clients' rows, internal notes and every note's history, promo
codes, staff e-mail addresses and phones (a staff member is a name and a role), anyone's
password hash, session tokens, sign-in codes, the audit log, file contents (downloads
stream from the server).

The cursor is the id of the newest ``change_log`` row the batch covers. Ids follow commit
order on both engines (SQLite writers take turns; on PostgreSQL the log row is written
under a transaction lock, see :meth:`podyx_desktop.db.engine.Database.write`), so the rows
after a cursor are exactly the changes committed since. A cursor older than the log's
oldest row, or newer than its newest (a restored database), gets the whole copy again.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, false, func, or_, select, true
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.db.base import Base
from podyx_desktop.db.types import one_of
from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import NotAllowed
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services.context import ServiceContext, require_signed_in

STAFF_EMAIL_DOMAIN = "studio.invalid"
UNUSABLE_HASH = "!copy"  # Argon2 refuses it: nobody signs in against a copy
STAFF_REFUSED = m(
    "The studio server keeps copies for clients; staff seats connect to the studio's "
    "database directly."
)

# the studio's set-up: sent whole whenever any of it changes (small, and the same for all)
CATALOGUE_TABLES = (
    "rooms",
    "setups",
    "services",
    "service_setups",
    "addons",
    "addon_services",
    "bundle_products",
    "bundle_product_setups",
    "bundle_product_services",
)
SETTINGS_TABLES = ("studio", "opening_hours", "closed_dates", "receipt_series")

# a client's entity and its child rows, replaced together
AGGREGATES: dict[Kind, tuple[str, tuple[tuple[str, str], ...]]] = {
    Kind.BOOKINGS: (
        "bookings",
        (("booking_addons", "booking_id"), ("booking_events", "booking_id")),
    ),
    Kind.PURCHASES: (
        "purchases",
        (("purchase_lines", "purchase_id"), ("purchase_vat", "purchase_id")),
    ),
    Kind.BUNDLES: ("bundles", (("bundle_ledger", "bundle_id"),)),
    Kind.NOTES: ("studio_notes", ()),
    Kind.FILES: ("shared_files", ()),
    Kind.WAITLIST: ("waitlist_entries", ()),  # the window asks the server; the feed tells
}

# columns never copied, and what the copy holds instead
CLEANED: dict[str, dict[str, Any]] = {
    "purchases": {"promo_id": None},
    "shared_files": {"content": None},
}
# columns that point at a user: the staff named there come along as names and roles
USER_COLUMNS = ("created_by_id", "issued_by_id", "actor_id", "author_id")

COPY_TABLES: tuple[str, ...] = (
    "users",
    *SETTINGS_TABLES,
    *CATALOGUE_TABLES,
    *(
        name
        for parent, children in AGGREGATES.values()
        for name in (parent, *(c for c, _ in children))
    ),
)


@dataclass(frozen=True)
class CopyBatch:
    """What a client's copy needs since ``cursor``: JSON-ready rows by table."""

    cursor: int
    full: bool
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # table → (column → ids): delete those rows before writing ``rows`` (aggregates' children)
    replace: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    # table → the only ids the copy may keep of it (notes and files it may no longer see)
    keep: dict[str, list[int]] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)

    def to_data(self) -> dict[str, Any]:
        return {
            "cursor": self.cursor,
            "full": self.full,
            "rows": self.rows,
            "replace": self.replace,
            "keep": self.keep,
            "changes": self.changes.to_data(),
        }


def encode(value: Any) -> Any:
    """A column value as JSON: times in ISO 8601 (UTC), bytes in base64."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


class ClientCopyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def batch(self, principal: Principal, cursor: int) -> CopyBatch:
        """The caller's own records changed since ``cursor`` (0: all of them)."""
        with self._ctx.db.read() as session:
            user = require_signed_in(session, principal)
            if user is None or Role(user.role).is_staff:
                raise NotAllowed(STAFF_REFUSED)
            newest, oldest = session.execute(
                select(func.max(t.ChangeLog.id), func.min(t.ChangeLog.id))
            ).one()
            newest, oldest = int(newest or 0), int(oldest or 0)
            changes = Changes.all()
            if 0 < cursor <= newest and cursor + 1 >= oldest:
                texts = session.scalars(
                    select(t.ChangeLog.changes).where(
                        t.ChangeLog.id > cursor, t.ChangeLog.id <= newest
                    )
                )
                changes = Changes.merge_all(Changes.from_json(text or "") for text in texts)
            elif cursor == newest and cursor > 0:
                changes = Changes()
            return _Builder(session, user.id, newest).build(changes)

    def log_audiences(
        self, principal: Principal, after: int, upto: int
    ) -> tuple[int | None, dict[int, tuple[Changes, dict[int, Changes]]]]:
        """Who may hear of each change-log entry ``after`` < id ≤ ``upto`` (the studio
        server's change feed; the system asks): the log's oldest id still kept, and by
        entry, what every client hears and what each client hears of their own records
        (as :meth:`audience`). The owners are looked up once for all the entries."""
        if not principal.is_system:
            raise NotAllowed(m("Only the studio server itself asks who may hear of a change."))
        with self._ctx.db.read() as session:
            oldest = session.scalar(select(func.min(t.ChangeLog.id)))
            rows = session.execute(
                select(t.ChangeLog.id, t.ChangeLog.changes).where(
                    t.ChangeLog.id > after, t.ChangeLog.id <= upto
                )
            ).all()
            by_entry = {int(i): Changes.from_json(text or "") for i, text in rows}
            owner_of = _owner_map(session, Changes.merge_all(by_entry.values()))
        audiences = {entry: _audience(changes, owner_of) for entry, changes in by_entry.items()}
        return (int(oldest) if oldest is not None else None), audiences

    def audience(
        self, principal: Principal, changes: Changes
    ) -> tuple[Changes, dict[int, Changes]]:
        """Who may hear of ``changes`` (the studio server's change feed; the system asks):
        what every client hears (the studio's set-up, staff names, and a client kind
        whose ids are unknown), and what each client hears of their own records. Internal
        notes, the audit log and sign-ins reach nobody."""
        if not principal.is_system:
            raise NotAllowed(m("Only the studio server itself asks who may hear of a change."))
        if changes.everything:
            return Changes.all(), {}
        with self._ctx.db.read() as session:
            return _audience(changes, _owner_map(session, changes))


# (kind, entity id) -> the client whose record it is (a notes entry only if not internal)
_Owners = dict[tuple[Kind, int], int]


def _owner_map(session: Session, changes: Changes) -> _Owners:
    """Whose record each id in ``changes`` is: one query per kind."""
    owners: _Owners = {}
    for kind, ids in changes.ids.items():
        if ids is not None and (kind is Kind.CLIENTS or kind in AGGREGATES):
            for entity_id, client_id in _owners(session, kind, ids):
                owners[(kind, entity_id)] = client_id
    return owners


def _audience(changes: Changes, owners: _Owners) -> tuple[Changes, dict[int, Changes]]:
    """What every client hears of ``changes`` (the studio's set-up, staff names, a client
    kind whose ids are unknown) and what each client hears of their own records."""
    everyone = Changes()
    own: dict[int, Changes] = {}
    if changes.everything:
        return Changes.all(), own
    for kind, ids in changes.ids.items():
        if kind in (Kind.CATALOGUE, Kind.SETTINGS, Kind.STAFF):
            everyone = everyone.merge(Changes.of(kind))
        elif kind is Kind.CLIENTS or kind in AGGREGATES:
            if ids is None:
                everyone = everyone.merge(Changes.of(kind))
                continue
            for entity_id in sorted(ids):
                client_id = owners.get((kind, entity_id))
                if client_id is not None:
                    own[client_id] = own.get(client_id, Changes()).merge(
                        Changes.of_ids(kind, (entity_id,))
                    )
    return everyone, own


def _owners(session: Session, kind: Kind, ids: frozenset[int]) -> list[tuple[int, int]]:
    if not ids:
        return []
    if kind is Kind.CLIENTS:
        users = Base.metadata.tables["users"]
        rows = session.execute(
            select(users.c.id, users.c.id).where(
                one_of(session, users.c.id, sorted(ids)), users.c.role == Role.CLIENT.value
            )
        )
        return [(int(a), int(b)) for a, b in rows]
    table = Base.metadata.tables[AGGREGATES[kind][0]]
    where = one_of(session, table.c.id, sorted(ids)) & table.c.client_id.is_not(None)
    if kind is Kind.NOTES:
        where = where & (table.c.internal == false())
    rows = session.execute(select(table.c.id, table.c.client_id).where(where))
    return [(int(a), int(b)) for a, b in rows]


class _Builder:
    def __init__(self, session: Session, client_id: int, cursor: int) -> None:
        self.session = session
        self.client_id = client_id
        self.cursor = cursor
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.replace: dict[str, dict[str, list[int]]] = {}
        self.keep: dict[str, list[int]] = {}
        self.sent = Changes()
        self.staff_ids: set[int] = set()

    def build(self, changes: Changes) -> CopyBatch:
        full = changes.everything
        for kind in changes.kinds:
            ids = None if full else changes.ids.get(kind)
            if kind in AGGREGATES:
                self._aggregate(kind, ids)
            elif kind is Kind.CATALOGUE:
                self._catalogue()
            elif kind is Kind.SETTINGS:
                self._whole(Kind.SETTINGS, SETTINGS_TABLES)
            elif kind is Kind.CLIENTS and (ids is None or self.client_id in ids):
                self._own_account()
            elif kind is Kind.STAFF:
                self.staff_ids.update(
                    self._ids(select(t.User.id).where(t.User.role != Role.CLIENT.value))
                )
                self.sent = self.sent.merge(Changes.of(Kind.STAFF))
        self._staff_stubs()
        return CopyBatch(self.cursor, full, self.rows, self.replace, self.keep, self.sent)

    # --- reading ------------------------------------------------------------------------

    def _table(self, name: str) -> Table:
        return Base.metadata.tables[name]

    def _ids(self, statement: Any) -> list[int]:
        return [int(i) for i in self.session.scalars(statement)]

    def _add(self, name: str, where: ColumnElement[bool] | None = None) -> list[dict[str, Any]]:
        table = self._table(name)
        statement = select(table)
        if where is not None:
            statement = statement.where(where)
        cleaned = CLEANED.get(name, {})
        out = self.rows.setdefault(name, [])
        added = []
        for row in self.session.execute(statement.order_by(*table.primary_key.columns)):
            values = dict(row._mapping)
            values.update(cleaned)
            for column in USER_COLUMNS:
                if isinstance(values.get(column), int) and values[column] != self.client_id:
                    self.staff_ids.add(values[column])
            added.append({key: encode(value) for key, value in values.items()})
        out.extend(added)
        return added

    # --- the parts ----------------------------------------------------------------------

    def _visible(self, kind: Kind, table: Table) -> ColumnElement[bool]:
        mine = table.c.client_id == self.client_id
        if kind is Kind.NOTES:
            return mine & (table.c.internal == false()) & table.c.retracted_at.is_(None)
        if kind is Kind.FILES:
            return mine & table.c.revoked_at.is_(None)
        return mine

    def _aggregate(self, kind: Kind, ids: frozenset[int] | None) -> None:
        parent_name, children = AGGREGATES[kind]
        parent = self._table(parent_name)
        visible = self._visible(kind, parent)
        if ids is not None and not ids:
            return
        shown = self._ids(select(parent.c.id).where(visible).order_by(parent.c.id))
        if ids is not None:
            # ``ids`` are every client's changed since the cursor (they grow with the
            # studio's traffic); the client's own are few: intersect here, not in an IN list
            shown = [i for i in shown if i in ids]
        if ids is not None and kind in (Kind.NOTES, Kind.FILES):
            # a note retracted or made internal, a file revoked: the copy keeps only the
            # ids still shown (listing the others would name internal notes)
            self.keep[parent_name] = self._ids(
                select(parent.c.id).where(self._visible(kind, parent)).order_by(parent.c.id)
            )
            # the changed ids the client may know of: their own, never an internal note's
            theirs = one_of(self.session, parent.c.id, sorted(ids)) & (
                parent.c.client_id == self.client_id
            )
            if kind is Kind.NOTES:
                theirs = theirs & (parent.c.internal == false())
            self.sent = self.sent.merge(
                Changes.of_ids(kind, self._ids(select(parent.c.id).where(theirs)))
            )
        if not shown and ids is not None:
            return
        self._add(
            parent_name, one_of(self.session, parent.c.id, shown) if ids is not None else visible
        )
        for child_name, column in children:
            child = self._table(child_name)
            parents = select(parent.c.id).where(visible)
            self._add(
                child_name,
                one_of(self.session, child.c[column], shown)
                if ids is not None
                else child.c[column].in_(parents),
            )
            if ids is not None:
                self.replace.setdefault(child_name, {})[column] = shown
        if kind is Kind.BOOKINGS:
            self._hidden_addons_of(shown if ids is not None else None)
        self.sent = self.sent.merge(
            Changes.of_ids(kind, shown) if ids is not None else Changes.of(kind)
        )
        if ids is None:
            # the whole kind: the copy drops the rows of it it holds (they are all its
            # client's) and writes these
            for name in (parent_name, *(child for child, _ in children)):
                self.replace.setdefault(name, {})["*"] = []

    def _hidden_addons_of(self, booking_ids: Sequence[int] | None) -> None:
        """Add-ons hidden from clients travel only when one of the client's bookings has one."""
        addons = self._table("addons")
        booked = select(t.BookingAddon.addon_id).join(
            t.Booking, t.Booking.id == t.BookingAddon.booking_id
        )
        booked = booked.where(t.Booking.client_id == self.client_id)
        if booking_ids is not None:
            booked = booked.where(t.Booking.id.in_(booking_ids))
        hidden = self._ids(
            select(addons.c.id).where(
                addons.c.hidden_from_clients == true(), addons.c.id.in_(booked)
            )
        )
        if hidden:
            self._add("addons", addons.c.id.in_(hidden))

    def _catalogue(self) -> None:
        addons = self._table("addons")
        booked = (
            select(t.BookingAddon.addon_id)
            .join(t.Booking, t.Booking.id == t.BookingAddon.booking_id)
            .where(t.Booking.client_id == self.client_id)
        )
        offered = or_(addons.c.hidden_from_clients == false(), addons.c.id.in_(booked))
        for name in CATALOGUE_TABLES:
            self.replace.setdefault(name, {})["*"] = []
            if name == "addons":
                self._add(name, offered)
            elif name == "addon_services":
                self._add(
                    name, self._table(name).c.addon_id.in_(select(addons.c.id).where(offered))
                )
            else:
                self._add(name)
        self.sent = self.sent.merge(Changes.of(Kind.CATALOGUE))

    def _whole(self, kind: Kind, names: Iterable[str]) -> None:
        for name in names:
            self.replace.setdefault(name, {})["*"] = []
            self._add(name)
        self.sent = self.sent.merge(Changes.of(kind))

    def _own_account(self) -> None:
        users = self._table("users")
        for row in self._add("users", users.c.id == self.client_id):
            row.update(password_hash=UNUSABLE_HASH, failed_logins=0, locked_until=None)
        self.sent = self.sent.merge(Changes.of_ids(Kind.CLIENTS, [self.client_id]))

    def _staff_stubs(self) -> None:
        """The staff the copy's rows name: a name, a role, nothing to reach them by."""
        ids = sorted(self.staff_ids - {row["id"] for row in self.rows.get("users", [])})
        if not ids:
            return
        users = self._table("users")
        mine = one_of(self.session, users.c.id, ids) & (users.c.role != Role.CLIENT.value)
        for row in self._add("users", mine):
            stub_email = f"staff-{row['id']}@{STAFF_EMAIL_DOMAIN}"
            row.update(
                email=stub_email,
                email_key=stub_email,
                phone="",
                password_hash=UNUSABLE_HASH,
                failed_logins=0,
                locked_until=None,
                company="",
                vat_id="",
                address_line1="",
                address_line2="",
                postal_code="",
                city="",
                country="",
                store_credit_minor=0,
            )
