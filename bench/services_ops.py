"""The operations bench/services.py times: every one the product names, as the app calls
them (the services' public methods, real units of work, durable commits).

Each :class:`Operation` has an untimed ``prepare`` (e.g. a fresh booking to cancel) whose
result the timed ``call`` receives. Writes use start times on days after the generated
history (:func:`free_starts`), each used once, so no call collides with another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from bench.history import SLOT_STARTS, TIME_ZONE
from bench.services_studio import StudioFacts
from podyx_desktop.db import tables as t
from podyx_desktop.domain.availability import local_to_utc, studio_zone, wall_clock
from podyx_desktop.domain.enums import PaymentMethod, RefundTo, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import (
    AddonChoice,
    AvailabilityQuery,
    BookingRequest,
    RedeemRequest,
    SessionCart,
)
from podyx_desktop.services import Services

BASELINE_PAGE = 50  # rows of the baseline's page read


@dataclass
class Operation:
    name: str
    what: str
    call: Callable[[Any], object]  # timed
    prepare: Callable[[int], Any] = lambda i: i  # untimed; its result is passed to call
    target: bool = True  # whether the goal applies (False: shown for information)


def free_starts(studio: StudioFacts) -> Iterator[datetime]:
    """Grid start times on days after the generated history: each one free, once."""
    zone = studio_zone(TIME_ZONE)
    day = studio.free_from
    while True:
        for minute in SLOT_STARTS:
            yield local_to_utc(wall_clock(day, minute), zone, fold=0)
        day += timedelta(days=1)


def baseline_call(services: Services, studio: StudioFacts) -> Callable[[int], object]:
    """One indexed page read of the bookings table: 50 rows in start order from a point
    in the history (``ix_bookings_starts_at``), every column, in its own unit of work."""
    db = services.db
    span = (studio.last_day - studio.first_day).days or 1
    columns = t.Booking.__table__.c  # type: ignore[attr-defined]
    zone = studio_zone(TIME_ZONE)

    def read(i: int) -> object:
        day = studio.first_day + timedelta(days=(i * 37) % span)
        since = local_to_utc(wall_clock(day, 12 * 60), zone, fold=0)
        with db.read() as session:
            return session.execute(
                select(columns)
                .where(columns.starts_at >= since)
                .order_by(columns.starts_at, columns.id)
                .limit(BASELINE_PAGE)
            ).all()

    return read


def operations(services: Services, studio: StudioFacts) -> list[Operation]:
    sample = Principal.user(studio.sample_client_id, Role.CLIENT)
    heavy = Principal.user(studio.heavy_client_id, Role.CLIENT)
    owner = Principal.user(studio.owner_id, Role.OWNER)
    booker_id = (
        studio.sample_client_id + 1
        if studio.sample_client_id < studio.last_client_id
        else studio.sample_client_id - 1
    )
    booker = Principal.user(booker_id, Role.CLIENT)
    cart = SessionCart(
        studio.busy_setup_id,
        studio.podcast_service_id,
        120,
        (AddonChoice(studio.engineer_addon_id, 1), AddonChoice(studio.extra_mic_addon_id, 2)),
    )
    starts = free_starts(studio)
    # bundles: the busiest client gets three, the sample one one (the generated history
    # has none); the booker's has credits enough for every redemption timed
    for client, count in ((studio.heavy_client_id, 3), (studio.sample_client_id, 1)):
        for _ in range(count):
            services.bundles.issue(owner, client, studio.bundle_product_id, "bench", sessions=5)
    bundle = services.bundles.issue(
        owner, booker_id, studio.bundle_product_id, "bench", sessions=1000
    )

    plain = SessionCart(studio.busy_setup_id, studio.podcast_service_id, 120, ())

    def book(starts_at: datetime, what: SessionCart = cart) -> Any:
        request = BookingRequest(
            what,
            starts_at,
            PaymentMethod.PAY_LATER,
            terms_accepted=True,
            promo_code=studio.promo_code,
        )
        return services.checkout.book(booker, request).booking

    def fresh_booking(_: int) -> int:
        return int(book(next(starts)).id)

    def fresh_purchase(_: int) -> int:
        purchase_id = book(next(starts)).purchase_id
        assert purchase_id is not None
        return int(purchase_id)

    def paid_purchase(i: int) -> int:
        purchase_id = fresh_purchase(i)
        services.purchases.record_payment(owner, purchase_id, PaymentMethod.CASH)
        return purchase_id

    query = AvailabilityQuery(studio.busy_setup_id, studio.podcast_service_id, 120, studio.busy_day)
    bookings = services.bookings
    lists: list[Operation] = []
    for who, principal, client_id, n in (
        ("typ.", sample, studio.sample_client_id, studio.sample_client_bookings),
        ("busiest", heavy, studio.heavy_client_id, studio.heavy_client_bookings),
    ):
        lists += [
            Operation(
                f"upcoming ({who})",
                f"bookings.list_for_client(upcoming=True), a client of {n} bookings",
                lambda _, p=principal, c=client_id: bookings.list_for_client(p, c, upcoming=True),
            ),
            Operation(
                f"past ({who})",
                "bookings.list_for_client(upcoming=False): the latest 100",
                lambda _, p=principal, c=client_id: bookings.list_for_client(p, c, upcoming=False),
            ),
            Operation(
                f"purchases ({who})",
                "purchases.list_for_client: the latest 100",
                lambda _, p=principal, c=client_id: services.purchases.list_for_client(p, c),
            ),
            Operation(
                f"bundles ({who})",
                "bundles.list_for_client",
                lambda _, p=principal, c=client_id: services.bundles.list_for_client(p, c),
            ),
        ]
    return [
        Operation(
            "availability",
            f"free_slots, busy room, {studio.busy_day} ({studio.busy_day_bookings} booked)",
            lambda _: services.availability.free_slots(sample, query),
        ),
        Operation(
            "quote",
            "checkout.quote, 2 add-ons + promo code",
            lambda _: services.checkout.quote(sample, cart, studio.promo_code),
        ),
        Operation(
            "book",
            "checkout.book, pay later, 2 add-ons + promo",
            book,
            prepare=lambda _: next(starts),
        ),
        Operation(
            "cancel",
            "bookings.cancel of a fresh booking",
            lambda booking_id: bookings.cancel(booker, booking_id, reason="bench"),
            prepare=fresh_booking,
        ),
        Operation(
            "reschedule",
            "bookings.reschedule of a fresh booking to a free time",
            lambda moved: bookings.reschedule(booker, moved[0], moved[1]),
            prepare=lambda i: (fresh_booking(i), next(starts)),
        ),
        Operation(
            "redeem",
            "bundles.redeem: one session of a bundle",
            lambda starts_at: services.bundles.redeem(
                booker, RedeemRequest(bundle.id, studio.busy_setup_id, starts_at)
            ),
            prepare=lambda _: next(starts),
        ),
        Operation(
            "add add-ons",
            "bookings.add_addons: an extra mic on a fresh booking without add-ons, pay later",
            lambda booking_id: bookings.add_addons(
                booker,
                booking_id,
                (AddonChoice(studio.extra_mic_addon_id, 1),),
                PaymentMethod.PAY_LATER,
            ),
            prepare=lambda _: int(book(next(starts), plain).id),
        ),
        Operation(
            "record payment",
            "purchases.record_payment (staff, cash) of a pending booking",
            lambda purchase_id: services.purchases.record_payment(
                owner, purchase_id, PaymentMethod.CASH
            ),
            prepare=fresh_purchase,
        ),
        Operation(
            "refund",
            "purchases.refund (owner) of a paid booking, to the original method",
            lambda purchase_id: services.purchases.refund(
                owner, purchase_id, RefundTo.ORIGINAL_METHOD, "bench"
            ),
            prepare=paid_purchase,
        ),
        *lists,
    ]
