"""The closed vocabularies of the studio: roles, statuses, payment methods, kinds."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLIENT = "client"
    FRONT_DESK = "front_desk"
    MANAGER = "manager"
    OWNER = "owner"

    @property
    def rank(self) -> int:
        return _ROLE_RANK[self]

    @property
    def is_staff(self) -> bool:
        return self is not Role.CLIENT


_ROLE_RANK = {Role.CLIENT: 0, Role.FRONT_DESK: 1, Role.MANAGER: 2, Role.OWNER: 3}


class BookingStatus(StrEnum):
    PENDING = "pending"  # awaiting payment approval
    CONFIRMED = "confirmed"
    RESCHEDULED = "rescheduled"  # confirmed at a new time; the original is kept
    CANCELED = "canceled"
    COMPLETED = "completed"
    NO_SHOW = "no_show"

    @property
    def holds_room(self) -> bool:
        return self is not BookingStatus.CANCELED

    @property
    def is_open(self) -> bool:
        """Still changeable: not canceled, completed or a no-show."""
        return self in (BookingStatus.PENDING, BookingStatus.CONFIRMED, BookingStatus.RESCHEDULED)


class PaymentMethod(StrEnum):
    CARD_AT_DESK = "card_at_desk"
    CASH = "cash"
    BANK_TRANSFER = "bank_transfer"
    STORE_CREDIT = "store_credit"
    BUNDLE_CREDIT = "bundle_credit"
    PAY_LATER = "pay_later"

    @property
    def label(self) -> str:
        """The English name, for text that is stored (a screen translates
        :func:`~podyx_desktop.domain.vocabulary.payment_method_text` instead)."""
        from podyx_desktop.domain.vocabulary import PAYMENT_METHOD  # its tables: not at start-up

        return PAYMENT_METHOD.source(self)


# What a client may choose at checkout by themselves. Card and cash are taken by staff at
# the desk; a bank transfer or "pay later" leaves the booking pending until staff approve.
CLIENT_PAYMENT_METHODS = (
    PaymentMethod.PAY_LATER,
    PaymentMethod.BANK_TRANSFER,
    PaymentMethod.STORE_CREDIT,
    PaymentMethod.BUNDLE_CREDIT,
)
DEFERRED_PAYMENT_METHODS = (PaymentMethod.PAY_LATER, PaymentMethod.BANK_TRANSFER)


class PurchaseKind(StrEnum):
    BOOKING = "booking"  # a session payment
    BUNDLE = "bundle"  # a bundle bought (or issued at a price)
    ADDONS = "addons"  # add-ons added to an existing booking
    CREDIT_NOTE = "credit_note"  # a refund of an earlier purchase


class PurchaseStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"  # pay later / bank transfer, no receipt yet
    PAID = "paid"
    REFUNDED = "refunded"  # a credit note refunds it
    VOID = "void"  # never paid and withdrawn (e.g. a pending booking canceled)


class LineKind(StrEnum):
    SERVICE = "service"
    ADDON = "addon"
    BUNDLE = "bundle"


class PromoKind(StrEnum):
    PERCENT = "percent"  # value in basis points (1000 = 10 %)
    FIXED = "fixed"  # value in minor units of the studio currency


class PromoTarget(StrEnum):
    SERVICE = "service"
    SETUP = "setup"
    BUNDLE_PRODUCT = "bundle_product"


class SeriesKind(StrEnum):
    RECEIPT = "receipt"
    CREDIT_NOTE = "credit_note"


class RefundTo(StrEnum):
    """Where the money of a refund goes."""

    ORIGINAL_METHOD = "original_method"
    STORE_CREDIT = "store_credit"
