"""bench/server_load.py's simulated clients: what they measure (:class:`Stats`), the
run they share (:class:`Run`), a client's day (:class:`SimClient`), the staff seat that
cancels beside them, the load generator's own lag and the mid-run kill."""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import random
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from httpx_sse import aconnect_sse

from bench.server_load_setup import (
    BOOK_DAYS,
    FEED_TIMEOUT,
    KEEPALIVE_S,
    PASSWORD,
    REQUEST_TIMEOUT,
    RETRY_WAITS,
    SIGN_IN_TIMEOUT,
    Prepared,
    Server,
)
from podyx_desktop.sync.connection import RETRY_SECONDS as FEED_RETRY_SECONDS
from podyx_desktop.sync.connection import RETRY_SPREAD

# --- measuring ---------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@dataclass
class Stats:
    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    retried: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    refusals: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    unanswered_writes: Counter[str] = field(default_factory=Counter)
    requests: int = 0
    in_window: int = 0
    feed_latency: list[float] = field(default_factory=list)  # seconds
    feed_by_source: Counter[str] = field(default_factory=Counter)
    feed_everything: int = 0
    heard_by_sync: int = 0
    feed_reconnects: Counter[str] = field(default_factory=Counter)  # by server
    feed_early: int = 0  # the event arrived before the write's answer
    loop_lag: list[float] = field(default_factory=list)
    timeline: list[tuple[float, str, float]] = field(default_factory=list)  # (at s, kind, ms)
    # booking id → (client index, acknowledged status); the latest acknowledgement wins
    acked: dict[int, tuple[int, str]] = field(default_factory=dict)
    acked_writes: int = 0
    acked_books: int = 0
    clients_looping: int = 0  # clients that reached the timed window
    staff_cancels: int = 0
    staff_refused: int = 0

    def error(self, kind: str, sample: str) -> None:
        self.errors[kind] += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(f"{kind}: {sample}"[:300])


class Refused(Exception):
    """The studio said no on purpose (409, 422)."""


class Failed(Exception):
    """An error: no answer after retries, 5xx, an unexpected 4xx."""


class Unanswered(Exception):
    """A write was sent and the connection died before its answer."""


@dataclass
class Run:
    """What every simulated client shares."""

    prepared: Prepared
    servers: list[Server]
    stats: Stats
    think_s: float
    window_start: float = 0.0
    window_end: float = 0.0
    start_load: asyncio.Event = field(default_factory=asyncio.Event)
    stopping: bool = False
    book_template: dict[str, Any] = field(default_factory=dict)
    free_template: dict[str, Any] = field(default_factory=dict)
    clients: list[SimClient] = field(default_factory=list)
    live: dict[int, int] = field(default_factory=dict)  # live acked booking id → client index
    kill_at: float | None = None
    killed_at: float | None = None
    restart_s: float | None = None
    killed_clients: list[SimClient] = field(default_factory=list)  # looping at the kill
    sign_in_peak_mb: list[float] = field(default_factory=list)  # each server's VmHWM

    def in_window(self, at: float) -> bool:
        return self.window_start <= at <= self.window_end


def client_address(index: int) -> str:
    """127.0.x.y, a loopback address of its own for each client."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


class SimClient:
    def __init__(self, run: Run, index: int, server: Server) -> None:
        self.run = run
        self.index = index
        self.server = server
        self.email = run.prepared.emails[index]
        transport = httpx.AsyncHTTPTransport(local_address=client_address(index))
        self.http = httpx.AsyncClient(
            base_url=server.url,
            transport=transport,
            timeout=REQUEST_TIMEOUT,
            # below uvicorn's 5 s: a connection the server is closing is not reused
            limits=httpx.Limits(
                max_connections=4, max_keepalive_connections=4, keepalive_expiry=KEEPALIVE_S
            ),
        )
        self.token = ""
        self.client_id = 0
        self.cursor = 0
        self.mine: set[int] = set()  # live bookings acknowledged to this client
        self.pending: dict[int, tuple[float, str]] = {}  # booking id → (ack time, source)
        self.early: dict[int, float] = {}  # feed named it before the answer arrived
        self.sync_wanted = asyncio.Event()
        self.feed_connected = asyncio.Event()
        self.feed_lost_at: float | None = None
        self.resynced_after_kill: float | None = None
        self.lost_in_kill = False  # behind the proxy: its feed was on the killed server
        self.feed_connects = 0
        self.looping = False  # in the timed window's loop
        self.rng = random.Random(index)

    # --- requests ----------------------------------------------------------------------

    async def call(
        self,
        kind: str,
        method: str,
        path: str,
        body: Any = None,
        *,
        write: bool = False,
        timeout: httpx.Timeout = REQUEST_TIMEOUT,
    ) -> Any:
        stats = self.run.stats
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else None
        first = time.monotonic()
        for attempt, wait in enumerate((*RETRY_WAITS, None)):
            started = time.monotonic()
            try:
                response = await self.http.request(
                    method, path, json=body, headers=headers, timeout=timeout
                )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
                failure: Exception = error  # not sent: always safe to try again
            except httpx.TransportError as error:
                if write:  # it may have happened: the client does not know, and says so
                    stats.unanswered_writes[kind] += 1
                    raise Unanswered() from error
                failure = error
            else:
                ended = time.monotonic()
                stats.requests += 1
                if kind == "sign in":
                    stats.latency[kind].append((ended - started) * 1000)
                elif self.run.in_window(started):
                    stats.in_window += 1
                    stats.latency[kind].append((ended - started) * 1000)
                    stats.timeline.append(
                        (started - self.run.window_start, kind, (ended - started) * 1000)
                    )
                    if attempt:
                        stats.retried[kind].append((ended - first) * 1000)
                status = response.status_code
                if status in (502, 504) and "json" not in response.headers.get("content-type", ""):
                    # the proxy's server died with the request on it: no answer
                    if write:
                        stats.unanswered_writes[kind] += 1
                        raise Unanswered()
                    failure = httpx.ReadError(f"proxy {status}")
                    if wait is None or self.run.stopping:
                        break
                    await asyncio.sleep(wait * (0.75 + self.rng.random() / 2))
                    continue
                if status == 200:
                    return response.json()
                if status == 204:
                    return None
                code = _code(response)
                if write and status in (409, 422):
                    stats.refusals[f"{kind} {status} {code}"] += 1
                    raise Refused(code)
                stats.error(f"{kind} {status} {code}", response.text)
                raise Failed(code)
            if wait is None or self.run.stopping:
                break
            await asyncio.sleep(wait * (0.75 + self.rng.random() / 2))
        stats.error(f"{kind} {type(failure).__name__}", repr(failure))
        raise Failed(type(failure).__name__)

    async def op(self, name: str, body: dict[str, Any], *, write: bool = False) -> Any:
        answer = await self.call(name, "POST", f"/v1/ops/{name}", body, write=write)
        return answer["value"]

    # --- the session -------------------------------------------------------------------

    async def sign_in(self) -> None:
        answer = await self.call(
            "sign in",
            "POST",
            "/v1/session",
            {"email": self.email, "password": PASSWORD, "device": "load"},
            timeout=SIGN_IN_TIMEOUT,
        )
        self.token = answer["value"]["token"]
        self.client_id = int(answer["value"]["principal"]["user_id"])

    async def sync(self) -> None:
        answer = await self.call("sync", "GET", f"/v1/sync?cursor={self.cursor}")
        self.cursor = max(self.cursor, int(answer["cursor"]))
        now = time.monotonic()
        for row in answer["rows"].get("bookings", ()):
            # heard of through a resync (its feed event was missed while disconnected)
            if self.pending.pop(int(row["id"]), None) is not None:
                self.run.stats.heard_by_sync += 1
        del now

    async def syncer(self) -> None:
        while not self.run.stopping:
            await self.sync_wanted.wait()
            self.sync_wanted.clear()
            with contextlib.suppress(Failed):
                await self.sync()

    # --- the change feed ---------------------------------------------------------------

    async def feed(self) -> None:
        stats = self.run.stats
        waits = iter(FEED_RETRY_SECONDS)
        while not self.run.stopping:
            try:
                async with aconnect_sse(
                    self.http,
                    "GET",
                    "/v1/changes",
                    # the copy's cursor, as the window sends it: the first event then says
                    # whether anything of this client's changed while it was away
                    params={"cursor": self.cursor} if self.cursor else None,
                    headers={"Authorization": f"Bearer {self.token}"},
                    timeout=FEED_TIMEOUT,
                ) as source:
                    if source.response.status_code != 200:
                        stats.error(f"changes {source.response.status_code}", "")
                        raise httpx.ReadError("refused")
                    first = True
                    async for event in source.aiter_sse():
                        self.on_event(json.loads(event.data), first)
                        if first:
                            first = False
                            self.feed_connects += 1
                            self.feed_connected.set()
                            waits = iter(FEED_RETRY_SECONDS)
            except (httpx.TransportError, httpx.StreamError) as error:
                if self.run.stopping:
                    return
                del error
            if self.run.stopping:
                return
            # the connection closed: reconnect with back-off, then resync from the cursor
            if self.feed_lost_at is None:
                self.feed_lost_at = time.monotonic()
            killed = self.run.killed_at
            if killed is not None and self.feed_lost_at >= killed and self.looping:
                self.lost_in_kill = True
            stats.feed_reconnects[self.server.name] += 1
            # as the window's connection waits (sync/connection.py): 1, 2, 5, then every
            # 10 s, each ± RETRY_SPREAD (100 %: from no wait to twice the step)
            spread = 1 - RETRY_SPREAD + 2 * RETRY_SPREAD * self.rng.random()
            await asyncio.sleep(next(waits, FEED_RETRY_SECONDS[-1]) * spread)

    def on_event(self, data: dict[str, Any], first: bool) -> None:
        now = time.monotonic()
        changes = data.get("changes") or {}
        if first:
            if self.feed_lost_at is None:
                return
            if data.get("since") is not None and not changes:
                # nothing of this client's changed while it was away: current without a
                # sync (the window moves its copy's cursor on the same way)
                self.cursor = max(self.cursor, int(data.get("cursor") or 0))
                self.back_after_loss()
                return
            # a reconnect: sync what was missed
            asyncio.get_running_loop().create_task(self.resync_after_loss())
            return
        if "bookings" in changes:
            ids = changes["bookings"]
            if ids is None:  # "everything": the window resyncs all of it
                self.run.stats.feed_everything += 1
                heard = list(self.pending)
            else:
                heard = [int(i) for i in ids]
            for booking_id in heard:
                self.heard(booking_id, now)
        if changes:
            self.sync_wanted.set()

    def heard(self, booking_id: int, at: float) -> None:
        pending = self.pending.pop(booking_id, None)
        if pending is None:
            self.early[booking_id] = at  # before the answer, or not ours to time
            return
        acked_at, source = pending
        if self.run.in_window(acked_at):
            self.run.stats.feed_latency.append(max(0.0, at - acked_at))
            self.run.stats.feed_by_source[source] += 1

    def acknowledged(self, booking_id: int, status: str, at: float, source: str) -> None:
        stats = self.run.stats
        stats.acked[booking_id] = (self.index, status)
        stats.acked_writes += 1
        if status != "canceled":
            stats.acked_books += 1
        if status == "canceled":
            self.mine.discard(booking_id)
            self.run.live.pop(booking_id, None)
        else:
            self.mine.add(booking_id)
            self.run.live[booking_id] = self.index
        early = self.early.pop(booking_id, None)
        if early is not None and early >= at - 0.5:  # the feed was faster than the answer
            if self.run.in_window(at):
                stats.feed_early += 1
                stats.feed_latency.append(0.0)
                stats.feed_by_source[source] += 1
            return
        self.pending[booking_id] = (at, source)

    async def resync_after_loss(self) -> None:
        with contextlib.suppress(Failed):
            await self.sync()
            self.back_after_loss()
        self.feed_lost_at = None

    def back_after_loss(self) -> None:
        """The copy is current again after the feed was lost (by a sync, or the feed's
        word that nothing of the client's changed)."""
        lost, killed = self.feed_lost_at, self.run.killed_at
        if lost is not None and killed is not None and lost >= killed:
            self.resynced_after_kill = time.monotonic()
        self.feed_lost_at = None

    # --- the client's day --------------------------------------------------------------

    async def think(self, scale: float = 1.0) -> None:
        await asyncio.sleep(self.rng.expovariate(1.0 / (self.run.think_s * scale)))

    async def live_through(self) -> None:
        run = self.run
        await self.sign_in()
        tasks = [
            asyncio.get_running_loop().create_task(self.feed()),
            asyncio.get_running_loop().create_task(self.syncer()),
        ]
        try:
            await self.feed_connected.wait()  # the sign-in phase's deadline bounds it
            await self.sync()
            await run.start_load.wait()
            self.looping = True
            run.stats.clients_looping += 1
            await self.think(0.5)  # spread the start
            while time.monotonic() < run.window_end and not run.stopping:
                with contextlib.suppress(Refused, Failed, Unanswered):
                    await self.one_round()
        finally:
            self.looping = False
            for task in tasks:
                task.cancel()

    async def one_round(self) -> None:
        run = self.run
        prepared = run.prepared
        await self.op("ClientBookings", {"client_id": self.client_id})
        await self.think()
        setup = self.rng.choice(prepared.setups)
        day = date.today() + timedelta(days=self.rng.randint(*BOOK_DAYS))
        query = dict(run.free_template)
        query["query"] = {**query["query"], "setup_id": setup, "day": day.isoformat()}
        _now, slots = await self.op("FreeTimes", query)
        await self.think(0.5)
        if slots and time.monotonic() < run.window_end:
            slot = self.rng.choice(slots)
            body = json.loads(json.dumps(run.book_template))
            body["request"]["cart"]["setup_id"] = setup
            body["request"]["starts_at"] = slot["starts_at"]
            try:
                value = await self.op("Book", body, write=True)
            except Refused:
                pass
            else:
                booking = value["booking"]
                self.acknowledged(int(booking["id"]), booking["status"], time.monotonic(), "own")
        await self.think()
        if self.mine and self.rng.random() < 0.4 and time.monotonic() < run.window_end:
            booking_id = self.rng.choice(sorted(self.mine))
            try:
                value = await self.op(
                    "CancelBooking", {"booking_id": booking_id, "reason": "load"}, write=True
                )
            except Refused:
                self.mine.discard(booking_id)  # the staff seat cancelled it first
            else:
                self.acknowledged(booking_id, value["status"], time.monotonic(), "own")
            await self.think()
        if self.rng.random() < 0.5:
            await self.call("health", "GET", "/health")

    async def close(self) -> None:
        await self.http.aclose()


def _code(response: httpx.Response) -> str:
    try:
        return str(response.json().get("code", ""))
    except ValueError:
        return ""


# --- the staff seat, the loop's lag, the fault ----------------------------------------------


async def staff_seat(run: Run) -> None:
    """Every second, the studio's owner cancels a random client's booking at the desk (the
    services on the database, as a staff seat does)."""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.errors import PodyxError
    from podyx_desktop.services import Services

    db = Database(run.prepared.url)
    services = Services(db)
    owner = run.prepared.owner
    rng = random.Random(99)
    lock = threading.Lock()

    def cancel(booking_id: int) -> tuple[bool, float]:
        with lock:
            try:
                services.bookings.cancel(owner, booking_id, reason="desk")
            except PodyxError:
                return False, time.monotonic()
            return True, time.monotonic()

    try:
        await run.start_load.wait()
        while time.monotonic() < run.window_end - 1 and not run.stopping:
            await asyncio.sleep(1.0)
            if not run.live:
                continue
            booking_id = rng.choice(list(run.live))
            owner_index = run.live[booking_id]
            ok, at = await asyncio.to_thread(cancel, booking_id)
            if ok:
                run.stats.staff_cancels += 1
                run.clients[owner_index].acknowledged(booking_id, "canceled", at, "staff")
            else:
                run.stats.staff_refused += 1
    finally:
        db.dispose()


async def loop_lag(run: Run) -> None:
    """How late the event loop wakes (the load generator's own overload shows here)."""
    await run.start_load.wait()
    while time.monotonic() < run.window_end and not run.stopping:
        started = time.monotonic()
        await asyncio.sleep(0.1)
        run.stats.loop_lag.append((time.monotonic() - started - 0.1) * 1000)


async def fault(run: Run, server: Server) -> None:
    await run.start_load.wait()
    assert run.kill_at is not None
    await asyncio.sleep(max(0.0, run.kill_at - time.monotonic()))
    if run.stopping:
        return
    run.killed_clients = [c for c in run.clients if c.server is server and c.looping]
    server.kill()
    run.killed_at = time.monotonic()
    run.restart_s = await asyncio.to_thread(server.start)
