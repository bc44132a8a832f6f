"""Table rows to domain records. Nothing else turns a table row into what services return.

The rows are ORM objects, or, for the few reads the app's start-up makes before SQLAlchemy
is imported (:mod:`podyx_desktop.services.startup`), plain rows with the same attributes:
the protocols below name what those reads hand over. This module imports no SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import (
    BookingStatus,
    LineKind,
    PaymentMethod,
    PromoKind,
    PurchaseKind,
    PurchaseStatus,
    Role,
)

if TYPE_CHECKING:
    from podyx_desktop.db import tables as t
    from podyx_desktop.domain.policy import BookingPolicy, PolicyOverride


class AddressRow(Protocol):
    address_line1: str
    address_line2: str
    postal_code: str
    city: str
    country: str


class UserRow(AddressRow, Protocol):
    id: int
    email: str
    full_name: str
    phone: str
    role: str
    company: str
    vat_id: str
    store_credit_minor: int
    created_at: datetime


class StudioRow(AddressRow, Protocol):
    name: str
    time_zone: str
    currency: str
    locale: str
    prices_include_vat: bool
    default_vat_rate_bp: int
    vat_number: str
    email: str
    phone: str
    terms: str
    is_demo: bool
    logo_png: bytes | None
    registration_number: str
    bank_details: str


class ColumnsRow:
    """A row read with Core as attributes, with the child rows the mapping reads beside its
    columns (a purchase's ``lines`` and ``vat_rates``, a booking's ``addons``): a list
    reads what it returns without building ORM objects."""

    def __init__(self, values: Mapping[Any, Any], **children: Sequence[Any]) -> None:
        self.__dict__.update(values)
        self.__dict__.update(children)

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"this row has no column {name!r}")


class BookedAddonRow(Protocol):
    addon_id: int
    name: str
    quantity: int
    unit_price_minor: int
    purchase_id: int | None


class BookingRow(Protocol):
    id: int
    client_id: int
    room_id: int
    setup_id: int
    service_id: int
    starts_at: datetime
    ends_at: datetime
    blocked_until: datetime
    status: str
    original_starts_at: datetime | None
    reschedule_count: int
    bundle_id: int | None
    purchase_id: int | None
    created_at: datetime
    cancel_reason: str

    @property
    def addons(self) -> Sequence[BookedAddonRow]: ...


def address_of(row: AddressRow) -> r.Address:
    return r.Address(row.address_line1, row.address_line2, row.postal_code, row.city, row.country)


def address_text(address: r.Address) -> str:
    """An address as stored on a purchase: its fields as JSON, kept as charged."""
    return json.dumps(asdict(address), ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=512)  # a page of purchases repeats the studio's address (Address is frozen)
def address_from_text(stored: str) -> r.Address:
    return r.Address(**json.loads(stored)) if stored else r.Address()


def account(user: UserRow) -> r.Account:
    return r.Account(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        phone=user.phone,
        role=Role(user.role),
        company=user.company,
        vat_id=user.vat_id,
        address=address_of(user),
        store_credit_minor=user.store_credit_minor,
        created_at=user.created_at,
    )


def studio_info(row: StudioRow) -> r.StudioInfo:
    return r.StudioInfo(
        name=row.name,
        time_zone=row.time_zone,
        currency=row.currency,
        locale=row.locale,
        prices_include_vat=row.prices_include_vat,
        default_vat_rate_bp=row.default_vat_rate_bp,
        vat_number=row.vat_number,
        address=address_of(row),
        email=row.email,
        phone=row.phone,
        terms=row.terms,
        is_demo=row.is_demo,
        logo_png=row.logo_png,
        registration_number=row.registration_number,
        bank_details=row.bank_details,
    )


def studio_policy(row: t.Studio) -> BookingPolicy:
    from podyx_desktop.domain.policy import BookingPolicy  # not on start-up's path

    return BookingPolicy(
        buffer_minutes=row.buffer_minutes,
        lead_time_hours=row.lead_time_hours,
        cancel_cutoff_hours=row.cancel_cutoff_hours,
        reschedule_cutoff_hours=row.reschedule_cutoff_hours,
        max_reschedules=row.max_reschedules,
    )


def policy_override(row: t.Room | t.Setup) -> PolicyOverride:
    from podyx_desktop.domain.policy import PolicyOverride

    return PolicyOverride(
        buffer_minutes=row.buffer_minutes,
        lead_time_hours=row.lead_time_hours,
        cancel_cutoff_hours=row.cancel_cutoff_hours,
        reschedule_cutoff_hours=row.reschedule_cutoff_hours,
        max_reschedules=row.max_reschedules,
    )


def room(row: t.Room) -> r.Room:
    return r.Room(row.id, row.name, row.description, row.active)


def setup(row: t.Setup, room_name: str) -> r.Setup:
    return r.Setup(row.id, row.room_id, room_name, row.name, row.description, row.active)


def service(row: t.Service, setup_ids: Sequence[int], default_vat: int) -> r.Service:
    return r.Service(
        id=row.id,
        name=row.name,
        description=row.description,
        hourly_rate_minor=row.hourly_rate_minor,
        min_minutes=row.min_minutes,
        max_minutes=row.max_minutes,
        step_minutes=row.step_minutes,
        vat_rate_bp=row.vat_rate_bp if row.vat_rate_bp is not None else default_vat,
        setup_ids=tuple(sorted(setup_ids)),
        active=row.active,
    )


def addon(row: t.Addon, service_ids: Sequence[int], default_vat: int) -> r.Addon:
    return r.Addon(
        id=row.id,
        name=row.name,
        description=row.description,
        unit_price_minor=row.unit_price_minor,
        max_quantity=row.max_quantity,
        hidden_from_clients=row.hidden_from_clients,
        client_can_add_after_booking=row.client_can_add_after_booking,
        vat_rate_bp=row.vat_rate_bp if row.vat_rate_bp is not None else default_vat,
        service_ids=tuple(sorted(service_ids)),
        active=row.active,
    )


def bundle_product(
    row: t.BundleProduct, setup_ids: Sequence[int], service_ids: Sequence[int], default_vat: int
) -> r.BundleProduct:
    return r.BundleProduct(
        id=row.id,
        name=row.name,
        description=row.description,
        sessions=row.sessions,
        session_minutes=row.session_minutes,
        price_minor=row.price_minor,
        validity_days=row.validity_days,
        vat_rate_bp=row.vat_rate_bp if row.vat_rate_bp is not None else default_vat,
        setup_ids=tuple(sorted(setup_ids)),
        service_ids=tuple(sorted(service_ids)),
        active=row.active,
    )


def promo_code(row: t.PromoCode) -> r.PromoCode:
    return r.PromoCode(
        id=row.id,
        code=row.code,
        kind=PromoKind(row.kind),
        value=row.value,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        max_uses=row.max_uses,
        max_uses_per_client=row.max_uses_per_client,
        uses=row.uses,
        active=row.active,
    )


def bundle_state(row: t.Bundle, now: datetime, purchase_status: str | None) -> str:
    if purchase_status == PurchaseStatus.AWAITING_PAYMENT:
        return "awaiting_payment"
    if purchase_status == PurchaseStatus.REFUNDED:
        return "refunded"
    if row.sessions_remaining <= 0:
        return "used_up"
    if row.expires_at is not None and row.expires_at <= now:
        return "expired"
    return "active"


def bundle(
    row: t.Bundle,
    now: datetime,
    setup_ids: Sequence[int],
    service_ids: Sequence[int],
    purchase_status: str | None,
) -> r.Bundle:
    return r.Bundle(
        id=row.id,
        client_id=row.client_id,
        product_id=row.product_id,
        name=row.name,
        sessions_total=row.sessions_total,
        sessions_remaining=row.sessions_remaining,
        session_minutes=row.session_minutes,
        purchased_at=row.purchased_at,
        expires_at=row.expires_at,
        purchase_id=row.purchase_id,
        issued_reason=row.issued_reason,
        setup_ids=tuple(sorted(setup_ids)),
        service_ids=tuple(sorted(service_ids)),
        state=bundle_state(row, now, purchase_status),
    )


def purchase(
    row: t.Purchase | ColumnsRow,
    refund_of_number: str | None,
    refunded_by: str | None,
    *,
    refunded_minor: int = 0,
    booking_id: int | None = None,
    bundle_id: int | None = None,
) -> r.Purchase:
    return r.Purchase(
        id=row.id,
        client_id=row.client_id,
        kind=PurchaseKind(row.kind),
        status=PurchaseStatus(row.status),
        created_at=row.created_at,
        paid_at=row.paid_at,
        currency=row.currency,
        prices_include_vat=row.prices_include_vat,
        method=PaymentMethod(row.method),
        receipt_number=row.receipt_number,
        lines=tuple(
            r.PurchaseLine(
                kind=LineKind(line.kind),
                description=line.description,
                quantity=line.quantity,
                unit_price_minor=line.unit_price_minor,
                discount_minor=line.discount_minor,
                net_minor=line.net_minor,
                vat_rate_bp=line.vat_rate_bp,
                vat_minor=line.vat_minor,
                gross_minor=line.gross_minor,
                supplied_at=line.supplied_at,
            )
            for line in row.lines
        ),
        vat=tuple(
            r.VatLine(v.rate_bp, v.net_minor, v.vat_minor, v.gross_minor) for v in row.vat_rates
        ),
        net_minor=row.net_minor,
        vat_minor=row.vat_minor,
        gross_minor=row.gross_minor,
        discount_minor=row.discount_minor,
        promo_code=row.promo_code,
        buyer=r.Party(
            name=row.buyer_name,
            email=row.buyer_email,
            phone=row.buyer_phone,
            company=row.buyer_company,
            vat_id=row.buyer_vat_id,
            address=address_from_text(row.buyer_address),
        ),
        seller=r.Party(
            name=row.seller_name,
            vat_id=row.seller_vat_number,
            address=address_from_text(row.seller_address),
            registration_number=row.seller_registration_number or "",
            bank_details=row.seller_bank_details or "",
        ),
        booking_id=booking_id,
        bundle_id=bundle_id,
        refund_of_id=row.refund_of_id,
        refund_of_number=refund_of_number,
        refunded_by_number=refunded_by,
        note=row.note,
        refunded_minor=refunded_minor,
    )


def booking(
    row: BookingRow,
    *,
    client_name: str,
    room_name: str,
    setup_name: str,
    service_name: str,
    currency: str,
    price_minor: int,
    receipt_number: str | None,
    payment_method: str | None,
) -> r.Booking:
    return r.Booking(
        id=row.id,
        client_id=row.client_id,
        client_name=client_name,
        room_id=row.room_id,
        room_name=room_name,
        setup_id=row.setup_id,
        setup_name=setup_name,
        service_id=row.service_id,
        service_name=service_name,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        blocked_until=row.blocked_until,
        status=BookingStatus(row.status),
        original_starts_at=row.original_starts_at,
        reschedule_count=row.reschedule_count,
        addons=tuple(
            r.BookedAddon(a.addon_id, a.name, a.quantity, a.unit_price_minor, a.purchase_id)
            for a in row.addons
        ),
        price_minor=price_minor,
        currency=currency,
        bundle_id=row.bundle_id,
        purchase_id=row.purchase_id,
        receipt_number=receipt_number,
        payment_method=PaymentMethod(payment_method) if payment_method else None,
        created_at=row.created_at,
        cancel_reason=row.cancel_reason,
    )


class PaidWith(NamedTuple):
    """What a booking's price and receipt come from: one of its purchases."""

    gross_minor: int
    receipt_number: str | None
    method: str
    status: str


COUNTS_TOWARDS_PRICE = (
    PurchaseStatus.PAID.value,
    PurchaseStatus.AWAITING_PAYMENT.value,
    PurchaseStatus.REFUNDED.value,
)


def booking_purchase_ids(rows: Sequence[BookingRow]) -> set[int]:
    """The purchases that paid for ``rows`` and their add-ons."""
    return {b.purchase_id for b in rows if b.purchase_id} | {
        a.purchase_id for b in rows for a in b.addons if a.purchase_id
    }


def bookings(
    rows: Sequence[BookingRow],
    *,
    client_names: Mapping[int, str],
    room_names: Mapping[int, str],
    setup_names: Mapping[int, str],
    service_names: Mapping[int, str],
    purchases: Mapping[int, PaidWith],
    currency: str,
) -> list[r.Booking]:
    """Booking records: the price is what the booking's and its add-ons' purchases charged
    (unless voided), the receipt and method those of the booking's own purchase."""
    result = []
    for b in rows:
        own = {b.purchase_id} if b.purchase_id else set()
        own |= {a.purchase_id for a in b.addons if a.purchase_id}
        price = sum(
            purchases[p].gross_minor
            for p in own
            if p in purchases and purchases[p].status in COUNTS_TOWARDS_PRICE
        )
        main = purchases.get(b.purchase_id) if b.purchase_id else None
        result.append(
            booking(
                b,
                client_name=client_names.get(b.client_id, ""),
                room_name=room_names.get(b.room_id, ""),
                setup_name=setup_names.get(b.setup_id, ""),
                service_name=service_names.get(b.service_id, ""),
                currency=currency,
                price_minor=price,
                receipt_number=main.receipt_number if main else None,
                payment_method=main.method
                if main
                else (PaymentMethod.BUNDLE_CREDIT.value if b.bundle_id else None),
            )
        )
    return result


def studio_note(row: t.StudioNote, author_name: str) -> r.StudioNote:
    return r.StudioNote(
        id=row.id,
        booking_id=row.booking_id,
        client_id=row.client_id,
        author_name=author_name,
        created_at=row.created_at,
        body=row.body,
        internal=row.internal,
        edited_at=row.edited_at,
        read_at=row.read_at,
    )


def shared_file(
    row: t.SharedFile, *, shared_by: str = "", booking_start: datetime | None = None
) -> r.SharedFile:
    """A shared file's description (its bytes are in ``file_chunks``): who shared it and
    when its booking starts, as read beside it."""
    return r.SharedFile(
        id=row.id,
        client_id=row.client_id,
        booking_id=row.booking_id,
        name=row.name,
        media_type=row.media_type,
        size_bytes=row.size_bytes,
        sha256=row.sha256,
        external_url=row.external_url,
        created_at=row.created_at,
        shared_by=shared_by,
        booking_start=booking_start,
        opened=row.opened_at is not None,
    )


def audit_entry(row: t.AuditLog) -> r.AuditEntry:
    return r.AuditEntry(
        id=row.id,
        at=row.at,
        actor_id=row.actor_id,
        actor_name=row.actor_name,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
        reason=row.reason,
    )


def client_summary(
    user_id: int,
    full_name: str,
    email: str,
    phone: str,
    *,
    total_spent_minor: int,
    purchases: int,
    bookings: int,
    active_bundles: int,
    last_visit: datetime | None = None,
) -> r.ClientSummary:
    return r.ClientSummary(
        id=user_id,
        full_name=full_name,
        email=email,
        phone=phone,
        total_spent_minor=total_spent_minor,
        purchases=purchases,
        bookings=bookings,
        active_bundles=active_bundles,
        last_visit=last_visit,
    )
