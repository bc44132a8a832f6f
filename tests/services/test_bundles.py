"""Bundles: purchase, issue, redeem without payment, credit back, expiry, statements."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, RefundTo
from podyx_desktop.domain.errors import InvalidInput, NoCreditLeft, RuleViolation
from podyx_desktop.domain.requests import BundlePurchaseRequest, RedeemRequest
from tests.conftest import FakeClock
from tests.factories import Studio

DAY = date(2026, 6, 3)


def test_buy_redeem_and_credit_back(studio: Studio, clock: FakeClock) -> None:
    ann = studio.client()
    studio.services.purchases.add_store_credit(studio.owner, ann.account.id, 30000, "test")
    bought = studio.services.checkout.buy_bundle(
        ann.principal,
        BundlePurchaseRequest(
            studio.bundle_product, PaymentMethod.STORE_CREDIT, terms_accepted=True
        ),
    )
    assert bought.purchase is not None and bought.purchase.kind is PurchaseKind.BUNDLE
    bundles = studio.services.bundles
    bundle = bundles.get(ann.principal, bought.bundle_id)
    assert (bundle.state, bundle.sessions_remaining, bundle.expires_at) == (
        "active",
        3,
        clock.now + timedelta(days=90),
    )
    first = bundles.redeem(
        ann.principal, RedeemRequest(bundle.id, studio.podcast_setup, studio.at(DAY, 10))
    )
    assert first.purchase is None and first.booking.payment_method is PaymentMethod.BUNDLE_CREDIT
    assert first.booking.minutes == 120
    assert bundles.get(ann.principal, bundle.id).sessions_redeemed == 1
    studio.services.bookings.cancel(ann.principal, first.booking.id)
    assert bundles.get(ann.principal, bundle.id).sessions_remaining == 3
    late = bundles.redeem(
        ann.principal, RedeemRequest(bundle.id, studio.podcast_setup, studio.at(DAY, 14))
    )
    clock.now = studio.at(DAY, 14) - timedelta(hours=3)
    studio.services.bookings.cancel(
        studio.desk, late.booking.id, reason="late"
    )  # staff: credit kept by default
    assert bundles.get(ann.principal, bundle.id).sessions_remaining == 2
    kinds = [e.kind for e in bundles.ledger(ann.principal, bundle.id)]
    assert kinds == ["purchased", "redeemed", "credit_returned", "redeemed", "credit_kept"]
    statement = studio.services.reports.bundle_statement(ann.principal, bundle.id)
    assert (
        statement.purchase is not None
        and statement.purchase.receipt_number == bought.purchase.receipt_number
    )


def test_issue_requires_staff_and_reason_and_is_audited(studio: Studio) -> None:
    ann = studio.client()
    with pytest.raises(InvalidInput, match="reason"):
        studio.services.bundles.issue(studio.desk, ann.account.id, studio.bundle_product, "  ")
    issued = studio.services.bundles.issue(
        studio.desk, ann.account.id, studio.bundle_product, "loyalty", sessions=1
    )
    assert issued.sessions_total == 1 and issued.purchase_id is None
    entries = studio.services.audit.list_entries(studio.owner, entity="bundle", entity_id=issued.id)
    assert entries[0].action == "issue_bundle" and entries[0].reason == "loyalty"
    studio.services.bundles.redeem(
        ann.principal, RedeemRequest(issued.id, studio.roundtable_setup, studio.at(DAY, 10))
    )
    with pytest.raises(NoCreditLeft):
        studio.services.bundles.redeem(
            ann.principal, RedeemRequest(issued.id, studio.podcast_setup, studio.at(DAY, 14))
        )
    assert studio.services.bundles.get(ann.principal, issued.id).state == "used_up"


def test_expired_and_ineligible(studio: Studio, clock: FakeClock) -> None:
    ann = studio.client()
    issued = studio.services.bundles.issue(
        studio.desk, ann.account.id, studio.bundle_product, "gift"
    )
    with pytest.raises(InvalidInput, match="setup"):
        studio.services.bundles.redeem(
            ann.principal, RedeemRequest(issued.id, studio.video_setup, studio.at(DAY, 10))
        )
    clock.advance(days=91)
    assert studio.services.bundles.get(ann.principal, issued.id).state == "expired"
    with pytest.raises(RuleViolation, match="expired"):
        studio.services.bundles.redeem(
            ann.principal,
            RedeemRequest(issued.id, studio.podcast_setup, clock.now + timedelta(days=2)),
        )


def test_pay_later_bundle_waits_for_payment_and_refund_voids_sessions(studio: Studio) -> None:
    ann = studio.client()
    bought = studio.services.checkout.buy_bundle(
        ann.principal,
        BundlePurchaseRequest(studio.bundle_product, PaymentMethod.PAY_LATER, terms_accepted=True),
    )
    assert studio.services.bundles.get(ann.principal, bought.bundle_id).state == "awaiting_payment"
    with pytest.raises(RuleViolation, match="awaiting payment"):
        studio.services.bundles.redeem(
            ann.principal, RedeemRequest(bought.bundle_id, studio.podcast_setup, studio.at(DAY, 10))
        )
    assert bought.purchase is not None
    studio.services.purchases.record_payment(
        studio.desk, bought.purchase.id, PaymentMethod.CARD_AT_DESK
    )
    assert studio.services.bundles.get(ann.principal, bought.bundle_id).state == "active"
    credit = studio.services.purchases.refund(
        studio.owner, bought.purchase.id, RefundTo.STORE_CREDIT, "changed mind"
    )
    assert credit is not None and credit.gross_minor == -30000
    after = studio.services.bundles.get(ann.principal, bought.bundle_id)
    assert after.sessions_remaining == 0 and after.state == "refunded"
    assert studio.services.accounts.get(ann.principal).store_credit_minor == 30000
