"""Account → "On this computer": what the window on this computer does for its user — the
language it speaks (and writes dates, times and money in). Stored with the window's
settings, not the account: two people may share an account on two machines with two
languages, and a client's window at home keeps its choice while offline.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from podyx_desktop.gui.translation import LANGUAGES, language_of
from podyx_desktop.gui.ui_settings import UiSettings


class LanguageChoice(QComboBox):
    """As the system, English or Deutsch; saved at once, applied from the next start
    (``noted`` carries the sentence to show beside it, empty when nothing changes)."""

    noted = Signal(str)

    def __init__(self, parent: QWidget | None = None, settings: UiSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or UiSettings()
        self.setAccessibleName(self.tr("Language"))
        system = LANGUAGES[language_of("")]
        self.addItem(self.tr("As the system ({language})").format(language=system), "")
        for code, name in LANGUAGES.items():
            self.addItem(name, code)
        self.setCurrentIndex(max(self.findData(self.settings.language), 0))
        self._started_with = self.currentData()
        self.currentIndexChanged.connect(self._chosen)

    def _chosen(self, _index: int) -> None:
        code = self.currentData()
        self.settings.language = code
        self.settings.sync()
        self.noted.emit(
            self.tr("Podyx speaks the language you chose when you next start it.")
            if code != self._started_with
            else ""
        )
