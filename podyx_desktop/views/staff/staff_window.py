"""The staff window: places on tabs — the Schedule (it opens there), the Clients and
their profiles, the Payments (pending payments, the day close), and the Set-up place
(managers and owners: the catalogue, rules, hours, tax, staff) and the Audit log. Ctrl+1…Ctrl+5 go to the places; the profile tabs inside Clients keep their
Alt mnemonics.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.records import Account
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.tabbed_pages import TabbedPages
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.profile.account_tab import AccountTab
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.profile.profile_tab import ProfileSubject
from podyx_desktop.views.staff.audit_place import AuditPlace
from podyx_desktop.views.staff.clients_place import ClientsPlace
from podyx_desktop.views.staff.payments_place import PaymentsPlace
from podyx_desktop.views.staff.schedule.schedule_place import SchedulePlace
from podyx_desktop.views.staff.setup.checklist import SetupChecklist
from podyx_desktop.views.staff.setup.place import SetupPlace

if TYPE_CHECKING:
    from podyx_desktop.views.staff.book_on_behalf import BookOnBehalfDialog


def role_name(role: Role | None) -> str:
    return {
        Role.FRONT_DESK: QCoreApplication.translate("StaffWindow", "Front desk"),
        Role.MANAGER: QCoreApplication.translate("StaffWindow", "Manager"),
        Role.OWNER: QCoreApplication.translate("StaffWindow", "Owner"),
    }.get(role, "") if role is not None else ""  # fmt: skip


class StaffWindow(QMainWindow):
    """The studio's places, one tab each."""

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

        self.places = TabbedPages(self)
        self.places.setObjectName("StaffPlaces")
        self.places.setAccessibleName(self.tr("Places"))
        self.schedule = SchedulePlace(ctx, self.places)
        self.clients_place = ClientsPlace(ctx, self.places)
        self.clients_place.book_requested.connect(
            lambda client_id, name: self.open_new_booking(client=(client_id, name))
        )
        self.payments_place = PaymentsPlace(ctx, self.places)
        managing = ctx.user.principal.role in (Role.MANAGER, Role.OWNER)
        self.setup_place = SetupPlace(ctx, self.places)
        self.audit_place: AuditPlace | QLabel = (
            AuditPlace(ctx, self.places)
            if managing
            else self._coming(self.tr("The audit log is for managers and owners."))
        )
        for widget, name in (
            (self.schedule, self.tr("Schedule")),
            (self.clients_place, self.tr("Clients")),
            (self.payments_place, self.tr("Payments")),
            (self.setup_place, self.tr("Set-up")),
            (self.audit_place, self.tr("Audit")),
        ):
            index = self.places.addTab(widget, name)
            self.places.setTabToolTip(
                index, self.tr("{place} (Ctrl+{number})").format(place=name, number=index + 1)
            )
        if not managing:
            why = self.tr("For managers and owners")
            for place in (self.setup_place, self.audit_place):
                index = self.places.indexOf(place)
                self.places.setTabEnabled(index, False)
                self.places.setTabToolTip(index, why)
        self.places.setCurrentWidget(self.schedule)
        self.checklist = SetupChecklist(ctx, self)
        self.checklist.section_requested.connect(self.open_setup)
        self.checklist.hide()

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.checklist)
        layout.addWidget(self.places, 1)
        self.setCentralWidget(central)
        for index in range(self.places.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.places.setCurrentIndex(i))
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self._focus_clients)
        self.new_booking_action = QAction(self.tr("&New booking…"), self)
        self.new_booking_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_booking_action.triggered.connect(lambda: self.open_new_booking())
        self.addAction(self.new_booking_action)
        self.new_booking_button = QPushButton(self.tr("New booking…"), self)
        self.new_booking_button.setToolTip(self.tr("Book on a client's behalf (Ctrl+N)"))
        self.new_booking_button.clicked.connect(self.new_booking_action.trigger)
        header.insertWidget(2, self.new_booking_button)
        self.schedule.empty_time_clicked.connect(
            lambda room_id, when: self.open_new_booking(room_id, when)
        )
        self.new_booking_dialog: BookOnBehalfDialog | None = None
        self.resize(1280, 800)
        geometry = settings.staff_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)

    def open_new_booking(
        self,
        room_id: int | None = None,
        starts_at: datetime | None = None,
        *,
        client: tuple[int, str] | None = None,
    ) -> None:
        """Book on a client's behalf; from the schedule, its room and time preselected;
        from a client opened in the Clients place, that client (id, name)."""
        from podyx_desktop.views.staff.book_on_behalf import BookOnBehalfDialog

        dialog = BookOnBehalfDialog(
            self._ctx, self, room_id=room_id, starts_at=starts_at, client=client
        )
        self.new_booking_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_checklist(self) -> None:
        """After the first run: what to set up next, each a link to its section."""
        self.checklist.show()
        self.checklist.load()

    @Slot(str)
    def open_setup(self, section: str = "rooms") -> None:
        """Go to the Set-up place, at ``section`` ("rooms", "services", "hours"…)."""
        self.places.setCurrentWidget(self.setup_place)
        if self.setup_place.sections:
            self.setup_place.show_section(section)

    def _coming(self, text: str) -> QLabel:
        label = wrapped_label(self.places, "Muted")
        label.setText(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    @Slot()
    def _focus_clients(self) -> None:
        self.places.setCurrentWidget(self.clients_place)
        self.clients_place.show_list()
        self.clients.setFocus()

    @property
    def context(self) -> ViewContext:
        return self._ctx

    # --- the Clients place, as the window's own (tests and the shell use these) ---------

    @property
    def clients(self) -> QTableView:
        """The client list (a table read a page at a time: ``clients_place.model``)."""
        return self.clients_place.table

    @property
    def profile_tabs(self) -> TabbedPages:
        return self.clients_place.profile_tabs

    @property
    def subject(self) -> ProfileSubject | None:
        return self.clients_place.subject

    @property
    def bookings_tab(self) -> BookingsTab:
        return self.clients_place.bookings_tab

    @property
    def account_tab(self) -> AccountTab:
        return self.clients_place.account_tab

    def reload_clients(self) -> None:
        self.clients_place.reload_clients()

    def show_client(self, account: Account) -> None:
        """Go to the Clients place and show ``account``'s profile."""
        self.places.setCurrentWidget(self.clients_place)
        self.clients_place.show_client(account)

    def save_state(self) -> None:
        self._settings.staff_geometry = self.saveGeometry()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
