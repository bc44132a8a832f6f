"""Which of the vocabulary's words documents print, and a receipt's title.

The words and their translation live in :mod:`podyx_desktop.domain.vocabulary`; documents
choose the long forms where a table on screen uses a short one (``Pending — awaiting payment
approval`` against ``Pending``), so the printed text stays as it was. Each word is read in
the document's language (:meth:`Context.word <podyx_desktop.documents.layout.Context.word>`),
never through the window's translator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from podyx_desktop.domain import vocabulary as v
from podyx_desktop.domain.enums import PurchaseKind
from podyx_desktop.domain.message import Message, m
from podyx_desktop.domain.records import Purchase

if TYPE_CHECKING:
    from podyx_desktop.documents.layout import Context

__all__ = [
    "booking_status",
    "bundle_state",
    "document_title",
    "event_kind",
    "is_pro_forma",
    "ledger_kind",
    "payment_method",
    "purchase_kind",
    "purchase_status",
]


def booking_status(ctx: Context, status: str) -> str:
    return ctx.word(v.BOOKING_STATUS_LONG, status)  # ``Pending — awaiting …``


def bundle_state(ctx: Context, state: str) -> str:
    return ctx.word(v.BUNDLE_STATE, state)


def event_kind(ctx: Context, kind: str) -> str:
    return ctx.word(v.BOOKING_EVENT_LONG, kind)  # ``Marked as no-show``


def ledger_kind(ctx: Context, kind: str) -> str:
    return ctx.word(v.BUNDLE_LEDGER_LONG, kind)  # ``Bundle purchased``


def payment_method(ctx: Context, method: str | None) -> str:
    """A payment method's name; nothing when a booking or purchase records none."""
    return "" if method is None else ctx.word(v.PAYMENT_METHOD, method)


def purchase_kind(ctx: Context, kind: str) -> str:
    return ctx.word(v.PURCHASE_KIND, kind)  # ``Session``: a document's narrow column


def purchase_status(ctx: Context, status: str) -> str:
    return ctx.word(v.PURCHASE_STATUS, status)


def is_pro_forma(purchase: Purchase) -> bool:
    """A purchase without a receipt number (awaiting payment, or void) has no receipt yet."""
    return not purchase.receipt_number


def document_title(purchase: Purchase) -> Message:
    if is_pro_forma(purchase):
        return m("Pro-forma — not a receipt")
    if purchase.kind is PurchaseKind.CREDIT_NOTE:
        return m("Credit note")
    return m("Receipt")
