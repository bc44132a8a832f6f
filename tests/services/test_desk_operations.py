"""Who may run each of the desk's operations: the services refuse, whatever the screens
show. Front desk, manager, owner, a client and an anonymous caller, on both engines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, RefundTo, Role
from podyx_desktop.domain.errors import NotAllowed, NotFound, NotSignedIn, RuleViolation
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.operations.base import execute
from podyx_desktop.operations.desk import (
    ApprovePayment,
    CancelAtDesk,
    LoadDeskState,
    LoadToday,
    MoveBooking,
    OverridePrice,
    RecordOutcome,
    RefuseBooking,
)
from tests.conftest import FakeClock
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)
REFUSED = (NotSignedIn, NotAllowed, NotFound, RuleViolation)
STAFF = {"front desk", "manager", "owner"}
MANAGERS = {"manager", "owner"}
WHO = ("front desk", "manager", "owner", "client", "anonymous")


def principal_of(studio: Studio, who: str, other_client: Any) -> Principal:
    if who == "front desk":
        return studio.desk
    if who == "owner":
        return studio.owner
    if who == "anonymous":
        return Principal.anonymous()
    if who == "client":
        return other_client.principal
    account = studio.services.accounts.create_staff(
        studio.owner,
        NewAccount("Mia Manager", "mia@example.com", "+49 30 3333333", PASSWORD),
        Role.MANAGER,
    )
    return Principal.user(account.id, Role.MANAGER)


def _pending(studio: Studio, ann: Any) -> Any:
    return studio.book(ann, studio.at(DAY, 10))


def _late_paid(studio: Studio, ann: Any, clock: FakeClock) -> Any:
    booked = studio.book(ann, studio.at(DAY, 10))
    studio.services.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    clock.now = studio.at(DAY, 10) - timedelta(hours=5)  # inside the 24 h cutoff
    return booked


def _started(studio: Studio, ann: Any, clock: FakeClock) -> Any:
    booked = studio.book(ann, studio.at(DAY, 10))
    clock.now = studio.at(DAY, 11)
    return booked


# name → (make the request, who may run it); "client" is another client than Ann.
CASES: dict[str, tuple[Callable[[Studio, Any, FakeClock], Any], set[str]]] = {
    "load_desk_state": (lambda s, a, c: LoadDeskState(_pending(s, a).booking.id), STAFF),
    "load_today": (lambda s, a, c: LoadToday(), STAFF),
    "approve_payment": (
        lambda s, a, c: ApprovePayment(_pending(s, a).purchase.id, PaymentMethod.CARD_AT_DESK),
        STAFF,
    ),
    "refuse_booking": (lambda s, a, c: RefuseBooking(_pending(s, a).booking.id, "no"), STAFF),
    "cancel_with_refund": (
        lambda s, a, c: CancelAtDesk(
            _late_paid(s, a, c).booking.id, "late", RefundTo.ORIGINAL_METHOD
        ),
        MANAGERS,
    ),
    "cancel_keeping_the_charge": (
        lambda s, a, c: CancelAtDesk(_late_paid(s, a, c).booking.id, "late"),
        STAFF,
    ),
    "record_outcome": (
        lambda s, a, c: RecordOutcome(_started(s, a, c).booking.id, BookingStatus.NO_SHOW),
        STAFF,
    ),
    "override_price": (
        lambda s, a, c: OverridePrice(_pending(s, a).purchase.id, 100, "regular"),
        MANAGERS,
    ),
    "move_outside_the_rules": (
        lambda s, a, c: MoveBooking(_pending(s, a).booking.id, s.at(DAY, 7), True, "early"),
        STAFF,
    ),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", sorted(CASES))
def test_desk_operations_check_the_role(
    studio: Studio, clock: FakeClock, name: str, who: str
) -> None:
    ann = studio.client("Ann", "ann@example.com")
    eve = studio.client("Eve", "eve@example.com")
    make, allowed = CASES[name]
    request = make(studio, ann, clock)
    principal = principal_of(studio, who, eve)
    if who in allowed:
        execute(studio.services, principal, request)
    else:
        with pytest.raises(REFUSED):
            execute(studio.services, principal, request)


def test_refusing_needs_a_reason_and_a_booking_still_pending(studio: Studio) -> None:
    from podyx_desktop.domain.errors import Conflict, InvalidInput

    ann = studio.client("Ann", "ann@example.com")
    booked = _pending(studio, ann)
    with pytest.raises(InvalidInput):
        execute(studio.services, studio.desk, RefuseBooking(booked.booking.id, "  "))
    studio.services.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    with pytest.raises(Conflict, match="confirmed a moment ago"):
        execute(studio.services, studio.desk, RefuseBooking(booked.booking.id, "no transfer"))
    assert (
        studio.services.bookings.get(ann.principal, booked.booking.id).status
        is BookingStatus.CONFIRMED
    )


def test_moving_outside_the_rules_needs_a_reason(studio: Studio) -> None:
    from podyx_desktop.domain.errors import InvalidInput

    ann = studio.client("Ann", "ann@example.com")
    booked = _pending(studio, ann)
    with pytest.raises(InvalidInput):
        execute(
            studio.services,
            studio.desk,
            MoveBooking(booked.booking.id, studio.at(DAY, 7), True, ""),
        )
