"""Dragging a block of the schedule to another time or column (room, or day of one room).

The canvas hands its mouse events here. Past the platform's drag distance the block
follows the mouse as a ghost snapped to 15 minutes and to the column under the cursor;
only the old and new ghost rectangles are repainted. The target instant comes from the
canvas's :meth:`~ScheduleCanvas.moment_at` (the column's own minute→time mapping), so
it is DST-correct. Nothing moves in the model until the place's operation succeeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtWidgets import QApplication

from podyx_desktop.domain.schedule import Block, ScheduleLayout

SNAP = 15  # minutes


class DragSurface(Protocol):
    """What the drag needs of the canvas (its geometry and a partial repaint)."""

    layout_: ScheduleLayout | None
    gutter: int
    pixels_per_minute: float

    def column_width(self) -> float: ...
    def y_of(self, minute: float) -> float: ...
    def minute_at(self, y: float) -> float: ...
    def block_rect(self, block: Block) -> QRectF: ...
    def moment_at(self, point: QPointF) -> tuple[int, datetime] | None: ...
    def update(self, rect: QRect) -> None: ...


@dataclass(frozen=True)
class DropTarget:
    """Where a drop would put the session: the column's room and the aware start."""

    column: int
    room_id: int
    starts_at: datetime


class BlockDrag:
    """One press-move-release on a block; ``ghost`` is the rectangle painted meanwhile."""

    def __init__(self, canvas: DragSurface) -> None:
        self._canvas = canvas
        self.block: Block | None = None
        self._press = QPointF()
        self._grab = 0.0  # pixels from the block's top to the press
        self.active = False
        self.ghost: QRectF | None = None
        self.target: DropTarget | None = None

    def press(self, block: Block, point: QPointF) -> None:
        """A press on ``block``: a drag starts once the mouse travels far enough."""
        self.block = block
        self._press = QPointF(point)
        self._grab = point.y() - self._canvas.block_rect(block).top()
        self.active = False
        self.ghost = None
        self.target = None

    def move(self, point: QPointF) -> None:
        if self.block is None:
            return
        if not self.active:
            distance = (point - self._press).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            self.active = True
        self._place_ghost(point)

    def _place_ghost(self, point: QPointF) -> None:
        canvas, block = self._canvas, self.block
        layout = canvas.layout_
        if layout is None or block is None:
            return
        width = canvas.column_width()
        index = int((point.x() - canvas.gutter) // width)
        index = min(max(index, 0), len(layout.columns) - 1)
        top_minute = canvas.minute_at(point.y() - self._grab)
        snapped = float(round(top_minute / SNAP) * SNAP)
        length = block.bottom - block.top
        column = layout.columns[index]
        snapped = min(max(snapped, column.axis.top), column.axis.bottom - SNAP)
        x = canvas.gutter + index * width
        ghost = QRectF(
            x + 2, canvas.y_of(snapped), width - 4, max(length * canvas.pixels_per_minute, 4.0)
        )
        moment = canvas.moment_at(QPointF(x + width / 2, canvas.y_of(snapped) + 0.5))
        self.target = DropTarget(index, moment[0], moment[1]) if moment is not None else None
        self._repaint(ghost)

    def _repaint(self, ghost: QRectF | None) -> None:
        old, self.ghost = self.ghost, ghost
        for rect in (old, ghost):
            if rect is not None:
                self._canvas.update(rect.adjusted(-3, -3, 3, 3).toAlignedRect())

    def release(self) -> DropTarget | None:
        """The drop's target when a drag ends somewhere new, else None."""
        block, target, active = self.block, self.target, self.active
        self.cancel()
        if not active or block is None or target is None:
            return None
        booking = block.booking
        if target.room_id == booking.room_id and target.starts_at == booking.starts_at:
            return None
        return target

    def cancel(self) -> None:
        """Forget the drag (Escape, or after a release); the ghost is wiped."""
        self.block = None
        self.active = False
        self.target = None
        self._repaint(None)
