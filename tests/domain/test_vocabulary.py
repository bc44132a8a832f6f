"""The one vocabulary: every enum member has every form, money, dates and times read right in
the studio's zone across daylight saving, the hook translates, and importing it is cheap."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

import pytest

from podyx_desktop.domain import vocabulary as v
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseKind, PurchaseStatus

ROOT = Path(__file__).resolve().parents[2]

FORMS: list[tuple[type[StrEnum], v.Words]] = [
    (BookingStatus, v.BOOKING_STATUS),
    (BookingStatus, v.BOOKING_STATUS_LONG),
    (BookingStatus, v.BOOKING_STATUS_HINT),
    (PurchaseStatus, v.PURCHASE_STATUS),
    (PurchaseKind, v.PURCHASE_KIND),
    (PurchaseKind, v.PURCHASE_KIND_LONG),
    (PaymentMethod, v.PAYMENT_METHOD),
]


@pytest.fixture
def pseudo_translation() -> Iterator[None]:
    v.set_translator(lambda context, text: f"[{context}] {text}")
    try:
        yield
    finally:
        v.set_translator(None)


@pytest.mark.parametrize(("enum", "words"), FORMS, ids=lambda x: getattr(x, "context", ""))
def test_every_member_of_every_enum_has_a_word_in_every_form(
    enum: type[StrEnum], words: v.Words
) -> None:
    missing = [member for member in enum if member not in words]
    assert missing == []
    assert all(words.text(member) for member in enum)
    # nothing in a table that the enum no longer has
    assert set(words.sources) == {member.value for member in enum}


def test_the_function_for_each_form_reads_its_table() -> None:
    assert v.booking_status_text(BookingStatus.PENDING) == "Pending"
    assert v.booking_status_long_text(BookingStatus.PENDING) == "Pending — awaiting payment approval"
    assert v.booking_status_hint(BookingStatus.PENDING) == "Awaiting payment approval by the studio."
    assert v.purchase_kind_text(PurchaseKind.BOOKING) == "Session payment"
    assert v.purchase_kind_short_text(PurchaseKind.BOOKING) == "Session"
    assert v.purchase_status_text(PurchaseStatus.AWAITING_PAYMENT) == "Awaiting payment"
    assert v.payment_method_text(PaymentMethod.CASH) == "Cash at the front desk"
    assert v.payment_method_text(None) == ""
    assert PaymentMethod.BANK_TRANSFER.label == "Bank transfer"
    assert v.bundle_state_text("used_up") == "Used up"
    assert v.event_kind_text("no_show") == "No-show"
    assert v.event_kind_long_text("no_show") == "Marked as no-show"
    assert v.ledger_kind_text("purchased") == "Bought"
    assert v.ledger_kind_long_text("purchased") == "Bundle purchased"


def test_unknown_keys_are_made_readable_and_hints_stay_quiet() -> None:
    assert v.event_kind_text("engineer_swapped") == "Engineer swapped"
    assert v.event_kind_text("price_overridden") == "Price changed"
    assert v.ledger_kind_long_text("moved_") == "Moved"
    assert v.bundle_state_text("on_hold") == "On hold"
    assert v.booking_status_hint("archived") == ""


def test_one_hook_translates_every_word_and_duration(pseudo_translation: None) -> None:
    assert v.booking_status_text(BookingStatus.NO_SHOW) == "[BookingStatus] No-show"
    assert v.event_kind_long_text("paid") == "[BookingEventLong] Paid"
    assert v.duration_text(150) == "[Duration] 2 h 30 min"
    # stored text stays English, and an unknown key is not a source to translate
    assert PaymentMethod.CASH.label == "Cash at the front desk"
    assert v.event_kind_text("engineer_swapped") == "Engineer swapped"
    assert v.event_kind_text("price_overridden") == "[BookingEvent] Price changed"


def test_the_default_hook_is_english_again_after_reset() -> None:
    v.set_translator(lambda context, text: text.upper())
    v.set_translator(None)
    assert v.booking_status_text(BookingStatus.CONFIRMED) == "Confirmed"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("hr_HR", "1.234,56\xa0€"), ("en_IE", "€1,234.56"), ("de_DE", "1.234,56\xa0€"),
     ("ru_RU", "1\xa0234,56\xa0€"), (None, "€1,234.56"), ("sr-Latn-RS", "1.234,56\xa0€")],
)  # fmt: skip
def test_money_in_minor_units_per_locale(locale: str | None, expected: str) -> None:
    assert v.money_text(123456, "EUR", locale) == expected


def test_money_follows_the_currency_digits() -> None:
    assert v.money_text(1235, "JPY", "en") == "¥1,235"
    assert v.money_text(-5, "EUR", "en") == "-€0.05"
    assert v.money_text(1000, "KWD", "en") == "KWD1.000"  # three minor digits


def test_dates_and_times_in_the_studio_zone_across_spring_forward() -> None:
    assert v.date_time_text(datetime(2025, 3, 29, 23, 30, tzinfo=UTC), "Europe/Zagreb", "en_GB") == (
        "30 Mar 2025, 00:30"
    )
    assert v.date_time_text(datetime(2025, 3, 30, 1, 30, tzinfo=UTC), "Europe/Zagreb", "en_GB") == (
        "30 Mar 2025, 03:30"
    )
    assert v.date_text(datetime(2025, 12, 31, 23, 30, tzinfo=UTC), "Europe/Berlin", "en_GB") == (
        "1 Jan 2026"
    )
    assert v.date_text(date(2026, 6, 2), "UTC", "en_GB", v.WEEKDAY_DATE) == "Tue, 2 Jun 2026"
    assert v.date_text(date(2026, 6, 2), "UTC", "en_GB", v.LONG_DATE) == "Tuesday, 2 June 2026"
    # a naive datetime is taken as UTC
    assert v.time_text(datetime(2026, 6, 3, 8, 0), "Europe/Berlin", "en_GB") == "10:00"


def test_the_hour_that_happens_twice_is_marked_with_its_offset() -> None:
    first = datetime(2025, 10, 26, 0, 30, tzinfo=UTC)  # 02:30 CEST
    second = datetime(2025, 10, 26, 1, 30, tzinfo=UTC)  # 02:30 CET, an hour later
    assert v.time_text(first, "Europe/Berlin", "en_GB") == "02:30 (UTC+02:00)"
    assert v.time_text(second, "Europe/Berlin", "en_GB") == "02:30 (UTC+01:00)"
    assert v.time_text(datetime(2025, 10, 26, 2, 30, tzinfo=UTC), "Europe/Berlin", "en_GB") == (
        "03:30"
    )
    # the skipped hour in spring is not "repeated"
    spring = datetime(2025, 3, 30, 2, 30, tzinfo=UTC).astimezone(v.parse_zone("Europe/Berlin"))
    assert not v.is_repeated_hour(spring)


def test_time_ranges_name_the_second_day_and_the_weekday() -> None:
    start = datetime(2025, 1, 10, 21, 0, tzinfo=UTC)
    end = datetime(2025, 1, 10, 23, 30, tzinfo=UTC)
    assert v.time_range_text(start, end, "Europe/Zagreb", "en_GB") == (
        "22:00 – 11 Jan 2025, 00:30"
    )
    summer = datetime(2026, 6, 3, 8, 0, tzinfo=UTC)
    later = datetime(2026, 6, 3, 10, 0, tzinfo=UTC)
    assert v.day_time_range_text(summer, later, "Europe/Berlin", "en_GB") == (
        "Wed, 3 Jun 2026, 10:00 – 12:00"
    )


def test_durations() -> None:
    assert [v.duration_text(m) for m in (45, 60, 90, 150)] == [
        "45 min", "1 h", "1 h 30 min", "2 h 30 min",
    ]  # fmt: skip


def test_unknown_locale_and_zone_fall_back_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="podyx_desktop.domain.vocabulary")
    assert str(v.parse_locale("zz_VOCAB")) == "en"
    assert v.parse_zone("Moon/Tranquility").key == "UTC"
    assert "Unknown locale" in caplog.text
    assert "Unknown time zone" in caplog.text


PROBE = """
import sys
import podyx_desktop.domain.vocabulary
import podyx_desktop.domain.enums
print(sorted(name for name in ("babel", "PySide6", "sqlalchemy") if name in sys.modules))
"""


def test_importing_the_vocabulary_loads_neither_babel_nor_qt() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
