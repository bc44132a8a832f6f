"""Part of a purchase refunded: credit notes for what the desk typed, shared over the
purchase's VAT rates to the cent, until nothing is left; more than is left refused with
the amount left; eight seats refunding a quarter each at once give back the gross once."""

from __future__ import annotations

from datetime import date

import pytest

from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod, PurchaseStatus, RefundTo
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.records import Purchase, SignedIn
from podyx_desktop.domain.requests import AddonChoice
from tests.factories import Studio
from tests.services.invariants import assert_series_gap_free, credit_notes_for, seat
from tests.services.seats import WORKERS, Seats, tally

DAY = date(2026, 6, 10)


def paid_video_with_engineer(studio: Studio) -> tuple[SignedIn, Purchase]:
    """A paid video session (VAT 7 %) with an engineer add-on (VAT 19 %): two rates."""
    ann = studio.client()
    booked = studio.book(
        ann,
        studio.at(DAY, 10),
        setup=studio.video_setup,
        service=studio.video,
        addons=(AddonChoice(studio.engineer, 1),),
    )
    assert booked.purchase is not None and len(booked.purchase.vat) == 2
    paid = studio.services.purchases.record_payment(
        studio.desk, booked.purchase.id, PaymentMethod.CARD_AT_DESK
    )
    return ann, paid


def test_parts_are_shared_over_the_vat_rates_and_add_up_to_the_cent(studio: Studio) -> None:
    ann, purchase = paid_video_with_engineer(studio)
    s = studio.services
    first = s.purchases.refund(studio.owner, purchase.id, RefundTo.ORIGINAL_METHOD, "late", 3333)
    assert first is not None and first.gross_minor == -3333
    assert sum(v.gross_minor for v in first.vat) == -3333
    assert sum(line.gross_minor for line in first.lines) == -3333
    assert first.net_minor + first.vat_minor == first.gross_minor
    for vat in first.vat:  # each rate's VAT taken out of its part
        assert vat.net_minor + vat.vat_minor == vat.gross_minor
    assert {v.rate_bp for v in first.vat} == {v.rate_bp for v in purchase.vat}
    left = purchase.gross_minor - 3333
    shown = s.purchases.get(studio.owner, purchase.id)
    assert (shown.status, shown.left_to_refund_minor, shown.refunded_by_number) == (
        PurchaseStatus.PAID,
        left,
        first.receipt_number,
    )
    with pytest.raises(InvalidInput, match=r"At most .* is left to refund"):
        s.purchases.refund(studio.owner, purchase.id, RefundTo.STORE_CREDIT, "x", left + 1)
    with pytest.raises(InvalidInput, match="positive amount"):
        s.purchases.refund(studio.owner, purchase.id, RefundTo.STORE_CREDIT, "x", 0)
    rest = s.purchases.refund(studio.owner, purchase.id, RefundTo.STORE_CREDIT, "rest")
    assert rest is not None and rest.gross_minor == -left
    done = s.purchases.get(studio.owner, purchase.id)
    assert (done.status, done.left_to_refund_minor) == (PurchaseStatus.REFUNDED, 0)
    assert s.accounts.get(ann.principal).store_credit_minor == left  # only the second
    # the two credit notes give back exactly what was paid, rate by rate
    for rate in purchase.vat:
        back = sum(v.gross_minor for n in (first, rest) for v in n.vat if v.rate_bp == rate.rate_bp)
        assert back == -rate.gross_minor


@pytest.mark.slow
def test_eight_seats_refunding_a_quarter_each_give_the_gross_back_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    ann, purchase = paid_video_with_engineer(studio)
    quarter = purchase.gross_minor // 4
    assert quarter * 4 == purchase.gross_minor
    jobs = [
        seat(studio.owner, purchase_id=purchase.id, to=RefundTo.STORE_CREDIT, amount_minor=quarter)
    ] * WORKERS
    outcomes = seats.run("refund", database, studio.services.context.now(), jobs)
    assert tally(outcomes).get("ok", 0) == 4, outcomes
    losers = [text for kind, text in outcomes if kind != "ok"]
    assert all(("left to refund" in t or "already refunded" in t) for t in losers), losers
    assert credit_notes_for(database, purchase.id) == 4
    assert studio.services.accounts.get(ann.principal).store_credit_minor == purchase.gross_minor
    shown = studio.services.purchases.get(studio.owner, purchase.id)
    assert (shown.status, shown.left_to_refund_minor) == (PurchaseStatus.REFUNDED, 0)
    assert_series_gap_free(database)


def test_a_partial_credit_note_reads_back_from_its_pdf(studio: Studio) -> None:
    from podyx_desktop.documents import render_receipt
    from podyx_desktop.documents.formatting import Formatter
    from tests.documents.pdfcheck import Pdf, normalise

    _ann, purchase = paid_video_with_engineer(studio)
    credit = studio.services.purchases.refund(
        studio.owner, purchase.id, RefundTo.ORIGINAL_METHOD, "late start", 2500
    )
    assert credit is not None
    info = studio.services.catalogue.studio(studio.owner)
    fmt = Formatter.for_studio(info)
    text = Pdf(render_receipt(credit, info)).text
    assert f"Credit note {credit.receipt_number}" in text
    assert f"Refers to receipt {purchase.receipt_number}" in text
    assert f"Partial refund of receipt {purchase.receipt_number}" in text
    assert f"Total credited: {normalise(fmt.money(-2500, info.currency))}" in text
