"""The session summary: where and when (studio time), history, client notes only, files, payments."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from podyx_desktop.documents import render_session_summary, samples
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.records import BookingEvent

from .pdfcheck import Pdf, eur_hr, normalise


def test_summary_shows_the_session_in_studio_time() -> None:
    summary = samples.session_summary()
    text = Pdf(render_session_summary(summary)).text
    assert "Session summary" in text
    assert "Booking 101 · Đorđe Šćepanović" in text
    assert "Studio Zvuk & Slika Studio" in text
    assert "Room and setup Studio A — 2-person podcast" in text
    assert "Date srijeda, 12. ožujka 2025." in text
    assert "Time 14:00 – 16:00 (2 h, Europe/Zagreb time)" in text  # 13:00 UTC in CET
    assert "Service Podcast recording" in text
    assert "Engineer (per hour) × 2 (25,00 € each)" in text
    assert "Extra microphone × 1 (9,99 € each)" in text
    assert "Status Rescheduled — confirmed at a new time" in text
    assert f"Price {eur_hr(summary.booking.price_minor)}" in text
    assert "Payment Card at the front desk" in text
    assert "Receipt R-2025-00041" in text


def test_summary_shows_the_reschedule_and_the_original_time() -> None:
    text = Pdf(render_session_summary(samples.session_summary())).text
    assert "Originally booked for 10. ožu 2025. 10:00" in text
    assert "Rescheduled from 10. ožu 2025. 10:00 to 12. ožu 2025. 14:00" in text
    assert "Booked" in text
    assert "Confirmed: Paid by card at the front desk" in text


def test_summary_shows_client_notes_and_never_internal_ones(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="podyx_desktop.documents")
    summary = samples.session_summary(include_internal=True)
    assert any(note.internal for note in summary.notes)
    text = Pdf(render_session_summary(summary)).text
    assert samples.CLIENT_NOTE in text
    assert "Marko (engineer) · 12. ožu 2025. 17:05" in text
    assert samples.INTERNAL_NOTE not in text
    assert "do not offer" not in text
    assert "Ana (front desk) · 12. ožu 2025. 17:30" not in text
    assert "Internal notes were passed" in caplog.text


def test_summary_lists_shared_files() -> None:
    text = Pdf(render_session_summary(samples.session_summary())).text
    assert "episode-12-final-mix.wav audio/wav 234 MB 9f86d081884c 13. ožu 2025." in text
    assert "9f86d081884c7d65" not in text  # only the start of the checksum
    assert "Šćepanović — reel (1080p).mp4" in text
    assert "Link: https://files.example/reel" in text


def test_summary_lists_payments_and_receipts() -> None:
    summary = samples.session_summary()
    credit = samples.credit_note(summary.purchases[0])
    text = Pdf(render_session_summary(replace(summary,
                                              purchases=(*summary.purchases, credit)))).text
    assert f"Receipt R-2025-00041 Session Card at the front desk Paid " \
           f"{eur_hr(summary.purchases[0].gross_minor)}" in text
    assert "Credit note CN-2025-00003, refunds R-2025-00041" in text


@pytest.mark.parametrize("name", samples.CLIENT_NAMES)
def test_summary_keeps_client_names(name: str) -> None:
    pdf = Pdf(render_session_summary(samples.session_summary(name)))
    assert f"Booking 101 · {normalise(name)}" in pdf.text
    assert all(font.embedded for font in pdf.fonts())


def test_summer_time_is_shown_in_the_studio_zone() -> None:
    summary = samples.session_summary()
    start = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)  # 14:00 CEST
    booking = replace(summary.booking, starts_at=start, ends_at=start + timedelta(minutes=90),
                      original_starts_at=None, status=BookingStatus.CONFIRMED)
    text = Pdf(render_session_summary(replace(summary, booking=booking, events=()))).text
    assert "Time 14:00 – 15:30 (1 h 30 min, Europe/Zagreb time)" in text
    assert "Originally booked for" not in text
    assert "Booked" in text  # the creation is shown even without events


def test_canceled_booking_shows_reason_and_event() -> None:
    summary = samples.session_summary()
    booking = replace(summary.booking, status=BookingStatus.CANCELED,
                      cancel_reason="Guest is ill")
    event = BookingEvent(datetime(2025, 3, 11, 8, 0, tzinfo=UTC), "canceled", "Guest is ill",
                         "Ana (front desk)")
    text = Pdf(render_session_summary(replace(summary, booking=booking,
                                              events=(*summary.events, event)))).text
    assert "Status Canceled" in text
    assert "Cancellation reason Guest is ill" in text
    assert "11. ožu 2025. 09:00 Canceled: Guest is ill Ana (front desk)" in text


def test_unknown_event_kinds_are_made_readable() -> None:
    summary = samples.session_summary()
    event = BookingEvent(datetime(2025, 3, 11, 8, 0, tzinfo=UTC), "engineer_swapped", "",
                         "Owner")
    text = Pdf(render_session_summary(replace(summary, events=(event,)))).text
    assert "Engineer swapped" in text


def test_a_price_override_is_named_in_the_summary() -> None:
    summary = samples.session_summary()
    event = BookingEvent(datetime(2025, 3, 11, 8, 0, tzinfo=UTC), "price_overridden", "",
                         "Owner")
    text = Pdf(render_session_summary(replace(summary, events=(event,)))).text
    assert "Price changed by the studio" in text


def test_locale_override_changes_formats_not_time_zone() -> None:
    text = Pdf(render_session_summary(samples.session_summary(), locale="en_GB")).text
    assert "Date Wednesday, 12 March 2025" in text
    assert "Time 14:00 – 16:00" in text
