"""How fast the staff Schedule shows a busy week: loading it, and painting it.

The studio is generated with :mod:`bench.generate` (100,000 bookings, ~15 rooms by
default; ``--bookings 1000000 --clients 50000`` for a bigger one) into a SQLite file kept
between runs (:mod:`bench.studio_cache`), upgraded to the app's schema. For the
week of the generator's busy day, as the studio's owner:

* **load** — the schedule's request (:class:`~podyx_desktop.operations.schedule.LoadSchedule`:
  the rooms, hours and closed dates, every booking of the seven days and the studio's
  "now") run with the services, as the worker runs it; goal ≤ 50 ms;
* **paint** — the week of all rooms (compact: seven days × every room) laid out
  (:func:`~podyx_desktop.domain.schedule.lay_out`), its texts formatted and the canvas
  rendered into a QImage of 1600 px width; goal ≤ 100 ms;
  (printed too: the painting alone, the layout and texts kept);
* the baseline, in the same run: a bare ``QGraphicsView`` painting the same number of
  rectangles (one ``QGraphicsRectItem`` each) into a QImage of the same size;
* **drag frame** — a block of the shown week pressed and dragged with synthetic mouse
  moves (``QMouseEvent`` sent to the canvas, then the old and new ghost rectangles it
  marked dirty painted at once with ``repaint(region)``: the offscreen platform would
  otherwise paint on its own timer); median and worst of the frames; goal ≤ 16 ms each. Baseline: the bare
  ``QGraphicsView`` moving one rectangle the same way.

Each figure is the median of ``--repeat`` runs after one warm-up. The script prints
PASS/FAIL and always exits 0.

Usage::

    python bench/desk_schedule.py [--bookings N] [--clients N] [--repeat K]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LOAD_TARGET_MS = 50.0
PAINT_TARGET_MS = 100.0
DRAG_TARGET_MS = 16.0
DRAG_FRAMES = 200
WIDTH = 1600


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def median_ms(call: Callable[[], object], repeat: int) -> float:
    call()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    return run(args)


def run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView
    from sqlalchemy import text

    from bench.history import OWNER_EMAIL, PASSWORD
    from bench.studio_cache import StudioKey, cache_folder, cached_sqlite
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import upgrade_to_head
    from podyx_desktop.domain.schedule import ScheduleData, lay_out, week_of
    from podyx_desktop.models.display import DisplayFormat
    from podyx_desktop.operations.base import execute
    from podyx_desktop.operations.schedule import LoadSchedule
    from podyx_desktop.services import Services
    from podyx_desktop.views.staff.schedule.canvas import GUTTER, ScheduleCanvas

    app = QApplication.instance() or QApplication([sys.argv[0]])
    started = time.perf_counter()
    url = cached_sqlite(StudioKey(args.bookings, args.clients))
    db = Database(url)
    backup = upgrade_to_head(db, backup_dir=cache_folder() / "upgrade-backups")
    if backup is not None:  # a cached studio needs no copy of its older schema
        backup.unlink()
    print(f"studio of {args.bookings:,} bookings (cached) ready in "
          f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
    services = Services(db)
    owner = services.accounts.sign_in(OWNER_EMAIL, PASSWORD).principal
    with db.read() as session:  # the busiest day: the week the desk finds fullest
        busy = session.execute(
            text(
                "SELECT date(starts_at) AS day FROM bookings GROUP BY day ORDER BY count(*) DESC, day LIMIT 1"
            )
        ).scalar_one()
    week = week_of(date.fromisoformat(busy))
    request = LoadSchedule(week[0], week[-1])

    data: list[ScheduleData] = []

    def load() -> None:
        data[:] = [execute(services, owner, request).value]

    load_ms = median_ms(load, args.repeat)
    shown = data[0]
    room_ids = [room.id for room in shown.rooms]
    info = services.catalogue.studio(owner)
    display = DisplayFormat.for_studio(info)
    display.warm_up()
    canvas = ScheduleCanvas(display)
    layout = lay_out(shown, week, room_ids)
    blocks = len(layout.blocks)
    canvas.resize(WIDTH, 800)
    canvas.set_layout(shown, layout, [("", "")] * len(layout.columns))
    height = canvas.height()
    image = QImage(WIDTH, height, QImage.Format.Format_ARGB32_Premultiplied)

    def paint() -> None:
        laid = lay_out(shown, week, room_ids)
        canvas.set_layout(shown, laid, [("", "")] * len(laid.columns))
        canvas.render(image)

    paint_ms = median_ms(paint, args.repeat)
    render_ms = median_ms(lambda: canvas.render(image), args.repeat)

    scene = QGraphicsScene()
    column = (WIDTH - GUTTER) / max(len(layout.columns), 1)
    pen, brush = QPen(QColor("#0f6b3a")), QBrush(QColor("#d9f5e4"))
    for block in layout.blocks:
        top = (block.top - layout.top) + 40
        scene.addRect(
            QRectF(GUTTER + block.column * column, top, column - 4, block.bottom - block.top),
            pen,
            brush,
        )
    bare = QGraphicsView(scene)
    bare.resize(WIDTH, height)
    scene.setSceneRect(0, 0, WIDTH, height)

    def paint_bare() -> None:
        painter = QPainter(image)
        bare.render(painter)
        painter.end()

    bare_ms = median_ms(paint_bare, args.repeat)
    drag_times, bare_drag_times = drag_frames(app, canvas, bare, scene)
    db.dispose()
    del app

    platform_name = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    days = f"{week[0].isoformat()} – {(week[0] + timedelta(days=6)).isoformat()}"
    print()
    print(f"Desk schedule, median of {args.repeat} runs each (Qt platform: {platform_name})")
    print(f"  the week {days}, all {len(room_ids)} rooms: {len(shown.bookings)} bookings")
    print(
        f"  load (service call)                     {load_ms:7.1f} ms   "
        f"(goal ≤ {LOAD_TARGET_MS:.0f}) {verdict(load_ms <= LOAD_TARGET_MS)}"
    )
    print(
        f"  lay out + paint {blocks} blocks ({WIDTH}×{height}) {paint_ms:7.1f} ms   "
        f"(goal ≤ {PAINT_TARGET_MS:.0f}) {verdict(paint_ms <= PAINT_TARGET_MS)}"
    )
    print(f"    of which painting alone (texts that fit){render_ms:7.1f} ms")
    print(f"  bare QGraphicsView, same rectangles     {bare_ms:7.1f} ms   (baseline, no texts)")
    drag_median, drag_worst = statistics.median(drag_times), max(drag_times)
    print(
        f"  drag frame ({len(drag_times)} moves)  median {drag_median:5.2f} ms, "
        f"worst {drag_worst:5.2f} ms   (goal ≤ {DRAG_TARGET_MS:.0f} each) "
        f"{verdict(drag_worst <= DRAG_TARGET_MS)}"
    )
    print(
        f"  bare QGraphicsView, one rectangle moved  median "
        f"{statistics.median(bare_drag_times):5.2f} ms, worst {max(bare_drag_times):5.2f} ms"
        "   (baseline)"
    )
    print(f"  database: {args.bookings:,} bookings, {args.clients:,} clients (SQLite)")
    return 0


def drag_frames(app: Any, canvas: Any, bare: Any, scene: Any) -> tuple[list[float], list[float]]:
    """Time the frames of a drag on the shown canvas and of one moved rectangle in the bare
    view: each frame is one mouse move and the painting of the rectangles it dirtied."""
    from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPen, QRegion

    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

    def send(kind: QEvent.Type, point: QPointF, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(kind, point, canvas.mapToGlobal(point), left, buttons, none)
        app.sendEvent(canvas, event)

    canvas.show()
    app.processEvents()
    shown = canvas.rect().adjusted(300, 200, -300, -200)  # the path stays on the canvas
    centres = [canvas.block_rect(block).center() for block in canvas.layout_.blocks]
    start = next(c for c in centres if shown.contains(c.toPoint()))
    send(QEvent.Type.MouseButtonPress, start, left)
    path = [
        QPointF(start.x() + (step % 80) * 6 - 240, start.y() + (step % 50) * 5 - 120)
        for step in range(DRAG_FRAMES + 1)
    ]
    send(QEvent.Type.MouseMove, path[0], left)  # past the drag distance: the ghost shows
    app.processEvents()

    def dirty(rects: list[Any]) -> QRegion:
        region = QRegion()
        for rect in rects:
            if rect is not None:
                region = region.united(rect.adjusted(-3, -3, 3, 3).toAlignedRect())
        return region

    times = []
    for point in path[1:]:
        started = time.perf_counter()
        old = canvas.drag.ghost
        send(QEvent.Type.MouseMove, point, left)
        canvas.repaint(dirty([old, canvas.drag.ghost]))  # what update(rect) asked for, now
        times.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    canvas.drag.cancel()
    send(QEvent.Type.MouseButtonRelease, path[-1], Qt.MouseButton.NoButton)
    canvas.hide()

    item = scene.addRect(QRectF(0, 0, 20, 120), QPen(QColor("#2f5fb3")), QBrush(QColor("#c7d5f0")))
    bare.show()
    item.setPos(path[0])
    bare.viewport().repaint()  # warm-up: the first paint of the shown view
    app.processEvents()
    bare_times = []
    for point in path[1:]:
        started = time.perf_counter()
        old = bare.mapFromScene(item.sceneBoundingRect()).boundingRect()
        item.setPos(point)
        new = bare.mapFromScene(item.sceneBoundingRect()).boundingRect()
        bare.viewport().repaint(QRegion(old).united(new))
        bare_times.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    bare.hide()
    return times, bare_times


if __name__ == "__main__":
    sys.exit(main())
