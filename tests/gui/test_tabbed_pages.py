"""The main window's sections behind a tab bar (views/common/tabbed_pages.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from podyx_desktop.views.common.tabbed_pages import TabbedPages


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _pages(qtbot: Any) -> tuple[TabbedPages, QLabel, QWidget]:
    tabs = TabbedPages()
    qtbot.addWidget(tabs)
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel("Loading…", page)
    big = QWidget(page)
    big.setMinimumSize(400, 300)
    layout.addWidget(label)
    layout.addWidget(big)
    tabs.addTab(page, "&First")
    tabs.addTab(QLabel("second"), "&Second")
    tabs.resize(600, 420)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs, label, big


def test_a_change_in_the_page_on_show_repaints_only_what_changed(qtbot: Any) -> None:
    _tabs, label, big = _pages(qtbot)
    paints = _Paints()
    big.installEventFilter(paints)
    qtbot.wait(50)
    paints.count = 0
    # A new text asks for a new layout up to the window (QTabWidget repainted all of
    # itself for it: every page on show, each time a load arrived).
    label.setText("Three sessions, the next on Monday at 10:00.")
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())
    qtbot.wait(50)
    assert paints.count == 0


def test_tabs_switch_by_index_and_by_keyboard(qtbot: Any) -> None:
    tabs, _label, _big = _pages(qtbot)
    switched: list[int] = []
    tabs.currentChanged.connect(switched.append)
    tabs.setCurrentIndex(1)
    assert tabs.currentIndex() == 1 and tabs.currentWidget() is tabs.widget(1)
    assert tabs.tabText(1) == "&Second" and tabs.count() == 2
    qtbot.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
    qtbot.keyClick(tabs, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    assert switched == [1, 0, 1]


def test_disabled_tabs_are_passed_over_by_the_keys_and_pages_are_taken_out(qtbot: Any) -> None:
    tabs, _label, _big = _pages(qtbot)
    third = QLabel("third")
    assert tabs.addTab(third, "&Third") == 2
    tabs.setTabEnabled(1, False)
    tabs.setTabToolTip(1, "For managers and owners")
    assert not tabs.isTabEnabled(1) and tabs.tabToolTip(1) == "For managers and owners"
    qtbot.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is third  # the second is passed over
    qtbot.keyClick(tabs, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
    tabs.setCurrentWidget(third)
    assert tabs.currentIndex() == 2 and tabs.indexOf(third) == 2
    # Taking out the page on show leaves the bar and the stack naming the same page.
    tabs.removeTab(2)
    assert tabs.count() == 2 and tabs.indexOf(third) == -1
    assert tabs.currentWidget() is tabs.widget(tabs.currentIndex())
    tabs.removeTab(0)
    assert tabs.count() == 1 and tabs.currentIndex() == 0
    assert tabs.currentWidget() is tabs.widget(0) and tabs.tabText(0) == "&Second"
    third.deleteLater()
