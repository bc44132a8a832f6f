"""``views.common.tables.RecordTable``: a table under a dialog is not repainted whole
when its window loses or regains the activation; a focus change within its window still
repaints it (its focus frame moves)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from podyx_desktop.models.bookings import BookingsTableModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.views.common.tables import record_table
from tests.gui.fixtures_tabs import sample_bookings


class PaintCounter(QObject):
    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.paints = 0
        watched.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_a_dialog_over_the_window_does_not_repaint_the_table(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    model = BookingsTableModel(DisplayFormat(), window)
    model.set_rows(sample_bookings())
    view = record_table(model, "Upcoming sessions", window)
    other = QLineEdit(window)
    layout.addWidget(view)
    layout.addWidget(other)
    window.resize(700, 400)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    view.selectRow(1)
    qtbot.waitUntil(view.hasFocus)
    qtbot.wait(50)  # its paints for the focus and the selection
    counter = PaintCounter(view.viewport())

    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    qtbot.wait(50)
    dialog.close()
    window.activateWindow()  # (the offscreen platform does not do it on its own)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(view.hasFocus)
    qtbot.wait(50)
    assert counter.paints == 0

    other.setFocus(Qt.FocusReason.TabFocusReason)  # the focus frame leaves the table
    qtbot.waitUntil(lambda: counter.paints > 0)
