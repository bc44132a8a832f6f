"""Tell every screen what changed, whether this window or another seat changed it.

:class:`ChangeBus` carries sets of entity names (``"bookings"``, ``"purchases"``,
``"bundles"``, ``"account"``, or ``"*"`` for everything); each screen decides whether to
reload. :class:`DatabaseWatcher` notices writes made by other processes and publishes
``"*"``: on SQLite it polls ``PRAGMA data_version`` on a connection of its own (a cheap
read of a counter); on PostgreSQL it ``LISTEN``s on the channel the services notify on
every write. Both run on a worker thread and report through queued signals.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from podyx_desktop.db.urls import postgres_conninfo, sqlite_path

log = logging.getLogger(__name__)

EVERYTHING = "*"
ENTITIES = frozenset({"bookings", "purchases", "bundles", "account", EVERYTHING})
CHANGE_CHANNEL = "podyx_changes"  # the same as podyx_desktop.db.engine.CHANGE_CHANNEL
POLL_INTERVAL_S = 0.4


class ChangeBus(QObject):
    """Publish-subscribe of changed entity names, on the GUI thread."""

    changed = Signal(object)  # frozenset[str]

    def publish(self, entities: Iterable[str]) -> None:
        names = frozenset(entities)
        if names:
            self.changed.emit(names)

    @Slot()
    def publish_everything(self) -> None:
        self.publish({EVERYTHING})


def affects(changed: frozenset[str], *entities: str) -> bool:
    """Whether a published change concerns any of ``entities``."""
    return EVERYTHING in changed or not changed.isdisjoint(entities)


class _SqliteWatch(QThread):
    changed = Signal()

    def __init__(self, path: Path, stop: threading.Event) -> None:
        super().__init__()
        self.setObjectName("podyx-sqlite-watcher")
        self._path = path
        self._stop = stop

    def run(self) -> None:
        connection: sqlite3.Connection | None = None
        last: int | None = None
        try:
            while not self._stop.wait(POLL_INTERVAL_S):
                if connection is None:
                    if not self._path.exists():
                        continue  # not created yet; the app creates it in a moment
                    connection = sqlite3.connect(self._path, timeout=5, isolation_level=None)
                try:
                    version = int(connection.execute("PRAGMA data_version").fetchone()[0])
                except sqlite3.Error:
                    log.warning("Could not read the SQLite change counter", exc_info=True)
                    connection.close()
                    connection, last = None, None
                    continue
                if last is not None and version != last:
                    self.changed.emit()
                last = version
        finally:
            if connection is not None:
                connection.close()


class _PostgresListen(QThread):
    changed = Signal()

    def __init__(self, conninfo: str, stop: threading.Event) -> None:
        super().__init__()
        self.setObjectName("podyx-postgres-listener")
        self._conninfo = conninfo
        self._stop = stop

    def run(self) -> None:
        import psycopg

        reconnecting = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANGE_CHANNEL}")
                    # After a lost connection we may have missed something: reload. Not on
                    # the first connection: the screens have just read what they show (as
                    # the SQLite watch, whose first reading is its baseline).
                    if reconnecting:
                        self.changed.emit()
                    reconnecting = True
                    while not self._stop.is_set():
                        got = False
                        for _ in conn.notifies(timeout=POLL_INTERVAL_S):
                            got = True
                            break
                        if got:
                            self.changed.emit()
            except psycopg.Error:
                log.warning("Lost the PostgreSQL change feed; retrying", exc_info=True)
                self._stop.wait(2.0)


class DatabaseWatcher(QObject):
    """Publishes ``"*"`` on ``bus`` within about a second of a write by another process."""

    def __init__(self, database_url: str, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._stop = threading.Event()
        self._thread: _SqliteWatch | _PostgresListen | None = None
        path = sqlite_path(database_url)
        conninfo = postgres_conninfo(database_url)
        if path is not None:
            self._thread = _SqliteWatch(path, self._stop)
        elif conninfo is not None:
            self._thread = _PostgresListen(conninfo, self._stop)
        else:
            log.warning("No change feed for %s; other seats' changes show on refresh", "URL")

    def start(self) -> None:
        if self._thread is not None and not self._thread.isRunning():
            self._thread.changed.connect(self._bus.publish_everything)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.wait(5_000)
            self._thread = None

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()
