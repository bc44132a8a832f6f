"""The desk redeems a client's bundle on their behalf (bundle credit as the payment of a
desk booking): staff may go outside the rules with a reason, audited; a client may not;
the bundle that expires first pays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.errors import InvalidInput, NotAllowed, RuleViolation
from podyx_desktop.domain.requests import AddonChoice, RedeemRequest, SessionCart
from podyx_desktop.operations.base import execute
from podyx_desktop.operations.desk_booking import BookOnBehalf
from tests.conftest import FakeClock
from tests.factories import Studio

DAY = date(2026, 6, 3)


def test_staff_redeem_outside_opening_hours_needs_a_reason_and_is_audited(
    studio: Studio,
) -> None:
    ann = studio.client()
    bundle = studio.services.bundles.issue(
        studio.owner, ann.account.id, studio.bundle_product, "gift"
    )
    early = studio.at(DAY, 7)  # the studio opens at 09:00
    request = RedeemRequest(bundle.id, studio.podcast_setup, early)
    with pytest.raises(RuleViolation):
        studio.services.bundles.redeem(studio.desk, request)
    with pytest.raises(InvalidInput, match="Say why"):
        studio.services.bundles.redeem(studio.desk, RedeemRequest(
            bundle.id, studio.podcast_setup, early, bypass_rules=True, bypass_reason="  "
        ))  # fmt: skip
    result = studio.services.bundles.redeem(studio.desk, RedeemRequest(
        bundle.id, studio.podcast_setup, early, bypass_rules=True, bypass_reason="band's flight"
    ))  # fmt: skip
    assert result.booking.starts_at == early and result.booking.bundle_id == bundle.id
    assert studio.services.bundles.get(ann.principal, bundle.id).sessions_remaining == 2
    entries = studio.services.audit.list_entries(
        studio.owner, entity="booking", entity_id=result.booking.id
    )
    assert [(e.action, e.reason) for e in entries] == [("bypass_rules", "band's flight")]


def test_a_client_cannot_redeem_outside_the_rules(studio: Studio) -> None:
    ann = studio.client()
    bundle = studio.services.bundles.issue(
        studio.owner, ann.account.id, studio.bundle_product, "gift"
    )
    with pytest.raises(NotAllowed):
        studio.services.bundles.redeem(ann.principal, RedeemRequest(
            bundle.id, studio.podcast_setup, studio.at(DAY, 7), bypass_rules=True,
            bypass_reason="I want to",
        ))  # fmt: skip
    assert studio.services.bundles.get(ann.principal, bundle.id).sessions_remaining == 3


def test_the_desk_booking_uses_the_bundle_that_expires_first(
    studio: Studio, clock: FakeClock
) -> None:
    ann = studio.client()
    bundles = studio.services.bundles
    keeps = bundles.issue(studio.owner, ann.account.id, studio.bundle_product, "first")
    clock.now -= timedelta(days=30)  # issued a month ago: expires a month sooner
    lapses = bundles.issue(studio.owner, ann.account.id, studio.bundle_product, "older")
    clock.now += timedelta(days=30)
    booking = BookOnBehalf(
        ann.account.id,
        SessionCart(studio.podcast_setup, studio.podcast, 120),
        studio.at(DAY, 10),
        PaymentMethod.BUNDLE_CREDIT,
    )
    result = execute(studio.services, studio.desk, booking).value
    assert result.booking.bundle_id == lapses.id and result.purchase is None
    assert bundles.get(ann.principal, lapses.id).sessions_remaining == 2
    assert bundles.get(ann.principal, keeps.id).sessions_remaining == 3


def test_bundle_credit_with_add_ons_is_refused_and_nothing_is_booked(studio: Studio) -> None:
    ann = studio.client()
    bundle = studio.services.bundles.issue(
        studio.owner, ann.account.id, studio.bundle_product, "gift"
    )
    booking = BookOnBehalf(
        ann.account.id,
        SessionCart(studio.podcast_setup, studio.podcast, 120, (AddonChoice(studio.extra_mic, 1),)),
        studio.at(DAY, 10),
        PaymentMethod.BUNDLE_CREDIT,
    )
    with pytest.raises(InvalidInput, match="pays for the session only"):
        execute(studio.services, studio.desk, booking)
    assert studio.services.bundles.get(ann.principal, bundle.id).sessions_remaining == 3
