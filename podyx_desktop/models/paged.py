"""A table over a list too long to load: pages fetched on the worker as the view scrolls.

Qt's fetch-more pattern (the ``fetchmore`` example): the model shows the rows it has, says
``canFetchMore`` while the service has more, and ``fetchMore`` (which the view calls when
its scroll bar reaches the end) asks a worker for the next page; the page's rows are
appended when it arrives on the GUI thread. Sorting and the search are the service's, in
SQL with keyset paging (``services/paging.py``): ``sort`` and ``set_filter`` drop the rows
and start again from the first page of the new order.

The model knows nothing of threads or services. It is given

- a page source, ``source(context, request) -> Page``, called on the worker with what the
  runner hands its tasks (for :class:`~podyx_desktop.gui.tasks.TaskRunner`: the services);
- a runner, ``run(call, on_done, on_error)``, that runs ``call(context)`` in the
  background and calls back on the GUI thread; over a TaskRunner::

      def run(call, on_done, on_error):
          runner.run(call, on_success=on_done, on_error=on_error, owner=model)

One page loads at a time; an answer that arrives after the sort or search changed (or the
list was reloaded) belongs to a list no longer shown and is dropped (a generation count),
and a load replaced before the worker reached it skips its query.
Each page's cell texts are made on the worker with the page, as ``row_texts`` allows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from podyx_desktop.domain.paging import DEFAULT_PAGE_SIZE, Page, PageRequest
from podyx_desktop.models.base import Index, RecordTableBase
from podyx_desktop.models.display import DisplayFormat

T = TypeVar("T")
R = TypeVar("R")

PageSource = Callable[[Any, PageRequest], Page[T]]
_Loaded = tuple[Page[Any], list[tuple[str, ...]]] | None


class Runner(Protocol):
    """Runs ``call(context)`` off the GUI thread; ``on_done(result)`` or
    ``on_error(message)`` follow on the GUI thread."""

    def __call__(
        self,
        call: Callable[[Any], R],
        on_done: Callable[[R], None],
        on_error: Callable[[str], None],
    ) -> None: ...


class PagedTableModel(RecordTableBase[T]):
    """Rows of ``T`` a page at a time, in the order of the sortable column the view chose.

    Subclasses name the service's sort key of each sortable column in ``SORT_KEYS`` and
    implement the ``column_*`` hooks of :class:`RecordTableBase`; ``sort`` on any other
    column is ignored.
    """

    SORT_KEYS: ClassVar[Mapping[int, str]] = {}
    DEFAULT_SORT: ClassVar[tuple[int, Qt.SortOrder]] = (0, Qt.SortOrder.AscendingOrder)

    loading_changed = Signal(bool)
    load_failed = Signal(str)  # the runner's message: a sentence for the user
    page_loaded = Signal(int)  # how many rows came

    def __init__(
        self,
        source: PageSource[T],
        run: Runner,
        display: DisplayFormat | None = None,
        parent: QObject | None = None,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> None:
        super().__init__(display, parent)
        self._source = source
        self._run = run
        self._page_size = page_size
        self._texts: list[tuple[str, ...] | None] = []
        self._sort_column, self._sort_order = self.DEFAULT_SORT
        self._search = ""
        self._generation = 0  # grows with every restart; older answers are dropped
        self._next: PageRequest | None = self.first_request()
        self._started = False  # a first page has been asked for
        self._in_flight: int | None = None  # the generation whose page is on its way
        self._loading_told = False  # what loading_changed said last
        self._error: str | None = None
        _ = self.titles  # made here, on the GUI thread, before a worker reads them

    # --- what is shown --------------------------------------------------------------

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    @property
    def search(self) -> str:
        return self._search

    @property
    def is_loading(self) -> bool:
        """A page of the list shown is on its way."""
        return self._in_flight == self._generation

    @property
    def error(self) -> str | None:
        """Why the last page did not load (None when it did); ``reload`` tries again."""
        return self._error

    @property
    def is_complete(self) -> bool:
        """Every row of the list is here."""
        return self._next is None

    def first_request(self) -> PageRequest:
        """The request for the first page in the current sort and search."""
        return PageRequest(
            sort=self.SORT_KEYS[self._sort_column],
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
            search=self._search,
            limit=self._page_size,
        )

    def cell_text(self, row: int, column: int) -> str:
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = self.row_texts(self._rows[row])
        return texts[column]

    # --- changing what is shown -----------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the list by ``column`` (one of ``SORT_KEYS``), from its first page."""
        if column not in self.SORT_KEYS:
            return
        if (column, order) == (self._sort_column, self._sort_order) and self._started:
            return  # the view re-applies its sort indicator: the rows are already so
        self._sort_column, self._sort_order = column, order
        self.reload()

    def set_filter(self, text: str) -> None:
        """Show only the rows that match ``text`` (the service says how), from the first
        page."""
        text = " ".join(text.split())
        if text == self._search:
            return
        self._search = text
        self.reload()

    def set_display(self, display: DisplayFormat) -> None:
        """Show the same rows in another format (texts are made again when next shown)."""
        self.beginResetModel()
        self._display = display
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def reload(self) -> None:
        """Drop every row and start again from the first page (after a change, or after a
        page failed to load). A page still on its way is for the old list: dropped."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._texts = []
        self._next = self.first_request()
        self._error = None
        self.endResetModel()  # a view (or the model tester) may ask for the page here
        self.fetchMore()

    # --- fetch more -----------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None and self._error is None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        """Ask for the next page, unless one is on its way already."""
        if self.is_loading or not self.canFetchMore(parent):
            return
        assert self._next is not None
        self._load(self._next)
        self._tell_loading()

    def _load(self, request: PageRequest) -> None:
        generation, display = self._generation, self._display
        source, row_texts = self._source, self.row_texts

        def call(context: Any) -> _Loaded:
            if generation != self._generation:
                return None  # replaced while it waited in the queue: not worth a query
            page = source(context, request)
            return page, [row_texts(record) for record in page.rows]

        def done(loaded: _Loaded) -> None:
            if generation != self._generation or loaded is None:
                return
            page, texts = loaded
            self._add_page(request, page, texts if display is self._display else None)

        def failed(message: str) -> None:
            if generation != self._generation:
                return
            self._error = message
            self._in_flight = None
            self._tell_loading()
            self.load_failed.emit(message)

        self._started = True
        self._in_flight = generation
        self._run(call, done, failed)

    def _add_page(
        self, request: PageRequest, page: Page[T], texts: list[tuple[str, ...]] | None
    ) -> None:
        self._next = request.following(page)
        self._in_flight = None
        self._tell_loading()
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._texts.extend(texts if texts is not None else [None] * len(page.rows))
            self.endInsertRows()
        self.page_loaded.emit(len(page.rows))

    def _tell_loading(self) -> None:
        """Emit ``loading_changed`` if loading is not what it last said (a restart while a
        page is on its way stays loading: said once)."""
        loading = self.is_loading
        if loading != self._loading_told:
            self._loading_told = loading
            self.loading_changed.emit(loading)
