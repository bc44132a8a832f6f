"""Engines for SQLite and PostgreSQL, and the unit of work every service call runs in.

SQLite: WAL, foreign keys, a busy timeout, ``synchronous=FULL``, and write transactions
that begin with ``BEGIN IMMEDIATE`` so two writers serialise instead of failing midway.
PostgreSQL (psycopg 3): read committed; exclusion constraints and conditional updates
keep concurrent writers honest. Its read units run in autocommit: under read committed
each statement sees what was committed when it began, inside a transaction or not, so
``BEGIN`` and ``ROLLBACK`` were two round trips that bought nothing (a read that streams
through a server-side cursor still gets its transaction: ``read(stream=True)``).

Each write records what it changed (:mod:`.change_kinds`) and tells the other seats at
commit (:mod:`.feed`): PostgreSQL in the NOTIFY payload, SQLite in a ``change_log`` row
written in the same transaction. :meth:`Database.collect_changes` hands the same value to
the caller that ran the write.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, insert, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from podyx_desktop.db import feed, urls
from podyx_desktop.db.change_kinds import RECORDER, ChangeRecorder, record_flush, record_statement
from podyx_desktop.db.feed import CHANGE_CHANNEL as CHANGE_CHANNEL
from podyx_desktop.db.feed import Collected
from podyx_desktop.db.urls import (
    APPLICATION_NAME,
    CONNECT_TIMEOUT_S,
    POSTGRES_LOCK_TIMEOUT_S,
    SQLITE_BUSY_TIMEOUT_S,
    refuse_network_share,
)
from podyx_desktop.db.urls import (
    sqlite_url as sqlite_url,
)
from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.errors import Conflict, DatabaseBusy, DatabaseProblem, TimeTaken
from podyx_desktop.domain.message import m

EXCLUSION_VIOLATION = "23P01"
# PostgreSQL gave up on the transaction because of another seat's; running it again works
WRITE_COLLISIONS = frozenset({"40001", "40P01"})  # serialization failure, deadlock
# PostgreSQL: a lock another seat holds was not released within ``lock_timeout``
LOCK_NOT_AVAILABLE = "55P03"
# SQLite: the file stayed locked by another connection past the busy timeout
SQLITE_BUSY_WORDS = ("database is locked", "database is busy", "database table is locked")
COLLISION_MESSAGE = m(
    "Another seat was changing the same records at the same moment, so nothing was saved. "
    "Please try again."
)


def parse_url(raw: str) -> URL:
    """Parse and normalise a database URL, or explain what a valid one looks like."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise DatabaseProblem(
            m(
                "“{raw}” is not a database URL. Use sqlite:///PATH/TO/FILE.sqlite3 or "
                "postgresql://USER@HOST:PORT/DATABASE.",
                raw=raw,
            )
        ) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.drivername != "sqlite":
            url = url.set(drivername="sqlite")
        if not url.database or url.database == ":memory:":
            raise DatabaseProblem(
                m("Podyx needs a SQLite file, not an in-memory database: use sqlite:///PATH.")
            )
        return url
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    raise DatabaseProblem(
        m(
            "Podyx does not support “{drivername}” databases. Use sqlite:///PATH or "
            "postgresql://USER@HOST:PORT/DATABASE.",
            drivername=url.drivername,
        )
    )


def _sqlite_engine(url: URL, busy_timeout_s: float) -> Engine:
    path = Path(url.database or "")
    refuse_network_share(path)
    engine = create_engine(
        url, connect_args={"timeout": busy_timeout_s, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get("podyx_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def make_engine(raw_url: str, *, lock_timeout_s: float | None = None, **options: Any) -> Engine:
    """An engine for ``raw_url``. ``lock_timeout_s``: how long a write waits for another
    connection's lock before it gives up with :class:`DatabaseBusy` (SQLite's busy
    timeout, PostgreSQL's ``lock_timeout``); the defaults are in :mod:`db.urls`."""
    url = parse_url(raw_url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, lock_timeout_s or SQLITE_BUSY_TIMEOUT_S)
    lock_ms = int((lock_timeout_s or POSTGRES_LOCK_TIMEOUT_S) * 1000)
    connect_args = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": APPLICATION_NAME,
        "options": f"-c lock_timeout={lock_ms}",
    }
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args, **options)


def describe_connect_error(url: URL, error: Exception) -> str:
    return urls.describe_connect_error(f"{url.host or 'localhost'}:{url.port or 5432}", error)


# the one-key advisory lock that orders change_log rows by commit (PostgreSQL)
CHANGE_LOG_LOCK = 0x506F6479784C6F67 & 0x7FFFFFFFFFFFFFFF  # "PodyxLog"
_LOG_AND_NOTIFY = text(
    "WITH held AS MATERIALIZED (SELECT pg_advisory_xact_lock(:key)), "
    "logged AS (INSERT INTO change_log (seat, changes, at) "
    "SELECT :seat, :changes, :at FROM held RETURNING id) "
    "SELECT id FROM logged, "
    "LATERAL (SELECT pg_notify(:channel, :before || logged.id || :after)) AS notified"
)


class Database:
    """One database: the engine plus read and write units of work."""

    def __init__(
        self, raw_url: str, engine: Engine | None = None, *, lock_timeout_s: float | None = None
    ) -> None:
        self.url = parse_url(raw_url)
        self.engine = engine or make_engine(raw_url, lock_timeout_s=lock_timeout_s)
        self._writer = self.engine.execution_options(podyx_write=True)
        self._stream_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = (
            self._stream_sessions
            if self.is_sqlite  # a read transaction is SQLite's one snapshot of the file
            else sessionmaker(
                self.engine.execution_options(isolation_level="AUTOCOMMIT"),
                expire_on_commit=False,
            )
        )
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        event.listen(self._write_sessions, "after_flush", record_flush)
        event.listen(self._write_sessions, "do_orm_execute", record_statement)

    @property
    def seat_id(self) -> str:
        """This process's seat: other seats' watchers deliver its changes, its own do not."""
        return feed.SEAT_ID

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self, *, stream: bool = False) -> Iterator[Session]:
        """A read-only unit of work (its transaction, if any, is rolled back at the end).

        ``stream``: the block reads rows in batches (``yield_per``), which PostgreSQL
        serves from a cursor that lives in a transaction."""
        sessions = self._stream_sessions if stream else self._read_sessions
        with self._translate(), sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back everything on error.

        What it changed goes to the other seats in the same transaction and, once
        committed, to every :meth:`collect_changes` block open on this thread."""
        recorder = ChangeRecorder()
        with self._translate(), self._write_sessions(info={RECORDER: recorder}) as session:
            with session.begin():
                yield session
                session.flush()  # the recorder hears of the objects still pending
                if recorder.changes:
                    self._announce(session, recorder.changes)
            # committed: a rollback or a failed commit raised before this line
            if recorder.changes:
                feed.committed(recorder.changes)

    def _announce(self, session: Session, changes: Changes) -> None:
        """Tell the other seats, inside the transaction: they hear of it iff it commits.

        Both engines keep the changes in ``change_log`` (the studio server's clients sync
        by its ids); PostgreSQL also sends a NOTIFY. On PostgreSQL the row is written under
        a transaction lock held to the commit, so log ids follow commit order there as on
        SQLite, whose writers take turns: a reader that has seen id N has seen every
        change before it."""
        from podyx_desktop.db.tables import ChangeLog  # here: the engine alone stays light

        values = {"seat": feed.SEAT_ID, "changes": changes.to_json(), "at": datetime.now(UTC)}
        if self.is_sqlite:
            new_id = session.execute(
                insert(ChangeLog).values(**values).returning(ChangeLog.id)
            ).scalar_one()
        else:
            # one round trip: the lock, then (the insert reads the lock's row, so its id is
            # drawn after the lock is held) the row, and the NOTIFY naming its id
            before, after = feed.notify_parts(changes)
            new_id = session.execute(
                _LOG_AND_NOTIFY,
                {**values, "key": CHANGE_LOG_LOCK, "channel": CHANGE_CHANNEL}
                | {"before": before, "after": after},
            ).scalar_one()
        # keep the log bounded; a reader that far behind reloads everything
        if new_id % feed.PRUNE_EVERY == 0:
            session.execute(delete(ChangeLog).where(ChangeLog.id <= new_id - feed.KEEP_LOG_ROWS))

    @contextmanager
    def collect_changes(self) -> Iterator[Collected]:
        """``with db.collect_changes() as collected:`` run service calls, then
        ``collected.changes`` is what the writes committed in the block changed (the
        rolled back ones changed nothing). Per thread: a worker's calls are its own."""
        with feed.collect() as collected:
            yield collected

    @contextmanager
    def _translate(self) -> Iterator[None]:
        try:
            yield
        except IntegrityError as error:
            if getattr(error.orig, "sqlstate", None) == EXCLUSION_VIOLATION:
                raise TimeTaken() from error
            raise
        except OperationalError as error:
            sqlstate = getattr(error.orig, "sqlstate", None)
            if sqlstate in WRITE_COLLISIONS:
                raise Conflict(COLLISION_MESSAGE) from error
            if sqlstate == LOCK_NOT_AVAILABLE or (
                self.is_sqlite and any(words in str(error.orig) for words in SQLITE_BUSY_WORDS)
            ):
                raise DatabaseBusy() from error
            if not self.is_sqlite and getattr(error, "connection_invalidated", False) is False:
                sqlstate = getattr(error.orig, "sqlstate", None)
                if sqlstate is None:
                    raise DatabaseProblem(describe_connect_error(self.url, error)) from error
            raise
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) == EXCLUSION_VIOLATION:
                raise TimeTaken() from error
            raise

    def dispose(self) -> None:
        self.engine.dispose()


def default_sqlite_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Podyx Desktop", "Podyx") / "podyx.sqlite3"
