"""The records start-up reads (a studio, a session, a client's bookings): part of
:mod:`podyx_desktop.domain.records`, which names every record; import them from there.

What services return: frozen, ORM-free records that views, models and documents read.

Times are aware UTC datetimes; money is integer minor units in ``currency``; VAT rates
are basis points (2000 = 20 %).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from podyx_desktop.domain.enums import (
    BookingStatus,
    PaymentMethod,
    Role,
)
from podyx_desktop.domain.principal import Principal


@dataclass(frozen=True)
class Address:
    line1: str = ""
    line2: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = ""  # ISO 3166 alpha-2

    def lines(self) -> list[str]:
        city = " ".join(p for p in (self.postal_code, self.city) if p)
        return [p for p in (self.line1, self.line2, city, self.country) if p]


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    full_name: str
    phone: str  # E.164
    role: Role
    company: str = ""
    vat_id: str = ""
    address: Address = field(default_factory=Address)
    store_credit_minor: int = 0
    created_at: datetime | None = None


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: who, and a session token to remember (only its hash is stored)."""

    principal: Principal
    account: Account
    token: str


@dataclass(frozen=True)
class StudioInfo:
    name: str
    time_zone: str
    currency: str
    locale: str
    prices_include_vat: bool
    default_vat_rate_bp: int
    vat_number: str
    address: Address
    email: str
    phone: str
    terms: str
    is_demo: bool
    logo_png: bytes | None = None
    registration_number: str = ""
    bank_details: str = ""


@dataclass(frozen=True)
class BookedAddon:
    addon_id: int
    name: str
    quantity: int
    unit_price_minor: int
    purchase_id: int | None


@dataclass(frozen=True)
class Booking:
    id: int
    client_id: int
    client_name: str
    room_id: int
    room_name: str
    setup_id: int
    setup_name: str
    service_id: int
    service_name: str
    starts_at: datetime
    ends_at: datetime
    blocked_until: datetime
    status: BookingStatus
    original_starts_at: datetime | None
    reschedule_count: int
    addons: tuple[BookedAddon, ...]
    price_minor: int  # what was charged for the session and its add-ons, gross
    currency: str
    bundle_id: int | None
    purchase_id: int | None
    receipt_number: str | None
    payment_method: PaymentMethod | None
    created_at: datetime
    cancel_reason: str = ""

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)
