"""Reads over a plain DB-API connection (sqlite3 or psycopg), for the app's start-up.

Importing SQLAlchemy and building its ORM takes the desktop app about 280 ms, while the
reads it needs to open its main window (the studio, the remembered session, a client's
first bookings) are a handful of queries. :func:`open_reader` serves those with the
database's own driver, so the window opens filled before SQLAlchemy is imported; every
other read and every write goes through :class:`podyx_desktop.db.engine.Database`.

The reader only reads, and only a database it can vouch for: when the SQLite file does not
exist yet, or the schema is not exactly this app's newest (:data:`HEAD_REVISION`), or the
file is not a database at all, :func:`open_reader` gives None, and start-up takes the full
path, which creates, upgrades or explains. A PostgreSQL server that cannot be reached is
explained here, in the same words the engine uses, so the app does not wait for it twice.

Values come back as the ORM gives them (:class:`podyx_desktop.db.types.UTCDateTime`):
timestamps as aware UTC datetimes, booleans as bools.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from podyx_desktop.db.urls import (
    APPLICATION_NAME,
    CONNECT_TIMEOUT_S,
    SQLITE_BUSY_TIMEOUT_S,
    describe_connect_error,
    postgres_conninfo,
    refuse_network_share,
    server_address,
    sqlite_path,
)
from podyx_desktop.domain.errors import DatabaseProblem

log = logging.getLogger(__name__)

# The newest migration's revision; tests/db/test_engine.py keeps it equal to the scripts' head.
HEAD_REVISION = "0015"

Row = dict[str, Any]


class DirectReader:
    """Read-only queries on one connection, written with ``?`` placeholders."""

    def __init__(self, connection: Any, *, is_sqlite: bool) -> None:
        self._connection = connection
        self.is_sqlite = is_sqlite

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """The rows of one query, each a dict of column name to value."""
        if not self.is_sqlite:
            sql = sql.replace("?", "%s")
        cursor = self._connection.execute(sql, tuple(params))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def first(self, sql: str, params: Sequence[object] = ()) -> Row | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    @staticmethod
    def marks(count: int) -> str:
        """``?, ?, …`` for an ``IN (…)`` of ``count`` values."""
        return ", ".join("?" * count)

    def stamp(self, when: datetime) -> object:
        """An aware datetime as the database stores it (as ``UTCDateTime`` binds it)."""
        utc = when.astimezone(UTC)
        if self.is_sqlite:
            return utc.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        return utc

    @staticmethod
    def when(value: object) -> datetime | None:
        """A stored timestamp as an aware UTC datetime (None stays None)."""
        if value is None:
            return None
        if isinstance(value, str):  # SQLite: naive UTC text
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One snapshot for the reads inside; rolled back at the end (nothing is written)."""
        if self.is_sqlite:  # autocommit mode: begin explicitly (psycopg begins by itself)
            self._connection.execute("BEGIN")
        try:
            yield
        finally:
            if not self.is_sqlite:
                self._connection.rollback()
            elif self._connection.in_transaction:
                self._connection.execute("ROLLBACK")

    def schema_is_current(self) -> bool:
        """Whether the one stored schema version is :data:`HEAD_REVISION` (False when
        there is no version table, as in an empty database)."""
        with self.transaction():
            try:
                versions = self.rows("SELECT version_num FROM alembic_version")
            except Exception as error:  # no such table: sqlite3 and psycopg differ
                if _is_undefined_table(error):
                    return False
                raise
        return len(versions) == 1 and versions[0]["version_num"] == HEAD_REVISION

    def close(self) -> None:
        self._connection.close()


def _is_undefined_table(error: Exception) -> bool:
    if isinstance(error, sqlite3.OperationalError):
        return "no such table" in str(error)
    return getattr(error, "sqlstate", None) == "42P01"  # PostgreSQL: undefined_table


@contextmanager
def open_reader(database_url: str) -> Iterator[DirectReader | None]:
    """A reader on ``database_url`` when its schema is current; None when the full path
    must run first (no database yet, an older schema, not a Podyx database, or a kind of
    URL this module does not know). Raises :class:`DatabaseProblem` for a SQLite file on a
    network share and for a PostgreSQL server that cannot be reached."""
    reader = _connect(database_url)
    if reader is None:
        yield None
        return
    try:
        current = reader.schema_is_current()
    except Exception as error:  # not a Podyx database, no rights, …: the full path explains
        log.info("Start-up takes the full path: %s", error)
        current = False
    try:
        yield reader if current else None
    finally:
        reader.close()


def _connect(database_url: str) -> DirectReader | None:
    path = sqlite_path(database_url)
    if path is not None:
        return _connect_sqlite(path)
    conninfo = postgres_conninfo(database_url)
    if conninfo is not None:
        return _connect_postgres(conninfo, server_address(database_url))
    return None


def _connect_sqlite(path: Path) -> DirectReader | None:
    refuse_network_share(path)
    if not path.is_file():
        return None
    uri = f"{path.absolute().as_uri()}?mode=rw"  # never creates the file
    try:
        connection = sqlite3.connect(
            uri,
            uri=True,
            timeout=SQLITE_BUSY_TIMEOUT_S,
            isolation_level=None,  # transactions are explicit (DirectReader.transaction)
            check_same_thread=False,
        )
        connection.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError:  # not a database: the full path explains
        return None
    return DirectReader(connection, is_sqlite=True)


def _connect_postgres(conninfo: str, address: str) -> DirectReader:
    import psycopg

    try:
        connection = psycopg.connect(
            conninfo, connect_timeout=CONNECT_TIMEOUT_S, application_name=APPLICATION_NAME
        )
    except psycopg.OperationalError as error:
        raise DatabaseProblem(describe_connect_error(address, error)) from error
    connection.read_only = True
    return DirectReader(connection, is_sqlite=False)
