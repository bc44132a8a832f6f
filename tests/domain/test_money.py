"""Money in integer minor units and the one rounding rule (half away from zero)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from math import floor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podyx_desktop.domain.money import Money, div_round_half_up, prorate_minutes


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (0, 5, 0),
        (4, 2, 2),
        (-4, 2, -2),
        (1, 3, 0),
        (2, 3, 1),
        (-1, 3, 0),
        (-2, 3, -1),
        # exact halves round away from zero
        (1, 2, 1),
        (-1, 2, -1),
        (3, 2, 2),
        (-3, 2, -2),
        (5, 2, 3),
        (-5, 2, -3),
        (7, 2, 4),
        (-7, 2, -4),
        (15, 10, 2),
        (-15, 10, -2),
        (25, 10, 3),
        (-25, 10, -3),
        # just below / above a half
        (149, 100, 1),
        (150, 100, 2),
        (-149, 100, -1),
        (-150, 100, -2),
        (151, 100, 2),
        (10_000 * 2000, 12_000, 1667),
    ],
)
def test_div_round_half_up_examples(numerator: int, denominator: int, expected: int) -> None:
    assert div_round_half_up(numerator, denominator) == expected


@pytest.mark.parametrize("denominator", [0, -1, -100])
def test_div_round_half_up_rejects_non_positive_denominator(denominator: int) -> None:
    with pytest.raises(ValueError):
        div_round_half_up(10, denominator)


def _reference_half_away_from_zero(numerator: int, denominator: int) -> int:
    exact = Fraction(numerator, denominator)
    magnitude = floor(abs(exact) + Fraction(1, 2))
    return -magnitude if exact < 0 else magnitude


@settings(max_examples=300, deadline=None)
@given(
    numerator=st.integers(min_value=-(10**12), max_value=10**12),
    denominator=st.integers(min_value=1, max_value=10**6),
)
def test_div_round_half_up_matches_exact_reference(numerator: int, denominator: int) -> None:
    result = div_round_half_up(numerator, denominator)
    assert result == _reference_half_away_from_zero(numerator, denominator)
    # symmetric around zero, and never more than half a unit off
    assert div_round_half_up(-numerator, denominator) == -result
    assert abs(Fraction(numerator, denominator) - result) <= Fraction(1, 2)


def test_money_arithmetic() -> None:
    a = Money(1250, "EUR")
    b = Money(-300, "EUR")
    assert a + b == Money(950, "EUR")
    assert a - b == Money(1550, "EUR")
    assert -a == Money(-1250, "EUR")
    assert a.times(3) == Money(3750, "EUR")
    assert a.times(0) == Money(0, "EUR")
    assert Money.zero("USD") == Money(0, "USD")
    assert Money(5) == Money(5, "EUR")  # EUR is the default currency


def test_money_results_keep_currency_and_are_int() -> None:
    total = Money(199, "CHF") + Money(1, "CHF")
    assert total.currency == "CHF"
    assert type(total.minor) is int


@pytest.mark.parametrize("op", ["add", "sub"])
def test_money_currency_mismatch_raises(op: str) -> None:
    eur = Money(100, "EUR")
    usd = Money(100, "USD")
    with pytest.raises(ValueError, match="cannot mix EUR and USD"):
        _ = eur + usd if op == "add" else eur - usd


@pytest.mark.parametrize("bad", [12.5, 12.0, True, False, "12", None])
def test_money_rejects_non_int_minor(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad, "EUR")  # type: ignore[arg-type]


def test_money_times_float_is_rejected() -> None:
    with pytest.raises(TypeError):
        Money(100, "EUR").times(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("currency", ["eur", "EU", "EURO", "", "Eur"])
def test_money_rejects_bad_currency(currency: str) -> None:
    with pytest.raises(ValueError):
        Money(1, currency)


def test_money_is_frozen() -> None:
    money = Money(1, "EUR")
    with pytest.raises(dataclasses.FrozenInstanceError):
        money.minor = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("money", "expected"),
    [
        (Money(1250, "EUR"), "EUR 12.50"),
        (Money(5, "EUR"), "EUR 0.05"),
        (Money(0, "USD"), "USD 0.00"),
        (Money(-1250, "EUR"), "-EUR 12.50"),
        (Money(-7, "GBP"), "-GBP 0.07"),
        (Money(123456789, "EUR"), "EUR 1234567.89"),
    ],
)
def test_money_format_plain(money: Money, expected: str) -> None:
    assert money.format_plain() == expected


@pytest.mark.parametrize(
    ("hourly", "minutes", "expected"),
    [
        (6000, 60, 6000),
        (5000, 90, 7500),
        (1000, 1, 17),  # 16.67 -> 17
        (30, 1, 1),  # exactly 0.5 -> 1
        (29, 1, 0),  # 0.48 -> 0
        (4999, 30, 2500),  # 2499.5 -> 2500
        (0, 120, 0),
    ],
)
def test_prorate_minutes(hourly: int, minutes: int, expected: int) -> None:
    assert prorate_minutes(hourly, minutes) == expected
