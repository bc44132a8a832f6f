"""Download a document as PDF: a receipt, a session summary or a bundle statement.

One flow for all three: suggest a file name, ask where to save it (the native save dialog,
starting in the folder used last or the user's Documents folder), render and write the
PDF on the task runner's worker (reportlab loads there, on first use), then offer to open
the file in the system's PDF viewer. Errors come back as sentences, never tracebacks.

The tabs only say *what* to download: :func:`receipt_request`, :func:`summary_request`
and :func:`statement_request` build a :class:`DocumentRequest`; :class:`DocumentDownload`
does the rest.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from podyx_desktop.domain.enums import PurchaseKind, PurchaseStatus
from podyx_desktop.domain.records import Booking
from podyx_desktop.gui.translation import window_language
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.documents import (
    BundleStatementPdf,
    ReceiptPdf,
    SessionSummaryPdf,
    save_document,
)
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.widgets import error_box

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import Bundle, Purchase
    from podyx_desktop.operations.base import Request

LAST_FOLDER_KEY = "documents/last_folder"
MAX_NAME_LENGTH = 120  # characters before ".pdf": well inside every file system's limit
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')  # not allowed on Windows, or control
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)


# --- what to download -------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRequest:
    """One document: the save dialog's title, the file name offered, who asks, and the
    request that renders it (an operation: it runs off the GUI thread)."""

    title: str
    file_name: str
    principal: Principal
    document: Request[bytes]


def document_language(ctx: ViewContext) -> str:
    """The language of a document made here: a client's in the window's language, staff's
    (a client's receipt from the desk) in the studio's, ``""`` (docs/rules.md)."""
    return "" if ctx.user.principal.is_staff else window_language()


def safe_file_name(stem: str, suffix: str = ".pdf") -> str:
    """``stem`` made safe as a file name on Windows, macOS and Linux, plus ``suffix``."""
    cleaned = " ".join(_UNSAFE.sub(" ", stem).split()).strip(" .")
    cleaned = cleaned[:MAX_NAME_LENGTH].rstrip(" .")
    if not cleaned:
        cleaned = translate("DocumentDownload", "Document")
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned + suffix


def receipt_button_state(purchase: Purchase | None) -> tuple[str, bool, str]:
    """(button text, enabled, reason when disabled) for the purchase's document."""
    if purchase is None:
        return translate("DocumentDownload", "&Download receipt…"), False, ""
    if purchase.receipt_number:
        if purchase.kind is PurchaseKind.CREDIT_NOTE:
            return translate("DocumentDownload", "&Download credit note…"), True, ""
        return translate("DocumentDownload", "&Download receipt…"), True, ""
    if purchase.status is PurchaseStatus.AWAITING_PAYMENT:
        return (
            translate("DocumentDownload", "&Download pro-forma…"),
            True,
            translate("DocumentDownload", "The receipt is issued when the payment is recorded."),
        )
    return (
        translate("DocumentDownload", "&Download receipt…"),
        False,
        translate("DocumentDownload", "This payment was withdrawn, so there is no receipt."),
    )


def receipt_request(ctx: ViewContext, purchase: Purchase) -> DocumentRequest:
    principal, purchase_id = ctx.user.principal, purchase.id
    if purchase.receipt_number and purchase.kind is PurchaseKind.CREDIT_NOTE:
        title = translate("DocumentDownload", "Save credit note")
        stem = translate("DocumentDownload", "Credit note {number}").format(
            number=purchase.receipt_number
        )
    elif purchase.receipt_number:
        title = translate("DocumentDownload", "Save receipt")
        stem = translate("DocumentDownload", "Receipt {number}").format(
            number=purchase.receipt_number
        )
    else:
        title = translate("DocumentDownload", "Save pro-forma")
        stem = translate("DocumentDownload", "Pro-forma for purchase {number}").format(
            number=purchase.id
        )

    document = ReceiptPdf(purchase_id, document_language(ctx))
    return DocumentRequest(title, safe_file_name(stem), principal, document)


def summary_request(ctx: ViewContext, booking: Booking) -> DocumentRequest:
    principal, booking_id = ctx.user.principal, booking.id
    day = DisplayFormat.for_studio(ctx.user.studio).local(booking.starts_at).date()
    stem = translate("DocumentDownload", "Session {date} {service}").format(
        date=day.isoformat(), service=booking.service_name
    )

    return DocumentRequest(
        translate("DocumentDownload", "Save session summary"),
        safe_file_name(stem),
        principal,
        SessionSummaryPdf(booking_id, document_language(ctx)),
    )


def statement_request(ctx: ViewContext, bundle: Bundle) -> DocumentRequest:
    principal, bundle_id = ctx.user.principal, bundle.id
    stem = translate("DocumentDownload", "Bundle statement {name}").format(name=bundle.name)

    return DocumentRequest(
        translate("DocumentDownload", "Save bundle statement"),
        safe_file_name(stem),
        principal,
        BundleStatementPdf(bundle_id, document_language(ctx)),
    )


# --- writing (on the worker thread) -------------------------------------------------------


@dataclass(frozen=True)
class _WriteFailed:
    path: str
    error: OSError


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is either the old file or the whole new one:
    a temporary file in the same folder, flushed to disk, then renamed over ``path``."""
    try:
        mode = path.stat().st_mode & 0o7777  # keep an existing file's permissions
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(OSError):  # best effort: mkstemp made it private
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    """The process's umask, read without changing it where the system tells (Linux)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def _write_to(path: str) -> Callable[[bytes], str | _WriteFailed]:
    """Write the document's bytes to ``path`` (on the worker); a failure becomes words."""

    def write(data: bytes) -> str | _WriteFailed:
        try:
            write_atomically(Path(path), data)
        except OSError as error:
            return _WriteFailed(path, error)
        return path

    return write


def write_error_text(path: str, error: OSError) -> str:
    """What went wrong writing ``path``, in words the user can act on."""
    target = Path(path)
    if isinstance(error, PermissionError):
        reason = translate(
            "DocumentDownload",
            "you may not write there, or the file is open in another program. "
            "Close it, or choose another folder",
        )
    elif error.errno == errno.ENOTDIR:
        reason = translate(
            "DocumentDownload", "part of that path is a file, not a folder. Choose another folder"
        )
    elif error.errno == errno.ENOENT:
        reason = translate("DocumentDownload", "that folder does not exist. Choose another folder")
    elif error.errno == errno.ENOSPC:
        reason = translate(
            "DocumentDownload", "the disk is full. Free some space, or choose another disk"
        )
    else:
        reason = (error.strerror or str(error) or type(error).__name__).rstrip(".")
    return translate("DocumentDownload", "Could not save “{name}” in {folder}: {reason}.").format(
        name=target.name, folder=str(target.parent), reason=reason
    )


# --- the flow, on the GUI thread ------------------------------------------------------------


class DocumentDownload(QObject):
    """Ask where, write off the GUI thread, offer to open: one per screen."""

    saved = Signal(str)  # the file's path
    failed = Signal(str)  # the message shown

    def __init__(
        self, ctx: ViewContext, parent: QWidget, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._widget = parent
        # QSettings() reads its file: made when first needed, not while a tab is built.
        self._given_settings = settings
        self._saving = False
        self.offer: QMessageBox | None = None  # "Saved … Open it now?", while it shows
        self.error: QMessageBox | None = None

    def _settings(self) -> QSettings:
        if self._given_settings is None:
            self._given_settings = QSettings()
        return self._given_settings

    @property
    def is_saving(self) -> bool:
        return self._saving

    def start_folder(self) -> Path:
        """The folder used last, else the user's Documents folder, else home."""
        last = self._settings().value(LAST_FOLDER_KEY, "")
        if isinstance(last, str) and last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if documents and Path(documents).is_dir():
            return Path(documents)
        return Path.home()

    SUFFIX = ".pdf"  # what the files saved are, and what the save dialog offers

    def file_filter(self) -> str:
        return self.tr("PDF documents (*.pdf)")

    def ask_path(self, request: DocumentRequest) -> str:
        """The path the user chose ("" if they canceled), with :attr:`SUFFIX` if they left
        it off."""
        path, _filter = QFileDialog.getSaveFileName(
            self._widget,
            request.title,
            str(self.start_folder() / request.file_name),
            self.file_filter(),
        )
        if path and not Path(path).suffix:
            path += self.SUFFIX
        return path

    def start(self, request: DocumentRequest) -> bool:
        """Ask where to save ``request``'s document, then save it; False if canceled."""
        if self._saving:
            return False
        path = self.ask_path(request)
        if not path:
            return False
        self._saving = True
        save_document(self._ctx, request.principal, request.document, _write_to(path)).success(
            self._written
        ).failure(self._show_error).run(self)
        return True

    def _written(self, outcome: str | _WriteFailed) -> None:
        if isinstance(outcome, _WriteFailed):
            self._show_error(write_error_text(outcome.path, outcome.error))
            return
        self._saving = False
        path = Path(outcome)
        self._settings().setValue(LAST_FOLDER_KEY, str(path.parent))
        self.saved.emit(str(path))
        self._offer_to_open(path)

    def _show_error(self, message: str) -> None:
        self._saving = False
        self.failed.emit(message)
        self.error = error_box(self._widget, message, self.tr("Download"))

    def _offer_to_open(self, path: Path) -> None:
        box = QMessageBox(self._widget)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Document saved"))
        box.setText(self.tr("Saved “{name}”. Open it now?").format(name=path.name))
        box.setInformativeText(self.tr("It is in {folder}.").format(folder=str(path.parent)))
        open_button = box.addButton(self.tr("&Open"), QMessageBox.ButtonRole.AcceptRole)
        close_button = box.addButton(self.tr("&Close"), QMessageBox.ButtonRole.RejectRole)
        open_button.setAccessibleName(self.tr("Open the document"))
        close_button.setAccessibleName(self.tr("Close without opening"))
        box.setDefaultButton(open_button)
        box.setEscapeButton(close_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda _code: self._offer_answered(path, box.clickedButton() is open_button)
        )
        self.offer = box
        box.open()

    def _offer_answered(self, path: Path, open_it: bool) -> None:
        self.offer = None
        if open_it and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.error = error_box(
                self._widget,
                self.tr("No program to open PDF files was found. The file is in {folder}.").format(
                    folder=str(path.parent)
                ),
                self.tr("Download"),
            )
