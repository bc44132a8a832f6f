"""Bench-only hooks of the desktop app (``PODYX_BENCH_MARKERS=1``, see bench/startup.py
and bench/gui_lag.py): when the first tab has painted with rows, and how long the GUI
thread stalls after the main window shows."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Slot

if TYPE_CHECKING:
    from podyx_desktop.views.client.main_window import MainWindow


class LagAfterShowing(QObject):
    """Bench only (``PODYX_BENCH_LAG_MS=<ms>``): for that long after the main window shows
    (while, after a quick start, the worker imports SQLAlchemy), the longest gap between
    the ticks of a 10 ms timer on the GUI thread: ``PODYX_LAG <ms>``, then the marker
    ``lag_measured``."""

    def __init__(self, window: QObject, duration_ms: int, mark: Callable[[str], None]) -> None:
        super().__init__(window)
        self._mark = mark
        self._last = time.perf_counter()
        self._longest = 0.0
        self._ticks = QTimer(self)
        self._ticks.setInterval(10)
        self._ticks.timeout.connect(self._tick)
        self._ticks.start()
        QTimer.singleShot(duration_ms, self, self._report)

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        self._longest = max(self._longest, now - self._last)
        self._last = now

    def _report(self) -> None:
        self._ticks.stop()
        print(f"PODYX_LAG {self._longest * 1000:.1f}", flush=True)
        self._mark("lag_measured")


class BookingsPainted(QObject):
    """Bench only: marks the first paint of the Bookings list once it has rows."""

    def __init__(self, window: MainWindow, mark: Callable[[str], None]) -> None:
        super().__init__(window)
        self._mark = mark
        tab = window.bookings_tab
        self._model = tab.upcoming_model
        self._viewport = tab.upcoming_view.viewport()
        self._viewport.installEventFilter(self)
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint and self._model.rowCount() > 0:
            self._done = True
            QTimer.singleShot(0, lambda: self._mark("bookings_populated"))
        return False


def watch(window: MainWindow, mark: Callable[[str], None]) -> None:
    """Mark the Bookings list's first paint with rows, and with ``PODYX_BENCH_LAG_MS``
    measure the GUI thread's stalls after the window shows."""
    BookingsPainted(window, mark)
    lag_ms = os.environ.get("PODYX_BENCH_LAG_MS")
    if lag_ms:
        LagAfterShowing(window, int(lag_ms), mark)
