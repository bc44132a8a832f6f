"""Tell every screen what changed, whether this window or another seat changed it.

:class:`ChangeBus` carries a typed :class:`Changes` (kinds, and ids where known); each
screen reloads when it touches a kind the screen shows (``Changes.touches``). The operation that ran a write
publishes its Changes; :class:`DatabaseWatcher` publishes the Changes of writes by other
processes (seats), never this process's own, which its operations have already published
(see :mod:`podyx_desktop.db.feed`):

- SQLite: it polls ``PRAGMA data_version`` on a connection of its own (a cheap read of a
  counter) and, when it moves, reads the ``change_log`` rows written since the last one it
  saw. Rows pruned before it read them, an unreadable row, or a change without a row (a
  writer that keeps no log) → :meth:`Changes.all`.
- PostgreSQL: it ``LISTEN``s on the channel every write notifies on; the payload is the
  seat and the Changes. After a reconnect it publishes :meth:`Changes.all` (it may have
  missed notifications).

Both run on a worker thread and report through queued signals. Started with ``since`` (the
newest ``change_log`` id before the screens' first reads), a watcher first publishes what
other seats wrote after it: so it may start late (the app starts it after the first
window has painted) and still miss nothing the screens have not read.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from podyx_desktop.db.urls import postgres_conninfo, sqlite_path
from podyx_desktop.domain.changes import Changes

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 0.4


class ChangeBus(QObject):
    """Publish-subscribe of :class:`Changes`, on the GUI thread."""

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)

    @Slot(object)
    def publish_changes(self, changes: Changes) -> None:
        self.publish(changes)


def _data_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA data_version").fetchone()[0])


class _SqliteWatch(QThread):
    changed = Signal(object)  # Changes

    def __init__(
        self, path: Path, seat: str | None, stop: threading.Event, since: int | None
    ) -> None:
        super().__init__()
        self.setObjectName("podyx-sqlite-watcher")
        self._path = path
        self._seat = seat
        self._stop = stop
        self._since = since

    def run(self) -> None:
        import sqlite3  # here, on the watcher's thread: not before the first window's paint

        connection: sqlite3.Connection | None = None
        version: int | None = None
        last_id: int | None = None  # None: no change_log (a schema before 0004)
        # The first reading (the baseline) is taken at once, not after a poll interval: a
        # write landing before it would be taken as already seen.
        wait_s = 0.0
        lost = False  # the connection failed: changes may have been missed
        try:
            while not self._stop.wait(wait_s):
                wait_s = POLL_INTERVAL_S
                if connection is None:
                    if not self._path.exists():
                        continue  # not created yet; the app creates it in a moment
                    connection = sqlite3.connect(self._path, timeout=5, isolation_level=None)
                try:
                    if version is None:  # the first reading is the baseline
                        version, last_id, missed = self._first_reading(connection)
                        if lost:  # as PostgreSQL's: what happened meanwhile is unknown
                            lost = False
                            self.changed.emit(Changes.all())
                        elif missed:
                            self.changed.emit(missed)
                        continue
                    if _data_version(connection) == version:
                        continue
                    changes: Changes
                    if last_id is None:
                        version, last_id = self._read(connection)
                        changes = Changes.all()
                    else:
                        version, last_id, changes = self._changes_since(connection, last_id)
                except sqlite3.Error:
                    log.warning("Could not read the SQLite change feed", exc_info=True)
                    connection.close()
                    connection, version, last_id = None, None, None
                    lost = True
                    continue
                if changes:
                    self.changed.emit(changes)
        finally:
            if connection is not None:
                connection.close()

    def _first_reading(self, connection: sqlite3.Connection) -> tuple[int, int | None, Changes]:
        """The baseline; the first time, with ``since``, also what other seats logged
        after it (one snapshot)."""
        since, self._since = self._since, None
        if since is None:
            return (*self._read(connection), Changes())
        import sqlite3

        from podyx_desktop.db import feed

        connection.execute("BEGIN")
        try:
            try:
                reading = feed.read_log(connection, since, self._seat or feed.SEAT_ID)
            except sqlite3.OperationalError:  # no such table: not migrated yet
                return _data_version(connection), None, Changes()
            return _data_version(connection), reading.last_id, reading.changes
        finally:
            connection.execute("COMMIT")

    @staticmethod
    def _read(connection: sqlite3.Connection) -> tuple[int, int | None]:
        """The counter and the newest change_log id, as one snapshot."""
        import sqlite3

        from podyx_desktop.db import feed  # on the watcher's thread

        connection.execute("BEGIN")
        try:
            try:
                last_id: int | None = feed.last_log_id(connection)
            except sqlite3.OperationalError:  # no such table: not migrated yet
                last_id = None
            return _data_version(connection), last_id
        finally:
            connection.execute("COMMIT")

    def _changes_since(
        self, connection: sqlite3.Connection, last_id: int
    ) -> tuple[int, int, Changes]:
        # One read transaction: the counter and the rows are one snapshot, so a write
        # committed between the two readings is neither missed nor taken for a writer
        # that keeps no log.
        from podyx_desktop.db import feed

        connection.execute("BEGIN")
        try:
            reading = feed.read_log(connection, last_id, self._seat or feed.SEAT_ID)
            version = _data_version(connection)
        finally:
            connection.execute("COMMIT")
        changes = reading.changes
        if reading.last_id == last_id and not changes:
            # the file changed and no seat logged it: a writer that keeps no log (an
            # older Podyx, podyx-admin's raw SQL): it could have changed anything
            changes = Changes.all()
        return version, reading.last_id, changes


class _PostgresListen(QThread):
    changed = Signal(object)  # Changes

    def __init__(
        self, conninfo: str, seat: str | None, stop: threading.Event, since: int | None
    ) -> None:
        super().__init__()
        self.setObjectName("podyx-postgres-listener")
        self._conninfo = conninfo
        self._seat = seat
        self._stop = stop
        self._since = since

    def run(self) -> None:
        import psycopg

        from podyx_desktop.db import feed

        reconnecting = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {feed.CHANGE_CHANNEL}")
                    # After a lost connection we may have missed something: reload. On the
                    # first, what other seats logged after ``since`` (the screens' reads
                    # may not show it); without ``since``, nothing: the screens have just
                    # read what they show (as the SQLite watch's baseline).
                    if reconnecting:
                        self.changed.emit(Changes.all())
                    elif self._since is not None:
                        mine = self._seat or feed.SEAT_ID
                        missed = feed.read_log(conn, self._since, mine, placeholder="%s")
                        if missed.changes:
                            self.changed.emit(missed.changes)
                    reconnecting = True
                    while not self._stop.is_set():
                        # every notification that has arrived, merged: one reload per batch
                        first = list(conn.notifies(timeout=POLL_INTERVAL_S, stop_after=1))
                        rest = list(conn.notifies(timeout=0)) if first else []
                        changes = Changes()
                        for notify in (*first, *rest):
                            seat, theirs = feed.parse_notify_payload(notify.payload)
                            if seat != (self._seat or feed.SEAT_ID):
                                changes = changes.merge(theirs)
                        if changes:
                            self.changed.emit(changes)
            except psycopg.Error:
                log.warning("Lost the PostgreSQL change feed; retrying", exc_info=True)
                self._stop.wait(2.0)


class DatabaseWatcher(QObject):
    """Publishes on ``bus``, within about a second, the Changes of each write by another
    process. ``seat``: whose writes are this process's own (the app's Database's seat,
    which is this process's: :data:`podyx_desktop.db.feed.SEAT_ID`)."""

    def __init__(
        self,
        database_url: str,
        bus: ChangeBus,
        parent: QObject | None = None,
        *,
        seat: str | None = None,
        since: int | None = None,
    ) -> None:
        """``since``: the newest ``change_log`` id before the screens' first reads (see
        the module); None: what is there when the watcher starts is the baseline."""
        super().__init__(parent)
        # seat None: this process's (db.feed.SEAT_ID), read on the watcher's own thread, so
        # that the GUI thread does not import the feed before the main window shows
        self._bus = bus
        self._stop = threading.Event()
        self._thread: _SqliteWatch | _PostgresListen | None = None
        path = sqlite_path(database_url)
        conninfo = postgres_conninfo(database_url)
        if path is not None:
            self._thread = _SqliteWatch(path, seat, self._stop, since)
        elif conninfo is not None:
            self._thread = _PostgresListen(conninfo, seat, self._stop, since)
        else:
            log.warning("No change feed for %s; other seats' changes show on refresh", "URL")

    def start(self) -> None:
        if self._thread is not None and not self._thread.isRunning():
            self._thread.changed.connect(self._bus.publish_changes)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.wait(5_000)
            self._thread = None

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()
