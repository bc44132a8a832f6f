"""The page the first window shows when the database cannot be opened.

A missing file or folder, an unreachable PostgreSQL server, a database without a studio
or tables, a configuration that cannot be used: the page says what is wrong in the
start-up's own words (they name the path or the server) and offers the ways on — try
again (after IT fixed it), or choose another database file, which the app remembers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from podyx_desktop.views.common.text_style import wrapped_label


class StartProblemPage(QWidget):
    """What went wrong opening the database, with "Try again" and "Choose another
    database…"."""

    retry_requested = Signal()
    choose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StartProblemPage")
        heading = QLabel(self.tr("The studio's database cannot be opened"), self)
        heading.setObjectName("PageTitle")
        heading.setWordWrap(True)
        self.message = wrapped_label(self, "ErrorText", self.tr("What is wrong"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = wrapped_label(self, "Muted", self.tr("What you can do"))
        self.hint.setText(
            self.tr(
                "Try again once the file or server is back, or open another Podyx database "
                "file on this computer. IT can create or check a database with podyx-admin "
                "(see the administrator's guide)."
            )
        )
        self.retry_button = QPushButton(self.tr("&Try again"), self)
        self.retry_button.setObjectName("PrimaryButton")
        self.retry_button.setAccessibleName(self.tr("Try again"))
        self.retry_button.setDefault(True)
        self.choose_button = QPushButton(self.tr("&Choose another database…"), self)
        self.choose_button.setAccessibleName(self.tr("Choose another database"))
        self.locked_note = wrapped_label(
            self, "Muted", self.tr("Database set by the administrator")
        )
        self.locked_note.setText(
            self.tr(
                "The database is set by your administrator for this computer; ask IT to change it."
            )
        )
        self.locked_note.hide()
        self._locked = False
        self.retry_button.clicked.connect(self.retry_requested)
        self.choose_button.clicked.connect(self.choose_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.locked_note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.retry_button, self.choose_button)

    def show_problem(self, message: str) -> None:
        self.message.setText(message)
        self.retry_button.setEnabled(True)
        self.choose_button.setEnabled(not self._locked)
        self.retry_button.setFocus()

    def set_database_locked(self, locked: bool) -> None:
        """IT locked the database in the machine-wide settings: it cannot be changed here
        (the button stays, off, with the reason beside it)."""
        self._locked = locked
        self.locked_note.setVisible(locked)
        self.choose_button.setEnabled(not locked and self.retry_button.isEnabled())
        self.choose_button.setToolTip(
            self.tr("Set by your administrator: ask IT to change the database.") if locked else ""
        )

    def set_working(self) -> None:
        """While a new attempt runs: the buttons wait for its outcome."""
        self.retry_button.setEnabled(False)
        self.choose_button.setEnabled(False)
