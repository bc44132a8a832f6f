"""What the set-up place asks for and gets back: retiring checks, policies beside their
defaults, the receipt series with its lock, staff members and the audit log's filters.

Plain frozen values, as the rest of :mod:`podyx_desktop.domain`; no database here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.policy import BookingPolicy, PolicyOverride


class Retirable(StrEnum):
    """The kinds of catalogue item that can be retired (hidden from new bookings)."""

    ROOM = "room"
    SETUP = "setup"
    SERVICE = "service"
    ADDON = "addon"
    BUNDLE_PRODUCT = "bundle_product"
    PROMO_CODE = "promo_code"


@dataclass(frozen=True)
class FutureBooking:
    """A session still to come that uses an item about to be retired."""

    booking_id: int
    client_id: int
    client_name: str
    starts_at: datetime
    ends_at: datetime
    room_name: str
    setup_name: str
    service_name: str
    status: str


@dataclass(frozen=True)
class RetireCheck:
    """What retiring ``kind`` ``item_id`` would touch. ``retired`` is True when it was
    done; False when future bookings use it and the caller did not confirm: list
    ``future_bookings`` (they stay valid either way) and ask again with ``confirm=True``."""

    kind: Retirable
    item_id: int
    name: str
    retired: bool
    future_bookings: tuple[FutureBooking, ...] = ()


@dataclass(frozen=True)
class PolicyView:
    """A room's or a setup's booking rules: its own overrides (None inherits), what it
    inherits (the studio's, or for a setup its room's resolved rules) and the result."""

    entity: str  # "room" or "setup"
    entity_id: int
    name: str
    override: PolicyOverride
    inherited: BookingPolicy
    effective: BookingPolicy


@dataclass(frozen=True)
class StudioPolicies:
    studio: BookingPolicy
    rooms: tuple[PolicyView, ...]
    setups: tuple[PolicyView, ...]


@dataclass(frozen=True)
class ClosedDateEntry:
    id: int
    day: date
    reason: str
    room_id: int | None
    room_name: str | None


@dataclass(frozen=True)
class TaxSettings:
    """Prices with or without VAT, the default rate and the billing details on receipts."""

    prices_include_vat: bool
    default_vat_rate_bp: int
    vat_number: str = ""
    registration_number: str = ""
    bank_details: str = ""


@dataclass(frozen=True)
class SeriesStatus:
    """A numbering series as the set-up place shows it: ``locked`` once a number was
    issued (``reason`` says so), with a preview of the next number."""

    kind: str
    format: SeriesFormat
    locked: bool
    reason: str
    preview: str


@dataclass(frozen=True)
class StaffMember:
    id: int
    full_name: str
    email: str
    phone: str
    role: Role
    active: bool
    has_password: bool  # False until a new member used their one-time code


@dataclass(frozen=True)
class NewStaff:
    full_name: str
    email: str
    phone: str
    role: Role


@dataclass(frozen=True)
class AuditFilters:
    """Narrow the audit log: by who acted, the kind of action, a client the entry is
    about (their account, bookings and purchases), and local days of the studio
    (``first``..``last`` inclusive)."""

    actor_id: int | None = None
    action: str | None = None
    client_id: int | None = None
    first: date | None = None
    last: date | None = None
