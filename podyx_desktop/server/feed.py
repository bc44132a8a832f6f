"""The change feed each connected client listens to (``GET /v1/changes``, Server-Sent
Events).

One :class:`ChangeHub` per server process follows the studio database's change log —
PostgreSQL's NOTIFY, or SQLite's ``change_log`` polled — whoever wrote it (this process,
another server process, a staff seat on the studio's network). For every committed
change it asks the client-copy service who may hear of it and queues, for each connected
client concerned, the cursor and the changes of their own records: a staff cancel of a
client's booking reaches that client's window, and nobody else's. The window then
fetches the rows with ``GET /v1/sync``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from podyx_desktop.db import feed as db_feed
from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.principal import Principal

if TYPE_CHECKING:
    from podyx_desktop.services import Services

log = logging.getLogger("podyx_desktop.server.feed")

POLL_SECONDS = 0.25  # SQLite: how often the log is read
RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0)  # PostgreSQL: waits between reconnects
QUEUE_LIMIT = 256  # events a slow listener may fall behind before it is told "everything"
CATCH_UP_ENTRIES = 1000  # a copy further behind than this many log entries syncs instead
REMEMBERED_ENTRIES = 4096  # log entries whose audience the hub keeps for reconnecting copies


@dataclass
class Listener:
    client_id: int
    queue: asyncio.Queue[dict[str, Any]] = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))

    def offer(self, event: dict[str, Any]) -> None:
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            # too far behind: one "everything" makes the window resync, losing nothing
            with contextlib.suppress(asyncio.QueueEmpty):
                while True:
                    self.queue.get_nowait()
            self.queue.put_nowait({"cursor": event["cursor"], "changes": Changes.all().to_data()})


class ChangeHub:
    def __init__(self, services: Services) -> None:
        self._services = services
        self._listeners: dict[int, Listener] = {}
        self._numbers = itertools.count(1)
        self._task: asyncio.Task[None] | None = None
        self.cursor = 0
        # log entry id -> (what everyone hears, what each client hears of their own)
        self._audiences: OrderedDict[int, tuple[Changes, dict[int, Changes]]] = OrderedDict()
        self._oldest: int | None = None
        self._audiences_lock = threading.Lock()

    # --- listeners --------------------------------------------------------------------

    async def listen(self, client_id: int) -> AsyncIterator[dict[str, Any]]:
        """Events for one client until the connection closes; the first says where the
        log stands, so a window that was away syncs at once."""
        number = next(self._numbers)
        listener = Listener(client_id)
        self._listeners[number] = listener
        try:
            yield {"cursor": self.cursor, "changes": {}}
            while True:
                yield await listener.queue.get()
        finally:
            self._listeners.pop(number, None)

    def heard_since(self, client_id: int, since: int, upto: int) -> Changes | None:
        """What ``client_id`` would have heard of the log's entries ``since`` < id ≤
        ``upto`` (a copy reconnecting with its cursor; on a worker thread): nothing means
        the copy is current as of ``upto`` without a sync. None when that part of the log
        is gone or too long: the copy syncs. Each entry's audience is read once and kept,
        so the clients of a restarted process coming back together share one query."""
        if since >= upto:
            return Changes()
        if since <= 0 or upto - since > CATCH_UP_ENTRIES:
            return None
        with self._audiences_lock:
            known = self._audiences
            missing = [entry for entry in range(since + 1, upto + 1) if entry not in known]
            if missing:
                oldest, read = self._services.client_copy.log_audiences(
                    Principal.system(), missing[0] - 1, missing[-1]
                )
                self._oldest = oldest
                for entry in range(missing[0], missing[-1] + 1):  # gaps: nothing to hear
                    known[entry] = read.get(entry, (Changes(), {}))
                    known.move_to_end(entry)
                while len(known) > REMEMBERED_ENTRIES:
                    known.popitem(last=False)
            if self._oldest is None or since + 1 < self._oldest:
                return None
            heard: list[Changes] = []  # most entries tell this client nothing
            for entry in range(since + 1, upto + 1):
                everyone, own = known[entry]
                if everyone:
                    heard.append(everyone)
                mine = own.get(client_id)
                if mine is not None:
                    heard.append(mine)
        return Changes.merge_all(heard)

    @property
    def listening(self) -> int:
        return len(self._listeners)

    # --- following the database --------------------------------------------------------

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._follow(), name="podyx-change-hub")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    async def _follow(self) -> None:
        self.cursor = await asyncio.to_thread(self._newest)
        if self._services.db.is_sqlite:
            await self._poll_sqlite()
        else:
            await self._listen_postgres()

    def _newest(self) -> int:
        from sqlalchemy import func, select

        from podyx_desktop.db.tables import ChangeLog

        with self._services.db.read() as session:
            return int(session.scalar(select(func.max(ChangeLog.id))) or 0)

    async def _poll_sqlite(self) -> None:
        from sqlalchemy import select

        from podyx_desktop.db.tables import ChangeLog

        def read(after: int) -> list[tuple[int, str]]:
            with self._services.db.read() as session:
                rows = session.execute(
                    select(ChangeLog.id, ChangeLog.changes)
                    .where(ChangeLog.id > after)
                    .order_by(ChangeLog.id)
                )
                return [(int(i), str(c or "")) for i, c in rows]

        while True:
            try:
                rows = await asyncio.to_thread(read, self.cursor)
            except Exception:
                log.warning("could not read the change log", exc_info=True)
                rows = []
            if rows:
                merged = Changes.merge_all(Changes.from_json(text) for _id, text in rows)
                await self._deliver(rows[-1][0], merged)
            await asyncio.sleep(POLL_SECONDS)

    async def _listen_postgres(self) -> None:
        import psycopg

        url = self._services.db.url.set(drivername="postgresql").render_as_string(
            hide_password=False
        )
        attempt = 0
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    url, autocommit=True
                ) as connection:
                    await connection.execute(f"LISTEN {db_feed.CHANGE_CHANNEL}")
                    if attempt:  # notifications may have been missed: everyone resyncs
                        newest = await asyncio.to_thread(self._newest)
                        await self._deliver(newest, Changes.all())
                    attempt = 0
                    arrived: asyncio.Queue[tuple[int, Changes]] = asyncio.Queue()
                    delivering = asyncio.get_running_loop().create_task(self._batches(arrived))
                    try:
                        async for notify in connection.notifies():
                            arrived.put_nowait(_parse(notify.payload))
                    finally:
                        delivering.cancel()
                        with contextlib.suppress(asyncio.CancelledError):
                            await delivering
            except asyncio.CancelledError:
                raise
            except Exception:
                wait = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
                attempt += 1
                log.warning(
                    "the change feed lost the database; retrying in %s s", wait, exc_info=True
                )
                await asyncio.sleep(wait)

    async def _batches(self, arrived: asyncio.Queue[tuple[int, Changes]]) -> None:
        """Deliver the notifications as they come, those that arrived during a delivery
        merged into the next one: one audience query per batch, so a busy log does not
        queue up behind one query per commit (it fell 30 s behind under load)."""
        while True:
            cursor, changes = await arrived.get()
            while not arrived.empty():
                more_cursor, more = arrived.get_nowait()
                cursor, changes = max(cursor, more_cursor), changes.merge(more)
            try:
                await self._deliver(max(cursor, self.cursor), changes)
            except Exception:
                log.warning("could not deliver changes; everyone resyncs", exc_info=True)
                await self._deliver(max(cursor, self.cursor), Changes.all())

    async def _deliver(self, cursor: int, changes: Changes) -> None:
        self.cursor = max(self.cursor, cursor)
        if not self._listeners or not changes:
            return
        everyone, own = await asyncio.to_thread(
            self._services.client_copy.audience, Principal.system(), changes
        )
        for listener in list(self._listeners.values()):
            heard = everyone.merge(own.get(listener.client_id, Changes()))
            if heard:
                listener.offer({"cursor": cursor, "changes": heard.to_data()})


def _parse(payload: str) -> tuple[int, Changes]:
    try:
        raw = json.loads(payload)
    except ValueError:
        return 0, Changes.all()
    log_id = raw.get("log") if isinstance(raw, dict) else None
    _seat, changes = db_feed.parse_notify_payload(payload)
    return (log_id if isinstance(log_id, int) else 0), changes
