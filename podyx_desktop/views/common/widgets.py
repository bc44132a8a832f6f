"""Small widgets every screen shares: a status pill, an error box.

Money and time helpers live in :mod:`podyx_desktop.views.common.formatting` and are re-exported
here for convenience; ``status_text`` is the vocabulary's word for a booking status.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QWidget,
)

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.vocabulary import booking_status_text as status_text
from podyx_desktop.views.common import palette
from podyx_desktop.views.common.formatting import local_time_text, money_text

__all__ = [
    "StatusBadge",
    "error_box",
    "local_time_text",
    "money_text",
    "status_text",
]

# the palette's roles per status: calm for settled, amber for waiting, grey for over
_STATUS_ROLES: dict[BookingStatus, str] = {
    BookingStatus.PENDING: "pending",
    BookingStatus.CONFIRMED: "confirmed",
    BookingStatus.RESCHEDULED: "rescheduled",
    BookingStatus.CANCELED: "canceled",
    BookingStatus.COMPLETED: "completed",
    BookingStatus.NO_SHOW: "no_show",
}


def status_colours(status: BookingStatus) -> tuple[str, str]:
    """(foreground, background) colours of the pill for ``status``, in the current scheme."""
    name = _STATUS_ROLES[status]
    return palette.css_of(f"{name}_text"), palette.css_of(f"{name}_background")


class StatusBadge(QLabel):
    """A coloured pill that names a booking status."""

    def __init__(self, status: BookingStatus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._status: BookingStatus | None = None
        palette.on_change(self._restyle)
        if status is not None:
            self.set_status(status)

    @property
    def status(self) -> BookingStatus | None:
        return self._status

    def set_status(self, status: BookingStatus) -> None:
        self._status = status
        text = status_text(status)
        self.setText(text)
        self.setAccessibleName(self.tr("Status: {status}").format(status=text))
        self._restyle()

    @Slot(str)
    def _restyle(self, *_scheme: object) -> None:
        if self._status is None:
            return
        foreground, background = status_colours(self._status)
        self.setStyleSheet(
            f"QLabel {{ color: {foreground}; background: {background}; border-radius: 9px;"
            " padding: 2px 10px; font-weight: 600; }"
        )


def error_box(parent: QWidget | None, message: str, title: str | None = None) -> QMessageBox:
    """Show ``message`` in a modal-to-the-window warning box (not blocking the event loop)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("ErrorBox", "Podyx"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def ask_destructive(
    parent: QWidget,
    title: str,
    question: str,
    detail: str,
    do_text: str,
    keep_text: str,
    answered: Callable[[bool], object],
) -> QMessageBox:
    """Ask ``question`` before something that cannot be undone, in a window-modal box
    whose default (and Escape) is ``keep_text``; ``answered(True)`` once the person chose
    ``do_text``, ``answered(False)`` otherwise. The box deletes itself when closed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    box.setInformativeText(detail)
    yes = box.addButton(do_text, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.finished.connect(lambda _code: answered(box.clickedButton() is yes))
    box.open()
    return box
