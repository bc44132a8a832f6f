"""Principals, roles and the closed vocabularies; the error family."""

from __future__ import annotations

import pytest

from podyx_desktop.domain import errors
from podyx_desktop.domain.enums import (
    CLIENT_PAYMENT_METHODS,
    DEFERRED_PAYMENT_METHODS,
    BookingStatus,
    PaymentMethod,
    Role,
)
from podyx_desktop.domain.principal import Principal

ROLES_IN_ORDER = [Role.CLIENT, Role.FRONT_DESK, Role.MANAGER, Role.OWNER]


def test_anonymous() -> None:
    anon = Principal.anonymous()
    assert anon.user_id is None
    assert anon.role is None
    assert anon.is_anonymous
    assert not anon.is_staff
    assert not anon.is_system
    assert not any(anon.at_least(role) for role in Role)


def test_system() -> None:
    system = Principal.system()
    assert system.is_system
    assert system.user_id is None
    assert system.role is Role.OWNER
    assert not system.is_anonymous
    assert system.is_staff
    assert all(system.at_least(role) for role in Role)


@pytest.mark.parametrize("role", list(Role))
def test_user(role: Role) -> None:
    user = Principal.user(42, role)
    assert user.user_id == 42
    assert user.role is role
    assert not user.is_anonymous
    assert not user.is_system
    assert user.is_staff == (role is not Role.CLIENT)


@pytest.mark.parametrize("held", ROLES_IN_ORDER)
@pytest.mark.parametrize("needed", ROLES_IN_ORDER)
def test_at_least_follows_rank(held: Role, needed: Role) -> None:
    expected = ROLES_IN_ORDER.index(held) >= ROLES_IN_ORDER.index(needed)
    assert Principal.user(1, held).at_least(needed) is expected


def test_role_ranks_and_staff() -> None:
    assert [role.rank for role in ROLES_IN_ORDER] == [0, 1, 2, 3]
    assert [role.is_staff for role in ROLES_IN_ORDER] == [False, True, True, True]
    assert Role("front_desk") is Role.FRONT_DESK


def test_principals_are_values() -> None:
    assert Principal.user(1, Role.CLIENT) == Principal.user(1, Role.CLIENT)
    assert Principal.anonymous() == Principal.anonymous()
    assert Principal.user(1, Role.CLIENT) != Principal.user(1, Role.MANAGER)
    assert hash(Principal.system()) == hash(Principal.system())


def test_booking_status_flags() -> None:
    assert {s for s in BookingStatus if s.is_open} == {
        BookingStatus.PENDING,
        BookingStatus.CONFIRMED,
        BookingStatus.RESCHEDULED,
    }
    assert {s for s in BookingStatus if not s.holds_room} == {BookingStatus.CANCELED}


def test_payment_methods() -> None:
    assert all(method.label for method in PaymentMethod)
    assert PaymentMethod.CARD_AT_DESK not in CLIENT_PAYMENT_METHODS
    assert PaymentMethod.CASH not in CLIENT_PAYMENT_METHODS
    assert set(DEFERRED_PAYMENT_METHODS) <= set(CLIENT_PAYMENT_METHODS)


def test_errors_carry_their_message() -> None:
    err = errors.InvalidInput("Bad email.", field="email")
    assert isinstance(err, errors.PodyxError)
    assert str(err) == err.message == "Bad email."
    assert err.field == "email"
    assert errors.InvalidInput("x").field is None
    refused = errors.PromoRefused("Expired.", reason="expired")
    assert refused.reason == "expired"
    assert str(refused) == "Expired."


@pytest.mark.parametrize(
    "cls",
    [
        errors.NotSignedIn,
        errors.NotAllowed,
        errors.SignInFailed,
        errors.SessionExpired,
        errors.TimeTaken,
    ],
)
def test_errors_with_default_messages(cls: type[errors.PodyxError]) -> None:
    err = cls()  # type: ignore[call-arg]
    assert isinstance(err, errors.PodyxError)
    assert err.message
    assert str(err) == err.message


def test_conflict_family() -> None:
    assert issubclass(errors.TimeTaken, errors.Conflict)
    assert issubclass(errors.NoCreditLeft, errors.Conflict)
    assert issubclass(errors.Conflict, errors.PodyxError)
