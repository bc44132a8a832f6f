"""Purchases as CSV, one row each, written as they come: an export of a month's receipts
holds one purchase at a time, however many there are (``podyx-admin export purchases``
and the Payments place's "Export purchases…").

Amounts are exact decimals of the stored minor units (``decimal_text``), times are the
studio's local time with their UTC offset (ISO 8601), so a DST day's repeated hour stays
unambiguous.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.domain.records import Purchase

HEADER = (
    "number",
    "kind",
    "status",
    "issued_at",
    "client",
    "method",
    "net",
    "vat",
    "gross",
    "currency",
    "refund_of",
    "refunded_by",
    "booking_id",
    "bundle_id",
    "purchase_id",
)


def decimal_text(minor: int, currency: str) -> str:
    """``123450`` EUR → ``1234.50``: the minor units as an exact decimal, a point, no
    grouping (what spreadsheets and accounting imports read)."""
    from babel.numbers import get_currency_precision

    places = get_currency_precision(currency)
    return str(Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places)))


def write_purchases_csv(purchases: Iterable[Purchase], out: TextIO, time_zone: str) -> int:
    """Write a header and one row per purchase to ``out``; returns how many rows."""
    zone = ZoneInfo(time_zone)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    count = 0
    for p in purchases:
        issued = p.paid_at or p.created_at
        writer.writerow(
            (
                p.receipt_number or "",
                p.kind.value,
                p.status.value,
                issued.astimezone(zone).isoformat(timespec="seconds"),
                p.buyer.name,
                p.method.value,
                decimal_text(p.net_minor, p.currency),
                decimal_text(p.vat_minor, p.currency),
                decimal_text(p.gross_minor, p.currency),
                p.currency,
                p.refund_of_number or "",
                p.refunded_by_number or "",
                p.booking_id or "",
                p.bundle_id or "",
                p.id,
            )
        )
        count += 1
    return count


def write_text_atomically(path: Path, write: Callable[[TextIO], Any]) -> Any:
    """Call ``write(file)`` on a new file beside ``path`` and rename it into place when
    complete, so the folder never holds half a file; a sentence when it cannot."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".podyx-", suffix=".part", dir=folder)
    except OSError as error:
        raise PodyxError(
            f"Cannot write into {folder} ({error.strerror or error}). Choose another folder."
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            count = write(out)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise PodyxError(f"Cannot write {path} ({error.strerror or error}).") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
