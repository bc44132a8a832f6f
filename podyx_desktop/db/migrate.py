"""Create, upgrade, check and back up a database.

An upgrade refuses a database newer than this app, backs a SQLite file up first (SQLite's
online backup API) and, on PostgreSQL, holds an advisory lock so one seat migrates while
the others wait.

Alembic is imported only when it is needed: when the schema is current (every start-up
but the first after an update), :func:`upgrade_to_head` compares the stored version with
:data:`HEAD_REVISION` in one query and returns, which saves the desktop app ~100 ms of
importing alembic and parsing the migration scripts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from podyx_desktop.db.direct import HEAD_REVISION
from podyx_desktop.db.engine import Database, describe_connect_error
from podyx_desktop.domain.errors import DatabaseMissing, DatabaseProblem
from podyx_desktop.domain.message import m

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ADVISORY_LOCK_KEY = 0x50_6F_64_79  # "Pody"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


@dataclass(frozen=True)
class SchemaState:
    revision: str | None  # None: an empty database
    head: str
    has_tables: bool

    @property
    def is_current(self) -> bool:
        return self.revision == self.head

    @property
    def is_newer(self) -> bool:
        return self.revision is not None and self.revision not in known_revisions()


def _state(connection: Connection) -> SchemaState:
    from alembic.runtime.migration import MigrationContext

    revision = MigrationContext.configure(connection).get_current_revision()
    has_tables = bool(inspect(connection).get_table_names())
    return SchemaState(revision, head_revision(), has_tables)


def _connect_error(database: Database, error: Exception) -> DatabaseProblem:
    if database.is_sqlite:
        return DatabaseProblem(
            m(
                "{path} cannot be opened as a SQLite database "
                "({reason}). Check the path and that it is a "
                "Podyx database file.",
                path=database.url.database,
                reason=str(getattr(error, "orig", error)).strip(),
            )
        )
    return DatabaseProblem(describe_connect_error(database.url, error))


def schema_state(database: Database) -> SchemaState:
    try:
        with database.engine.connect() as connection:
            return _state(connection)
    except (OperationalError, DatabaseError) as error:
        raise _connect_error(database, error) from error


def refuse_newer(state: SchemaState) -> None:
    if state.is_newer:
        raise DatabaseProblem(
            m(
                "This database was upgraded by a newer Podyx Desktop (schema {revision}); "
                "this version knows up to {head}. Install the newer version on this machine.",
                revision=state.revision,
                head=state.head,
            )
        )


def backup_sqlite(database: Database, destination: Path) -> Path:
    """A consistent copy of a SQLite database, safe while other seats use it."""
    source_path = Path(database.url.database or "")
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    try:
        target = sqlite3.connect(destination)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return destination


def _is_at_head(database: Database) -> bool:
    """Whether the database's one stored schema version is :data:`HEAD_REVISION`, in one
    query without alembic. False on any doubt (no version table, several rows, a file
    that is not a database): the full check then runs and explains what is wrong."""
    try:
        with database.engine.connect() as connection:
            try:
                rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
            except (OperationalError, DatabaseError):
                return False
    except (OperationalError, DatabaseError) as error:  # cannot connect at all
        raise _connect_error(database, error) from error
    return len(rows) == 1 and rows[0][0] == HEAD_REVISION


CREATE_HINT = m(
    "Choose another database, or ask the studio's IT to create it with "
    "“podyx-admin init” (or “podyx-admin demo” for a demo studio)."
)


def require_existing(database: Database) -> None:
    """Refuse a database that is not there yet: a SQLite file or folder that does not
    exist, or a database without Podyx's tables. The desktop window opens databases; only
    ``podyx-admin`` creates them (and the window its own embedded file, on a first run).
    Checked before connecting: SQLite would create a missing file on connect."""
    if database.is_sqlite:
        path = Path(database.url.database or "")
        if not path.parent.is_dir():
            raise DatabaseMissing(
                m(
                    "The folder {folder} does not exist, so there is no database at {path}. {hint}",
                    folder=path.parent,
                    path=path,
                    hint=CREATE_HINT,
                )
            )
        if not path.is_file():
            raise DatabaseMissing(
                m("There is no database at {path}. {hint}", path=path, hint=CREATE_HINT)
            )
        if path.stat().st_size == 0:  # connecting would already write SQLite's header
            raise DatabaseMissing(_empty(str(path)))
    state = schema_state(database)
    if state.revision is None and not state.has_tables:
        raise DatabaseMissing(
            _empty(database.url.database if database.is_sqlite else database.display_url)
        )


def _empty(where: str | None) -> str:
    return m(
        "The database at {where} is empty: it has no Podyx tables yet. {hint}",
        where=where,
        hint=CREATE_HINT,
    )


def upgrade_to_head(database: Database, *, backup_dir: Path | None = None) -> Path | None:
    """Create or upgrade the schema; returns the backup taken first, if any."""
    if database.is_sqlite:
        path = Path(database.url.database or "")
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseProblem(
                    m(
                        "Cannot create the folder {parent} ({reason}). Choose a "
                        "folder you can write to.",
                        parent=path.parent,
                        reason=error.strerror,
                    )
                ) from None
    if _is_at_head(database):
        return None
    state = schema_state(database)
    refuse_newer(state)
    if state.is_current:
        return None
    if state.revision is None and state.has_tables:
        raise DatabaseProblem(
            m(
                "This database has tables but no Podyx schema version; it is not a Podyx "
                "database. Point Podyx at an empty database or a Podyx one."
            )
        )
    backup: Path | None = None
    if database.is_sqlite and state.revision is not None:
        path = Path(database.url.database or "")
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        folder = backup_dir or path.parent / "backups"
        backup = backup_sqlite(database, folder / f"{path.stem}-{state.revision}-{stamp}.sqlite3")
    from alembic import command

    config = alembic_config()
    try:
        with database.engine.begin() as connection:
            if not database.is_sqlite:
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY}
                )
                if _state(connection).is_current:  # another seat migrated while we waited
                    return backup
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        raise _connect_error(database, error) from error
    return backup


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]
    revision: str | None
    head: str

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(database: Database) -> CheckReport:
    """Schema version and integrity; every problem is a sentence."""
    state = schema_state(database)
    problems: list[str] = []
    if state.revision is None:
        problems.append("The database has no Podyx schema. Run `podyx-admin init`.")
    elif state.is_newer:
        problems.append(
            f"The schema ({state.revision}) is newer than this app ({state.head}); upgrade the app."
        )
    elif not state.is_current:
        problems.append(
            f"The schema ({state.revision}) is older than this app ({state.head}). Run "
            "`podyx-admin init` to upgrade it (a backup is taken first)."
        )
    with database.engine.connect() as connection:
        if database.is_sqlite:
            rows = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            if rows != ["ok"]:
                problems.extend(f"Integrity: {row}" for row in rows[:20])
            fk = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if fk:
                problems.append(f"{len(fk)} rows refer to rows that do not exist (foreign keys).")
        else:
            connection.execute(text("SELECT 1"))
        if state.revision is not None and not state.is_newer:
            # Each live booking against the latest end among the room's earlier ones: a
            # window query, linear in the bookings, where a self-join was quadratic.
            overlaps = connection.execute(
                text(
                    "SELECT count(*) FROM (SELECT starts_at, max(blocked_until) OVER ("
                    "PARTITION BY room_id ORDER BY starts_at, id "
                    "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end "
                    "FROM bookings WHERE status <> 'canceled') AS live "
                    "WHERE earlier_end > starts_at"
                )
            ).scalar_one()
            if overlaps:
                problems.append(f"{overlaps} bookings overlap an earlier booking of their room.")
            negative = connection.execute(
                text("SELECT count(*) FROM bundles WHERE sessions_remaining < 0")
            ).scalar_one()
            if negative:
                problems.append(f"{negative} bundles have a negative balance.")
    return CheckReport(tuple(problems), state.revision, state.head)


def compared(dialect: str) -> Callable[..., bool]:
    """Alembic's ``include_object`` for comparing a migrated schema with the tables: not
    SQLite's FTS5 table of client search keys and its shadow tables, nor on SQLite the
    PostgreSQL-only trigram index (both made by migration 0006 for one engine only)."""

    def include(_item: object, name: str | None, kind: str, _reflected: bool, _to: object) -> bool:
        if kind == "table" and name is not None and name.startswith("client_search"):
            return False
        return not (
            dialect == "sqlite" and kind == "index" and name == "ix_client_totals_search_trgm"
        )

    return include
