"""Operations of the studio's set-up: the first run, the catalogue (add, edit, retire,
restore), booking rules, opening hours and closed dates, tax and receipts, and staff.

The services check every role again (manager and owner; staff: owner only); the set-up
place only leaves out what they would refuse.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from podyx_desktop.domain.enums import Role, SeriesKind
from podyx_desktop.domain.policy import BookingPolicy, PolicyOverride
from podyx_desktop.domain.principal import Principal
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
from podyx_desktop.domain.setup import (
    NewStaff,
    Retirable,
    RetireCheck,
    StaffMember,
    StudioPolicies,
    TaxSettings,
)
from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.availability import OpeningInterval
    from podyx_desktop.domain.numbering import SeriesFormat
    from podyx_desktop.domain.records import Catalogue, PromoCode, SignedIn, StudioInfo
    from podyx_desktop.domain.setup import ClosedDateEntry, SeriesStatus
    from podyx_desktop.services import Services


class Created(NamedTuple):
    """The first run's result: the owner signed in, and the studio just made."""

    signed_in: SignedIn
    studio: StudioInfo


class CreateStudio(NamedTuple):
    settings: StudioSettings
    owner: NewAccount
    device: str = ""

    def run(self, services: Services, principal: Principal) -> Created:
        signed_in = services.studio_setup.create_studio(
            principal, self.settings, self.owner, self.device
        )
        return Created(signed_in, services.catalogue.studio(principal))


def create_studio(seat: Seat, settings: StudioSettings, owner: NewAccount) -> Op[Created]:
    return Op(seat, Principal.anonymous(), CreateStudio(settings, owner))


# --- the catalogue -----------------------------------------------------------------------


class SetupCatalogue(NamedTuple):
    """What the catalogue sections list: the items on sale, and the retired ones (id, name)
    of each kind, which may be restored."""

    catalogue: Catalogue
    retired: dict[Retirable, tuple[tuple[int, str], ...]]


class LoadSetupCatalogue(NamedTuple):
    def run(self, services: Services, principal: Principal) -> SetupCatalogue:
        return SetupCatalogue(
            services.catalogue.get_catalogue(principal),
            services.catalogue_edit.retired(principal),
        )


class SaveRoom(NamedTuple):
    """Add a room (``room_id`` None) or edit one."""

    room_id: int | None
    new: NewRoom

    def run(self, services: Services, principal: Principal) -> Any:
        if self.room_id is None:
            return services.catalogue.add_room(principal, self.new)
        return services.catalogue_edit.edit_room(principal, self.room_id, self.new)


class SaveSetup(NamedTuple):
    setup_id: int | None
    new: NewSetup

    def run(self, services: Services, principal: Principal) -> Any:
        if self.setup_id is None:
            return services.catalogue.add_setup(principal, self.new)
        return services.catalogue_edit.edit_setup(principal, self.setup_id, self.new)


class SaveService(NamedTuple):
    service_id: int | None
    new: NewService

    def run(self, services: Services, principal: Principal) -> Any:
        if self.service_id is None:
            return services.catalogue.add_service(principal, self.new)
        return services.catalogue_edit.edit_service(principal, self.service_id, self.new)


class SaveAddon(NamedTuple):
    addon_id: int | None
    new: NewAddon

    def run(self, services: Services, principal: Principal) -> Any:
        if self.addon_id is None:
            return services.catalogue.add_addon(principal, self.new)
        return services.catalogue_edit.edit_addon(principal, self.addon_id, self.new)


class SaveBundleProduct(NamedTuple):
    product_id: int | None
    new: NewBundleProduct

    def run(self, services: Services, principal: Principal) -> Any:
        if self.product_id is None:
            return services.catalogue.add_bundle_product(principal, self.new)
        return services.catalogue_edit.edit_bundle_product(principal, self.product_id, self.new)


class AddPromoCode(NamedTuple):
    """A new promo code, or (``promo_id``) a code's terms changed; its uses so far stay."""

    new: NewPromoCode
    promo_id: int | None = None

    def run(self, services: Services, principal: Principal) -> Any:
        if self.promo_id is None:
            return services.catalogue.add_promo_code(principal, self.new)
        return services.catalogue_edit.edit_promo_code(principal, self.promo_id, self.new)


class LoadPromoCodes(NamedTuple):
    """Every promo code, retired ones too, with its uses so far."""

    def run(self, services: Services, principal: Principal) -> list[PromoCode]:
        return services.catalogue.list_promo_codes(principal)


class Retire(NamedTuple):
    """Hide an item from new bookings; with future bookings and not ``confirm``: nothing
    is done and the check lists them."""

    kind: Retirable
    item_id: int
    confirm: bool = False

    def run(self, services: Services, principal: Principal) -> RetireCheck:
        return services.catalogue_edit.retire(
            principal, self.kind, self.item_id, confirm=self.confirm
        )


class Restore(NamedTuple):
    kind: Retirable
    item_id: int

    def run(self, services: Services, principal: Principal) -> None:
        services.catalogue_edit.restore(principal, self.kind, self.item_id)


# --- booking rules, hours and closed dates -------------------------------------------


class Policies(NamedTuple):
    """The rules beside their overrides, and the room of each setup on sale."""

    policies: StudioPolicies
    room_of_setup: dict[int, int]


class LoadPolicies(NamedTuple):
    def run(self, services: Services, principal: Principal) -> Policies:
        setups = services.catalogue.get_catalogue(principal).setups
        return Policies(
            services.studio_setup.policies(principal), {s.id: s.room_id for s in setups}
        )


class SetStudioPolicy(NamedTuple):
    policy: BookingPolicy

    def run(self, services: Services, principal: Principal) -> BookingPolicy:
        return services.studio_setup.set_studio_policy(principal, self.policy)


class SetPolicyOverride(NamedTuple):
    entity: str  # "room" or "setup"
    entity_id: int
    override: PolicyOverride

    def run(self, services: Services, principal: Principal) -> None:
        place = (
            {"room_id": self.entity_id} if self.entity == "room" else {"setup_id": self.entity_id}
        )
        services.catalogue.set_policy_override(principal, override=self.override, **place)


class ClearPolicyOverride(NamedTuple):
    entity: str
    entity_id: int

    def run(self, services: Services, principal: Principal) -> None:
        place = (
            {"room_id": self.entity_id} if self.entity == "room" else {"setup_id": self.entity_id}
        )
        services.studio_setup.clear_policy_override(principal, **place)


class Hours(NamedTuple):
    intervals: tuple[OpeningInterval, ...]
    closed: list[ClosedDateEntry]


class LoadHours(NamedTuple):
    def run(self, services: Services, principal: Principal) -> Hours:
        return Hours(
            services.studio_setup.opening_hours(principal),
            services.studio_setup.closed_dates(principal),
        )


class SetOpeningHours(NamedTuple):
    intervals: tuple[OpeningInterval, ...]

    def run(self, services: Services, principal: Principal) -> None:
        services.catalogue.set_opening_hours(principal, self.intervals)


class AddClosedDate(NamedTuple):
    day: date
    reason: str

    def run(self, services: Services, principal: Principal) -> None:
        services.catalogue.add_closed_date(principal, self.day, self.reason)


class RemoveClosedDate(NamedTuple):
    closed_date_id: int

    def run(self, services: Services, principal: Principal) -> None:
        services.studio_setup.remove_closed_date(principal, self.closed_date_id)


# --- tax and receipts --------------------------------------------------------------------


class TaxAndSeries(NamedTuple):
    tax: TaxSettings
    series: tuple[SeriesStatus, ...]


class LoadTax(NamedTuple):
    def run(self, services: Services, principal: Principal) -> TaxAndSeries:
        setup = services.studio_setup
        return TaxAndSeries(
            setup.tax_settings(principal),
            tuple(setup.series_status(principal, kind) for kind in SeriesKind),
        )


class SetTax(NamedTuple):
    tax: TaxSettings

    def run(self, services: Services, principal: Principal) -> TaxSettings:
        return services.studio_setup.set_tax_settings(principal, self.tax)


class ConfigureSeries(NamedTuple):
    kind: SeriesKind
    format: SeriesFormat

    def run(self, services: Services, principal: Principal) -> None:
        services.catalogue.configure_receipt_series(principal, self.kind, self.format)


# --- staff (owners) ------------------------------------------------------------------------


class ListStaff(NamedTuple):
    def run(self, services: Services, principal: Principal) -> list[StaffMember]:
        return services.staff.list_staff(principal)


class CreateStaff(NamedTuple):
    new: NewStaff

    def run(self, services: Services, principal: Principal) -> tuple[StaffMember, str]:
        return services.staff.create_staff(principal, self.new)


class NewCode(NamedTuple):
    user_id: int

    def run(self, services: Services, principal: Principal) -> str:
        return services.staff.new_code(principal, self.user_id)


class ChangeRole(NamedTuple):
    user_id: int
    role: Role

    def run(self, services: Services, principal: Principal) -> StaffMember:
        return services.staff.change_role(principal, self.user_id, self.role)


class SetActive(NamedTuple):
    user_id: int
    active: bool

    def run(self, services: Services, principal: Principal) -> StaffMember:
        return services.staff.set_active(principal, self.user_id, self.active)


# --- the first run's checklist -----------------------------------------------------------


class Checklist(NamedTuple):
    has_room: bool
    has_service: bool
    has_hours: bool


class LoadChecklist(NamedTuple):
    def run(self, services: Services, principal: Principal) -> Checklist:
        catalogue = services.catalogue.get_catalogue(principal)
        return Checklist(
            bool(catalogue.rooms),
            bool(catalogue.services),
            bool(services.studio_setup.opening_hours(principal)),
        )
