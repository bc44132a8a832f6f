"""Run something right after a widget has painted for the first time.

Work queued for the worker thread competes with the GUI thread for the GIL; work started
before a widget's first paint holds that paint up. Start-up uses this to begin the
database work once the sign-in screen shows, and the Bookings tab to load the selected
session's details once its list shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def next_turn(owner: QObject, then: Callable[[], None]) -> None:
    """Call ``then`` in a later turn of the event loop, after the timers that are due and
    the input that waits (a zero-interval timer of ``owner``'s: not called once ``owner``
    is gone). ``QTimer.singleShot(0, …)`` posts an event instead, and Qt delivers posted
    events, those posted while it delivers them included, before timers and input: a
    chain of such turns runs back to back, one stall (bench/gui_lag.py)."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    # a lambda, not a method of owner's (see tests/test_qt_slots.py)
    timer.timeout.connect(lambda: _fire(timer, then))
    timer.start(0)


def _fire(timer: QTimer, then: Callable[[], None]) -> None:
    timer.deleteLater()
    then()


class FirstPaint(QObject):
    """Calls ``then`` once, right after ``widget`` has painted for the first time, or
    after ``fallback_ms`` if it has not painted by then (a minimised or covered window
    may not paint at all)."""

    def __init__(
        self, widget: QWidget, then: Callable[[], None], *, fallback_ms: int | None = None
    ) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        self._widget = widget
        widget.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            next_turn(self, self._call)  # after this paint has finished
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            then()
