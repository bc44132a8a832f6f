"""Operations of the Payments place: the queue's pages, "mark these transfers received",
withdrawing a bundle bought by transfer, a day's close (shown, and saved as PDF and CSV)
and the CSV export of the purchases between two days. Approving one payment and refusing
a pending booking are the desk's own operations (:mod:`.desk`: ``approve_payment``,
``refuse_booking``).

Files are written on the worker: the day close's PDF is rendered there, and the purchase
export streams from the services to the file a row at a time.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.domain.message import m
from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from podyx_desktop.domain.paging import Page, PageRequest
    from podyx_desktop.domain.payments import BulkPaymentOutcome, DayClose, PendingPayment
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services


class PendingPaymentsPage(NamedTuple):
    request: PageRequest

    def run(self, services: Services, principal: Principal) -> Page[PendingPayment]:
        return services.payment_queue.page(principal, self.request)


class MarkTransfersReceived(NamedTuple):
    """Record each purchase as paid by bank transfer, each on its own; the ones approved
    elsewhere meanwhile are reported, not failed."""

    purchase_ids: tuple[int, ...]

    def run(self, services: Services, principal: Principal) -> BulkPaymentOutcome:
        return services.payment_queue.mark_transfers_received(principal, self.purchase_ids)


class WithdrawPurchase(NamedTuple):
    """Refuse a bundle bought by transfer: withdrawn, its sessions voided."""

    purchase_id: int
    reason: str

    def run(self, services: Services, principal: Principal) -> None:
        services.payment_queue.withdraw(principal, self.purchase_id, self.reason)


class LoadDayClose(NamedTuple):
    day: date

    def run(self, services: Services, principal: Principal) -> DayClose:
        return services.day_close.close(principal, self.day)


class DayCloseFiles(NamedTuple):
    """The day close rendered: (its figures, the PDF's bytes, the CSV's text)."""

    day: date

    def run(self, services: Services, principal: Principal) -> tuple[DayClose, bytes, str]:
        from podyx_desktop.documents.day_close import day_close_csv, render_day_close

        close = services.day_close.close(principal, self.day)
        studio = services.catalogue.studio(principal)
        # staff make it: in the studio's language (docs/rules.md)
        pdf = render_day_close(close, studio, language="")
        return close, pdf, day_close_csv(close)


class ExportPurchasesCsv(NamedTuple):
    """The receipts and credit notes issued from ``first`` to ``last`` into ``path`` as
    CSV, streamed; answers how many rows were written."""

    first: date
    last: date
    path: str

    def run(self, services: Services, principal: Principal) -> int:
        from podyx_desktop.documents.purchases_csv import write_purchases_csv, write_text_atomically

        zone = services.catalogue.studio(principal).time_zone
        rows = services.exports.stream_purchases_between(principal, self.first, self.last)
        try:
            return write_text_atomically(
                Path(self.path), lambda out: write_purchases_csv(rows, out, zone)
            )
        finally:
            rows.close()  # ends its read transaction


def write_day_close(
    pdf_path: Path, csv_path: Path | None
) -> Callable[[tuple[DayClose, bytes, str]], DayClose]:
    """What the day close's ``on_worker`` does with its files: the PDF (and the CSV)."""

    def write(files: tuple[DayClose, bytes, str]) -> DayClose:
        close, pdf, text = files
        _write_bytes(pdf_path, pdf)
        if csv_path is not None:
            from podyx_desktop.documents.purchases_csv import write_text_atomically

            write_text_atomically(csv_path, lambda out: out.write(text))
        return close

    return write


def _write_bytes(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(prefix=".podyx-", suffix=".part", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as error:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise PodyxError(
            m("Cannot write {path} ({reason}).", path=path, reason=error.strerror or error)
        ) from None


# --- the operations views call ----------------------------------------------------------


def payments_page_source(
    principal: Principal,
) -> Callable[[Services, PageRequest], Page[PendingPayment]]:
    """The queue model's page source, run on the worker with the services."""

    def source(services: Services, request: PageRequest) -> Page[PendingPayment]:
        return PendingPaymentsPage(request).run(services, principal)

    return source


def page_runner(seat: Seat, owner: QObject) -> Callable[..., None]:
    """The paged model's runner (``models.paged.Runner``) over the seat's task runner: the
    page source runs on the worker, its answer comes back on the GUI thread, and not at
    all once ``owner`` is deleted."""

    def run(call: Any, on_done: Any, on_error: Any) -> None:
        seat.tasks.run(call, on_success=on_done, on_error=on_error, owner=owner)

    return run


def mark_transfers_received(
    seat: Seat, principal: Principal, purchase_ids: tuple[int, ...]
) -> Op[BulkPaymentOutcome]:
    return Op(seat, principal, MarkTransfersReceived(purchase_ids))


def withdraw_purchase(seat: Seat, principal: Principal, purchase_id: int, reason: str) -> Op[None]:
    return Op(seat, principal, WithdrawPurchase(purchase_id, reason))


def load_day_close(seat: Seat, principal: Principal, day: date) -> Op[DayClose]:
    return Op(seat, principal, LoadDayClose(day))


def save_day_close(
    seat: Seat, principal: Principal, day: date, pdf_path: Path, csv_path: Path | None
) -> Op[DayClose]:
    """Render the day close on the worker and write its PDF (and CSV) there."""
    files: Op[tuple[DayClose, bytes, str]] = Op(seat, principal, DayCloseFiles(day))
    return files.on_worker(write_day_close(pdf_path, csv_path))


def export_purchases_csv(
    seat: Seat, principal: Principal, first: date, last: date, path: Path
) -> Op[int]:
    return Op(seat, principal, ExportPurchasesCsv(first, last, str(path)))
