"""Downloading documents: a receipt (or credit note, or pro-forma) from the Purchases tab, a
session summary from the Bookings tab and a bundle statement from the Bundles tab.

Qt's native save dialog and the system's URL opener are replaced (they are Qt's, not ours);
everything else runs for real: the PDF is rendered and written on the task runner's worker,
and the "Open it now?" box is answered by clicking its buttons.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, PurchaseStatus, RefundTo
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.gui import translation
from podyx_desktop.operations.documents import ReceiptPdf, SessionSummaryPdf
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.document_actions import (
    LAST_FOLDER_KEY,
    DocumentDownload,
    receipt_button_state,
    receipt_request,
    safe_file_name,
    summary_request,
)
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.profile.bundles_tab import BundlesTab
from podyx_desktop.views.profile.purchases_tab import PurchasesTab
from tests.documents.pdfcheck import Pdf
from tests.factories import BERLIN
from tests.gui.conftest import next_day_at
from tests.gui.fixtures_tabs import click, open_tab, sample_purchases, select_row, wait_idle


class SaveDialog:
    """Stands in for ``QFileDialog.getSaveFileName``: answers with ``answer``, records calls."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str, str]] = []

    def __call__(self, parent: Any, title: str, start: str, filters: str, *_a: Any) -> Any:
        self.calls.append((title, start, filters))
        return self.answer, filters


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The URLs handed to the system's opener (which is not run)."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder to save documents in (the test's studio lives in ``tmp_path``)."""
    folder = tmp_path / "documents"
    folder.mkdir()
    return folder


def save_to(monkeypatch: pytest.MonkeyPatch, answer: Path | str) -> SaveDialog:
    dialog = SaveDialog(str(answer))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return dialog


def message_box(qtbot: Any, containing: str, timeout: int = 20_000) -> QMessageBox:
    """The visible message box whose text contains ``containing``, once it shows."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        candidates = [QApplication.activeModalWidget(), *QApplication.topLevelWidgets()]
        for widget in candidates:
            if (
                isinstance(widget, QMessageBox)
                and widget.isVisible()
                and containing in widget.text()
            ):
                found.append(widget)
                return True
        return False

    qtbot.waitUntil(shown, timeout=timeout)
    return found[0]


def answer(qtbot: Any, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    assert isinstance(button, QPushButton) and button.accessibleName()
    click(qtbot, button)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5_000)


def pdf_text(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def download(
    qtbot: Any, ctx: ViewContext, button: QPushButton, downloads: DocumentDownload
) -> None:
    """Click ``button`` and wait for the saved file to be offered (or an error shown)."""
    click(qtbot, button)
    qtbot.waitUntil(lambda: not downloads.is_saving, timeout=20_000)
    wait_idle(qtbot, ctx)


# --- receipts, credit notes and pro-formas ------------------------------------------------


def _purchases_tab(qtbot: Any, ctx: ViewContext) -> PurchasesTab:
    return open_tab(qtbot, ctx, PurchasesTab, (1200, 700))


def test_download_a_receipt_and_a_credit_note(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    out: Path,
    opened: list[QUrl],
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    booking = gui_services.bookings.get(client_session.principal, studio.booking_id)
    assert booking.purchase_id is not None
    tab = _purchases_tab(qtbot, tab_context)
    select_row(qtbot, tab.view)
    # Not paid yet: a pro-forma is offered, and the reason says why it is not a receipt.
    assert tab.download_button.isEnabled()
    assert tab.download_button.text() == "&Download pro-forma…"
    assert tab.download_button.accessibleName() == "Download pro-forma"
    assert tab.download_reason.text() == "The receipt is issued when the payment is recorded."

    paid = gui_services.purchases.record_payment(
        factory_studio.desk, booking.purchase_id, PaymentMethod.CARD_AT_DESK
    )
    tab_context.bus.publish(Changes.of(Kind.PURCHASES))
    qtbot.waitUntil(lambda: tab.receipt_label.text() == paid.receipt_number, timeout=10_000)
    assert paid.receipt_number
    assert tab.download_button.text() == "&Download receipt…"
    assert tab.download_reason.text() == ""

    target = out / "receipt.pdf"
    dialog = save_to(monkeypatch, target)
    download(qtbot, tab_context, tab.download_button, tab.downloads)
    title, start, filters = dialog.calls[0]
    assert title == "Save receipt"
    assert Path(start).name == f"Receipt {paid.receipt_number}.pdf"
    assert filters == "PDF documents (*.pdf)"
    box = message_box(qtbot, "Open it now?")
    assert box.text() == "Saved “receipt.pdf”. Open it now?"
    answer(qtbot, box, "Open")
    assert opened == [QUrl.fromLocalFile(str(target))]
    text = pdf_text(target)
    assert paid.receipt_number in text
    assert "Receipt" in text
    assert [p.name for p in out.iterdir()] == ["receipt.pdf"]  # no temporary file left
    # The next download starts in the folder used last.
    assert QSettings().value(LAST_FOLDER_KEY) == str(out)
    assert tab.downloads.start_folder() == out

    # Refunded: the credit note downloads as a credit note.
    gui_services.purchases.refund(
        factory_studio.owner, booking.purchase_id, RefundTo.STORE_CREDIT, "Studio closed"
    )
    tab_context.bus.publish(Changes.of(Kind.PURCHASES))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10_000)
    wait_idle(qtbot, tab_context)
    row = next(
        r
        for r in range(tab.view.model().rowCount())
        if tab.view.model().index(r, tab.model.KIND).data() == "Refund (credit note)"
    )
    select_row(qtbot, tab.view, row)
    credit = tab.selected_purchase()
    assert credit is not None and credit.kind is PurchaseKind.CREDIT_NOTE
    assert credit.receipt_number
    assert tab.download_button.text() == "&Download credit note…"
    dialog = save_to(monkeypatch, out / "credit")  # no suffix typed: ".pdf" is added
    download(qtbot, tab_context, tab.download_button, tab.downloads)
    assert Path(dialog.calls[0][1]) == out / f"Credit note {credit.receipt_number}.pdf"
    answer(qtbot, message_box(qtbot, "Open it now?"), "Close")
    assert len(opened) == 1  # closing opens nothing
    text = pdf_text(out / "credit.pdf")
    assert "Credit note" in text
    assert credit.receipt_number in text


def test_cancel_in_the_save_dialog_writes_nothing(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    out: Path,
    opened: list[QUrl],
    tab_context: ViewContext,
) -> None:
    tab = _purchases_tab(qtbot, tab_context)
    select_row(qtbot, tab.view)
    dialog = save_to(monkeypatch, "")
    click(qtbot, tab.download_button)
    assert len(dialog.calls) == 1
    assert not tab.downloads.is_saving
    assert tab_context.tasks.pending == 0  # nothing was rendered
    qtbot.wait(100)
    assert list(out.iterdir()) == []
    assert tab.downloads.offer is None and tab.downloads.error is None
    assert opened == []
    assert QSettings().value(LAST_FOLDER_KEY) is None


def test_an_unwritable_target_shows_an_error_in_words(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    out: Path,
    opened: list[QUrl],
    tab_context: ViewContext,
) -> None:
    tab = _purchases_tab(qtbot, tab_context)
    select_row(qtbot, tab.view)
    blocker = out / "not-a-folder"
    blocker.write_text("a file, not a folder")
    save_to(monkeypatch, blocker / "receipt.pdf")
    with qtbot.waitSignal(tab.downloads.failed, timeout=20_000) as failed:
        click(qtbot, tab.download_button)
    message = failed.args[0]
    assert message.startswith("Could not save “receipt.pdf” in ")
    assert "not a folder" in message
    assert "Traceback" not in message and "Errno" not in message
    box = message_box(qtbot, "Could not save")
    assert box.text() == message
    box.close()
    assert sorted(p.name for p in out.iterdir()) == ["not-a-folder"]
    assert blocker.read_text() == "a file, not a folder"
    assert opened == []
    assert tab.download_button.isEnabled()  # the user may try again


# --- session summaries ---------------------------------------------------------------------


def test_download_a_rescheduled_sessions_summary(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    out: Path,
    opened: list[QUrl],
    tab_context: ViewContext,
    studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    moved = gui_services.bookings.reschedule(
        client_session.principal, studio.booking_id, next_day_at(5, 14)
    )
    tab = BookingsTab(tab_context)
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    tab.reload()
    wait_idle(qtbot, tab_context)
    select_row(qtbot, tab.upcoming_view)
    wait_idle(qtbot, tab_context)
    assert tab.details.download_button.isEnabled()
    assert tab.details.download_button.accessibleName() == "Download the session summary"
    target = out / "summary.pdf"
    dialog = save_to(monkeypatch, target)
    download(qtbot, tab_context, tab.details.download_button, tab.downloads)
    day = moved.starts_at.astimezone(BERLIN).date()  # the studio's day, as ISO
    assert Path(dialog.calls[0][1]).name == f"Session {day.isoformat()} Podcast recording.pdf"
    assert dialog.calls[0][0] == "Save session summary"
    answer(qtbot, message_box(qtbot, "Open it now?"), "Open")
    assert opened == [QUrl.fromLocalFile(str(target))]
    text = pdf_text(target)
    assert "Session summary" in text
    assert "Podcast recording" in text
    assert "Rescheduled" in text


# --- bundle statements ---------------------------------------------------------------------


def test_download_a_bundle_statement(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    out: Path,
    opened: list[QUrl],
    tab_context: ViewContext,
    factory_studio: Any,
    client_session: SignedIn,
) -> None:
    factory_studio.services.bundles.issue(
        factory_studio.desk, client_session.account.id, factory_studio.bundle_product, "Gift"
    )
    tab = BundlesTab(tab_context)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    tab.reload()
    wait_idle(qtbot, tab_context)
    select_row(qtbot, tab.active_view)
    wait_idle(qtbot, tab_context)
    bundle = tab.selected_bundle()
    assert bundle is not None and bundle.name == "3 × 2 h podcast"
    target = out / "statement.pdf"
    dialog = save_to(monkeypatch, target)
    download(qtbot, tab_context, tab.download_button, tab.downloads)
    assert Path(dialog.calls[0][1]).name == "Bundle statement 3 × 2 h podcast.pdf"
    answer(qtbot, message_box(qtbot, "Open it now?"), "Open")
    assert opened == [QUrl.fromLocalFile(str(target))]
    text = pdf_text(target)
    assert "Bundle statement" in text
    assert "3 × 2 h podcast" in text


# --- file names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("Receipt R-2026-00001", "Receipt R-2026-00001.pdf"),
        ("Session 2026-06-03 Podcast recording", "Session 2026-06-03 Podcast recording.pdf"),
        ("Bundle statement 5 × 2 h", "Bundle statement 5 × 2 h.pdf"),
        ('Session a/b\\c: "x" <y>|z?*', "Session a b c x y z.pdf"),
        ("  trailing dots...  ", "trailing dots.pdf"),
        ("CON", "_CON.pdf"),
        ("\x00\t\n", "Document.pdf"),
        ("Žofia Ωmega — 2 h", "Žofia Ωmega — 2 h.pdf"),
    ],
)
def test_file_names_are_safe_everywhere(stem: str, expected: str) -> None:
    assert safe_file_name(stem) == expected


def test_long_names_are_cut() -> None:
    name = safe_file_name("x" * 500)
    assert name.endswith(".pdf") and len(name) <= 124


def test_what_each_purchase_offers(qapp: Any) -> None:
    paid, awaiting, _addons, credit = sample_purchases()
    assert receipt_button_state(None) == ("&Download receipt…", False, "")
    assert receipt_button_state(paid) == ("&Download receipt…", True, "")
    assert receipt_button_state(credit) == ("&Download credit note…", True, "")
    text, enabled, reason = receipt_button_state(awaiting)
    assert (text, enabled) == ("&Download pro-forma…", True) and reason
    void = replace(awaiting, status=PurchaseStatus.VOID)
    assert receipt_button_state(void) == (
        "&Download receipt…",
        False,
        "This payment was withdrawn, so there is no receipt.",
    )


def test_a_clients_documents_are_in_the_windows_language_staffs_in_the_studios(
    monkeypatch: pytest.MonkeyPatch,
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    """docs/rules.md, "The documents' language": the client's window asks for its own
    language; staff ask for the studio's (de_DE here), whatever their window shows."""
    booking = gui_services.bookings.get(client_session.principal, studio.booking_id)
    assert booking.purchase_id is not None
    purchase = gui_services.purchases.get(client_session.principal, booking.purchase_id)
    english = summary_request(tab_context, booking).document
    assert isinstance(english, SessionSummaryPdf) and english.language == "en"
    monkeypatch.setattr(translation, "_installed", "de")  # a window in German
    german = summary_request(tab_context, booking).document
    assert isinstance(german, SessionSummaryPdf) and german.language == "de"
    text = Pdf(german.run(gui_services, client_session.principal)).text
    assert "Terminübersicht" in text and "Session summary" not in text

    desk_user = tab_context.user._replace(principal=factory_studio.desk)
    desk = ViewContext(tab_context.tasks, tab_context.bus, desk_user, tab_context.backend)
    monkeypatch.setattr(translation, "_installed", "en")  # staff in an English window
    staff = receipt_request(desk, purchase).document
    assert isinstance(staff, ReceiptPdf) and staff.language == ""  # the studio's
    text = Pdf(staff.run(gui_services, factory_studio.desk)).text
    assert "Proforma" in text and "Pro-forma" not in text
