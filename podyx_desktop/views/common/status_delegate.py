"""Paints a booking's status as a coloured pill inside a table cell, like the details
pane's :class:`~podyx_desktop.views.common.widgets.StatusBadge`.

The cell itself (selection highlight, row background) is drawn by Qt's own delegate with
the text left out, rather than through ``QStyle`` from here: the first use of ``QStyle``
from Python creates its twenty enums (~5 ms on the start-up path). Each pill is drawn once
into a pixmap and each size hint measured once (per text, colours and font): a table
repaints its status cells whenever anything in it changes, each time in Python, which
waits for the interpreter lock while the worker runs (bench/gui_lag.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.records import Booking
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.views.common.widgets import status_colours

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

PADDING_X = 10
PADDING_Y = 3

Index = QModelIndex | QPersistentModelIndex


class StatusBadgeDelegate(QStyledItemDelegate):
    """Draws the cell's text on a rounded background in the status's colours."""

    _without_text = False  # while the cell under a pill is drawn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pills: dict[tuple[str, str, str, str, float], QPixmap] = {}
        self._hints: dict[tuple[str, str], QSize] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if self._without_text:
            option.text = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        record = index.data(RECORD_ROLE)
        if not isinstance(record, Booking):
            super().paint(painter, option, index)
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # the selection highlight and row background first, as for any cell
        self._without_text = True
        try:
            super().paint(painter, option, index)
        finally:
            self._without_text = False
        rect = option.rect
        pill = self._pill(text, record.status, option.font, painter.device().devicePixelRatioF())
        width = pill.width() / pill.devicePixelRatioF()
        height = pill.height() / pill.devicePixelRatioF()
        shown = min(width, rect.width() - 8.0)  # a narrow column shows the pill's start
        top = rect.top() + (rect.height() - height) / 2
        painter.drawPixmap(
            QRectF(rect.left() + 4, top, shown, height),
            pill,
            QRectF(0, 0, shown * pill.devicePixelRatioF(), pill.height()),
        )

    def _pill(self, text: str, status: BookingStatus, font: QFont, ratio: float) -> QPixmap:
        """The pill for ``text`` in ``status``'s colours, drawn once."""
        foreground, background = status_colours(status)
        key = (text, foreground, background, font.key(), ratio)
        pill = self._pills.get(key)
        if pill is not None:
            return pill
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(bold, QPixmap(1, 1))  # as a painter on a pixmap measures
        width = metrics.horizontalAdvance(text) + 2 * PADDING_X
        height = metrics.height() + 2 * PADDING_Y
        pill = QPixmap(round(width * ratio), round(height * ratio))
        pill.setDevicePixelRatio(ratio)
        pill.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pill)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(bold)
        area = QRectF(0, 0, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(area, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        self._pills[key] = pill
        return pill

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        key = (str(index.data(Qt.ItemDataRole.DisplayRole) or ""), option.font.key())
        hint = self._hints.get(key)
        if hint is None:
            plain = super().sizeHint(option, index)
            hint = self._hints[key] = QSize(
                plain.width() + 2 * PADDING_X + 8,
                max(plain.height(), option.fontMetrics.height() + 2 * PADDING_Y + 4),
            )
        return QSize(hint)
