"""Documents in a language of their own: German words and German values in a German
document, English ones in an English document, whatever language the window shows, with
plural forms right in both; the catalog that reads the shipped translation sources."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime

import icalendar
import pytest

from podyx_desktop.documents import (
    render_bundle_statement,
    render_receipt,
    render_session_summary,
    samples,
)
from podyx_desktop.documents.calendar import render_calendar
from podyx_desktop.documents.day_close import render_day_close
from podyx_desktop.documents.language import (
    LANGUAGES,
    USUAL_LOCALE,
    catalog,
    document_language,
    document_locale,
    parse_ts,
    studio_language,
)
from podyx_desktop.domain import message, vocabulary
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.message import m, mn
from podyx_desktop.domain.payments import DayClose, MethodTakings, RateTakings
from podyx_desktop.domain.vocabulary import BOOKING_STATUS_LONG

from .pdfcheck import Pdf

# what an English document says and a German one must not (and the other way round)
RECEIPT_EN = (
    "Receipt number",
    "Issue date",
    "Seller",
    "Buyer",
    "Lines",
    "VAT by rate",
    "Total paid",
    "Page 1 of 1",
    "VAT invoice",
    "Payment method",
    "Description",
)
RECEIPT_DE = (
    "Beleg R-2025-00041",
    "Belegnummer",
    "Ausstellungsdatum",
    "Verkäufer",
    "Käufer",
    "Positionen",
    "MwSt. nach Satz",
    "Bezahlter Gesamtbetrag: 161,99 €",
    "Seite 1 von 1",
    "Rechnung mit MwSt.-Ausweis",
    "Zahlungsart Karte am Empfang",
    "Beschreibung Menge Einzelpreis Rabatt Netto MwSt.-Satz MwSt. Brutto",
)
SUMMARY_EN = (
    "Session summary",
    "History",
    "What happened",
    "Notes from the studio",
    "Files shared with you",
    "Payments and receipts",
    "Room and setup",
    "Page 1 of",
    "Rescheduled from",
)
SUMMARY_DE = (
    "Terminübersicht",
    "Buchung 101",
    "Verlauf",
    "Was geschah",
    "Notizen vom Studio",
    "Mit Ihnen geteilte Dateien",
    "Zahlungen und Belege",
    "Raum und Aufbau",
    "Seite 1 von",
    "Verschoben von 10.03.2025, 10:00 auf 12.03.2025, 14:00",
    "Status Verschoben — zu einer neuen Zeit bestätigt",
)


def test_a_german_receipt_has_german_words_dates_and_money() -> None:
    studio = samples.studio(locale="de_DE")
    text = Pdf(render_receipt(samples.receipt(info=studio), studio, language="de")).text
    for part in RECEIPT_DE:
        assert part in text, part
    assert "Ausstellungsdatum 01.03.2025" in text
    assert "Geleistet am 12.03.2025, 14:00" in text
    assert "SPRING10 (Rabatt 18,00 €)" in text
    for part in RECEIPT_EN:
        assert part not in text, part


def test_an_english_receipt_of_a_german_studio_has_english_dates() -> None:
    """The studio's locale does not speak English: the values are en_GB's, not German."""
    studio = samples.studio(locale="de_DE")
    text = Pdf(render_receipt(samples.receipt(info=studio), studio, language="en")).text
    for part in RECEIPT_EN:
        assert part in text, part
    assert "Issue date 1 Mar 2025" in text and "Total paid: €161.99" in text
    for part in ("Belegnummer", "01.03.2025", "161,99 €", "Seite"):
        assert part not in text, part


def test_a_studio_locale_that_speaks_the_language_is_kept() -> None:
    """An Austrian studio's German receipt is written the Austrian way (``€ 161,99``)."""
    studio = samples.studio(locale="de_AT")
    text = Pdf(render_receipt(samples.receipt(info=studio), studio, language="de")).text
    assert "Bezahlter Gesamtbetrag: € 161,99" in text and "161,99 €" not in text
    assert "Ausstellungsdatum 01.03.2025" in text


def test_a_german_session_summary() -> None:
    summary = samples.session_summary(include_internal=False)
    text = Pdf(render_session_summary(summary, language="de")).text
    for part in SUMMARY_DE:
        assert part in text, part
    assert "Datum Mittwoch, 12. März 2025" in text  # hr_HR does not speak German: de_DE
    assert "Uhrzeit 14:00 – 16:00 (2 Std., Zeitzone Europe/Zagreb)" in text
    assert "Engineer (per hour) × 2 (je 25,00 €)" in text
    for part in SUMMARY_EN:
        assert part not in text, part


def test_the_english_session_summary_is_unchanged_in_words() -> None:
    summary = samples.session_summary(include_internal=False)
    text = Pdf(render_session_summary(summary, language="en")).text
    for part in SUMMARY_EN:
        assert part in text, part
    assert "Date Wednesday, 12 March 2025" in text  # en_GB: hr_HR does not speak English
    assert "Terminübersicht" not in text and "Mittwoch" not in text


@pytest.mark.parametrize(
    ("language", "total", "remaining", "expected"),
    [
        ("en", 1, 1, "1 of 1 session remaining"),
        ("en", 10, 7, "7 of 10 sessions remaining"),
        ("de", 1, 1, "1 von 1 Termin übrig"),
        ("de", 10, 7, "7 von 10 Terminen übrig"),
    ],
)
def test_plural_forms_in_both_languages(
    language: str, total: int, remaining: int, expected: str
) -> None:
    statement = samples.bundle_statement()
    bundle = replace(statement.bundle, sessions_total=total, sessions_remaining=remaining)
    text = Pdf(render_bundle_statement(replace(statement, bundle=bundle), language=language)).text
    assert expected in text
    assert ("Paketauszug" in text) is (language == "de")


def sample_close() -> DayClose:
    card = MethodTakings(PaymentMethod.CARD_AT_DESK, 2, 20000, 1, -5000)
    return DayClose(
        day=date(2026, 6, 3), studio_name="S", time_zone="Europe/Berlin", currency="EUR",
        starts_at=datetime(2026, 6, 2, 22, tzinfo=UTC),
        ends_at=datetime(2026, 6, 3, 22, tzinfo=UTC),
        made_at=datetime(2026, 6, 3, 20, tzinfo=UTC),
        by_method=(card,), by_rate=(RateTakings(1900, 12605, 2395, 15000),),
        receipts=2, receipts_minor=20000, refunds=1, refunds_minor=-5000,
        net_minor=12605, vat_minor=2395, gross_minor=15000,
        first_number="R-1", last_number="R-2",
    )  # fmt: skip


def test_a_german_day_close() -> None:
    studio = samples.studio(locale="de_DE")
    text = Pdf(render_day_close(sample_close(), studio, language="de")).text
    for part in (
        "Tagesabschluss",
        "Mittwoch, 3. Juni 2026",
        "Nach Zahlungsart",
        "Karte am Empfang",
        "Nach MwSt.-Satz",
        "Alle Sätze",
        "150,00 €",
        "Einnahmen (abzüglich Erstattungen)",
        "Seite 1 von 1",
    ):
        assert part in text, part
    for part in ("Day close", "By payment method", "All rates", "Page 1 of 1"):
        assert part not in text, part


@pytest.fixture
def window_in_pseudo_language() -> Iterator[None]:
    """The process's translators (a window's) turn every word into ``XX``."""
    vocabulary.set_translator(lambda context, text: "XX")
    message.set_translator(lambda source, note, count: "XX")
    try:
        yield
    finally:
        vocabulary.set_translator(None)
        message.set_translator(None)


@pytest.mark.usefixtures("window_in_pseudo_language")
@pytest.mark.parametrize("language", ["en", "de"])
def test_the_windows_translator_is_not_used(language: str) -> None:
    studio = samples.studio(locale="de_DE")
    receipt = Pdf(render_receipt(samples.receipt(info=studio), studio, language=language)).text
    summary = Pdf(render_session_summary(samples.session_summary(), language=language)).text
    assert "XX" not in receipt and "XX" not in summary
    assert ("Belegnummer" in receipt) is (language == "de")


def test_a_calendar_file_in_german() -> None:
    studio = samples.studio(locale="de_DE")
    booking = samples.booking(info=studio)
    data = render_calendar(
        [booking], studio, name=m("{studio} — sessions", studio="S"), language="de"
    )
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "S — Termine"
    (event,) = calendar.walk("VEVENT")
    description = str(event["description"])
    assert "Aufbau: Studio A" in description and "Buchung 101" in description
    assert f"Status: {BOOKING_STATUS_LONG.text_in(booking.status, catalog('de').word)}" in (
        description
    )
    assert "Setup:" not in description and "Booking" not in description


# --- the catalog ------------------------------------------------------------------------


def test_the_catalog_reads_the_shipped_german_sources() -> None:
    german = catalog("de")
    assert len(german) > 1000
    assert catalog("de") is german  # read once
    assert m("Receipt number").render(german.message) == "Belegnummer"
    assert BOOKING_STATUS_LONG.text_in("canceled", german.word) == "Storniert"
    assert vocabulary.duration_text(150, german.word) == "2 Std. 30 Min."
    assert m("No sentence like this one").render(german.message) == "No sentence like this one"
    # English needs no file: the sources, with English's plural rule
    assert mn("%n session(s) left", "", 1).render(catalog("en").message) == "1 session left"
    assert mn("%n session(s) left", "", 3).render(catalog("en").message) == "3 sessions left"
    assert catalog("fr").language == "en"


def test_unfinished_translations_read_in_english() -> None:
    entries = parse_ts(
        b'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">'
        b"<context><name></name>"
        b'<message><source>Lines</source><translation type="unfinished">Zeilen</translation>'
        b"</message>"
        b"<message><source>Day</source><comment>a date</comment><translation>Tag</translation>"
        b"</message>"
        b'<message numerus="yes"><source>%n file(s)</source><translation>'
        b"<numerusform>%n Datei</numerusform><numerusform>%n Dateien</numerusform>"
        b"</translation></message></context></TS>"
    )
    assert entries == {
        ("", "Day", "a date"): ("Tag",),
        ("", "%n file(s)", ""): ("%n Datei", "%n Dateien"),
    }


def test_which_language_and_locale() -> None:
    assert studio_language("de_AT") == "de" and studio_language("hr_HR") == "en"
    assert studio_language("") == "en" and studio_language("de-CH") == "de"
    assert document_language("", "de_DE") == "de" and document_language("en", "de_DE") == "en"
    assert document_language("fr", "hr_HR") == "en"
    assert document_locale("de", "de_AT") == "de_AT" and document_locale("de", "hr_HR") == "de_DE"
    assert document_locale("en", "de_DE") == "en_GB" and document_locale("en", "en_IE") == "en_IE"


def test_the_documents_speak_what_the_window_speaks() -> None:
    from podyx_desktop.gui import translation  # Qt: imported by this test only

    assert set(translation.LANGUAGES) == set(USUAL_LOCALE) == set(LANGUAGES)
    assert translation.language_of("", system="de_AT") == studio_language("de_AT") == "de"
    assert translation.language_of("", system="fr_FR") == studio_language("fr_FR") == "en"
