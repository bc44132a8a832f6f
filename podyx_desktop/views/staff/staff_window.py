"""The staff window, first version: the studio's clients, and the profile of the one
chosen — the same Bookings, Bundles, Purchases and Account tabs the client's window
shows, worded for staff. The schedule, payments, set-up and audit places come with the
next issues.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.records import Account, ClientSummary
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.operations.clients import load_client, load_clients
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.profile.account_tab import AccountTab
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.profile.bundles_tab import BundlesTab
from podyx_desktop.views.profile.profile_tab import ProfileSubject, ProfileTab
from podyx_desktop.views.profile.purchases_tab import PurchasesTab


def role_name(role: Role | None) -> str:
    return (
        {
            Role.FRONT_DESK: QCoreApplication.translate("StaffWindow", "Front desk"),
            Role.MANAGER: QCoreApplication.translate("StaffWindow", "Manager"),
            Role.OWNER: QCoreApplication.translate("StaffWindow", "Owner"),
        }.get(role, "")
        if role is not None
        else ""
    )


class StaffWindow(QMainWindow):
    """Clients on the left; the chosen client's profile tabs on the right."""

    log_out_requested = Signal()
    session_replaced = Signal(object)  # SignedIn (the shell's contract with every window)

    def __init__(self, ctx: ViewContext, settings: UiSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StaffWindow")
        self._ctx = ctx
        self._settings = settings
        studio = ctx.user.studio
        account = ctx.user.account
        self.setWindowTitle(self.tr("{studio} — Front desk").format(studio=studio.name))
        self.subject: ProfileSubject | None = None
        self.profile_tabs = QTabWidget(self)
        self.profile_tabs.setObjectName("ProfileTabs")
        self.clients = QListWidget(self)
        self.clients.setAccessibleName(self.tr("Clients"))
        self.clients.currentItemChanged.connect(self._client_chosen)
        self.message = wrapped_label(self, "Muted", self.tr("Client list message"))
        self.message.setText(self.tr("Loading the clients…"))
        self.log_out_button = QPushButton(self.tr("Log &out"), self)
        self.log_out_button.setAccessibleName(self.tr("Log out"))
        self.log_out_button.clicked.connect(self.log_out_requested)
        who = QLabel(
            self.tr("{name} · {role}").format(
                name=account.full_name if account else "",
                role=role_name(ctx.user.principal.role),
            ),
            self,
        )
        header = QHBoxLayout()
        title = QLabel(studio.name, self)
        title.setObjectName("PageTitle")
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(who)
        header.addWidget(self.log_out_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Clients"), left)
        heading.setObjectName("PageTitle")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.clients, 1)
        left_layout.addWidget(self.message)
        self.placeholder = wrapped_label(self, "Muted")
        self.placeholder.setText(self.tr("Choose a client to see their profile."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.client_heading = QLabel(right)
        self.client_heading.setObjectName("PageTitle")
        self.client_heading.setAccessibleName(self.tr("Client shown"))
        self.client_heading.hide()
        right_layout.addWidget(self.placeholder)
        right_layout.addWidget(self.client_heading)
        right_layout.addWidget(self.profile_tabs, 1)
        self.profile_tabs.hide()
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        for index in range(4):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.profile_tabs.setCurrentIndex(i))
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self.clients.setFocus)
        self.resize(1200, 760)
        geometry = settings.staff_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.reload_clients()

    @property
    def context(self) -> ViewContext:
        return self._ctx

    def reload_clients(self) -> None:
        load_clients(self._ctx, self._ctx.user.principal).success(self._clients_loaded).failure(
            self.message.setText
        ).run(self)

    def _clients_loaded(self, clients: list[ClientSummary]) -> None:
        self.clients.clear()
        for client in clients:
            item = QListWidgetItem(f"{client.full_name}\n{client.email}")
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.clients.addItem(item)
        self.message.setText(
            self.tr("{count} clients").format(count=len(clients)) if clients else
            self.tr("No clients yet.")
        )  # fmt: skip

    def _client_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        client_id = int(item.data(Qt.ItemDataRole.UserRole))
        load_client(self._ctx, self._ctx.user.principal, client_id).success(
            self.show_client
        ).failure(self.message.setText).run(self)

    def show_client(self, account: Account) -> None:
        """Show ``account``'s profile: the client's own tabs, worded for staff."""
        self.subject = ProfileSubject.client(account)
        current = self.profile_tabs.currentIndex()
        while self.profile_tabs.count():
            widget = self.profile_tabs.widget(0)
            self.profile_tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        subject = self.subject
        self.bookings_tab = BookingsTab(self._ctx, self.profile_tabs, subject=subject)
        self.bundles_tab = BundlesTab(self._ctx, self.profile_tabs, subject=subject)
        self.purchases_tab = PurchasesTab(self._ctx, self.profile_tabs, subject=subject)
        self.account_tab = AccountTab(self._ctx, self.profile_tabs, subject=subject)
        tabs: tuple[tuple[ProfileTab, str], ...] = (
            (self.bookings_tab, self.tr("&Bookings")),
            (self.bundles_tab, self.tr("B&undles")),
            (self.purchases_tab, self.tr("&Purchases")),
            (self.account_tab, self.tr("&Account")),
        )
        for tab, title in tabs:
            self.profile_tabs.addTab(tab, title)
            tab.reload()
        self.profile_tabs.setCurrentIndex(max(current, 0))
        self.client_heading.setText(
            self.tr("{name} · {email}").format(name=account.full_name, email=account.email)
        )
        self.client_heading.show()
        self.placeholder.hide()
        self.profile_tabs.show()

    def save_state(self) -> None:
        self._settings.staff_geometry = self.saveGeometry()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
