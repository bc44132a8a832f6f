"""What bench/startup.py launches against: a private copy of a cached generated studio, the
clients it signs in as, the rows their Bookings tab shows, and the bare window it compares
with.

* :func:`prepare` copies the cached studio (:mod:`bench.studio_cache`, never modified: the
  app writes sessions into its database, and other benches read the cache) into the run's
  temporary folder, picks a typical client (10–20 bookings, some of them upcoming) and the
  client with the most bookings, signs them in once (the tokens the app resumes), and
  writes the cell texts of both of their lists, exactly as the app's Bookings tab formats
  them (``BookingsTableModel.row_texts``), to a JSON file for the bare window.
* :data:`BARE_WINDOW` is the baseline's program: a bare PySide6 window with the app's five
  tabs, each holding a ``QTableView``; the Bookings tab's two tables (upcoming, past, in a
  ``QStackedWidget`` as the app has them) are over a plain table model of those rows, with
  the same columns. It reads the rows from the JSON file, builds the window and paints it
  in a fresh process; its mark, as the app's (``gui.bench_hooks.BookingsPainted``), is the
  first paint event of the upcoming table's viewport while the model has rows.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import case, func, select

BARE_WINDOW = r"""
import json, sys, time
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication, QMainWindow, QStackedWidget, QTabWidget, QTableView, QVBoxLayout, QWidget,
)

def mark(name):
    print(f"PODYX_MARKER {name} {time.time():.6f} {time.process_time() * 1000:.1f}", flush=True)

mark("imported")

class Rows(QAbstractTableModel):
    def __init__(self, titles, rows, parent=None):
        super().__init__(parent)
        self.titles, self.rows = titles, rows
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)
    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.titles)
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles[section]
        return None

class Painted(QObject):
    done = False
    def __init__(self, model):
        super().__init__()
        self.model = model
    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint and self.model.rowCount() > 0:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False
    def report(self):
        mark("bookings_populated")
        QApplication.quit()

with open(sys.argv[1], encoding="utf-8") as f:
    shown = json.load(f)
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget(window)
views = []
for name in ("Bookings", "Bundles", "Purchases", "Account", "Files"):
    page = QWidget(tabs)
    layout = QVBoxLayout(page)
    if name == "Bookings":
        stack = QStackedWidget(page)
        for rows in (shown["upcoming"], shown["past"]):
            view = QTableView(stack)
            view.setModel(Rows(shown["titles"], rows, view))
            stack.addWidget(view)
            views.append(view)
        layout.addWidget(stack)
    else:
        view = QTableView(page)
        view.setModel(Rows(shown["titles"], [], view))
        layout.addWidget(view)
    tabs.addTab(page, name)
window.setCentralWidget(tabs)
window.resize(1100, 720)
probe = Painted(views[0].model())
views[0].viewport().installEventFilter(probe)
mark("window_built")
window.show()
sys.exit(app.exec())
"""


@dataclass(frozen=True)
class Client:
    label: str
    email: str
    token: str
    upcoming: int  # rows in the Bookings tab's two lists
    past: int
    rows_file: Path  # the cell texts of both lists, for the bare window


def copy_studio(url: str, folder: Path) -> str:
    """A private copy of the cached SQLite studio at ``url``, in ``folder``, at the
    schema's head."""
    from sqlalchemy.engine import make_url

    from podyx_desktop.db.urls import sqlite_url

    source = Path(str(make_url(url).database))
    target = folder / "studio.sqlite3"
    shutil.copyfile(source, target)
    copy = sqlite_url(target)
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import upgrade_to_head

    db = Database(copy)
    try:  # a cache from an older schema is migrated, as an installed studio would be
        upgrade_to_head(db)
    finally:
        db.dispose()
    return copy


def pick_clients(db: object) -> tuple[int, int]:
    """A typical client (10–20 bookings, some upcoming; the one with the most upcoming of
    those, smallest id first) and the client with the most bookings."""
    from datetime import UTC, datetime

    from podyx_desktop.db import tables as t

    booking = t.Booking
    count = func.count(booking.id)
    upcoming = func.sum(case((booking.starts_at > datetime.now(UTC), 1), else_=0))
    with db.read() as session:  # type: ignore[attr-defined]
        busiest = session.execute(
            select(booking.client_id).group_by(booking.client_id).order_by(count.desc()).limit(1)
        ).scalar_one()
        typical = session.execute(
            select(booking.client_id)
            .group_by(booking.client_id)
            .having(count.between(10, 20))
            .order_by(upcoming.desc(), booking.client_id)
            .limit(1)
        ).scalar_one()
    return typical, busiest


def prepare(url: str, password: str, folder: Path) -> list[Client]:
    """Sign in the typical and the busiest client of the studio at ``url`` (a private copy)
    and write the rows their Bookings tab shows."""
    from podyx_desktop.db import tables as t
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.models.bookings import BookingsTableModel
    from podyx_desktop.models.display import DisplayFormat
    from podyx_desktop.services import Services

    db = Database(url)
    try:
        services = Services(db)
        studio = services.catalogue.studio(Principal.anonymous())
        display = DisplayFormat.for_studio(studio)
        model = BookingsTableModel(display)
        titles = list(model.titles)
        clients = []
        for label, client_id in zip(
            ("a typical client", "the client with the most bookings"), pick_clients(db), strict=True
        ):
            with db.read() as session:
                email = session.get(t.User, client_id).email  # type: ignore[union-attr]
            signed_in = services.accounts.sign_in(email, password)
            lists = {
                name: services.bookings.list_for_client(
                    signed_in.principal, client_id, upcoming=name == "upcoming"
                )
                for name in ("upcoming", "past")
            }
            shown = {"titles": titles}
            shown.update({name: [model.row_texts(b) for b in rows] for name, rows in lists.items()})
            rows_file = folder / f"rows-{client_id}.json"
            rows_file.write_text(json.dumps(shown, ensure_ascii=False), encoding="utf-8")
            clients.append(
                Client(
                    label,
                    email,
                    signed_in.token,
                    len(lists["upcoming"]),
                    len(lists["past"]),
                    rows_file,
                )
            )
    finally:
        db.dispose()
    return clients
