"""How long the GUI thread takes to repaint a bookings table, alone and next to a busy worker.

While a worker thread runs Python (after a quick start it imports SQLAlchemy right as the
window shows), every call Qt makes into Python waits for the interpreter lock, up to the
switch interval each time. A table paints as many Python calls as its model invites, so
the count of calls, not their work, decides how long the paint stalls the GUI thread.

Measured in one run, on the same rows (a client's upcoming bookings, cell texts made):

* baseline: a ``QStandardItemModel`` holding the same texts (no Python while painting);
* ``BookingsTableModel`` behind a ``QSortFilterProxyModel`` (how the tables were built);
* ``BookingsTableModel`` as the app's tables use it now (``views.tables.record_table``:
  the model sorts itself and answers each cell in one ``multiData`` call);

each repainted quietly and while another thread runs pure Python, with the app's switch
interval. Prints medians in ms and the ratio to the baseline, and how many times one
repaint calls from Qt into Python (each such call takes the interpreter lock: the figure
that does not depend on the machine's load); always exits 0.

Usage::

    QT_QPA_PLATFORM=offscreen python bench/table_paint.py [--rows 100] [--repeat 60]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from podyx_desktop.domain.records import Booking
from podyx_desktop.gui.tasks import GIL_SWITCH_INTERVAL_S
from podyx_desktop.models.base import SORT_ROLE
from podyx_desktop.models.bookings import BookingsTableModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.views.common.status_delegate import StatusBadgeDelegate
from podyx_desktop.views.common.tables import record_table
from tests.gui.fixtures_tabs import sample_bookings

DISPLAY = DisplayFormat("Europe/Berlin", "en_GB", "EUR")


def bookings(count: int) -> list[Booking]:
    samples = sample_bookings()
    return [
        replace(
            sample,
            id=i + 1,
            starts_at=sample.starts_at + timedelta(days=i),
            ends_at=sample.ends_at + timedelta(days=i),
        )
        for i, sample in ((i, samples[i % len(samples)]) for i in range(count))
    ]


def standard_view(rows: list[Booking]) -> QTableView:
    source = BookingsTableModel(DISPLAY)
    model = QStandardItemModel(len(rows), len(source.titles))
    model.setHorizontalHeaderLabels(source.titles)
    for row, record in enumerate(rows):
        for column, text in enumerate(source.row_texts(record)):
            model.setItem(row, column, QStandardItem(text))
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return view


def proxy_view(rows: list[Booking]) -> QTableView:
    model = BookingsTableModel(DISPLAY)
    model.set_rows(rows, [model.row_texts(r) for r in rows])
    view = QTableView()
    proxy = QSortFilterProxyModel(view)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setItemDelegateForColumn(model.STATUS, StatusBadgeDelegate(view))
    model.setParent(view)
    return view


def app_view(rows: list[Booking]) -> QTableView:
    model = BookingsTableModel(DISPLAY)
    model.set_rows(rows, [model.row_texts(r) for r in rows])
    view = record_table(model, "Upcoming sessions", stretch_column=1)
    view.setItemDelegateForColumn(model.STATUS, StatusBadgeDelegate(view))
    model.setParent(view)
    return view


class Busy:
    """Another thread running pure Python until stopped."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._spin, daemon=True)

    def _spin(self) -> None:
        total = 0
        while not self._stop.is_set():
            for i in range(1000):
                total += i

    def __enter__(self) -> Busy:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def repaint_ms(view: QTableView, repeat: int) -> float:
    viewport = view.viewport()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        viewport.repaint()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def calls_into_python(view: QTableView) -> int:
    """How many times one repaint of ``view`` (its rows and its header) calls from Qt into
    Python: each such call takes the interpreter lock (Python calling Python within one of
    them does not)."""
    depth = 0
    entered = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal depth, entered
        if event == "call":
            entered += depth == 0
            depth += 1
        elif event == "return":
            depth -= 1

    sys.setprofile(profile)
    try:
        view.viewport().repaint()
        view.horizontalHeader().viewport().repaint()
    finally:
        sys.setprofile(None)
    return entered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    rows = bookings(args.rows)
    views = {
        "baseline: QStandardItemModel, same texts": standard_view(rows),
        "BookingsTableModel through a sort proxy": proxy_view(rows),
        "BookingsTableModel as the app shows it": app_view(rows),
    }
    for view in views.values():
        view.resize(700, 480)
        view.show()
    app.processEvents()
    for view in views.values():  # warm up: fonts, texts, style
        repaint_ms(view, 5)
    calls = {name: calls_into_python(view) for name, view in views.items()}
    quiet = {name: repaint_ms(view, args.repeat) for name, view in views.items()}
    with Busy():
        busy = {name: repaint_ms(view, args.repeat) for name, view in views.items()}
    base_quiet, base_busy = next(iter(quiet.values())), next(iter(busy.values()))
    visible = views["BookingsTableModel as the app shows it"].rowAt(479) + 1 or args.rows
    print(
        f"Repainting a {args.rows}-row bookings table ({visible} rows visible), "
        f"median of {args.repeat}:"
    )
    print(f"  {'':42} {'quiet':>16} {'next to a busy thread':>26} {'calls into Python':>18}")
    for name in views:
        print(
            f"  {name:42} {quiet[name]:7.2f} ms ({quiet[name] / base_quiet:4.1f}×)"
            f" {busy[name]:15.2f} ms ({busy[name] / base_busy:4.1f}×) {calls[name]:18}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
