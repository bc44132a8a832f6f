"""Memory of the purchase exports at a million bookings, and the Payments place's queue.

The studio is the cached one of :mod:`bench.studio_cache` (``--bookings``, default
1,000,000, and ``--clients``, default 50,000: generated once into
``~/.cache/podyx-bench/``, then reused and upgraded to the app's schema), or
``--database FILE``, a SQLite file generated before (used as it is). For the 30 local
days ending on the last day with receipts, each export runs in a fresh process (so one
run's memory does not hide the next), which first imports everything, opens the services
and reads the studio, then measures its resident set (the **idle** RSS), exports, and
reports its peak RSS (``VmHWM``, reset at idle) above that idle figure:

* **streamed** — ``ExportService.stream_purchases_between`` (keyset chunks of 500 inside
  one read transaction) written row by row as CSV (``podyx-admin export purchases``);
  goal ≤ 100 MB above idle;
* beside it, in the same run: **list** — the same rows read as one list first
  (``purchases_between``, what the export did before), then written as CSV.

It also times the Payments place's first page (``PaymentQueueService.page``, 200 rows,
oldest first): the query walks the partial index ``ix_purchases_pending`` (migration
0008: the purchases awaiting payment, in the queue's order); three rounds of five after a
warm-up, median.

The machine's load is printed first and last (:func:`bench.verdict.machine_line`). Each
verdict has its baseline (:class:`bench.verdict.Baseline`), and says ``noisy`` instead of
PASS/FAIL when that baseline's rounds differ by more than 25 %:

* the export's memory: the idle process's resident set, read five times in each export
  process (a round each) — two processes that start unlike each other make a figure
  "above idle" meaningless;
* the queue's time: one indexed page read of the bookings table (50 rows by id) in this
  process, in rounds of 20 before, between and after the exports and between the
  queue's rounds — the machine's speed changing under the run.

With ``PODYX_BENCH_RESULTS=DIR`` the rows go to ``DIR/desk_exports-<variant>.json`` for
``bench/performance_table.py``.

Usage::

    python bench/desk_exports.py [--bookings N] [--clients N] [--database FILE] [--days N]

The script prints PASS/FAIL (or noisy) and always exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.verdict import Baseline, Results, machine_line

GOAL_MB = 100.0
QUEUE_GOAL_MS = 50.0
BASELINE_ROWS = 50
BASELINE_SAMPLES = 20  # page reads per baseline round
QUEUE_ROUNDS, QUEUE_SAMPLES = 3, 5
IDLE_SAMPLES = 5  # resident-set readings of an idle export process


def rss_mb() -> float:
    """This process's resident set now, in MB (Linux: /proc/self/statm)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    """The highest resident set this process has had since :func:`reset_peak`, in MB
    (``VmHWM``; not ``ru_maxrss``, which Linux carries over from the parent across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def reset_peak() -> None:
    """Start the peak (``VmHWM``) again from the resident set now (Linux ≥ 4.0)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def child(url: str, mode: str, first: str, last: str) -> None:
    """One export in this (fresh) process; prints a JSON line with the figures."""
    from datetime import date

    from podyx_desktop.db.engine import Database
    from podyx_desktop.documents.purchases_csv import write_purchases_csv
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

    services = Services(Database(url))
    system = Principal.system()
    zone = services.catalogue.studio(system).time_zone
    exports = services.exports
    day_1, day_n = date.fromisoformat(first), date.fromisoformat(last)
    exports.count_purchases_between(system, day_1, day_1)  # the engine and its pool ready
    idle_samples = []
    for _ in range(IDLE_SAMPLES):  # the memory baseline's round for this process
        idle_samples.append(rss_mb())
        time.sleep(0.05)
    idle = statistics.median(idle_samples)
    reset_peak()
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        if mode == "stream":
            rows = write_purchases_csv(
                exports.stream_purchases_between(system, day_1, day_n), sink, zone
            )
        else:
            rows = write_purchases_csv(exports.purchases_between(system, day_1, day_n), sink, zone)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "idle": idle,
                "idle_samples": idle_samples,
                "peak": peak_mb(),
                "rows": rows,
                "seconds": seconds,
            }
        )
    )


def run_child(url: str, mode: str, first: str, last: str) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--url", url, "--first", first, "--last", last],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


class PageRead:
    """The baseline: one indexed page read of the bookings table (50 rows by id, from a
    point that moves through the table), on its own engine in this process."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine, func, select

        from podyx_desktop.db import tables as t

        self._engine = create_engine(url)
        with self._engine.connect() as connection:
            self._top = connection.scalar(select(func.max(t.Booking.id))) or 1
        columns = (t.Booking.id, t.Booking.starts_at, t.Booking.ends_at, t.Booking.status)
        self._query = select(*columns).order_by(t.Booking.id).limit(BASELINE_ROWS)
        self._id = t.Booking.id
        self._turn = 0

    def round(self, baseline: Baseline) -> None:
        samples = []
        with self._engine.connect() as connection:
            for _ in range(BASELINE_SAMPLES):
                self._turn += 1
                after = (self._turn * 7919) % self._top
                started = time.perf_counter()
                rows = connection.execute(self._query.where(self._id > after)).all()
                samples.append((time.perf_counter() - started) * 1000)
                assert rows or after > self._top - BASELINE_ROWS
        baseline.add_round(samples)

    def close(self) -> None:
        self._engine.dispose()


def queue_page_ms(url: str, page_read: PageRead, baseline: Baseline) -> tuple[float, int]:
    """The Payments queue's first page: rounds of five, a baseline round before each."""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.paging import PageRequest
    from podyx_desktop.domain.payments import PaymentSort
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

    services = Services(Database(url))
    request = PageRequest(PaymentSort.CREATED_AT)
    page = services.payment_queue.page(Principal.system(), request)  # warm-up
    times = []
    for _ in range(QUEUE_ROUNDS):
        page_read.round(baseline)
        for _ in range(QUEUE_SAMPLES):
            started = time.perf_counter()
            services.payment_queue.page(Principal.system(), request)
            times.append((time.perf_counter() - started) * 1000)
    services.db.dispose()
    return statistics.median(times), len(page.rows)


def export_days(url: str, days: int) -> tuple[str, str, int]:
    """The ``days`` local days ending on the last day with a receipt, and their purchases."""
    from datetime import timedelta

    from sqlalchemy import func, select

    from podyx_desktop.db import tables as t
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.availability import studio_zone
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

    db = Database(url)
    services = Services(db)
    with db.read() as session:
        latest = session.scalar(select(func.max(t.Purchase.paid_at)))
        zone = studio_zone(session.get(t.Studio, 1).time_zone)  # type: ignore[union-attr]
    assert latest is not None, "the studio has no receipts"
    last = latest.astimezone(zone).date()
    first = last - timedelta(days=days - 1)
    count = services.exports.count_purchases_between(Principal.system(), first, last)
    db.dispose()
    return first.isoformat(), last.isoformat(), count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bookings", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--database", help="a SQLite file generated before (reused as it is)")
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--child", choices=("stream", "list"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--first", help=argparse.SUPPRESS)
    parser.add_argument("--last", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.url, args.child, args.first, args.last)
        return 0
    from podyx_desktop.db.engine import sqlite_url

    print(machine_line(), flush=True)
    if args.database:
        return report(sqlite_url(Path(args.database)), args.days, "(reused as it is)", "file")
    from bench.studio_cache import StudioKey, cache_folder, cached_sqlite
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import upgrade_to_head

    url = cached_sqlite(StudioKey(args.bookings, args.clients))
    db = Database(url)
    backup = upgrade_to_head(db, backup_dir=cache_folder() / "upgrade-backups")
    if backup is not None:  # a cached studio needs no copy of its older schema
        backup.unlink()
    db.dispose()
    size = (
        f"{args.bookings // 1000}k"
        if args.bookings < 1_000_000
        else f"{args.bookings // 1_000_000}M"
    )
    return report(url, args.days, f"of {args.bookings:,} bookings (cached)", f"{size}-sqlite")


def report(url: str, days: int, origin: str, variant: str) -> int:
    first, last, count = export_days(url, days)
    print(f"Studio {origin}; exporting {count:,} purchases of {days} days ({first} … {last})")
    baseline = Baseline(f"page read ({BASELINE_ROWS} bookings by id)")
    page_read = PageRead(url)
    page_read.round(baseline)
    streamed = run_child(url, "stream", first, last)
    page_read.round(baseline)
    listed = run_child(url, "list", first, last)
    ms, rows = queue_page_ms(url, page_read, baseline)
    page_read.round(baseline)
    page_read.close()
    above = streamed["peak"] - streamed["idle"]
    list_above = listed["peak"] - listed["idle"]
    idle = Baseline("idle process RSS")  # one round per export process, in MB
    idle.add_round(streamed["idle_samples"])
    idle.add_round(listed["idle_samples"])
    memory_verdict = idle.verdict(above <= GOAL_MB)
    queue_verdict = baseline.verdict(ms <= QUEUE_GOAL_MS)
    print(f"  idle process RSS            {streamed['idle']:8.1f} MB")
    print(
        f"  streamed CSV export         {above:8.1f} MB above idle "
        f"({streamed['rows']:,.0f} rows, {streamed['seconds']:.1f} s)  goal ≤ {GOAL_MB:.0f} MB  "
        f"{memory_verdict}"
    )
    print(
        f"  beside it: list, then CSV   {list_above:8.1f} MB above idle "
        f"({listed['rows']:,.0f} rows, {listed['seconds']:.1f} s)"
    )
    print(
        f"  Payments queue, first page  {ms:8.1f} ms ({rows} rows; {ms / baseline.median:.1f}× "
        f"the baseline)  goal ≤ {QUEUE_GOAL_MS:.0f} ms  {queue_verdict}"
    )
    print(f"  {baseline.describe()}  (the queue's verdict)")
    state = "noisy: no verdict" if idle.noisy else "steady"
    print(
        f"  baseline idle process RSS: median {idle.median:.1f} MB over the two export "
        f"processes, which differ by {idle.spread:.0%} ({state}; the memory verdict)"
    )
    machine = machine_line()
    print(machine)
    results = Results("desk_exports", variant)
    results.add(
        f"a {days}-day purchase export (CSV) ≤ {GOAL_MB:.0f} MB above the idle process",
        f"{above:.1f} MB above idle, {streamed['rows']:,.0f} purchases "
        f"(read as one list first: {list_above:.1f} MB)",
        memory_verdict,
    )
    results.add(
        f"Payments queue's first page ≤ {QUEUE_GOAL_MS:.0f} ms",
        f"{ms:.1f} ms median ({rows} rows; baseline page read {baseline.median:.2f} ms)",
        queue_verdict,
    )
    results.save(machine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
