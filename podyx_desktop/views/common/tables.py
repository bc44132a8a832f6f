"""A read-only, sortable table view over one of the record models, set up the same way
everywhere: whole-row single selection, sort by ``SORT_ROLE``, keyboard-friendly."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QFocusEvent, QFontMetricsF, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from podyx_desktop.models.base import RECORD_ROLE, SORT_ROLE, RecordTableBase, RecordTableModel

FIT_ROWS = 20  # the rows a column is fitted to (Qt: 1,000; each measured row costs ~0.25 ms)


class RecordTable(QTableView):
    """A table that does not repaint itself whole when its window is activated or loses
    the focus (a dialog opens over it, or closes): Qt's item views do on either, and
    that repaint comes right when the dialog's work starts on the worker, each of its
    calls into Python waiting for the interpreter lock (bench/gui_lag.py). The rows look
    the same (the palette's active and inactive colours are the same), and so does the
    current row's focus frame, which stays under the dialog as it was (a table that had
    the focus gets it back when its window is active again)."""

    def event(self, event: QEvent) -> bool:
        # (QWidget passes them on to the viewport, which repaints whole)
        if event.type() in _ACTIVATION:
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Qt's handlers repaint it whole; a table has nothing else to do when only its
        # window's activation changes (the focus comes back to it with the activation).
        if event.reason() != Qt.FocusReason.ActiveWindowFocusReason:
            super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.ActiveWindowFocusReason:
            super().focusInEvent(event)


_ACTIVATION = frozenset({QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate})


def record_table(
    model: QAbstractItemModel,
    accessible_name: str,
    parent: QWidget | None = None,
    *,
    stretch_column: int = 0,
    sortable: bool = True,
) -> QTableView:
    """A table over ``model``. A record model sorts itself; a sort/filter proxy is used as
    it is, sorting included; any other model sorts through a proxy when ``sortable``."""
    view = RecordTable(parent)
    if isinstance(model, QSortFilterProxyModel | RecordTableModel):
        if isinstance(model, QSortFilterProxyModel):
            model.setSortRole(SORT_ROLE)
        view.setModel(model)
        titles_in_qt(view)
        # no sort indicator first: the rows in the order they came (soonest first …)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(sortable)
    elif sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSortRole(SORT_ROLE)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
        titles_in_qt(view)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    # Fit the other columns to their contents once per reload, not on every repaint
    # (ResizeToContents re-measures every row whenever anything changes), and by the
    # first rows only: measuring a row formats it, on the GUI thread, and the rows of a
    # list are alike (dates, rooms, amounts), so more rows rarely widen a column. A table
    # not on show (a hidden list, a tab behind another) is fitted when it is next shown.
    header.setResizeContentsPrecision(FIT_ROWS)
    _FitColumns(view)
    return view


def titles_in_qt(view: QTableView) -> None:
    """Give ``view``'s column header the titles of its record model (the model itself, or
    a sort/filter proxy's source) in a model of Qt's own, so that painting the header
    never calls into Python: a header asks its model for each title's text, alignment,
    font, colours… at every repaint, and each call into Python waits for the interpreter
    lock while the worker runs (bench/gui_lag.py). Call it right after ``setModel``: it
    resets the header's sections. The record model's columns are fixed."""
    model = view.model()
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    if not isinstance(source, RecordTableBase):
        return
    titles = QStandardItemModel(0, source.columnCount(), view)
    horizontal = Qt.Orientation.Horizontal
    for column, title in enumerate(source.titles):
        titles.setHeaderData(column, horizontal, title)
        alignment = source.headerData(column, horizontal, Qt.ItemDataRole.TextAlignmentRole)
        titles.setHeaderData(column, horizontal, alignment, Qt.ItemDataRole.TextAlignmentRole)
    view.horizontalHeader().setModel(titles)


class _FitColumns(QObject):
    """Fits ``view``'s columns after each reload or sort: at once when it is on show, else
    when it is next shown."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        # Watching the view's events only while a fit is due: each event a filter sees
        # is a call into Python, which waits for the interpreter lock while the worker
        # runs (bench/gui_lag.py).
        self._due = False
        model = view.model()
        model.modelReset.connect(self.fit)
        model.layoutChanged.connect(self.fit)
        self.fit()

    @Slot()
    def fit(self, *_args: object) -> None:
        if self._view.isVisible():
            fit_columns(self._view)
        elif not self._due:
            self._due = True
            self._view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._due = False
            self._view.removeEventFilter(self)
            fit_columns(self._view)
        return False


def fit_columns(view: QTableView) -> None:
    """``view.resizeColumnsToContents()``, with a record model's cell texts measured by
    the font's metrics: Qt measures each cell through its delegate and the style sheet
    (~0.2 ms a cell: an 11-row list took 13 ms, bench/gui_lag.py). Columns with a delegate
    of their own are measured by Qt."""
    model = view.model()
    if not isinstance(model, RecordTableModel):
        view.resizeColumnsToContents()
        return
    header = view.horizontalHeader()
    metrics = QFontMetricsF(view.font())  # fractional, rounded up as Qt lays text out
    # QStyledItemDelegate's text margins, and the grid line QTableView adds
    focus_margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    margin = 2 * (focus_margin + 1) + (1 if view.showGrid() else 0)
    rows = range(min(model.rowCount(), header.resizeContentsPrecision()))
    for column in range(model.columnCount()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        if view.itemDelegateForColumn(column) is not None:
            content = view.sizeHintForColumn(column)
        else:
            texts = (model.cell_text(row, column) for row in rows)
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=None)
            content = -1 if widest is None else math.ceil(widest) + margin
        header.resizeSection(column, max(content, header.sectionSizeHint(column)))


def current_record(view: QTableView) -> object | None:
    """The record of the selected row, or None."""
    selection = view.selectionModel()
    if selection is None:
        return None
    rows = selection.selectedRows()
    return rows[0].data(RECORD_ROLE) if rows else None


def select_where(view: QTableView, matches: Callable[[object], bool]) -> bool:
    """Select the first row whose record ``matches`` (a predicate); False when none."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if matches(index.data(RECORD_ROLE)):
            view.setCurrentIndex(index)
            view.selectRow(row)
            return True
    return False
