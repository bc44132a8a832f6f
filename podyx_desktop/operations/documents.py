"""Operations that make a PDF: a receipt (or credit note, or pro-forma), a session summary,
a bundle statement. The backend answers with the document's bytes; the operation writes
them where the person chose, still off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from podyx_desktop.operations.base import Op, Request, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

T = TypeVar("T")


class ReceiptPdf(NamedTuple):
    purchase_id: int

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents import render_receipt

        latest = services.purchases.get(principal, self.purchase_id)
        return render_receipt(latest, services.catalogue.studio(principal))


class SessionSummaryPdf(NamedTuple):
    booking_id: int

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents import render_session_summary

        return render_session_summary(services.reports.session_summary(principal, self.booking_id))


class BundleStatementPdf(NamedTuple):
    bundle_id: int

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents import render_bundle_statement

        return render_bundle_statement(services.reports.bundle_statement(principal, self.bundle_id))


def save_document(
    seat: Seat, principal: Principal, document: Request[bytes], write: Callable[[bytes], T]
) -> Op[T]:
    """Render ``document`` and ``write`` its bytes (on the worker); ``success`` gets what
    ``write`` returned."""
    return Op[bytes](seat, principal, document).on_worker(write)
