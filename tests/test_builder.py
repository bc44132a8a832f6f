"""The studio builder: keys become ids, days count from the anchor, people keep their order.

The demo (tests/test_demo.py) and every service test (tests/factories.py) build their
studios with it too; these tests pin what those rely on in one small studio.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from podyx_desktop.db.engine import Database
from podyx_desktop.demo.builder import (
    AddonSpec,
    ClosedDaySpec,
    Person,
    ProductSpec,
    PromoSpec,
    RoomSpec,
    ServiceSpec,
    SetupSpec,
    StaffSpec,
    StudioSpec,
    create_studio,
)
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PromoKind, PromoTarget, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import AvailabilityQuery, StudioSettings
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER, FakeClock

NOW = datetime(2026, 4, 15, 8, 30, tzinfo=UTC)  # a Wednesday
SYSTEM = Principal.system()
SPEC = StudioSpec(
    StudioSettings(name="Small", time_zone="Europe/Berlin", currency="EUR", country="DE"),
    opening_hours=tuple(OpeningInterval(day, 9 * 60, 18 * 60) for day in range(7)),
    closed_days=(ClosedDaySpec(3, "Inventory"),),
    rooms=(
        RoomSpec("a", "Room A", setups=(SetupSpec("desk", "Desk"), SetupSpec("sofa", "Sofa"))),
        RoomSpec("b", "Room B", setups=(SetupSpec("booth", "Booth"),)),
    ),
    services=(ServiceSpec("talk", "Talk", 5000, 60, 120, 30, ("desk", "booth")),),
    addons=(AddonSpec("mic", "Mic", 500, ("talk",), max_quantity=2),),
    products=(ProductSpec("pack", "Pack", 2, 60, 9000, ("desk",), ("talk",), 30),),
    promos=(
        PromoSpec("ALL", PromoKind.PERCENT, 1000, ((PromoTarget.SERVICE, None),), to_day=7),
        PromoSpec("TALK", PromoKind.FIXED, 200, ((PromoTarget.SERVICE, "talk"),), from_day=-1),
    ),
    staff=(
        StaffSpec(Role.OWNER, "Olga Owner", "owner@example.com", "+49 30 1111111"),
        StaffSpec(Role.FRONT_DESK, "Dana Desk", "desk@example.com", "+49 30 2222222"),
    ),
    clients=(
        Person("Ana Client", "ana@example.com", "+49 30 3333333"),
        Person("Ben Client", "ben@example.com", "+49 30 4444444"),
    ),
)


def test_a_closed_day_is_the_first_such_weekday_after_so_many_days() -> None:
    today = date(2026, 4, 15)  # a Wednesday
    assert ClosedDaySpec(10).day(today) == date(2026, 4, 25)
    assert ClosedDaySpec(10, weekday=2).day(today) == date(2026, 4, 29)
    assert ClosedDaySpec(7, weekday=2).day(today) == date(2026, 4, 22)


def test_the_studio_is_built_as_described(sqlite_database: Database) -> None:
    clock = FakeClock(NOW - timedelta(days=30))  # the services' clock is not the anchor
    services = Services(sqlite_database, clock=clock, hasher=FAST_HASHER)
    joined: list[datetime] = []

    def next_client() -> None:
        clock.now += timedelta(hours=1)
        joined.append(clock.now)

    built = create_studio(
        services, SPEC, password="a long password", now=NOW, before_each_client=next_client
    )

    catalogue = services.catalogue.get_catalogue(SYSTEM)
    assert {r.name: r.id for r in catalogue.rooms} == {
        "Room A": built.ids["a"],
        "Room B": built.ids["b"],
    }
    setups = {s.name: s for s in catalogue.setups}
    assert [setups[n].id for n in ("Desk", "Sofa", "Booth")] == [
        built.ids[k] for k in ("desk", "sofa", "booth")
    ]
    assert setups["Booth"].room_id == built.ids["b"]
    (talk,) = catalogue.services
    assert talk.id == built.ids["talk"]
    assert [a.id for a in catalogue.addons] == [built.ids["mic"]]
    assert [p.id for p in catalogue.bundle_products] == [built.ids["pack"]]

    promos = {p.code: p for p in services.catalogue.list_promo_codes(SYSTEM)}
    assert {code: p.id for code, p in promos.items()} == dict(built.promo_ids)
    assert promos["ALL"].valid_to == NOW + timedelta(days=7)
    assert promos["TALK"].valid_from == NOW - timedelta(days=1)

    closed = AvailabilityQuery(built.ids["desk"], talk.id, 60, date(2026, 4, 18))
    assert services.availability.free_slots(SYSTEM, closed) == []
    assert services.availability.free_slots(SYSTEM, replace(closed, day=date(2026, 4, 19)))

    assert [p.role for p in built.staff] == [Role.OWNER, Role.FRONT_DESK]
    assert built.staff_member(Role.FRONT_DESK) == built.staff[1]
    assert [c.account.full_name for c in built.clients] == ["Ana Client", "Ben Client"]
    assert len(joined) == 2
    signed_in = services.accounts.sign_in("ben@example.com", "a long password")
    assert signed_in.account.id == built.clients[1].account.id
