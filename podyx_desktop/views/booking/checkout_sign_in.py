"""Signing in halfway through a booking: the email typed in the wizard's account form
already has an account, so its owner signs in in place and keeps what is in the cart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.operations.accounts import sign_in
from podyx_desktop.operations.base import Seat
from podyx_desktop.views.common.sign_up import device_name
from podyx_desktop.views.common.text_style import bold, wrapped_label

if TYPE_CHECKING:
    from podyx_desktop.domain.records import SignedIn


class CheckoutSignIn(QWidget):
    """Email and password, "Sign in" and "Create a new account instead"."""

    signed_in = Signal(object)  # SignedIn
    back_requested = Signal()

    def __init__(self, seat: Seat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheckoutSignIn")
        self._seat = seat
        heading = QLabel(self.tr("Sign in to book with your account"), self)
        bold(heading)
        intro = wrapped_label(self, "Muted")
        intro.setText(self.tr("Your session stays in the cart while you sign in."))
        self.email = QLineEdit(self)
        self.email.setAccessibleName(self.tr("Email"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = wrapped_label(self, "ErrorText", self.tr("Sign-in message"))
        self.message.hide()
        self.sign_in_button = QPushButton(self.tr("Sign &in"), self)
        self.sign_in_button.setObjectName("PrimaryButton")
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.back_button = QPushButton(self.tr("Create a new account instead"), self)
        self.back_button.setObjectName("LinkButton")
        self.back_button.setAccessibleName(self.tr("Create a new account instead"))
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Password"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.sign_in_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.back_button.clicked.connect(self.back_requested)

    def start(self, email: str) -> None:
        self.email.setText(email)
        self.password.clear()
        self.message.hide()
        self.password.setFocus()

    @Slot()
    def submit(self) -> None:
        email, password = self.email.text().strip(), self.password.text()
        if not email or not password:
            self._show(self.tr("Enter your email and password to sign in."))
            return
        device = device_name()
        self.sign_in_button.setEnabled(False)
        self.message.hide()
        sign_in(self._seat, email, password, device).success(self._done).failure(self._failed).run(
            self
        )

    def _done(self, signed_in: SignedIn) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.signed_in.emit(signed_in)

    def _failed(self, message: str) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self._show(message)

    def _show(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
