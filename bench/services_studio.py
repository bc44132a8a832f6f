"""Where bench/services.py gets its studio, and what it needs to know about it.

* :func:`working_copy` — a copy of the cached SQLite studio (:mod:`bench.studio_cache`) in
  a temporary folder: the bench books, cancels and refunds, and the cache stays as it was
  (other benches, on other schema versions, share it). The copy is upgraded to this
  app's schema, as an installed studio would be.
* :func:`copy_to_postgres` — the same studio poured into an empty PostgreSQL database
  (the app's schema first, then every table's rows with ``COPY``, then the id sequences
  moved past them and ``VACUUM (ANALYZE)``): much faster than generating a million bookings again.
* :func:`studio_facts` — what the operations need (the ordinary and the busiest client, a
  busy room and day, the catalogue's ids, the first free day), read from the database, so
  that a cached studio serves as well as a freshly generated one.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import MetaData, Table, create_engine, func, inspect, select, text

from bench.history import PASSWORD, PROMO_CODE, TIME_ZONE
from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.migrate import upgrade_to_head
from podyx_desktop.domain.availability import studio_zone
from podyx_desktop.domain.enums import Role


@dataclass(frozen=True)
class StudioFacts:
    bookings: int
    purchases: int
    clients: int
    rooms: int
    first_day: date
    last_day: date
    free_from: date  # from this local day on every room is free
    owner_id: int
    first_client_id: int
    last_client_id: int
    sample_client_id: int  # an ordinary client: bookings closest to 15
    sample_client_bookings: int
    heavy_client_id: int  # the client with the most bookings
    heavy_client_bookings: int
    podcast_service_id: int
    engineer_addon_id: int
    extra_mic_addon_id: int
    bundle_product_id: int
    busy_setup_id: int  # the podcast desk of a room with many bookings on busy_day
    busy_day: date
    busy_day_bookings: int
    promo_code: str = PROMO_CODE
    password: str = PASSWORD


def working_copy(
    cached: Path, folder: Path, bookings: int, clients: int, rooms: int | None = None
) -> str:
    """Copy the cached studio file into ``folder`` and upgrade it; returns its URL.

    A cache that a branch with other migration numbers upgraded says it is at this app's
    head but lacks some of its columns; then a studio is generated into ``folder`` instead
    (the cache is left as it is: other benches use it)."""
    started = time.perf_counter()
    target = folder / "studio.sqlite3"
    shutil.copyfile(cached, target)
    db = Database(sqlite_url(target))
    try:
        upgrade_to_head(db, backup_dir=folder / "backups")
        gaps = schema_gaps(db)
    finally:
        db.dispose()
    shutil.rmtree(folder / "backups", ignore_errors=True)
    if gaps:
        from bench.generate import generate_studio

        print(
            f"  the cached studio {cached} lacks {', '.join(gaps[:3])} although its schema "
            "says it is current; generating a fresh studio for this run instead",
            file=sys.stderr,
            flush=True,
        )
        target.unlink()
        generate_studio(
            sqlite_url(target), bookings=bookings, clients=clients, rooms=rooms, progress=True
        )
    print(
        f"  copied and upgraded {cached.name} in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    return sqlite_url(target)


def schema_gaps(db: Database) -> list[str]:
    """The app's columns the database lacks (``table.column``)."""
    found = inspect(db.engine)
    gaps = []
    for table in t.Base.metadata.sorted_tables:
        if not found.has_table(table.name):
            gaps.append(table.name)
            continue
        present = {c["name"] for c in found.get_columns(table.name)}
        gaps += [f"{table.name}.{c.name}" for c in table.columns if c.name not in present]
    return gaps


COPY_CHUNK = 20_000


def copy_to_postgres(sqlite: str, postgres: str) -> None:
    """Pour the SQLite studio at ``sqlite`` into the EMPTY PostgreSQL database ``postgres``."""
    started = time.perf_counter()
    target = Database(postgres)
    try:
        upgrade_to_head(target)
    finally:
        target.dispose()
    source = create_engine(sqlite)
    sink = create_engine(postgres)
    try:
        schema = MetaData()
        schema.reflect(sink)
        names = [table.name for table in schema.sorted_tables if table.name != "alembic_version"]
        with source.connect() as reader, sink.connect() as writer:
            raw = writer.connection.driver_connection
            assert raw is not None
            cursor = raw.cursor()
            cursor.execute("SET session_replication_role = replica")  # no FK checks
            for name in names:
                cursor.execute(f'TRUNCATE "{name}" CASCADE')
            for name in names:
                copied = _copy_table(reader, cursor, schema.tables[name], t.Base.metadata)
                if copied:
                    print(f"    {name}: {copied:,} rows", file=sys.stderr, flush=True)
            for name in names:
                column = schema.tables[name].c.get("id")
                if column is not None and column.autoincrement is not False:
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                        f'COALESCE((SELECT max(id) FROM "{name}"), 0) + 1, false) '
                        f"WHERE pg_get_serial_sequence('\"{name}\"', 'id') IS NOT NULL"
                    )
            raw.commit()
        with sink.connect() as connection:
            # what autovacuum does on a live server soon after a bulk load: statistics,
            # and the visibility map that lets an index-only scan skip the table
            quiet = connection.execution_options(isolation_level="AUTOCOMMIT")
            quiet.exec_driver_sql("VACUUM (ANALYZE)")
            # the load's dirty pages written now, not by a checkpoint during the timings
            # (which made the baseline's rounds differ by up to 88 %)
            quiet.exec_driver_sql("CHECKPOINT")
    finally:
        source.dispose()
        sink.dispose()
    print(
        f"  copied the studio into PostgreSQL in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
        flush=True,
    )


def _copy_table(reader: object, cursor: object, table: Table, app: MetaData) -> int:
    """Rows of ``table`` read through the app's own column types (dates, times, JSON)."""
    typed = app.tables.get(table.name, table)
    columns = [c.name for c in table.columns]
    query = select(*(typed.c[c] if c in typed.c else table.c[c] for c in columns))
    result = reader.execution_options(stream_results=True).execute(query)  # type: ignore[attr-defined]
    listing = ", ".join(f'"{c}"' for c in columns)
    copied = 0
    with cursor.copy(f'COPY "{table.name}" ({listing}) FROM STDIN') as copy:  # type: ignore[attr-defined]
        for chunk in result.partitions(COPY_CHUNK):
            for row in chunk:
                copy.write_row(tuple(_plain(value) for value in row))
            copied += len(chunk)
    return copied


def _plain(value: object) -> object:
    """JSON documents go to COPY as their text; everything else as psycopg adapts it."""
    return json.dumps(value) if isinstance(value, dict | list) else value


def studio_facts(db: Database, now: datetime | None = None) -> StudioFacts:
    """What the bench needs to know about the studio in ``db``, read from it."""
    now = now or datetime.now(UTC)
    zone = studio_zone(TIME_ZONE)
    with db.read() as session:
        owner_id = session.scalar(select(func.min(t.User.id)).where(t.User.role == Role.OWNER))
        first, last, clients = session.execute(
            select(func.min(t.User.id), func.max(t.User.id), func.count()).where(
                t.User.role == Role.CLIENT
            )
        ).one()
        counts = dict(
            session.execute(
                select(t.Booking.client_id, func.count()).group_by(t.Booking.client_id)
            ).all()
        )
        bookings = sum(counts.values())
        purchases = session.scalar(select(func.count()).select_from(t.Purchase)) or 0
        sample = min(counts, key=lambda cid: (abs(counts[cid] - 15), cid))
        heavy = max(counts, key=lambda cid: (counts[cid], -cid))
        first_start, last_start = session.execute(
            select(func.min(t.Booking.starts_at), func.max(t.Booking.starts_at))
        ).one()
        services = dict(session.execute(select(t.Service.name, t.Service.id)).all())
        addons = dict(session.execute(select(t.Addon.name, t.Addon.id)).all())
        product = session.scalar(select(func.min(t.BundleProduct.id)))
        desks = dict(
            session.execute(
                select(t.Setup.room_id, t.Setup.id).where(t.Setup.name == "Podcast desk")
            ).all()
        )
        rooms = session.scalar(select(func.count()).select_from(t.Room)) or 0
        soon = session.execute(
            select(t.Booking.room_id, t.Booking.starts_at).where(
                t.Booking.starts_at >= now + timedelta(days=2),
                t.Booking.starts_at < now + timedelta(days=30),
                t.Booking.status.in_(("confirmed", "pending")),
            )
        ).all()
    per_day = Counter((room, _as_utc(at).astimezone(zone).date()) for room, at in soon)
    (busy_room, busy_day), busy_n = max(
        per_day.items(),
        key=lambda item: (item[1], -item[0][0]),
        default=((min(desks), now.date()), 0),
    )
    last_day = _as_utc(last_start).astimezone(zone).date()
    assert owner_id is not None and product is not None
    return StudioFacts(
        bookings=bookings,
        purchases=purchases,
        clients=clients,
        rooms=rooms,
        first_day=_as_utc(first_start).astimezone(zone).date(),
        last_day=last_day,
        free_from=last_day + timedelta(days=1),
        owner_id=owner_id,
        first_client_id=first,
        last_client_id=last,
        sample_client_id=sample,
        sample_client_bookings=counts[sample],
        heavy_client_id=heavy,
        heavy_client_bookings=counts[heavy],
        podcast_service_id=services["Podcast recording"],
        engineer_addon_id=addons["Engineer"],
        extra_mic_addon_id=addons["Extra mic"],
        bundle_product_id=product,
        busy_setup_id=desks[busy_room],
        busy_day=busy_day,
        busy_day_bookings=busy_n,
    )


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def server_settings(db: Database) -> str:
    """The backend with the settings that decide durability, as the server reports them."""
    with db.engine.connect() as connection:
        if db.is_sqlite:
            import sqlite3

            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
            sync = connection.exec_driver_sql("PRAGMA synchronous").scalar()
            sync_name = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(sync, sync)
            return f"SQLite {sqlite3.sqlite_version} (journal_mode={mode}, synchronous={sync_name})"
        shown = {
            name: connection.execute(text(f"SHOW {name}")).scalar()
            for name in (
                "server_version",
                "fsync",
                "synchronous_commit",
                "full_page_writes",
                "shared_buffers",
            )
        }
        version = shown.pop("server_version")
        settings = ", ".join(f"{k}={v}" for k, v in shown.items())
        return f"PostgreSQL {version} ({settings}, read back with SHOW)"
