"""The streamed exports: ``podyx-admin export purchases --from DAY --to DAY --csv FILE``
(every receipt and credit note issued between two local days as one CSV file) and
``export receipts`` (one PDF each). Both read the purchases a chunk at a time
(``ExportService.stream_purchases_between``) and write them one by one, so the process's
memory stays flat however many purchases the days hold. Each file is written beside its
name and renamed into place when complete.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from podyx_desktop.domain.errors import PodyxError

if TYPE_CHECKING:
    from podyx_desktop.domain.records import Purchase
    from podyx_desktop.services import Services


def export_purchases_csv(services: Services, first: date, last: date, file: str) -> str:
    """Write the CSV and return the line to print (``Exported 120 purchases to FILE``)."""
    from podyx_desktop.documents.purchases_csv import write_purchases_csv, write_text_atomically
    from podyx_desktop.domain.principal import Principal

    path = Path(file).expanduser()
    if path.is_dir():
        raise PodyxError(
            f"{path} is a folder; give the CSV file's name, e.g. {path / 'purchases.csv'}."
        )
    if not path.parent.is_dir():
        raise PodyxError(f"The folder {path.parent} does not exist; create it first.")
    try:
        system = Principal.system()
        zone = services.catalogue.studio(system).time_zone
        rows = services.exports.stream_purchases_between(system, first, last)
        try:
            written = write_text_atomically(path, lambda out: write_purchases_csv(rows, out, zone))
        finally:
            rows.close()  # ends its read transaction
    finally:
        services.db.dispose()
    noun = "purchase" if written == 1 else "purchases"
    return f"Exported {written} {noun} to {path}"


def export_receipts(
    services: Services,
    first: date,
    last: date,
    folder: Path,
    processes: int,
    progress: TextIO | None,
) -> str:
    """Write every receipt and credit note as a PDF into ``folder`` as they stream from
    the database; returns the line to print."""
    from podyx_desktop.cli.export import receipt_jobs, write_all
    from podyx_desktop.domain.enums import PurchaseKind
    from podyx_desktop.domain.principal import Principal

    system = Principal.system()
    credit_notes = 0

    def counted(purchases: Iterable[Purchase]) -> Iterator[Purchase]:
        nonlocal credit_notes
        for purchase in purchases:
            credit_notes += purchase.kind is PurchaseKind.CREDIT_NOTE
            yield purchase

    try:
        studio = services.catalogue.studio(system)
        total = services.exports.count_purchases_between(system, first, last)
        rows = services.exports.stream_purchases_between(system, first, last)
        try:
            written = write_all(
                receipt_jobs(counted(rows)),
                folder,
                studio,
                total=total,
                processes=processes,
                progress=progress,
            )
        finally:
            rows.close()  # ends its read transaction
    finally:
        services.db.dispose()
    noun = "receipt" if written == 1 else "receipts"
    line = f"Exported {written} {noun} to {folder}"
    if credit_notes:
        line += f" ({credit_notes} of them credit {'note' if credit_notes == 1 else 'notes'})"
    return line
