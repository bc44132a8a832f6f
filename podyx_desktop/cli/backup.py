"""``podyx-admin backup PATH``: a consistent copy of the database, safe while seats use it.

SQLite: SQLite's online backup API (:func:`podyx_desktop.db.migrate.backup_sqlite`).
PostgreSQL: ``pg_dump --format=custom`` from PATH or the usual install folders; a password
from the keyring is passed in ``PGPASSWORD``, never on the command line. Either way the
copy is written beside the destination and renamed into place only when complete.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from podyx_desktop.cli.common import (
    EXIT_OK,
    Command,
    Invocation,
    Target,
    check_sqlite_file,
    target,
)
from podyx_desktop.db.config import postgres_server
from podyx_desktop.domain.errors import DatabaseProblem, PodyxError

PG_DUMP_GLOBS = [
    "/usr/lib/postgresql/*/bin/pg_dump",
    "/usr/pgsql-*/bin/pg_dump",
    "/opt/homebrew/opt/postgresql@*/bin/pg_dump",
    "/Applications/Postgres.app/Contents/Versions/*/bin/pg_dump",
    "C:/Program Files/PostgreSQL/*/bin/pg_dump.exe",
]


def backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="the backup file to write, or a folder to write it into")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing file")


def backup_destination(raw: str, stem: str, suffix: str, overwrite: bool) -> Path:
    """The file to write: ``raw``, or a time-stamped file in it when it is (or ends like) a folder."""
    destination = Path(raw).expanduser()
    if destination.is_dir() or raw.endswith(("/", os.sep)):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        destination = destination / f"{stem}-{stamp}{suffix}"
    if destination.exists() and not overwrite:
        raise PodyxError(
            f"{destination} already exists. Choose another file name, or add --overwrite."
        )
    return destination


@contextmanager
def partial_file(destination: Path) -> Iterator[Path]:
    """A new file beside ``destination`` that replaces it only if the block succeeds."""
    partial = destination.with_name(f".{destination.name}.partial")
    new_folders = [p for p in (destination.parent, *destination.parent.parents) if not p.exists()]
    done = False
    try:
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            partial.open("wb").close()
        except OSError as error:
            raise PodyxError(
                f"Cannot write the backup to {destination} ({error.strerror}). Choose a folder "
                "you can write to."
            ) from None
        yield partial
        os.replace(partial, destination)
        done = True
    finally:
        if partial.exists():  # (unlink on a read-only filesystem fails even for no file)
            partial.unlink()
        if not done:  # leave no trace of a failed backup: remove the folders made for it
            for folder in new_folders:
                with suppress(OSError):
                    folder.rmdir()


def run_backup(invocation: Invocation) -> int:
    where = target(invocation)
    if where.sqlite_path is None:
        return backup_postgres(invocation, where)
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import backup_sqlite

    source = where.sqlite_path
    check_sqlite_file(source, must_exist=True)  # opens it as SQLite before writing anything
    args = invocation.args
    destination = backup_destination(args.path, source.stem, ".sqlite3", args.overwrite)
    if destination.exists() and destination.resolve() == source.resolve():
        raise PodyxError("A backup cannot overwrite the database itself. Choose another file.")
    database = Database(where.connect_url)
    try:
        with partial_file(destination) as partial:
            backup_sqlite(database, partial)
    except sqlite3.Error as error:
        raise DatabaseProblem(f"The backup of {source} failed ({error}).") from None
    finally:
        database.dispose()
    size = destination.stat().st_size
    print(f"Backed up {where.display} to {destination} ({size:,} bytes).")
    return EXIT_OK


def find_pg_dump() -> str | None:
    """``pg_dump`` from PATH, else the newest one in the usual install folders."""
    found = shutil.which("pg_dump")
    if found:
        return found

    def version(path: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", path))

    candidates = [p for pattern in PG_DUMP_GLOBS for p in glob.glob(pattern)]
    runnable = [p for p in candidates if os.access(p, os.X_OK)]
    return max(runnable, key=version) if runnable else None


def backup_postgres(invocation: Invocation, where: Target) -> int:
    from sqlalchemy.engine import make_url

    pg_dump = find_pg_dump()
    if pg_dump is None:
        raise PodyxError(
            "pg_dump was not found in PATH or /usr/lib/postgresql/*/bin. Install the "
            "PostgreSQL client tools (the server's major version or newer) and try again."
        )
    server = postgres_server(where.connect_url)
    stem = server.database if server and server.database else "podyx"
    args = invocation.args
    destination = backup_destination(args.path, stem, ".dump", args.overwrite)
    libpq_url = make_url(where.connect_url).set(drivername="postgresql", password=None)
    environment = dict(os.environ)
    environment.setdefault("PGCONNECT_TIMEOUT", "10")
    if where.password:
        environment["PGPASSWORD"] = where.password  # not in argv, which `ps` shows to everyone
    with partial_file(destination) as partial:
        command = [
            pg_dump,
            "--format=custom",
            "--no-password",
            f"--file={partial}",
            f"--dbname={libpq_url.render_as_string(hide_password=False)}",
        ]
        try:
            result = subprocess.run(command, env=environment, capture_output=True, text=True)
        except OSError as error:
            raise PodyxError(f"{pg_dump} cannot be run ({error.strerror}).") from None
        if result.returncode != 0:
            lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
            detail = lines[0].removeprefix("pg_dump: error: ") if lines else "no message"
            raise DatabaseProblem(f"pg_dump could not back up {where.display}: {detail}")
    size = destination.stat().st_size
    print(f"Backed up {where.display} to {destination} ({size:,} bytes, pg_dump custom format).")
    print(f"Restore it with: pg_restore --clean --dbname=DATABASE_URL {destination}")
    return EXIT_OK


BACKUP = Command(
    "backup",
    "copy the database to a file, safely while it is in use",
    run_backup,
    backup_arguments,
)
