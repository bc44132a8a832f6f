"""The words documents print for statuses, purchase kinds, booking events and ledger entries."""

from __future__ import annotations

from podyx_desktop.domain.enums import BookingStatus, PurchaseKind, PurchaseStatus
from podyx_desktop.domain.records import Purchase

BOOKING_STATUS = {
    BookingStatus.PENDING: "Pending — awaiting payment approval",
    BookingStatus.CONFIRMED: "Confirmed",
    BookingStatus.RESCHEDULED: "Rescheduled — confirmed at a new time",
    BookingStatus.CANCELED: "Canceled",
    BookingStatus.COMPLETED: "Completed",
    BookingStatus.NO_SHOW: "No-show",
}

PURCHASE_STATUS = {
    PurchaseStatus.AWAITING_PAYMENT: "Awaiting payment",
    PurchaseStatus.PAID: "Paid",
    PurchaseStatus.REFUNDED: "Refunded",
    PurchaseStatus.VOID: "Void",
}

PURCHASE_KIND = {
    PurchaseKind.BOOKING: "Session",
    PurchaseKind.BUNDLE: "Bundle",
    PurchaseKind.ADDONS: "Add-ons",
    PurchaseKind.CREDIT_NOTE: "Credit note",
}

EVENT_KIND = {
    "created": "Booked",
    "confirmed": "Confirmed",
    "approved": "Payment approved",
    "rescheduled": "Rescheduled",
    "canceled": "Canceled",
    "cancelled": "Canceled",
    "completed": "Completed",
    "no_show": "Marked as no-show",
    "addons_added": "Add-ons added",
    "paid": "Paid",
    "refunded": "Refunded",
}

LEDGER_KIND = {
    "purchased": "Bundle purchased",
    "issued": "Bundle issued",
    "redeemed": "Session redeemed",
    "credit_returned": "Credit returned",
    "credit_kept": "Credit kept (late cancellation)",
    "expired": "Expired",
}

BUNDLE_STATE = {"active": "Active", "expired": "Expired", "used_up": "Used up"}


def humanize(kind: str, table: dict[str, str]) -> str:
    """The label for ``kind``, or the kind itself made readable when it is new to us."""
    return table.get(kind, kind.replace("_", " ").strip().capitalize())


def is_pro_forma(purchase: Purchase) -> bool:
    """A purchase without a receipt number (awaiting payment, or void) has no receipt yet."""
    return not purchase.receipt_number


def document_title(purchase: Purchase) -> str:
    if is_pro_forma(purchase):
        return "Pro-forma — not a receipt"
    if purchase.kind is PurchaseKind.CREDIT_NOTE:
        return "Credit note"
    return "Receipt"
