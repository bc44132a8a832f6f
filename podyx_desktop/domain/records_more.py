"""The records the client's first window does not need before it paints: the catalogue
(add-ons too), bundles, purchases, notes, files, a booking's history and what may be done
with it, the sign-up form's check, the desk's summaries and results.

Part of :mod:`podyx_desktop.domain.records`, which names them all (import them from
there): they live here so that start-up, which reads a studio, a session and a client's
bookings before the main window paints, does not create some thirty frozen dataclasses it
does not use yet (each costs about a millisecond to define). The first lookup of any of
them on ``records`` imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from podyx_desktop.domain.enums import (
    LineKind,
    PaymentMethod,
    PromoKind,
    PromoTarget,
    PurchaseKind,
    PurchaseStatus,
)
from podyx_desktop.domain.records_core import (
    Account,
    Address,
    Booking,
    SignedIn,
    StudioInfo,
)

__all__ = [
    "Addon",
    "AuditEntry",
    "BookingActions",
    "BookingEvent",
    "BookingResult",
    "Bundle",
    "BundleLedgerEntry",
    "BundleProduct",
    "BundleResult",
    "BundleStatement",
    "Catalogue",
    "ClientAccountState",
    "ClientSummary",
    "DayRange",
    "NewAccountCheck",
    "NoteRevision",
    "Party",
    "PromoCode",
    "Purchase",
    "PurchaseLine",
    "Room",
    "Service",
    "SessionSummary",
    "Setup",
    "SharedFile",
    "StudioNote",
    "VatLine",
]


@dataclass(frozen=True)
class Addon:
    id: int
    name: str
    description: str
    unit_price_minor: int
    max_quantity: int
    hidden_from_clients: bool
    client_can_add_after_booking: bool
    vat_rate_bp: int
    service_ids: tuple[int, ...]
    active: bool = True


@dataclass(frozen=True)
class Room:
    id: int
    name: str
    description: str = ""
    active: bool = True


@dataclass(frozen=True)
class Setup:
    id: int
    room_id: int
    room_name: str
    name: str
    description: str = ""
    active: bool = True


@dataclass(frozen=True)
class Service:
    id: int
    name: str
    description: str
    hourly_rate_minor: int
    min_minutes: int
    max_minutes: int
    step_minutes: int
    vat_rate_bp: int
    setup_ids: tuple[int, ...]
    active: bool = True

    def lengths(self) -> list[int]:
        return list(range(self.min_minutes, self.max_minutes + 1, self.step_minutes))


@dataclass(frozen=True)
class BundleProduct:
    id: int
    name: str
    description: str
    sessions: int
    session_minutes: int
    price_minor: int
    validity_days: int | None
    vat_rate_bp: int
    setup_ids: tuple[int, ...]
    service_ids: tuple[int, ...]
    active: bool = True


@dataclass(frozen=True)
class PromoCode:
    id: int
    code: str
    kind: PromoKind
    value: int
    valid_from: datetime | None
    valid_to: datetime | None
    max_uses: int | None
    max_uses_per_client: int | None
    uses: int
    active: bool
    # what it applies to, as (target, id); () for everything (id None: every such item)
    targets: tuple[tuple[PromoTarget, int | None], ...] = ()


@dataclass(frozen=True)
class Catalogue:
    """What a client can buy (hidden add-ons are left out for clients)."""

    studio: StudioInfo
    rooms: tuple[Room, ...]
    setups: tuple[Setup, ...]
    services: tuple[Service, ...]
    addons: tuple[Addon, ...]
    bundle_products: tuple[BundleProduct, ...]


@dataclass(frozen=True)
class Bundle:
    id: int
    client_id: int
    product_id: int
    name: str
    sessions_total: int
    sessions_remaining: int
    session_minutes: int
    purchased_at: datetime
    expires_at: datetime | None
    purchase_id: int | None
    issued_reason: str
    setup_ids: tuple[int, ...]
    service_ids: tuple[int, ...]
    state: str  # active, expired, used_up

    @property
    def sessions_redeemed(self) -> int:
        return self.sessions_total - self.sessions_remaining


@dataclass(frozen=True)
class BundleLedgerEntry:
    at: datetime
    kind: str  # purchased, issued, redeemed, credit_returned, credit_kept
    booking_id: int | None
    session_starts_at: datetime | None
    change: int  # -1 redeemed, +1 returned, +N issued
    remaining_after: int
    note: str = ""


@dataclass(frozen=True)
class PurchaseLine:
    kind: LineKind
    description: str
    quantity: int
    unit_price_minor: int
    discount_minor: int
    net_minor: int
    vat_rate_bp: int
    vat_minor: int
    gross_minor: int
    supplied_at: datetime | None = None  # when the service is (or was) supplied


@dataclass(frozen=True)
class VatLine:
    rate_bp: int
    net_minor: int
    vat_minor: int
    gross_minor: int


@dataclass(frozen=True)
class Party:
    name: str
    email: str = ""
    phone: str = ""
    company: str = ""
    vat_id: str = ""
    address: Address = field(default_factory=Address)
    registration_number: str = ""  # a seller's company registration, printed on receipts
    bank_details: str = ""  # a seller's bank (free text: bank, IBAN, BIC)


@dataclass(frozen=True)
class Purchase:
    id: int
    client_id: int
    kind: PurchaseKind
    status: PurchaseStatus
    created_at: datetime
    paid_at: datetime | None
    currency: str
    prices_include_vat: bool
    method: PaymentMethod
    receipt_number: str | None
    lines: tuple[PurchaseLine, ...]
    vat: tuple[VatLine, ...]
    net_minor: int
    vat_minor: int
    gross_minor: int
    discount_minor: int
    promo_code: str | None
    buyer: Party
    seller: Party
    booking_id: int | None
    bundle_id: int | None
    refund_of_id: int | None
    refund_of_number: str | None
    refunded_by_number: str | None  # the latest credit note against it
    note: str = ""
    refunded_minor: int = 0  # refunded so far by its credit notes (a positive amount)

    @property
    def left_to_refund_minor(self) -> int:
        """What a refund may still give back: nothing unless paid."""
        if self.status is not PurchaseStatus.PAID or self.receipt_number is None:
            return 0
        return max(self.gross_minor - self.refunded_minor, 0)


@dataclass(frozen=True)
class StudioNote:
    id: int
    booking_id: int | None
    client_id: int
    author_name: str
    created_at: datetime
    body: str
    internal: bool
    edited_at: datetime | None = None  # the last edit; earlier texts: notes.note_history
    read_at: datetime | None = None  # when the client read it (client-visible notes)


@dataclass(frozen=True)
class NoteRevision:
    """An earlier text of a note, kept when staff edited it."""

    note_id: int
    body: str
    internal: bool
    written_at: datetime
    replaced_at: datetime
    replaced_by: str


@dataclass(frozen=True)
class SharedFile:
    id: int
    client_id: int
    booking_id: int | None
    name: str
    media_type: str
    size_bytes: int
    sha256: str
    external_url: str | None
    created_at: datetime
    shared_by: str = ""  # the staff member's name ("" for podyx-admin)
    booking_start: datetime | None = None  # when the booking it is for starts
    opened: bool = False  # the client has downloaded or opened it ("new" until then)


@dataclass(frozen=True)
class ClientSummary:
    id: int
    full_name: str
    email: str
    phone: str
    total_spent_minor: int
    purchases: int
    bookings: int
    active_bundles: int
    last_visit: datetime | None = None  # the start of the latest session that has begun


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    action: str
    entity: str
    entity_id: int | None
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class SessionSummary:
    """Everything the session summary PDF shows for one booking."""

    studio: StudioInfo
    booking: Booking
    events: tuple[BookingEvent, ...]
    notes: tuple[StudioNote, ...]  # client-visible only
    files: tuple[SharedFile, ...]
    purchases: tuple[Purchase, ...]


@dataclass(frozen=True)
class BundleStatement:
    studio: StudioInfo
    client: Party
    bundle: Bundle
    purchase: Purchase | None
    entries: tuple[BundleLedgerEntry, ...]


@dataclass(frozen=True)
class DayRange:
    first: date
    last: date


@dataclass(frozen=True)
class BookingResult:
    booking: Booking
    purchase: Purchase | None  # None when redeemed with bundle credit
    signed_in: SignedIn | None  # set when the checkout created the client's account


@dataclass(frozen=True)
class BundleResult:
    bundle_id: int
    purchase: Purchase | None
    signed_in: SignedIn | None


@dataclass(frozen=True)
class ClientAccountState:
    """A client's account as the desk manages it: the details, whether a lockout holds
    (until when, in UTC), whether a password was ever set, and the one-time code's state
    (when it expires, whether it was used; None when no code was issued)."""

    account: Account
    locked_until: datetime | None
    has_password: bool
    code_expires_at: datetime | None = None
    code_used: bool = False


@dataclass(frozen=True)
class NewAccountCheck:
    """What a sign-up form can be told while the person types: what is wrong with the
    email or the phone number as typed (None: fine, or not typed yet), and whether the
    email already has an account."""

    email_problem: str | None
    phone_problem: str | None
    email_registered: bool


@dataclass(frozen=True)
class BookingEvent:
    at: datetime
    kind: str  # created, rescheduled, canceled, confirmed, completed, no_show, addons_added…
    detail: str
    actor_name: str
    from_starts_at: datetime | None = None
    to_starts_at: datetime | None = None


@dataclass(frozen=True)
class BookingActions:
    """What the asking user may do with a booking now, with the reason when not."""

    can_cancel: bool
    cancel_reason: str | None
    can_reschedule: bool
    reschedule_reason: str | None
    can_add_addons: bool
    add_addons_reason: str | None
    addable_addons: tuple[Addon, ...]
    refund_on_cancel: bool  # in-cutoff cancel returns the credit / money
