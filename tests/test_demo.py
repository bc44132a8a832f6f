"""The demo studio: what it contains, that it is consistent, and that it loads only once.

It is loaded once for the module (with a fast password hasher) at a fixed "today" whose
eight weeks of history cross the spring daylight-saving change in Berlin.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import phonenumbers
import pytest

from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.migrate import check_database
from podyx_desktop.demo.load import DEMO_PASSWORD, DemoLogins, load_demo
from podyx_desktop.domain.enums import BookingStatus, PurchaseKind, Role
from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Booking, Purchase
from podyx_desktop.domain.requests import AvailabilityQuery
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER, FakeClock

TODAY = datetime(2026, 4, 15, 8, 30, tzinfo=UTC)  # a Wednesday; history from mid-February
BERLIN = ZoneInfo("Europe/Berlin")
SPECIAL_NAMES = ("Đorđe Šćepanović", "Ελένη Παπαδοπούλου", "Иван Петров")
SYSTEM = Principal.system()


@dataclass(frozen=True)
class Loaded:
    services: Services
    logins: DemoLogins
    bookings: list[Booking]
    purchases: list[Purchase]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Loaded]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database(sqlite_url(path))
    services = Services(database, clock=FakeClock(TODAY), hasher=FAST_HASHER)
    logins = load_demo(services)
    bookings = services.bookings.schedule(
        SYSTEM, TODAY.date() - timedelta(days=70), TODAY.date() + timedelta(days=30)
    )
    clients = services.clients.list_clients(SYSTEM)
    purchases = [p for c in clients for p in services.purchases.list_for_client(SYSTEM, c.id)]
    yield Loaded(services, logins, bookings, purchases)
    database.dispose()


def test_the_studio(demo: Loaded) -> None:
    studio = demo.services.catalogue.studio(SYSTEM)
    assert studio.is_demo
    assert (studio.name, studio.time_zone, studio.currency) == (
        "Podyx Demo Studio",
        "Europe/Berlin",
        "EUR",
    )
    assert studio.locale in ("de_DE", "en_GB")
    assert studio.prices_include_vat and studio.default_vat_rate_bp == 1900
    assert studio.vat_number.startswith("DE") and studio.address.city == "Berlin"
    assert studio.terms


def test_the_catalogue(demo: Loaded) -> None:
    staff_view = demo.services.catalogue.get_catalogue(SYSTEM)
    assert [r.name for r in staff_view.rooms] == ["Studio A", "Studio B"]
    assert len(staff_view.setups) == 3
    assert {s.name for s in staff_view.services} == {"Podcast recording", "Video podcast"}
    podcast = next(s for s in staff_view.services if s.name == "Podcast recording")
    assert (podcast.min_minutes, podcast.max_minutes, podcast.step_minutes) == (60, 240, 30)
    addons = {a.name: a for a in staff_view.addons}
    assert addons["Engineer"].max_quantity == 4
    assert addons["Extra mic"].client_can_add_after_booking
    assert addons["Video edit"].client_can_add_after_booking
    assert any(a.hidden_from_clients for a in addons.values())
    assert len(staff_view.bundle_products) >= 2
    assert {p.validity_days for p in staff_view.bundle_products} >= {180, 365}
    client = demo.services.accounts.sign_in("ivan.petrov@example.com", DEMO_PASSWORD)
    client_view = demo.services.catalogue.get_catalogue(client.principal)
    assert not any(a.hidden_from_clients for a in client_view.addons)
    codes = {p.code: p for p in demo.services.catalogue.list_promo_codes(SYSTEM)}
    assert set(codes) == {"WELCOME10", "SPRING25", "VIDEO15"}
    assert codes["WELCOME10"].max_uses_per_client == 1
    assert codes["SPRING25"].valid_to is not None and codes["SPRING25"].valid_to < TODAY


def test_a_closed_day_offers_no_time(demo: Loaded) -> None:
    catalogue = demo.services.catalogue.get_catalogue(SYSTEM)
    podcast = next(s for s in catalogue.services if s.name == "Podcast recording")
    day = TODAY.astimezone(BERLIN).date() + timedelta(days=10)
    while day.weekday() != 2:
        day += timedelta(days=1)
    query = AvailabilityQuery(catalogue.setups[0].id, podcast.id, 60, day)
    assert demo.services.availability.free_slots(SYSTEM, query) == []
    query = AvailabilityQuery(catalogue.setups[0].id, podcast.id, 60, day + timedelta(days=1))
    assert demo.services.availability.free_slots(SYSTEM, query)


def test_twenty_clients_with_their_names_intact(demo: Loaded) -> None:
    clients = demo.services.clients.list_clients(SYSTEM)
    assert len(clients) == 20
    names = {c.full_name for c in clients}
    assert set(SPECIAL_NAMES) <= names
    assert {"Zoë Łukasiewicz", "Mateo Núñez", "Siobhán Ó Briain"} <= names
    countries = set()
    for client in clients:
        number = phonenumbers.parse(client.phone)
        assert client.phone.startswith("+") and phonenumbers.is_valid_number(number)
        countries.add(phonenumbers.region_code_for_number(number))
    assert len(countries) >= 10


def test_logins_for_every_role(demo: Loaded) -> None:
    logins = demo.logins.logins
    assert Counter(login.role for login in logins) == {
        "owner": 1,
        "manager": 1,
        "front desk": 1,
        "client": 20,
    }
    assert {login.password for login in logins} == {DEMO_PASSWORD}
    table = demo.logins.table()
    assert all(login.email in table for login in logins) and SPECIAL_NAMES[0] in table
    owner = next(login for login in logins if login.role == "owner")
    signed_in = demo.services.accounts.sign_in(owner.email, DEMO_PASSWORD)
    assert signed_in.account.role is Role.OWNER
    client = next(login for login in logins if login.name == SPECIAL_NAMES[1])
    assert demo.services.accounts.sign_in(client.email, DEMO_PASSWORD).account.full_name == client.name


def test_bookings_past_and_upcoming_in_every_status(demo: Loaded) -> None:
    past = [b for b in demo.bookings if b.ends_at <= TODAY]
    upcoming = [b for b in demo.bookings if b.starts_at > TODAY]
    assert len(past) >= 20 and len(upcoming) >= 10
    assert {b.status for b in past} >= {
        BookingStatus.COMPLETED,
        BookingStatus.NO_SHOW,
        BookingStatus.CANCELED,
    }
    assert {b.status for b in upcoming} >= {
        BookingStatus.PENDING,
        BookingStatus.CONFIRMED,
        BookingStatus.RESCHEDULED,
        BookingStatus.CANCELED,
    }
    assert not any(b.status.is_open for b in past), "every past session has an outcome"
    assert any(b.original_starts_at is not None for b in past), "a past session was moved"
    assert any(b.bundle_id is not None for b in past) and any(b.addons for b in past)
    report = check_database(demo.services.db)
    assert report.ok, report.problems


def test_history_crosses_daylight_saving_and_respects_opening_hours(demo: Loaded) -> None:
    offsets = {b.starts_at.astimezone(BERLIN).utcoffset() for b in demo.bookings}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}
    for booking in demo.bookings:
        local = booking.starts_at.astimezone(BERLIN)
        if local.hour >= 21:  # the one session staff booked outside the rules
            continue
        assert local.weekday() < 6 and local.hour >= 9
        assert booking.ends_at.astimezone(BERLIN).time() <= datetime(2000, 1, 1, 21).time()


def test_purchases_promo_codes_and_refunds(demo: Loaded) -> None:
    kinds = Counter(p.kind for p in demo.purchases)
    assert kinds[PurchaseKind.BOOKING] >= 20 and kinds[PurchaseKind.BUNDLE] >= 2
    assert kinds[PurchaseKind.ADDONS] >= 1
    credit_notes = [p for p in demo.purchases if p.kind is PurchaseKind.CREDIT_NOTE]
    assert len(credit_notes) >= 2
    assert all(p.gross_minor < 0 and p.refund_of_number for p in credit_notes)
    assert {p.promo_code for p in demo.purchases if p.discount_minor} >= {
        "WELCOME10",
        "SPRING25",
        "VIDEO15",
    }
    assert {p.method.value for p in demo.purchases} >= {
        "card_at_desk",
        "cash",
        "bank_transfer",
        "pay_later",
        "store_credit",
    }
    numbers = [p.receipt_number for p in demo.purchases if p.receipt_number]
    assert len(numbers) == len(set(numbers))


def test_bundles_in_every_state(demo: Loaded) -> None:
    clients = demo.services.clients.list_clients(SYSTEM)
    bundles = [b for c in clients for b in demo.services.bundles.list_for_client(SYSTEM, c.id)]
    assert {b.state for b in bundles} >= {"active", "expired", "used_up", "refunded"}
    assert any(b.issued_reason for b in bundles), "a bundle was issued by staff"
    assert any(0 < b.sessions_redeemed < b.sessions_total for b in bundles)


def test_notes_files_and_audit(demo: Loaded) -> None:
    clients = demo.services.clients.list_clients(SYSTEM)
    notes = [n for c in clients for n in demo.services.notes.list_notes(SYSTEM, client_id=c.id)]
    assert any(n.internal for n in notes) and any(not n.internal for n in notes)
    files = [f for c in clients for f in demo.services.files.list_files(SYSTEM, c.id)]
    assert any(f.external_url is None and f.size_bytes > 0 for f in files)
    assert any(f.external_url for f in files)
    stored = next(f for f in files if f.external_url is None)
    _record, content = demo.services.files.download(SYSTEM, stored.id)
    assert content is not None and content.startswith(b"RIFF")
    actions = {e.action for e in demo.services.audit.list_entries(SYSTEM, limit=1000)}
    assert actions >= {"price_override", "bypass_rules", "refund", "issue_bundle", "mark_no_show"}


def test_a_second_load_is_refused(demo: Loaded) -> None:
    with pytest.raises(PodyxError, match="already has a studio"):
        load_demo(demo.services)


def test_demo_loads_on_every_backend(database: Database) -> None:
    services = Services(database, clock=FakeClock(datetime(2026, 10, 28, 12, tzinfo=UTC)), hasher=FAST_HASHER)
    logins = load_demo(services)
    assert len(logins.logins) == 23
    assert check_database(database).ok
    statuses = {
        b.status
        for b in services.bookings.schedule(SYSTEM, date(2026, 8, 1), date(2026, 12, 1))
    }
    assert len(statuses) == 6
