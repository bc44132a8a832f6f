"""What views and the command line ask services for: plain, validated-later requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from podyx_desktop.domain.enums import PaymentMethod, PromoKind, PromoTarget, Role
from podyx_desktop.domain.policy import PolicyOverride
from podyx_desktop.domain.pricing import PriceSummary
from podyx_desktop.domain.promo import PromoRefusal


@dataclass(frozen=True)
class NewAccount:
    full_name: str
    email: str
    phone: str
    password: str


@dataclass(frozen=True)
class AddonChoice:
    addon_id: int
    quantity: int = 1


@dataclass(frozen=True)
class SessionCart:
    setup_id: int
    service_id: int
    minutes: int
    addons: tuple[AddonChoice, ...] = ()


@dataclass(frozen=True)
class BookingRequest:
    cart: SessionCart
    starts_at: datetime  # aware; normally a Slot.starts_at from availability
    payment_method: PaymentMethod
    terms_accepted: bool = False
    promo_code: str | None = None
    new_account: NewAccount | None = None  # a first-time client signs up at checkout
    client_id: int | None = None  # staff booking on a client's behalf
    bundle_id: int | None = None  # with PaymentMethod.BUNDLE_CREDIT
    bypass_rules: bool = False  # staff only; recorded in the audit log
    bypass_reason: str = ""
    price_override_minor: int | None = None  # staff only; the session line's unit price


@dataclass(frozen=True)
class BundlePurchaseRequest:
    product_id: int
    payment_method: PaymentMethod
    terms_accepted: bool = False
    promo_code: str | None = None
    new_account: NewAccount | None = None
    client_id: int | None = None


@dataclass(frozen=True)
class RedeemRequest:
    bundle_id: int
    setup_id: int
    starts_at: datetime
    service_id: int | None = None  # None: the first eligible service offered on the setup
    bypass_rules: bool = False  # staff only, with a reason (audited); never the overlap rule
    bypass_reason: str = ""


@dataclass(frozen=True)
class Quote:
    summary: PriceSummary
    promo_refusal: PromoRefusal | None = None
    promo_message: str | None = None


@dataclass(frozen=True)
class AvailabilityQuery:
    setup_id: int
    service_id: int
    minutes: int
    day: date
    exclude_booking_id: int | None = None  # when rescheduling, the booking's own time is free


# --- catalogue administration -----------------------------------------------------------


@dataclass(frozen=True)
class StudioSettings:
    name: str
    time_zone: str
    currency: str
    locale: str = "en_GB"
    prices_include_vat: bool = True
    default_vat_rate_bp: int = 2000
    vat_number: str = ""
    address_line1: str = ""
    address_line2: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    terms: str = ""
    buffer_minutes: int = 15
    lead_time_hours: int = 2
    cancel_cutoff_hours: int = 24
    reschedule_cutoff_hours: int = 24
    max_reschedules: int = 2
    is_demo: bool = False
    registration_number: str = ""  # printed on receipts, like the bank details
    bank_details: str = ""


@dataclass(frozen=True)
class NewRoom:
    name: str
    description: str = ""
    policy: PolicyOverride = field(default_factory=PolicyOverride)


@dataclass(frozen=True)
class NewSetup:
    room_id: int
    name: str
    description: str = ""
    policy: PolicyOverride = field(default_factory=PolicyOverride)


@dataclass(frozen=True)
class NewService:
    name: str
    hourly_rate_minor: int
    min_minutes: int
    max_minutes: int
    step_minutes: int
    setup_ids: tuple[int, ...]
    description: str = ""
    vat_rate_bp: int | None = None


@dataclass(frozen=True)
class NewAddon:
    name: str
    unit_price_minor: int
    service_ids: tuple[int, ...]
    description: str = ""
    max_quantity: int = 1
    hidden_from_clients: bool = False
    client_can_add_after_booking: bool = False
    vat_rate_bp: int | None = None


@dataclass(frozen=True)
class NewBundleProduct:
    name: str
    sessions: int
    session_minutes: int
    price_minor: int
    setup_ids: tuple[int, ...]
    service_ids: tuple[int, ...] = ()
    validity_days: int | None = None
    description: str = ""
    vat_rate_bp: int | None = None


@dataclass(frozen=True)
class NewPromoCode:
    code: str
    kind: PromoKind
    value: int
    targets: tuple[tuple[PromoTarget, int | None], ...] = ()
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    max_uses: int | None = None
    max_uses_per_client: int | None = None


@dataclass(frozen=True)
class NewStaffAccount:
    account: NewAccount
    role: Role
