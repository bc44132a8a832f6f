"""A client at home sees where their records come from: a banner while the studio cannot
be reached (everything stays readable; changes need the studio), and in the status bar
when the copy last synced."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget


def _time(when: datetime | None) -> str:
    """The time of ``when`` in this computer's zone (with the date when not today)."""
    if when is None:
        return ""
    local = when.astimezone()
    text = local.strftime("%H:%M")
    return text if local.date() == datetime.now().date() else f"{local:%Y-%m-%d} {text}"


class OfflineBanner(QFrame):
    """Shown while the studio server cannot be reached."""

    def __init__(self, connection: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OfflineBanner")
        self._connection = connection
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Connection to the studio"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.text, 1)
        connection.state_changed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        connection = self._connection
        if connection.online:
            self.hide()
            return
        synced = _time(connection.last_synced)
        head = (
            self.tr("You are offline: showing what was synced at {time}.").format(time=synced)
            if synced
            else self.tr("You are offline.")
        )
        self.text.setText(
            head
            + " "
            + self.tr(
                "Everything stays readable; booking, cancelling and buying need the studio, "
                "and nothing is saved until it can be reached again."
            )
        )
        self.show()


class SyncLabel(QLabel):
    """The status bar's "Synced 10:42 · studio.example.com"."""

    def __init__(self, connection: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Muted")
        self.setAccessibleName(self.tr("Last synced"))
        self._connection = connection
        connection.state_changed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        connection = self._connection
        synced = _time(connection.last_synced)
        where = connection.address.split("://", 1)[-1]
        if connection.online:
            self.setText(self.tr("Synced {time} · {studio}").format(time=synced, studio=where))
        else:
            self.setText(self.tr("Offline · {studio}").format(studio=where))
