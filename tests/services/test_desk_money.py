"""The desk's money decisions: a manager's new price for an unpaid purchase, and who may
refund (managers and owners; the front desk may not)."""

from __future__ import annotations

from datetime import date

import pytest

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseStatus, RefundTo, Role
from podyx_desktop.domain.errors import Conflict, InvalidInput, NotAllowed
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)


def manager(studio: Studio) -> Principal:
    account = studio.services.accounts.create_staff(
        studio.owner,
        NewAccount("Mia Manager", "mia@example.com", "+49 30 3333333", PASSWORD),
        Role.MANAGER,
    )
    return Principal.user(account.id, Role.MANAGER)


def test_a_manager_overrides_an_unpaid_price_and_the_audit_keeps_both(studio: Studio) -> None:
    ann = studio.client()
    booked = studio.book(ann, studio.at(DAY, 10))
    assert booked.purchase is not None
    old = booked.purchase
    boss = manager(studio)
    new = studio.services.purchases.override_price(boss, old.id, 10001, "Regular client")
    assert new.status is PurchaseStatus.AWAITING_PAYMENT
    assert new.gross_minor == 10001
    assert new.net_minor + new.vat_minor == new.gross_minor
    assert sum(line.gross_minor for line in new.lines) == 10001
    assert sum(v.gross_minor for v in new.vat) == 10001
    assert all(line.net_minor + line.vat_minor == line.gross_minor for line in new.lines)
    assert "Regular client" in new.note
    # the client's booking shows the new price and its history says so
    booking = studio.services.bookings.get(ann.principal, booked.booking.id)
    assert booking.price_minor == 10001
    kinds = [e.kind for e in studio.services.bookings.events(ann.principal, booking.id)]
    assert "price_overridden" in kinds
    (entry,) = studio.services.audit.list_entries(studio.owner, entity="purchase", entity_id=old.id)
    assert entry.action == "price_override" and entry.reason == "Regular client"
    assert str(old.gross_minor) in entry.before and "10001" in entry.after
    # paying it takes the new total
    paid = studio.services.purchases.record_payment(boss, old.id, PaymentMethod.CASH)
    assert paid.gross_minor == 10001 and paid.receipt_number


def test_price_override_refuses_paid_purchases_in_words(studio: Studio) -> None:
    ann = studio.client()
    booked = studio.book(ann, studio.at(DAY, 10))
    assert booked.purchase is not None
    studio.services.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    with pytest.raises(Conflict, match="already paid"):
        studio.services.purchases.override_price(studio.owner, booked.purchase.id, 100, "x")
    with pytest.raises(InvalidInput):
        studio.services.purchases.override_price(studio.owner, booked.purchase.id, 100, " ")
    with pytest.raises(InvalidInput):
        studio.services.purchases.override_price(studio.owner, booked.purchase.id, -1, "x")


def test_price_override_is_exactly_once_after_a_withdrawal(studio: Studio) -> None:
    ann = studio.client()
    booked = studio.book(ann, studio.at(DAY, 10))
    assert booked.purchase is not None
    studio.services.bookings.cancel(studio.desk, booked.booking.id, reason="Refused")
    with pytest.raises(Conflict, match="withdrawn"):
        studio.services.purchases.override_price(studio.owner, booked.purchase.id, 100, "x")
    assert (
        studio.services.audit.list_entries(
            studio.owner, entity="purchase", entity_id=booked.purchase.id
        )[0].action
        == "void_purchase"
    )


@pytest.mark.parametrize("who", ["front desk", "client"])
def test_only_managers_and_owners_override_prices_and_refund(studio: Studio, who: str) -> None:
    ann = studio.client()
    booked = studio.book(ann, studio.at(DAY, 10))
    assert booked.purchase is not None
    principal = studio.desk if who == "front desk" else ann.principal
    refused = (NotAllowed,)
    with pytest.raises(refused):
        studio.services.purchases.override_price(principal, booked.purchase.id, 100, "x")
    paid = studio.book(ann, studio.at(DAY, 15), method=PaymentMethod.PAY_LATER)
    assert paid.purchase is not None
    studio.services.purchases.record_payment(studio.desk, paid.purchase.id, PaymentMethod.CASH)
    with pytest.raises(refused):
        studio.services.purchases.refund(principal, paid.purchase.id, RefundTo.ORIGINAL_METHOD, "x")
    with pytest.raises(refused):
        studio.services.bookings.cancel(principal, paid.booking.id, refund=RefundTo.ORIGINAL_METHOD)
    # nothing changed
    assert studio.services.purchases.get(studio.owner, booked.purchase.id).gross_minor == (
        booked.purchase.gross_minor
    )
    assert (
        studio.services.bookings.get(studio.owner, paid.booking.id).status
        is BookingStatus.CONFIRMED
    )
    # a manager may do all three
    boss = manager(studio)
    studio.services.purchases.override_price(boss, booked.purchase.id, 100, "x")
    canceled = studio.services.bookings.cancel(
        boss, paid.booking.id, refund=RefundTo.ORIGINAL_METHOD
    )
    assert canceled.status is BookingStatus.CANCELED
