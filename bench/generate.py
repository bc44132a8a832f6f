"""A large studio for benchmarks: the catalogue through the services, the history in bulk.

:func:`generate_studio` configures a studio the way an operator would (studio settings,
opening hours 07:00–23:00 every day, rooms, setups, services, add-ons, a bundle product,
promo codes and an owner account: :func:`bench_studio`, built through the services by the
studio builder, :func:`podyx_desktop.demo.builder.create_studio`), then bulk-inserts years
of history with SQLAlchemy Core, in chunks: clients, bookings (past and future, statuses
mixed), their add-ons and events, and a purchase for each booking with its lines and VAT
rows, receipt numbers and credit notes for refunds.

The history is consistent with the rules the services enforce:

* bookings sit on a fixed grid per room (2 h sessions every 2 h 15 min from 07:00, local
  time, so the 15 min buffer fits between two sessions): no two overlap, buffers included;
* prices, discounts and VAT come from the domain's own :func:`price_cart`;
* receipt and credit-note numbers are consecutive per series and year in payment order,
  formatted by the studio's series, and ``receipt_counters`` holds the last one issued, so
  numbers allocated live afterwards continue the series;
* on PostgreSQL the id sequences are moved past the inserted ids.

Bench shortcut: every client's password hash is ONE Argon2id hash of :data:`PASSWORD`,
computed once with the app's default hasher and copied into every row (hashing 10,000
passwords would take minutes and measures nothing). Sign-in works for every client.

Room count: 100,000 two-hour bookings do not fit four rooms in three years (a room holds
at most 7 such sessions a day, so 4 rooms × 7 × 1,096 days ≈ 30,700). By default the
generator keeps the ~3 years and adds rooms until the grid is about 90 % full; pass
``rooms=`` to fix the room count instead, and the history then spans as many years as it
needs (``rooms=4`` gives a small studio with a long history: the most bookings per room).

Run it as a script to time the generation into a throw-away SQLite file::

    python bench/generate.py [--database URL] [--bookings N] [--clients N] [--rooms N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select, update

from bench.history import (
    BUFFER_MINUTES,
    CLOSE_MINUTE,
    CURRENCY,
    EMAIL_DOMAIN,
    OPEN_MINUTE,
    OWNER_EMAIL,
    PASSWORD,
    PROMO_CODE,
    TIME_ZONE,
    Catalogue,
    bulk,
    move_sequences,
    next_ids,
    plan_history,
    rooms_and_days,
)
from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.migrate import upgrade_to_head
from podyx_desktop.demo.builder import (
    AddonSpec,
    ProductSpec,
    PromoSpec,
    RoomSpec,
    ServiceSpec,
    SetupSpec,
    StaffSpec,
    StudioSpec,
    create_studio,
)
from podyx_desktop.domain.availability import (
    OpeningInterval,
    studio_zone,
)
from podyx_desktop.domain.enums import (
    PromoKind,
    PromoTarget,
    Role,
    SeriesKind,
)
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.requests import StudioSettings
from podyx_desktop.services import Services
from podyx_desktop.services.mapping import address_of, address_text


class StudioExists(RuntimeError):
    """The database already has a studio; the generator only fills empty databases."""


@dataclass(frozen=True)
class GeneratedStudio:
    """What a benchmark needs to know about a generated studio."""

    url: str
    seconds: float  # wall time of the whole generation, catalogue included
    bookings: int
    clients: int
    purchases: int  # booking purchases and credit notes
    rooms: int
    first_day: date  # the first and last local day with generated bookings
    last_day: date
    free_from: date  # from this local day on, every room is free (nothing generated)
    room_ids: tuple[int, ...]
    podcast_setup_ids: tuple[int, ...]  # one per room, in room order
    video_setup_ids: tuple[int, ...]  # every other room has one
    podcast_service_id: int
    video_service_id: int
    engineer_addon_id: int
    extra_mic_addon_id: int
    bundle_product_id: int
    promo_code: str
    password: str  # every generated account's password
    owner_id: int
    owner_email: str
    first_client_id: int
    last_client_id: int
    sample_client_id: int  # an ordinary client with 10–20 bookings
    sample_client_email: str
    sample_client_password: str
    sample_client_bookings: int
    heavy_client_id: int  # the client with the most bookings
    heavy_client_email: str
    heavy_client_bookings: int
    busy_room_id: int  # a room and a future day on which it has bookings
    busy_setup_id: int
    busy_day: date
    busy_day_bookings: int
    phase_seconds: tuple[tuple[str, float], ...] = ()


def bench_studio(rooms: int) -> StudioSpec:
    """The bench studio's description: ``rooms`` rooms, each with a podcast desk and every
    other one with a video set too, open 07:00–23:00 every day, and its owner."""
    room_specs = tuple(
        RoomSpec(
            f"room_{index}",
            f"Studio {index + 1:02d}",
            "Treated room with a vocal booth",
            (SetupSpec(f"podcast_{index}", "Podcast desk"),)
            + ((SetupSpec(f"video_{index}", "Video set"),) if index % 2 == 0 else ()),
        )
        for index in range(rooms)
    )
    all_setups = tuple(setup.key for room in room_specs for setup in room.setups)
    video_setups = tuple(key for key in all_setups if key.startswith("video_"))
    return StudioSpec(
        StudioSettings(
            name="Podyx Bench Studios",
            time_zone=TIME_ZONE,
            currency=CURRENCY,
            locale="de_DE",
            prices_include_vat=True,
            default_vat_rate_bp=1900,
            vat_number="DE123456789",
            address_line1="Torstraße 1",
            postal_code="10119",
            city="Berlin",
            country="DE",
            email=f"hello@{EMAIL_DOMAIN}",
            phone="+49301234567",
            buffer_minutes=BUFFER_MINUTES,
            lead_time_hours=2,
            cancel_cutoff_hours=24,
            reschedule_cutoff_hours=24,
            max_reschedules=2,
        ),
        opening_hours=tuple(OpeningInterval(day, OPEN_MINUTE, CLOSE_MINUTE) for day in range(7)),
        rooms=room_specs,
        services=(
            ServiceSpec("podcast", "Podcast recording", 6000, 60, 240, 15, all_setups),
            ServiceSpec(
                "video", "Video podcast", 12000, 120, 480, 15, video_setups, vat_rate_bp=700
            ),
        ),
        addons=(
            AddonSpec("engineer", "Engineer", 4000, ("podcast", "video"), max_quantity=4),
            AddonSpec(
                "extra_mic",
                "Extra mic",
                1000,
                ("podcast",),
                max_quantity=4,
                client_can_add_after_booking=True,
            ),
            AddonSpec("staff_hour", "Staff hour", 100, ("podcast",), hidden_from_clients=True),
        ),
        products=(
            ProductSpec(
                "bundle_product",
                "5 × 2 h podcast",
                5,
                120,
                50000,
                tuple(f"podcast_{index}" for index in range(rooms)),
                ("podcast",),
                180,
            ),
        ),
        promos=(
            PromoSpec(PROMO_CODE, PromoKind.PERCENT, 1000),
            PromoSpec("WELCOME10", PromoKind.PERCENT, 1000, max_uses_per_client=1),
            PromoSpec(
                "VIDEO15", PromoKind.PERCENT, 1500, ((PromoTarget.SERVICE, "video"),), to_day=365
            ),
        ),
        staff=(StaffSpec(Role.OWNER, "Olga Owner", OWNER_EMAIL, "+49301111111"),),
    )


def _configure_catalogue(services: Services, rooms: int, now: datetime) -> Catalogue:
    """Build :func:`bench_studio` and tell the history planner its ids and names."""
    spec = bench_studio(rooms)
    built = create_studio(services, spec, password=PASSWORD, now=now)
    ids = built.ids
    owner_id = built.staff_member(Role.OWNER).user_id
    assert owner_id is not None  # a staff member always has an account
    setup_names = {ids[setup.key]: setup.name for room in spec.rooms for setup in room.setups}
    return Catalogue(
        room_ids=tuple(ids[room.key] for room in spec.rooms),
        room_names=tuple(room.name for room in spec.rooms),
        podcast_setups=tuple(ids[f"podcast_{index}"] for index in range(rooms)),
        video_setups=tuple(ids.get(f"video_{index}") for index in range(rooms)),
        setup_names=setup_names,
        podcast=ids["podcast"],
        video=ids["video"],
        engineer=ids["engineer"],
        extra_mic=ids["extra_mic"],
        bundle_product=ids["bundle_product"],
        promo_id=built.promo_ids[PROMO_CODE],
        owner_id=owner_id,
    )


def generate_studio(
    url: str,
    *,
    bookings: int = 100_000,
    clients: int = 10_000,
    seed: int = 7,
    rooms: int | None = None,
    years: float = 3.0,
    now: datetime | None = None,
    progress: bool = False,
) -> GeneratedStudio:
    """Create (or upgrade) the schema at ``url`` and fill it with a generated studio.

    ``rooms`` None: as many rooms as ~``years`` of history need; otherwise that many rooms
    and as many days as the bookings need. ``now`` (default: the real time) divides the
    history into past and future. Refuses a database that already has a studio.
    """
    if bookings < 1 or clients < 1:
        raise ValueError("generate at least one booking and one client")
    started = time.perf_counter()
    phases: list[tuple[str, float]] = []
    mark = started

    def phase(name: str) -> None:
        nonlocal mark
        moment = time.perf_counter()
        phases.append((name, moment - mark))
        mark = moment
        if progress:
            print(f"  {name:<10} done at {moment - started:6.1f} s", file=sys.stderr, flush=True)

    now = now or datetime.now(UTC)
    db = Database(url)
    try:
        upgrade_to_head(db)
        with db.read() as session:
            if session.get(t.Studio, 1) is not None:
                raise StudioExists(
                    f"{db.display_url} already has a studio; the generator needs an empty database."
                )
        phase("schema")
        room_count, days = rooms_and_days(bookings, rooms, years)
        services = Services(db, clock=lambda: now)
        cat = _configure_catalogue(services, room_count, now)
        password_hash = services.context.hasher.hash(PASSWORD)  # once, for every client
        with db.read() as session:
            series = {
                SeriesKind(row.kind): (
                    row.id,
                    SeriesFormat(row.prefix, row.include_year, row.min_digits, row.yearly_reset),
                )
                for row in session.scalars(select(t.ReceiptSeries))
            }
            studio = session.get(t.Studio, 1)
            assert studio is not None
            studio_row = {
                "name": studio.name,
                "vat_number": studio.vat_number,
                "address": address_text(address_of(studio)),
            }
            tables = [
                t.User.__table__,
                t.Purchase.__table__,
                t.PurchaseLine.__table__,
                t.Booking.__table__,
                t.BookingAddon.__table__,
                t.BookingEvent.__table__,
            ]
            first_ids = next_ids(session, tables)  # type: ignore[arg-type]
        phase("catalogue")
        plan = plan_history(
            cat,
            bookings=bookings,
            clients=clients,
            days=days,
            now=now,
            seed=seed,
            password_hash=password_hash,
            first_ids=first_ids,
            series=series,
            studio_row=studio_row,
        )
        phase("plan")
        with db.write() as session:
            bulk(session, t.User.__table__, plan.users)  # type: ignore[arg-type]
            bulk(session, t.Purchase.__table__, plan.purchases)  # type: ignore[arg-type]
            bulk(session, t.PurchaseLine.__table__, plan.lines)  # type: ignore[arg-type]
            bulk(session, t.PurchaseVat.__table__, plan.vat)  # type: ignore[arg-type]
            bulk(session, t.Booking.__table__, plan.bookings)  # type: ignore[arg-type]
            bulk(session, t.BookingAddon.__table__, plan.addons)  # type: ignore[arg-type]
            bulk(session, t.BookingEvent.__table__, plan.events)  # type: ignore[arg-type]
            for (series_id, year), value in sorted(plan.counters.items()):
                session.execute(
                    insert(t.ReceiptCounter.__table__).values(  # type: ignore[arg-type]
                        series_id=series_id, year=year, last_value=value
                    )
                )
            if plan.counters:
                session.execute(update(t.ReceiptSeries).values(locked=True))
            session.execute(
                update(t.PromoCode)
                .where(t.PromoCode.id == cat.promo_id)
                .values(uses=plan.promo_uses)
            )
            if not db.is_sqlite:
                move_sequences(session)
        phase("insert")
        if db.is_sqlite:  # fold the big write-ahead log into the file, as after a restart
            raw = db.engine.raw_connection()  # no BEGIN: a checkpoint needs no transaction
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()
        else:  # autovacuum would analyze the new rows on a live server soon after
            with db.engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "ANALYZE"
                )
        phase("checkpoint" if db.is_sqlite else "analyze")
    finally:
        db.dispose()

    counts = plan.bookings_per_client
    ordinary = [cid for cid in range(first_ids["users"], first_ids["users"] + clients)]
    sample = min(ordinary, key=lambda cid: (abs(counts[cid] - 15), cid))
    heavy = max(ordinary, key=lambda cid: (counts[cid], -cid))
    by_id = {row["id"]: row for row in plan.users}
    room_index, busy_day, busy_n = plan.busy
    last_day = max(b["starts_at"] for b in plan.bookings).astimezone(studio_zone(TIME_ZONE)).date()
    first_day = min(b["starts_at"] for b in plan.bookings).astimezone(studio_zone(TIME_ZONE)).date()
    return GeneratedStudio(
        url=url,
        seconds=time.perf_counter() - started,
        bookings=len(plan.bookings),
        clients=clients,
        purchases=len(plan.purchases),
        rooms=room_count,
        first_day=first_day,
        last_day=last_day,
        free_from=last_day + timedelta(days=1),
        room_ids=cat.room_ids,
        podcast_setup_ids=cat.podcast_setups,
        video_setup_ids=tuple(s for s in cat.video_setups if s is not None),
        podcast_service_id=cat.podcast,
        video_service_id=cat.video,
        engineer_addon_id=cat.engineer,
        extra_mic_addon_id=cat.extra_mic,
        bundle_product_id=cat.bundle_product,
        promo_code=PROMO_CODE,
        password=PASSWORD,
        owner_id=cat.owner_id,
        owner_email=OWNER_EMAIL,
        first_client_id=first_ids["users"],
        last_client_id=first_ids["users"] + clients - 1,
        sample_client_id=sample,
        sample_client_email=by_id[sample]["email"],
        sample_client_password=PASSWORD,
        sample_client_bookings=counts[sample],
        heavy_client_id=heavy,
        heavy_client_email=by_id[heavy]["email"],
        heavy_client_bookings=counts[heavy],
        busy_room_id=cat.room_ids[room_index],
        busy_setup_id=cat.podcast_setups[room_index],
        busy_day=busy_day,
        busy_day_bookings=busy_n,
        phase_seconds=tuple(phases),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--database", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--bookings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--rooms", type=int, default=None, help="default: enough for ~3 years")
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="podyx-bench-") as folder:
        url = args.database or sqlite_url(Path(folder) / "bench.sqlite3")
        studio = generate_studio(
            url,
            bookings=args.bookings,
            clients=args.clients,
            seed=args.seed,
            rooms=args.rooms,
            years=args.years,
            progress=True,
        )
    print(
        f"Generated {studio.bookings:,} bookings, {studio.purchases:,} purchases and "
        f"{studio.clients:,} clients in {studio.rooms} rooms "
        f"({studio.first_day} … {studio.last_day}) in {studio.seconds:.1f} s"
    )
    for name, seconds in studio.phase_seconds:
        print(f"  {name:<10} {seconds:6.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
