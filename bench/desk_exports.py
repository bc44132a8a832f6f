"""Memory of the purchase exports at a million bookings, and the Payments place's queue.

The studio is generated with :mod:`bench.generate` (``--bookings``, default 1,000,000)
into a SQLite file (``--database FILE`` reuses one already generated). For the 30 local
days ending on the last day with receipts, each export runs in a fresh process (so one
run's memory does not hide the next), which first imports everything, opens the services
and reads the studio, then measures its resident set (the **idle** RSS), exports, and
reports its peak RSS (``VmHWM``, reset at idle) above that idle figure:

* **streamed** — ``ExportService.stream_purchases_between`` (keyset chunks of 500 inside
  one read transaction) written row by row as CSV (``podyx-admin export purchases``);
  goal ≤ 100 MB above idle;
* the baseline, in the same run: **list** — the same rows read as one list first
  (``purchases_between``, what the export did before), then written as CSV.

It also times the Payments place's first page (``PaymentQueueService.page``, 200 rows,
oldest first): the query walks the partial index ``ix_purchases_pending`` (migration
0008: the purchases awaiting payment, in the queue's order); median of five after a
warm-up.

Usage::

    python bench/desk_exports.py [--bookings N] [--clients N] [--database FILE] [--days N]

The script prints PASS/FAIL and always exits 0.
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
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_MB = 100.0
QUEUE_GOAL_MS = 50.0


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


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
    idle = rss_mb()
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
    print(json.dumps({"idle": idle, "peak": peak_mb(), "rows": rows, "seconds": seconds}))


def run_child(url: str, mode: str, first: str, last: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--url", url, "--first", first, "--last", last],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def queue_page_ms(url: str) -> tuple[float, int]:
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.paging import PageRequest
    from podyx_desktop.domain.payments import PaymentSort
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

    services = Services(Database(url))
    request = PageRequest(PaymentSort.CREATED_AT)
    page = services.payment_queue.page(Principal.system(), request)
    times = []
    for _ in range(5):
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

    if args.database:
        return report(sqlite_url(Path(args.database)), args.days, "(reused)")
    with tempfile.TemporaryDirectory(prefix="podyx-exports-") as folder:
        from bench.generate import generate_studio

        url = sqlite_url(Path(folder) / "bench.sqlite3")
        studio = generate_studio(url, bookings=args.bookings, clients=args.clients)
        return report(url, args.days, f"generated in {studio.seconds:.0f} s")


def report(url: str, days: int, origin: str) -> int:
    first, last, count = export_days(url, days)
    print(f"Studio {origin}; exporting {count:,} purchases of {days} days ({first} … {last})")
    streamed = run_child(url, "stream", first, last)
    listed = run_child(url, "list", first, last)
    above = streamed["peak"] - streamed["idle"]
    list_above = listed["peak"] - listed["idle"]
    print(f"  idle process RSS            {streamed['idle']:8.1f} MB")
    print(
        f"  streamed CSV export         {above:8.1f} MB above idle "
        f"({streamed['rows']:,.0f} rows, {streamed['seconds']:.1f} s)  goal ≤ {GOAL_MB:.0f} MB  "
        f"{verdict(above <= GOAL_MB)}"
    )
    print(
        f"  baseline: list, then CSV    {list_above:8.1f} MB above idle "
        f"({listed['rows']:,.0f} rows, {listed['seconds']:.1f} s)"
    )
    ms, rows = queue_page_ms(url)
    print(
        f"  Payments queue, first page  {ms:8.1f} ms ({rows} rows)  goal ≤ {QUEUE_GOAL_MS:.0f} ms  "
        f"{verdict(ms <= QUEUE_GOAL_MS)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
