"""Promo codes: scope, validity, limits and the refusal messages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from podyx_desktop.domain.enums import PromoKind, PromoTarget
from podyx_desktop.domain.promo import (
    PromoRefusal,
    PromoRule,
    ScopeKey,
    check_promo,
    normalise_code,
    refusal_message,
)

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
SERVICE_1: ScopeKey = (PromoTarget.SERVICE, 1)
SERVICE_2: ScopeKey = (PromoTarget.SERVICE, 2)
SETUP_4: ScopeKey = (PromoTarget.SETUP, 4)
BUNDLE_9: ScopeKey = (PromoTarget.BUNDLE_PRODUCT, 9)
CART: list[frozenset[ScopeKey]] = [frozenset({SERVICE_1, SETUP_4}), frozenset({BUNDLE_9})]

RULE = PromoRule(
    code="SUMMER",
    kind=PromoKind.PERCENT,
    value=1500,
    valid_from=datetime(2026, 6, 1, tzinfo=UTC),
    valid_to=datetime(2026, 7, 1, tzinfo=UTC),
    max_uses=100,
    max_uses_per_client=1,
)


def _check(
    rule: PromoRule | None,
    *,
    now: datetime = NOW,
    line_scopes: Iterable[Iterable[ScopeKey]] = CART,
    uses_total: int = 0,
    uses_by_client: int = 0,
) -> PromoRefusal | None:
    return check_promo(
        rule, now=now, line_scopes=line_scopes, uses_total=uses_total, uses_by_client=uses_by_client
    )


def test_valid_code_is_accepted() -> None:
    assert _check(RULE) is None


def test_code_without_limits_or_dates_is_accepted() -> None:
    rule = PromoRule(code="ALWAYS", kind=PromoKind.FIXED, value=500)
    assert _check(rule, uses_total=10**6, uses_by_client=10**6) is None


def test_unknown_when_missing_or_inactive() -> None:
    assert _check(None) is PromoRefusal.UNKNOWN
    assert _check(replace(RULE, active=False)) is PromoRefusal.UNKNOWN


def test_not_yet_valid_before_valid_from() -> None:
    start = RULE.valid_from
    assert start is not None
    assert _check(RULE, now=start - timedelta(seconds=1)) is PromoRefusal.NOT_YET_VALID
    assert _check(RULE, now=start) is None  # valid from the first instant


def test_expired_at_valid_to_boundary() -> None:
    end = RULE.valid_to
    assert end is not None
    assert _check(RULE, now=end - timedelta(seconds=1)) is None
    assert _check(RULE, now=end) is PromoRefusal.EXPIRED  # valid_to is exclusive
    assert _check(RULE, now=end + timedelta(days=30)) is PromoRefusal.EXPIRED


def test_open_ended_validity() -> None:
    rule = replace(RULE, valid_from=None, valid_to=None)
    assert _check(rule, now=datetime(2000, 1, 1, tzinfo=UTC)) is None
    assert _check(rule, now=datetime(2100, 1, 1, tzinfo=UTC)) is None


def test_not_eligible_when_no_line_is_in_scope() -> None:
    rule = replace(RULE, targets=frozenset({SERVICE_2}))
    assert _check(rule) is PromoRefusal.NOT_ELIGIBLE
    assert _check(rule, line_scopes=[frozenset({SERVICE_2})]) is None
    assert _check(RULE, line_scopes=[]) is PromoRefusal.NOT_ELIGIBLE  # empty cart


def test_eligible_when_any_line_matches() -> None:
    rule = replace(RULE, targets=frozenset({(PromoTarget.SETUP, 4)}))
    assert _check(rule) is None
    wildcard = replace(RULE, targets=frozenset({(PromoTarget.BUNDLE_PRODUCT, None)}))
    assert _check(wildcard) is None
    # lines given as generators are fine
    assert _check(rule, line_scopes=(iter(scope) for scope in CART)) is None


def test_used_up_when_total_reaches_max_uses() -> None:
    assert _check(RULE, uses_total=99) is None
    assert _check(RULE, uses_total=100) is PromoRefusal.USED_UP
    assert _check(RULE, uses_total=101) is PromoRefusal.USED_UP


def test_already_used_by_this_client() -> None:
    assert _check(RULE, uses_by_client=1) is PromoRefusal.ALREADY_USED
    rule = replace(RULE, max_uses_per_client=3)
    assert _check(rule, uses_by_client=2) is None
    assert _check(rule, uses_by_client=3) is PromoRefusal.ALREADY_USED


def test_refusal_order() -> None:
    # several problems at once: the first in the documented order wins
    wrong = replace(RULE, targets=frozenset({SERVICE_2}))

    def worst(rule: PromoRule, now: datetime = NOW) -> PromoRefusal | None:
        return _check(rule, now=now, uses_total=500, uses_by_client=5)

    assert worst(replace(wrong, active=False)) is PromoRefusal.UNKNOWN
    assert worst(wrong, now=datetime(2026, 5, 1, tzinfo=UTC)) is PromoRefusal.NOT_YET_VALID
    assert worst(wrong, now=datetime(2026, 8, 1, tzinfo=UTC)) is PromoRefusal.EXPIRED
    assert worst(wrong) is PromoRefusal.NOT_ELIGIBLE
    assert worst(RULE) is PromoRefusal.USED_UP
    assert _check(RULE, uses_total=0, uses_by_client=5) is PromoRefusal.ALREADY_USED


def test_covers() -> None:
    everything = PromoRule(code="ALL", kind=PromoKind.PERCENT, value=100)
    assert everything.covers([])
    assert everything.covers([SERVICE_1])
    specific = replace(everything, targets=frozenset({SERVICE_1, (PromoTarget.SETUP, None)}))
    assert specific.covers([SERVICE_1])
    assert specific.covers([SERVICE_2, (PromoTarget.SETUP, 77)])
    assert not specific.covers([SERVICE_2])
    assert not specific.covers([BUNDLE_9])
    assert not specific.covers([])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("summer", "SUMMER"),
        ("  Summer10 \n", "SUMMER10"),
        ("ABC", "ABC"),
        ("\tx-y ", "X-Y"),
        ("", ""),
    ],
)
def test_normalise_code(raw: str, expected: str) -> None:
    assert normalise_code(raw) == expected


@pytest.mark.parametrize("reason", list(PromoRefusal))
def test_refusal_message_mentions_normalised_code(reason: PromoRefusal) -> None:
    message = refusal_message(reason, "  summer10 ")
    assert "“SUMMER10”" in message
    assert message.endswith(".")


def test_refusal_messages_are_distinct() -> None:
    messages = {refusal_message(reason, "X") for reason in PromoRefusal}
    assert len(messages) == len(PromoRefusal)
    assert "expired" in refusal_message(PromoRefusal.EXPIRED, "X")
    assert "already used" in refusal_message(PromoRefusal.ALREADY_USED, "X")
    assert "no promo code" in refusal_message(PromoRefusal.UNKNOWN, "X")
