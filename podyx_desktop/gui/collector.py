"""Python's cyclic garbage collector, run on the GUI thread only while a worker runs.

Python runs a collection on whichever thread allocates when a generation's count passes its
threshold: often the worker, which allocates the most (an import, the rows of a query). A
collection frees every unreachable cycle, and when a cycle holds the last reference to the
wrapper of a Qt object that Python owns (a closed window, a dialog, a model without a
parent), the Qt object is destroyed right there, on the worker, which Qt does not allow:
the GUI tests crashed that way (a segmentation fault in a collection while the worker
imported a module, 4 runs in 12 of tests/gui/test_setup_place.py).

So from the first :func:`hold` (a :class:`~podyx_desktop.gui.tasks.TaskRunner` made) to
the last :func:`release` (each one shut down), the automatic collection is off and the GUI
thread collects on a timer instead, each generation when its count says so, as the
automatic collection would have. (Anki and qutebrowser do the same, for the same reason.)

:func:`pause` and :func:`resume` bracket work that makes many long-lived objects and no
garbage (start-up's imports): no collection runs meanwhile, on any thread.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

CHECK_MS = 200  # how often the GUI thread looks at the collector's counts


class _Collector(QObject):
    """The GUI thread's collections, while held."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.holders = 0
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    @Slot()
    def check(self) -> None:
        """As Python would on an allocation: once the youngest generation's count has
        passed its threshold, collect the oldest generation whose count has."""
        if _paused:
            return
        young, middle, old = gc.get_count()
        first, second, third = self.thresholds
        if young <= first:
            return
        gc.collect(2 if old > third else 1 if middle > second else 0)


_collector: _Collector | None = None
_paused = 0  # pause() calls not yet resumed
_pausing = threading.Lock()  # the worker pauses too (building the services)


def hold() -> None:
    """A worker thread starts: from now on only the GUI thread collects (needs the
    application object; without one, there is no Qt object to protect)."""
    global _collector
    app = QCoreApplication.instance()
    if app is None:
        return
    if _collector is None or _collector.parent() is not app:
        _collector = _Collector(app)
    _collector.holders += 1
    if _collector.holders == 1:
        gc.disable()
        _collector.timer.start()


def release() -> None:
    """A worker thread has stopped; after the last one, the automatic collection is back."""
    if _collector is None or _collector.holders == 0:
        return
    _collector.holders -= 1
    if _collector.holders == 0:
        _collector.timer.stop()
        if not _paused:
            gc.enable()


def is_held() -> bool:
    """Whether the GUI thread collects (the automatic collection is off)."""
    return _collector is not None and _collector.holders > 0


def reset() -> None:
    """Every hold released and every pause resumed (for a test whose workers have all
    stopped): the automatic collection is back."""
    global _paused
    _paused = 0
    while is_held():
        release()
    gc.enable()


def pause() -> None:
    """No collection until :func:`resume` (from any thread)."""
    global _paused
    with _pausing:
        _paused += 1
        gc.disable()


def resume() -> None:
    """Ends a :func:`pause` (an extra call does nothing): collections start again, on the
    GUI thread's timer if a worker runs, else automatically."""
    global _paused
    with _pausing:
        _paused = max(0, _paused - 1)
        if not _paused and not is_held():
            gc.enable()
