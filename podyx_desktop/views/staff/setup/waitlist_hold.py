"""In Policies: how long a freed time is held for the waitlisted client it is offered to
(30 minutes unless the studio changes it; managers and owners change it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QSpinBox

from podyx_desktop.domain.waitlist import MAX_HOLD_MINUTES
from podyx_desktop.operations.waitlist import LoadHoldMinutes, SetHoldMinutes
from podyx_desktop.views.staff.setup.section import Section


class WaitlistHoldBox(QGroupBox):
    def __init__(self, section: Section) -> None:
        super().__init__(QCoreApplication.translate("WaitlistHoldBox", "Waitlist"), section)
        self._section = section
        self.minutes = QSpinBox(self)
        self.minutes.setRange(5, MAX_HOLD_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("How long a freed time is held"))
        self.save_button = QPushButton(self.tr("Save the hold"), self)
        self.save_button.clicked.connect(self.save)
        note = QLabel(
            self.tr(
                "When a taken time frees, the first client waiting for it may book it alone "
                "for this long; then it goes to the next."
            ),
            self,
        )
        note.setObjectName("NoteText")
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Hold a freed time for"), self.minutes)
        form.addRow(note)
        form.addRow("", self.save_button)

    def load(self) -> None:
        self._section.run(LoadHoldMinutes(), self.minutes.setValue, reading=True)

    @Slot()
    def save(self) -> None:
        self._section.run(
            SetHoldMinutes(self.minutes.value()), said=self.tr("Saved the waitlist hold.")
        )
