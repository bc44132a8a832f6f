"""Pages behind a tab bar: what ``QTabWidget`` shows, for a window's main sections.

``QTabWidget`` lays itself out again and repaints all of itself (every page on show) at
each layout request that reaches it, and one reaches it whenever anything in the page on
show changes its size hint (a label's text, a list's rows). A window's sections then
repaint whole several times while their first loads arrive (bench/gui_lag.py). A tab bar
over a stack repaints only what changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget


class TabbedPages(QWidget):
    """A tab bar over a stack of pages, with ``QTabWidget``'s API as far as the app uses
    it (and its keys: Ctrl+Tab, Ctrl+Shift+Tab, Ctrl+Page Down, Ctrl+Page Up)."""

    currentChanged = Signal(int)  # (QTabWidget's name)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = QTabBar(self)
        self._bar.setDocumentMode(True)
        self._bar.setExpanding(False)
        self._bar.setDrawBase(False)
        self._stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._bar)
        layout.addWidget(self._stack, 1)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setFocusProxy(self._bar)
        self._bar.currentChanged.connect(self._show)

    @Slot(int)
    def _show(self, index: int) -> None:
        self._stack.setCurrentIndex(index)
        self.currentChanged.emit(index)

    def addTab(self, page: QWidget, title: str) -> int:
        # The page into the stack first: the bar's first tab makes it current at once.
        self._stack.addWidget(page)
        return self._bar.addTab(title)

    def removeTab(self, index: int) -> None:
        """Take the page at ``index`` out (it is not deleted), as ``QTabWidget`` does."""
        page = self._stack.widget(index)
        if page is None:
            return
        self._stack.removeWidget(page)  # first: the bar then names a page still there
        self._bar.removeTab(index)
        self._stack.setCurrentIndex(self._bar.currentIndex())

    def tabBar(self) -> QTabBar:
        return self._bar

    def count(self) -> int:
        return self._bar.count()

    def currentIndex(self) -> int:
        return self._bar.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        self._bar.setCurrentIndex(index)

    def currentWidget(self) -> QWidget | None:
        return self._stack.currentWidget()

    def setCurrentWidget(self, page: QWidget) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)

    def widget(self, index: int) -> QWidget | None:
        return self._stack.widget(index)

    def indexOf(self, page: QWidget) -> int:
        return self._stack.indexOf(page)

    def isTabEnabled(self, index: int) -> bool:
        return self._bar.isTabEnabled(index)

    def setTabEnabled(self, index: int, enabled: bool) -> None:
        self._bar.setTabEnabled(index, enabled)

    def tabToolTip(self, index: int) -> str:
        return self._bar.tabToolTip(index)

    def setTabToolTip(self, index: int, tip: str) -> None:
        self._bar.setTabToolTip(index, tip)

    def tabText(self, index: int) -> str:
        return self._bar.tabText(index)

    def setTabText(self, index: int, text: str) -> None:
        self._bar.setTabText(index, text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        step = 0
        if ctrl and key == Qt.Key.Key_Tab:
            step = 1
        elif ctrl and key == Qt.Key.Key_Backtab:
            step = -1
        elif ctrl and key == Qt.Key.Key_PageDown:
            step = 1
        elif ctrl and key == Qt.Key.Key_PageUp:
            step = -1
        if step and self.count():
            self._step(step)
            event.accept()
            return
        super().keyPressEvent(event)

    def _step(self, step: int) -> None:
        """To the next (``step`` 1) or previous (-1) enabled tab, round the end."""
        count = self.count()
        index = self.currentIndex()
        for _ in range(count):
            index = (index + step) % count
            if self.isTabEnabled(index):
                self.setCurrentIndex(index)
                return
