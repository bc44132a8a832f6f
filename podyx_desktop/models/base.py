"""Shared plumbing of the item models: rows of frozen records, replaced whole (or, for
the paged tables of ``models.paged``, added a page at a time).

A subclass names its columns and says how a record reads in each one (text, sort key,
tooltip). ``SORT_ROLE`` (``Qt.UserRole``) gives a value that sorts right (times as
timestamps, money as integers); ``RECORD_ROLE`` gives the record itself.

A table model sorts itself (``sort``: by the same keys here; in SQL for the paged tables
of ``models.paged``) rather than through a ``QSortFilterProxyModel``, and answers a cell's
roles in one ``multiData`` call. Both are about the GUI thread's time while a worker
thread runs Python: every call Qt makes into Python then waits for the interpreter lock,
and a proxy asks its source for its row and column counts hundreds of times per paint. A
list of 16 rows repainted in ~36 ms next to a busy worker through a proxy, in ~8 ms this
way (``bench/table_paint.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from podyx_desktop.models.display import DisplayFormat

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole)
RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 1

# Plain ints: comparing a role with ``Qt.ItemDataRole.X`` looks the member up every time.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_TABLE_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, _ALIGNMENT, SORT_ROLE, RECORD_ROLE})
_LIST_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, SORT_ROLE, RECORD_ROLE})
_UNSORTED = -1


def _fill(
    span: QModelRoleDataSpan | QModelRoleData,
    roles: frozenset[int],
    value: Callable[[int], Any],
    valid: bool,
) -> None:
    """Answer each role of ``span`` that the model knows with ``value(role)``, clear the
    others (or all of them for an index that is not the model's)."""
    slots: Any = (span,) if isinstance(span, QModelRoleData) else span
    for position in range(len(slots)):
        slot = slots[position]
        role = slot.role()
        if valid and role in roles:
            slot.setData(value(role))
        else:
            slot.clearData()


class _Records(Generic[T]):
    """What every record model shares: its records, and the studio's display format."""

    _rows: list[T]
    _display: DisplayFormat

    @property
    def display(self) -> DisplayFormat:
        return self._display

    def rows(self) -> list[T]:
        return list(self._rows)

    def record(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, matches: Callable[[T], bool]) -> int:
        """The first row whose record ``matches``, or -1."""
        return next((i for i, record in enumerate(self._rows) if matches(record)), -1)


class RecordTableBase(QAbstractTableModel, _Records[T]):
    """What every table of records shares: titled columns, each row's cell texts made
    once, a cell's roles in one ``multiData`` call, and the headers.

    Subclasses implement the ``column_*`` hooks; the two kinds of table below say where
    the rows come from (:class:`RecordTableModel`: given whole; ``models.paged``: a page
    at a time) by implementing ``cell_text``.
    """

    NUMERIC_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, display: DisplayFormat | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[T] = []  # what the view shows, in order
        self._display = display or DisplayFormat()
        self._titles: list[str] | None = None  # views ask for headers very often: cache
        self._column_count = -1

    @property
    def titles(self) -> list[str]:
        if self._titles is None:
            self._titles = self.column_titles()
        return self._titles

    def row_texts(self, record: T) -> tuple[str, ...]:
        """Every cell's text for ``record``, as the table shows it.

        Plain Python over the display format and ``tr`` (which is thread-safe): a task may
        call it on the worker and hand the result to the model.
        """
        return tuple(self.column_text(record, column) for column in range(len(self.titles)))

    def cell_text(self, row: int, column: int) -> str:
        """The text of the cell shown at ``row``, ``column`` (made once per row)."""
        raise NotImplementedError

    # --- hooks ----------------------------------------------------------------------

    def column_titles(self) -> list[str]:
        raise NotImplementedError

    def column_text(self, record: T, column: int) -> str:
        raise NotImplementedError

    def column_sort_key(self, record: T, column: int) -> Any:
        return self.column_text(record, column).casefold()

    def column_tooltip(self, record: T, column: int) -> str | None:
        return None

    # --- QAbstractItemModel ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        count = self._column_count
        if count < 0:
            count = self._column_count = len(self.titles)
        return count

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # Qt's index() asks rowCount and columnCount: two calls into Python for each cell
        # a view paints (it asks each cell's index), one here (bench/table_paint.py).
        if 0 <= row < len(self._rows) and 0 <= column < self.columnCount() and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def _value(self, row: int, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return self.cell_text(row, column)
        if role == _ALIGNMENT:
            return _RIGHT if column in self.NUMERIC_COLUMNS else _LEFT
        if role == RECORD_ROLE:
            return self._rows[row]
        if role == _TOOLTIP:
            return self.column_tooltip(self._rows[row], column)
        if role == _ACCESSIBLE:
            return f"{self.titles[column]}: {self.cell_text(row, column)}"
        if role == SORT_ROLE:
            return self.column_sort_key(self._rows[row], column)
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _TABLE_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        return self._value(row, index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles a delegate asks for at once: one call into Python per cell."""
        row, column = index.row(), index.column()
        valid = 0 <= row < len(self._rows)
        _fill(roleDataSpan, _TABLE_ROLES, lambda role: self._value(row, column, role), valid)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = _DISPLAY,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == _DISPLAY:
            return self.titles[section]
        if role == _ALIGNMENT:
            return _RIGHT if section in self.NUMERIC_COLUMNS else _LEFT
        return None


class RecordTableModel(RecordTableBase[T]):
    """A flat table of records given whole (``set_rows``), sorted in Python by the
    ``column_sort_key`` of the column the view asks for."""

    def __init__(self, display: DisplayFormat | None = None, parent: QObject | None = None):
        super().__init__(display, parent)
        # The rows as given, and each one's cell texts, made once: views ask for them on
        # every paint and resize, and formatting dates and money with babel is slow on the
        # GUI thread.
        self._given: list[T] = []
        self._texts: list[tuple[str, ...] | None] = []
        # What the view shows: row r is given row _order[r] (the given order until the view
        # sorts; a sort is kept across reloads, as a proxy would keep it).
        self._order: list[int] = []
        self._sort_column = _UNSORTED
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- rows -----------------------------------------------------------------------

    def set_display(self, display: DisplayFormat) -> None:
        self.beginResetModel()
        self._display = display
        self._texts = [None] * len(self._given)
        self.endResetModel()

    def set_rows(self, rows: Iterable[T], texts: Sequence[tuple[str, ...]] | None = None) -> None:
        """Show ``rows``. ``texts``, when given, are the cell texts of the first rows (all
        of them, or as many as show at first), as ``row_texts`` makes them: made by the task
        on the worker, so the GUI thread does not format them. The others are made when
        first asked for. Rows keep the sort the view last asked for."""
        rows = list(rows)
        given: list[tuple[str, ...] | None] = list(texts or ())
        if len(given) > len(rows):
            raise ValueError("more texts than rows")
        self.beginResetModel()
        self._given = rows
        self._texts = given + [None] * (len(rows) - len(given))
        self._arrange()
        self.endResetModel()

    def cell_text(self, row: int, column: int) -> str:
        given = self._order[row]
        texts = self._texts[given]
        if texts is None:
            texts = self._texts[given] = self.row_texts(self._given[given])
        return texts[column]

    # --- sorting --------------------------------------------------------------------

    def _arrange(self) -> None:
        """Put the given rows in the current sort order."""
        order = list(range(len(self._given)))
        column = self._sort_column
        if 0 <= column < self.columnCount():
            given, key = self._given, self.column_sort_key
            order.sort(
                key=lambda row: key(given[row], column),
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        self._order = order
        self._rows = [self._given[row] for row in order]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``'s sort key (stable); a column of -1 restores the given order.

        Selections and other persistent indexes follow their records."""
        self._sort_column = column
        self._sort_order = order
        if not self._given:
            return
        self.layoutAboutToBeChanged.emit()
        before = self._order
        self._arrange()
        row_of_given = {given: row for row, given in enumerate(self._order)}
        moved_from = self.persistentIndexList()
        moved_to = [
            self.index(row_of_given[before[index.row()]], index.column()) for index in moved_from
        ]
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()


class RecordListModel(QAbstractListModel, _Records[T]):
    """A single-column list of records; subclasses implement ``item_text``."""

    def __init__(self, display: DisplayFormat | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[T] = []
        # Each row's text, made once (views ask on every paint; babel is slow).
        self._texts: list[str | None] = []
        self._display = display or DisplayFormat()

    def set_display(self, display: DisplayFormat) -> None:
        self.beginResetModel()
        self._display = display
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def set_rows(self, rows: Iterable[T], texts: Sequence[str] | None = None) -> None:
        """Show ``rows``; ``texts``: their item texts, as :meth:`texts_of` makes them on
        the worker (so the GUI thread does not format them), or made when first shown."""
        rows = list(rows)
        if texts is not None and len(texts) != len(rows):
            raise ValueError("a text for each row")
        self.beginResetModel()
        self._rows = rows
        self._texts = list(texts) if texts is not None else [None] * len(rows)
        self.endResetModel()

    def texts_of(self, rows: Sequence[T]) -> list[str]:
        """The item texts of ``rows`` (plain Python: safe on the worker)."""
        return [self.item_text(record) for record in rows]

    def item_text(self, record: T) -> str:
        raise NotImplementedError

    def item_tooltip(self, record: T) -> str | None:
        return None

    def item_sort_key(self, record: T) -> Any:
        return self.item_text(record).casefold()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def index(self, row: int, column: int | None = 0, parent: Index = QModelIndex()) -> QModelIndex:
        # One call into Python for each item a view paints, not Qt's index() and its
        # rowCount (see RecordTableBase.index).
        if 0 <= row < len(self._rows) and not column and not parent.isValid():
            return self.createIndex(row, 0)
        return QModelIndex()

    def _value(self, row: int, role: int) -> Any:
        record = self._rows[row]
        if role in (_DISPLAY, _ACCESSIBLE):
            text = self._texts[row]
            if text is None:
                text = self._texts[row] = self.item_text(record)
            return text
        if role == RECORD_ROLE:
            return record
        if role == _TOOLTIP:
            return self.item_tooltip(record)
        if role == SORT_ROLE:
            return self.item_sort_key(record)
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _LIST_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        return self._value(row, role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles a delegate asks for at once: one call into Python per item."""
        row = index.row()
        valid = 0 <= row < len(self._rows)
        _fill(roleDataSpan, _LIST_ROLES, lambda role: self._value(row, role), valid)
