"""Staff accounts (owners only): create one (with a one-time code to hand over for the
first sign-in), change a role, deactivate or activate again. The services keep the last
owner; what they refuse is said here in their words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.setup import NewStaff, StaffMember
from podyx_desktop.operations.setup import ChangeRole, CreateStaff, ListStaff, NewCode, SetActive
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.setup.section import Section

STAFF_ROLES = (Role.FRONT_DESK, Role.MANAGER, Role.OWNER)


def role_text(role: Role) -> str:
    return {
        Role.FRONT_DESK: QCoreApplication.translate("StaffSection", "Front desk"),
        Role.MANAGER: QCoreApplication.translate("StaffSection", "Manager"),
        Role.OWNER: QCoreApplication.translate("StaffSection", "Owner"),
        Role.CLIENT: QCoreApplication.translate("StaffSection", "Client"),
    }[role]


class StaffSection(Section):
    SHOWS = frozenset({Kind.STAFF})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Staff"), parent)
        self.members: list[StaffMember] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Email"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("Signed in"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.layout_.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("New role"))
        for role in STAFF_ROLES:
            self.role.addItem(role_text(role), role)
        self.change_role_button = QPushButton(self.tr("Change &role"), self)
        self.change_role_button.clicked.connect(self.change_role)
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        self.active_button.clicked.connect(self.toggle_active)
        self.code_button = QPushButton(self.tr("New one-time &code"), self)
        self.code_button.clicked.connect(self.new_code)
        for widget in (self.role, self.change_role_button, self.active_button, self.code_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        self.layout_.addLayout(actions)
        self.table.itemSelectionChanged.connect(self._selected)

        title = QLabel(self.tr("A new staff account"), self)
        title.setObjectName("Muted")
        self.layout_.addWidget(title)
        form = QFormLayout()
        self.new_name = QLineEdit(self)
        self.new_email = QLineEdit(self)
        self.new_phone = QLineEdit(self)
        self.new_role = QComboBox(self)
        for role in STAFF_ROLES:
            self.new_role.addItem(role_text(role), role)
        for label, field in (
            (self.tr("Name"), self.new_name),
            (self.tr("Email"), self.new_email),
            (self.tr("Phone"), self.new_phone),
            (self.tr("Role"), self.new_role),
        ):
            field.setAccessibleName(label)
            form.addRow(label, field)
        self.create_button = QPushButton(self.tr("Create the &account"), self)
        self.create_button.clicked.connect(self.create_account)
        form.addRow("", self.create_button)
        self.code = QLabel(self)
        self.code.setObjectName("NoteText")
        self.code.setWordWrap(True)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.hide()
        form.addRow(self.code)
        self.layout_.addLayout(form)
        self._selected()

    def load(self) -> None:
        self.run(ListStaff(), self._loaded_staff, reading=True)

    def _loaded_staff(self, members: list[StaffMember]) -> None:
        keep = self.selected()
        self.members = members
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            texts = (
                member.full_name,
                member.email,
                role_text(member.role),
                self.tr("yes") if member.active else self.tr("no (deactivated)"),
                self.tr("yes") if member.has_password else self.tr("not yet (one-time code)"),
            )
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if keep is not None:
            self.select_email(keep.email)
        self._selected()

    def selected(self) -> StaffMember | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.members):
            return None
        return self.members[rows[0].row()]

    def select_email(self, email: str) -> None:
        for row, member in enumerate(self.members):
            if member.email == email:
                self.table.selectRow(row)

    @Slot()
    def _selected(self) -> None:
        member = self.selected()
        for widget in (self.role, self.change_role_button, self.active_button, self.code_button):
            widget.setEnabled(member is not None)
        if member is None:
            return
        self.role.setCurrentIndex(self.role.findData(member.role))
        self.active_button.setText(
            self.tr("&Deactivate") if member.active else self.tr("&Activate")
        )

    @Slot()
    def create_account(self) -> None:
        name, email = self.new_name.text().strip(), self.new_email.text().strip()
        if not name or not email:
            self.complain(self.tr("A staff account needs a name and an email address."))
            return
        new = NewStaff(
            name, email, self.new_phone.text().strip(), Role(self.new_role.currentData())
        )
        self.run(CreateStaff(new), self._created)

    def _created(self, created: tuple[StaffMember, str]) -> None:
        member, code = created
        self.new_name.clear()
        self.new_email.clear()
        self.new_phone.clear()
        self._show_code(member, code)

    def _show_code(self, member: StaffMember, code: str) -> None:
        self.say(self.tr("{name} can sign in now.").format(name=member.full_name))
        self.code.setText(
            self.tr(
                "One-time code for {name}: {code} — hand it over in person; they choose their "
                "password with it (“Sign in with a code” on the sign-in screen)."
            ).format(name=member.full_name, code=code)
        )
        self.code.show()

    @property
    def one_time_code(self) -> str:
        return self.code.text() if not self.code.isHidden() else ""

    @Slot()
    def change_role(self) -> None:
        member = self.selected()
        if member is None:
            return
        role = Role(self.role.currentData())
        self.run(
            ChangeRole(member.id, role),
            said=self.tr("{name} is {role} now.").format(
                name=member.full_name, role=role_text(role)
            ),
        )

    @Slot()
    def toggle_active(self) -> None:
        member = self.selected()
        if member is None:
            return
        said = (
            self.tr("{name} is deactivated.")
            if member.active
            else self.tr("{name} is active again.")
        ).format(name=member.full_name)
        self.run(SetActive(member.id, not member.active), said=said)

    @Slot()
    def new_code(self) -> None:
        member = self.selected()
        if member is None:
            return
        self.run(NewCode(member.id), lambda code: self._show_code(member, code))
