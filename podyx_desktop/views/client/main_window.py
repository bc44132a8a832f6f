"""The signed-in window. It only assembles: the four tabs, the name button, the actions.

Tabs: Bookings, Bundles, Purchases, Account, Files (each its own module). Top right, the
client's name opens a menu with "My Profile" (the Account tab) and "Log out". Shortcuts:
Ctrl+N new booking, Ctrl+1…5 the tabs, F5 refresh. The status bar shows a busy
indicator while a task has run for a moment. Geometry and the last tab are restored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.records import Account, SignedIn
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.operations.notes import load_general_notes
from podyx_desktop.views.client.opening import (
    ACCOUNT,
    BOOKINGS,
    BUNDLES,
    FILES,
    PURCHASES,
    Prefetched,
    opening_tab,
)
from podyx_desktop.views.common import palette
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.paint import FirstPaint, next_turn
from podyx_desktop.views.common.tabbed_pages import TabbedPages
from podyx_desktop.views.common.widgets import error_box

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence

    from podyx_desktop.gui.tasks import TaskRunner
    from podyx_desktop.views.profile.account_tab import AccountTab
    from podyx_desktop.views.profile.bookings_tab import BookingsTab
    from podyx_desktop.views.profile.bundles_tab import BundlesTab
    from podyx_desktop.views.profile.files_tab import FilesTab
    from podyx_desktop.views.profile.profile_tab import ProfileTab
    from podyx_desktop.views.profile.purchases_tab import PurchasesTab


FRAME_MS = 16  # one display frame
FRAME_FIRST_MS = 100
TRAY_AFTER_PAINT_MS = 1500  # the tray and its first reminder check: after the start-up


class Tab(Protocol):
    def reload(self) -> None: ...


def initials(name: str) -> str:
    parts = [part for part in name.split() if part[:1].isalpha()]
    if len(parts) > 1:
        return (parts[0][:1] + parts[-1][:1]).upper()
    return parts[0][:2].upper() if parts else "?"


def avatar(name: str, size: int = 28) -> QIcon:
    """A round badge with the person's initials, coloured by their name."""
    colours = palette.current().avatars
    colour = QColor(colours[sum(map(ord, name)) % len(colours)])
    ratio = 2  # drawn at twice the size, so it stays crisp on high-density screens
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(0, 0, size * ratio, size * ratio)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * ratio * 0.4))
    painter.setFont(font)
    painter.setPen(palette.colour("avatar_text"))
    painter.drawText(
        QRectF(0, 0, size * ratio, size * ratio), Qt.AlignmentFlag.AlignCenter, initials(name)
    )
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)


class _TabPage(QWidget):
    """Holds one tab's place in the tab bar and builds the tab the first time it is needed.

    Building every tab at once stalls the window (style sheets make widget creation
    costly): the window builds only the tab it opens on (with the window when its data
    was prefetched, else right after the window's first paint); the others when first
    shown.
    """

    def __init__(
        self, build: Callable[[QWidget], ProfileTab], parent: QWidget, tasks: TaskRunner
    ) -> None:
        super().__init__(parent)
        self._build = build
        self._tasks = tasks
        self.content: ProfileTab | None = None
        self._showing_later = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 4)

    @property
    def built(self) -> bool:
        """Built, and on show if its page is."""
        return self.content is not None and not self._showing_later

    def ensure(self) -> ProfileTab:
        """The tab, built (and its load started) the first time it is asked for.

        Built for a page on show (a tab switch), it is shown a turn of the event loop
        after it is built (after its last part: ``ProfileTab.build_later``): its first
        polish by the style sheet, layout and paint cost about what building it did, and
        input and timers are handled between the two (bench/gui_lag.py)."""
        if self.content is None:
            content = self.content = self._build(self)
            if self.isVisible():
                content.hide()
                self._showing_later = True
                content.when_built(self._show_content)
            self._layout.addWidget(content)
            self.setFocusProxy(content)
        return self.content

    def _show_content(self) -> None:
        self._showing_later = False
        if self.content is not None:
            with self._tasks.gui_turn():  # the worker waits for its first paint
                self.content.show()


class MainWindow(QMainWindow):
    """The client's profile: bookings, bundles, purchases and account, in tabs."""

    log_out_requested = Signal()
    session_replaced = Signal(object)  # SignedIn after a password change
    # a waitlisted time freed and is held for the client (WaitlistEntry): for the tray
    waitlist_offered = Signal(object)

    def __init__(
        self,
        ctx: ViewContext,
        settings: UiSettings,
        parent: QWidget | None = None,
        *,
        prefetched: Prefetched | None = None,
    ) -> None:
        """``prefetched``: the first load of the tab the window opens on, made by the
        start-up task with ``opening.prefetch``; that tab shows it instead of loading."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._prefetched = prefetched
        self._ctx = ctx
        self._settings = settings
        self._wizard: QWidget | None = None
        studio = ctx.user.studio
        self.setWindowTitle(self.tr("{studio} — Podyx").format(studio=studio.name))

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header(studio.name))
        self.offline_banner: QWidget | None = None
        if ctx.connection is not None:
            from podyx_desktop.views.common.studio_link import OfflineBanner

            self.offline_banner = OfflineBanner(ctx.connection, central)
            layout.addWidget(self.offline_banner)
        self.tabs = TabbedPages(central)
        self.tabs.setObjectName("MainTabs")
        self.tabs.setAccessibleName(self.tr("Profile sections"))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._pages: list[_TabPage] = []
        for title, build in (
            (self.tr("&Bookings"), self._build_bookings_tab),
            (self.tr("B&undles"), self._build_bundles_tab),
            (self.tr("&Purchases"), self._build_purchases_tab),
            (self.tr("&Account"), self._build_account_tab),
            (self.tr("&Files"), self._build_files_tab),
        ):
            page = _TabPage(build, self.tabs, ctx.tasks)
            self._pages.append(page)
            self.tabs.addTab(page, title)
        self._build_status_bar()
        self.tab_actions: list[QAction] = []  # the shortcuts: after the first frame

        ctx.tasks.busy_changed.connect(self._set_busy)
        ctx.bus.changed.connect(self._on_changed)
        if ctx.user.account is not None:
            self._show_account(ctx.user.account)
        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        self.tabs.setCurrentIndex(opening_tab(settings.last_tab))
        self.tabs.currentChanged.connect(self._tab_changed)
        # The window's first paint starts what waits for it (not a paintEvent override:
        # that would call into Python each time any part of the window repaints).
        FirstPaint(self, lambda: QTimer.singleShot(FRAME_MS, self, self._build_current_tab))
        self._first_frame_done = False  # the shortcuts, the Files badge, the tray: started
        self._closing = False
        self.tray: QObject | None = None  # the tray and reminders, after the first paint
        self.close_guard: Callable[[QCloseEvent], bool] | None = None  # set by the tray
        if self._prefetched is not None:
            # Its data is here already: the tab shows it in the window's first paint.
            self._pages[self.tabs.currentIndex()].ensure()

    # --- the tabs -------------------------------------------------------------------

    def _take_prefetched(self, index: int) -> object | None:
        prefetched, self._prefetched = self._prefetched, None
        return prefetched.data if prefetched is not None and prefetched.tab == index else None

    def _build_bookings_tab(self, page: QWidget) -> BookingsTab:
        from podyx_desktop.views.profile.bookings_lists import Loaded
        from podyx_desktop.views.profile.bookings_tab import BookingsTab

        initial = self._take_prefetched(BOOKINGS)
        if isinstance(initial, Loaded):
            tab = BookingsTab(self._ctx, page, initial=initial)
        else:
            tab = BookingsTab(self._ctx, page)
            tab.reload()
        tab.unread_changed.connect(self._show_unread_notes)
        tab.waitlist_offered.connect(self.waitlist_offered)
        return tab

    @Slot(int)
    def _show_unread_notes(self, count: int) -> None:
        """The Bookings tab's title counts the studio's notes the client has not read."""
        title = self.tr("&Bookings")
        if count:
            title = self.tr("&Bookings ● {count}").format(count=count)
        self._set_tab_text(BOOKINGS, title)

    def _build_bundles_tab(self, page: QWidget) -> BundlesTab:
        from podyx_desktop.views.profile.bundles_tab import BundlesTab

        tab = BundlesTab(self._ctx, page)
        tab.reload()
        return tab

    def _build_purchases_tab(self, page: QWidget) -> PurchasesTab:
        from podyx_desktop.views.profile.purchases_tab import PurchasesTab

        tab = PurchasesTab(self._ctx, page)
        tab.reload()
        return tab

    def _build_account_tab(self, page: QWidget) -> AccountTab:
        from podyx_desktop.views.profile.account_tab import AccountTab

        tab = AccountTab(self._ctx, page)
        tab.reload()
        tab.account_changed.connect(self._show_account)
        tab.session_replaced.connect(self._session_replaced)
        tab.log_out_requested.connect(self.log_out_requested)
        return tab

    def _build_files_tab(self, page: QWidget) -> FilesTab:
        from podyx_desktop.views.profile.files_tab import FilesTab

        tab = FilesTab(self._ctx, page)
        tab.unread_changed.connect(self._show_unread_general)
        tab.reload()
        return tab

    @Slot(int)
    def _show_unread_general(self, count: int) -> None:
        """The Files tab's title counts the notes on the client they have not read."""
        title = self.tr("&Files")
        if count:
            title = self.tr("&Files ● {count}").format(count=count)
        self._set_tab_text(FILES, title)

    def _set_tab_text(self, index: int, title: str) -> None:
        """Only a title that changed: setting one lays the tab bar and the tabs out again
        and repaints the whole tab area (bench/gui_lag.py)."""
        if self.tabs.tabText(index) != title:
            self.tabs.setTabText(index, title)

    def _load_files_badge(self) -> None:
        """The Files tab's badge while the tab (which keeps it current) is unbuilt."""
        account = self._ctx.user.account
        if self._pages[FILES].built or account is None:
            return
        load_general_notes(
            self._ctx, self._ctx.user.principal, account.id, mark_read=False
        ).success(
            lambda result: (
                None if self._pages[FILES].built else self._show_unread_general(result[1])
            )
        ).run(self)

    @property
    def files_tab(self) -> FilesTab:
        return cast("FilesTab", self._pages[FILES].ensure())

    @property
    def bookings_tab(self) -> BookingsTab:
        return cast("BookingsTab", self._pages[BOOKINGS].ensure())

    @property
    def bundles_tab(self) -> BundlesTab:
        return cast("BundlesTab", self._pages[BUNDLES].ensure())

    @property
    def purchases_tab(self) -> PurchasesTab:
        return cast("PurchasesTab", self._pages[PURCHASES].ensure())

    @property
    def account_tab(self) -> AccountTab:
        return cast("AccountTab", self._pages[ACCOUNT].ensure())

    def current_tab(self) -> QWidget:
        """The tab on show (``tabs.currentWidget()`` is the page that holds it)."""
        return self._pages[self.tabs.currentIndex()].ensure()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    @property
    def current_tab_built(self) -> bool:
        return self._pages[self.tabs.currentIndex()].built

    @property
    def all_tabs_built(self) -> bool:
        return all(page.built for page in self._pages)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        with self._ctx.tasks.gui_turn():  # built, or shown: the worker waits for the paint
            self._pages[index].ensure()
        self._settings.last_tab = index

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        """Keep the name button current while the Account tab (which does it) is unbuilt,
        and the Files tab's badge while that tab is."""
        if changes.touches(Kind.NOTES) and self._first_frame_done:
            self._load_files_badge()
        if self._pages[ACCOUNT].built or not changes.touches(Kind.CLIENTS):
            return
        from podyx_desktop.operations.accounts import load_account  # not before the first paint

        load_account(self._ctx, self._ctx.user.principal).success(self._show_account).run(self)

    # --- building -----------------------------------------------------------------

    def _build_header(self, studio_name: str) -> QWidget:
        header = QFrame(self)
        header.setObjectName("Header")
        row = QHBoxLayout(header)
        row.setContentsMargins(20, 10, 16, 10)
        title = QLabel(studio_name, header)
        title.setObjectName("HeaderTitle")
        self.new_booking_button = QPushButton(self.tr("New booking"), header)
        self.new_booking_button.setObjectName("PrimaryButton")
        self.new_booking_button.setAccessibleName(self.tr("New booking"))
        self.new_booking_button.setToolTip(self.tr("Book a session (Ctrl+N)"))
        self.user_button = QToolButton(header)
        self.user_button.setObjectName("UserButton")
        self.user_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.user_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.user_button.setIconSize(QSize(28, 28))
        self.user_menu = QMenu(self.user_button)
        self.profile_action = self.user_menu.addAction(self.tr("My Profile"))
        self.user_menu.addSeparator()
        self.log_out_action = self.user_menu.addAction(self.tr("Log out"))
        self.user_button.setMenu(self.user_menu)
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.new_booking_button)
        row.addSpacing(8)
        row.addWidget(self.user_button)
        self.new_booking_button.clicked.connect(self.open_booking_wizard)
        self.profile_action.triggered.connect(lambda: self.tabs.setCurrentIndex(ACCOUNT))
        self.log_out_action.triggered.connect(self.log_out_requested)
        return header

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy_label = QLabel(self.tr("Working…"), bar)
        self.busy_bar = QProgressBar(bar)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumSize(120, 10)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(self.tr("Working"))
        for busy in (self.busy_label, self.busy_bar):
            # Shown and hidden with each task: keeping their room, they repaint only
            # themselves, not the status bar and the window above it laid out again.
            policy = busy.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            busy.setSizePolicy(policy)
            bar.addPermanentWidget(busy)
        if self._ctx.connection is not None:
            from podyx_desktop.views.common.studio_link import SyncLabel

            self.sync_label = SyncLabel(self._ctx.connection, bar)
            bar.addPermanentWidget(self.sync_label)
        self._set_busy(False)

    def _build_actions(self) -> None:
        """The window's shortcuts (Ctrl+N, F5, Ctrl+1…5), made once it has shown its first
        frame: nobody presses a key sooner, and Qt's action and key types cost the first
        paint some milliseconds to load."""
        from PySide6.QtGui import QKeySequence

        self.new_booking_action = self._action(
            self.tr("New booking"), QKeySequence.StandardKey.New, self.open_booking_wizard
        )
        self.refresh_action = self._action(
            self.tr("Refresh"), QKeySequence.StandardKey.Refresh, self.refresh
        )
        self.refresh_action.setShortcuts([QKeySequence(Qt.Key.Key_F5)])
        for index in range(self.tabs.count()):
            label = self.tabs.tabText(index).replace("&", "")
            action = self._action(
                self.tr("Show {tab}").format(tab=label),
                QKeySequence(f"Ctrl+{index + 1}"),
                lambda _=False, i=index: self.tabs.setCurrentIndex(i),
            )
            self.tab_actions.append(action)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[..., object],
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- behaviour ------------------------------------------------------------------

    @property
    def context(self) -> ViewContext:
        return self._ctx

    def reload_all(self) -> None:
        """Reload every tab built so far (the others load when they are built)."""
        for page in self._pages:
            if page.content is not None:
                cast(Tab, page.content).reload()

    @Slot()
    def refresh(self) -> None:
        self._ctx.bus.publish(Changes.all())

    @property
    def wizard(self) -> QWidget | None:
        """The booking wizard opened last (Ctrl+N / New booking), if any."""
        return self._wizard

    @Slot()
    def open_booking_wizard(self) -> None:
        from podyx_desktop.views.booking.booking_wizard import BookingWizard

        # The worker waits for the wizard's first paint: the paint's calls into Python
        # would wait for the interpreter lock while it loads the catalogue.
        with self._ctx.tasks.gui_turn():
            wizard = BookingWizard(self._ctx, self)
            self._wizard = wizard
            wizard.open()

    def show_error(self, message: str) -> None:
        error_box(self, message)

    @Slot(object)
    def _show_account(self, account: Account) -> None:
        self._ctx.user = self._ctx.user.with_account(account)
        text = f"{account.full_name}  ▾"
        if self.user_button.text() == text:
            return  # a new icon would lay the header out again, and repaint it
        self.user_button.setText(text)
        self.user_button.setIcon(avatar(account.full_name))
        self.user_button.setAccessibleName(
            self.tr("Account menu for {name}").format(name=account.full_name)
        )

    @Slot(object)
    def _session_replaced(self, signed_in: SignedIn) -> None:
        user = self._ctx.user
        self._ctx.user = user._replace(account=signed_in.account, token=signed_in.token)
        self.session_replaced.emit(signed_in)

    @Slot(bool)
    def _set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def _build_current_tab(self) -> None:
        if not self._closing:
            self._pages[self.tabs.currentIndex()].ensure()
            if not self._first_frame_done:
                self._first_frame_done = True
                # the shortcuts and the Files badge in a turn of their own, after the tab's
                next_turn(self, self._after_first_tab)

    def _after_first_tab(self) -> None:
        if not self._closing:
            self._build_actions()
            self._load_files_badge()
            QTimer.singleShot(TRAY_AFTER_PAINT_MS, self, self._attach_tray)

    def _attach_tray(self) -> None:
        """The tray icon and the reminders (views/client/tray.py), off the start-up path."""
        if self.tray is None and not self._closing:
            from podyx_desktop.views.client.tray import attach

            self.tray = attach(self, self._settings)

    # Without prefetched data (a sign-in by hand) the window paints its frame first and
    # builds the tab it opens on a display frame later: two short stalls of the GUI
    # thread instead of one long one (bench/gui_lag.py).

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._pages[self.tabs.currentIndex()].built:
            # the fallback for a window that does not paint (minimised, covered)
            QTimer.singleShot(FRAME_FIRST_MS, self, self._build_current_tab)

    def closeEvent(self, event: QCloseEvent) -> None:
        guard = self.close_guard
        if guard is not None and guard(event):
            return  # only hidden (to the tray)
        self._closing = True
        self.save_state()
        super().closeEvent(event)

    def save_state(self) -> None:
        self._settings.geometry = self.saveGeometry()
        self._settings.last_tab = self.tabs.currentIndex()
        self._settings.sync()
