"""The Payments place's services: the queue of pending payments, the bulk "mark these
transfers received", withdrawing a bundle bought by transfer, on both engines."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseStatus
from podyx_desktop.domain.errors import Conflict, InvalidInput, RuleViolation
from podyx_desktop.domain.paging import PageRequest
from podyx_desktop.domain.payments import PaymentSort
from podyx_desktop.domain.requests import BundlePurchaseRequest, RedeemRequest
from tests.conftest import FakeClock
from tests.factories import Studio

DAY = date(2026, 6, 3)


def buy_bundle_by_transfer(studio: Studio, who: Any) -> Any:
    return studio.services.checkout.buy_bundle(
        who.principal,
        BundlePurchaseRequest(studio.bundle_product, PaymentMethod.BANK_TRANSFER, True),
    )


def test_the_queue_lists_every_pending_purchase_oldest_first(
    studio: Studio, clock: FakeClock
) -> None:
    ann, bob = studio.client("Ann"), studio.client("Bob Brown")
    later = studio.book(ann, studio.at(DAY, 10))
    clock.advance(hours=1)
    transfer = studio.book(bob, studio.at(DAY, 14), method=PaymentMethod.BANK_TRANSFER)
    clock.advance(hours=1)
    bundle = buy_bundle_by_transfer(studio, ann)
    paid = studio.book(bob, studio.at(DAY, 17, 30))
    studio.services.purchases.record_payment(studio.desk, paid.purchase.id, PaymentMethod.CASH)
    clock.advance(days=3)

    queue = studio.services.payment_queue
    page = queue.page(studio.desk, PageRequest(PaymentSort.CREATED_AT))
    assert [p.purchase_id for p in page.rows] == [
        later.purchase.id,
        transfer.purchase.id,
        bundle.purchase.id,
    ]
    first, second, third = page.rows
    assert (first.client_name, first.method, first.booking_id) == (
        "Ann",
        PaymentMethod.PAY_LATER,
        later.booking.id,
    )
    assert first.session_starts_at == studio.at(DAY, 10) and first.service_name
    assert first.as_of - first.created_at == timedelta(days=3, hours=2)
    assert second.method is PaymentMethod.BANK_TRANSFER
    assert third.bundle_id == bundle.bundle_id and third.bundle_name == "3 × 2 h podcast"
    assert third.gross_minor == bundle.purchase.gross_minor
    assert queue.count(studio.desk) == 3
    # pages of one, by keyset, give the same rows; the search narrows by the client's name
    request: PageRequest | None = PageRequest(PaymentSort.CREATED_AT, limit=1)
    seen = []
    while request is not None:
        one = queue.page(studio.desk, request)
        seen += [p.purchase_id for p in one.rows]
        request = request.following(one)
    assert seen == [p.purchase_id for p in page.rows]
    bobs = queue.page(studio.desk, PageRequest(PaymentSort.CREATED_AT, search="brown"))
    assert [p.purchase_id for p in bobs.rows] == [transfer.purchase.id]
    newest = queue.page(studio.desk, PageRequest(PaymentSort.AMOUNT, descending=True))
    assert newest.rows[0].purchase_id == bundle.purchase.id  # 300 € is the most


def test_bulk_mark_received_reports_one_approved_elsewhere(studio: Studio) -> None:
    ann = studio.client("Ann")
    one = studio.book(ann, studio.at(DAY, 10), method=PaymentMethod.BANK_TRANSFER)
    two = studio.book(ann, studio.at(DAY, 14), method=PaymentMethod.BANK_TRANSFER)
    bundle = buy_bundle_by_transfer(studio, ann)
    services = studio.services
    services.purchases.record_payment(studio.owner, two.purchase.id, PaymentMethod.CASH)

    outcome = services.payment_queue.mark_transfers_received(
        studio.desk, [one.purchase.id, two.purchase.id, bundle.purchase.id, one.purchase.id]
    )
    assert [pid for pid, _number in outcome.marked] == [one.purchase.id, bundle.purchase.id]
    assert all(number.startswith("R-") for _pid, number in outcome.marked)
    assert [pid for pid, _why in outcome.refused] == [two.purchase.id]
    assert "already recorded" in outcome.refused[0][1] and outcome.approved_elsewhere == 1
    booking = services.bookings.get(ann.principal, one.booking.id)
    assert booking.status is BookingStatus.CONFIRMED
    purchase = services.purchases.get(ann.principal, one.purchase.id)
    assert purchase.method is PaymentMethod.BANK_TRANSFER and purchase.receipt_number
    # the bundle bought by transfer can now be used
    redeemed = services.bundles.redeem(
        ann.principal, RedeemRequest(bundle.bundle_id, studio.podcast_setup, studio.at(DAY, 17))
    )
    assert redeemed.booking.status is BookingStatus.CONFIRMED
    assert services.payment_queue.count(studio.desk) == 0
    with pytest.raises(InvalidInput):
        services.payment_queue.mark_transfers_received(studio.desk, [])


def test_a_bundle_by_transfer_is_redeemable_only_after_approval(studio: Studio) -> None:
    ann = studio.client("Ann")
    bundle = buy_bundle_by_transfer(studio, ann)
    request = RedeemRequest(bundle.bundle_id, studio.podcast_setup, studio.at(DAY, 10))
    with pytest.raises(RuleViolation):
        studio.services.bundles.redeem(ann.principal, request)


def test_withdrawing_a_bundle_by_transfer(studio: Studio) -> None:
    ann = studio.client("Ann")
    bundle = buy_bundle_by_transfer(studio, ann)
    queue = studio.services.payment_queue
    with pytest.raises(InvalidInput):
        queue.withdraw(studio.desk, bundle.purchase.id, "   ")
    queue.withdraw(studio.desk, bundle.purchase.id, "No transfer after two weeks")
    purchase = studio.services.purchases.get(ann.principal, bundle.purchase.id)
    assert purchase.status is PurchaseStatus.VOID and purchase.receipt_number is None
    assert studio.services.bundles.get(ann.principal, bundle.bundle_id).sessions_remaining == 0
    with pytest.raises(Conflict):
        queue.withdraw(studio.desk, bundle.purchase.id, "again")
    outcome = queue.mark_transfers_received(studio.desk, [bundle.purchase.id])
    assert not outcome.marked and "withdrawn" in outcome.refused[0][1]
    # a session's payment is refused through its booking
    booked = studio.book(ann, studio.at(DAY, 10))
    with pytest.raises(InvalidInput):
        queue.withdraw(studio.desk, booked.purchase.id, "no")
