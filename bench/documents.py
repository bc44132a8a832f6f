"""How fast receipts render, alone and in bulk through ``podyx-admin export receipts``.

1. **One receipt**: the median of ``--renders`` renders (after a few warm-up renders) of
   the realistic sample receipt from :mod:`podyx_desktop.documents.samples` (logo, seller
   and business buyer, three lines with a promo discount), against a baseline measured in
   the same run: a minimal reportlab document with one paragraph in each of the fonts a
   receipt embeds (DejaVu Sans and DejaVu Sans Bold), registered the same way
   (:class:`~podyx_desktop.documents.fonts.FontSet`), so the font subsetting both pay
   cancels out. Target: the receipt at most 2 × the
   baseline.
2. **1,000 receipts**: a studio is generated with :mod:`bench.generate` into a temporary
   SQLite file; the first local days holding at least ``--receipts`` receipts and credit
   notes are exported by the export code path (:func:`podyx_desktop.cli.export.run_export`)
   in a fresh Python process, so interpreter start-up, imports, font loading, the
   database query, rendering (on as many processes as the export picks, or ``--jobs``)
   and the atomic writes are all in the wall time. Target: at most 15 s per 1,000
   receipts.

Prints PASS or FAIL against each target, for information; always exits 0.

Usage::

    python bench/documents.py [--renders N] [--receipts N] [--jobs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
RATIO_TARGET = 2.0
EXPORT_TARGET_S = 15.0  # per 1,000 receipts
WARM_UP = 5

EXPORT_SCRIPT = """
import argparse, sys, time
started = time.perf_counter()
from podyx_desktop.cli.export import add_export_commands, run_export
parser = argparse.ArgumentParser(prog="podyx-admin")
add_export_commands(parser.add_subparsers(dest="command"))
code = run_export(parser.parse_args(sys.argv[2:]), sys.argv[1])
print(f"BENCH_SECONDS {time.perf_counter() - started:.3f}", file=sys.stderr)
sys.exit(code)
"""


def median_ms(render: Callable[[], bytes], count: int) -> float:
    """The median wall time of ``count`` calls of ``render``, in milliseconds."""
    for _ in range(WARM_UP):
        render()
    times = []
    for _ in range(count):
        started = time.perf_counter()
        render()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def minimal_document() -> bytes:
    """A heading and a paragraph in the fonts a receipt embeds, built the way receipts are."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from podyx_desktop.documents.fonts import BOLD, REGULAR, FontSet

    fonts = FontSet()
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=REGULAR)
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=16, leading=20)
    text = "Receipt R-2025-00041 for Đorđe Šćepanović: Podcast recording, 2 h, 161,99 €."
    doc.build(
        [
            Paragraph(fonts.markup("Receipt R-2025-00041"), heading),
            Paragraph(fonts.markup(text), style),
        ]
    )
    return buffer.getvalue()


def one_receipt(renders: int) -> tuple[float, float]:
    """Median ms of the sample receipt and of the minimal document."""
    from podyx_desktop.documents import render_receipt, samples

    studio, purchase = samples.studio(), samples.receipt()
    receipt_ms = median_ms(lambda: render_receipt(purchase, studio), renders)
    baseline_ms = median_ms(minimal_document, renders)
    return receipt_ms, baseline_ms


def days_holding(url: str, wanted: int) -> tuple[date, date, int]:
    """The first local days whose receipts and credit notes number at least ``wanted``."""
    from sqlalchemy import select

    from podyx_desktop.db import tables as t
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.availability import studio_zone

    db = Database(url)
    try:
        with db.read() as session:
            studio = session.get(t.Studio, 1)
            assert studio is not None
            zone = studio_zone(studio.time_zone)
            issued = session.scalars(
                select(t.Purchase.paid_at).where(
                    t.Purchase.receipt_number.is_not(None), t.Purchase.paid_at.is_not(None)
                )
            ).all()
    finally:
        db.dispose()
    per_day = Counter(moment.astimezone(zone).date() for moment in issued if moment)
    days = sorted(per_day)
    total = 0
    for day in days:
        total += per_day[day]
        if total >= wanted:
            return days[0], day, total
    return days[0], days[-1], total


def children_cpu_seconds() -> float | None:
    """CPU seconds used so far by finished child processes (and theirs), where known."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def export_receipts(
    url: str, first: date, last: date, folder: Path, jobs: int
) -> tuple[float, float | None]:
    """Wall seconds of ``export receipts`` in a fresh process (start-up included), and the
    CPU seconds it and its workers used (None where unknown)."""
    argv = ["export", "receipts", "--from", first.isoformat(), "--to", last.isoformat()]
    argv += ["--jobs", str(jobs), str(folder)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    cpu_before = children_cpu_seconds()
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", EXPORT_SCRIPT, url, *argv],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - started
    cpu_after = children_cpu_seconds()
    if result.returncode != 0:
        raise SystemExit(f"the export failed: {result.stderr.strip()}")
    print(f"  {result.stdout.strip()}")
    cpu = cpu_after - cpu_before if cpu_after is not None and cpu_before is not None else None
    return seconds, cpu


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--renders", type=int, default=50, help="timed renders (default 50)")
    parser.add_argument("--receipts", type=int, default=1000, help="receipts to export")
    parser.add_argument("--jobs", type=int, default=0, help="export processes (0: automatic)")
    parser.add_argument("--keep", type=Path, help="export into this folder and keep the PDFs")
    args = parser.parse_args(argv)

    from bench.generate import generate_studio
    from podyx_desktop.cli.export import process_count
    from podyx_desktop.db.engine import sqlite_url

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    receipt_ms, baseline_ms = one_receipt(args.renders)
    ratio = receipt_ms / baseline_ms
    print(f"One receipt (median of {args.renders}): {receipt_ms:.1f} ms")
    print(f"Minimal document (a heading and a paragraph), same two fonts: {baseline_ms:.1f} ms")
    print(f"  ratio {ratio:.2f} × (target ≤ {RATIO_TARGET:g} ×) {verdict(ratio <= RATIO_TARGET)}")

    with tempfile.TemporaryDirectory(prefix="podyx-bench-documents-") as scratch:
        url = sqlite_url(Path(scratch) / "bench.sqlite3")
        # ~1 paid purchase per booking; some stay unpaid, some are refunded: 1.6 × is ample
        bookings = max(200, int(args.receipts * 1.6))
        studio = generate_studio(url, bookings=bookings, clients=max(50, bookings // 10))
        print(
            f"Generated {studio.bookings:,} bookings, {studio.purchases:,} purchases "
            f"in {studio.seconds:.1f} s"
        )
        first, last, count = days_holding(url, args.receipts)
        folder = args.keep or Path(scratch) / "receipts"
        jobs = process_count(args.jobs, count)
        print(
            f"Exporting {count:,} receipts and credit notes ({first} … {last}) "
            f"on {jobs} process{'es' if jobs > 1 else ''}:"
        )
        seconds, cpu = export_receipts(url, first, last, folder, args.jobs)
        files = len([p for p in folder.iterdir() if p.suffix == ".pdf"])
        per_thousand = seconds * 1000 / max(count, 1)
    print(
        f"  {files:,} files in {seconds:.1f} s wall ({seconds * 1000 / max(count, 1):.1f} ms "
        "per receipt)"
    )
    if cpu is not None:  # on a busy machine: the work done, whatever the wall time
        print(
            f"  {cpu:.1f} s CPU in all processes ({cpu * 1000 / max(count, 1):.1f} ms per receipt)"
        )
    print(
        f"  {per_thousand:.1f} s per 1,000 receipts (target ≤ {EXPORT_TARGET_S:g} s) "
        f"{verdict(per_thousand <= EXPORT_TARGET_S and files == count)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
