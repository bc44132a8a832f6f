"""The client list's GUI figures, in a process of its own (run by bench/desk_clients.py).

Over a studio database (the cached 1M one), as its owner, with the real Clients place
(:class:`~podyx_desktop.views.staff.clients_place.ClientsPlace`) offscreen and its real
task runner (reads on the worker thread, answers on the GUI thread):

* **list open** — the place built until its first page is in the table and painted
  (the viewport repainted at once); goal ≤ 150 ms;
* **keystroke to rows** — one more key typed into the search (a three-letter word, then
  phone digits) until the narrowed first page is in the table and painted; the place's
  search pause is part of it; goal ≤ 100 ms;
* **open a client** with the most bookings (15,000 at 1M) — until the desk's actions and
  the profile tab shown (Bookings: the next 100 and the latest 100 sessions) have loaded
  and painted; goal ≤ 150 ms (the other tabs load when first shown);
* **RSS** of this process after opening the list, searching and opening ten clients
  (``VmRSS``; goal ≤ 250 MB), beside the RSS of the same process before the place
  existed (Python, Qt and the services imported);
* the **baseline**, in the same run: a bare ``QTableView`` over a ``QStandardItemModel``
  filled with the same number of rows of text and painted.

Prints one JSON object: ``{"figures": [[name, value, goal, unit, note], …]}``.

    python bench/desk_clients_gui.py DATABASE_URL [--rounds K]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LIST_GOAL_MS = 150.0
KEY_GOAL_MS = 100.0
OPEN_GOAL_MS = 150.0
RSS_GOAL_MB = 250.0
TIMEOUT_S = 30.0


def rss_mb() -> float:
    text = Path("/proc/self/status").read_text()
    match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else float("nan")


def wait(app: Any, done: Callable[[], bool]) -> None:
    """Run the event loop until ``done()`` (polled after each round of events)."""
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the place did not answer within 30 s")
        time.sleep(0.0005)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("url")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import func, select

    from podyx_desktop.db import tables as t
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import schema_state
    from podyx_desktop.domain.enums import Role
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.gui.changes import ChangeBus
    from podyx_desktop.gui.tasks import TaskRunner
    from podyx_desktop.services import Services
    from podyx_desktop.views.common.context import UserSession, ViewContext
    from podyx_desktop.views.staff.clients_place import ClientsPlace

    app = QApplication.instance() or QApplication([sys.argv[0]])
    db = Database(args.url)
    if not schema_state(db).is_current:  # bench/desk_clients.py upgrades it first
        print("The database is not at this app's schema: run bench/desk_clients.py, or "
              "`podyx-admin init --database URL` first.", file=sys.stderr)  # fmt: skip
        return 2
    services = Services(db)
    with db.read() as session:
        owner_id = session.scalar(select(t.User.id).where(t.User.role == Role.OWNER.value))
        heavy_id, heavy_bookings = session.execute(
            select(t.Booking.client_id, func.count())
            .group_by(t.Booking.client_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        phone = session.scalar(
            select(t.User.phone).where(t.User.role == Role.CLIENT.value).limit(1).offset(777)
        )
        some_clients = list(
            session.scalars(
                select(t.User.id).where(t.User.role == Role.CLIENT.value).limit(10).offset(1234)
            )
        )
    assert owner_id is not None and phone
    owner = Principal.user(owner_id, Role.OWNER)
    account = services.accounts.get(owner)
    info = services.catalogue.studio(owner)
    ctx = ViewContext(
        TaskRunner(lambda: Services(Database(args.url))),
        ChangeBus(),
        UserSession(owner, account, info, None),
    )
    digits = re.sub(r"\D", "", phone)
    national = "0" + digits[2:8]  # "+49 30 …" typed the national way: 030…
    idle_rss = rss_mb()

    def paint(place: ClientsPlace) -> None:
        place.table.viewport().repaint()

    # --- list open --------------------------------------------------------------------
    opened: list[float] = []
    place: ClientsPlace | None = None
    for _ in range(args.rounds + 1):
        if place is not None:
            place.deleteLater()
            app.processEvents()
        started = time.perf_counter()
        place = ClientsPlace(ctx)
        place.resize(1400, 860)
        place.show()
        current = place
        wait(app, lambda current=current: current.model.rowCount() > 0)
        paint(current)
        opened.append((time.perf_counter() - started) * 1000)
    assert place is not None
    rows = place.model.rowCount()
    list_ms = statistics.median(opened[1:])

    # --- keystroke to rows ------------------------------------------------------------
    def keystroke(prefix: str, key: str) -> float:
        box = place.search_box
        box.setText(prefix)
        wait(app, lambda: place.model.search == prefix and not place.model.is_loading)
        app.processEvents()
        started = time.perf_counter()
        QTest.keyClick(box, key)
        target = prefix + key
        wait(
            app,
            lambda: (
                place.model.search == target
                and not place.model.is_loading
                and place.model.rowCount() > 0
            ),
        )
        paint(place)
        return (time.perf_counter() - started) * 1000

    word_ms = statistics.median(keystroke("mü", "l") for _ in range(args.rounds))
    phone_ms = statistics.median(keystroke(national[:-1], national[-1]) for _ in range(args.rounds))
    place.search_box.setText("")
    wait(app, lambda: place.model.search == "" and not place.model.is_loading)

    # --- open the client with the most bookings ---------------------------------------
    def open_one(client_id: int) -> float:
        place.client = None  # the answer of this open, not of the one before
        started = time.perf_counter()
        place.open_client(client_id)
        wait(
            app,
            lambda: (
                getattr(place, "client", None) is not None
                and place.client.id == client_id
                and place.profile_tabs.count() > 0
                and not getattr(place.profile_tabs.currentWidget(), "is_loading", True)
                and not place.actions_pane.is_loading
            ),
        )
        shown = place.profile_tabs.currentWidget()
        if shown is not None:
            shown.repaint()
        return (time.perf_counter() - started) * 1000

    heavy_ms = statistics.median(open_one(heavy_id) for _ in range(args.rounds))
    for client_id in some_clients:
        open_one(client_id)
    busy_rss = rss_mb()

    # --- the baseline: a bare table of as many rows --------------------------------------
    def bare() -> float:
        started = time.perf_counter()
        model = QStandardItemModel(rows, 8)
        for row in range(rows):
            for column in range(8):
                model.setItem(row, column, QStandardItem(f"row {row} column {column}"))
        view = QTableView()
        view.setModel(model)
        view.resize(1400, 860)
        view.show()
        app.processEvents()
        view.viewport().repaint()
        elapsed = (time.perf_counter() - started) * 1000
        view.deleteLater()
        return elapsed

    bare_ms = statistics.median(bare() for _ in range(args.rounds))
    ctx.tasks.shutdown()
    figures = [
        ("list open, first page painted", list_ms, LIST_GOAL_MS, "ms", f"{rows} rows"),
        ("keystroke to rows: 'mül'", word_ms, KEY_GOAL_MS, "ms", "3 letters"),
        ("keystroke to rows: phone digits", phone_ms, KEY_GOAL_MS, "ms", national),
        (
            "open the busiest client",
            heavy_ms,
            OPEN_GOAL_MS,
            "ms",
            f"{heavy_bookings:,} bookings; actions and Bookings tab",
        ),
        ("RSS after list, searches, 11 clients", busy_rss, RSS_GOAL_MB, "MB", ""),
        ("baseline: RSS before the place", idle_rss, None, "MB", "Qt + services loaded"),
        ("baseline: bare QTableView painted", bare_ms, None, "ms", f"{rows} rows × 8"),
    ]
    print(json.dumps({"figures": figures}))
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
