"""The change feed: how one seat's committed :class:`Changes` reach the other seats.

A seat is one process (one running app, one podyx-admin): :data:`SEAT_ID` is drawn once
per process, so a watcher running beside the app's :class:`~podyx_desktop.db.engine.Database`
knows which changes are its own (already published on the app's bus by the operation that
made them) and does not deliver them twice.

PostgreSQL: the write's NOTIFY carries :func:`notify_payload`. SQLite: the write adds a
``change_log`` row (:func:`sqlite_log_statements`); a watcher reads the rows after the last
one it saw with :func:`read_log`. PostgreSQL keeps the same rows, which a watcher reads
once, to catch up on what was written before it listened. Light on purpose (no
SQLAlchemy): the GUI's watcher imports it once the first window has painted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from podyx_desktop.domain.changes import Changes

SEAT_ID = os.urandom(8).hex()  # os, not secrets: hashlib is not needed at start-up
CHANGE_CHANNEL = "podyx_changes"
# PostgreSQL refuses payloads of 8,000 bytes or more; leave room for the seat and braces
MAX_PAYLOAD_BYTES = 7_500
# change_log rows kept; a watcher or a client's copy further behind gets "everything"
KEEP_LOG_ROWS = 20_000
# the log is pruned by the write whose id is a multiple of this (one statement fewer for
# the others): it holds at most KEEP_LOG_ROWS + PRUNE_EVERY rows
PRUNE_EVERY = 64


# --- collecting the changes of the writes a block commits ------------------------------


@dataclass
class Collected:
    """The merged :class:`Changes` of every write committed inside a ``collect`` block."""

    changes: Changes = field(default_factory=Changes)


_collectors: ContextVar[tuple[Collected, ...]] = ContextVar("podyx_collectors", default=())


@contextmanager
def collect() -> Iterator[Collected]:
    """Gather the changes of the transactions committed in this block, on this thread
    (or asyncio task): each worker thread runs its own service calls."""
    collected = Collected()
    token = _collectors.set((*_collectors.get(), collected))
    try:
        yield collected
    finally:
        _collectors.reset(token)


def committed(changes: Changes) -> None:
    """A write committed ``changes``: every open ``collect`` block hears of them."""
    for collected in _collectors.get():
        collected.changes = collected.changes.merge(changes)


# --- PostgreSQL: NOTIFY payloads -------------------------------------------------------


def notify_payload(changes: Changes, seat: str = SEAT_ID, log_id: int | None = None) -> str:
    """The NOTIFY text: the seat, the changes and the ``change_log`` row that keeps them."""
    import json

    before, after = notify_parts(changes, seat)
    return f"{before}{json.dumps(log_id)}{after}"


def notify_parts(changes: Changes, seat: str = SEAT_ID) -> tuple[str, str]:
    """The NOTIFY text before and after the log id (the database fills it in when the
    write inserts the ``change_log`` row and notifies in one statement)."""
    import json

    before = f'{{"seat":{json.dumps(seat)},"log":'
    after = f',"changes":{changes.to_json()}}}'
    if len(f"{before}{2**63}{after}".encode()) > MAX_PAYLOAD_BYTES:
        # too many ids to say: the kinds still let each screen decide whether to reload
        after = f',"changes":{changes.without_ids().to_json()}}}'
    return before, after


def parse_notify_payload(payload: str) -> tuple[str | None, Changes]:
    """The seat and changes of a NOTIFY; anything unreadable (an older seat's empty
    payload) is another seat's "everything"."""
    import json

    try:
        raw = json.loads(payload) if payload else None
    except ValueError:
        return None, Changes.all()
    if not isinstance(raw, dict) or "changes" not in raw:
        return None, Changes.all()
    seat = raw.get("seat")
    return (seat if isinstance(seat, str) else None), Changes.from_data(raw["changes"])


# --- the change_log table (SQLite's feed; on PostgreSQL, for catching up) -------------


@dataclass(frozen=True)
class LogReading:
    """What a watcher read from ``change_log``: the last id and the others' changes."""

    last_id: int
    changes: Changes


def last_log_id(connection: Any) -> int:
    """The newest ``change_log`` id (0 when there is none), over a DB-API connection with
    ``execute`` (sqlite3's, psycopg's)."""
    row = connection.execute("SELECT max(id) FROM change_log").fetchone()
    return int(row[0] or 0)


def read_log(connection: Any, after_id: int, seat: str, *, placeholder: str = "?") -> LogReading:
    """The merged changes of other seats' rows after ``after_id`` (``placeholder``: the
    driver's parameter mark, ``%s`` for psycopg).

    Ids are never reused and writers take turns (``BEGIN IMMEDIATE``; on PostgreSQL the
    commit-order lock), so the rows after the last one seen start at the next id; when they
    do not, rows were pruned before this watcher read them, the file was replaced, or (on
    PostgreSQL) a write rolled back after drawing its id: "everything", to be safe.
    """
    rows = connection.execute(
        f"SELECT id, seat, changes FROM change_log WHERE id > {placeholder} ORDER BY id",
        (after_id,),
    ).fetchall()
    if not rows:
        newest = last_log_id(connection)
        if newest < after_id:  # the file was replaced by one with fewer rows (a restore)
            return LogReading(newest, Changes.all())
        return LogReading(after_id, Changes())
    if int(rows[0][0]) != after_id + 1:
        return LogReading(int(rows[-1][0]), Changes.all())
    changes = Changes.merge_all(
        Changes.from_json(text if isinstance(text, str) else "")
        for _row_id, row_seat, text in rows
        if row_seat != seat
    )
    return LogReading(int(rows[-1][0]), changes)
