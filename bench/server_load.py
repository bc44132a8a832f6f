"""The studio server under load: many clients at home, two server processes, one database.

What it does (``python bench/server_load.py``):

1. Starts a private PostgreSQL server with durable commits (:mod:`tests.pg_cluster`,
   ``fsync`` and ``synchronous_commit`` on), migrates a database and builds a studio with
   :data:`ROOMS` rooms in it through the services, then creates the client accounts
   through the services too, with a cheap Argon2id hasher (500 hashes at the default
   parameters take over a minute on two cores). The server verifies whatever parameters a
   hash names and rehashes it to its own default at the first sign-in, so each sign-in
   still costs the server one default-strength hash, as a real one does.
2. Starts two ``podyx-server`` processes (``--workers 1`` each, plain HTTP on loopback);
   half the clients talk to each. Each simulated client has its own source address
   (127.0.x.y), so the per-address sign-in limit stays at its default.
3. Every client signs in, opens its change feed (``GET /v1/changes``) and syncs its copy
   (``GET /v1/sync``). Then, for ``--seconds``, each client loops with a random think time
   between actions: reads its lists (``ClientBookings``), looks for free times
   (``FreeTimes``) on a random setup and day, books one of them (pay later), sometimes
   cancels one of its own bookings, sometimes asks ``GET /health``. Each change-feed event
   makes it sync from its cursor, as the window does. A staff seat (this process, the
   services on the database directly) cancels a random client's booking every second.
4. Halfway through, the second server process is killed (SIGKILL) and started again on
   the same port; its clients retry with back-off, re-open their feed and resync.
5. At the end it checks, in the database, that every write the server acknowledged is
   there with the acknowledged status, and that no room holds overlapping live bookings.

Figures, each against its goal, PASS or FAIL (the script always exits 0):

- errors: transport errors after retries, 5xx, unexpected 4xx; refusals the studio gives
  on purpose (409 time taken, 422 rules) are counted apart and are not errors;
- double bookings (SQL) and lost acknowledged writes;
- reads p95 ≤ 50 ms, writes p95 ≤ 150 ms: one HTTP attempt each, answered; beside them the
  same clients' ``GET /health`` (one ``SELECT 1``) as the constant baseline of the run;
- change feed p95 ≤ 2 s: from a write's acknowledgement (the client's own answer, or the
  staff seat's commit) to the feed event naming that booking at the owning client;
- the restart: clients of the killed process that reconnected and resynced.

Writes in flight when the process died got no answer: they are not acknowledged (the
client does not know whether they happened, and does not retry them); they are counted.

Usage::

    python bench/server_load.py [--clients 500] [--seconds 60] [--think 20] [--no-kill] [--proxy]
                                [--database URL] [--rooms 40] [--timeout SECONDS]

``--database`` names an empty database (migrated here if need be) instead of the private PostgreSQL
server (the test suite runs the machinery on SQLite that way). ``--timeout``: the whole
run's limit (default: set-up allowance + ``--seconds``); servers and the PostgreSQL
server are stopped on every way out.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from httpx_sse import aconnect_sse

READ_GOAL_MS = 50.0
WRITE_GOAL_MS = 150.0
FEED_GOAL_S = 2.0
PASSWORD = "load test password 1"
ROOMS = 40
# a client's mean pause between actions: ~50 requests/s from 500 clients; at 6 s (~150
# offered) two cores saturate, see docs/performance.md
THINK_S = 20.0
BOOK_DAYS = (2, 45)  # clients book this many days ahead (inside the cancel cutoff)
RETRY_WAITS = (0.1, 0.2, 0.5, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0)  # ~26 s
REQUEST_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
KEEPALIVE_S = 2.0  # the client's idle connections; uvicorn closes them after 5 s
SIGN_IN_TIMEOUT = httpx.Timeout(300.0, connect=30.0)  # 500 at once queue for Argon2
FEED_TIMEOUT = httpx.Timeout(30.0, connect=5.0, read=60.0)  # the server pings every 15 s
SETUP_ALLOWANCE_S = 900  # migrations, studio, accounts, sign-ins: the hard timeout's extra

RESTART_SPAN_S = 10  # after the kill, what the report shows apart as "the restart"
READS = ("ClientBookings", "FreeTimes", "sync")
WRITES = ("Book", "CancelBooking")


# --- the studio ---------------------------------------------------------------------------


def load_studio_spec(rooms: int) -> Any:
    """A studio with ``rooms`` rooms of one setup each, open 8–22 every day, one service."""
    from podyx_desktop.demo.builder import RoomSpec, ServiceSpec, SetupSpec, StaffSpec, StudioSpec
    from podyx_desktop.domain.availability import OpeningInterval
    from podyx_desktop.domain.enums import Role
    from podyx_desktop.domain.requests import StudioSettings

    settings = StudioSettings(
        name="Load Studio",
        time_zone="Europe/Berlin",
        currency="EUR",
        locale="de_DE",
        prices_include_vat=True,
        default_vat_rate_bp=1900,
        vat_number="DE123456789",
        address_line1="Torstraße 1",
        postal_code="10119",
        city="Berlin",
        country="DE",
        buffer_minutes=15,
        lead_time_hours=2,
        cancel_cutoff_hours=24,
        reschedule_cutoff_hours=24,
        max_reschedules=2,
    )
    room_specs = tuple(
        RoomSpec(f"room{i}", f"Room {i + 1}", setups=(SetupSpec(f"setup{i}", f"Setup {i + 1}"),))
        for i in range(rooms)
    )
    return StudioSpec(
        settings,
        opening_hours=tuple(OpeningInterval(d, 8 * 60, 22 * 60) for d in range(7)),
        rooms=room_specs,
        services=(
            ServiceSpec(
                "podcast",
                "Podcast recording",
                6000,
                60,
                240,
                30,
                tuple(f"setup{i}" for i in range(rooms)),
            ),
        ),
        staff=(StaffSpec(Role.OWNER, "Olga Owner", "owner@example.com", "+49 30 1111111"),),
    )


@dataclass
class Prepared:
    url: str
    setups: list[int]
    service: int
    owner: Any  # the owner's Principal (the staff seat)
    emails: list[str]
    seconds: float


def prepare(url: str, clients: int, rooms: int) -> Prepared:
    """The studio and ``clients`` accounts in the migrated, empty database at ``url``."""
    from argon2 import PasswordHasher

    from podyx_desktop.db.engine import Database
    from podyx_desktop.demo.builder import create_studio
    from podyx_desktop.domain.enums import Role
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.requests import NewAccount
    from podyx_desktop.services import Services

    started = time.perf_counter()
    db = Database(url)
    try:
        services = Services(db, hasher=cheap_hasher(PasswordHasher))
        built = create_studio(services, load_studio_spec(rooms), password=PASSWORD)
        emails = []
        for i in range(clients):
            email = f"client{i:04d}@example.com"
            services.accounts.sign_up(
                Principal.anonymous(),
                NewAccount(f"Client {i:04d}", email, f"+49 30 {2000000 + i}", PASSWORD),
            )
            emails.append(email)
        return Prepared(
            url,
            [built.ids[f"setup{i}"] for i in range(rooms)],
            built.ids["podcast"],
            built.staff_member(Role.OWNER),
            emails,
            time.perf_counter() - started,
        )
    finally:
        db.dispose()


def cheap_hasher(cls: Any) -> Any:
    return cls(time_cost=1, memory_cost=1024, parallelism=1)


# --- the servers -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    name: str
    port: int
    database_url: str
    log_path: str
    process: subprocess.Popen[bytes] | None = None
    behind_proxy: bool = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait_s: float = 60.0) -> float:
        """Start the process; the seconds until ``/health`` answered 200."""
        started = time.monotonic()
        self.launch()
        return self.wait_ready(started, wait_s)

    def launch(self) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("PODYX_DATABASE_URL", None)
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "podyx_desktop.server.cli",
                    "--database",
                    self.database_url,
                    "--listen",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    "1",
                    "--log-level",
                    "WARNING",
                    *(["--trust-proxy", "127.0.0.1"] if self.behind_proxy else []),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )

    def wait_ready(self, started: float, wait_s: float = 60.0) -> float:
        assert self.process is not None
        while time.monotonic() - started < wait_s:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not answer in {wait_s:g} s:\n{self.log_tail()}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def log_tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                return "".join(handle.readlines()[-lines:])
        return ""


NGINX_CONF = """
worker_processes 1;
user root;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream podyx {{
{upstreams}
        keepalive 64;
        keepalive_timeout 2s;  # below uvicorn's 5 s keep-alive
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://podyx;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
        }}
        location /v1/changes {{
            proxy_pass http://podyx;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_buffering off;
            proxy_read_timeout 1h;
        }}
    }}
}}
"""


@dataclass
class Proxy:
    """nginx in front of the servers, as docs/server.md sets it up: one address for every
    client; a request whose server cannot be reached goes to the other (a write only when
    it was not sent); a server that failed rests for 5 s."""

    port: int
    folder: str
    servers: list[Server]
    process: subprocess.Popen[bytes] | None = None
    name: str = "proxy"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(self.folder, sub), exist_ok=True)
        upstreams = "\n".join(
            f"        server 127.0.0.1:{s.port} max_fails=1 fail_timeout=5s;" for s in self.servers
        )
        conf = os.path.join(self.folder, "nginx.conf")
        with open(conf, "w", encoding="utf-8") as handle:
            handle.write(NGINX_CONF.format(dir=self.folder, port=self.port, upstreams=upstreams))
        self.process = subprocess.Popen(
            [nginx, "-c", conf, "-p", self.folder],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("nginx did not answer in 20 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


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
        waits = iter(RETRY_WAITS)
        while not self.run.stopping:
            try:
                async with aconnect_sse(
                    self.http,
                    "GET",
                    "/v1/changes",
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
                            waits = iter(RETRY_WAITS)
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
            await asyncio.sleep(next(waits, 3.0) * (0.75 + self.rng.random() / 2))

    def on_event(self, data: dict[str, Any], first: bool) -> None:
        now = time.monotonic()
        changes = data.get("changes") or {}
        if first:
            if self.feed_lost_at is not None:  # a reconnect: sync what was missed
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
        lost = self.feed_lost_at
        with contextlib.suppress(Failed):
            await self.sync()
            if lost is not None and self.run.killed_at is not None and lost >= self.run.killed_at:
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


# --- where the CPU went ---------------------------------------------------------------------


TICK = os.sysconf("SC_CLK_TCK")


def _proc_stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def _peak_mb(server: Server) -> float:
    """A server process's peak resident memory so far (VmHWM), in MB."""
    if server.process is None:
        return math.nan
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1000
    return math.nan


def _machine_busy() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values[:8]) - idle) / TICK, sum(values[:8]) / TICK


class CpuWatch:
    """CPU seconds in the window: the servers, PostgreSQL (its postmaster and children),
    this process, and the whole machine (the rest is other work on it)."""

    def __init__(self, run: Run, postmaster: int | None) -> None:
        self.run = run
        self.postmaster = postmaster
        self.first: dict[str, dict[int, float]] = {"servers": {}, "postgres": {}}
        self.last: dict[str, dict[int, float]] = {"servers": {}, "postgres": {}}
        self.machine_first = self.machine_last = (0.0, 0.0)
        self.own_first = self.own_last = 0.0

    def sample(self, first: bool = False) -> None:
        groups: dict[str, dict[int, float]] = {"servers": {}, "postgres": {}}
        for server in self.run.servers:
            if server.process is not None and (got := _proc_stat(server.process.pid)):
                groups["servers"][server.process.pid] = got[1]
        if self.postmaster is not None:
            for entry in os.scandir("/proc"):
                got = _proc_stat(int(entry.name)) if entry.name.isdigit() else None
                if got and self.postmaster in (int(entry.name), got[0]):
                    groups["postgres"][int(entry.name)] = got[1]
        for name, values in groups.items():
            if first:
                self.first[name] = dict(values)
            self.last[name].update(values)
        if first:
            self.machine_first, self.own_first = _machine_busy(), time.process_time()
        self.machine_last, self.own_last = _machine_busy(), time.process_time()

    async def watch(self) -> None:
        await self.run.start_load.wait()
        await asyncio.to_thread(self.sample, True)
        while time.monotonic() < self.run.window_end and not self.run.stopping:
            await asyncio.sleep(0.5)
            await asyncio.to_thread(self.sample)

    def seconds(self) -> dict[str, float]:
        out = {
            name: sum(v - self.first[name].get(pid, 0.0) for pid, v in self.last[name].items())
            for name in ("servers", "postgres")
        }
        out["this process"] = self.own_last - self.own_first
        out["machine"] = self.machine_last[0] - self.machine_first[0]
        out["elapsed"] = (self.machine_last[1] - self.machine_first[1]) / (os.cpu_count() or 1)
        return out


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


# --- the run -------------------------------------------------------------------------------


@dataclass
class Outcome:
    stats: Stats
    clients: int
    seconds: float
    window_s: float
    sign_in_s: float
    sign_in_peak_mb: list[float]
    cpu: dict[str, float]
    killed: bool
    restart_s: float | None
    killed_clients: int
    resynced: int
    resync_last_s: float | None
    lost: int
    lost_samples: list[str]
    double_bookings: int
    bookings_in_db: int
    backend: str
    prepare_s: float
    think_s: float
    rooms: int
    server_logs: str | None
    proxy: bool = False


async def drive(
    prepared: Prepared,
    servers: list[Server],
    clients: int,
    seconds: float,
    think: float,
    kill: bool,
    postmaster: int | None = None,
    front: Proxy | None = None,
) -> tuple[Run, float, dict[str, float]]:
    from podyx_desktop.domain.enums import PaymentMethod
    from podyx_desktop.domain.requests import AvailabilityQuery, BookingRequest, SessionCart
    from podyx_desktop.operations.bookings import Book, FreeTimes
    from podyx_desktop.server.ops import BY_NAME

    run = Run(prepared, servers, Stats(), think)
    run.window_start = run.window_end = math.inf
    cart = SessionCart(prepared.setups[0], prepared.service, 60)
    later = datetime.now(UTC) + timedelta(days=3)
    run.book_template = BY_NAME["Book"].dump_request(
        Book(BookingRequest(cart, later, PaymentMethod.PAY_LATER, terms_accepted=True))
    )
    run.free_template = BY_NAME["FreeTimes"].dump_request(
        FreeTimes(AvailabilityQuery(prepared.setups[0], prepared.service, 60, later.date()))
    )
    run.clients = [
        SimClient(run, i, front if front is not None else servers[i % len(servers)])  # type: ignore[arg-type]
        for i in range(clients)
    ]
    loop = asyncio.get_running_loop()
    lives = [loop.create_task(c.live_through()) for c in run.clients]
    sign_in_started = time.monotonic()
    try:
        # everyone signed in, listening and synced: then the timed window starts
        deadline = time.monotonic() + SETUP_ALLOWANCE_S / 2
        while not all(
            c.feed_connected.is_set() or t.done() for c, t in zip(run.clients, lives, strict=True)
        ):
            if time.monotonic() > deadline:
                raise TimeoutError("the clients did not all sign in and connect")
            await asyncio.sleep(0.2)
        sign_in_s = time.monotonic() - sign_in_started
        run.sign_in_peak_mb = [_peak_mb(server) for server in servers]
        await asyncio.sleep(1.0)  # the first syncs
        run.window_start = time.monotonic()
        run.window_end = run.window_start + seconds
        run.kill_at = run.window_start + seconds / 2 if kill and len(servers) > 1 else None
        cpu = CpuWatch(run, postmaster)
        helpers = [
            loop.create_task(staff_seat(run)),
            loop.create_task(loop_lag(run)),
            loop.create_task(cpu.watch()),
        ]
        if run.kill_at is not None:
            helpers.append(loop.create_task(fault(run, servers[-1])))
        run.start_load.set()
        done, _ = await asyncio.wait(lives, timeout=seconds + 60)
        for task in done:
            if task.exception() is not None:
                run.stats.error(f"client {type(task.exception()).__name__}", repr(task.exception()))
        await asyncio.gather(*helpers, return_exceptions=True)
        await asyncio.sleep(min(2.5, seconds / 2))  # the feed's last events
    finally:
        run.stopping = True
        for task in lives:
            task.cancel()
        await asyncio.gather(*lives, return_exceptions=True)
        await asyncio.gather(*(c.close() for c in run.clients), return_exceptions=True)
    return run, sign_in_s, cpu.seconds()


def check_database(url: str, stats: Stats) -> tuple[int, list[str], int, int]:
    """Lost acknowledged writes (with samples), overlapping live bookings, bookings."""
    from sqlalchemy import select, text

    from podyx_desktop.db import tables as t
    from podyx_desktop.db.engine import Database

    db = Database(url)
    try:
        with db.read() as session:
            found = dict(session.execute(select(t.Booking.id, t.Booking.status)).all())
            double = session.execute(
                text(
                    "SELECT count(*) FROM bookings a JOIN bookings b ON a.room_id = b.room_id "
                    "AND a.id < b.id AND a.status <> 'canceled' AND b.status <> 'canceled' "
                    "AND a.starts_at < b.blocked_until AND b.starts_at < a.blocked_until"
                )
            ).scalar_one()
    finally:
        db.dispose()
    lost = []
    for booking_id, (_client, status) in sorted(stats.acked.items()):
        have = found.get(booking_id)
        if have is None or (status == "canceled") != (have == "canceled"):
            lost.append(f"booking {booking_id}: acknowledged {status}, database {have}")
    return len(lost), lost[:10], int(double), len(found)


def describe_backend(url: str) -> str:
    from sqlalchemy import text

    from podyx_desktop.db.engine import Database

    db = Database(url)
    try:
        with db.engine.connect() as connection:
            if db.is_sqlite:
                return "SQLite (one file; the servers' feeds poll it)"
            version = connection.execute(text("SHOW server_version")).scalar()
            fsync = connection.execute(text("SHOW fsync")).scalar()
            sync = connection.execute(text("SHOW synchronous_commit")).scalar()
            return f"PostgreSQL {version} (fsync={fsync}, synchronous_commit={sync})"
    finally:
        db.dispose()


def run_load(
    url: str,
    *,
    clients: int,
    seconds: float,
    think: float = THINK_S,
    kill: bool = True,
    rooms: int = ROOMS,
    servers: int = 2,
    log_dir: str | None = None,
    postmaster: int | None = None,
    proxy: bool = False,
) -> Outcome:
    """The whole run against the migrated, empty database at ``url``."""
    prepared = prepare(url, clients, rooms)
    folder = log_dir or tempfile.mkdtemp(prefix="podyx-load-")
    keep_logs = True
    running = [
        Server(
            chr(ord("A") + i),
            free_port(),
            url,
            os.path.join(folder, f"server{i}.log"),
            behind_proxy=proxy,
        )
        for i in range(servers)
    ]
    front = Proxy(free_port(), os.path.join(folder, "nginx"), running) if proxy else None
    try:
        started = time.monotonic()
        for server in running:
            server.launch()
        for server in running:
            server.wait_ready(started)
        if front is not None:
            front.start()
        run, sign_in_s, cpu = asyncio.run(
            drive(prepared, running, clients, seconds, think, kill, postmaster, front)
        )
    finally:
        if front is not None:
            front.stop()
        for server in running:
            server.stop()
    if front is not None:  # behind the proxy: the clients whose feed was on the killed one
        run.killed_clients = [c for c in run.clients if c.lost_in_kill]
    stats = run.stats
    if log_dir is None and not stats.errors:
        shutil.rmtree(folder, ignore_errors=True)
        keep_logs = False
    lost, lost_samples, double, in_db = check_database(url, stats)
    killed_clients = run.killed_clients
    resynced = [c for c in killed_clients if c.resynced_after_kill is not None]
    last = (
        max(c.resynced_after_kill for c in resynced) - run.killed_at  # type: ignore[operator,type-var]
        if resynced and run.killed_at
        else None
    )
    return Outcome(
        stats=stats,
        clients=clients,
        seconds=seconds,
        window_s=seconds,
        sign_in_s=sign_in_s,
        sign_in_peak_mb=run.sign_in_peak_mb,
        cpu=cpu,
        killed=run.killed_at is not None,
        restart_s=run.restart_s,
        killed_clients=len(killed_clients),
        resynced=len(resynced),
        resync_last_s=last,
        lost=lost,
        lost_samples=lost_samples,
        double_bookings=double,
        bookings_in_db=in_db,
        backend=describe_backend(url),
        server_logs=folder if keep_logs else None,
        prepare_s=prepared.seconds,
        think_s=think,
        rooms=rooms,
        proxy=proxy,
    )


# --- the report ----------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(o: Outcome) -> str:
    s = o.stats
    reads = [v for k in READS for v in s.latency.get(k, [])]
    writes = [v for k in WRITES for v in s.latency.get(k, [])]
    health = s.latency.get("health", [])
    base50, base95 = percentile(health, 0.5), percentile(health, 0.95)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    errors = sum(s.errors.values())
    unanswered = sum(s.unanswered_writes.values())
    feed95 = percentile(s.feed_latency, 0.95)
    lines = [
        f"bench/server_load.py: {o.clients} clients, {o.seconds:g} s, two podyx-server "
        "processes (--workers 1 each) on loopback"
        + (", behind nginx (one address; a failed server rests 5 s)" if o.proxy else ""),
        f"Database: {o.backend}; Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {load} (the machine is shared: other work skews the figures)",
        f"Set-up: studio ({o.rooms} rooms) and {o.clients} accounts in {o.prepare_s:.1f} s; the "
        "accounts' passwords hashed with a cheap Argon2id (t=1, m=1 MiB, p=1): the server "
        "verifies them and rehashes to its default at the first sign-in",
        f"Sign-in phase (before the timed window): {o.clients} clients signed in, opened the "
        f"feed and synced in {o.sign_in_s:.1f} s; sign-in p50 "
        f"{percentile(s.latency.get('sign in', []), 0.5):.0f} ms, p95 "
        f"{percentile(s.latency.get('sign in', []), 0.95):.0f} ms; the servers' peak RSS "
        + " and ".join(f"{mb:.0f} MB" for mb in o.sign_in_peak_mb)
        + " (info; not in the window)",
        f"Clients in the timed window: {s.clients_looping} of {o.clients}",
        f"Load: {s.in_window:,} requests answered in the {o.window_s:g} s window = "
        f"{s.in_window / o.window_s:.1f} requests/s (think time: exponential, mean "
        f"{o.think_s:g} s); bookings acknowledged: {s.acked_books:,}, cancels acknowledged: "
        f"{s.acked_writes - s.acked_books:,}; {o.bookings_in_db:,} bookings in the database "
        "at the end",
        f"CPU in the window, in cores busy on average (of {os.cpu_count()}): "
        + ", ".join(
            f"{name} {o.cpu[name] / o.cpu['elapsed']:.2f}"
            for name in ("servers", "postgres", "this process", "machine")
        )
        + f" (other work: {(o.cpu['machine'] - o.cpu['servers'] - o.cpu['postgres'] - o.cpu['this process']) / o.cpu['elapsed']:.2f})",
        "Load generator (this process: asyncio + httpx, the staff seat): event-loop lag p95 "
        f"{percentile(s.loop_lag, 0.95):.1f} ms, max {max(s.loop_lag, default=math.nan):.1f} ms "
        "(latencies below include it)",
        "",
        f"{'figure':<34} {'value':>12}  {'goal':<12} {'':4}  baseline (GET /health, same run)",
        f"{'errors':<34} {errors:>12}  {'0':<12} {verdict(errors == 0)}",
        f"{'double bookings (SQL)':<34} {o.double_bookings:>12}  {'0':<12} "
        f"{verdict(o.double_bookings == 0)}",
        f"{'lost acknowledged writes':<34} {o.lost:>12}  {'0':<12} {verdict(o.lost == 0)}  "
        f"({s.acked_writes} acknowledged writes checked, staff cancels included)",
        f"{'reads p95 (n=' + str(len(reads)) + ')':<34} {percentile(reads, 0.95):>9.1f} ms  "
        f"{'≤ 50 ms':<12} {verdict(percentile(reads, 0.95) <= READ_GOAL_MS)}  "
        f"p50 {percentile(reads, 0.5):.1f} ms; health p50 {base50:.1f} ms, p95 {base95:.1f} ms",
        f"{'writes p95 (n=' + str(len(writes)) + ')':<34} {percentile(writes, 0.95):>9.1f} ms  "
        f"{'≤ 150 ms':<12} {verdict(percentile(writes, 0.95) <= WRITE_GOAL_MS)}  "
        f"p50 {percentile(writes, 0.5):.1f} ms; health p50 {base50:.1f} ms, p95 {base95:.1f} ms",
        f"{'change feed p95 (n=' + str(len(s.feed_latency)) + ')':<34} {feed95:>10.2f} s  "
        f"{'≤ 2 s':<12} {verdict(feed95 <= FEED_GOAL_S)}  p50 "
        f"{percentile(s.feed_latency, 0.5):.2f} s; health p95 {base95 / 1000:.3f} s",
    ]
    if o.killed:
        ok = o.resynced == o.killed_clients
        lines.append(
            f"{'restart: clients resynced':<34} {str(o.resynced) + '/' + str(o.killed_clients):>12}"
            f"  {'all':<12} {verdict(ok)}  server B killed (SIGKILL) at {o.seconds / 2:g} s, "
            f"answered /health again {o.restart_s or math.nan:.1f} s later; last client "
            f"resynced {o.resync_last_s or math.nan:.1f} s after the kill"
        )
    else:
        lines.append("restart: not run (--no-kill)")
    lines += ["", "Per request (one HTTP attempt, answered, in the window):"]
    for kind in (*READS, *WRITES, "health"):
        values = s.latency.get(kind, [])
        lines.append(
            f"  {kind:<16} n={len(values):>6}  p50 {percentile(values, 0.5):7.1f} ms  "
            f"p95 {percentile(values, 0.95):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms  "
            f"max {max(values, default=math.nan):7.1f} ms"
        )
    lines += ["", "Over the window, per 10 s (answered requests started then; reads / writes ms):"]
    for start in range(0, math.ceil(o.window_s), 10):
        part = [(k, ms) for at, k, ms in s.timeline if start <= at < start + 10]
        r = [ms for k, ms in part if k in READS]
        w = [ms for k, ms in part if k in WRITES]
        lines.append(
            f"  {start:3d}–{start + 10:<3d} s {len(part) / 10:6.1f} req/s  reads p50 "
            f"{percentile(r, 0.5):6.1f} p95 {percentile(r, 0.95):7.1f}  writes p50 "
            f"{percentile(w, 0.5):6.1f} p95 {percentile(w, 0.95):7.1f}"
            + ("  ← the kill" if o.killed and start <= o.seconds / 2 < start + 10 else "")
        )
    if o.killed:
        calm = [
            (k, ms)
            for at, k, ms in s.timeline
            if not o.seconds / 2 - 1 <= at < o.seconds / 2 + RESTART_SPAN_S
        ]
        r = [ms for k, ms in calm if k in READS]
        w = [ms for k, ms in calm if k in WRITES]
        lines.append(
            f"Away from the restart (requests not started {o.seconds / 2 - 1:g}–"
            f"{o.seconds / 2 + RESTART_SPAN_S:g} s): reads p95 {percentile(r, 0.95):.1f} ms, "
            f"writes p95 {percentile(w, 0.95):.1f} ms (information; the goals above count all)"
        )
    retried = [v for values in s.retried.values() for v in values]
    lines.append(
        f"Retried requests (the restart): {len(retried)}, their whole time incl. back-off p50 "
        f"{percentile(retried, 0.5):.0f} ms, max {max(retried, default=math.nan):.0f} ms"
    )
    lines.append(
        f"Writes in flight when the process died, no answer (not acknowledged): {unanswered}"
        + (f" ({dict(s.unanswered_writes)})" if unanswered else "")
    )
    lines.append(
        f"Change feed: {sum(s.feed_by_source.values())} timed events "
        f"({dict(s.feed_by_source)}; {s.feed_early} arrived before the write's answer, "
        f"counted as 0 s); {s.feed_everything} 'everything' events; "
        f"{s.heard_by_sync} writes heard only through a resync; feed reconnects by server: "
        f"{dict(s.feed_reconnects)}; staff cancels {s.staff_cancels} (refused {s.staff_refused})"
    )
    unheard = 0
    lines.append(f"Refusals on purpose (not errors): {dict(s.refusals) or 'none'}")
    if s.errors:
        lines.append(f"Errors: {dict(s.errors)}")
        lines += [f"  {sample}" for sample in s.error_samples]
        if o.server_logs:
            lines.append(f"  the servers' logs: {o.server_logs}")
    if o.lost_samples:
        lines += [f"  lost: {sample}" for sample in o.lost_samples]
    del unheard
    return "\n".join(lines)


# --- main ----------------------------------------------------------------------------------


def migrate(url: str) -> None:
    """Bring the (empty) database to this version's schema."""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import upgrade_to_head

    db = Database(url)
    try:
        upgrade_to_head(db)
    finally:
        db.dispose()


class HardTimeout(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The studio server under load.")
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=THINK_S, help="mean think time, seconds")
    parser.add_argument("--rooms", type=int, default=ROOMS)
    parser.add_argument("--no-kill", action="store_true", help="no server restart mid-run")
    parser.add_argument(
        "--proxy",
        action="store_true",
        help="the clients reach the servers through nginx, as docs/server.md sets it up",
    )
    parser.add_argument("--database", help="an EMPTY migrated database (default: private PG)")
    parser.add_argument("--timeout", type=float, help="the whole run's limit, seconds")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 60_000 or not 1 <= args.seconds <= 3600:
        parser.error("--clients 1…60000, --seconds 1…3600")

    def expired(_signum: int, _frame: Any) -> None:
        raise HardTimeout(f"the run took longer than {limit:.0f} s")

    limit = args.timeout or (SETUP_ALLOWANCE_S + args.seconds)
    signal.signal(signal.SIGALRM, expired)
    signal.alarm(int(limit))
    cluster = None
    postmaster = None
    try:
        url = args.database
        if url is None:
            from tests.pg_cluster import ThrowawayCluster
            from tests.pg_databases import create_database, unique_database_name

            print("Starting a private PostgreSQL server (durable) …", file=sys.stderr, flush=True)
            cluster = ThrowawayCluster(durable=True)
            cluster.start()
            assert cluster.base_dir is not None
            pid_file = cluster.base_dir / "data" / "postmaster.pid"
            postmaster = int(pid_file.read_text().splitlines()[0])
            url = create_database(cluster.admin_url, unique_database_name("podyx_load"))
        migrate(url)
        print(f"Running {args.clients} clients for {args.seconds:g} s …", file=sys.stderr)
        outcome = run_load(
            url,
            clients=args.clients,
            seconds=args.seconds,
            think=args.think,
            kill=not args.no_kill,
            rooms=args.rooms,
            postmaster=postmaster,
            proxy=args.proxy,
        )
        print(report(outcome))
    except (HardTimeout, KeyboardInterrupt, Exception) as error:  # report, clean up, exit 0
        print(f"bench/server_load.py: stopped: {type(error).__name__}: {error}", file=sys.stderr)
    finally:
        signal.alarm(0)
        if cluster is not None:
            cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
