"""The day close: a local day's takings by method and VAT rate, credit notes netted, equal
to the cent to sums the test takes from the database; its PDF and CSV say the same."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from podyx_desktop.db import tables as t
from podyx_desktop.documents.day_close import day_close_csv, render_day_close
from podyx_desktop.domain.enums import PaymentMethod, RefundTo
from podyx_desktop.domain.errors import NotSignedIn
from podyx_desktop.domain.payments import DayClose
from podyx_desktop.domain.principal import Principal
from tests.conftest import FakeClock
from tests.documents.pdfcheck import Pdf, eur_hr
from tests.factories import Studio

DAY = date(2026, 6, 3)


def fill_day(studio: Studio, clock: FakeClock) -> None:
    """Payments the day before, on the day (three methods, two VAT rates), a credit note
    on the day for a receipt of the day before, and one still pending."""
    ann, bob = studio.client("Ann"), studio.client("Bob")
    pay = studio.services.purchases.record_payment
    clock.now = datetime(2026, 6, 2, 21, 30, tzinfo=UTC)  # 23:30 on 2 June in Berlin
    before = studio.book(ann, studio.at(DAY + timedelta(days=5), 10))
    pay(studio.desk, before.purchase.id, PaymentMethod.CARD_AT_DESK)
    clock.now = datetime(2026, 6, 2, 22, 30, tzinfo=UTC)  # 00:30 on 3 June
    cash = studio.book(ann, studio.at(DAY + timedelta(days=5), 14))
    pay(studio.desk, cash.purchase.id, PaymentMethod.CASH)
    video = studio.book(
        bob,
        studio.at(DAY + timedelta(days=6), 10),
        setup=studio.video_setup,
        service=studio.video,
        minutes=180,
    )
    clock.advance(hours=8)
    pay(studio.desk, video.purchase.id, PaymentMethod.BANK_TRANSFER)
    card = studio.book(bob, studio.at(DAY + timedelta(days=6), 16))
    pay(studio.desk, card.purchase.id, PaymentMethod.CARD_AT_DESK)
    studio.services.purchases.refund(
        studio.owner, before.purchase.id, RefundTo.ORIGINAL_METHOD, "closed for repairs"
    )
    studio.book(ann, studio.at(DAY + timedelta(days=7), 10))  # pending: never counts
    clock.now = datetime(2026, 6, 3, 22, 5, tzinfo=UTC)  # 00:05 on 4 June
    late = studio.book(bob, studio.at(DAY + timedelta(days=7), 16))
    pay(studio.desk, late.purchase.id, PaymentMethod.CASH)


def sums_from_database(studio: Studio, day: date) -> dict[str, dict[object, int]]:
    """The same figures, summed by the test from the rows (Berlin is UTC+2 in June)."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=2)
    end = start + timedelta(days=1)
    found: dict[str, dict[object, int]] = defaultdict(lambda: defaultdict(int))
    with studio.services.db.read() as session:
        rows = session.execute(
            select(t.Purchase.id, t.Purchase.method, t.Purchase.gross_minor, t.Purchase.kind)
            .where(t.Purchase.receipt_number.is_not(None))
            .where(t.Purchase.paid_at >= start, t.Purchase.paid_at < end)
        ).all()
        ids = [row.id for row in rows]
        for row in rows:
            found["method"][row.method] += row.gross_minor
            found["total"]["gross"] += row.gross_minor
            found["total"]["credit" if row.kind == "credit_note" else "receipt"] += row.gross_minor
        for rate, net, vat, gross in session.execute(
            select(
                t.PurchaseVat.rate_bp,
                func.sum(t.PurchaseVat.net_minor),
                func.sum(t.PurchaseVat.vat_minor),
                func.sum(t.PurchaseVat.gross_minor),
            )
            .where(t.PurchaseVat.purchase_id.in_(ids))
            .group_by(t.PurchaseVat.rate_bp)
        ):
            found["net"][rate], found["vat"][rate], found["gross"][rate] = net, vat, gross
    return found


def test_the_day_close_equals_the_stored_amounts(studio: Studio, clock: FakeClock) -> None:
    fill_day(studio, clock)
    close = studio.services.day_close.close(studio.desk, DAY)
    expected = sums_from_database(studio, DAY)
    assert {m.method.value: m.net_minor for m in close.by_method} == dict(expected["method"])
    assert {r.rate_bp: r.gross_minor for r in close.by_rate} == dict(expected["gross"])
    assert {r.rate_bp: r.vat_minor for r in close.by_rate} == dict(expected["vat"])
    assert {r.rate_bp: r.net_minor for r in close.by_rate} == dict(expected["net"])
    assert set(expected["gross"]) == {700, 1900}  # both rates were taken that day
    assert close.gross_minor == expected["total"]["gross"]
    assert close.receipts_minor == expected["total"]["receipt"]
    assert close.refunds_minor == expected["total"]["credit"] < 0
    assert (close.receipts, close.refunds) == (3, 1)
    assert close.net_minor + close.vat_minor == close.gross_minor
    assert close.gross_minor == sum(r.gross_minor for r in close.by_rate)
    assert close.gross_minor == close.receipts_minor + close.refunds_minor
    card = next(m for m in close.by_method if m.method is PaymentMethod.CARD_AT_DESK)
    assert (card.receipts, card.refunds) == (1, 1)  # the day before's receipt refunded today

    pdf = Pdf(render_day_close(close, studio.services.catalogue.studio(studio.desk)))
    text = pdf.text
    assert "Day close" in text and "3. Juni 2026" in text
    for minor in (
        *(m.net_minor for m in close.by_method),
        *(r.vat_minor for r in close.by_rate),
        *(r.gross_minor for r in close.by_rate),
        close.gross_minor,
        close.refunds_minor,
        close.net_minor,
    ):
        assert eur_hr(minor) in text, eur_hr(minor)
    assert_csv_matches(day_close_csv(close), expected)


def assert_csv_matches(text: str, expected: dict[str, dict[object, int]]) -> None:
    rows = list(csv.DictReader(io.StringIO(text)))

    def minor(value: str) -> int:
        whole, _, cents = value.partition(".")
        sign = -1 if whole.startswith("-") else 1
        return sign * (abs(int(whole)) * 100 + int(cents))

    methods = {r["key"]: minor(r["gross"]) for r in rows if r["section"] == "method"}
    assert methods == dict(expected["method"])
    rates = {r["key"]: minor(r["vat"]) for r in rows if r["section"] == "vat_rate"}
    assert rates == {
        str(rate / 100).rstrip("0").rstrip("."): v for rate, v in expected["vat"].items()
    }
    total = next(r for r in rows if r["section"] == "total")
    assert minor(total["gross"]) == expected["total"]["gross"]
    assert minor(total["refunded"]) == expected["total"]["credit"]


def test_a_dst_day_is_23_hours_and_an_empty_day_is_zero(studio: Studio) -> None:
    spring = studio.services.day_close.close(studio.desk, date(2026, 3, 29))
    autumn = studio.services.day_close.close(studio.desk, date(2026, 10, 25))
    assert spring.ends_at - spring.starts_at == timedelta(hours=23)
    assert autumn.ends_at - autumn.starts_at == timedelta(hours=25)
    assert spring.starts_at == datetime(2026, 3, 28, 23, tzinfo=UTC)
    assert (spring.gross_minor, spring.by_method, spring.by_rate) == (0, (), ())
    assert (
        isinstance(spring, DayClose)
        and "Day close"
        in Pdf(render_day_close(spring, studio.services.catalogue.studio(studio.desk))).text
    )
    with pytest.raises(NotSignedIn):
        studio.services.day_close.close(Principal.anonymous(), DAY)
