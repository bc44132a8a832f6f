"""How long the everyday service calls take on a large studio.

Generates a studio (:mod:`bench.generate`: by default 100,000 bookings and 10,000 clients
in a temporary SQLite file), then times each operation many times with
:func:`time.perf_counter` and prints its median and 95th percentile in milliseconds, the
SQL statements one call sends, and its ratio to a baseline measured in the same run: a
one-row primary-key read (``session.get(User, id)``) in its own ``db.read()`` unit of work.
Ratios travel between machines; milliseconds do not.

Target: every operation at most 10 ms (median) on SQLite on the development machine. Each
line says PASS or FAIL against it, for information: the script always exits 0, and timings
never go into test assertions.

The services run as the app runs them: real units of work, durable commits (SQLite WAL,
``synchronous=FULL``), the default Argon2id hasher (no operation timed here hashes).

Usage::

    python bench/services.py [--database URL] [--bookings N] [--clients N] [--repeat K]
                             [--rooms N] [--budget SECONDS] [--only OP] [--profile OP]
                             [--postgres-throwaway] [--keep]

``--database`` must name an empty database (the studio is generated into it);
``--postgres-throwaway`` starts a private PostgreSQL server for the run (the test suite's
:mod:`tests.pg_cluster`, but durable: ``fsync`` and ``synchronous_commit`` on, unlike the
tests' server) and removes it afterwards. ``--repeat`` timed calls per operation
(default 200), fewer for a slow one once its calls took ``--budget`` seconds (default 10;
at least 20 calls). ``--only OP`` times just that operation (and the baseline);
``--profile OP`` prints the SQL of one call with each statement's time, then a cProfile of
50 calls. Operation names are those of the table, e.g. ``--profile "list (many)"``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import math
import os
import platform
import pstats
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy
from sqlalchemy import event, text, update

from bench.generate import GeneratedStudio, generate_studio
from bench.history import SLOT_STARTS, TIME_ZONE
from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.domain.availability import local_to_utc, studio_zone, wall_clock
from podyx_desktop.domain.enums import PaymentMethod, Role, SeriesKind
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import (
    AddonChoice,
    AvailabilityQuery,
    BookingRequest,
    SessionCart,
)
from podyx_desktop.services import Services
from podyx_desktop.services.purchases import issue_number

TARGET_MS = 10.0
WARMUP = 5
MIN_REPEAT = 20


# --- measuring -------------------------------------------------------------------------


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
class Operation:
    name: str
    what: str
    call: Callable[[Any], object]  # timed
    prepare: Callable[[int], Any] = lambda i: i  # untimed; its result is passed to call
    target: bool = True  # whether the 10 ms target applies (False: shown for information)


@dataclass
class Result:
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


def run(
    operation: Operation, repeat: int, log: StatementLog, offset: int, budget_s: float
) -> Result:
    """``repeat`` timed calls after the warm-up; a slow operation stops once its timed calls
    took ``budget_s`` seconds (but not before :data:`MIN_REPEAT` of them)."""
    result = Result(operation)
    gc.collect()
    spent = 0.0
    for i in range(WARMUP + repeat):
        argument = operation.prepare(offset + i)
        before = log.count
        started = time.perf_counter()
        operation.call(argument)
        elapsed = time.perf_counter() - started
        if i >= WARMUP:
            result.times_ms.append(elapsed * 1000)
            result.statements.append(log.count - before)
            spent += elapsed
            if spent > budget_s and len(result.times_ms) >= MIN_REPEAT:
                break
    return result


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


# --- the operations --------------------------------------------------------------------


def free_starts(studio: GeneratedStudio) -> Iterator[datetime]:
    """Grid start times on days after the generated history: each one free, once."""
    zone = studio_zone(TIME_ZONE)
    day = studio.free_from
    while True:
        for minute in SLOT_STARTS:
            yield local_to_utc(wall_clock(day, minute), zone, fold=0)
        day += timedelta(days=1)


def operations(services: Services, studio: GeneratedStudio) -> list[Operation]:
    db = services.db
    sample = Principal.user(studio.sample_client_id, Role.CLIENT)
    heavy = Principal.user(studio.heavy_client_id, Role.CLIENT)
    booker_id = (
        studio.sample_client_id + 1
        if studio.sample_client_id < studio.last_client_id
        else studio.sample_client_id - 1
    )
    booker = Principal.user(booker_id, Role.CLIENT)
    cart = SessionCart(
        studio.busy_setup_id,
        studio.podcast_service_id,
        120,
        (AddonChoice(studio.engineer_addon_id, 1), AddonChoice(studio.extra_mic_addon_id, 2)),
    )
    starts = free_starts(studio)

    def baseline(_: object) -> None:
        with db.read() as session:
            session.get(t.User, studio.sample_client_id)

    def write_baseline(_: object) -> None:
        with db.write() as session:
            session.execute(
                update(t.User).where(t.User.id == booker_id).values(updated_at=datetime.now(UTC))
            )

    def book(starts_at: datetime) -> int:
        request = BookingRequest(
            cart, starts_at, PaymentMethod.PAY_LATER, terms_accepted=True, promo_code="studio10"
        )
        return services.checkout.book(booker, request).booking.id

    def fresh_booking(_: int) -> int:
        return book(next(starts))

    def allocate(_: object) -> None:
        with db.write() as session:
            issue_number(session, SeriesKind.RECEIPT, datetime.now(UTC), TIME_ZONE)

    query = AvailabilityQuery(studio.busy_setup_id, studio.podcast_service_id, 120, studio.busy_day)
    return [
        Operation(
            "baseline",
            "session.get(User, id) in db.read()",
            baseline,
            target=False,
        ),
        Operation(
            "availability",
            f"free_slots, busy room, {studio.busy_day} ({studio.busy_day_bookings} booked)",
            lambda _: services.availability.free_slots(sample, query),
        ),
        Operation(
            "quote",
            "checkout.quote, 2 add-ons + promo code",
            lambda _: services.checkout.quote(sample, cart, "studio10"),
        ),
        Operation(
            "book",
            "checkout.book, pay later, 2 add-ons + promo",
            book,
            prepare=lambda _: next(starts),
        ),
        Operation(
            "cancel",
            "bookings.cancel of a fresh booking (in cutoff)",
            lambda booking_id: services.bookings.cancel(booker, booking_id, reason="bench"),
            prepare=fresh_booking,
        ),
        Operation(
            "list (typical)",
            f"bookings.list_for_client, {studio.sample_client_bookings} bookings",
            lambda _: services.bookings.list_for_client(sample, studio.sample_client_id),
        ),
        Operation(
            "list (many)",
            f"bookings.list_for_client, {studio.heavy_client_bookings} bookings (the latest 100)",
            lambda _: services.bookings.list_for_client(heavy, studio.heavy_client_id),
        ),
        Operation(
            "upcoming (many)",
            "bookings.list_for_client(upcoming=True), as the Bookings tab asks",
            lambda _: services.bookings.list_for_client(
                heavy, studio.heavy_client_id, upcoming=True
            ),
        ),
        Operation(
            "purchases (typ.)",
            "purchases.list_for_client, the sample client",
            lambda _: services.purchases.list_for_client(sample, studio.sample_client_id),
        ),
        Operation(
            "purchases (many)",
            "purchases.list_for_client, the client with the most bookings",
            lambda _: services.purchases.list_for_client(heavy, studio.heavy_client_id),
        ),
        Operation(
            "receipt number",
            "purchases.issue_number in db.write()",
            allocate,
        ),
        Operation(
            "write baseline",
            "UPDATE one user row in db.write()",
            write_baseline,
            target=False,
        ),
    ]


# --- reporting -------------------------------------------------------------------------


def describe_backend(db: Database) -> str:
    with db.engine.connect() as connection:
        if db.is_sqlite:
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
            sync = connection.exec_driver_sql("PRAGMA synchronous").scalar()
            return f"SQLite {sqlite3.sqlite_version} (journal_mode={mode}, synchronous={sync})"
        version = connection.execute(text("SHOW server_version")).scalar()
        return f"PostgreSQL {version}"


def report(results: list[Result], backend: str, studio: GeneratedStudio, repeat: int) -> str:
    base = next(r for r in results if r.operation.name == "baseline").median
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    lines = [
        f"Backend: {backend}; Python {platform.python_version()}, SQLAlchemy "
        f"{sqlalchemy.__version__}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {load} (other work on the machine skews the figures)",
        f"Studio: {studio.bookings:,} bookings, {studio.purchases:,} purchases, "
        f"{studio.clients:,} clients, {studio.rooms} rooms, {studio.first_day} … "
        f"{studio.last_day}; generated in {studio.seconds:.1f} s",
        f"Each operation: up to {repeat} timed calls (n) after {WARMUP} warm-up calls; "
        f"target: median ≤ {TARGET_MS:g} ms; × base: median / baseline median; SQL: "
        "statements per call",
        "",
        f"{'operation':<16} {'median ms':>9} {'p95 ms':>8} {'× base':>7} {'SQL':>4} {'n':>4}  "
        f"{'target':<6}  what",
    ]
    for result in results:
        op = result.operation
        verdict = ("PASS" if result.median <= TARGET_MS else "FAIL") if op.target else "info"
        lines.append(
            f"{op.name:<16} {result.median:9.2f} {result.p95:8.2f} "
            f"{result.median / base:7.1f} {result.sql:4d} {len(result.times_ms):4d}  "
            f"{verdict:<6}  {op.what}"
        )
    return "\n".join(lines)


# --- main ------------------------------------------------------------------------------


def bench(url: str, args: argparse.Namespace) -> None:
    print(f"Generating the studio into {url.split('@')[-1]} …", file=sys.stderr, flush=True)
    studio = generate_studio(
        url,
        bookings=args.bookings,
        clients=args.clients,
        seed=args.seed,
        rooms=args.rooms,
        progress=True,
    )
    db = Database(url)
    try:
        services = Services(db)
        # the sample client can sign in with the generated password (one real Argon2 verify)
        services.accounts.sign_in(studio.sample_client_email, studio.sample_client_password)
        log = StatementLog(db)
        ops = operations(services, studio)
        wanted = set(args.only or [op.name for op in ops]) | {"baseline"}
        results = []
        for index, op in enumerate(ops):
            if op.name not in wanted:
                continue
            print(f"  timing {op.name} …", file=sys.stderr, flush=True)
            results.append(run(op, args.repeat, log, index * 10_000, args.budget))
        print(report(results, describe_backend(db), studio, args.repeat))
        for op in ops:
            if op.name in (args.profile or []):
                print()
                print(profile(op, log, offset=900_000))
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the everyday service calls.")
    parser.add_argument("--database", help="an EMPTY database URL (default: temporary SQLite)")
    parser.add_argument("--bookings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--rooms", type=int, default=None, help="default: enough for ~3 years")
    parser.add_argument("--repeat", type=int, default=200, help="timed calls per operation")
    parser.add_argument(
        "--budget", type=float, default=10.0, help="seconds of timed calls per operation, at most"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgres-throwaway", action="store_true", help="a private server")
    parser.add_argument("--only", action="append", help="time only this operation (repeatable)")
    parser.add_argument("--profile", action="append", help="profile this operation afterwards")
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite file")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    if args.postgres_throwaway:
        from tests.pg_cluster import ThrowawayCluster
        from tests.pg_databases import create_database, unique_database_name

        cluster = ThrowawayCluster(durable=True)  # fsync and synchronous commits on
        cluster.start()
        try:
            bench(create_database(cluster.admin_url, unique_database_name("podyx_bench")), args)
        finally:
            cluster.stop()
        return 0
    if args.database:
        bench(args.database, args)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="podyx-bench-"))
    try:
        bench(sqlite_url(folder / "bench.sqlite3"), args)
    finally:
        if args.keep:
            print(f"Kept {folder / 'bench.sqlite3'}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
