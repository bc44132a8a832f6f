"""The desk books on a client's behalf through its operations (real services, both
engines): find the client, or create one with a one-time code; book with a staff payment
method; the client sees the booking once signed in with the code."""

from __future__ import annotations

from datetime import date

import pytest

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseStatus, Role
from podyx_desktop.domain.errors import InvalidInput, NotAllowed, NotSignedIn, RuleViolation
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount, SessionCart
from podyx_desktop.operations.base import execute
from podyx_desktop.operations.desk_booking import (
    BookOnBehalf,
    CreateClientAtDesk,
    SearchClients,
    SetPasswordWithCode,
)
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)


def request(studio: Studio, client_id: int, method: PaymentMethod, hour: int = 10) -> BookOnBehalf:
    cart = SessionCart(studio.podcast_setup, studio.podcast, 120)
    return BookOnBehalf(client_id, cart, studio.at(DAY, hour), method)


def test_desk_finds_a_client_and_books_pay_later(studio: Studio) -> None:
    ann = studio.client("Ann Weber", "ann@example.com")
    studio.client("Bob Stone", "bob@example.com")
    found = execute(studio.services, studio.desk, SearchClients("weber")).value
    assert [c.id for c in found] == [ann.account.id]
    outcome = execute(
        studio.services, studio.desk, request(studio, ann.account.id, PaymentMethod.PAY_LATER)
    )
    booked = outcome.value.booking
    assert Kind.BOOKINGS in outcome.changes.kinds
    assert booked.client_id == ann.account.id
    assert outcome.value.purchase is not None
    assert outcome.value.purchase.status is PurchaseStatus.AWAITING_PAYMENT
    mine = studio.services.bookings.list_for_client(ann.principal, ann.account.id)
    assert [b.id for b in mine] == [booked.id]


@pytest.mark.parametrize(
    "method", [PaymentMethod.CARD_AT_DESK, PaymentMethod.CASH, PaymentMethod.BANK_TRANSFER]
)
def test_desk_payment_methods(studio: Studio, method: PaymentMethod) -> None:
    ann = studio.client("Ann Weber", "ann@example.com")
    result = execute(studio.services, studio.desk, request(studio, ann.account.id, method)).value
    assert result.booking.status in (BookingStatus.CONFIRMED, BookingStatus.PENDING)


def test_outside_the_rules_needs_a_reason(studio: Studio) -> None:
    ann = studio.client("Ann Weber", "ann@example.com")
    early = request(studio, ann.account.id, PaymentMethod.CASH, hour=7)
    with pytest.raises(RuleViolation):
        execute(studio.services, studio.desk, early)  # before opening
    with pytest.raises(InvalidInput, match="Say why"):
        execute(studio.services, studio.desk, early._replace(bypass_rules=True))
    done = execute(
        studio.services,
        studio.desk,
        early._replace(bypass_rules=True, bypass_reason="band arrives early"),
    ).value
    assert done.booking.starts_at == studio.at(DAY, 7)


def test_a_new_client_at_the_desk_sets_a_password_and_sees_the_booking(studio: Studio) -> None:
    made = execute(
        studio.services,
        studio.desk,
        CreateClientAtDesk("Walk In", "walk.in@example.com", "+49 30 7777777"),
    ).value
    booked = execute(
        studio.services, studio.desk, request(studio, made.account.id, PaymentMethod.PAY_LATER)
    ).value.booking
    signed = execute(
        studio.services,
        Principal.anonymous(),
        SetPasswordWithCode("walk.in@example.com", made.code, "my own new secret"),
    ).value
    mine = studio.services.bookings.list_for_client(signed.principal, made.account.id)
    assert [b.id for b in mine] == [booked.id]


@pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.MANAGER, Role.OWNER])
def test_staff_roles_may_book_on_behalf(studio: Studio, role: Role) -> None:
    email = f"{role.value}@staff.example.com"
    studio.services.accounts.create_staff(
        studio.owner, NewAccount("Staff", email, "+49 30 3333333", PASSWORD), role
    )
    staff = studio.services.accounts.sign_in(email, PASSWORD).principal
    ann = studio.client("Ann Weber", "ann@example.com")
    assert execute(studio.services, staff, SearchClients("ann")).value
    execute(studio.services, staff, request(studio, ann.account.id, PaymentMethod.CASH))
    execute(studio.services, staff, CreateClientAtDesk("New One", "n@example.com", "+49 30 444444"))


def test_clients_and_strangers_are_refused(studio: Studio) -> None:
    ann = studio.client("Ann Weber", "ann@example.com")
    eve = studio.client("Eve", "eve@example.com")
    for principal, error in (
        (eve.principal, NotAllowed),
        (Principal.anonymous(), (NotSignedIn, NotAllowed)),
    ):
        with pytest.raises(error):
            execute(studio.services, principal, SearchClients("ann"))
        with pytest.raises(error):
            execute(
                studio.services,
                principal,
                CreateClientAtDesk("X", "x@example.com", "+49 30 444444"),
            )
        with pytest.raises(error):
            execute(studio.services, principal, request(studio, ann.account.id, PaymentMethod.CASH))
