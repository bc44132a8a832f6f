"""One studio builder: a declarative description of a studio and the function that creates it.

The demo (:mod:`podyx_desktop.demo.data`), the test factories (``tests/factories.py``) and
the benches (``bench/generate.py``, ``bench/gui_lag.py``) each describe their studio with
the dataclasses here — settings, opening hours, closed days, rooms with their setups,
services with the setups they are offered on, add-ons, bundle products, promo codes, staff
and clients — and build it with :func:`create_studio`. Whatever history they need (the
demo's eight weeks, a bench's bulk rows) they add on top of the studio it returns.

Everything is created through the services, as an operator at ``podyx-admin`` and the
clients signing up would, so a built studio passes the same checks as one made by hand.
The description refers to its parts by keys (``"podcast"``, ``"room_a"``); the result
maps those keys to the ids the database gave them. Times in the description are counted
from an anchor (``now``), so one description serves any day it is built on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from podyx_desktop.domain.availability import OpeningInterval, studio_zone
from podyx_desktop.domain.enums import PromoKind, PromoTarget, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
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


@dataclass(frozen=True)
class SetupSpec:
    key: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class RoomSpec:
    key: str
    name: str
    description: str = ""
    setups: tuple[SetupSpec, ...] = ()


@dataclass(frozen=True)
class ServiceSpec:
    key: str
    name: str
    hourly_rate_minor: int
    min_minutes: int
    max_minutes: int
    step_minutes: int
    setups: tuple[str, ...]  # setup keys
    description: str = ""
    vat_rate_bp: int | None = None  # None: the studio's default rate


@dataclass(frozen=True)
class AddonSpec:
    key: str
    name: str
    unit_price_minor: int
    services: tuple[str, ...]  # service keys
    description: str = ""
    max_quantity: int = 1
    hidden_from_clients: bool = False
    client_can_add_after_booking: bool = False
    vat_rate_bp: int | None = None


@dataclass(frozen=True)
class ProductSpec:
    """A bundle product: ``sessions`` sessions of ``session_minutes`` for one price."""

    key: str
    name: str
    sessions: int
    session_minutes: int
    price_minor: int
    setups: tuple[str, ...]  # setup keys
    services: tuple[str, ...] = ()  # service keys
    validity_days: int | None = None
    description: str = ""
    vat_rate_bp: int | None = None


@dataclass(frozen=True)
class PromoSpec:
    code: str
    kind: PromoKind
    value: int
    targets: tuple[tuple[PromoTarget, str | None], ...] = ()  # (kind, catalogue key or None)
    from_day: int | None = None  # valid from / to this many days from the anchor
    to_day: int | None = None
    max_uses: int | None = None
    max_uses_per_client: int | None = None


@dataclass(frozen=True)
class ClosedDaySpec:
    """The studio is closed on the first ``weekday`` (any day: None) at least
    ``after_days`` days from the anchor's local day."""

    after_days: int
    reason: str = ""
    weekday: int | None = None  # Monday 0 … Sunday 6

    def day(self, today: date) -> date:
        day = today + timedelta(days=self.after_days)
        while self.weekday is not None and day.weekday() != self.weekday:
            day += timedelta(days=1)
        return day


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    phone: str  # valid for the person's country; stored in E.164


@dataclass(frozen=True)
class StaffSpec:
    role: Role
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class StudioSpec:
    """A whole studio; parts are created in this order, each kind in the order given."""

    settings: StudioSettings
    opening_hours: tuple[OpeningInterval, ...] = ()  # none: closed until someone sets them
    closed_days: tuple[ClosedDaySpec, ...] = ()
    rooms: tuple[RoomSpec, ...] = ()
    services: tuple[ServiceSpec, ...] = ()
    addons: tuple[AddonSpec, ...] = ()
    products: tuple[ProductSpec, ...] = ()
    promos: tuple[PromoSpec, ...] = ()
    staff: tuple[StaffSpec, ...] = ()
    clients: tuple[Person, ...] = ()


@dataclass(frozen=True)
class BuiltStudio:
    """The ids of a built studio, by the keys, codes and order of its description."""

    ids: Mapping[str, int]  # rooms, setups, services, add-ons and products by key
    promo_ids: Mapping[str, int]  # by code
    staff: tuple[Principal, ...]  # in the description's order
    clients: tuple[SignedIn, ...]

    def staff_member(self, role: Role) -> Principal:
        """The first staff member with ``role``."""
        return next(p for p in self.staff if p.role == role)


def create_studio(
    services: Services,
    spec: StudioSpec,
    *,
    password: str,
    now: datetime | None = None,
    device: str = "",
    before_each_client: Callable[[], object] | None = None,
) -> BuiltStudio:
    """Create ``spec`` in a database without a studio, through ``services`` as the system.

    ``password`` is every account's; ``now`` (default: the services' clock) is the anchor
    the promo codes' and closed days' days count from; clients sign up from ``device``.
    ``before_each_client`` runs before each client signs up: the demo moves its clock on,
    so its clients did not all join in the same second.
    """
    system = Principal.system()
    cat = services.catalogue
    anchor = now or services.context.now()
    cat.configure_studio(system, spec.settings)
    if spec.opening_hours:
        cat.set_opening_hours(system, spec.opening_hours)
    today = anchor.astimezone(studio_zone(spec.settings.time_zone)).date()
    for closed in spec.closed_days:
        cat.add_closed_date(system, closed.day(today), closed.reason)

    ids: dict[str, int] = {}
    for room in spec.rooms:
        ids[room.key] = cat.add_room(system, NewRoom(room.name, room.description)).id
    for room in spec.rooms:  # after every room, as an operator fills in a new studio
        for setup in room.setups:
            new_setup = NewSetup(ids[room.key], setup.name, setup.description)
            ids[setup.key] = cat.add_setup(system, new_setup).id
    for service in spec.services:
        new_service = NewService(
            service.name,
            service.hourly_rate_minor,
            service.min_minutes,
            service.max_minutes,
            service.step_minutes,
            tuple(ids[key] for key in service.setups),
            service.description,
            vat_rate_bp=service.vat_rate_bp,
        )
        ids[service.key] = cat.add_service(system, new_service).id
    for addon in spec.addons:
        new_addon = NewAddon(
            addon.name,
            addon.unit_price_minor,
            tuple(ids[key] for key in addon.services),
            addon.description,
            max_quantity=addon.max_quantity,
            hidden_from_clients=addon.hidden_from_clients,
            client_can_add_after_booking=addon.client_can_add_after_booking,
            vat_rate_bp=addon.vat_rate_bp,
        )
        ids[addon.key] = cat.add_addon(system, new_addon).id
    for product in spec.products:
        new_product = NewBundleProduct(
            product.name,
            product.sessions,
            product.session_minutes,
            product.price_minor,
            tuple(ids[key] for key in product.setups),
            tuple(ids[key] for key in product.services),
            product.validity_days,
            product.description,
            vat_rate_bp=product.vat_rate_bp,
        )
        ids[product.key] = cat.add_bundle_product(system, new_product).id

    def days_from_anchor(days: int | None) -> datetime | None:
        return None if days is None else anchor + timedelta(days=days)

    promo_ids: dict[str, int] = {}
    for promo in spec.promos:
        new_promo = NewPromoCode(
            promo.code,
            promo.kind,
            promo.value,
            tuple((kind, None if key is None else ids[key]) for kind, key in promo.targets),
            valid_from=days_from_anchor(promo.from_day),
            valid_to=days_from_anchor(promo.to_day),
            max_uses=promo.max_uses,
            max_uses_per_client=promo.max_uses_per_client,
        )
        promo_ids[promo.code] = cat.add_promo_code(system, new_promo).id

    staff: list[Principal] = []
    for member in spec.staff:
        new_account = NewAccount(member.name, member.email, member.phone, password)
        account = services.accounts.create_staff(system, new_account, member.role)
        staff.append(Principal.user(account.id, member.role))
    clients: list[SignedIn] = []
    for person in spec.clients:
        if before_each_client is not None:
            before_each_client()
        new_account = NewAccount(person.name, person.email, person.phone, password)
        clients.append(services.accounts.sign_up(Principal.anonymous(), new_account, device))
    return BuiltStudio(ids, promo_ids, tuple(staff), tuple(clients))
