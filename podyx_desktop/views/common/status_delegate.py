"""Paints a booking's status as a coloured pill inside a table cell, like the details
pane's :class:`~podyx_desktop.views.common.widgets.StatusBadge`.

The cell itself (selection highlight, row background) is drawn by Qt's own delegate with
the text left out, rather than through ``QStyle`` from here: the first use of ``QStyle``
from Python creates its twenty enums (~5 ms on the start-up path)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyledItemDelegate

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
        foreground, background = status_colours(record.status)
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(text) + 2 * PADDING_X
        height = painter.fontMetrics().height() + 2 * PADDING_Y
        rect = option.rect
        pill = QRectF(
            rect.left() + 4,
            rect.top() + (rect.height() - height) / 2,
            min(width, rect.width() - 8),
            height,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(
            hint.width() + 2 * PADDING_X + 8,
            max(hint.height(), option.fontMetrics.height() + 2 * PADDING_Y + 4),
        )
