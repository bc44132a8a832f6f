"""The studio bench/gui_lag.py's session runs on: a private copy of the cached generated
studio (100,000 bookings), with what the session needs set up through the services.

The generated clients share one Argon2id hash (bench/generate.py); the signed-in client is
given a hash of their own, made by the app's default hasher (its real settings), so the
session's sign-in verifies a real hash. The client also gets a bundle (issued by the
owner, so there is a credit to redeem), and one upcoming session the studio has been paid
for (confirmed: one to reschedule). The client is a typical one (10–20 bookings, some
upcoming, chosen by :func:`bench.startup_studio.pick_clients`); their purchases include
paid ones with receipts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update

from bench.startup_studio import copy_studio, pick_clients

CLIENT_PASSWORD = "a real password for the bench 2026"


@dataclass(frozen=True)
class SessionStudio:
    url: str
    email: str
    password: str
    client_id: int
    bundle_id: int
    confirmed_booking_id: int  # paid, upcoming: the one rescheduled
    free_day: date  # a local day, past every generated booking, on which every room is free
    bookings: int


def prepare(cached_url: str, folder: Path) -> SessionStudio:
    from bench.history import OWNER_EMAIL, PASSWORD
    from podyx_desktop.db import tables as t
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.enums import PaymentMethod
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.requests import BookingRequest, SessionCart
    from podyx_desktop.services import Services

    url = copy_studio(cached_url, folder)
    db = Database(url)
    try:
        services = Services(db)  # the app's default (real) hasher
        studio = services.catalogue.studio(Principal.anonymous())
        zone = ZoneInfo(studio.time_zone)
        client_id, _busiest = pick_clients(db)
        real_hash = services.context.hasher.hash(CLIENT_PASSWORD)
        with db.write() as session:
            session.execute(
                update(t.User).where(t.User.id == client_id).values(password_hash=real_hash)
            )
        with db.read() as session:
            email = session.get(t.User, client_id).email  # type: ignore[union-attr]
            last_end = session.scalar(select(func.max(t.Booking.ends_at)))
            bookings = session.scalar(select(func.count(t.Booking.id))) or 0
            product = session.scalar(select(t.BundleProduct.id).order_by(t.BundleProduct.id))
            setup, service = session.execute(
                select(t.ServiceSetup.setup_id, t.ServiceSetup.service_id).limit(1)
            ).one()
        assert last_end is not None and product is not None
        last = last_end if last_end.tzinfo else last_end.replace(tzinfo=UTC)
        free_day = last.astimezone(zone).date() + timedelta(days=2)
        owner = services.accounts.sign_in(OWNER_EMAIL, PASSWORD).principal
        bundle = services.bundles.issue(owner, client_id, product, "Bench: a credit to redeem")
        client = services.accounts.sign_in(email, CLIENT_PASSWORD)
        starts = datetime(free_day.year, free_day.month, free_day.day, 10, tzinfo=zone)
        request = BookingRequest(
            SessionCart(setup, service, 120),
            (starts - timedelta(days=1)).astimezone(UTC),
            PaymentMethod.PAY_LATER,
            terms_accepted=True,
        )
        booked = services.checkout.book(client.principal, request).booking
        assert booked.purchase_id is not None
        services.purchases.record_payment(owner, booked.purchase_id, PaymentMethod.CASH)
        services.accounts.sign_out(client.principal, client.token)
    finally:
        db.dispose()
    return SessionStudio(
        url, email, CLIENT_PASSWORD, client_id, int(bundle.id), int(booked.id), free_day, bookings
    )
