"""What services return: frozen, ORM-free records that views, models and documents read.

Times are aware UTC datetimes; money is integer minor units in ``currency``; VAT rates
are basis points (2000 = 20 %).

Every record is named here. The ones start-up reads (a studio, a session, a client's
bookings) are defined in :mod:`records_core`; the others in :mod:`records_more`, imported
the first time one of them is asked for, so that start-up does not create some twenty
frozen dataclasses the first window does not use (~10 ms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from podyx_desktop.domain.records_core import (
    Account,
    Address,
    BookedAddon,
    Booking,
    SignedIn,
    StudioInfo,
)

if TYPE_CHECKING:  # for the type checker; at run time, __getattr__ below
    from podyx_desktop.domain.records_more import *  # noqa: F403

# what this module defines when imported (the others come through __getattr__)
__all__ = [
    "Account",
    "Address",
    "BookedAddon",
    "Booking",
    "SignedIn",
    "StudioInfo",
]

_MORE = frozenset(
    (
        "Addon",
        "BookingActions",
        "BookingEvent",
        "NewAccountCheck",
        "Room",
        "Setup",
        "Service",
        "BundleProduct",
        "PromoCode",
        "Catalogue",
        "Bundle",
        "BundleLedgerEntry",
        "PurchaseLine",
        "VatLine",
        "Party",
        "Purchase",
        "StudioNote",
        "NoteRevision",
        "SharedFile",
        "ClientSummary",
        "AuditEntry",
        "SessionSummary",
        "BundleStatement",
        "DayRange",
        "BookingResult",
        "BundleResult",
        "ClientAccountState",
    )
)


def __getattr__(name: str) -> Any:
    """``records.Purchase`` and the others: imported from :mod:`records_more` on first use."""
    if name in _MORE:
        from podyx_desktop.domain import records_more

        value = getattr(records_more, name)
        globals()[name] = value  # found directly from now on
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
