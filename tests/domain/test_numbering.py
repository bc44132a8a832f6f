"""Receipt and credit-note number formats."""

from __future__ import annotations

import pytest

from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.numbering import SeriesFormat


def test_default_format_with_year() -> None:
    series = SeriesFormat("R-")
    assert series.format(2026, 42) == "R-2026-00042"
    assert series.format(2026, 1) == "R-2026-00001"
    assert series.format(2027, 99999) == "R-2027-99999"


def test_values_wider_than_min_digits_are_not_truncated() -> None:
    assert SeriesFormat("R-").format(2026, 123456) == "R-2026-123456"


@pytest.mark.parametrize(
    ("digits", "expected"),
    [(1, "CN-2026-7"), (3, "CN-2026-007"), (8, "CN-2026-00000007"), (12, "CN-2026-000000000007")],
)
def test_min_digits(digits: int, expected: str) -> None:
    assert SeriesFormat("CN-", min_digits=digits).format(2026, 7) == expected


def test_without_year() -> None:
    series = SeriesFormat("INV", include_year=False, yearly_reset=False, min_digits=6)
    assert series.format(2026, 42) == "INV000042"
    assert series.format(2030, 42) == "INV000042"


def test_year_without_yearly_reset() -> None:
    series = SeriesFormat("R/", include_year=True, yearly_reset=False, min_digits=4)
    assert series.format(2026, 1234) == "R/2026-1234"


def test_empty_prefix() -> None:
    assert SeriesFormat("").format(2026, 3) == "2026-00003"


def test_counter_key() -> None:
    yearly = SeriesFormat("R-")
    assert yearly.counter_key(2026) == 2026
    assert yearly.counter_key(2027) == 2027
    forever = SeriesFormat("R-", yearly_reset=False)
    assert forever.counter_key(2026) == 0
    assert forever.counter_key(2027) == 0
    assert SeriesFormat("R-", include_year=False, yearly_reset=False).counter_key(2026) == 0


@pytest.mark.parametrize("digits", [0, -1, 13, 100])
def test_invalid_min_digits(digits: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        SeriesFormat("R-", min_digits=digits)
    assert raised.value.field == "min_digits"


@pytest.mark.parametrize("prefix", ["R -", " R", "R\t", "R\n", "X" * 21])
def test_invalid_prefix(prefix: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        SeriesFormat(prefix)
    assert raised.value.field == "prefix"


def test_prefix_of_twenty_characters_is_fine() -> None:
    assert SeriesFormat("X" * 20).format(2026, 1) == "X" * 20 + "2026-00001"


def test_yearly_reset_needs_the_year() -> None:
    with pytest.raises(InvalidInput) as raised:
        SeriesFormat("R-", include_year=False, yearly_reset=True)
    assert raised.value.field == "include_year"
    assert "year" in raised.value.message
