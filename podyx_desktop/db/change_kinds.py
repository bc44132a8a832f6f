"""Which :class:`Kind` a write to each table changes, and the recorder a write session uses.

The unit of work (:meth:`podyx_desktop.db.engine.Database.write`) attaches a
:class:`ChangeRecorder` to its session; SQLAlchemy's session events feed it every ORM
object flushed (``after_flush``) and every ``session.execute(update/insert/delete(...))``
(``do_orm_execute``). Services therefore say what changed without saying anything: the
map below is the one place that knows which table is which kind of entity.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Table, inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, BooleanClauseList

from podyx_desktop.domain.changes import Changes, Kind

# table name → the kind of entity a change to it changes
TABLE_KINDS: dict[str, Kind] = {
    "users": Kind.CLIENTS,  # STAFF for a staff account's row, see kinds_of_user
    "bookings": Kind.BOOKINGS,
    "booking_addons": Kind.BOOKINGS,
    "booking_events": Kind.BOOKINGS,
    "purchases": Kind.PURCHASES,
    "purchase_lines": Kind.PURCHASES,
    "purchase_vat": Kind.PURCHASES,
    "receipt_counters": Kind.PURCHASES,
    "bundles": Kind.BUNDLES,
    "bundle_ledger": Kind.BUNDLES,
    "studio_notes": Kind.NOTES,
    "note_revisions": Kind.NOTES,
    "shared_files": Kind.FILES,
    "file_chunks": Kind.FILES,
    "rooms": Kind.CATALOGUE,
    "setups": Kind.CATALOGUE,
    "services": Kind.CATALOGUE,
    "service_setups": Kind.CATALOGUE,
    "addons": Kind.CATALOGUE,
    "addon_services": Kind.CATALOGUE,
    "bundle_products": Kind.CATALOGUE,
    "bundle_product_setups": Kind.CATALOGUE,
    "bundle_product_services": Kind.CATALOGUE,
    "promo_codes": Kind.CATALOGUE,
    "promo_targets": Kind.CATALOGUE,
    "studio": Kind.SETTINGS,
    "opening_hours": Kind.SETTINGS,
    "closed_dates": Kind.SETTINGS,
    "receipt_series": Kind.SETTINGS,
    "audit_log": Kind.AUDIT,
    "session_tokens": Kind.SESSIONS,
    "sign_in_codes": Kind.SESSIONS,
    "waitlist_entries": Kind.WAITLIST,
}

# Tables whose writes are no change to report: the feed's own table, and the client
# list's totals (their triggers change them with the purchases and bookings, which are
# reported; a refolded search key changes nothing anyone sees), and the reminders shown
# (the client's computers ask for due reminders; nobody's screen shows that table).
NOT_CHANGES = frozenset({"change_log", "client_totals", "client_totals_clock", "reminders_shown"})

# The column holding the id of the entity a row belongs to (a booking's add-on: its
# booking). Tables absent here record their kind without ids: a catalogue change names
# a room, a setup or a service, whose ids would mean nothing side by side.
ENTITY_ID: dict[str, str] = {
    "users": "id",
    "bookings": "id",
    "booking_addons": "booking_id",
    "booking_events": "booking_id",
    "purchases": "id",
    "purchase_lines": "purchase_id",
    "purchase_vat": "purchase_id",
    "bundles": "id",
    "bundle_ledger": "bundle_id",
    "studio_notes": "id",
    "note_revisions": "note_id",
    "shared_files": "id",
    "audit_log": "id",
    "session_tokens": "id",
    "waitlist_entries": "id",
}

# Rows that are part of an entity recorded with its id in the same transaction: a receipt
# counter moves only when a receipt or credit note is numbered, and that purchase is
# written (with its id) alongside. They mark the kind changed without making its ids
# unknown.
PART_OF_ANOTHER_ROW = frozenset({"receipt_counters", "file_chunks"})

STAFF_ROLES = frozenset({"front_desk", "manager", "owner"})


def kind_of_role(role: object) -> Kind:
    return Kind.STAFF if role in STAFF_ROLES else Kind.CLIENTS


class ChangeRecorder:
    """What one write transaction has changed so far."""

    def __init__(self) -> None:
        self.changes = Changes()

    def add(self, changes: Changes) -> None:
        self.changes = self.changes.merge(changes)

    def add_row(self, table: str, entity_id: object) -> None:
        kind = TABLE_KINDS[table]  # KeyError: a new table nobody mapped (a test checks)
        if table in PART_OF_ANOTHER_ROW:
            self.add(Changes.of_ids(kind, ()))
        elif isinstance(entity_id, int):
            self.add(Changes.of_ids(kind, (entity_id,)))
        else:
            self.add(Changes.of(kind))

    def add_object(self, obj: object) -> None:
        table = _table_of(obj)
        if table is None or table.name in NOT_CHANGES:
            return
        column = ENTITY_ID.get(table.name)
        entity_id = getattr(obj, column, None) if column else None
        if table.name == "users":
            # a client's row or a staff account's; a role change is both
            roles = {getattr(obj, "role", None), *inspect(obj).attrs.role.history.deleted}
            for kind in {kind_of_role(role) for role in roles}:
                self.add(
                    Changes.of_ids(kind, (entity_id,))
                    if isinstance(entity_id, int)
                    else Changes.of(kind)
                )
            return
        self.add_row(table.name, entity_id)

    def add_statement(self, table: Table, statement: Any) -> None:
        if table.name in NOT_CHANGES:
            return
        column = ENTITY_ID.get(table.name)
        entity_id = _id_named_by(statement, table, column) if column else None
        # users: a statement's rows could be anyone's; the statements services run on
        # users (store credit, failed sign-ins) concern clients
        self.add_row(table.name, entity_id)


def _table_of(obj: object) -> Table | None:
    mapper = inspect(obj, raiseerr=False)
    if mapper is None:
        return None
    local = mapper.mapper.local_table
    return local if isinstance(local, Table) else None


def _id_named_by(statement: Any, table: Table, column: str) -> int | None:
    """The id an UPDATE or DELETE names with ``WHERE <column> = <value>`` (possibly among
    other conditions joined by AND); None for anything less trivial (an INSERT, IN, OR)."""
    where = getattr(statement, "whereclause", None)
    if where is None:
        return None
    clauses: list[ColumnElement[Any]] = (
        list(where.clauses)
        if isinstance(where, BooleanClauseList) and where.operator is operators.and_
        else [where]
    )
    for clause in clauses:
        if not isinstance(clause, BinaryExpression) or clause.operator is not operators.eq:
            continue
        left, right = clause.left, clause.right
        if isinstance(left, BindParameter):
            left, right = right, left
        # the statement's columns are annotated copies: compare names, not objects
        named = (
            getattr(getattr(left, "table", None), "name", None) == table.name
            and getattr(left, "name", None) == column
        )
        if named and isinstance(right, BindParameter) and isinstance(right.value, int):
            return right.value
    return None


RECORDER = "podyx_change_recorder"


def recorder_of(session: Session) -> ChangeRecorder | None:
    recorder = session.info.get(RECORDER)
    return recorder if isinstance(recorder, ChangeRecorder) else None


def record_flush(session: Session, _flush_context: UOWTransaction) -> None:
    """``after_flush``: every object the flush inserted, updated or deleted."""
    recorder = recorder_of(session)
    if recorder is None:
        return
    for obj in session.new:
        recorder.add_object(obj)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            recorder.add_object(obj)
    for obj in session.deleted:
        recorder.add_object(obj)


def record_statement(state: ORMExecuteState) -> None:
    """``do_orm_execute``: an UPDATE, INSERT or DELETE statement run through the session."""
    if not (state.is_update or state.is_insert or state.is_delete):
        return
    recorder = recorder_of(state.session)
    if recorder is None:
        return
    table = getattr(state.statement, "table", None)
    if isinstance(table, Table):
        recorder.add_statement(table, state.statement)
    else:  # not a plain table (never written by the services): say the worst
        recorder.add(Changes.all())
