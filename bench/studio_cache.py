"""Generated studios kept between bench runs, keyed by the generator's parameters.

Generating a million bookings takes minutes; the benches that need one ask
:func:`cached_studio` for it. SQLite: a file ``~/.cache/podyx-bench/<key>.sqlite3``,
written under a temporary name and renamed once complete, so a half-generated file is
never reused. PostgreSQL (``server_url`` names a server's maintenance database, e.g.
``postgresql+psycopg://user@host/postgres``): a database ``podyx_bench_<key>``, reused
when it exists and carries the completion mark (a comment on the database written after
the generator finished); an incomplete one is dropped and generated again. Either way the
schema is upgraded to the app's head afterwards (a cached studio from an older schema is
migrated, as an installed studio would be).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

GENERATOR_VERSION = 1  # bump when bench.generate changes what it writes
COMPLETE = "podyx bench studio complete"


@dataclass(frozen=True)
class StudioKey:
    bookings: int
    clients: int
    seed: int = 7
    rooms: int | None = None
    years: float = 3.0

    @property
    def digest(self) -> str:
        text_ = json.dumps({**asdict(self), "v": GENERATOR_VERSION}, sort_keys=True)
        return hashlib.sha256(text_.encode()).hexdigest()[:16]


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "podyx-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _generate(url: str, key: StudioKey) -> None:
    from bench.generate import generate_studio

    generate_studio(
        url,
        bookings=key.bookings,
        clients=key.clients,
        seed=key.seed,
        rooms=key.rooms,
        years=key.years,
        progress=True,
    )


def cached_sqlite(key: StudioKey) -> str:
    """The URL of the cached SQLite studio for ``key``, generated first if missing."""
    from podyx_desktop.db.urls import sqlite_url

    final = cache_folder() / f"{key.digest}.sqlite3"
    if not final.exists():
        partial = final.with_suffix(".partial.sqlite3")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        print(f"Generating {key} into {final} …", file=sys.stderr, flush=True)
        _generate(sqlite_url(partial), key)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(final)
    else:
        print(f"Reusing the cached studio {final}", file=sys.stderr, flush=True)
    return sqlite_url(final)


def cached_postgres(server_url: str, key: StudioKey) -> str:
    """The URL of the cached PostgreSQL studio for ``key`` on the server of ``server_url``."""
    name = f"podyx_bench_{key.digest}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).scalar()
            mark = connection.execute(
                text(
                    "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                    "WHERE datname = :name"
                ),
                {"name": name},
            ).scalar()
            if exists and mark == COMPLETE:
                print(f"Reusing the cached studio database {name}", file=sys.stderr, flush=True)
                return make_url(server_url).set(database=name).render_as_string(hide_password=False)
            if exists:
                connection.execute(text(f'DROP DATABASE "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
        with create_engine(url, isolation_level="AUTOCOMMIT").connect() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS btree_gist"))
        print(f"Generating {key} into database {name} …", file=sys.stderr, flush=True)
        _generate(url, key)
        with admin.connect() as connection:
            connection.execute(text(f"COMMENT ON DATABASE \"{name}\" IS '{COMPLETE}'"))
        return url
    finally:
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Generate (or find) a cached bench studio.")
    parser.add_argument("--bookings", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--database", help="a PostgreSQL server URL (default: SQLite)")
    args = parser.parse_args(argv)
    key = StudioKey(args.bookings, args.clients)
    url = cached_postgres(args.database, key) if args.database else cached_sqlite(key)
    print(make_url(url).render_as_string(hide_password=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
