"""Purchase exports stream: ``export purchases --csv`` writes every receipt and credit note
of the days, and the memory an export holds stays flat with the number of purchases
(tracemalloc's peak of N against 4N purchases, no timings)."""

from __future__ import annotations

import csv
import io
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.documents.purchases_csv import write_purchases_csv
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER, FakeClock
from tests.factories import build_studio
from tests.test_cli_export import MONDAY, TUESDAY, Filled, export
from tests.test_cli_export import filled as filled  # the fixture

DAY = date(2026, 6, 1)


def test_purchases_as_csv(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "june.csv"
    code, out, err = export(
        capsys, filled.url, "purchases", "--from", "2026-06-01", "--to", "2026-06-02",
        "--csv", str(target),
    )  # fmt: skip
    assert code == 0, err
    assert out == f"Exported 4 purchases to {target}\n"
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    expected = filled.receipts[MONDAY] + filled.receipts[TUESDAY]
    assert [r["number"] for r in rows] == [p.receipt_number for p in expected]
    for row, purchase in zip(rows, expected, strict=True):
        whole, _, cents = row["gross"].lstrip("-").partition(".")
        sign = -1 if row["gross"].startswith("-") else 1
        assert sign * (int(whole) * 100 + int(cents)) == purchase.gross_minor
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    code, out, err = export(
        capsys, filled.url, "purchases", "--from", "2026-06-01", "--to", "2026-06-02",
        "--csv", str(tmp_path / "missing" / "x.csv"),
    )  # fmt: skip
    assert code == 2 and "does not exist" in err and out == ""


def many_purchases(services: Services, count: int, batch: str) -> None:
    """``count`` copies of one paid purchase (its lines and VAT rows), a minute apart on
    DAY, written straight into the tables: the export reads them as any others."""
    with services.db.write() as session:
        template = session.scalars(
            select(t.Purchase).where(t.Purchase.receipt_number.is_not(None))
        ).first()
        assert template is not None
        columns = [c.key for c in t.Purchase.__table__.columns if c.key != "id"]
        base = {c: getattr(template, c) for c in columns}
        lines = [
            {c.key: getattr(line, c.key) for c in t.PurchaseLine.__table__.columns if c.key not in ("id", "purchase_id")}
            for line in template.lines
        ]  # fmt: skip
        vats = [
            {c.key: getattr(v, c.key) for c in t.PurchaseVat.__table__.columns if c.key != "purchase_id"}
            for v in template.vat_rates
        ]  # fmt: skip
        first_id = (session.scalar(select(t.Purchase.id).order_by(t.Purchase.id.desc())) or 0) + 1
        start = datetime(2026, 6, 1, 6, tzinfo=UTC)
        session.execute(
            insert(t.Purchase),
            [
                {**base, "id": first_id + n, "paid_at": start + timedelta(seconds=n),
                 "receipt_number": f"{batch}-{n:07d}", "buyer_name": f"Client {n:07d}"}
                for n in range(count)
            ],
        )  # fmt: skip
        session.execute(
            insert(t.PurchaseLine),
            [{**line, "purchase_id": first_id + n} for n in range(count) for line in lines],
        )
        session.execute(
            insert(t.PurchaseVat),
            [{**vat, "purchase_id": first_id + n} for n in range(count) for vat in vats],
        )


def export_peak(services: Services, export: Callable[[], int]) -> tuple[int, int]:
    """(rows exported, tracemalloc's peak in bytes while exporting)."""
    tracemalloc.start()
    try:
        rows = export()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return rows, peak


class Sink(io.TextIOBase):
    """A text file that keeps nothing (what reaches the disk is not the export's memory)."""

    def write(self, text: str) -> int:
        return len(text)


def test_the_export_memory_stays_flat(sqlite_database: Database) -> None:
    services = Services(sqlite_database, clock=FakeClock(), hasher=FAST_HASHER)
    studio = build_studio(services)
    ana = studio.client("Ana Client")
    booked = studio.book(ana, studio.at(date(2026, 6, 3), 10))
    services.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    system = Principal.system()
    exports = services.exports

    def streamed() -> int:
        rows = exports.stream_purchases_between(system, DAY, DAY, chunk=100)
        return write_purchases_csv(rows, Sink(), "Europe/Berlin")

    def listed() -> int:  # what purchases_between did: every purchase in one list
        return write_purchases_csv(
            exports.purchases_between(system, DAY, DAY), Sink(), "Europe/Berlin"
        )

    many_purchases(services, 400, "A")
    streamed()  # first use: imports, caches, the statement cache filled
    small_rows, small_stream = export_peak(services, streamed)
    _, small_list = export_peak(services, listed)
    many_purchases(services, 1200, "B")
    big_rows, big_stream = export_peak(services, streamed)
    _, big_list = export_peak(services, listed)
    assert (small_rows, big_rows) == (401, 1601)
    # four times the purchases: the stream's peak barely moves, the list's grows with them
    assert big_stream < small_stream * 1.5, (small_stream, big_stream)
    assert big_list > small_list * 1.6, (small_list, big_list)
    assert big_stream * 3 < big_list, (big_stream, big_list)
