"""Worked examples of the pricing rule (list amount, promo, VAT per line, sums)."""

from __future__ import annotations

import pytest

from podyx_desktop.domain.enums import LineKind, PromoKind, PromoTarget
from podyx_desktop.domain.pricing import (
    CartItem,
    PricedLine,
    PriceSummary,
    VatTotal,
    format_rate,
    price_cart,
    vat_of_line,
)
from podyx_desktop.domain.promo import PromoRule

SERVICE_7 = (PromoTarget.SERVICE, 7)
SERVICE_8 = (PromoTarget.SERVICE, 8)
SETUP_3 = (PromoTarget.SETUP, 3)
BUNDLE_5 = (PromoTarget.BUNDLE_PRODUCT, 5)


def _cart() -> list[CartItem]:
    """Two hours of a 20 % service, a 7 % add-on at 19.99 and a 20 % bundle at 30.00."""
    return [
        CartItem(
            LineKind.SERVICE, 7, "Vocal booth, 1 h", 2, 5000, 2000, frozenset({SERVICE_7, SETUP_3})
        ),
        CartItem(LineKind.ADDON, 11, "Tea", 1, 1999, 700, frozenset({SERVICE_7})),
        CartItem(LineKind.BUNDLE, 5, "10 h bundle", 1, 3000, 2000, frozenset({BUNDLE_5})),
    ]


def _amounts(line: PricedLine) -> tuple[int, int, int, int, int]:
    return (line.list_minor, line.discount_minor, line.net_minor, line.vat_minor, line.gross_minor)


def _totals(summary: PriceSummary) -> tuple[int, int, int, int]:
    return (summary.discount_minor, summary.net_minor, summary.vat_minor, summary.gross_minor)


# --- vat_of_line -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "rate", "inclusive", "expected"),
    [
        (12000, 2000, True, (10000, 2000, 12000)),
        (10000, 2000, True, (8333, 1667, 10000)),  # 1666.67 -> 1667
        (1999, 700, True, (1868, 131, 1999)),  # 130.78 -> 131
        (1070, 700, True, (1000, 70, 1070)),
        (105, 500, True, (100, 5, 105)),
        (21, 500, True, (20, 1, 21)),  # exactly 1.0
        (0, 2000, True, (0, 0, 0)),
        (999, 0, True, (999, 0, 999)),
        (10000, 2000, False, (10000, 2000, 12000)),
        (1999, 700, False, (1999, 140, 2139)),  # 139.93 -> 140
        (50, 700, False, (50, 4, 54)),  # exactly 3.5 -> 4
        (10, 500, False, (10, 1, 11)),  # exactly 0.5 -> 1
        (9, 500, False, (9, 0, 9)),  # 0.45 -> 0
        (0, 2500, False, (0, 0, 0)),
        (999, 0, False, (999, 0, 999)),
    ],
)
def test_vat_of_line(
    amount: int, rate: int, inclusive: bool, expected: tuple[int, int, int]
) -> None:
    net, vat, gross = vat_of_line(amount, rate, inclusive)
    assert (net, vat, gross) == expected
    assert net + vat == gross


# --- no promo ---------------------------------------------------------------------------


def test_vat_inclusive_prices_two_rates() -> None:
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=True)
    assert summary.currency == "EUR"
    assert summary.prices_include_vat is True
    assert summary.promo_code is None
    assert [_amounts(line) for line in summary.lines] == [
        (10000, 0, 8333, 1667, 10000),
        (1999, 0, 1868, 131, 1999),
        (3000, 0, 2500, 500, 3000),
    ]
    assert summary.vat == (
        VatTotal(rate_bp=700, net_minor=1868, vat_minor=131, gross_minor=1999),
        VatTotal(rate_bp=2000, net_minor=10833, vat_minor=2167, gross_minor=13000),
    )
    assert _totals(summary) == (0, 12701, 2298, 14999)


def test_vat_exclusive_prices_two_rates() -> None:
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=False)
    assert summary.prices_include_vat is False
    assert [_amounts(line) for line in summary.lines] == [
        (10000, 0, 10000, 2000, 12000),
        (1999, 0, 1999, 140, 2139),
        (3000, 0, 3000, 600, 3600),
    ]
    assert summary.vat == (
        VatTotal(700, 1999, 140, 2139),
        VatTotal(2000, 13000, 2600, 15600),
    )
    assert _totals(summary) == (0, 14999, 2740, 17739)


def test_vat_rounded_per_line_not_per_rate() -> None:
    # Three lines of 0.10 at 5 %: 0.5 cent each rounds up to 1 per line = 3,
    # not round(1.5) = 2 on the rate total.
    items = [CartItem(LineKind.ADDON, i, "Pick", 1, 10, 500) for i in range(3)]
    summary = price_cart(items, currency="EUR", prices_include_vat=False)
    assert [line.vat_minor for line in summary.lines] == [1, 1, 1]
    assert summary.vat == (VatTotal(500, 30, 3, 33),)
    assert summary.vat_minor == 3


def test_lines_keep_item_details() -> None:
    summary = price_cart(_cart(), currency="USD", prices_include_vat=True)
    first = summary.lines[0]
    assert first.kind is LineKind.SERVICE
    assert first.ref_id == 7
    assert first.description == "Vocal booth, 1 h"
    assert first.quantity == 2
    assert first.unit_price_minor == 5000
    assert first.vat_rate_bp == 2000
    assert summary.currency == "USD"


def test_empty_cart() -> None:
    summary = price_cart([], currency="EUR", prices_include_vat=True)
    assert summary.lines == ()
    assert summary.vat == ()
    assert _totals(summary) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    "item",
    [
        CartItem(LineKind.SERVICE, 1, "x", 0, 100, 2000),
        CartItem(LineKind.SERVICE, 1, "x", -1, 100, 2000),
        CartItem(LineKind.SERVICE, 1, "x", 1, -1, 2000),
        CartItem(LineKind.SERVICE, 1, "x", 1, 100, -1),
    ],
)
def test_invalid_items_are_refused(item: CartItem) -> None:
    with pytest.raises(ValueError):
        price_cart([item], currency="EUR", prices_include_vat=True)


# --- percent promo ----------------------------------------------------------------------


def test_percent_promo_inclusive() -> None:
    promo = PromoRule(code="SPRING10", kind=PromoKind.PERCENT, value=1000)
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=True, promo=promo)
    assert summary.promo_code == "SPRING10"
    assert [_amounts(line) for line in summary.lines] == [
        (10000, 1000, 7500, 1500, 9000),
        (1999, 200, 1681, 118, 1799),  # 199.9 -> 200; VAT 117.69 -> 118
        (3000, 300, 2250, 450, 2700),
    ]
    assert summary.vat == (VatTotal(700, 1681, 118, 1799), VatTotal(2000, 9750, 1950, 11700))
    assert _totals(summary) == (1500, 11431, 2068, 13499)


def test_percent_promo_exclusive() -> None:
    promo = PromoRule(code="SPRING10", kind=PromoKind.PERCENT, value=1000)
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=False, promo=promo)
    assert [_amounts(line) for line in summary.lines] == [
        (10000, 1000, 9000, 1800, 10800),
        (1999, 200, 1799, 126, 1925),  # VAT 125.93 -> 126
        (3000, 300, 2700, 540, 3240),
    ]
    assert summary.vat == (VatTotal(700, 1799, 126, 1925), VatTotal(2000, 11700, 2340, 14040))
    assert _totals(summary) == (1500, 13499, 2466, 15965)


def test_percent_discount_rounds_half_up_per_line() -> None:
    promo = PromoRule(code="HALF", kind=PromoKind.PERCENT, value=1000)
    items = [
        CartItem(LineKind.ADDON, 1, "a", 1, 5, 0),  # 0.5 -> 1
        CartItem(LineKind.ADDON, 2, "b", 1, 4, 0),  # 0.4 -> 0
        CartItem(LineKind.ADDON, 3, "c", 1, 15, 0),  # 1.5 -> 2
    ]
    summary = price_cart(items, currency="EUR", prices_include_vat=True, promo=promo)
    assert [line.discount_minor for line in summary.lines] == [1, 0, 2]
    assert summary.discount_minor == 3


@pytest.mark.parametrize(("value", "expected"), [(10_000, 1000), (25_000, 1000), (-500, 0)])
def test_percent_promo_is_clamped_to_0_to_100_percent(value: int, expected: int) -> None:
    promo = PromoRule(code="X", kind=PromoKind.PERCENT, value=value)
    items = [CartItem(LineKind.SERVICE, 1, "s", 1, 1000, 2000)]
    summary = price_cart(items, currency="EUR", prices_include_vat=True, promo=promo)
    assert summary.discount_minor == expected
    assert summary.lines[0].gross_minor == 1000 - expected
    assert summary.gross_minor >= 0


def test_promo_with_no_effect_is_not_recorded() -> None:
    promo = PromoRule(code="ZERO", kind=PromoKind.PERCENT, value=0)
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=True, promo=promo)
    assert summary.discount_minor == 0
    assert summary.promo_code is None


# --- fixed promo ------------------------------------------------------------------------


def test_fixed_promo_split_by_largest_remainder() -> None:
    # 10.00 over 100.00 / 19.99 / 30.00 (total 149.99): exact shares 666.71 / 133.28 /
    # 200.01; floors add to 999, the one missing cent goes to the largest remainder.
    promo = PromoRule(code="TENOFF", kind=PromoKind.FIXED, value=1000)
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=True, promo=promo)
    assert [line.discount_minor for line in summary.lines] == [667, 133, 200]
    assert summary.discount_minor == 1000
    assert summary.promo_code == "TENOFF"
    assert [_amounts(line) for line in summary.lines] == [
        (10000, 667, 7777, 1556, 9333),  # VAT 9333 × 2000 / 12000 = 1555.5 -> 1556
        (1999, 133, 1744, 122, 1866),
        (3000, 200, 2333, 467, 2800),
    ]
    assert summary.vat == (VatTotal(700, 1744, 122, 1866), VatTotal(2000, 10110, 2023, 12133))
    assert _totals(summary) == (1000, 11854, 2145, 13999)


def test_fixed_promo_ties_go_to_earlier_lines() -> None:
    promo = PromoRule(code="ONE", kind=PromoKind.FIXED, value=100)
    items = [CartItem(LineKind.ADDON, i, "x", 1, 1000, 0) for i in range(3)]
    summary = price_cart(items, currency="EUR", prices_include_vat=True, promo=promo)
    assert [line.discount_minor for line in summary.lines] == [34, 33, 33]
    assert summary.gross_minor == 2900


def test_fixed_promo_larger_than_cart_is_capped() -> None:
    promo = PromoRule(code="BIG", kind=PromoKind.FIXED, value=1_000_000)
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=False, promo=promo)
    assert [line.discount_minor for line in summary.lines] == [10000, 1999, 3000]
    assert summary.discount_minor == 14999
    assert _totals(summary) == (14999, 0, 0, 0)
    assert all(line.gross_minor == 0 for line in summary.lines)


def test_fixed_promo_skips_free_lines() -> None:
    promo = PromoRule(code="FIVE", kind=PromoKind.FIXED, value=500)
    items = [
        CartItem(LineKind.ADDON, 1, "free", 1, 0, 2000),
        CartItem(LineKind.SERVICE, 2, "paid", 1, 1000, 2000),
    ]
    summary = price_cart(items, currency="EUR", prices_include_vat=True, promo=promo)
    assert [line.discount_minor for line in summary.lines] == [0, 500]


@pytest.mark.parametrize("value", [0, -100])
def test_fixed_promo_of_nothing(value: int) -> None:
    promo = PromoRule(code="NIL", kind=PromoKind.FIXED, value=value)
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=True, promo=promo)
    assert summary.discount_minor == 0
    assert summary.promo_code is None


def test_fixed_promo_sum_equals_min_of_value_and_eligible_total() -> None:
    items = [
        CartItem(LineKind.SERVICE, 1, "a", 3, 3333, 2000),
        CartItem(LineKind.SERVICE, 2, "b", 1, 1, 700),
        CartItem(LineKind.SERVICE, 3, "c", 2, 777, 0),
    ]
    eligible = 3 * 3333 + 1 + 2 * 777
    for value in (1, 2, 3, 99, 1001, eligible - 1, eligible, eligible + 1, 10**6):
        promo = PromoRule(code="F", kind=PromoKind.FIXED, value=value)
        summary = price_cart(items, currency="EUR", prices_include_vat=True, promo=promo)
        discounts = [line.discount_minor for line in summary.lines]
        assert sum(discounts) == min(value, eligible)
        assert all(
            0 <= d <= line.list_minor for d, line in zip(discounts, summary.lines, strict=True)
        )


# --- scope ------------------------------------------------------------------------------


def test_promo_scoped_to_one_service_discounts_only_that_line() -> None:
    items = [
        CartItem(LineKind.SERVICE, 7, "Mixing", 1, 8000, 2000, frozenset({SERVICE_7, SETUP_3})),
        CartItem(LineKind.SERVICE, 8, "Mastering", 1, 6000, 2000, frozenset({SERVICE_8})),
        CartItem(LineKind.BUNDLE, 5, "Bundle", 1, 5000, 2000, frozenset({BUNDLE_5})),
    ]
    percent = PromoRule(
        code="MIX25", kind=PromoKind.PERCENT, value=2500, targets=frozenset({SERVICE_7})
    )
    summary = price_cart(items, currency="EUR", prices_include_vat=True, promo=percent)
    assert [line.discount_minor for line in summary.lines] == [2000, 0, 0]
    assert [line.gross_minor for line in summary.lines] == [6000, 6000, 5000]
    assert summary.promo_code == "MIX25"

    fixed = PromoRule(
        code="MIX30", kind=PromoKind.FIXED, value=3000, targets=frozenset({SERVICE_7})
    )
    summary = price_cart(items, currency="EUR", prices_include_vat=False, promo=fixed)
    assert [line.discount_minor for line in summary.lines] == [3000, 0, 0]
    assert [line.net_minor for line in summary.lines] == [5000, 6000, 5000]


def test_addon_carrying_service_scope_is_discounted_with_its_session() -> None:
    items = [
        CartItem(LineKind.SERVICE, 7, "Session", 1, 10000, 2000, frozenset({SERVICE_7})),
        CartItem(LineKind.ADDON, 1, "Add-on of 7", 1, 1000, 2000, frozenset({SERVICE_7})),
        CartItem(LineKind.ADDON, 2, "Add-on of 8", 1, 1000, 2000, frozenset({SERVICE_8})),
    ]
    promo = PromoRule(code="S7", kind=PromoKind.PERCENT, value=1000, targets=frozenset({SERVICE_7}))
    summary = price_cart(items, currency="EUR", prices_include_vat=True, promo=promo)
    assert [line.discount_minor for line in summary.lines] == [1000, 100, 0]


def test_wildcard_target_covers_every_one_of_that_kind() -> None:
    items = [
        CartItem(LineKind.SERVICE, 7, "a", 1, 1000, 0, frozenset({SERVICE_7})),
        CartItem(LineKind.SERVICE, 8, "b", 1, 1000, 0, frozenset({SERVICE_8})),
        CartItem(LineKind.BUNDLE, 5, "c", 1, 1000, 0, frozenset({BUNDLE_5})),
        CartItem(LineKind.ADDON, 9, "unscoped", 1, 1000, 0),
    ]
    promo = PromoRule(
        code="ALLSVC",
        kind=PromoKind.PERCENT,
        value=5000,
        targets=frozenset({(PromoTarget.SERVICE, None)}),
    )
    summary = price_cart(items, currency="EUR", prices_include_vat=True, promo=promo)
    assert [line.discount_minor for line in summary.lines] == [500, 500, 0, 0]


def test_promo_scoped_to_something_absent_discounts_nothing() -> None:
    promo = PromoRule(
        code="NOPE", kind=PromoKind.FIXED, value=500, targets=frozenset({(PromoTarget.SETUP, 99)})
    )
    summary = price_cart(_cart(), currency="EUR", prices_include_vat=True, promo=promo)
    assert summary.discount_minor == 0
    assert summary.promo_code is None


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        (2000, "20%"),
        (950, "9.5%"),
        (725, "7.25%"),
        (700, "7%"),
        (0, "0%"),
        (5, "0.05%"),
        (10, "0.1%"),
    ],
)
def test_format_rate(rate: int, expected: str) -> None:
    assert format_rate(rate) == expected
