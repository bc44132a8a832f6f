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
   the same port; its clients retry their requests with back-off and re-open their feed
   as the window does (``sync/connection.py``: after random waits of up to 2, 4, 10, then
   20 s: 1, 2, 5, 10 s ±100 %, "full jitter") with their copy's cursor: its first event
   says whether anything of theirs changed meanwhile, and only then do they resync.
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
import math
import os
import shutil
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from bench.server_load_clients import Run, SimClient, Stats, fault, loop_lag, staff_seat
from bench.server_load_report import Outcome, report
from bench.server_load_setup import (
    ROOMS,
    SETUP_ALLOWANCE_S,
    THINK_S,
    Prepared,
    Proxy,
    Server,
    free_port,
    prepare,
)

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


# --- the run -------------------------------------------------------------------------------


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
