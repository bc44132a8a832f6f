"""Locale formats: money in minor units, dates in the studio zone, sizes, fallbacks."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from podyx_desktop.documents.formatting import Formatter, parse_locale, parse_zone
from podyx_desktop.documents.samples import studio
from podyx_desktop.models.display import DisplayFormat


def make(locale: str = "hr_HR", currency: str = "EUR", zone: str = "Europe/Zagreb") -> Formatter:
    return Formatter(parse_locale(locale), currency, parse_zone(zone))


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("hr_HR", "1.234,56\xa0€"), ("en_IE", "€1,234.56"), ("de_DE", "1.234,56\xa0€"),
     ("el_GR", "1.234,56\xa0€"), ("ru_RU", "1\xa0234,56\xa0€")],
)
def test_money_per_locale(locale: str, expected: str) -> None:
    assert make(locale).money(123456) == expected


def test_money_respects_currency_digits() -> None:
    assert make("en", "JPY").money(1235) == "¥1,235"
    assert make("en", "EUR").money(-5) == "-€0.05"


def test_times_are_converted_to_the_studio_zone_across_daylight_saving() -> None:
    fmt = make("en_GB")
    assert fmt.date_time(datetime(2025, 3, 29, 23, 30, tzinfo=UTC)) == "30 Mar 2025, 00:30"
    assert fmt.date_time(datetime(2025, 3, 30, 1, 30, tzinfo=UTC)) == "30 Mar 2025, 03:30"
    assert fmt.date(datetime(2025, 12, 31, 23, 30, tzinfo=UTC)) == "1 Jan 2026"


def test_time_range_over_midnight_names_the_second_day() -> None:
    fmt = make("en_GB")
    start = datetime(2025, 1, 10, 21, 0, tzinfo=UTC)
    end = datetime(2025, 1, 10, 23, 30, tzinfo=UTC)
    assert fmt.time_range(start, end) == "22:00 – 11 Jan 2025, 00:30"


def test_sizes_and_durations() -> None:
    fmt = make("en")
    assert fmt.size(12) == "12 B"
    assert fmt.size(1536) == "1.5 KB"
    assert fmt.size(245_366_784) == "234 MB"
    assert make("hr_HR").size(1536) == "1,5 KB"
    assert fmt.duration(90) == "1 h 30 min"
    assert fmt.duration(120) == "2 h"
    assert fmt.duration(45) == "45 min"


def test_unknown_locale_and_zone_fall_back_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="podyx_desktop.documents")
    assert str(parse_locale("xx_NOPE")) == "en"
    assert parse_zone("Mars/Olympus_Mons").key == "UTC"
    assert "Unknown locale" in caplog.text
    assert "Unknown time zone" in caplog.text


def test_formatter_for_studio_prefers_the_override() -> None:
    info = studio(locale="hr_HR")
    assert str(Formatter.for_studio(info).locale) == "hr_HR"
    assert str(Formatter.for_studio(info, "sr-Latn-RS").locale) == "sr_Latn_RS"
    assert Formatter.for_studio(info).country("DE") == "Njemačka"


def test_documents_mark_the_repeated_hour_as_the_screens_do() -> None:
    # one rule for every reader: the vocabulary's, so a receipt and the table agree
    fmt = make("en_GB", zone="Europe/Berlin")
    screen = DisplayFormat("Europe/Berlin", "en_GB", "EUR")
    first = datetime(2025, 10, 26, 0, 30, tzinfo=UTC)
    second = datetime(2025, 10, 26, 1, 30, tzinfo=UTC)
    assert fmt.time(first) == screen.time(first) == "02:30 (UTC+02:00)"
    assert fmt.date_time(second) == screen.date_time(second) == "26 Oct 2025, 02:30 (UTC+01:00)"
