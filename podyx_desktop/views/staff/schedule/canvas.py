"""The schedule's grid, painted in one widget from a :class:`ScheduleLayout`: no widget
per block.

Columns are rooms on days; time runs down in real elapsed minutes from each column's
local midnight (see :mod:`podyx_desktop.domain.schedule`), so blocks are DST-correct.
The time column on the left labels wall-clock hours; a DST day in a week tags its own
hour lines in its column where those labels would be an hour off.
The canvas keeps the selected booking, moves it with the arrow keys and tells the place
about clicks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.schedule import (
    Block,
    ScheduleBooking,
    ScheduleData,
    ScheduleLayout,
    axis_labels,
)
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.views.common.palette import colour
from podyx_desktop.views.common.widgets import status_colours, status_text
from podyx_desktop.views.staff.schedule.drag import BlockDrag

GUTTER = 64  # the time labels' width
HEADER = 40  # the column titles' height
MIN_COLUMN = 90
PIXELS_PER_MINUTE = 1.0
SNAP_MINUTES = 15
MIN_TEXT_WIDTH = 40  # narrower blocks and columns (a compact week) are painted without text
MIN_TEXT_HEIGHT = 14


@dataclass(frozen=True)
class BlockText:
    lines: tuple[str, ...]
    tooltip: str


class ScheduleCanvas(QWidget):
    """Paints a layout; emits what the person clicks or chooses."""

    selection_changed = Signal(object)  # ScheduleBooking | None
    open_requested = Signal(object)  # ScheduleBooking
    empty_time_clicked = Signal(int, object)  # room id, aware UTC datetime
    move_requested = Signal(int, int, object)  # booking id, room id, aware datetime
    gutter: int = GUTTER  # widened to the longest time label (see set_layout)
    pixels_per_minute = PIXELS_PER_MINUTE

    def __init__(self, display: DisplayFormat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScheduleCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Schedule"))
        self._display = display
        self.data: ScheduleData | None = None
        self.layout_: ScheduleLayout | None = None
        self._titles: list[tuple[str, str]] = []  # per column: room, day
        self._texts: dict[int, BlockText] = {}
        self._bookings: dict[int, ScheduleBooking] = {}
        self._labels: list[tuple[float, str]] = []  # the left time column's
        self._own_labels: list[list[tuple[float, str]]] = []  # per column, a DST day's
        self.selected_id: int | None = None
        self.drag = BlockDrag(self)
        self.setMinimumHeight(HEADER + 200)

    # --- the layout -------------------------------------------------------------------

    def set_layout(
        self, data: ScheduleData, layout: ScheduleLayout, titles: list[tuple[str, str]]
    ) -> None:
        """Show ``layout`` (its blocks' texts are formatted once, here)."""
        self.data = data
        self.layout_ = layout
        self._titles = titles
        # texts are formatted when first painted or asked for (a compact week has no room)
        self._texts = {}
        self._bookings = {block.booking.id: block.booking for block in layout.blocks}
        # wall-clock labels on the left; a DST day's column labels its own lines where
        # the left ones would be an hour off (see :func:`axis_labels`)
        labels = axis_labels(layout, data.zone)
        self._labels = [(mark.minute, self._display.time(mark.moment)) for mark in labels.shared]
        self._own_labels = [
            [(mark.minute, self._display.time(mark.moment)) for mark in own] for own in labels.own
        ]
        # a repeated hour's labels name their offset ("02:00 (UTC+02:00)"): room for them
        widest = max((self.fontMetrics().horizontalAdvance(t) for _m, t in self._labels), default=0)
        self.gutter = max(GUTTER, widest + 12)
        height = HEADER + int((layout.bottom - layout.top) * PIXELS_PER_MINUTE) + 8
        self.setFixedHeight(max(height, HEADER + 200))
        ids = {block.booking.id for block in layout.blocks}
        if self.selected_id is not None and self.selected_id not in ids:
            self.selected_id = None
            self.selection_changed.emit(None)
        elif self.selected_id is not None:
            self.selection_changed.emit(self.selected_booking)
        self.update()

    def _text(self, booking_id: int) -> BlockText | None:
        text = self._texts.get(booking_id)
        if text is None:
            booking = self._bookings.get(booking_id)
            if booking is None:
                return None
            text = self._texts[booking_id] = self._text_of(booking)
        return text

    def _text_of(self, booking: ScheduleBooking) -> BlockText:
        display = self._display
        when = display.time_range(booking.starts_at, booking.ends_at)
        status = status_text(booking.status)
        lines = [booking.client_name, booking.service_name]
        extras = booking.addons_text
        if extras:
            lines.append(extras)
        if booking.status is BookingStatus.PENDING:
            lines.insert(0, self.tr("Awaiting payment"))
        elif booking.status is not BookingStatus.CONFIRMED:
            lines.insert(0, status)
        tip = "\n".join([booking.client_name, booking.service_name, extras, when, status])
        return BlockText(tuple(lines), tip)

    def sizeHint(self) -> QSize:
        count = len(self.layout_.columns) if self.layout_ else 1
        return QSize(self.gutter + count * 160, self.height())

    # --- geometry ---------------------------------------------------------------------

    def column_width(self) -> float:
        count = len(self.layout_.columns) if self.layout_ else 1
        return max(float(MIN_COLUMN) / 2, (self.width() - self.gutter) / max(count, 1))

    def y_of(self, minute: float) -> float:
        top = self.layout_.top if self.layout_ else 0.0
        return HEADER + (minute - top) * PIXELS_PER_MINUTE

    def minute_at(self, y: float) -> float:
        top = self.layout_.top if self.layout_ else 0.0
        return top + (y - HEADER) / PIXELS_PER_MINUTE

    def block_rect(self, block: Block) -> QRectF:
        """Where ``block``'s session is painted (its buffer lies below it)."""
        width = self.column_width()
        x = self.gutter + block.column * width
        top, bottom = self.y_of(block.top), self.y_of(block.bottom)
        return QRectF(x + 2, top, width - 4, max(bottom - top, 4.0))

    def block_at(self, point: QPointF) -> Block | None:
        if self.layout_ is None:
            return None
        for block in self.layout_.blocks:
            if self.block_rect(block).contains(point):
                return block
        return None

    @property
    def selected_booking(self) -> ScheduleBooking | None:
        block = self._selected_block()
        return block.booking if block is not None else None

    def _selected_block(self) -> Block | None:
        if self.layout_ is None or self.selected_id is None:
            return None
        return next((b for b in self.layout_.blocks if b.booking.id == self.selected_id), None)

    def select(self, booking_id: int | None) -> None:
        if booking_id == self.selected_id:
            return
        self.selected_id = booking_id
        self.update()
        self.selection_changed.emit(self.selected_booking)

    # --- input ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = event.position()
        block = self.block_at(point)
        if block is not None:
            self.select(block.booking.id)
            if event.button() == Qt.MouseButton.LeftButton:
                self.drag.press(block, point)
            return
        self.select(None)
        moment = self.moment_at(point)
        if moment is not None:
            self.empty_time_clicked.emit(moment[0], moment[1])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.drag.move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        booking_id = self.drag.block.booking.id if self.drag.block is not None else None
        target = self.drag.release()
        if target is not None and booking_id is not None:
            self.move_requested.emit(booking_id, target.room_id, target.starts_at)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self.block_at(QPointF(event.pos()))
            if block is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_of(block.booking.id), self)
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position())
        if block is not None:
            self.select(block.booking.id)
            self.open_requested.emit(block.booking)

    def moment_at(self, point: QPointF) -> tuple[int, datetime] | None:
        """The room and the instant (snapped down to 15 minutes) at ``point``."""
        layout = self.layout_
        if layout is None or point.x() < self.gutter or point.y() < HEADER:
            return None
        index = int((point.x() - self.gutter) // self.column_width())
        if not 0 <= index < len(layout.columns):
            return None
        column = layout.columns[index]
        minute = self.minute_at(point.y())
        if not column.axis.top <= minute < column.axis.bottom:
            return None
        minute -= minute % SNAP_MINUTES
        return column.room_id, column.axis.moment_at(minute)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.drag.block is not None:
            self.drag.cancel()
            return
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in moves:
            self._move(*moves[Qt.Key(key)])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            booking = self.selected_booking
            if booking is not None:
                self.open_requested.emit(booking)
            return
        super().keyPressEvent(event)

    def _move(self, across: int, down: int) -> None:
        layout = self.layout_
        if layout is None or not layout.blocks:
            return
        current = self._selected_block()
        if current is None:
            self.select(layout.blocks[0].booking.id)
            return
        if down:
            same = sorted(
                (b for b in layout.blocks if b.column == current.column), key=lambda b: b.top
            )
            index = same.index(current) + down
            if 0 <= index < len(same):
                self.select(same[index].booking.id)
            return
        column = current.column + across
        while 0 <= column < len(layout.columns):
            there = [b for b in layout.blocks if b.column == column]
            if there:
                nearest = min(there, key=lambda b: abs(b.top - current.top))
                self.select(nearest.booking.id)
                return
            column += across

    # --- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, QRectF(event.rect()))
        finally:
            painter.end()

    def _paint(self, painter: QPainter, clip: QRectF) -> None:
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        layout = self.layout_
        if layout is None or not layout.columns:
            return
        width = self.column_width()
        bottom_y = self.y_of(layout.bottom)
        closed_brush = QBrush(colour("schedule_closed"))
        closed_day_brush = QBrush(colour("schedule_closed_day"), Qt.BrushStyle.BDiagPattern)
        line = colour("schedule_line")
        text_colour = palette.text().color()
        muted = colour("schedule_label")
        days = {column.day for column in layout.columns}
        grouped = 1 < len(days) < len(layout.columns)  # a week of several rooms
        shown = self._columns_in(clip)
        for index in shown:
            column = layout.columns[index]
            x = self.gutter + index * width
            area = QRectF(x, HEADER, width, bottom_y - HEADER)
            painter.fillRect(area, closed_brush)
            if column.closed_reason is not None:
                painter.fillRect(area, closed_day_brush)
            else:
                for start, end in column.open_spans:
                    painter.fillRect(
                        QRectF(x, self.y_of(start), width, self.y_of(end) - self.y_of(start)),
                        palette.base(),
                    )
            painter.setPen(QPen(line))
            for mark in column.axis.marks:
                y = self.y_of(mark.minute)
                painter.drawLine(QPointF(x, y), QPointF(x + width, y))
            painter.drawLine(QPointF(x, HEADER), QPointF(x, bottom_y))
            room, day = self._titles[index] if index < len(self._titles) else ("", "")
            painter.setPen(text_colour)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            if grouped:  # the day above, spanning its rooms; the room's name here
                title = QRectF(x + 2, HEADER / 2, width - 4, HEADER / 2 - 2)
                text = room
            else:
                title = QRectF(x + 4, 2, width - 8, HEADER - 4)
                if column.closed_reason is not None:
                    day = self.tr("{day} · closed").format(day=day) if day else self.tr("Closed")
                text = f"{room}\n{day}".strip()
            if width >= MIN_TEXT_WIDTH:
                painter.drawText(
                    title, int(flags | Qt.TextFlag.TextSingleLine) if grouped else int(flags), text
                )
        if grouped:
            self._paint_day_titles(painter, layout, width)
        painter.setPen(muted)
        for minute, label in self._labels:
            y = self.y_of(minute)
            painter.drawText(
                QRectF(0, y - 9, self.gutter - 6, 18),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        self._paint_blocks(painter, layout, clip, shown)
        self._paint_own_labels(painter, shown, width)
        self._paint_now(painter, layout, width)
        ghost = self.drag.ghost
        if ghost is not None and ghost.intersects(clip):
            painter.setBrush(colour("schedule_ghost"))
            painter.setPen(QPen(colour("schedule_ghost_border"), 2, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(ghost.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)

    def _paint_day_titles(self, painter: QPainter, layout: ScheduleLayout, width: float) -> None:
        """A week of several rooms: one title per day over its rooms' columns."""
        text, separator = self.palette().text().color(), colour("schedule_separator")
        start = 0
        count = len(layout.columns)
        for index in range(1, count + 1):
            if index < count and layout.columns[index].day == layout.columns[start].day:
                continue
            day = self._titles[start][1] if start < len(self._titles) else ""
            area = QRectF(
                self.gutter + start * width + 2, 2, (index - start) * width - 4, HEADER / 2
            )
            painter.setPen(text)
            painter.drawText(
                area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextSingleLine), day
            )
            painter.setPen(QPen(separator, 2))
            painter.drawLine(
                QPointF(self.gutter + start * width, 0),
                QPointF(self.gutter + start * width, self.y_of(layout.bottom)),
            )
            start = index

    def _paint_own_labels(self, painter: QPainter, shown: range, width: float) -> None:
        """A DST day's labels at its own hour lines, inside its column (see set_layout)."""
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 2, 7.0))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        ink, paper = colour("schedule_tag_text"), colour("schedule_tag_background")
        for index in shown:
            if index >= len(self._own_labels):
                break
            x = self.gutter + index * width
            painter.save()
            painter.setClipRect(QRectF(x, HEADER, width, self.height() - HEADER))
            for minute, label in self._own_labels[index]:
                y = self.y_of(minute)
                # a tag on the line's right end, over a block if one covers the line; in a
                # column too narrow for it, from the left edge and cut at the right one
                tag = QRectF(0, y - 7, metrics.horizontalAdvance(label) + 8, 14)
                tag.moveRight(x + width - 2)
                if tag.left() < x + 2:
                    tag.moveLeft(x + 2)
                painter.setPen(QPen(ink))
                painter.setBrush(paper)
                painter.drawRoundedRect(tag, 3, 3)
                painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), label)
            painter.restore()
        painter.setFont(self.font())

    def label_read_at(self, index: int, minute: float) -> str | None:
        """The hour label a person reads for column ``index``'s line at ``minute``: its
        own (a DST day's) if it has one there, else the left column's; None: no line."""
        column = self.layout_.columns[index] if self.layout_ else None
        if column is None or all(mark.minute != minute for mark in column.axis.marks):
            return None
        own = self._own_labels[index] if index < len(self._own_labels) else []
        for labels in (own, self._labels):
            found = next((label for at, label in labels if at == minute), None)
            if found is not None:
                return found
        return None

    def _columns_in(self, clip: QRectF) -> range:
        """The columns ``clip`` touches (a drag's ghost repaints one or two of them)."""
        count = len(self.layout_.columns) if self.layout_ else 0
        width = self.column_width()
        first = max(int((clip.left() - self.gutter) // width), 0)
        last = min(int((clip.right() - self.gutter) // width), count - 1)
        return range(first, last + 1)

    def _paint_blocks(
        self, painter: QPainter, layout: ScheduleLayout, clip: QRectF, shown: range
    ) -> None:
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1, 7.0))
        painter.setFont(small)
        for block in layout.blocks:
            if block.column not in shown:
                continue
            booking = block.booking
            foreground, background = status_colours(booking.status)
            rect = self.block_rect(block)
            if not rect.adjusted(0, 0, 0, self.y_of(block.buffer_end) - rect.bottom()).intersects(
                clip
            ):
                continue
            if block.buffer_end > block.bottom:
                buffer = QRectF(
                    rect.left(),
                    rect.bottom(),
                    rect.width(),
                    self.y_of(block.buffer_end) - rect.bottom(),
                )
                painter.fillRect(
                    buffer, QBrush(QColor(background).darker(115), Qt.BrushStyle.FDiagPattern)
                )
            fill = QColor(background)
            painter.setBrush(fill)
            selected = booking.id == self.selected_id
            pen = QPen(QColor(foreground), 3 if selected else 1)
            if booking.status is BookingStatus.PENDING:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            painter.setPen(QColor(foreground))
            if rect.width() < MIN_TEXT_WIDTH or rect.height() < MIN_TEXT_HEIGHT:
                continue  # too small to read: the tooltip and the details pane tell
            text = self._text(booking.id)
            if text is not None:
                painter.drawText(
                    rect.adjusted(5, 3, -4, -2),
                    int(
                        Qt.AlignmentFlag.AlignLeft
                        | Qt.AlignmentFlag.AlignTop
                        | Qt.TextFlag.TextWordWrap
                    ),
                    "\n".join(text.lines),
                )
        painter.setFont(self.font())

    def _paint_now(self, painter: QPainter, layout: ScheduleLayout, width: float) -> None:
        data = self.data
        if data is None:
            return
        today = data.local_day(data.now)
        for index, column in enumerate(layout.columns):
            if column.day != today:
                continue
            minute = column.axis.minute_of(data.now)
            if not layout.top <= minute <= layout.bottom:
                continue
            y = self.y_of(minute)
            x = self.gutter + index * width
            painter.setPen(QPen(colour("schedule_now"), 2))
            painter.drawLine(QPointF(x, y), QPointF(x + width, y))

    # --- for tests and the place ------------------------------------------------------

    def tooltip_of(self, booking_id: int) -> str:
        text = self._text(booking_id)
        return text.tooltip if text is not None else ""

    def lines_of(self, booking_id: int) -> tuple[str, ...]:
        text = self._text(booking_id)
        return text.lines if text is not None else ()
