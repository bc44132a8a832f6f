"""Sentences the services store as English text — a partial refund's line, a credit note's
reason, a booking event's detail — read in the document's language (and the window's),
matched against the translation sources; text somebody typed stays as it is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from podyx_desktop.documents import render_receipt
from podyx_desktop.documents.language import catalog
from podyx_desktop.domain import message
from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, RefundTo
from podyx_desktop.domain.message import shown_stored
from podyx_desktop.domain.stored_sentences import STORED
from podyx_desktop.services import Services
from tests.factories import Studio, build_studio

from .pdfcheck import Pdf

GERMAN = catalog("de")


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)


def test_a_stored_sentence_reads_in_german() -> None:
    assert GERMAN.stored("Session canceled") == "Termin storniert"
    assert GERMAN.stored("Partial refund of receipt R-2026-00007") == (
        "Teilerstattung zu Beleg R-2026-00007"
    )
    assert GERMAN.stored("Payment recorded: Bank transfer") == "Zahlung erfasst: Banküberweisung"
    # a field that is itself one of the app's sentences is translated too
    late = GERMAN.stored("Late cancellation: Session canceled")
    assert late == "Kurzfristige Stornierung: Termin storniert"


def test_every_stored_sentence_is_translated() -> None:
    for source in STORED:
        assert GERMAN.lookup("", source) != source, source


def test_text_somebody_typed_stays_as_it_is() -> None:
    for typed in ("Change of plans", "Studio A — 2-person podcast", "", "  "):
        assert GERMAN.stored(typed) == typed
    assert catalog("en").stored("Session canceled") == "Session canceled"


@pytest.fixture
def window_in_german() -> Iterator[None]:
    message.set_stored_translator(GERMAN.stored)
    yield
    message.set_stored_translator(None)


def test_the_window_shows_stored_sentences_in_its_language(window_in_german: None) -> None:
    assert shown_stored("by the studio, for the client") == "vom Studio, für den Kunden"
    assert shown_stored("Change of plans") == "Change of plans"


def test_a_german_credit_note_of_a_partial_refund(studio: Studio) -> None:
    services = studio.services
    client = studio.client("Ana Client", email="ana@example.com")
    booked = studio.book(client, studio.at(date(2026, 6, 3), 10))
    purchase = services.purchases.get(client.principal, booked.booking.purchase_id)
    services.purchases.record_payment(studio.owner, purchase.id, PaymentMethod.BANK_TRANSFER)
    services.purchases.refund(
        studio.owner, purchase.id, RefundTo.STORE_CREDIT, "goodwill", amount_minor=1000
    )
    (credit,) = [
        p
        for p in services.purchases.list_for_client(client.principal, client.account.id)
        if p.kind is PurchaseKind.CREDIT_NOTE
    ]
    info = services.catalogue.studio(studio.owner)
    paid = services.purchases.get(client.principal, purchase.id)
    german = Pdf(render_receipt(credit, info, language="de")).text
    assert f"Teilerstattung zu Beleg {paid.receipt_number}" in german
    assert "Partial refund" not in german
    english = Pdf(render_receipt(credit, info, language="en")).text
    assert f"Partial refund of receipt {paid.receipt_number}" in english
