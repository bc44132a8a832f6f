"""Account → "On this computer": what the window on this computer does for its user — the
language it speaks (and writes dates, times and money in), the reminders it shows and
whether closing it leaves Podyx in the tray. Stored with the window's
settings, not the account: two people may share an account on two machines with two
languages, and a client's window at home keeps its choice while offline.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QVBoxLayout, QWidget

from podyx_desktop.domain.reminders import DAY_BEFORE, HOUR_BEFORE
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

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        code = self.currentData()
        self.settings.language = code
        self.settings.sync()
        self.noted.emit(
            self.tr("Podyx speaks the language you chose when you next start it.")
            if code != self._started_with
            else ""
        )


class TrayChoices(QWidget):
    """Keep Podyx in the tray when the window is closed, and the reminders before a
    session (24 hours, 1 hour): this computer's window settings, saved at once. Which
    reminders were shown is the studio's, so another computer never shows one again."""

    def __init__(self, parent: QWidget | None = None, settings: UiSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or UiSettings()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.keep_in_tray = QCheckBox(
            self.tr("Keep Podyx in the tray when the window is closed"), self
        )
        self.keep_in_tray.setChecked(self.settings.keep_in_tray)
        self.day_before = QCheckBox(self.tr("Remind me 24 hours before a session"), self)
        self.hour_before = QCheckBox(self.tr("Remind me 1 hour before a session"), self)
        leads = self.settings.reminder_leads
        self._leads = ((self.day_before, DAY_BEFORE), (self.hour_before, HOUR_BEFORE))
        for box, lead in self._leads:
            box.setChecked(lead in leads)
            box.toggled.connect(self._save_leads)
            layout.addWidget(box)
        layout.addWidget(self.keep_in_tray)
        self.keep_in_tray.toggled.connect(self._save_keep)

    @Slot(bool)
    def _save_keep(self, keep: bool) -> None:
        self.settings.keep_in_tray = keep
        self.settings.sync()

    @Slot(bool)
    def _save_leads(self, _checked: bool) -> None:
        self.settings.reminder_leads = tuple(lead for box, lead in self._leads if box.isChecked())
        self.settings.sync()
