"""The sign-in screen's page for a client the desk created: email, the one-time code the
desk handed over, a new password twice; the password is set and the client is signed in."""

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

from podyx_desktop.views.common.text_style import wrapped_label

if TYPE_CHECKING:
    from podyx_desktop.domain.records import SignedIn
    from podyx_desktop.operations.base import Seat


class CodeSignInPage(QWidget):
    """Set a password with the studio's one-time code, then sign in."""

    signed_in = Signal(object, bool)  # SignedIn, remember me (never: a first sign-in)
    back_requested = Signal()

    def __init__(self, seat: Seat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CodeSignInPage")
        self._seat = seat
        heading = QLabel(self.tr("Set your password"), self)
        heading.setObjectName("PageTitle")
        intro = wrapped_label(self, "Muted", self.tr("About the code"))
        intro.setText(
            self.tr(
                "The studio created your account and gave you a code. Enter it with your "
                "email, and choose your password."
            )
        )
        self.email = QLineEdit(self)
        self.email.setAccessibleName(self.tr("Email"))
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Code from the studio"))
        self.code.setPlaceholderText(self.tr("8 characters"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("New password"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("New password again"))
        self.message = wrapped_label(self, "ErrorText", self.tr("Message"))
        self.message.hide()
        self.submit_button = QPushButton(self.tr("Set password and sign in"), self)
        self.submit_button.setObjectName("PrimaryButton")
        self.submit_button.setDefault(True)
        self.back_button = QPushButton(self.tr("Back to sign in"), self)
        self.back_button.setObjectName("LinkButton")
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Code"), self.code)
        form.addRow(self.tr("&New password"), self.password)
        form.addRow(self.tr("&Again"), self.repeat)
        back = QHBoxLayout()
        back.addWidget(self.back_button)
        back.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.submit_button)
        layout.addLayout(back)
        layout.addStretch(1)

        self.submit_button.clicked.connect(self.submit)
        self.repeat.returnPressed.connect(self.submit)
        self.back_button.clicked.connect(self.back_requested)

    def start(self, email: str) -> None:
        """Show the page fresh, with the email typed on the sign-in page."""
        self.email.setText(email)
        self.code.clear()
        self.password.clear()
        self.repeat.clear()
        self.message.hide()
        (self.code if email else self.email).setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @Slot()
    def submit(self) -> None:
        """Check the form, then set the password through the operation (once: the button
        stays off until the answer comes)."""
        if not self.submit_button.isEnabled():
            return
        email, code = self.email.text().strip(), self.code.text().strip()
        if not email or not code:
            self.show_message(self.tr("Enter your email and the code from the studio."))
            return
        if self.password.text() != self.repeat.text():
            self.show_message(self.tr("The two passwords differ. Type the same one twice."))
            return
        self.message.hide()
        self.submit_button.setEnabled(False)
        from podyx_desktop.domain.principal import Principal
        from podyx_desktop.operations.desk_booking import set_password_with_code

        set_password_with_code(
            self._seat, Principal.anonymous(), email, code, self.password.text()
        ).success(self._done).failure(self._failed).run(self)

    def _done(self, signed_in: SignedIn) -> None:
        self.submit_button.setEnabled(True)
        self.password.clear()
        self.repeat.clear()
        self.signed_in.emit(signed_in, False)

    def _failed(self, message: str) -> None:
        self.submit_button.setEnabled(True)
        self.show_message(message)
