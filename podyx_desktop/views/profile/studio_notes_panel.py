"""“From the studio”: the notes the studio wrote on the client (not on one booking), at the
top of the Files tab. Newest first, each with its author and date; the text is escaped
plain text with its http/https links clickable (``note_html``, as in a booking's details),
never HTML from a note. Unread ones are marked “New”; staff also see internal ones,
marked. Hidden when there are none."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.models.note_text import note_html
from podyx_desktop.views.common.palette import css_of

MAX_HEIGHT = 220  # longer notes scroll; the files list keeps its room


if TYPE_CHECKING:
    from podyx_desktop.domain.records import StudioNote


class StudioNotesPanel(QWidget):
    def __init__(self, display: DisplayFormat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StudioNotesPanel")
        self._display = display
        self.notes: list[StudioNote] = []
        self.heading = QLabel(self.tr("From the studio"), self)
        self.heading.setObjectName("SectionTitle")
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text = QLabel(self.scroller)
        self.text.setObjectName("GeneralNotes")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(True)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.setAccessibleName(self.tr("Notes from the studio"))
        self.scroller.setWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroller)
        self.setVisible(False)

    def show_notes(self, notes: Sequence[StudioNote]) -> None:
        """The notes as they came, newest first (the client's are never internal)."""
        self.notes = list(notes)
        self.setVisible(bool(notes))
        self.text.setText(notes_html(notes, self._display))
        self._fit()

    def _fit(self) -> None:
        """As tall as the notes, up to MAX_HEIGHT (then they scroll)."""
        width = self.scroller.viewport().width()
        needed = self.text.heightForWidth(width) if width > 0 else -1
        if needed < 0:
            needed = self.text.sizeHint().height()
        self.scroller.setFixedHeight(min(needed + 2, MAX_HEIGHT))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


def notes_html(notes: Sequence[StudioNote], display: DisplayFormat) -> str:
    """Notes as the windows show them, newest first: who and when (and "edited …"), a tag
    for internal or unread ones, then the text escaped with its links made clickable."""

    def tr(text: str) -> str:
        # lupdate files these tr() calls outside a class under the context ""
        return QCoreApplication.translate("", text)

    parts = []
    for note in notes:
        head = [html.escape(note.author_name), html.escape(display.date_time(note.created_at))]
        if note.edited_at is not None:
            edited = tr("edited {when}").format(when=display.date_time(note.edited_at))
            head.append(html.escape(edited))
        tags = ""
        if note.internal:
            tags += f' <b style="color:{css_of("danger")}">{html.escape(tr("Internal — staff only"))}</b>'
        elif note.read_at is None:
            tags += f' <b style="color:{css_of("success")}">{html.escape(tr("New"))}</b>'
        parts.append(
            f'<p><span style="color:{css_of("muted")}">{" · ".join(head)}</span>{tags}<br>'
            f"{note_html(note.body)}</p>"
        )
    return "".join(parts)
