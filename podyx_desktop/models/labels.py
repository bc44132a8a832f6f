"""Translated words for the closed vocabularies (statuses, kinds, methods) shown in models.

Each label is a literal inside ``QCoreApplication.translate`` so the translation tools find
it; the domain's English labels stay the fallback for anything new.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseKind, PurchaseStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def booking_status_text(status: BookingStatus) -> str:
    return {
        BookingStatus.PENDING: _t("Pending"),
        BookingStatus.CONFIRMED: _t("Confirmed"),
        BookingStatus.RESCHEDULED: _t("Rescheduled"),
        BookingStatus.CANCELED: _t("Canceled"),
        BookingStatus.COMPLETED: _t("Completed"),
        BookingStatus.NO_SHOW: _t("No-show"),
    }.get(status, status.value)


def booking_status_hint(status: BookingStatus) -> str:
    """A sentence explaining a status, for tooltips and the details pane."""
    return {
        BookingStatus.PENDING: _t("Awaiting payment approval by the studio."),
        BookingStatus.CONFIRMED: _t("Your session is confirmed."),
        BookingStatus.RESCHEDULED: _t("Confirmed at a new time."),
        BookingStatus.CANCELED: _t("This session was canceled."),
        BookingStatus.COMPLETED: _t("This session has taken place."),
        BookingStatus.NO_SHOW: _t("Marked as a no-show."),
    }.get(status, "")


def payment_method_text(method: PaymentMethod | None) -> str:
    if method is None:
        return ""
    return {
        PaymentMethod.CARD_AT_DESK: _t("Card at the front desk"),
        PaymentMethod.CASH: _t("Cash at the front desk"),
        PaymentMethod.BANK_TRANSFER: _t("Bank transfer"),
        PaymentMethod.STORE_CREDIT: _t("Store credit"),
        PaymentMethod.BUNDLE_CREDIT: _t("Bundle credit"),
        PaymentMethod.PAY_LATER: _t("Pay later"),
    }.get(method, method.label)


def purchase_kind_text(kind: PurchaseKind) -> str:
    return {
        PurchaseKind.BOOKING: _t("Session payment"),
        PurchaseKind.BUNDLE: _t("Bundle purchase"),
        PurchaseKind.ADDONS: _t("Add-on charge"),
        PurchaseKind.CREDIT_NOTE: _t("Refund (credit note)"),
    }.get(kind, kind.value)


def purchase_status_text(status: PurchaseStatus) -> str:
    return {
        PurchaseStatus.AWAITING_PAYMENT: _t("Awaiting payment"),
        PurchaseStatus.PAID: _t("Paid"),
        PurchaseStatus.REFUNDED: _t("Refunded"),
        PurchaseStatus.VOID: _t("Void"),
    }.get(status, status.value)


def bundle_state_text(state: str) -> str:
    return {
        "active": _t("Active"),
        "awaiting_payment": _t("Awaiting payment"),
        "expired": _t("Expired"),
        "refunded": _t("Refunded"),
        "used_up": _t("Used up"),
    }.get(state, state.replace("_", " "))


def ledger_kind_text(kind: str) -> str:
    return {
        "purchased": _t("Bought"),
        "issued": _t("Issued by the studio"),
        "redeemed": _t("Session booked"),
        "credit_returned": _t("Credit returned"),
        "credit_kept": _t("Credit kept (late cancellation)"),
    }.get(kind, kind.replace("_", " "))


def event_kind_text(kind: str) -> str:
    return {
        "created": _t("Booked"),
        "rescheduled": _t("Rescheduled"),
        "canceled": _t("Canceled"),
        "confirmed": _t("Confirmed"),
        "completed": _t("Completed"),
        "no_show": _t("No-show"),
        "addons_added": _t("Add-ons added"),
    }.get(kind, kind.replace("_", " ").capitalize())
