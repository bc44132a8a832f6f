"""ORM tables of the studio. One module: the schema is read as a whole. Money columns are
integer minor units; VAT rates are basis points; times are UTC (:class:`UTCDateTime`).
Purchases store what was charged and are never recomputed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from podyx_desktop.db.base import Base as Base

# The bookkeeping tables (the client totals, SQLite's change feed) are in derived_tables.py:
# part of this schema and of Base.metadata all the same, and reached as ``t.ClientTotals``.
from podyx_desktop.db.derived_tables import ChangeLog as ChangeLog
from podyx_desktop.db.derived_tables import ClientTotals as ClientTotals
from podyx_desktop.db.derived_tables import ClientTotalsClock as ClientTotalsClock
from podyx_desktop.db.file_tables import FileChunk as FileChunk
from podyx_desktop.db.note_tables import NoteRevision as NoteRevision
from podyx_desktop.db.reminder_tables import ReminderShown as ReminderShown
from podyx_desktop.db.types import UTCDateTime
from podyx_desktop.db.waitlist_tables import WaitlistEntry as WaitlistEntry

AWAITING = text("status = 'awaiting_payment'")  # a purchase in the queue of pending payments

# --- studio and catalogue ---------------------------------------------------------------


class Studio(Base):
    """The one studio this database belongs to (a single row, id 1)."""

    __tablename__ = "studio"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(String(3))
    locale: Mapped[str] = mapped_column(String(20), default="en_GB")
    prices_include_vat: Mapped[bool] = mapped_column(Boolean, default=True)
    default_vat_rate_bp: Mapped[int] = mapped_column(Integer, default=2000)
    vat_number: Mapped[str] = mapped_column(String(40), default="")
    registration_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    bank_details: Mapped[str] = mapped_column(Text, default="", server_default="")
    file_limit_mib: Mapped[int] = mapped_column(Integer, default=2048, server_default="2048")
    # how long a freed time is held for the waitlisted client it is offered to
    waitlist_hold_minutes: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    address_line1: Mapped[str] = mapped_column(String(200), default="")
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    terms: Mapped[str] = mapped_column(Text, default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # studio-wide booking policy
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=15)
    lead_time_hours: Mapped[int] = mapped_column(Integer, default=2)
    cancel_cutoff_hours: Mapped[int] = mapped_column(Integer, default=24)
    reschedule_cutoff_hours: Mapped[int] = mapped_column(Integer, default=24)
    max_reschedules: Mapped[int] = mapped_column(Integer, default=2)
    lockout_failures: Mapped[int] = mapped_column(Integer, default=5)
    lockout_minutes: Mapped[int] = mapped_column(Integer, default=15)


class PolicyColumns:
    """Per-room / per-setup overrides of the studio policy (NULL: inherit)."""

    buffer_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lead_time_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cancel_cutoff_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reschedule_cutoff_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_reschedules: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Room(PolicyColumns, Base):
    __tablename__ = "rooms"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    setups: Mapped[list[Setup]] = relationship(back_populates="room")


class Setup(PolicyColumns, Base):
    __tablename__ = "setups"
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    room: Mapped[Room] = relationship(back_populates="setups")
    __table_args__ = (UniqueConstraint("room_id", "name"),)


class OpeningHours(Base):
    """Weekly opening intervals; rows with a room_id replace the studio's for that room."""

    __tablename__ = "opening_hours"
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True)
    weekday: Mapped[int] = mapped_column(Integer)
    open_minute: Mapped[int] = mapped_column(Integer)
    close_minute: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint(
            "open_minute >= 0 AND open_minute < close_minute AND close_minute <= 1440", name="span"
        ),
    )


class ClosedDate(Base):
    __tablename__ = "closed_dates"
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True)
    day: Mapped[str] = mapped_column(String(10))  # ISO date in the studio's zone
    reason: Mapped[str] = mapped_column(String(200), default="")


class Service(Base):
    __tablename__ = "services"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    hourly_rate_minor: Mapped[int] = mapped_column(Integer)
    min_minutes: Mapped[int] = mapped_column(Integer)
    max_minutes: Mapped[int] = mapped_column(Integer)
    step_minutes: Mapped[int] = mapped_column(Integer)
    vat_rate_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (
        CheckConstraint("hourly_rate_minor >= 0", name="rate"),
        CheckConstraint(
            "min_minutes > 0 AND min_minutes <= max_minutes AND step_minutes > 0", name="lengths"
        ),
    )


class ServiceSetup(Base):
    __tablename__ = "service_setups"
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    setup_id: Mapped[int] = mapped_column(ForeignKey("setups.id"), primary_key=True)


class Addon(Base):
    __tablename__ = "addons"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    max_quantity: Mapped[int] = mapped_column(Integer, default=1)
    hidden_from_clients: Mapped[bool] = mapped_column(Boolean, default=False)
    client_can_add_after_booking: Mapped[bool] = mapped_column(Boolean, default=False)
    vat_rate_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (CheckConstraint("unit_price_minor >= 0 AND max_quantity >= 1", name="price"),)


class AddonService(Base):
    __tablename__ = "addon_services"
    addon_id: Mapped[int] = mapped_column(ForeignKey("addons.id"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)


class BundleProduct(Base):
    __tablename__ = "bundle_products"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    sessions: Mapped[int] = mapped_column(Integer)
    session_minutes: Mapped[int] = mapped_column(Integer)
    price_minor: Mapped[int] = mapped_column(Integer)
    validity_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    vat_rate_bp: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (
        CheckConstraint("sessions > 0 AND session_minutes > 0 AND price_minor >= 0", name="values"),
    )


class BundleProductSetup(Base):
    __tablename__ = "bundle_product_setups"
    product_id: Mapped[int] = mapped_column(ForeignKey("bundle_products.id"), primary_key=True)
    setup_id: Mapped[int] = mapped_column(ForeignKey("setups.id"), primary_key=True)


class BundleProductService(Base):
    __tablename__ = "bundle_product_services"
    product_id: Mapped[int] = mapped_column(ForeignKey("bundle_products.id"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)


class PromoCode(Base):
    __tablename__ = "promo_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # stored upper-case
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    valid_to: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    max_uses: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_uses_per_client: Mapped[int | None] = mapped_column(Integer, nullable=True)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (
        CheckConstraint("uses >= 0 AND (max_uses IS NULL OR uses <= max_uses)", name="uses"),
    )


class PromoTarget(Base):
    __tablename__ = "promo_targets"
    id: Mapped[int] = mapped_column(primary_key=True)
    promo_id: Mapped[int] = mapped_column(ForeignKey("promo_codes.id"))
    target: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ReceiptSeries(Base):
    __tablename__ = "receipt_series"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), unique=True)
    prefix: Mapped[str] = mapped_column(String(20))
    include_year: Mapped[bool] = mapped_column(Boolean, default=True)
    min_digits: Mapped[int] = mapped_column(Integer, default=5)
    yearly_reset: Mapped[bool] = mapped_column(Boolean, default=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)


class ReceiptCounter(Base):
    """The last number issued per series and counter year (0: a never-resetting series)."""

    __tablename__ = "receipt_counters"
    series_id: Mapped[int] = mapped_column(ForeignKey("receipt_series.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("last_value >= 1", name="counter"),)


# --- people ---------------------------------------------------------------------------


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    email_key: Mapped[str] = mapped_column(String(254), unique=True)  # casefolded
    full_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="client")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    company: Mapped[str] = mapped_column(String(200), default="")
    vat_id: Mapped[str] = mapped_column(String(40), default="")
    address_line1: Mapped[str] = mapped_column(String(200), default="")
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    store_credit_minor: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (
        CheckConstraint("store_credit_minor >= 0", name="store_credit"),
        CheckConstraint("role IN ('client', 'front_desk', 'manager', 'owner')", name="role"),
        Index("ix_users_full_name", "full_name"),
        # the client list's name and phone orders (see services/clients.py)
        Index("ix_users_full_name_lower", func.lower(text("full_name")), "id"),
        Index("ix_users_phone", "phone", "id"),
    )


class SessionToken(Base):
    __tablename__ = "session_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    device: Mapped[str] = mapped_column(String(100), default="")


class SignInCode(Base):
    """A one-time code the desk handed to a client it created: only its SHA-256 is kept.
    One per account (a new code replaces the old); ``used_at`` set once it was used."""

    __tablename__ = "sign_in_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


# --- bookings, bundles, purchases -------------------------------------------------------


class Purchase(Base):
    __tablename__ = "purchases"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    currency: Mapped[str] = mapped_column(String(3))
    prices_include_vat: Mapped[bool] = mapped_column(Boolean)
    method: Mapped[str] = mapped_column(String(20))
    series_id: Mapped[int | None] = mapped_column(ForeignKey("receipt_series.id"), nullable=True)
    receipt_number: Mapped[str | None] = mapped_column(String(40), nullable=True, unique=True)
    net_minor: Mapped[int] = mapped_column(Integer)
    vat_minor: Mapped[int] = mapped_column(Integer)
    gross_minor: Mapped[int] = mapped_column(Integer)
    discount_minor: Mapped[int] = mapped_column(Integer, default=0)
    promo_id: Mapped[int | None] = mapped_column(ForeignKey("promo_codes.id"), nullable=True)
    promo_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    refund_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchases.id"), nullable=True, index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # buyer and seller as they were at the time of purchase
    buyer_name: Mapped[str] = mapped_column(String(200))
    buyer_email: Mapped[str] = mapped_column(String(254), default="")
    buyer_phone: Mapped[str] = mapped_column(String(20), default="")
    buyer_company: Mapped[str] = mapped_column(String(200), default="")
    buyer_vat_id: Mapped[str] = mapped_column(String(40), default="")
    buyer_address: Mapped[str] = mapped_column(Text, default="")  # Address fields as JSON
    seller_name: Mapped[str] = mapped_column(String(200))
    seller_vat_number: Mapped[str] = mapped_column(String(40), default="")
    seller_address: Mapped[str] = mapped_column(Text, default="")  # Address fields as JSON
    seller_registration_number: Mapped[str] = mapped_column(String(60), server_default="")
    seller_bank_details: Mapped[str] = mapped_column(Text, server_default="")
    lines: Mapped[list[PurchaseLine]] = relationship(
        order_by="PurchaseLine.position", cascade="all, delete-orphan"
    )
    vat_rates: Mapped[list[PurchaseVat]] = relationship(
        order_by="PurchaseVat.rate_bp", cascade="all, delete-orphan"
    )
    __table_args__ = (
        Index("ix_purchases_client_created_id", "client_id", "created_at", "id"),
        Index("ix_purchases_paid_at", "paid_at"),
        Index(
            "ix_purchases_pending",
            "created_at",
            "id",
            sqlite_where=AWAITING,
            postgresql_where=AWAITING,
        ),  # the pending payments' queue, oldest first
        CheckConstraint("net_minor + vat_minor = gross_minor", name="sums"),
    )


class PurchaseLine(Base):
    __tablename__ = "purchase_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    ref_id: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    discount_minor: Mapped[int] = mapped_column(Integer)
    net_minor: Mapped[int] = mapped_column(Integer)
    vat_rate_bp: Mapped[int] = mapped_column(Integer)
    vat_minor: Mapped[int] = mapped_column(Integer)
    gross_minor: Mapped[int] = mapped_column(Integer)
    supplied_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    __table_args__ = (CheckConstraint("net_minor + vat_minor = gross_minor", name="sums"),)


class PurchaseVat(Base):
    __tablename__ = "purchase_vat"
    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchases.id"), primary_key=True)
    rate_bp: Mapped[int] = mapped_column(Integer, primary_key=True)
    net_minor: Mapped[int] = mapped_column(Integer)
    vat_minor: Mapped[int] = mapped_column(Integer)
    gross_minor: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("net_minor + vat_minor = gross_minor", name="sums"),)


class Bundle(Base):
    __tablename__ = "bundles"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("bundle_products.id"))
    name: Mapped[str] = mapped_column(String(100))
    sessions_total: Mapped[int] = mapped_column(Integer)
    sessions_remaining: Mapped[int] = mapped_column(Integer)
    session_minutes: Mapped[int] = mapped_column(Integer)
    purchased_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchases.id"), nullable=True, index=True
    )
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    issued_reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint(
            "sessions_remaining >= 0 AND sessions_remaining <= sessions_total", name="remaining"
        ),
        Index("ix_bundles_expires_at", "expires_at"),  # the client totals' clock (0006)
    )


class BundleLedger(Base):
    __tablename__ = "bundle_ledger"
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[int] = mapped_column(ForeignKey("bundles.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(20))
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"), nullable=True)
    change: Mapped[int] = mapped_column(Integer)
    remaining_after: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class Booking(Base):
    __tablename__ = "bookings"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    setup_id: Mapped[int] = mapped_column(ForeignKey("setups.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    blocked_until: Mapped[datetime] = mapped_column(UTCDateTime)  # ends_at + buffer
    status: Mapped[str] = mapped_column(String(20))
    original_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reschedule_count: Mapped[int] = mapped_column(Integer, default=0)
    bundle_id: Mapped[int | None] = mapped_column(ForeignKey("bundles.id"), nullable=True)
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchases.id"), nullable=True, index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    addons: Mapped[list[BookingAddon]] = relationship(
        order_by="BookingAddon.id", cascade="all, delete-orphan"
    )
    __table_args__ = (
        Index("ix_bookings_room_time", "room_id", "starts_at"),
        Index("ix_bookings_client_time", "client_id", "starts_at"),
        # a client's sessions under way: not ended, started before now (0012)
        Index("ix_bookings_client_ends", "client_id", "ends_at", "starts_at"),
        Index("ix_bookings_starts_at", "starts_at"),
        CheckConstraint("starts_at < ends_at AND ends_at <= blocked_until", name="times"),
        CheckConstraint(
            "status IN ('pending', 'confirmed', 'rescheduled', 'canceled', 'completed', 'no_show')",
            name="status",
        ),
    )


class BookingAddon(Base):
    __tablename__ = "booking_addons"
    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"), index=True)
    addon_id: Mapped[int] = mapped_column(ForeignKey("addons.id"))
    name: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchases.id"), nullable=True, index=True
    )


class BookingEvent(Base):
    __tablename__ = "booking_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str] = mapped_column(Text, default="")
    from_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    to_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class StudioNote(Base):
    __tablename__ = "studio_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    booking_id: Mapped[int | None] = mapped_column(
        ForeignKey("bookings.id"), nullable=True, index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[str] = mapped_column(Text)
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    # migration 0010: last edit (earlier texts in note_revisions), retraction, client's read
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    retracted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SharedFile(Base):
    __tablename__ = "shared_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"), nullable=True)
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # unused since 0009
    external_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)  # by the client
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    actor_name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")


LIVE_BOOKING = text("status <> 'canceled'")
