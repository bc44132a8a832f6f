"""Which of the vocabulary's words documents print, and a receipt's title.

The words and their translation live in :mod:`podyx_desktop.domain.vocabulary`; documents
choose the long forms where a table on screen uses a short one (``Pending — awaiting payment
approval`` against ``Pending``), so the printed text stays as it was.
"""

from __future__ import annotations

from podyx_desktop.domain.enums import PurchaseKind
from podyx_desktop.domain.records import Purchase
from podyx_desktop.domain.vocabulary import booking_status_long_text as booking_status
from podyx_desktop.domain.vocabulary import bundle_state_text as bundle_state
from podyx_desktop.domain.vocabulary import event_kind_long_text as event_kind
from podyx_desktop.domain.vocabulary import ledger_kind_long_text as ledger_kind
from podyx_desktop.domain.vocabulary import payment_method_text as payment_method
from podyx_desktop.domain.vocabulary import purchase_kind_short_text as purchase_kind
from podyx_desktop.domain.vocabulary import purchase_status_text as purchase_status

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


def is_pro_forma(purchase: Purchase) -> bool:
    """A purchase without a receipt number (awaiting payment, or void) has no receipt yet."""
    return not purchase.receipt_number


def document_title(purchase: Purchase) -> str:
    if is_pro_forma(purchase):
        return "Pro-forma — not a receipt"
    if purchase.kind is PurchaseKind.CREDIT_NOTE:
        return "Credit note"
    return "Receipt"
