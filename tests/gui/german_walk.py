"""What the German walk-through reads off the screen, and how it tells English from German.

:func:`visible_texts` collects every text a user can read in a window: labels, buttons,
group titles, placeholders, tooltips, tab names, window titles, combo box items, table
headers and the cells of the rows on screen. :func:`english_words` finds words in them
that only the English side of the translation files uses: a word of an English source
that no German translation contains and that is not a name the studio or a client gave
(rooms, services, people — the allowed words of the test).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from podyx_desktop.resources.translations_build import SOURCES

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
TAG = re.compile(r"<[^>]+>|&[a-z]+;")
ROWS_READ = 8


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(TAG.sub(" ", text.replace("&", "")))}


def language_words() -> tuple[set[str], set[str]]:
    """(words of the English sources, words of the German translations)."""
    english: set[str] = set()
    german: set[str] = set()
    for message in ET.parse(SOURCES / "podyx_de.ts").getroot().iter("message"):
        english |= _words(message.findtext("source") or "")
        translation = message.find("translation")
        if translation is not None:
            german |= _words("".join(translation.itertext()))
    return english, german


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything readable in ``root`` and its visible children."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: object) -> None:
        if isinstance(text, str) and text.strip():
            found.append((f"{type(widget).__name__}:{widget.objectName()}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if widget.isWindow():
            add(widget, widget.windowTitle())
        add(widget, widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, widget.tabText(i))
                add(widget, widget.tabToolTip(i))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, widget.itemText(i))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, top = widget.model(), QModelIndex()
            try:
                columns = model.columnCount(top)
            except TypeError:  # a list model keeps columnCount private: one column
                columns = 1
            for column in range(columns):
                add(widget, model.headerData(column, Qt.Orientation.Horizontal))
            for row in range(min(model.rowCount(top), ROWS_READ)):
                for column in range(max(columns, 1)):
                    value = model.index(row, column).data()
                    add(widget, value if isinstance(value, str) else None)
                    tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                    add(widget, tip if isinstance(tip, str) else None)
    return found


def english_words(
    texts: Iterable[tuple[str, str]], allowed: set[str], words: tuple[set[str], set[str]]
) -> list[str]:
    """``where: text [words]`` for each text holding a word only English uses."""
    english, german = words
    suspect = english - german - {w.lower() for w in allowed}
    problems = []
    for where, text in texts:
        bad = sorted(_words(text) & suspect)
        if bad:
            problems.append(f"{where}: {text!r} {bad}")
    return sorted(set(problems))
