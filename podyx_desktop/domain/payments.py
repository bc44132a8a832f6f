"""The desk's money: purchases awaiting payment (the Payments place's queue), what a bulk
"mark these transfers received" did, and a day's close (takings by method and VAT rate).

Plain frozen values, amounts in integer minor units, so they cross a thread (or, later,
the network) as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind


class PaymentSort(StrEnum):
    """The orders the queue of pending payments comes in (ties: by id)."""

    CREATED_AT = "created_at"  # oldest first by default
    AMOUNT = "amount"
    ID = "id"


@dataclass(frozen=True)
class PendingPayment:
    """One purchase awaiting payment: who, for what, how much, how it is to be paid.

    ``booking_id`` is set for a session (``session_starts_at`` and ``service_name`` too),
    ``bundle_id`` for a bundle (``bundle_name``). ``as_of`` is the studio's now when the
    row was read, so the age shown does not depend on the desk's clock.
    """

    purchase_id: int
    kind: PurchaseKind
    created_at: datetime
    as_of: datetime
    client_id: int
    client_name: str
    gross_minor: int
    currency: str
    method: PaymentMethod
    description: str
    booking_id: int | None = None
    session_starts_at: datetime | None = None
    service_name: str = ""
    bundle_id: int | None = None
    bundle_name: str = ""


@dataclass(frozen=True)
class BulkPaymentOutcome:
    """What "mark these transfers received" did, purchase by purchase.

    ``marked``: the purchases whose payment this call recorded (with their receipt
    numbers); ``refused``: (purchase id, the sentence why) for each one left alone,
    e.g. approved on another seat a moment before.
    """

    marked: tuple[tuple[int, str], ...]
    refused: tuple[tuple[int, str], ...]
    approved_elsewhere: int = 0  # of the refused: paid already (another seat, another time)


@dataclass(frozen=True)
class MethodTakings:
    """One payment method's share of a day: receipts, credit notes (negative), net."""

    method: PaymentMethod
    receipts: int
    receipts_minor: int
    refunds: int
    refunds_minor: int  # ≤ 0

    @property
    def net_minor(self) -> int:
        return self.receipts_minor + self.refunds_minor


@dataclass(frozen=True)
class RateTakings:
    """One VAT rate's share of a day, credit notes netted (their amounts are negative)."""

    rate_bp: int
    net_minor: int
    vat_minor: int
    gross_minor: int


@dataclass(frozen=True)
class DayClose:
    """A studio day's takings: every receipt and credit note issued that local day."""

    day: date
    studio_name: str
    time_zone: str
    currency: str
    starts_at: datetime  # the local day's bounds in UTC (23 or 25 hours on DST days)
    ends_at: datetime
    made_at: datetime
    by_method: tuple[MethodTakings, ...]
    by_rate: tuple[RateTakings, ...]
    receipts: int
    receipts_minor: int
    refunds: int
    refunds_minor: int
    net_minor: int
    vat_minor: int
    gross_minor: int
    first_number: str | None = None
    last_number: str | None = None
