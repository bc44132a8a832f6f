"""Staff share a file from disk, or a link, with a client: the file (or address and
name) and, optionally, one of the client's bookings it belongs to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from podyx_desktop.domain.records import Booking
    from podyx_desktop.models.display import DisplayFormat


class ShareChoice(NamedTuple):
    """What to share: a file's ``path`` or a link's ``url`` (with its ``name``)."""

    path: str
    url: str
    name: str
    booking_id: int | None


class ShareFileDialog(QDialog):
    """A file from disk (``link`` False) or a link (``link`` True), for the client or one
    of their bookings."""

    def __init__(
        self,
        client_name: str,
        bookings: list[Booking],
        display: DisplayFormat,
        parent: QWidget | None = None,
        *,
        link: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ShareFileDialog")
        self.link = link
        self.setWindowTitle(
            self.tr("Share a link with {name}") if link else self.tr("Share a file with {name}")
        )
        self.setWindowTitle(self.windowTitle().format(name=client_name))
        form = QFormLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("File"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._browse)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.setAccessibleName(self.tr("Address"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Name"))
        if link:
            form.addRow(self.tr("Address:"), self.url_edit)
            form.addRow(self.tr("Name:"), self.name_edit)
            self.path_edit.hide()  # not in the layout: hidden, not drawn at the corner
            self.browse_button.hide()
        else:
            self.url_edit.hide()
            self.name_edit.hide()
            row = QHBoxLayout()
            row.addWidget(self.path_edit, 1)
            row.addWidget(self.browse_button)
            form.addRow(self.tr("File:"), row)
        self.booking_combo = QComboBox(self)
        self.booking_combo.setAccessibleName(self.tr("Booking"))
        self.booking_combo.addItem(self.tr("No booking (for the client)"), None)
        for booking in bookings:
            self.booking_combo.addItem(
                self.tr("{when} · {service}").format(
                    when=display.date_time(booking.starts_at), service=booking.service_name
                ),
                booking.id,
            )
        form.addRow(self.tr("For booking:"), self.booking_combo)
        self.message = QLabel(self)
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Share"))
        for button in self.buttons.buttons():
            button.setIcon(QIcon())  # the platform's tick and cross clip "Share"
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "The client sees it in their Files tab. A link must start with http:// or https://."
            )
            if link
            else self.tr(
                "The file is stored in the studio's database and the client downloads it from "
                "their Files tab, its checksum verified."
            ),
            self,
        )
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    @Slot()
    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the file to share"))
        if path:
            self.path_edit.setText(path)

    def choice(self) -> ShareChoice:
        return ShareChoice(
            self.path_edit.text().strip(),
            self.url_edit.text().strip(),
            self.name_edit.text().strip(),
            self.booking_combo.currentData(),
        )

    @Slot()
    def _accept(self) -> None:
        choice = self.choice()
        if self.link and not choice.url:
            self.message.setText(self.tr("Paste the address of the file, starting with https://."))
            return
        if self.link and not choice.name:
            self.name_edit.setText(Path(choice.url.rstrip("/")).name or choice.url)
        if not self.link and not (choice.path and Path(choice.path).is_file()):
            self.message.setText(self.tr("Choose a file that exists on this computer."))
            return
        self.accept()
