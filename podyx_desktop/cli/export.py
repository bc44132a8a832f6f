"""``podyx-admin export receipts|summaries --from DAY --to DAY DIR``: PDFs in bulk.

``receipts`` writes every receipt and credit note issued between two days (the studio's
local days, both inclusive) as ``<receipt number>.pdf``; ``summaries`` writes the session
summary of every booking starting between them as ``session-<id>-<YYYY-MM-DD>.pdf``.
Each file is written beside its final name and renamed into place when complete, so a
folder never holds half a PDF; a file of the same name is replaced.

``--language en|de`` chooses the documents' language; by default the studio's (its locale's
language when Podyx speaks it, else English; docs/rules.md). Everything that can be
checked is checked before the first PDF is rendered (the days, the
database, the folder: created when missing, refused when it is a file or not writable)
and refused in one line on stderr with exit code 2, nothing written. Larger exports render
on several processes. Heavy imports happen inside the functions, so registering the
command keeps ``podyx-admin --help`` fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from podyx_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    PROG,
    Command,
    Invocation,
    describe_error,
    target,
)
from podyx_desktop.cli.export_stream import open_services
from podyx_desktop.domain.errors import PodyxError

if TYPE_CHECKING:
    from podyx_desktop.documents.fonts import FontSet
    from podyx_desktop.domain.records import Purchase, SessionSummary, StudioInfo
    from podyx_desktop.services import Services

log = logging.getLogger(__name__)

RECEIPTS, SUMMARIES, PURCHASES = "receipts", "summaries", "purchases"
PARALLEL_FROM = 100  # documents; fewer render in this process (a pool costs its start-up)
MAX_JOBS = 4
BAR_WIDTH = 30
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{n}" for n in range(1, 10)),
    *(f"LPT{n}" for n in range(1, 10)),
}  # names Windows will not create


class ExportRefused(PodyxError):
    """Bad input for an export, found before anything was written."""


# --- the arguments --------------------------------------------------------------------


def add_export_commands(subparsers: Any) -> None:
    """Add ``export receipts`` and ``export summaries`` to an argparse sub-command set.

    ``subparsers`` is what ``parser.add_subparsers()`` returned; run the parsed arguments
    with :func:`run_export`.
    """
    parser = subparsers.add_parser("export", help=EXPORT_HELP, description=EXPORT_HELP)
    export_arguments(parser)


def export_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``receipts`` and ``summaries`` sub-commands, on an ``export`` parser."""
    # podyx-admin's --database and --log-level (set on `export` by its shared parent, with
    # suppressed defaults) also work after `export receipts`.
    shared = parser.get_default("database") is argparse.SUPPRESS
    kinds = parser.add_subparsers(dest="export_kind", metavar="WHAT", required=True)
    for name, help_text in (
        (RECEIPTS, "every receipt and credit note issued between two days, one PDF each"),
        (SUMMARIES, "the session summary of every booking starting between two days"),
        (PURCHASES, "every receipt and credit note issued between two days, as one CSV file"),
    ):
        sub = kinds.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--from",
            dest="first",
            metavar="DATE",
            required=True,
            help="first day, YYYY-MM-DD, in the studio's time zone (inclusive)",
        )
        sub.add_argument(
            "--to",
            dest="last",
            metavar="DATE",
            required=True,
            help="last day, YYYY-MM-DD, in the studio's time zone (inclusive)",
        )
        if name == PURCHASES:
            sub.add_argument(
                "--csv",
                dest="csv_file",
                metavar="FILE",
                required=True,
                help="the CSV file to write (replaced if it exists; written beside it and "
                "renamed into place when complete)",
            )
            add_shared(sub, shared)
            continue
        sub.add_argument(
            "folder",
            metavar="DIR",
            help="folder to write the PDFs into (created if missing; files of "
            "the same name are replaced)",
        )
        sub.add_argument(
            "--jobs",
            type=int,
            default=0,
            metavar="N",
            help="processes rendering at once (default: one per CPU, up to "
            f"{MAX_JOBS}, for {PARALLEL_FROM} documents or more)",
        )
        sub.add_argument(
            "--language",
            choices=("en", "de"),
            default="",
            help="the documents' language (default: the studio's)",
        )
        add_shared(sub, shared)


def add_shared(sub: argparse.ArgumentParser, shared: bool) -> None:
    """podyx-admin's --database and --log-level after the sub-command too."""
    if shared:
        sub.add_argument(
            "--database",
            metavar="URL",
            default=argparse.SUPPRESS,
            help="the database (as before the command name)",
        )
        sub.add_argument(
            "--log-level",
            metavar="LEVEL",
            default=argparse.SUPPRESS,
            help="DEBUG, INFO, WARNING (default), ERROR or CRITICAL",
        )


# --- running --------------------------------------------------------------------------


def run_export(args: argparse.Namespace, database_url: str) -> int:
    """Export what ``args`` asks for from ``database_url``; 0 done, 2 refused or failed.

    Every refusal and failure is one line on stderr starting with ``podyx-admin:``.
    """
    try:
        return _export(args, database_url)
    except Exception as error:  # each error ends as one line; DEBUG logs the details
        log.debug("export failed", exc_info=True)
        print(f"{PROG}: {describe_error(error)}", file=sys.stderr)
        return EXIT_FAILED


def run_export_invocation(invocation: Invocation) -> int:
    """``podyx-admin export …`` with the configured database (keyring password included)."""
    try:
        url = target(invocation).connect_url
    except Exception as error:
        print(f"{PROG}: {describe_error(error)}", file=sys.stderr)
        return EXIT_FAILED
    return run_export(invocation.args, url)


@dataclass(frozen=True)
class _Job:
    """One PDF to write: its file name and what to render it from."""

    name: str
    document: Purchase | SessionSummary
    language: str = ""  # "en", "de"; "": the studio's


def _export(args: argparse.Namespace, database_url: str) -> int:
    kind = getattr(args, "export_kind", None)
    if kind not in (RECEIPTS, SUMMARIES, PURCHASES):
        raise ExportRefused(
            "name what to export: `export receipts`, `export summaries` or `export purchases`."
        )
    first, last = parse_day(args.first, "--from"), parse_day(args.last, "--to")
    if first > last:
        raise ExportRefused(
            f"--from {first.isoformat()} is after --to {last.isoformat()}; the first day "
            "cannot come after the last."
        )
    if kind == PURCHASES:
        from podyx_desktop.cli.export_stream import export_purchases_csv

        print(export_purchases_csv(open_services(database_url), first, last, args.csv_file))
        return EXIT_OK
    if args.jobs < 0:
        raise ExportRefused("--jobs must be 0 (automatic) or a positive number of processes.")
    folder = Path(args.folder).expanduser()
    check_folder(folder)  # a file, or a file on the way: refused before the database
    if kind == RECEIPTS:  # streamed from the database, a chunk at a time
        services = open_services(database_url)
        prepare_folder(folder)
        progress = sys.stderr if sys.stderr.isatty() else None
        language = args.language
        print(export_receipts(services, first, last, folder, args.jobs, progress, language))
        return EXIT_OK
    studio, jobs = _load(database_url, first, last, args.language)
    prepare_folder(folder)
    written = write_all(
        jobs,
        folder,
        studio,
        processes=args.jobs,
        progress=sys.stderr if sys.stderr.isatty() else None,
    )
    print(summary_line(kind, jobs, folder, written))
    return EXIT_OK


def export_receipts(
    services: Services,
    first: date,
    last: date,
    folder: Path,
    processes: int,
    progress: TextIO | None,
    language: str = "",
) -> str:
    """Write every receipt and credit note as a PDF into ``folder`` as they stream from
    the database, in ``language`` (``""``: the studio's); returns the line to print."""
    from podyx_desktop.domain.enums import PurchaseKind
    from podyx_desktop.domain.principal import Principal

    system = Principal.system()
    credit_notes = 0

    def counted(purchases: Iterable[Purchase]) -> Iterator[Purchase]:
        nonlocal credit_notes
        for purchase in purchases:
            credit_notes += purchase.kind is PurchaseKind.CREDIT_NOTE
            yield purchase

    try:
        studio = services.catalogue.studio(system)
        total = services.exports.count_purchases_between(system, first, last)
        rows = services.exports.stream_purchases_between(system, first, last)
        try:
            written = write_all(
                receipt_jobs(counted(rows), language),
                folder,
                studio,
                total=total,
                processes=processes,
                progress=progress,
            )
        finally:
            rows.close()  # ends its read transaction
    finally:
        services.db.dispose()
    noun = "receipt" if written == 1 else "receipts"
    line = f"Exported {written} {noun} to {folder}"
    if credit_notes:
        line += f" ({credit_notes} of them credit {'note' if credit_notes == 1 else 'notes'})"
    return line


def parse_day(raw: str, option: str) -> date:
    """``YYYY-MM-DD`` as a date, or a refusal that says what is wrong."""
    text = raw.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError("not YYYY-MM-DD")
        return date.fromisoformat(text)
    except ValueError:
        raise ExportRefused(
            f"{option} “{raw}” is not a date. Give it as YYYY-MM-DD, e.g. 2025-03-31."
        ) from None


def _load(
    database_url: str, first: date, last: date, language: str = ""
) -> tuple[StudioInfo, list[_Job]]:
    """The studio and every session summary to write, read before rendering starts."""
    from podyx_desktop.domain.principal import Principal

    services = open_services(database_url)
    try:
        system = Principal.system()
        studio = services.catalogue.studio(system)
        summaries = [
            services.reports.session_summary(system, booking_id)
            for booking_id in services.exports.bookings_between(system, first, last)
        ]
        return studio, summary_jobs(summaries, language)
    finally:
        services.db.dispose()  # before any worker process starts: it inherits no connection


# --- file names -------------------------------------------------------------------------


def safe_name(text: str, fallback: str) -> str:
    """``text`` as a file name stem every OS accepts: letters, digits, ``. _ -`` only."""
    stem = _UNSAFE.sub("_", text).strip("._ ")[:120]
    if not stem:
        return fallback
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return stem


def receipt_jobs(purchases: Iterable[Purchase], language: str = "") -> Iterator[_Job]:
    """One job per receipt or credit note, named after its number, as the purchases come."""
    taken: set[str] = set()
    for p in purchases:
        stem = safe_name(p.receipt_number or "", f"purchase-{p.id}")
        name = f"{stem}.pdf"
        if name.lower() in taken:
            name = f"{stem}-{p.id}.pdf"
        taken.add(name.lower())
        yield _Job(name, p, language)


def summary_jobs(summaries: Sequence[SessionSummary], language: str = "") -> list[_Job]:
    """One job per booking: ``session-<id>-<local start date>.pdf``."""
    from podyx_desktop.documents.formatting import parse_zone

    jobs = []
    for summary in summaries:
        booking = summary.booking
        day = booking.starts_at.astimezone(parse_zone(summary.studio.time_zone)).date()
        jobs.append(_Job(f"session-{booking.id}-{day.isoformat()}.pdf", summary, language))
    return jobs


# --- the folder -------------------------------------------------------------------------


def check_folder(folder: Path) -> None:
    """Refuse a folder that is a file, or that cannot be made because a file is in the way."""
    if folder.exists() and not folder.is_dir():
        raise ExportRefused(f"{folder} is a file, not a folder. Name a folder to export into.")
    for parent in folder.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ExportRefused(
                    f"Cannot create the folder {folder}: {parent} is a file. Name another folder."
                )
            break


def prepare_folder(folder: Path) -> None:
    """Create ``folder`` if missing and prove it writable by writing and removing a file.

    Folders created here are removed again when the folder turns out unusable.
    """
    check_folder(folder)
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".podyx-export-", suffix=".probe")
        os.close(handle)
        os.remove(probe)
    except OSError as error:
        for created in made:  # innermost first
            with suppress(OSError):
                created.rmdir()
        reason = error.strerror or str(error)
        raise ExportRefused(
            f"Cannot write to the folder {folder} ({reason}). Choose a folder you can write to."
        ) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a hidden file beside ``path``, then rename it into place."""
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(partial, path)
    except BaseException:
        with suppress(OSError):
            os.remove(partial)
        raise


# --- rendering ------------------------------------------------------------------------

_studio: StudioInfo | None = None
_fonts: FontSet | None = None


def _init_worker(studio: StudioInfo) -> None:
    global _studio
    _studio = studio


def _init_pool_worker(studio: StudioInfo) -> None:
    """A worker leaves Ctrl+C to the main process, which stops the pool and cleans up."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(studio)


def _load_fonts() -> FontSet:
    """This process's fonts, loaded on first use (workers forked later inherit them)."""
    from podyx_desktop.documents.fonts import FontSet

    global _fonts
    if _fonts is None:
        _fonts = FontSet()
    return _fonts


def render_job(job: _Job) -> bytes:
    """The PDF of one job (in this process or a worker; fonts are loaded once per process)."""
    from podyx_desktop.documents.receipt import render_receipt
    from podyx_desktop.documents.summary import render_session_summary
    from podyx_desktop.domain.records import Purchase

    fonts = _load_fonts()
    if isinstance(job.document, Purchase):
        assert _studio is not None, "the studio is set before receipts are rendered"
        return render_receipt(job.document, _studio, fonts=fonts, language=job.language)
    return render_session_summary(job.document, fonts=fonts, language=job.language)


def process_count(requested: int, documents: int) -> int:
    """``requested`` processes, or for 0: one per CPU (up to MAX_JOBS) for a large export."""
    if requested > 0:
        return min(requested, max(documents, 1))
    if documents < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_JOBS))


def _rendered(
    jobs: Iterable[_Job], studio: StudioInfo, processes: int
) -> Generator[tuple[_Job, bytes], None, None]:
    """Each job with its PDF, in order. On several processes at most a few jobs per process
    are on their way at once, so a streamed export never holds all its documents."""
    if processes <= 1:
        _init_worker(studio)
        for job in jobs:
            yield job, render_job(job)
        return
    from concurrent.futures import ProcessPoolExecutor
    from importlib import import_module

    # Imported and loaded here, before the pool forks (where it does): workers inherit them.
    for module in ("podyx_desktop.documents.receipt", "podyx_desktop.documents.summary"):
        import_module(module)
    _load_fonts()
    from collections import deque
    from concurrent.futures import Future

    window = processes * 8  # jobs submitted ahead of the one being written
    with ProcessPoolExecutor(processes, initializer=_init_pool_worker, initargs=(studio,)) as pool:
        waiting: deque[tuple[_Job, Future[bytes]]] = deque()
        try:
            for job in jobs:
                waiting.append((job, pool.submit(render_job, job)))
                if len(waiting) >= window:
                    done, future = waiting.popleft()
                    yield done, future.result()
            while waiting:
                done, future = waiting.popleft()
                yield done, future.result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def write_all(
    jobs: Iterable[_Job],
    folder: Path,
    studio: StudioInfo,
    *,
    total: int | None = None,
    processes: int = 0,
    progress: TextIO | None = None,
) -> int:
    """Render and write every job into ``folder`` as the jobs come; returns how many files
    were written. ``total`` (for the progress bar and the processes) defaults to the
    number of ``jobs`` when they are a sequence."""
    if total is None:
        jobs = list(jobs) if not isinstance(jobs, Sequence) else jobs
        total = len(jobs)
    bar = ProgressBar(progress, total) if progress is not None and total else None
    written = 0
    pdfs = _rendered(jobs, studio, process_count(processes, total))
    try:
        for job, pdf in pdfs:
            try:
                write_atomically(folder / job.name, pdf)
            except OSError as error:
                raise PodyxError(
                    f"Cannot write {folder / job.name} ({error.strerror or error}); "
                    f"{written} of {total} files were exported to {folder}."
                ) from None
            written += 1
            if bar is not None:
                bar.update(written)
    finally:
        pdfs.close()  # stops the worker processes at once when writing failed
        if bar is not None:
            bar.close()
    return written


class ProgressBar:
    """``[#####-----] 37/120`` redrawn in place on a terminal, at most ten times a second."""

    def __init__(
        self, stream: TextIO, total: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stream = stream
        self._total = total
        self._clock = clock
        self._shown_at: float | None = None
        self._shown = -1
        self.update(0)

    def update(self, done: int) -> None:
        now = self._clock()
        recent = self._shown_at is not None and now - self._shown_at < 0.1
        if done == self._shown or (recent and done < self._total):
            return
        filled = BAR_WIDTH * done // self._total if self._total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self._stream.write(f"\r[{bar}] {done}/{self._total}")
        self._stream.flush()
        self._shown_at, self._shown = now, done

    def close(self) -> None:
        self._stream.write("\n")
        self._stream.flush()


def summary_line(kind: str, jobs: Sequence[_Job], folder: Path, written: int) -> str:
    """``Exported 120 receipts to DIR`` (credit notes counted among them, and named)."""
    if kind == SUMMARIES:
        noun = "session summary" if written == 1 else "session summaries"
        return f"Exported {written} {noun} to {folder}"
    from podyx_desktop.domain.enums import PurchaseKind

    noun = "receipt" if written == 1 else "receipts"
    credit = sum(
        1 for job in jobs if getattr(job.document, "kind", None) is PurchaseKind.CREDIT_NOTE
    )
    line = f"Exported {written} {noun} to {folder}"
    if credit:
        line += f" ({credit} of them credit {'note' if credit == 1 else 'notes'})"
    return line


EXPORT_HELP = "write receipts or session summaries between two days as PDF files"
EXPORT = Command("export", EXPORT_HELP, run_export_invocation, export_arguments)
