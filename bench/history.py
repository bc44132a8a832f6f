"""The generated studio's history: clients, bookings, purchases and events, planned in
Python and inserted in bulk with SQLAlchemy Core (see :mod:`bench.generate`)."""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from podyx_desktop.domain.availability import (
    local_to_utc,
    studio_zone,
    wall_clock,
)
from podyx_desktop.domain.enums import (
    BookingStatus,
    LineKind,
    PaymentMethod,
    PromoKind,
    PromoTarget,
    PurchaseKind,
    PurchaseStatus,
    Role,
    SeriesKind,
)
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.pricing import CartItem, PriceSummary, price_cart
from podyx_desktop.domain.promo import PromoRule
from podyx_desktop.domain.records import Address
from podyx_desktop.services.mapping import address_text
from podyx_desktop.services.validation import email_key

PASSWORD = "bench password 2026"
EMAIL_DOMAIN = "bench.example"
OWNER_EMAIL = f"owner@{EMAIL_DOMAIN}"
TIME_ZONE = "Europe/Berlin"
CURRENCY = "EUR"
PROMO_CODE = "STUDIO10"  # 10 %, no limits: used in the history and by the quote bench

OPEN_MINUTE = 7 * 60
CLOSE_MINUTE = 23 * 60
SESSION_MINUTES = 120
BUFFER_MINUTES = 15
SLOT_PITCH = SESSION_MINUTES + BUFFER_MINUTES
SLOT_STARTS = tuple(range(OPEN_MINUTE, CLOSE_MINUTE - SESSION_MINUTES + 1, SLOT_PITCH))
TARGET_OCCUPANCY = 0.9  # share of grid slots booked when the room count is computed
PAST_SHARE = 2 / 3  # of the generated days, this share lies before today
CHUNK = 5_000

FIRST_NAMES = (
    "Ana", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hugo", "Ida", "Jonas",
    "Kira", "Leon", "Mila", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tara", "Uwe",
    "Vera", "Wim", "Yara", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Schmidt", "Müller", "Weber", "Wagner", "Becker", "Hoffmann", "Koch", "Richter",
    "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger", "Hartmann",
    "Lange", "Werner", "Krause", "Meier", "Lehmann", "Köhler", "Walter", "König",
)  # fmt: skip


@dataclass(frozen=True)
class Catalogue:
    room_ids: tuple[int, ...]
    room_names: tuple[str, ...]
    podcast_setups: tuple[int, ...]
    video_setups: tuple[int | None, ...]
    setup_names: dict[int, str]
    podcast: int
    video: int
    engineer: int
    extra_mic: int
    bundle_product: int
    promo_id: int
    owner_id: int


# --- the history, planned in memory ---------------------------------------------------


@dataclass
class _Plan:
    users: list[dict[str, Any]]
    purchases: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    vat: list[dict[str, Any]]
    bookings: list[dict[str, Any]]
    addons: list[dict[str, Any]]
    events: list[dict[str, Any]]
    counters: dict[tuple[int, int], int]  # (series id, counter year) → last value
    promo_uses: int
    bookings_per_client: Counter[int]
    busy: tuple[int, date, int]  # room index, local day, bookings that day


def rooms_and_days(bookings: int, rooms: int | None, years: float) -> tuple[int, int]:
    """(rooms, days): fill ~``years`` with enough rooms, or ``rooms`` with enough days."""
    per_room_day = len(SLOT_STARTS) * TARGET_OCCUPANCY
    if rooms is None:
        days = max(1, round(years * 365.25))
        return max(2, math.ceil(bookings / (days * per_room_day))), days
    if rooms < 1:
        raise ValueError("a studio needs at least one room")
    return rooms, max(1, math.ceil(bookings / (rooms * per_room_day)))


def _client_rows(
    count: int, first_id: int, password_hash: str, since: datetime, rng: random.Random
) -> list[dict[str, Any]]:
    rows = []
    for index in range(count):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
        email = f"{first}.{last}.{index + 1:05d}@{EMAIL_DOMAIN}".lower()
        created = since - timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        rows.append(
            {
                "id": first_id + index,
                "email": email,
                "email_key": email_key(email),
                "full_name": f"{first} {last}",
                "phone": f"+4930{2_000_000 + index:08d}",
                "password_hash": password_hash,
                "role": Role.CLIENT.value,
                "active": True,
                "failed_logins": 0,
                "locked_until": None,
                "company": "" if index % 7 else f"{last} Media GmbH",
                "vat_id": "",
                "address_line1": f"{last}straße {index % 120 + 1}",
                "address_line2": "",
                "postal_code": f"{10115 + index % 900:05d}",
                "city": "Berlin",
                "country": "DE",
                "store_credit_minor": 0,
                "created_at": created,
                "updated_at": created,
            }
        )
    return rows


class _Pricer:
    """Prices carts with the domain's own rules; identical carts are priced once."""

    def __init__(self, cat: Catalogue, promo: PromoRule) -> None:
        self._cat = cat
        self._promo = promo
        self._cache: dict[tuple[Any, ...], PriceSummary] = {}

    def price(
        self, room: int, setup: int, service: int, addons: tuple[tuple[int, int], ...], promo: bool
    ) -> PriceSummary:
        key = (room, setup, service, addons, promo)
        summary = self._cache.get(key)
        if summary is None:
            cat = self._cat
            scope = frozenset({(PromoTarget.SERVICE, service), (PromoTarget.SETUP, setup)})
            video = service == cat.video
            name = "Video podcast" if video else "Podcast recording"
            rate = 12000 if video else 6000
            items = [
                CartItem(
                    LineKind.SERVICE,
                    service,
                    f"{name} — {SESSION_MINUTES} min, {cat.room_names[room]} / "
                    f"{cat.setup_names[setup]}",
                    1,
                    rate * SESSION_MINUTES // 60,
                    700 if video else 1900,
                    scope,
                )
            ]
            for addon, quantity in addons:
                engineer = addon == cat.engineer
                items.append(
                    CartItem(
                        LineKind.ADDON,
                        addon,
                        "Engineer" if engineer else "Extra mic",
                        quantity,
                        4000 if engineer else 1000,
                        1900,
                        scope,
                    )
                )
            summary = price_cart(
                items,
                currency=CURRENCY,
                prices_include_vat=True,
                promo=self._promo if promo else None,
            )
            self._cache[key] = summary
        return summary


def _day_starts(first_day: date, days: int) -> list[tuple[date, list[datetime]]]:
    zone = studio_zone(TIME_ZONE)
    result = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        starts = [local_to_utc(wall_clock(day, minute), zone, fold=0) for minute in SLOT_STARTS]
        result.append((day, starts))
    return result


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A random whole minute in [start, end] (start when the span is empty)."""
    span = int((end - start).total_seconds() // 60)
    return start + timedelta(minutes=rng.randrange(span + 1)) if span > 0 else start


def plan_history(
    cat: Catalogue,
    *,
    bookings: int,
    clients: int,
    days: int,
    now: datetime,
    seed: int,
    password_hash: str,
    first_ids: dict[str, int],
    series: dict[SeriesKind, tuple[int, SeriesFormat]],
    studio_row: dict[str, str],
) -> _Plan:
    rng = random.Random(seed)
    zone = studio_zone(TIME_ZONE)
    today = now.astimezone(zone).date()
    first_day = today - timedelta(days=round(days * PAST_SHARE))
    grid = _day_starts(first_day, days)
    rooms = len(cat.room_ids)
    cells = days * rooms * len(SLOT_STARTS)
    if bookings > cells:
        raise ValueError(f"{bookings} bookings do not fit {cells} grid slots")
    chosen = sorted(rng.sample(range(cells), bookings))

    first_client = first_ids["users"]
    users = _client_rows(
        clients, first_client, password_hash, grid[0][1][0] - timedelta(days=1), rng
    )
    heavy = first_client  # the studio's biggest customer
    regulars = range(first_client + 1, first_client + 1 + max(1, clients // 50))
    others = range(regulars.stop, first_client + clients)
    if not len(others):
        others = range(first_client, first_client + clients)

    def pick_client() -> int:
        draw = rng.random()
        if clients >= 3 and draw < 0.015:
            return heavy
        if clients >= 3 and draw < 0.215:
            return rng.choice(regulars)
        return rng.choice(others)

    promo_rule = PromoRule(PROMO_CODE, PromoKind.PERCENT, 1000, id=cat.promo_id)
    pricer = _Pricer(cat, promo_rule)
    # addresses are stored on purchases in the services' own format
    buyer_addresses = {
        row["id"]: address_text(
            Address(
                row["address_line1"],
                row["address_line2"],
                row["postal_code"],
                row["city"],
                row["country"],
            )
        )
        for row in users
    }
    plan = _Plan([], [], [], [], [], [], [], {}, 0, Counter(), (0, today, 0))
    plan.users = users
    user_by_id = {row["id"]: row for row in users}
    receipts: list[tuple[datetime, int, SeriesKind]] = []  # paid_at, purchase index, series
    credits: list[tuple[dict[str, Any], PriceSummary, datetime]] = []
    ids = dict(first_ids)
    busy_count: Counter[tuple[int, date]] = Counter()
    slots_per_day = len(SLOT_STARTS)

    def add_purchase(values: dict[str, Any], summary: PriceSummary, sign: int) -> int:
        purchase_id = ids["purchases"]
        ids["purchases"] += 1
        plan.purchases.append({"id": purchase_id, **values})
        for position, line in enumerate(summary.lines):
            plan.lines.append(
                {
                    "id": ids["purchase_lines"],
                    "purchase_id": purchase_id,
                    "position": position,
                    "kind": line.kind.value,
                    "ref_id": line.ref_id,
                    "description": line.description,
                    "quantity": line.quantity,
                    "unit_price_minor": line.unit_price_minor,
                    "discount_minor": sign * line.discount_minor,
                    "net_minor": sign * line.net_minor,
                    "vat_rate_bp": line.vat_rate_bp,
                    "vat_minor": sign * line.vat_minor,
                    "gross_minor": sign * line.gross_minor,
                    "supplied_at": values["supplied_at"],
                }
            )
            ids["purchase_lines"] += 1
        for vat in summary.vat:
            plan.vat.append(
                {
                    "purchase_id": purchase_id,
                    "rate_bp": vat.rate_bp,
                    "net_minor": sign * vat.net_minor,
                    "vat_minor": sign * vat.vat_minor,
                    "gross_minor": sign * vat.gross_minor,
                }
            )
        return purchase_id

    def event(booking_id: int, at: datetime, actor: int | None, kind: str, **extra: Any) -> None:
        plan.events.append(
            {
                "id": ids["booking_events"],
                "booking_id": booking_id,
                "at": at,
                "actor_id": actor,
                "kind": kind,
                "detail": extra.pop("detail", ""),
                "from_starts_at": extra.pop("from_starts_at", None),
                "to_starts_at": extra.pop("to_starts_at", None),
            }
        )
        ids["booking_events"] += 1

    for cell in chosen:
        day_index, rest = divmod(cell, rooms * slots_per_day)
        room_index, slot = divmod(rest, slots_per_day)
        day, starts = grid[day_index]
        starts_at = starts[slot]
        ends_at = starts_at + timedelta(minutes=SESSION_MINUTES)
        blocked_until = ends_at + timedelta(minutes=BUFFER_MINUTES)
        room = cat.room_ids[room_index]
        video_setup = cat.video_setups[room_index]
        if video_setup is not None and rng.random() < 0.4:
            setup, service = video_setup, (cat.video if rng.random() < 0.6 else cat.podcast)
        else:
            setup, service = cat.podcast_setups[room_index], cat.podcast
        client_id = pick_client()
        client = user_by_id[client_id]
        past = starts_at <= now
        draw = rng.random()
        if past:
            status = (
                BookingStatus.COMPLETED
                if draw < 0.84
                else BookingStatus.NO_SHOW
                if draw < 0.88
                else BookingStatus.CANCELED
            )
        else:
            status = (
                BookingStatus.CONFIRMED
                if draw < 0.68
                else BookingStatus.PENDING
                if draw < 0.83
                else BookingStatus.RESCHEDULED
                if draw < 0.88
                else BookingStatus.CANCELED
            )
        addons: list[tuple[int, int]] = []
        if rng.random() < 0.3:
            addons.append((cat.engineer, rng.choice((1, 1, 2))))
        if service == cat.podcast and rng.random() < 0.2:
            addons.append((cat.extra_mic, rng.randint(1, 3)))
        with_promo = rng.random() < 0.05
        summary = pricer.price(room_index, setup, service, tuple(addons), with_promo)
        plan.promo_uses += with_promo
        latest = min(now, starts_at) - timedelta(hours=3)
        booked_from = min(max(starts_at - timedelta(days=90), client["created_at"]), latest)
        created_at = _between(rng, booked_from, latest)
        canceled_at = (
            _between(rng, created_at, latest) if status is BookingStatus.CANCELED else None
        )
        # who paid how: pending and canceled-unpaid ones were "pay later"
        unpaid = status is BookingStatus.PENDING or (
            status is BookingStatus.CANCELED and rng.random() < 0.5
        )
        if unpaid:
            method = rng.choice((PaymentMethod.PAY_LATER, PaymentMethod.BANK_TRANSFER))
            paid_at = None
            purchase_status = (
                PurchaseStatus.VOID
                if status is BookingStatus.CANCELED
                else PurchaseStatus.AWAITING_PAYMENT
            )
        else:
            method = rng.choices(
                (PaymentMethod.CARD_AT_DESK, PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH),
                (50, 40, 10),
            )[0]
            paid_at = _between(
                rng, created_at, min(canceled_at or latest, created_at + timedelta(days=3))
            )
            purchase_status = (
                PurchaseStatus.REFUNDED if status is BookingStatus.CANCELED else PurchaseStatus.PAID
            )
        buyer = {
            "buyer_name": client["full_name"],
            "buyer_email": client["email"],
            "buyer_phone": client["phone"],
            "buyer_company": client["company"],
            "buyer_vat_id": "",
            "buyer_address": buyer_addresses[client_id],
            "seller_name": studio_row["name"],
            "seller_vat_number": studio_row["vat_number"],
            "seller_address": studio_row["address"],
        }
        purchase = {
            "client_id": client_id,
            "kind": PurchaseKind.BOOKING.value,
            "status": purchase_status.value,
            "created_at": created_at,
            "paid_at": paid_at,
            "currency": CURRENCY,
            "prices_include_vat": True,
            "method": method.value,
            "series_id": None,
            "receipt_number": None,
            "net_minor": summary.net_minor,
            "vat_minor": summary.vat_minor,
            "gross_minor": summary.gross_minor,
            "discount_minor": summary.discount_minor,
            "promo_id": cat.promo_id if summary.promo_code else None,
            "promo_code": summary.promo_code,
            "refund_of_id": None,
            "created_by_id": None,
            "note": "",
            "supplied_at": starts_at,
            **buyer,
        }
        purchase_id = add_purchase(purchase, summary, 1)
        if paid_at is not None:
            receipts.append((paid_at, len(plan.purchases) - 1, SeriesKind.RECEIPT))
        if purchase_status is PurchaseStatus.REFUNDED:
            assert canceled_at is not None
            credits.append((plan.purchases[-1], summary, canceled_at))

        booking_id = ids["bookings"]
        ids["bookings"] += 1
        original = None
        if status is BookingStatus.RESCHEDULED:
            original = starts_at - timedelta(days=rng.randint(1, 14))
        plan.bookings.append(
            {
                "id": booking_id,
                "client_id": client_id,
                "room_id": room,
                "setup_id": setup,
                "service_id": service,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "blocked_until": blocked_until,
                "status": status.value,
                "original_starts_at": original,
                "reschedule_count": 1 if original else 0,
                "bundle_id": None,
                "purchase_id": purchase_id,
                "created_by_id": None,
                "created_at": created_at,
                "updated_at": canceled_at or created_at,
                "cancel_reason": "Plans changed" if canceled_at else "",
            }
        )
        for addon, quantity in addons:
            engineer = addon == cat.engineer
            plan.addons.append(
                {
                    "id": ids["booking_addons"],
                    "booking_id": booking_id,
                    "addon_id": addon,
                    "name": "Engineer" if engineer else "Extra mic",
                    "quantity": quantity,
                    "unit_price_minor": 4000 if engineer else 1000,
                    "purchase_id": purchase_id,
                }
            )
            ids["booking_addons"] += 1
        event(
            booking_id,
            created_at,
            client_id,
            "created",
            detail="Booked",
            to_starts_at=original or starts_at,
        )
        if original is not None:
            event(
                booking_id,
                _between(rng, created_at, latest),
                client_id,
                "rescheduled",
                from_starts_at=original,
                to_starts_at=starts_at,
            )
        if canceled_at is not None:
            event(booking_id, canceled_at, client_id, "canceled", detail="Plans changed")
        plan.bookings_per_client[client_id] += 1
        if not past and status is not BookingStatus.CANCELED:
            busy_count[(room_index, day)] += 1

    # credit notes for the refunded ones, paid back as store credit
    for refunded, summary, at in credits:
        values = {
            **refunded,
            "kind": PurchaseKind.CREDIT_NOTE.value,
            "status": PurchaseStatus.PAID.value,
            "created_at": at,
            "paid_at": at,
            "method": PaymentMethod.STORE_CREDIT.value,
            "net_minor": -summary.net_minor,
            "vat_minor": -summary.vat_minor,
            "gross_minor": -summary.gross_minor,
            "discount_minor": -summary.discount_minor,
            "promo_id": None,
            "refund_of_id": refunded["id"],
            "note": "Session canceled",
        }
        del values["id"]
        add_purchase(values, summary, -1)
        receipts.append((at, len(plan.purchases) - 1, SeriesKind.CREDIT_NOTE))
        user_by_id[refunded["client_id"]]["store_credit_minor"] += summary.gross_minor

    # receipt numbers: consecutive per series and year, in the order they were paid
    receipts.sort(key=lambda item: (item[0], item[1]))
    for paid_at, index, kind in receipts:
        series_id, fmt = series[kind]
        year = paid_at.astimezone(zone).year
        key = (series_id, fmt.counter_key(year))
        value = plan.counters.get(key, 0) + 1
        plan.counters[key] = value
        row = plan.purchases[index]
        row["series_id"] = series_id
        row["receipt_number"] = fmt.format(year, value)
    for row in plan.purchases:
        del row["supplied_at"]

    # a room's future day (from the day after tomorrow) with the most live bookings that
    # still has a free slot; the earliest such day
    slots = len(SLOT_STARTS)
    future = [(n, key) for key, n in busy_count.items() if key[1] > today + timedelta(days=1)]
    if future:
        count, (room_index, day) = max(
            future, key=lambda item: (item[0] < slots, item[0], -item[1][1].toordinal())
        )
        plan.busy = (room_index, day, count)
    return plan


# --- writing ---------------------------------------------------------------------------


def _chunks(
    rows: Sequence[dict[str, Any]], size: int = CHUNK
) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def bulk(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    statement = insert(table)
    for chunk in _chunks(rows):
        session.execute(statement, chunk)


def next_ids(session: Session, tables: Iterable[Table]) -> dict[str, int]:
    return {table.name: (session.scalar(select(func.max(table.c.id))) or 0) + 1 for table in tables}


SEQUENCED = ("users", "purchases", "purchase_lines", "bookings", "booking_addons", "booking_events")


def move_sequences(session: Session) -> None:
    """PostgreSQL: explicit ids do not advance the id sequences; move them past the rows."""
    for name in SEQUENCED:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)"
            )
        )
