"""Receipts, credit notes and pro-formas carry what an EU VAT invoice must, as stored."""

from __future__ import annotations

from dataclasses import replace

import pytest

from podyx_desktop.documents import render_receipt, samples
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.records import Address, Party, VatLine

from .pdfcheck import Pdf, eur_hr, normalise


def test_receipt_carries_every_mandatory_field() -> None:
    studio = samples.studio()
    purchase = samples.receipt()
    pdf = Pdf(render_receipt(purchase, studio))
    text = pdf.text

    assert "Receipt R-2025-00041" in text
    assert "Receipt number R-2025-00041" in text
    assert "Issue date 1. ožu 2025." in text  # paid_at, 09:31 UTC, in Zagreb
    # Seller: name, address, VAT number.
    for part in ("Zvuk & Slika Studio", "Ilica 42", "10000 Zagreb", "Hrvatska",
                 "VAT number: HR12345678901"):
        assert part in text
    # Buyer: name, company, address, VAT ID.
    for part in ("Đorđe Šćepanović", "Šćepanović Media d.o.o.", "Vukovarska 7", "21000 Split",
                 "VAT ID: HR98765432109"):
        assert part in text
    # Each line as stored: description, when supplied, quantity and every amount.
    for line in purchase.lines:
        assert normalise(line.description) in text
        discount = eur_hr(line.discount_minor) if line.discount_minor else "—"
        amounts = (f"{line.quantity} {eur_hr(line.unit_price_minor)} {discount} "
                   f"{eur_hr(line.net_minor)} 25% {eur_hr(line.vat_minor)} "
                   f"{eur_hr(line.gross_minor)}")
        assert amounts in text
    assert text.count("Supplied 12. ožu 2025. 14:00") == len(purchase.lines)  # 13:00 UTC
    # VAT per rate, the total, promo code, payment method, price mode.
    (vat,) = purchase.vat
    assert f"25% {eur_hr(vat.net_minor)} {eur_hr(vat.vat_minor)} {eur_hr(vat.gross_minor)}" in text
    assert (f"All rates {eur_hr(purchase.net_minor)} {eur_hr(purchase.vat_minor)} "
            f"{eur_hr(purchase.gross_minor)}") in text
    assert f"Total paid: {eur_hr(purchase.gross_minor)}" in text
    assert f"SPRING10 (discount {eur_hr(purchase.discount_minor)})" in text
    assert "Payment method Card at the front desk" in text
    assert "Prices include VAT" in text
    assert "Page 1 of 1" in text


def test_the_sample_amounts_are_the_expected_ones() -> None:
    text = Pdf(render_receipt(samples.receipt(), samples.studio())).text
    assert "1 120,00 € 12,00 € 86,40 € 25% 21,60 € 108,00 €" in text
    assert "Total paid: 161,99 €" in text


def test_amounts_are_printed_as_stored_never_recomputed() -> None:
    purchase = samples.receipt()
    odd = replace(purchase, gross_minor=123456, net_minor=98765, vat_minor=24691,
                  vat=(VatLine(2500, 98765, 24691, 123456),))
    text = Pdf(render_receipt(odd, samples.studio())).text
    assert "Total paid: 1.234,56 €" in text
    assert "All rates 987,65 € 246,91 € 1.234,56 €" in text
    assert "161,99 €" not in text


def test_prices_without_vat_are_labelled() -> None:
    studio = samples.studio(prices_include_vat=False)
    purchase = samples.receipt(info=studio)
    text = Pdf(render_receipt(purchase, studio)).text
    assert "Prices exclude VAT; VAT is added" in text
    assert f"Total paid: {eur_hr(purchase.gross_minor)}" in text


def test_locale_of_the_studio_and_an_override() -> None:
    studio = samples.studio(locale="en_IE")
    purchase = samples.receipt(info=studio)
    irish = Pdf(render_receipt(purchase, studio)).text
    assert "Total paid: €161.99" in irish
    assert "Issue date 1 Mar 2025" in irish
    german = Pdf(render_receipt(purchase, studio, locale="de_DE")).text
    assert "Total paid: 161,99 €" in german
    assert "Issue date 01.03.2025" in german
    assert "Deutschland" not in german and "Kroatien" in german  # country in the locale


def test_credit_note_refers_to_its_receipt() -> None:
    original = samples.receipt()
    note = samples.credit_note(original)
    text = Pdf(render_receipt(note, samples.studio())).text
    assert "Credit note CN-2025-00003" in text
    assert "Refers to receipt R-2025-00041" in text
    assert "Credit note number CN-2025-00003" in text
    assert f"Total credited: {eur_hr(note.gross_minor)}" in text
    assert "Issue date 20. ožu 2025." in text
    assert "VAT invoice" not in text


def test_refunded_receipt_names_its_credit_note() -> None:
    purchase = replace(samples.receipt(), refunded_by_number="CN-2025-00003")
    text = Pdf(render_receipt(purchase, samples.studio())).text
    assert "Refunded by Credit note CN-2025-00003" in text


def test_pro_forma_is_clearly_not_a_receipt() -> None:
    purchase = samples.pro_forma("Иван Петров")
    pdf = Pdf(render_receipt(purchase, samples.studio()))
    text = pdf.text
    assert "Pro-forma — not a receipt" in text
    assert "This document is not a receipt and not a VAT invoice" in text
    assert "Receipt number None yet — not a receipt" in text
    assert "Receipt R-" not in text and "VAT invoice" not in text.replace("not a VAT invoice", "")
    assert "Bank transfer — awaiting payment" in text
    assert f"Total due: {eur_hr(purchase.gross_minor)}" in text
    assert "Date 1. ožu 2025." in text  # created_at: no payment yet
    assert pdf.reader.metadata is not None
    assert "Pro-forma" in str(pdf.reader.metadata.title)


@pytest.mark.parametrize("name", samples.CLIENT_NAMES)
def test_client_names_in_every_script_come_back_intact(name: str) -> None:
    pdf = Pdf(render_receipt(samples.receipt(name), samples.studio()))
    assert normalise(name) in pdf.text
    fonts = pdf.fonts()
    assert fonts and all(font.embedded for font in fonts), fonts
    assert any("DejaVuSans" in font.base_font for font in fonts)
    assert all(font.subtype == "/TrueType" for font in fonts)  # no unembedded Type 1


def test_seller_falls_back_to_the_studio() -> None:
    studio = samples.studio()
    purchase = replace(samples.receipt(), seller=Party(name=""))
    text = Pdf(render_receipt(purchase, studio)).text
    assert "Seller Zvuk & Slika Studio" in text
    assert "VAT number: HR12345678901" in text


def test_private_buyer_has_no_business_lines() -> None:
    purchase = replace(samples.receipt(business=False),
                       buyer=Party(name="Ana Anić", address=Address(city="Rijeka")))
    text = Pdf(render_receipt(purchase, samples.studio())).text
    assert "Buyer Ana Anić Rijeka" in text
    assert "VAT ID" not in text


def test_every_payment_method_has_its_label() -> None:
    for method in PaymentMethod:
        purchase = replace(samples.receipt(), method=method)
        assert f"Payment method {method.label}" in Pdf(render_receipt(purchase,
                                                                      samples.studio())).text


def test_long_receipt_numbers_every_page_and_repeats_header() -> None:
    purchase = samples.long_receipt(60)
    pdf = Pdf(render_receipt(purchase, samples.studio()))
    assert pdf.page_count >= 2
    for index in range(pdf.page_count):
        text = pdf.page_text(index)
        assert f"Page {index + 1} of {pdf.page_count}" in text
        assert "Zvuk & Slika Studio" in text  # header on every page
        if "Video edit, part" in text:
            assert "Description Qty Unit price" in text  # table header repeated
    assert "Video edit, part 60" in pdf.text
    assert f"Total paid: {eur_hr(purchase.gross_minor)}" in pdf.text


def test_logo_is_drawn_when_the_studio_has_one() -> None:
    purchase = samples.receipt()
    with_logo = Pdf(render_receipt(purchase, samples.studio(with_logo=True)))
    without = Pdf(render_receipt(purchase, samples.studio(with_logo=False)))
    assert with_logo.image_count() == 1
    assert without.image_count() == 0


def test_a_broken_logo_is_left_out_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    studio = replace(samples.studio(), logo_png=b"not a png")
    pdf = Pdf(render_receipt(samples.receipt(), studio))
    assert pdf.image_count() == 0
    assert "logo is not a readable image" in caplog.text
