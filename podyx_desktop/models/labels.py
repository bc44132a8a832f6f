"""The words models show for statuses, kinds and methods: the vocabulary's, re-exported.

The words, their translation contexts and the one translation hook live in
:mod:`podyx_desktop.domain.vocabulary`; the names stay here so the views' imports hold.
"""

from __future__ import annotations

from podyx_desktop.domain.vocabulary import (
    booking_status_hint,
    booking_status_text,
    bundle_state_text,
    event_kind_text,
    ledger_kind_text,
    payment_method_text,
    purchase_kind_text,
    purchase_status_text,
)

__all__ = [
    "booking_status_hint",
    "booking_status_text",
    "bundle_state_text",
    "event_kind_text",
    "ledger_kind_text",
    "payment_method_text",
    "purchase_kind_text",
    "purchase_status_text",
]
