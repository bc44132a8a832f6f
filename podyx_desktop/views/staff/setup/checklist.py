"""After the first run: what a new studio sets up before its first booking (a room, a
service, opening hours), each a link to its section of the Set-up place, ticked once done."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.operations.base import Op
from podyx_desktop.operations.setup import Checklist, LoadChecklist
from podyx_desktop.views.common.context import ViewContext


class SetupChecklist(QFrame):
    """ "Next: add a room · add a service · set opening hours"; ``section_requested``
    names the Set-up section to open ("rooms", "services", "hours")."""

    section_requested = Signal(str)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._ctx = ctx
        self.title = QLabel(self.tr("Your studio is ready. Next:"), self)
        self.links: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.addWidget(self.title)
        for key, text in (
            ("rooms", self.tr("1. Add a room and its setups")),
            ("services", self.tr("2. Add a service")),
            ("hours", self.tr("3. Set the opening hours")),
        ):
            button = QPushButton(text, self)
            button.setFlat(True)
            button.setObjectName("LinkButton")
            button.clicked.connect(lambda _=False, k=key: self.section_requested.emit(k))
            layout.addWidget(button)
            self.links[key] = button
        layout.addStretch(1)
        self.hide_button = QPushButton(self.tr("Hide"), self)
        self.hide_button.clicked.connect(self.hide)
        layout.addWidget(self.hide_button)
        self.done = Checklist(False, False, False)
        ctx.bus.changed.connect(self._changed)

    def load(self) -> None:
        Op(self._ctx, self._ctx.user.principal, LoadChecklist()).success(self._loaded).run(self)

    @Slot(object)
    def _changed(self, changes: Changes) -> None:
        if self.isVisible() and changes.touches(Kind.CATALOGUE, Kind.SETTINGS):
            self.load()

    def _loaded(self, done: Checklist) -> None:
        self.done = done
        for key, finished in (
            ("rooms", done.has_room),
            ("services", done.has_service),
            ("hours", done.has_hours),
        ):
            button = self.links[key]
            text = button.text().removeprefix("✓ ")
            button.setText(("✓ " + text) if finished else text)
        if all(done):
            self.title.setText(self.tr("All set: clients can book now."))
