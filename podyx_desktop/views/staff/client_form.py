"""A client's account made at the desk: name, email and phone; "Create the account" runs
``create_client_at_desk`` once (the button stays off until the answer) and then the
one-time code to hand over shows in its own card. Used by the booking dialog's first step
and by the Clients place's "New client…"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.operations.desk_booking import create_client_at_desk
from podyx_desktop.views.common.text_style import wrapped_label

if TYPE_CHECKING:
    from podyx_desktop.operations.desk_booking import DeskClient
    from podyx_desktop.views.common.context import ViewContext


class NewClientForm(QFrame):
    """Name, email, phone and "Create the account"; ``created`` when it is made."""

    created = Signal(object)  # DeskClient

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._ctx = ctx
        self.full_name = QLineEdit(self)
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.email = QLineEdit(self)
        self.email.setAccessibleName(self.tr("Email"))
        self.phone = QLineEdit(self)
        self.phone.setAccessibleName(self.tr("Phone"))
        self.create_button = QPushButton(self.tr("C&reate the account"), self)
        self.message = wrapped_label(self, "ErrorText", self.tr("New client message"))
        self.message.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Full &name"), self.full_name)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.message)
        form.addRow(self.create_button)
        self.create_button.clicked.connect(self.create_client)

    @Slot()
    def create_client(self) -> None:
        """Create the account (once: the button stays off until the answer comes)."""
        if not self.create_button.isEnabled():
            return
        self.message.hide()
        self.create_button.setEnabled(False)
        create_client_at_desk(
            self._ctx,
            self._ctx.user.principal,
            self.full_name.text(),
            self.email.text(),
            self.phone.text(),
        ).success(self._created).failure(self._failed).run(self)

    def _created(self, made: DeskClient) -> None:
        self.created.emit(made)

    def _failed(self, message: str) -> None:
        self.create_button.setEnabled(True)
        self.message.setText(message)
        self.message.show()


class CodeCard(QFrame):
    """The one-time code to hand over, selectable, with what the client does with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.code_label = QLabel(self)
        self.code_label.setObjectName("PageTitle")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("One-time code"))
        self.note = wrapped_label(self, "Muted")
        self.note.setText(
            self.tr(
                "Give this code to the client; they set their password with it when they "
                "first sign in."
            )
        )
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.code_label)
        self.layout_.addWidget(self.note)

    def show_code(self, code: str, note: str | None = None) -> None:
        self.code_label.setText(code)
        if note is not None:
            self.note.setText(note)
        self.show()
