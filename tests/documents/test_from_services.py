"""Documents rendered from what the services really store, on SQLite and PostgreSQL.

The other document tests use hand-built DTOs; these book, pay, refund, reschedule and
redeem through the services, render the DTOs the services return, and read the PDFs back.
Every amount expected is the stored one, formatted with the documents' own
:class:`~podyx_desktop.documents.formatting.Formatter`.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from podyx_desktop.documents import (
    render_bundle_statement,
    render_receipt,
    render_session_summary,
)
from podyx_desktop.documents.formatting import Formatter
from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, PurchaseStatus, RefundTo
from podyx_desktop.domain.records import Purchase, SignedIn, StudioInfo
from podyx_desktop.domain.requests import (
    AddonChoice,
    BundlePurchaseRequest,
    RedeemRequest,
)
from podyx_desktop.services import Services
from tests.factories import Studio, build_studio

from .pdfcheck import Pdf, normalise

DAY = date(2026, 6, 3)  # a Wednesday, two days after the test clock's start
NAMES = ("Đorđe Šćepanović", "Ελένη Παπαδοπούλου", "Иван Петров")
CLIENT_NOTE = "Lovely session — the rough mix is in your files."
INTERNAL_NOTE = "Internal: asked for a discount twice; do not offer one."


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)


def client_with_credit(studio: Studio, name: str, number: int, amount: int = 50_000) -> SignedIn:
    client = studio.client(name, email=f"client{number}@example.com")
    studio.services.purchases.add_store_credit(studio.owner, client.account.id, amount, "x")
    return client


def money(fmt: Formatter, minor: int) -> str:
    return normalise(fmt.money(minor))


def line_text(fmt: Formatter, purchase: Purchase, index: int) -> str:
    """A line's amounts in the order the receipt prints them, as stored."""
    line = purchase.lines[index]
    discount = money(fmt, line.discount_minor) if line.discount_minor else "—"
    return normalise(
        f"{fmt.number(line.quantity)} {fmt.money(line.unit_price_minor)} {discount} "
        f"{fmt.money(line.net_minor)} {fmt.rate(line.vat_rate_bp)} {fmt.money(line.vat_minor)} "
        f"{fmt.money(line.gross_minor)}"
    )


def assert_vat_and_totals(text: str, fmt: Formatter, purchase: Purchase) -> None:
    for vat in purchase.vat:
        assert (
            f"{fmt.rate(vat.rate_bp)} {money(fmt, vat.net_minor)} {money(fmt, vat.vat_minor)} "
            f"{money(fmt, vat.gross_minor)}"
        ) in text
    assert (
        f"All rates {money(fmt, purchase.net_minor)} {money(fmt, purchase.vat_minor)} "
        f"{money(fmt, purchase.gross_minor)}"
    ) in text


def assert_seller(text: str, info: StudioInfo) -> None:
    for part in ("Test Studio", "Torstraße 1", "10119 Berlin", "VAT number: DE123456789"):
        assert part in text, part
    assert info.vat_number == "DE123456789"


@pytest.mark.parametrize("number", range(len(NAMES)), ids=["latin", "greek", "cyrillic"])
def test_receipt_and_credit_note_of_a_real_booking(studio: Studio, number: int) -> None:
    services, name = studio.services, NAMES[number]
    client = client_with_credit(studio, name, number)
    booked = studio.book(
        client,
        studio.at(DAY, 10),
        method=PaymentMethod.STORE_CREDIT,
        addons=(AddonChoice(studio.engineer, 2), AddonChoice(studio.extra_mic, 1)),
        promo="WELCOME10",
    )
    assert booked.purchase is not None
    purchase = services.purchases.get(client.principal, booked.purchase.id)
    info = services.catalogue.studio(client.principal)
    assert purchase.status is PurchaseStatus.PAID and purchase.receipt_number
    assert purchase.paid_at is not None and len(purchase.lines) == 3
    assert purchase.discount_minor > 0  # the promo code discounted the lines
    assert purchase.gross_minor == sum(line.gross_minor for line in purchase.lines)
    fmt = Formatter.for_studio(info, currency=purchase.currency)

    text = Pdf(render_receipt(purchase, info)).text

    number_text = purchase.receipt_number
    assert f"Receipt {number_text} VAT invoice" in text
    assert f"Receipt number {number_text}" in text
    assert f"Issue date {fmt.date(purchase.paid_at)}" in text
    assert "Issue date 01.06.2026" in text  # 06:00 UTC is 08:00 in Berlin, de_DE dates
    assert_seller(text, info)
    assert unicodedata.is_normalized("NFC", purchase.buyer.name)
    assert purchase.buyer.name == unicodedata.normalize("NFC", name)
    assert unicodedata.normalize("NFC", name) in text
    for index, line in enumerate(purchase.lines):
        assert normalise(line.description) in text
        assert line_text(fmt, purchase, index) in text
    assert_vat_and_totals(text, fmt, purchase)
    assert f"Total paid: {money(fmt, purchase.gross_minor)}" in text
    assert f"WELCOME10 (discount {money(fmt, purchase.discount_minor)})" in text
    assert "Payment method Store credit" in text
    assert "Page 1 of 1" in text

    # Canceled within the cutoff: the money goes back as store credit, by credit note.
    services.bookings.cancel(client.principal, booked.booking.id, reason="Change of plans")
    refunded = services.purchases.get(client.principal, purchase.id)
    (credit,) = [
        p
        for p in services.purchases.list_for_client(client.principal, client.account.id)
        if p.kind is PurchaseKind.CREDIT_NOTE
    ]
    assert refunded.status is PurchaseStatus.REFUNDED
    assert credit.refund_of_number == purchase.receipt_number
    assert refunded.refunded_by_number == credit.receipt_number
    assert credit.gross_minor == -purchase.gross_minor
    assert credit.paid_at is not None

    credit_text = Pdf(render_receipt(credit, info)).text
    assert f"Credit note {credit.receipt_number}" in credit_text
    assert f"Refers to receipt {purchase.receipt_number}" in credit_text
    assert f"Credit note number {credit.receipt_number}" in credit_text
    assert f"Issue date {fmt.date(credit.paid_at)}" in credit_text
    assert unicodedata.normalize("NFC", name) in credit_text
    for index in range(len(credit.lines)):
        assert line_text(fmt, credit, index) in credit_text
    assert_vat_and_totals(credit_text, fmt, credit)
    assert f"Total credited: {money(fmt, credit.gross_minor)}" in credit_text
    assert money(fmt, credit.gross_minor).startswith("-")
    assert "Payment method Store credit" in credit_text
    assert f"cancels the amounts shown of receipt {purchase.receipt_number}" in credit_text

    original_text = Pdf(render_receipt(refunded, info)).text
    assert f"Refunded by Credit note {credit.receipt_number}" in original_text
    assert "Status Refunded" in original_text


def test_staff_refund_to_the_original_method(studio: Studio) -> None:
    services = studio.services
    client = client_with_credit(studio, NAMES[0], 0)
    booked = studio.book(client, studio.at(DAY, 10), method=PaymentMethod.STORE_CREDIT)
    assert booked.purchase is not None
    credit = services.purchases.refund(
        studio.owner, booked.purchase.id, RefundTo.ORIGINAL_METHOD, "Studio closed that day"
    )
    assert credit is not None
    info = services.catalogue.studio(studio.desk)
    text = Pdf(render_receipt(credit, info)).text
    assert f"Refers to receipt {booked.purchase.receipt_number}" in text
    assert "Studio closed that day" in text  # the reason is the credit note's note


def test_the_stored_seller_address_keeps_its_fields(studio: Studio) -> None:
    client = client_with_credit(studio, NAMES[0], 0)
    booked = studio.book(client, studio.at(DAY, 10), method=PaymentMethod.STORE_CREDIT)
    assert booked.purchase is not None
    seller = studio.services.purchases.get(client.principal, booked.purchase.id).seller
    assert (seller.address.postal_code, seller.address.city, seller.address.country) == (
        "10119",
        "Berlin",
        "DE",
    )


def test_session_summary_after_a_reschedule_with_notes(studio: Studio) -> None:
    services, name = studio.services, NAMES[1]
    client = client_with_credit(studio, name, 1)
    booked = studio.book(client, studio.at(DAY, 10), method=PaymentMethod.STORE_CREDIT)
    booking_id = booked.booking.id
    old, new = studio.at(DAY, 10), studio.at(DAY, 14)
    services.bookings.reschedule(client.principal, booking_id, new)
    services.notes.add_note(
        studio.desk,
        client_id=client.account.id,
        booking_id=booking_id,
        body=CLIENT_NOTE,
        internal=False,
    )
    services.notes.add_note(
        studio.desk,
        client_id=client.account.id,
        booking_id=booking_id,
        body=INTERNAL_NOTE,
        internal=True,
    )

    for principal in (client.principal, studio.desk):  # staff's copy is the client's copy
        summary = services.reports.session_summary(principal, booking_id)
        assert [n.body for n in summary.notes] == [CLIENT_NOTE]
        fmt = Formatter.for_studio(summary.studio, currency=summary.booking.currency)
        text = Pdf(render_session_summary(summary)).text

        assert f"Booking {booking_id} · {unicodedata.normalize('NFC', name)}" in text
        expected = normalise(f"Rescheduled from {fmt.date_time(old)} to {fmt.date_time(new)}")
        assert expected in text
        assert f"Originally booked for {normalise(fmt.date_time(old))}" in text
        assert normalise(CLIENT_NOTE) in text
        assert "do not offer" not in text and "Internal" not in text
        assert booked.purchase is not None and booked.purchase.receipt_number
        assert f"Receipt {booked.purchase.receipt_number}" in text


def test_bundle_statement_after_a_redemption(studio: Studio) -> None:
    services, name = studio.services, NAMES[2]
    client = client_with_credit(studio, name, 2)
    bought = services.checkout.buy_bundle(
        client.principal,
        BundlePurchaseRequest(
            studio.bundle_product, PaymentMethod.STORE_CREDIT, terms_accepted=True
        ),
    )
    assert bought.purchase is not None
    redeemed = services.bundles.redeem(
        client.principal, RedeemRequest(bought.bundle_id, studio.podcast_setup, studio.at(DAY, 10))
    )
    statement = services.reports.bundle_statement(client.principal, bought.bundle_id)
    assert statement.bundle.sessions_remaining == 2
    fmt = Formatter.for_studio(statement.studio, currency=bought.purchase.currency)

    text = Pdf(render_bundle_statement(statement)).text

    assert unicodedata.normalize("NFC", name) in text
    assert "2 of 3 sessions remaining" in text
    assert "1 redeemed" in text
    redemption = normalise(
        f"Session redeemed {fmt.date_time(studio.at(DAY, 10))} (booking {redeemed.booking.id}) -1 2"
    )
    assert redemption in text
    assert "Bundle purchased" in text
    assert (
        f"Receipt {bought.purchase.receipt_number}, {money(fmt, bought.purchase.gross_minor)}, "
        "Store credit"
    ) in text


def test_the_booked_event_is_not_doubled(studio: Studio) -> None:
    client = client_with_credit(studio, NAMES[0], 0)
    booked = studio.book(client, studio.at(DAY, 10), method=PaymentMethod.STORE_CREDIT)
    summary = studio.services.reports.session_summary(client.principal, booked.booking.id)
    assert "Booked: Booked" not in Pdf(render_session_summary(summary)).text
