"""Catalogue administration: studio settings, what clients see, who may change what,
what the audit log records, receipt series locking and promo codes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select, update

from podyx_desktop.db import tables as t
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PromoKind, PromoTarget, Role, SeriesKind
from podyx_desktop.domain.errors import (
    Conflict,
    InvalidInput,
    NotAllowed,
    NotFound,
    NotSignedIn,
    PodyxError,
)
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.policy import PolicyOverride
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import AuditEntry
from podyx_desktop.domain.requests import (
    NewAccount,
    NewAddon,
    NewBundleProduct,
    NewPromoCode,
    NewRoom,
    NewService,
    NewSetup,
    StudioSettings,
)
from podyx_desktop.services import Services
from tests.factories import PASSWORD, Studio

SYSTEM = Principal.system()
SETTINGS = StudioSettings(
    name="Klangraum", time_zone="Europe/Berlin", currency="EUR", locale="de_DE"
)


def manager(studio: Studio) -> Principal:
    account = studio.services.accounts.create_staff(
        SYSTEM,
        NewAccount("Mia Manager", "mia@example.com", "+49 30 3333333", PASSWORD),
        Role.MANAGER,
    )
    return Principal.user(account.id, Role.MANAGER)


def entries(services: Services, action: str) -> list[AuditEntry]:
    return [e for e in services.audit.list_entries(SYSTEM, limit=1000) if e.action == action]


# --- the studio --------------------------------------------------------------------------


def test_configure_studio_creates_the_studio_and_its_receipt_series(services: Services) -> None:
    with pytest.raises(PodyxError, match="no studio"):
        services.catalogue.studio(Principal.anonymous())

    info = services.catalogue.configure_studio(
        SYSTEM, replace(SETTINGS, currency=" eur ", locale="de-DE")
    )

    assert (info.name, info.currency, info.locale, info.time_zone) == (
        "Klangraum",
        "EUR",
        "de_DE",
        "Europe/Berlin",
    )
    assert services.catalogue.studio(Principal.anonymous()) == info
    assert services.catalogue.receipt_series(SYSTEM, SeriesKind.RECEIPT) == SeriesFormat(
        "R-", True, 5, True
    )
    assert services.catalogue.receipt_series(SYSTEM, SeriesKind.CREDIT_NOTE) == SeriesFormat(
        "CN-", True, 5, True
    )
    [entry] = entries(services, "change_settings")
    assert entry.before == "" and json.loads(entry.after)["name"] == "Klangraum"
    assert entry.actor_name == "System (podyx-admin)"


def test_changing_settings_audits_only_what_changed(studio: Studio) -> None:
    services = studio.services
    boss = manager(studio)
    current = services.catalogue.studio(boss)
    settings = StudioSettings(
        name="Test Studio Berlin",
        time_zone=current.time_zone,
        currency=current.currency,
        locale=current.locale,
        default_vat_rate_bp=700,
        vat_number=current.vat_number,
        address_line1=current.address.line1,
        postal_code=current.address.postal_code,
        city=current.address.city,
        country=current.address.country,
    )
    info = services.catalogue.configure_studio(boss, settings)

    assert info.name == "Test Studio Berlin" and info.default_vat_rate_bp == 700
    latest = entries(services, "change_settings")[0]
    assert json.loads(latest.before) == {"name": "Test Studio", "default_vat_rate_bp": 1900}
    assert json.loads(latest.after) == {"name": "Test Studio Berlin", "default_vat_rate_bp": 700}
    assert latest.actor_name == "Mia Manager"
    # the receipt series were created once, with the studio
    with services.db.read() as session:
        assert len(session.scalars(select(t.ReceiptSeries)).all()) == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "  "}, "name"),
        ({"time_zone": "Berlin"}, "time_zone"),
        ({"currency": "EURO"}, "currency"),
        ({"currency": "XYZ"}, "currency"),
        ({"locale": "xx_YY"}, "locale"),
        ({"locale": "not a locale"}, "locale"),
        ({"default_vat_rate_bp": 10_001}, "default_vat_rate_bp"),
        ({"default_vat_rate_bp": -1}, "default_vat_rate_bp"),
        ({"buffer_minutes": -5}, "buffer_minutes"),
        ({"max_reschedules": -1}, "max_reschedules"),
        ({"country": "Germany"}, "country"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "12"}, "phone"),
        ({"postal_code": "1" * 21}, "postal_code"),
    ],
)
def test_configure_studio_refuses_invalid_settings(
    services: Services, change: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.catalogue.configure_studio(SYSTEM, replace(SETTINGS, **change))
    assert refused.value.field == field
    assert refused.value.message.endswith(".")
    with services.db.read() as session:
        assert session.get(t.Studio, 1) is None


def test_only_managers_and_owners_configure_the_studio(studio: Studio) -> None:
    client = studio.client()
    with pytest.raises(NotAllowed):
        studio.services.catalogue.configure_studio(studio.desk, SETTINGS)
    with pytest.raises(NotAllowed):
        studio.services.catalogue.configure_studio(client.principal, SETTINGS)
    with pytest.raises(NotSignedIn):
        studio.services.catalogue.configure_studio(Principal.anonymous(), SETTINGS)
    assert studio.services.catalogue.configure_studio(studio.owner, SETTINGS).name == "Klangraum"


# --- the catalogue as clients and staff see it ---------------------------------------------


def test_hidden_addons_are_shown_to_staff_only(studio: Studio) -> None:
    cat = studio.services.catalogue
    client = studio.client()
    for_client = cat.get_catalogue(client.principal)
    for_visitor = cat.get_catalogue(Principal.anonymous())
    for_staff = cat.get_catalogue(studio.desk)

    assert studio.secret_addon not in {a.id for a in for_client.addons}
    assert for_visitor.addons == for_client.addons
    assert studio.secret_addon in {a.id for a in for_staff.addons}
    assert {a.id for a in for_staff.addons} == {
        studio.engineer,
        studio.extra_mic,
        studio.secret_addon,
    }


def test_catalogue_carries_links_and_default_vat(studio: Studio) -> None:
    catalogue = studio.services.catalogue.get_catalogue(Principal.anonymous())
    services = {s.id: s for s in catalogue.services}
    assert services[studio.podcast].setup_ids == tuple(
        sorted((studio.podcast_setup, studio.video_setup, studio.roundtable_setup))
    )
    assert services[studio.podcast].vat_rate_bp == 1900  # the studio default
    assert services[studio.video].vat_rate_bp == 700
    [product] = catalogue.bundle_products
    assert product.service_ids == (studio.podcast,) and product.validity_days == 90
    assert {s.room_name for s in catalogue.setups} == {"Studio A", "Studio B"}
    engineer = next(a for a in catalogue.addons if a.id == studio.engineer)
    assert engineer.service_ids == tuple(sorted((studio.podcast, studio.video)))


@pytest.fixture
def statements(studio: Studio) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(str(args[2]))

    engine = studio.services.db.engine
    event.listen(engine, "before_cursor_execute", count)
    yield seen
    event.remove(engine, "before_cursor_execute", count)


def test_catalogue_query_count_does_not_grow_with_the_catalogue(
    studio: Studio, statements: list[str]
) -> None:
    cat = studio.services.catalogue
    cat.get_catalogue(studio.desk)
    small = len(statements)
    for n in range(15):
        cat.add_addon(SYSTEM, NewAddon(f"Extra {n}", 100, (studio.podcast, studio.video)))
        cat.add_service(
            SYSTEM, NewService(f"Service {n}", 5000, 60, 120, 60, (studio.video_setup,))
        )
    statements.clear()
    catalogue = cat.get_catalogue(studio.desk)
    assert len(statements) == small <= 15
    assert len(catalogue.addons) == 18 and len(catalogue.services) == 17


# --- who may change the catalogue ---------------------------------------------------------

Mutation = Callable[[Studio, Principal], object]

MUTATIONS: dict[str, Mutation] = {
    "configure_studio": lambda s, p: s.services.catalogue.configure_studio(p, SETTINGS),
    "add_room": lambda s, p: s.services.catalogue.add_room(p, NewRoom("Studio C")),
    "add_setup": lambda s, p: s.services.catalogue.add_setup(p, NewSetup(s.room_b, "Solo")),
    "add_service": lambda s, p: s.services.catalogue.add_service(
        p, NewService("Mixing", 5000, 60, 120, 60, (s.podcast_setup,))
    ),
    "add_addon": lambda s, p: s.services.catalogue.add_addon(p, NewAddon("Tea", 200, (s.podcast,))),
    "add_bundle_product": lambda s, p: s.services.catalogue.add_bundle_product(
        p, NewBundleProduct("5 × 1 h", 5, 60, 25000, (s.podcast_setup,))
    ),
    "add_promo_code": lambda s, p: s.services.catalogue.add_promo_code(
        p, NewPromoCode("SUMMER", PromoKind.FIXED, 500)
    ),
    "list_promo_codes": lambda s, p: s.services.catalogue.list_promo_codes(p),
    "set_opening_hours": lambda s, p: s.services.catalogue.set_opening_hours(
        p, [OpeningInterval(0, 600, 900)]
    ),
    "add_closed_date": lambda s, p: s.services.catalogue.add_closed_date(p, date(2026, 12, 24)),
    "set_policy_override": lambda s, p: s.services.catalogue.set_policy_override(
        p, room_id=s.room_a, override=PolicyOverride(buffer_minutes=30)
    ),
    "set_service_rate": lambda s, p: s.services.catalogue.set_service_rate(p, s.podcast, 7000),
    "configure_receipt_series": lambda s, p: s.services.catalogue.configure_receipt_series(
        p, SeriesKind.RECEIPT, SeriesFormat("INV-")
    ),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_changes_are_refused_for_visitors_clients_and_the_front_desk(
    studio: Studio, name: str
) -> None:
    mutate = MUTATIONS[name]
    audited = len(studio.services.audit.list_entries(SYSTEM, limit=1000))
    with pytest.raises(NotSignedIn):
        mutate(studio, Principal.anonymous())
    with pytest.raises(NotAllowed):
        mutate(studio, studio.client().principal)
    with pytest.raises(NotAllowed):
        mutate(studio, studio.desk)
    assert len(studio.services.audit.list_entries(SYSTEM, limit=1000)) == audited
    if name == "configure_receipt_series":
        with pytest.raises(NotAllowed, match="owner"):
            mutate(studio, manager(studio))
        mutate(studio, studio.owner)
    else:
        mutate(studio, manager(studio))


def test_receipt_series_is_staff_only(studio: Studio) -> None:
    assert studio.services.catalogue.receipt_series(studio.desk, SeriesKind.RECEIPT).prefix == "R-"
    with pytest.raises(NotAllowed):
        studio.services.catalogue.receipt_series(studio.client().principal, SeriesKind.RECEIPT)


# --- the audit trail ----------------------------------------------------------------------


def test_price_change_is_audited_with_before_and_after(studio: Studio) -> None:
    service = studio.services.catalogue.set_service_rate(studio.owner, studio.podcast, 7500)
    assert service.hourly_rate_minor == 7500
    [entry] = entries(studio.services, "change_price")
    assert (entry.entity, entry.entity_id, entry.actor_name) == (
        "service",
        studio.podcast,
        "Olga Owner",
    )
    assert json.loads(entry.before) == {"hourly_rate_minor": 6000}
    assert json.loads(entry.after) == {"hourly_rate_minor": 7500}
    with pytest.raises(InvalidInput):
        studio.services.catalogue.set_service_rate(studio.owner, studio.podcast, -1)
    with pytest.raises(NotFound):
        studio.services.catalogue.set_service_rate(studio.owner, 9999, 100)


def test_closed_dates_are_audited_and_not_repeated(studio: Studio) -> None:
    cat = studio.services.catalogue
    cat.add_closed_date(studio.owner, date(2026, 12, 24), "  Christmas  Eve ")
    cat.add_closed_date(studio.owner, date(2026, 12, 24), "Repainting", room_id=studio.room_a)
    with pytest.raises(Conflict, match="already closed on 2026-12-24"):
        cat.add_closed_date(studio.owner, date(2026, 12, 24))
    with pytest.raises(NotFound):
        cat.add_closed_date(studio.owner, date(2026, 12, 25), room_id=9999)
    studio_wide, per_room = reversed(entries(studio.services, "add_closed_date"))
    assert (studio_wide.entity, studio_wide.entity_id) == ("studio", 1)
    assert json.loads(studio_wide.after) == {"closed_on": "2026-12-24", "reason": "Christmas Eve"}
    assert (per_room.entity, per_room.entity_id) == ("room", studio.room_a)


def test_policy_override_is_audited(studio: Studio) -> None:
    cat = studio.services.catalogue
    cat.set_policy_override(
        studio.owner, setup_id=studio.video_setup, override=PolicyOverride(buffer_minutes=30)
    )
    [entry] = entries(studio.services, "change_policy")
    assert (entry.entity, entry.entity_id) == ("setup", studio.video_setup)
    assert json.loads(entry.before)["buffer_minutes"] is None
    assert json.loads(entry.after)["buffer_minutes"] == 30
    with studio.services.db.read() as session:
        assert session.get(t.Setup, studio.video_setup).buffer_minutes == 30  # type: ignore[union-attr]
    with pytest.raises(InvalidInput, match="either a room or a setup"):
        cat.set_policy_override(
            studio.owner,
            room_id=studio.room_a,
            setup_id=studio.video_setup,
            override=PolicyOverride(),
        )
    with pytest.raises(InvalidInput, match="either a room or a setup"):
        cat.set_policy_override(studio.owner, override=PolicyOverride())
    with pytest.raises(InvalidInput, match="negative"):
        cat.set_policy_override(
            studio.owner, room_id=studio.room_a, override=PolicyOverride(lead_time_hours=-1)
        )
    with pytest.raises(NotFound):
        cat.set_policy_override(studio.owner, room_id=9999, override=PolicyOverride())


def test_opening_hours_are_replaced_per_room_and_audited(studio: Studio) -> None:
    cat = studio.services.catalogue
    cat.set_opening_hours(
        studio.owner,
        [OpeningInterval(5, 600, 720), OpeningInterval(0, 540, 600)],
        room_id=studio.room_b,
    )
    cat.set_opening_hours(studio.owner, [OpeningInterval(0, 600, 660)], room_id=studio.room_b)
    with studio.services.db.read() as session:
        hours = session.execute(
            select(t.OpeningHours.room_id, t.OpeningHours.weekday, t.OpeningHours.open_minute)
        ).all()
    assert sorted((room, day, start) for room, day, start in hours if room is not None) == [
        (studio.room_b, 0, 600)
    ]
    assert len([h for h in hours if h[0] is None]) == 7  # the studio's own hours stay
    latest = entries(studio.services, "change_opening_hours")[0]
    assert json.loads(latest.before) == {"hours": [[0, 540, 600], [5, 600, 720]]}
    assert json.loads(latest.after) == {"hours": [[0, 600, 660]]}
    with pytest.raises(InvalidInput, match="overlap"):
        cat.set_opening_hours(
            studio.owner, [OpeningInterval(1, 600, 720), OpeningInterval(1, 700, 800)]
        )


# --- receipt series ------------------------------------------------------------------------


def test_receipt_series_can_change_until_it_is_locked(studio: Studio) -> None:
    cat = studio.services.catalogue
    cat.configure_receipt_series(
        studio.owner,
        SeriesKind.RECEIPT,
        SeriesFormat("RE-", include_year=False, min_digits=6, yearly_reset=False),
    )
    assert cat.receipt_series(studio.desk, SeriesKind.RECEIPT) == SeriesFormat(
        "RE-", False, 6, False
    )
    [entry] = entries(studio.services, "change_receipt_series")
    assert json.loads(entry.before)["prefix"] == "R-" and json.loads(entry.after)["prefix"] == "RE-"

    with pytest.raises(Conflict, match="different prefixes"):
        cat.configure_receipt_series(studio.owner, SeriesKind.CREDIT_NOTE, SeriesFormat("RE-"))

    with studio.services.db.write() as session:
        session.execute(
            update(t.ReceiptSeries).where(t.ReceiptSeries.kind == "receipt").values(locked=True)
        )
    with pytest.raises(Conflict, match="can no longer change"):
        cat.configure_receipt_series(studio.owner, SeriesKind.RECEIPT, SeriesFormat("X-"))
    # asking for the format it already has is not a change
    cat.configure_receipt_series(
        studio.owner, SeriesKind.RECEIPT, SeriesFormat("RE-", False, 6, False)
    )
    assert cat.receipt_series(studio.desk, SeriesKind.RECEIPT).prefix == "RE-"
    # the credit-note series is not locked by the receipt series
    cat.configure_receipt_series(studio.owner, SeriesKind.CREDIT_NOTE, SeriesFormat("GS-"))


# --- adding things -------------------------------------------------------------------------


def test_names_are_unique_whatever_their_case(studio: Studio) -> None:
    cat = studio.services.catalogue
    with pytest.raises(Conflict, match="already a room"):
        cat.add_room(studio.owner, NewRoom(" studio  a "))
    with pytest.raises(Conflict, match="already a setup in “Studio A”"):
        cat.add_setup(studio.owner, NewSetup(studio.room_a, "VIDEO SET"))
    assert cat.add_setup(studio.owner, NewSetup(studio.room_b, "Video set")).room_name == "Studio B"
    cat.add_room(studio.owner, NewRoom("Ölraum"))
    with pytest.raises(Conflict, match="already a room"):
        cat.add_room(studio.owner, NewRoom("ölraum"))
    with pytest.raises(Conflict, match="already a service"):
        cat.add_service(
            studio.owner, NewService("podcast recording", 1, 60, 60, 30, (studio.podcast_setup,))
        )
    with pytest.raises(Conflict, match="already an add-on"):
        cat.add_addon(studio.owner, NewAddon("ENGINEER", 1, (studio.podcast,)))


@pytest.mark.parametrize(
    ("service", "field"),
    [
        (NewService("Edit", 5000, 90, 60, 30, (1,)), "min_minutes"),
        (NewService("Edit", 5000, 60, 120, 0, (1,)), "min_minutes"),
        (NewService("Edit", 5000, 60, 150, 60, (1,)), "step_minutes"),
        (NewService("Edit", -1, 60, 120, 60, (1,)), "hourly_rate_minor"),
        (NewService("Edit", 5000, 60, 120, 60, ()), "setup_ids"),
        (NewService("Edit", 5000, 60, 120, 60, (1,), vat_rate_bp=20_000), "vat_rate_bp"),
        (NewService("", 5000, 60, 120, 60, (1,)), "name"),
    ],
)
def test_add_service_validates_lengths_and_setups(
    studio: Studio, service: NewService, field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        studio.services.catalogue.add_service(studio.owner, service)
    assert refused.value.field == field


def test_add_service_needs_existing_setups(studio: Studio) -> None:
    with pytest.raises(NotFound, match="no setup with id 999"):
        studio.services.catalogue.add_service(
            studio.owner, NewService("Edit", 5000, 60, 120, 60, (studio.podcast_setup, 999))
        )
    made = studio.services.catalogue.add_service(
        studio.owner,
        NewService("Edit", 5000, 60, 120, 60, (studio.podcast_setup, studio.podcast_setup)),
    )
    assert made.setup_ids == (studio.podcast_setup,) and made.lengths() == [60, 120]


def test_bundle_length_must_be_bookable(studio: Studio) -> None:
    with pytest.raises(InvalidInput, match="cannot be booked for 45 minutes"):
        studio.services.catalogue.add_bundle_product(
            studio.owner,
            NewBundleProduct("Odd", 2, 45, 9000, (studio.podcast_setup,), (studio.podcast,)),
        )
    with pytest.raises(InvalidInput, match="at least one day"):
        studio.services.catalogue.add_bundle_product(
            studio.owner,
            NewBundleProduct("Odd", 2, 60, 9000, (studio.podcast_setup,), validity_days=0),
        )


def test_promo_codes_are_unique_case_insensitively(studio: Studio) -> None:
    cat = studio.services.catalogue
    made = cat.add_promo_code(
        studio.owner,
        NewPromoCode(
            " spring-26 ",
            PromoKind.PERCENT,
            2500,
            targets=((PromoTarget.SETUP, studio.podcast_setup),),
        ),
    )
    assert made.code == "SPRING-26" and made.uses == 0 and made.active
    with pytest.raises(Conflict, match="“SPRING-26” already exists"):
        cat.add_promo_code(studio.owner, NewPromoCode("Spring-26", PromoKind.FIXED, 100))
    with pytest.raises(Conflict):
        cat.add_promo_code(studio.owner, NewPromoCode("welcome10", PromoKind.FIXED, 100))
    codes = [p.code for p in cat.list_promo_codes(studio.owner)]
    assert codes == sorted(codes) and "SPRING-26" in codes
    with studio.services.db.read() as session:
        targets = session.execute(
            select(t.PromoTarget.target, t.PromoTarget.target_id).where(
                t.PromoTarget.promo_id == made.id
            )
        ).all()
    assert [tuple(x) for x in targets] == [("setup", studio.podcast_setup)]
    [entry] = entries(studio.services, "create_promo_code")[:1]
    assert entry.entity == "promo_code"


@pytest.mark.parametrize(
    ("promo", "field"),
    [
        (NewPromoCode("BAD CODE", PromoKind.FIXED, 100), "code"),
        (NewPromoCode("   ", PromoKind.FIXED, 100), "code"),
        (NewPromoCode("ZERO", PromoKind.PERCENT, 0), "value"),
        (NewPromoCode("MORE", PromoKind.PERCENT, 10_001), "value"),
        (NewPromoCode("FREE", PromoKind.FIXED, 0), "value"),
        (NewPromoCode("LIMIT", PromoKind.FIXED, 100, max_uses=0), "max_uses"),
        (NewPromoCode("LIMIT", PromoKind.FIXED, 100, max_uses_per_client=0), "max_uses_per_client"),
    ],
)
def test_promo_code_values_are_checked(studio: Studio, promo: NewPromoCode, field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        studio.services.catalogue.add_promo_code(studio.owner, promo)
    assert refused.value.field == field


def test_promo_code_dates_and_targets_are_checked(studio: Studio, services: Services) -> None:
    cat = studio.services.catalogue
    now = services.context.now()
    with pytest.raises(InvalidInput, match="before it expires"):
        cat.add_promo_code(
            studio.owner, NewPromoCode("X", PromoKind.FIXED, 1, valid_from=now, valid_to=now)
        )
    with pytest.raises(InvalidInput, match="time zone"):
        cat.add_promo_code(
            studio.owner, NewPromoCode("X", PromoKind.FIXED, 1, valid_to=now.replace(tzinfo=None))
        )
    with pytest.raises(NotFound, match="no bundle product with id 999"):
        cat.add_promo_code(
            studio.owner,
            NewPromoCode("X", PromoKind.FIXED, 1, targets=((PromoTarget.BUNDLE_PRODUCT, 999),)),
        )
    made = cat.add_promo_code(
        studio.owner,
        NewPromoCode(
            "X",
            PromoKind.FIXED,
            1,
            valid_from=now,
            valid_to=now + timedelta(days=1),
            targets=((PromoTarget.BUNDLE_PRODUCT, None),),
        ),
    )
    assert made.valid_to == now + timedelta(days=1)


# --- the schedule's frame (staff only) ------------------------------------------------------


def test_the_schedule_frame_is_for_staff_only(studio: Studio) -> None:
    cat = studio.services.catalogue
    day = date(2030, 6, 3)
    cat.add_closed_date(studio.owner, day, "Holiday")
    cat.add_closed_date(studio.owner, day + timedelta(days=30), "Later")
    cat.set_policy_override(
        studio.owner, room_id=studio.room_b, override=PolicyOverride(buffer_minutes=45)
    )
    frame = cat.schedule_frame(studio.desk, day, day + timedelta(days=6))
    assert [room.id for room in frame.rooms] == [studio.room_a, studio.room_b]
    assert [room.buffer_minutes for room in frame.rooms][1] == 45
    assert all(room.hours for room in frame.rooms)
    assert [(c.day, c.room_id, c.reason) for c in frame.closed] == [(day, None, "Holiday")]
    with pytest.raises(NotAllowed):
        cat.schedule_frame(studio.client().principal, day, day)
    with pytest.raises(NotSignedIn):
        cat.schedule_frame(Principal.anonymous(), day, day)
