"""The staff's Clients place: the studio's clients in a table read a page at a time, and
the client opened — the same Bookings, Bundles, Purchases and Account tabs the client's
window shows, worded for staff, under the desk's actions on that client.

The list (:class:`~podyx_desktop.models.clients.ClientListModel`) is sorted and searched
in SQL: a click on any header sorts by it, the search runs as the desk types (after
``SEARCH_PAUSE_MS``; Ctrl+F goes to it), and scrolling to the end fetches the next page.
A line under it says how many are shown, that more are loading, that nothing matches, or
why the list did not load. Enter or a double click opens a client; Back (Alt+Left) or
Ctrl+F returns to the list.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.records import Account
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.models.clients import ClientListModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.clients import client_pages, load_client
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.tabbed_pages import TabbedPages
from podyx_desktop.views.common.tables import titles_in_qt
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.profile.account_tab import AccountTab
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.profile.bundles_tab import BundlesTab
from podyx_desktop.views.profile.files_tab import FilesTab
from podyx_desktop.views.profile.profile_tab import ProfileSubject, ProfileTab
from podyx_desktop.views.profile.purchases_tab import PurchasesTab
from podyx_desktop.views.staff.client_actions import ClientActionsPane

# How long the search waits after the last key before it asks: long enough to take a
# burst of keys (a paste, a held key) as one search, short enough that each key of
# ordinary typing shows its rows at once (bench/desk_clients_gui.py: keystroke to rows).
# A search the worker has not reached when the next one comes is skipped.
SEARCH_PAUSE_MS = 40
# Clients read per page (the view asks for the next when it is scrolled to the end).
PAGE_SIZE = 100


class ClientsPlace(QWidget):
    """The client list; the opened client's actions and profile tabs."""

    # What the list shows: it reads again (when next in view) after a change to one.
    LIST_SHOWS: ClassVar[tuple[Kind, ...]] = (
        Kind.CLIENTS,
        Kind.PURCHASES,
        Kind.BOOKINGS,
        Kind.BUNDLES,
    )
    book_requested = Signal(int, str)  # client id, name: "Book for this client…"

    def __init__(
        self, ctx: ViewContext, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ClientsPlace")
        self._page_size = page_size
        self._ctx = ctx
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.subject: ProfileSubject | None = None
        self.client: Account | None = None
        self._list_stale = False
        self._to_first_match = False  # Enter was pressed in the search: go to its first row
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_list())
        self.pages.addWidget(self._build_client())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        back = QShortcut(QKeySequence("Alt+Left"), self)
        back.activated.connect(self.show_list)
        ctx.bus.changed.connect(self._on_changed)

    # --- building -------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Clients"), page)
        heading.setObjectName("PageTitle")
        self.search_box = QLineEdit(page)
        self.search_box.setPlaceholderText(self.tr("Search by name, email or phone (Ctrl+F)"))
        self.search_box.setAccessibleName(self.tr("Search clients"))
        self.search_box.setClearButtonEnabled(True)
        self.new_client_button = QPushButton(self.tr("&New client…"), page)
        self.new_client_button.clicked.connect(self.open_new_client)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_client_button)
        source, run = client_pages(self._ctx, self._ctx.user.principal, self)
        self.model = ClientListModel(source, run, self.display, self, page_size=self._page_size)
        self.table = QTableView(page)
        self.table.setObjectName("ClientTable")
        self.table.setAccessibleName(self.tr("Clients"))
        self.table.setModel(self.model)
        titles_in_qt(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        column, order = self.model.DEFAULT_SORT
        header.setSortIndicator(column, order)
        self.table.setSortingEnabled(True)  # sorts the model: its first page is asked for
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Room for the sort indicator, which every column can show (the app's style
        # draws it over the right end of the section, on a right-aligned title).
        header.setStyleSheet("QHeaderView::section { padding-right: 20px; }")
        for column, width in enumerate((200, 250, 150, 110, 90, 90, 110, 120)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column) + 16))
        self.table.activated.connect(self._row_activated)
        self.table.doubleClicked.connect(self._row_activated)
        self.message = wrapped_label(page, "Muted", self.tr("Client list message"))
        self.message.setText(self.tr("Loading the clients…"))
        self.model.loading_changed.connect(lambda _loading: self._say())
        self.model.page_loaded.connect(lambda _count: self._say())
        self.model.page_loaded.connect(lambda _count: self._go_to_first_match())
        self.model.load_failed.connect(lambda _message: self._say())
        self.model.modelReset.connect(self._say)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.apply_search)
        self.search_box.textChanged.connect(lambda _text: self._pause.start())
        self.search_box.returnPressed.connect(self._search_entered)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.list_page = page
        return page

    def _build_client(self) -> QWidget:
        page = QWidget(self)
        self.back_button = QPushButton(self.tr("← All clients"), page)
        self.back_button.setToolTip(self.tr("Back to the client list (Alt+Left)"))
        self.back_button.clicked.connect(self.show_list)
        self.client_heading = QLabel(page)
        self.client_heading.setObjectName("PageTitle")
        self.client_heading.setAccessibleName(self.tr("Client shown"))
        self.actions_pane = ClientActionsPane(self._ctx, page)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.back_button)
        top.addWidget(self.client_heading)
        top.addWidget(self.actions_pane.account_line, 1)
        self.actions_pane.book_requested.connect(self.book_requested)
        self.profile_tabs = TabbedPages(page)
        self.profile_tabs.setObjectName("ProfileTabs")
        self._waiting_tabs: set[int] = set()  # tabs of the client shown not loaded yet
        self.profile_tabs.currentChanged.connect(self._tab_shown)
        self.client_message = wrapped_label(page, "ErrorText", self.tr("Client message"))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.client_message)
        layout.addWidget(self.actions_pane)
        layout.addWidget(self.profile_tabs, 1)
        self.client_page = page
        return page

    # --- the list -------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+F: back to the list, the search selected to type over."""
        self.show_list()
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @Slot()
    def show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)
        if self._list_stale:
            self.reload_clients()

    @Slot()
    def apply_search(self) -> None:
        """Narrow the list to the search box's text (from its first page)."""
        self._pause.stop()
        self.model.set_filter(self.search_box.text())
        self._say()

    @Slot()
    def _search_entered(self) -> None:
        """Enter in the search: to the first match (once its page is here), so a second
        Enter opens it."""
        self.apply_search()
        self._to_first_match = True
        self._go_to_first_match()

    def _go_to_first_match(self) -> None:
        if not self._to_first_match or self.model.is_loading:
            return
        self._to_first_match = False
        if self.model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(0)

    def reload_clients(self) -> None:
        """Read the list again from its first page (the sort and search kept)."""
        self._list_stale = False
        self.model.reload()

    @property
    def is_searching(self) -> bool:
        """A search is waiting for its pause, or its page is on its way."""
        return self._pause.isActive() or self.model.is_loading

    @Slot()
    def _say(self) -> None:
        """The line under the list: how many, loading, nothing matches, or the error."""
        model = self.model
        count = model.rowCount()
        search = model.search
        if model.error is not None:
            text = self.tr("The clients could not be loaded: {error}").format(error=model.error)
        elif model.is_loading and count == 0:
            text = (
                self.tr("Searching for “{search}”…").format(search=search)
                if search
                else self.tr("Loading the clients…")
            )
        elif count == 0:
            text = (
                self.tr("No client matches “{search}”.").format(search=search)
                if search
                else self.tr("No clients yet.")
            )
        elif model.is_loading:
            text = self.tr("{count} clients shown; loading more…").format(count=count)
        elif model.is_complete:
            text = (
                self.tr("{count} clients match “{search}”.").format(count=count, search=search)
                if search
                else self.tr("{count} clients.").format(count=count)
            )
        else:
            text = self.tr("{count} clients shown; scroll for more.").format(count=count)
        self.message.setText(text)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*self.LIST_SHOWS):
            return
        if self.pages.currentWidget() is self.list_page and self.isVisible():
            self.reload_clients()
        else:
            self._list_stale = True

    @Slot(QModelIndex)
    def _row_activated(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is not None:
            self.open_client(record.id)

    # --- one client ---------------------------------------------------------------------

    def open_client(self, client_id: int) -> None:
        """Load the client ``client_id`` and show their actions and profile."""
        self.client_message.hide()
        load_client(self._ctx, self._ctx.user.principal, client_id).success(
            self.show_client
        ).failure(self._open_failed).run(self)

    def _open_failed(self, message: str) -> None:
        self.message.setText(message)
        self.client_message.setText(message)
        self.client_message.setVisible(self.pages.currentWidget() is self.client_page)

    @Slot()
    def open_new_client(self) -> None:
        from podyx_desktop.views.staff.client_dialogs import NewClientDialog

        dialog = NewClientDialog(self._ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open_requested.connect(self.show_client)
        self.new_client_dialog = dialog
        dialog.open()

    @Slot(int)
    def _tab_shown(self, index: int) -> None:
        """Load a profile tab the first time it is shown for this client."""
        tab = self.profile_tabs.widget(index)
        if isinstance(tab, ProfileTab) and id(tab) in self._waiting_tabs:
            self._waiting_tabs.discard(id(tab))
            tab.reload()

    @Slot(object)
    def show_client(self, account: Account) -> None:
        """Show ``account``'s profile: the client's own tabs, worded for staff, under the
        desk's actions."""
        self.client = account
        self.subject = ProfileSubject.client(account)
        current = self.profile_tabs.currentIndex()
        self._waiting_tabs.clear()  # the last client's tabs that were never shown
        self.profile_tabs.blockSignals(True)  # removing tabs makes others current
        while self.profile_tabs.count():
            widget = self.profile_tabs.widget(0)
            self.profile_tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.profile_tabs.blockSignals(False)
        subject = self.subject
        self.bookings_tab = BookingsTab(self._ctx, self.profile_tabs, subject=subject)
        self.bundles_tab = BundlesTab(self._ctx, self.profile_tabs, subject=subject)
        self.purchases_tab = PurchasesTab(self._ctx, self.profile_tabs, subject=subject)
        self.account_tab = AccountTab(self._ctx, self.profile_tabs, subject=subject)
        self.files_tab = FilesTab(self._ctx, self.profile_tabs, subject=subject)
        tabs: tuple[tuple[ProfileTab, str], ...] = (
            (self.bookings_tab, self.tr("&Bookings")),
            (self.bundles_tab, self.tr("B&undles")),
            (self.purchases_tab, self.tr("&Purchases")),
            (self.account_tab, self.tr("&Account")),
            (self.files_tab, self.tr("&Files")),
        )
        # Only the tab shown loads now; each other one loads when first shown (a client
        # with 15,000 bookings opens in one tab's time, bench/desk_clients_gui.py).
        self._waiting_tabs = {id(tab) for tab, _title in tabs}
        self.profile_tabs.blockSignals(True)
        for tab, title in tabs:
            self.profile_tabs.addTab(tab, title)
        self.profile_tabs.setCurrentIndex(max(current, 0))
        self.profile_tabs.blockSignals(False)
        self._tab_shown(self.profile_tabs.currentIndex())
        self.client_heading.setText(
            self.tr("{name} · {email}").format(name=account.full_name, email=account.email)
        )
        self.client_message.hide()
        self.actions_pane.show_client(account)
        self.pages.setCurrentWidget(self.client_page)
