"""“Connect to your studio”: a client at home types the studio's address, or pastes the
code the studio gave them; the window looks there and shows what it found — the studio's
name and, for a certificate no public authority vouches for, its fingerprint to compare
with the studio's — before anything is trusted.

The looking is done elsewhere (the app runs it off the GUI thread): the dialog asks with
``probe_requested(text)`` and is answered with :meth:`show_probe` or :meth:`show_problem`;
``trusted(probe)`` says the person confirmed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.views.common.text_style import wrapped_label

if TYPE_CHECKING:
    from podyx_desktop.domain.connect_code import StudioProbe


class ConnectDialog(QDialog):
    probe_requested = Signal(str)
    trusted = Signal(object)  # StudioProbe

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConnectDialog")
        self.setWindowTitle(self.tr("Connect to your studio"))
        self.setMinimumWidth(520)
        self._probe: StudioProbe | None = None

        intro = QLabel(
            self.tr(
                "Type your studio's address (for example studio.example.com), or paste the "
                "code the studio gave you. Your bookings, bundles and receipts are then kept "
                "on this computer and stay readable when you are offline."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.address = QLineEdit(self)
        self.address.setAccessibleName(self.tr("Studio address or code"))
        self.address.setPlaceholderText(self.tr("studio.example.com or PODYX1-…"))
        self.look_button = QPushButton(self.tr("Look up"), self)
        self.look_button.setAccessibleName(self.tr("Look up the studio"))
        self.look_button.setDefault(True)
        self.status = wrapped_label(self, "Muted", self.tr("Connection status"))
        self.problem = wrapped_label(self, "ErrorText", self.tr("Connection problem"))
        self.problem.hide()
        self.found = wrapped_label(self, "NoteText", self.tr("What was found"))
        self.found.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.found.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = self.buttons.addButton(
            self.tr("Trust and connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setObjectName("PrimaryButton")
        self.connect_button.setAccessibleName(self.tr("Trust and connect"))
        self.connect_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.address)
        layout.addWidget(self.look_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addWidget(self.found)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.look_button.clicked.connect(self.look_up)
        self.address.returnPressed.connect(self.look_up)
        self.address.textEdited.connect(self._forget)
        self.buttons.rejected.connect(self.reject)
        self.connect_button.clicked.connect(self._trust)

    @Slot()
    def look_up(self) -> None:
        text = self.address.text().strip()
        if not text:
            self.show_problem(self.tr("Type the studio's address, or paste its code."))
            return
        self._forget()
        self.look_button.setEnabled(False)
        self.status.setText(self.tr("Looking for the studio…"))
        self.status.show()
        self.probe_requested.emit(text)

    def show_probe(self, probe: StudioProbe) -> None:
        from podyx_desktop.domain.connect_code import format_fingerprint

        self._probe = probe
        self.look_button.setEnabled(True)
        self.status.hide()
        self.problem.hide()
        lines = [
            self.tr("Found {studio} at {address}.").format(
                studio=probe.studio_name, address=probe.address
            )
        ]
        if probe.fingerprint is None:
            lines.append(
                self.tr("Its certificate is vouched for by a public authority.")
                if probe.address.startswith("https://")
                else self.tr("This is a test server on this computer (no encryption).")
            )
        elif probe.from_code:
            lines.append(self.tr("Its certificate matches the code from your studio."))
        else:
            lines.append(
                self.tr(
                    "Its certificate is the studio's own. Check that this fingerprint is the "
                    "one your studio gave you before you trust it:\n{fingerprint}"
                ).format(fingerprint=_two_lines(format_fingerprint(probe.fingerprint)))
            )
        self.found.setText("\n\n".join(lines))
        self.found.show()
        self.connect_button.setEnabled(True)
        self.connect_button.setFocus()

    def show_problem(self, message: str) -> None:
        self._probe = None
        self.look_button.setEnabled(True)
        self.status.hide()
        self.found.hide()
        self.connect_button.setEnabled(False)
        self.problem.setText(message)
        self.problem.show()

    @Slot()
    def _forget(self) -> None:
        self._probe = None
        self.connect_button.setEnabled(False)
        self.found.hide()
        self.problem.hide()

    @Slot()
    def _trust(self) -> None:
        if self._probe is not None:
            self.trusted.emit(self._probe)
            self.accept()


def _two_lines(fingerprint: str) -> str:
    """``AB:CD:…`` (32 pairs) in two lines of 16, easier to compare and never cut off."""
    pairs = fingerprint.split(":")
    half = len(pairs) // 2
    return ":".join(pairs[:half]) + ":\n" + ":".join(pairs[half:])
