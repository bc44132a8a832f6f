"""Sharing and downloading a large file: throughput and peak memory, on SQLite and on
PostgreSQL.

For each engine: a fresh migrated database with the test studio; a file of ``--size-mb``
(default 200) MB of random bytes on disk. Each measurement runs in a fresh child process
(its own interpreter, engine and connections): it sets the studio up, shares a tiny file
to warm up, resets the kernel's peak-RSS mark (``/proc/self/clear_refs``), records its
RSS as *idle*, then does the one call and reads ``VmHWM`` (peak RSS) and the time taken.

- **share**: ``files.share_file(source=path)`` as a front-desk member: read from disk in
  1 MiB chunks, SHA-256 and type on the way, one transaction (durable commit);
- **download**: ``files.save_to(folder)`` as the client: the chunks streamed into a
  temporary file, SHA-256 checked, renamed into place (``fsync`` of the file before the
  rename is not done, as for the plain copy).

Goals (issue 17): peak RSS ≤ idle + 100 MB for both; throughput ≥ 50 MB/s in and out on
SQLite, ≥ 30 MB/s on PostgreSQL; each printed with its goal and PASS/FAIL, beside a plain
file copy of the same size (``shutil.copyfile``) measured in the same run. The script
always exits 0; timings never go into tests. MB = 10⁶ bytes.

PostgreSQL: a private throwaway server (the test suite's :mod:`tests.pg_cluster`) with
durable commits (``fsync`` and ``synchronous_commit`` on), removed afterwards.

Usage::

    python bench/files.py [--size-mb N] [--only sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
RSS_GOAL_MB = 100
THROUGHPUT_GOAL = {"sqlite": 50.0, "postgresql": 30.0}


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def child(what: str, url: str, path: str, out_dir: str) -> None:
    """In a fresh process: one share or one download, with its time and memory."""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.services import Services
    from tests.conftest import FAST_HASHER
    from tests.factories import build_studio

    db = Database(url)
    services = Services(db, hasher=FAST_HASHER)
    from podyx_desktop.domain.principal import Principal

    with db.read() as session:  # set up once (the parent's first child builds the studio)
        from podyx_desktop.db import tables as t

        has_studio = session.get(t.Studio, 1) is not None
    if not has_studio:
        studio = build_studio(services)
        client = studio.client("Bench Client", "bench@example.com")
        ids = {"desk": studio.desk.user_id, "client": client.account.id}
        Path(out_dir, "ids.json").write_text(json.dumps(ids))
    ids = json.loads(Path(out_dir, "ids.json").read_text())
    from podyx_desktop.domain.enums import Role

    desk = Principal.user(ids["desk"], Role.FRONT_DESK)
    client = Principal.user(ids["client"], Role.CLIENT)
    files = services.files
    warm = files.share_file(desk, client_id=ids["client"], name="warm.txt", content=b"warm")
    files.save_to(client, warm.id, out_dir)
    Path(out_dir, "warm.txt").unlink()
    Path("/proc/self/clear_refs").write_text("5")  # the peak mark starts again here
    idle_kb = _status_kb("VmRSS")
    start = time.perf_counter()
    if what == "share":
        shared = files.share_file(desk, client_id=ids["client"], name="take.wav", source=path)
        Path(out_dir, "file.json").write_text(json.dumps({"id": shared.id}))
    else:
        file_id = json.loads(Path(out_dir, "file.json").read_text())["id"]
        _info, saved = files.save_to(client, file_id, out_dir)
        saved.unlink()
    seconds = time.perf_counter() - start
    peak_kb = _status_kb("VmHWM")
    db.dispose()
    print(json.dumps({"seconds": seconds, "idle_kb": idle_kb, "peak_kb": peak_kb}))


def run_child(what: str, url: str, path: Path, out_dir: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", what, url, str(path), str(out_dir)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def make_source(path: Path, size: int) -> None:
    block = os.urandom(1024 * 1024)
    with path.open("wb") as out:
        for start in range(0, size, len(block)):
            out.write(block[: min(len(block), size - start)])
        out.flush()
        os.fsync(out.fileno())


def plain_copy(source: Path, folder: Path) -> float:
    target = folder / "copy.bin"
    start = time.perf_counter()
    shutil.copyfile(source, target)
    seconds = time.perf_counter() - start
    target.unlink()
    return seconds


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def bench_engine(engine: str, url: str, source: Path, size: int, work: Path) -> list[str]:
    lines = []
    copy_s = plain_copy(source, work)
    copy_rate = size / MB / copy_s
    lines.append(f"{engine}: plain file copy {copy_rate:8.1f} MB/s (the same {size // MB} MB)")
    for what in ("share", "download"):
        result = run_child(what, url, source, work)
        rate = size / MB / result["seconds"]
        extra_mb = (result["peak_kb"] - result["idle_kb"]) * 1024 / MB
        goal = THROUGHPUT_GOAL[engine]
        lines.append(
            f"{engine}: {what:8} {rate:8.1f} MB/s ({rate / copy_rate:4.0%} of the copy)  "
            f"goal ≥ {goal:.0f} MB/s  {verdict(rate >= goal)}"
        )
        lines.append(
            f"{engine}: {what:8} peak RSS idle + {extra_mb:5.1f} MB "
            f"(idle {result['idle_kb'] / 1024:.0f} MiB)  goal ≤ idle + {RSS_GOAL_MB} MB  "
            f"{verdict(extra_mb <= RSS_GOAL_MB)}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(*argv[1:5])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args(argv)
    size = args.size_mb * MB
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import upgrade_to_head
    from podyx_desktop.db.urls import sqlite_url

    work = Path(tempfile.mkdtemp(prefix="podyx-bench-files-"))
    lines = [f"bench/files.py: share and download a {args.size_mb} MB file (MB = 10^6 bytes)"]
    try:
        source = work / "source.bin"
        make_source(source, size)
        if args.only in (None, "sqlite"):
            url = sqlite_url(work / "bench.sqlite3")
            db = Database(url)
            upgrade_to_head(db)
            db.dispose()
            out = work / "sqlite"
            out.mkdir()
            lines += bench_engine("sqlite", url, source, size, out)
            for line in lines:
                print(line, flush=True)
            lines = []
        if args.only in (None, "postgresql"):
            from tests.pg_cluster import ThrowawayCluster

            cluster = ThrowawayCluster(durable=True)  # fsync and synchronous commits on
            url = cluster.start()
            try:
                db = Database(url)
                upgrade_to_head(db)
                db.dispose()
                out = work / "postgresql"
                out.mkdir()
                lines += bench_engine("postgresql", url, source, size, out)
            finally:
                cluster.stop()
        for line in lines:
            print(line, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
