"""How long every service operation the product names takes, on a large studio.

The operations (:mod:`bench.services_ops`): availability, quote, book, cancel,
reschedule, redeem, add add-ons, record payment, refund, and the client's four lists (the
profile's tabs: upcoming bookings, past bookings, purchases, bundles) for an ordinary
client and for the busiest one. Each is called as the app calls it: the services' public
methods, real units of work, durable commits (SQLite WAL with ``synchronous=FULL``;
PostgreSQL with ``fsync`` and ``synchronous_commit`` on, read back with ``SHOW`` and
printed).

The studio: the generated one of ``--bookings``/``--clients`` (default 100,000 / 10,000;
the issue's large one is ``--bookings 1000000 --clients 50000``), cached between runs by
:mod:`bench.studio_cache` and copied for the run (:mod:`bench.services_studio`), so the
cache is never written. ``--postgres-throwaway`` starts a private, durable PostgreSQL
server and pours the cached studio into it with ``COPY``. ``--database URL`` uses (or, when
empty, generates into) a database of your own.

Baseline (:class:`bench.verdict.Baseline`): one indexed page read of the bookings table
(50 rows, every column, in its own unit of work), measured in a round before every
operation and once more at the end. Each operation prints its median, p95 and their
ratio to the baseline's median, the SQL statements of one call, and PASS/FAIL against the
goal (median ≤ 10 ms on SQLite, ≤ 15 ms on PostgreSQL) — or "noisy" when the baseline's
rounds differ by more than 25 % (the machine's speed changed under the run). Ratios
travel between machines; milliseconds do not. Timings never go into test assertions.

Usage::

    python bench/services.py [--bookings N] [--clients N] [--rooms N] [--postgres-throwaway]
                             [--database URL] [--repeat K] [--budget SECONDS]
                             [--only OP] [--profile OP]

``PODYX_BENCH_RESULTS=DIR`` records the rows for bench/performance_table.py (variant
e.g. ``100k-sqlite``, ``1M-postgresql``).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import math
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, select
from sqlalchemy.engine import make_url

from bench.services_ops import BASELINE_PAGE, Operation, baseline_call, operations
from bench.services_studio import (
    StudioFacts,
    copy_to_postgres,
    server_settings,
    studio_facts,
    working_copy,
)
from bench.verdict import Baseline, Results, machine_line
from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.services import Services

GOAL_MS = {"sqlite": 10.0, "postgresql": 15.0}
WARMUP = 5
MIN_REPEAT = 20
BASELINE_ROUND = 20  # baseline samples per round
BASELINE_BLOCK = 20  # page reads per sample, timed together (see baseline_round)


class StatementLog:
    """Counts (and, when asked, records with their durations) the SQL an engine sends."""

    def __init__(self, database: Database) -> None:
        self.count = 0
        self.recording: list[tuple[float, str]] | None = None
        self._started: list[float] = []
        event.listen(database.engine, "before_cursor_execute", self._before)
        event.listen(database.engine, "after_cursor_execute", self._after)

    def _before(self, *_args: Any) -> None:
        self.count += 1
        self._started.append(time.perf_counter())

    def _after(
        self, _conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
    ) -> None:
        started = self._started.pop() if self._started else time.perf_counter()
        if self.recording is not None:
            self.recording.append(((time.perf_counter() - started) * 1000, statement))


@dataclass
class Timing:
    operation: Operation
    times_ms: list[float] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    @property
    def sql(self) -> int:
        return round(statistics.median(self.statements))


def time_calls(
    call: Callable[[Any], object],
    prepare: Callable[[int], Any],
    repeat: int,
    offset: int,
    budget_s: float,
    log: StatementLog | None = None,
) -> tuple[list[float], list[int]]:
    """``repeat`` timed calls after the warm-up; a slow operation stops once its timed calls
    took ``budget_s`` seconds (but not before :data:`MIN_REPEAT` of them)."""
    times: list[float] = []
    statements: list[int] = []
    gc.collect()
    spent = 0.0
    for i in range(WARMUP + repeat):
        argument = prepare(offset + i)
        before = log.count if log else 0
        started = time.perf_counter()
        call(argument)
        elapsed = time.perf_counter() - started
        if i >= WARMUP:
            times.append(elapsed * 1000)
            statements.append((log.count if log else 0) - before)
            spent += elapsed
            if spent > budget_s and len(times) >= MIN_REPEAT:
                break
    return times, statements


def profile(operation: Operation, log: StatementLog, offset: int, rounds: int = 50) -> str:
    """The SQL of one call with its durations, then where ``rounds`` calls spend time."""
    out = io.StringIO()
    argument = operation.prepare(offset)
    log.recording = []
    operation.call(argument)
    out.write(f"SQL of one call to {operation.name} (ms, statement):\n")
    for ms, statement in log.recording:
        out.write(f"  {ms:7.3f}  {' '.join(statement.split())[:160]}\n")
    log.recording = None
    arguments = [operation.prepare(offset + 1 + i) for i in range(rounds)]
    profiler = cProfile.Profile()
    profiler.enable()
    for argument in arguments:
        operation.call(argument)
    profiler.disable()
    out.write(f"\ncProfile of {rounds} calls, by cumulative time:\n")
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
    return out.getvalue()


def report(
    timings: list[Timing], baseline: Baseline, backend: str, studio: StudioFacts, goal: float
) -> list[str]:
    base = baseline.median
    lines = [
        machine_line(),
        f"Backend: {backend}",
        f"Studio: {studio.bookings:,} bookings, {studio.purchases:,} purchases, "
        f"{studio.clients:,} clients, {studio.rooms} rooms, {studio.first_day} … "
        f"{studio.last_day}; typical client {studio.sample_client_bookings} bookings, "
        f"busiest {studio.heavy_client_bookings}",
        baseline.describe(),
        f"goal: median ≤ {goal:g} ms; × base: median / baseline median; SQL: statements "
        f"per call; n: timed calls after {WARMUP} warm-up calls",
        "",
        f"{'operation':<20} {'median ms':>9} {'p95 ms':>8} {'× base':>7} {'SQL':>4} "
        f"{'n':>4}  {'verdict':<7}  what",
    ]
    for timing in timings:
        op = timing.operation
        verdict = baseline.verdict(timing.median <= goal) if op.target else "info"
        lines.append(
            f"{op.name:<20} {timing.median:9.2f} {timing.p95:8.2f} "
            f"{timing.median / base:7.1f} {timing.sql:4d} {len(timing.times_ms):4d}  "
            f"{verdict:<7}  {op.what}"
        )
    return lines


def size_name(bookings: int) -> str:
    """``100k``, ``1M`` (and ``400`` for a tiny studio)."""
    if bookings >= 1_000_000:
        return f"{bookings // 1_000_000}M"
    return f"{bookings // 1000}k" if bookings >= 1000 else str(bookings)


def bench(url: str, args: argparse.Namespace) -> None:
    db = Database(url)
    try:
        kind = "sqlite" if db.is_sqlite else "postgresql"
        goal = GOAL_MS[kind]
        print("  reading the studio's facts …", file=sys.stderr, flush=True)
        studio = studio_facts(db)
        services = Services(db)
        log = StatementLog(db)
        ops = operations(services, studio)
        wanted = set(args.only or [op.name for op in ops])
        baseline = Baseline(
            f"one indexed page read of {BASELINE_PAGE} bookings (timed in blocks of "
            f"{BASELINE_BLOCK})"
        )
        base_read = baseline_call(services, studio)

        def read_block(start: int) -> None:
            for i in range(start, start + BASELINE_BLOCK):
                base_read(i)

        def baseline_round(offset: int) -> None:
            """A round of samples, each the time of BASELINE_BLOCK page reads in a row
            divided by their number: a sample lasts as long as an operation does, so the
            machine's other work slows it as much (one 0.4 ms read alone rarely waits for
            the CPU; an 8 ms operation often does, and the ratio would not cancel it)."""
            times, _ = time_calls(
                read_block, lambda i: i * BASELINE_BLOCK, BASELINE_ROUND, offset, 2.0
            )
            baseline.add_round([ms / BASELINE_BLOCK for ms in times])

        timings = []
        for index, op in enumerate(ops):
            if op.name not in wanted:
                continue
            baseline_round(index * 1000)
            print(f"  timing {op.name} …", file=sys.stderr, flush=True)
            times, statements = time_calls(
                op.call, op.prepare, args.repeat, index * 10_000, args.budget, log
            )
            timings.append(Timing(op, times, statements))
        baseline_round(99_000)
        lines = report(timings, baseline, server_settings(db), studio, goal)
        print("\n".join(lines), flush=True)
        results = Results("services", f"{size_name(studio.bookings)}-{kind}")
        for timing in timings:
            results.add(
                f"{timing.operation.name} ≤ {goal:g} ms median ({kind}, "
                f"{size_name(studio.bookings)} bookings)",
                f"{timing.median:.2f} ms (p95 {timing.p95:.2f}; "
                f"{timing.median / baseline.median:.1f}× a {baseline.median:.2f} ms page read)",
                baseline.verdict(timing.median <= goal),
            )
        saved = results.save(lines[0])
        if saved:
            print(f"Recorded {saved}", file=sys.stderr)
        for op in ops:
            if op.name in (args.profile or []):
                print()
                print(profile(op, log, offset=900_000))
    finally:
        db.dispose()


def prepared_database(url: str, args: argparse.Namespace) -> str:
    """``url`` with a studio in it: generated when the database is empty."""
    from bench.generate import generate_studio
    from podyx_desktop.db.migrate import upgrade_to_head

    db = Database(url)
    try:
        upgrade_to_head(db)  # a studio of an older schema, as an installed app would
        with db.engine.connect() as connection:
            has_studio = db.engine.dialect.has_table(connection, t.Studio.__tablename__) and (
                connection.execute(select(t.Studio.id)).first() is not None
            )
    finally:
        db.dispose()
    if not has_studio:
        print(f"Generating the studio into {url.split('@')[-1]} …", file=sys.stderr, flush=True)
        generate_studio(
            url, bookings=args.bookings, clients=args.clients, rooms=args.rooms, progress=True
        )
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time every service operation.")
    parser.add_argument("--bookings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--rooms", type=int, default=None, help="default: enough for ~3 years")
    parser.add_argument("--database", help="a database URL: used, or generated into if empty")
    parser.add_argument("--postgres-throwaway", action="store_true", help="a private server")
    parser.add_argument("--repeat", type=int, default=100, help="timed calls per operation")
    parser.add_argument(
        "--budget", type=float, default=5.0, help="seconds of timed calls per operation, at most"
    )
    parser.add_argument("--only", action="append", help="time only this operation (repeatable)")
    parser.add_argument("--profile", action="append", help="profile this operation afterwards")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.database:
        bench(prepared_database(args.database, args), args)
        return 0

    from bench.studio_cache import StudioKey, cached_sqlite

    cached = Path(
        make_url(cached_sqlite(StudioKey(args.bookings, args.clients, rooms=args.rooms))).database
        or ""
    )
    with tempfile.TemporaryDirectory(prefix="podyx-bench-services-") as folder:
        copy = working_copy(cached, Path(folder), args.bookings, args.clients, args.rooms)
        if not args.postgres_throwaway:
            bench(copy, args)
            return 0
        from tests.pg_cluster import ThrowawayCluster
        from tests.pg_databases import create_database, unique_database_name

        cluster = ThrowawayCluster(durable=True)  # fsync and synchronous commits on
        cluster.start()
        try:
            url = create_database(cluster.admin_url, unique_database_name("podyx_bench"))
            copy_to_postgres(copy, url)
            Path(folder, "studio.sqlite3").unlink()  # the disk space back during the run
            bench(url, args)
        finally:
            cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
