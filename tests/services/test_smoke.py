from __future__ import annotations

from datetime import date

from tests.factories import Studio


def test_book_and_list(studio: Studio) -> None:
    ana = studio.client()
    result = studio.book(ana, studio.at(date(2026, 6, 3), 10))
    assert result.booking.status == "pending"
    assert result.purchase is not None and result.purchase.receipt_number is None
    rows = studio.services.bookings.list_for_client(ana.principal, ana.account.id)
    assert [b.id for b in rows] == [result.booking.id]
