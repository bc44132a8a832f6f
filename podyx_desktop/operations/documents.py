"""Operations that make a PDF: a receipt (or credit note, or pro-forma), a session summary,
a bundle statement. The backend answers with the document's bytes; the operation writes
them where the person chose, still off the GUI thread.

Each request names the document's ``language`` ("en", "de"): the client's window sends its
own, staff send ``""`` — the studio's (docs/rules.md, "The documents' language")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from podyx_desktop.operations.base import Op, Request, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

T = TypeVar("T")


class ReceiptPdf(NamedTuple):
    """A purchase's receipt, credit note or pro-forma as PDF, in ``language``."""

    purchase_id: int
    language: str = ""  # "en", "de"; "": the studio's

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents import render_receipt

        latest = services.purchases.get(principal, self.purchase_id)
        studio = services.catalogue.studio(principal)
        return render_receipt(latest, studio, language=self.language)


class SessionSummaryPdf(NamedTuple):
    """A booking's session summary as PDF, in ``language``."""

    booking_id: int
    language: str = ""  # "en", "de"; "": the studio's

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents import render_session_summary

        summary = services.reports.session_summary(principal, self.booking_id)
        return render_session_summary(summary, language=self.language)


class BundleStatementPdf(NamedTuple):
    """A bundle's statement as PDF, in ``language``."""

    bundle_id: int
    language: str = ""  # "en", "de"; "": the studio's

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents import render_bundle_statement

        statement = services.reports.bundle_statement(principal, self.bundle_id)
        return render_bundle_statement(statement, language=self.language)


def save_document(
    seat: Seat, principal: Principal, document: Request[bytes], write: Callable[[bytes], T]
) -> Op[T]:
    """Render ``document`` and ``write`` its bytes (on the worker); ``success`` gets what
    ``write`` returned."""
    return Op[bytes](seat, principal, document).on_worker(write)
