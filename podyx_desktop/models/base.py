"""Shared plumbing of the item models: rows of frozen records, replaced whole.

A subclass names its columns and says how a record reads in each one (text, sort key,
tooltip). ``SORT_ROLE`` (``Qt.UserRole``) gives a value that sorts right in a
``QSortFilterProxyModel`` (times as timestamps, money as integers); ``RECORD_ROLE`` gives
the record itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from podyx_desktop.models.display import DisplayFormat

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole)
RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 1

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class _Records(Generic[T]):
    """What both record models share: their records, and the studio's display format."""

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


class RecordTableModel(QAbstractTableModel, _Records[T]):
    """A flat table of records; subclasses implement the ``column_*`` hooks."""

    NUMERIC_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, display: DisplayFormat | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[T] = []
        # Each row's cell texts, made once: views ask for them on every paint and resize,
        # and formatting dates and money with babel is slow on the GUI thread.
        self._texts: list[tuple[str, ...] | None] = []
        self._display = display or DisplayFormat()
        self._titles: list[str] | None = None  # views ask for headers very often: cache

    @property
    def titles(self) -> list[str]:
        if self._titles is None:
            self._titles = self.column_titles()
        return self._titles

    # --- rows -----------------------------------------------------------------------

    def set_display(self, display: DisplayFormat) -> None:
        self.beginResetModel()
        self._display = display
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def set_rows(self, rows: Iterable[T], texts: Sequence[tuple[str, ...]] | None = None) -> None:
        """Show ``rows``. ``texts``, when given, are the cell texts of the first rows (all
        of them, or as many as show at first), as ``row_texts`` makes them: made by the task
        on the worker, so the GUI thread does not format them. The others are made when
        first asked for."""
        rows = list(rows)
        given: list[tuple[str, ...] | None] = list(texts or ())
        if len(given) > len(rows):
            raise ValueError("more texts than rows")
        self.beginResetModel()
        self._rows = rows
        self._texts = given + [None] * (len(rows) - len(given))
        self.endResetModel()

    def row_texts(self, record: T) -> tuple[str, ...]:
        """Every cell's text for ``record``, as the table shows it.

        Plain Python over the display format and ``tr`` (which is thread-safe): a task may
        call it on the worker and hand the result to ``set_rows``.
        """
        return tuple(self.column_text(record, column) for column in range(len(self.titles)))

    def cell_text(self, row: int, column: int) -> str:
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = self.row_texts(self._rows[row])
        return texts[column]

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
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = index.row()
        record = self._rows[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.titles[column]}: {self.cell_text(row, column)}"
        if role == SORT_ROLE:
            return self.column_sort_key(record, column)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_tooltip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((_RIGHT if column in self.NUMERIC_COLUMNS else _LEFT).value)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((_RIGHT if section in self.NUMERIC_COLUMNS else _LEFT).value)
        return None


class RecordListModel(QAbstractListModel, _Records[T]):
    """A single-column list of records; subclasses implement ``item_text``."""

    def __init__(self, display: DisplayFormat | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[T] = []
        self._display = display or DisplayFormat()

    def set_display(self, display: DisplayFormat) -> None:
        self.beginResetModel()
        self._display = display
        self.endResetModel()

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item_text(self, record: T) -> str:
        raise NotImplementedError

    def item_tooltip(self, record: T) -> str | None:
        return None

    def item_sort_key(self, record: T) -> Any:
        return self.item_text(record).casefold()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.item_text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.item_tooltip(record)
        if role == SORT_ROLE:
            return self.item_sort_key(record)
        if role == RECORD_ROLE:
            return record
        return None
