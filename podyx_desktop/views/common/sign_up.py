"""Creating an account: the reusable :class:`AccountForm` and the sign-up page around it.

The form asks what the studio needs (full name, email, phone, password twice) and checks
what it can alone (filled in, passwords match, long enough) at once. Given the task
runner, it also asks the services — after a short pause in typing, off the GUI thread —
whether the email and phone are valid and whether the email already has an account, and
says so under the field, with "Sign in instead" for a registered email. The services
check everything again when the account is created. The booking wizard's review step
embeds the same form for a first-time client.
"""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.message import shown
from podyx_desktop.views.common.text_style import wrapped_label

if TYPE_CHECKING:  # requests and records load after the first paint, on first use
    from podyx_desktop.domain.records import NewAccountCheck, SignedIn
    from podyx_desktop.domain.requests import NewAccount
    from podyx_desktop.operations.base import Seat

MIN_PASSWORD = 10  # the services' rule; checked here too so the user hears it at once
CHECK_PAUSE_MS = 350  # a pause in typing this long asks the services about email and phone


def device_name() -> str:
    """How a remembered session is labelled in the studio's records."""
    return f"Podyx Desktop on {platform.node() or 'this computer'}"


class AccountForm(QWidget):
    """Full name, email, phone, password and its confirmation, in one form."""

    changed = Signal()
    sign_in_instead_requested = Signal(str)  # the registered email

    def __init__(self, parent: QWidget | None = None, seat: Seat | None = None) -> None:
        """``seat``: check email and phone with the studio as the person types."""
        super().__init__(parent)
        self.setObjectName("AccountForm")
        self._seat = seat
        self._checked: tuple[str, str, NewAccountCheck] | None = None  # email, phone, answer
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_PAUSE_MS)
        self._check_timer.timeout.connect(self._ask_services)
        self.full_name = self._field(self.tr("Full name"), "name")
        self.email = self._field(self.tr("Email"), "email")
        self.phone = self._field(self.tr("Phone"), "tel")
        self.password = self._field(self.tr("Password"), "new-password")
        self.confirm = self._field(self.tr("Confirm password"), "new-password")
        for secret in (self.password, self.confirm):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.full_name.setPlaceholderText(self.tr("As it should appear on receipts"))
        self.email.setPlaceholderText(self.tr("you@example.com"))
        self.phone.setPlaceholderText(self.tr("+49 30 1234567"))
        self.password.setPlaceholderText(
            self.tr("At least {count} characters").format(count=MIN_PASSWORD)
        )

        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addRow(self.tr("Full &name"), self.full_name)
        self.email_note = self._note(self.tr("Email check"))
        self.sign_in_instead = QPushButton(self.tr("Sign in instead"), self)
        self.sign_in_instead.setObjectName("LinkButton")
        self.sign_in_instead.setAccessibleName(self.tr("Sign in instead"))
        self.sign_in_instead.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sign_in_instead.hide()
        self.sign_in_instead.clicked.connect(
            lambda: self.sign_in_instead_requested.emit(self.email.text().strip())
        )
        email_row = QHBoxLayout()
        email_row.setContentsMargins(0, 0, 0, 0)
        email_row.addWidget(self.email_note, 1)
        email_row.addWidget(self.sign_in_instead, 0, Qt.AlignmentFlag.AlignTop)
        self.phone_note = self._note(self.tr("Phone check"))
        layout.addRow(self.tr("&Email"), self.email)
        layout.addRow("", email_row)
        layout.addRow(self.tr("P&hone"), self.phone)
        layout.addRow("", self.phone_note)
        layout.addRow(self.tr("&Password"), self.password)
        layout.addRow(self.tr("Con&firm password"), self.confirm)
        for first, second in zip(self.fields(), self.fields()[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.email.textChanged.connect(self._typed)
        self.phone.textChanged.connect(self._typed)

    def _field(self, accessible_name: str, purpose: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible_name)
        edit.setObjectName(f"account_{purpose.replace('-', '_')}")
        edit.textChanged.connect(self.changed)
        return edit

    def _note(self, accessible_name: str) -> QLabel:
        note = wrapped_label(self, "ErrorText", accessible_name)
        note.hide()
        return note

    # --- checking as the person types ---------------------------------------------

    @Slot()
    def _typed(self) -> None:
        """Email or phone changed: forget the old answer, ask again after a pause."""
        if self._seat is None:
            return
        self._show_check(None)
        self._check_timer.start()

    @Slot()
    def _ask_services(self) -> None:
        seat = self._seat
        email, phone = self.email.text().strip(), self.phone.text().strip()
        if seat is None or not (email or phone):
            return
        from podyx_desktop.operations.accounts import check_new_account

        check_new_account(seat, email, phone).success(
            lambda check: self._answered(email, phone, check)
        ).failure(lambda _message: None).run(self)  # checked again when the account is made

    def _answered(self, email: str, phone: str, check: NewAccountCheck) -> None:
        if (email, phone) != (self.email.text().strip(), self.phone.text().strip()):
            return  # typed on meanwhile: a newer question is on its way
        self._checked = (email, phone, check)
        self._show_check(check)
        self.changed.emit()

    def _show_check(self, check: NewAccountCheck | None) -> None:
        email_text = ""
        if check is not None and check.email_problem:
            email_text = shown(check.email_problem)
        elif check is not None and check.email_registered:
            email_text = self.tr("This email already has an account.")
        self.email_note.setText(email_text)
        self.email_note.setVisible(bool(email_text))
        self.sign_in_instead.setVisible(check is not None and check.email_registered)
        phone_text = shown(check.phone_problem or "") if check is not None else ""
        self.phone_note.setText(phone_text)
        self.phone_note.setVisible(bool(phone_text))

    @property
    def check(self) -> NewAccountCheck | None:
        """The services' answer for the email and phone as they are now typed, if any."""
        if self._checked is None:
            return None
        email, phone, check = self._checked
        if (email, phone) != (self.email.text().strip(), self.phone.text().strip()):
            return None
        return check

    def fields(self) -> list[QLineEdit]:
        return [self.full_name, self.email, self.phone, self.password, self.confirm]

    def problem(self) -> str | None:
        """What is missing or does not match, in words; None when the form can be sent."""
        if not self.full_name.text().strip():
            return self.tr("Please enter your full name.")
        if not self.email.text().strip():
            return self.tr("Please enter your email address.")
        check = self.check
        if check is not None and check.email_problem:
            return shown(check.email_problem)
        if check is not None and check.email_registered:
            return self.tr(
                "An account with {email} already exists. Sign in instead, or use another email."
            ).format(email=self.email.text().strip())
        if not self.phone.text().strip():
            return self.tr("Please enter a phone number.")
        if check is not None and check.phone_problem:
            return shown(check.phone_problem)
        if len(self.password.text()) < MIN_PASSWORD:
            return self.tr("Choose a password of at least {count} characters.").format(
                count=MIN_PASSWORD
            )
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ. Type the same password twice.")
        return None

    def new_account(self) -> NewAccount:
        from podyx_desktop.domain.requests import NewAccount

        return NewAccount(
            full_name=self.full_name.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            password=self.password.text(),
        )

    def clear_passwords(self) -> None:
        self.password.clear()
        self.confirm.clear()


class SignUpPage(QWidget):
    """The page that creates an account and signs the new client in."""

    signed_in = Signal(object, bool)  # SignedIn, remember me
    back_requested = Signal()
    sign_in_instead_requested = Signal(str)  # an email that already has an account

    def __init__(self, seat: Seat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignUpPage")
        self._seat = seat
        title = QLabel(self.tr("Create your account"), self)
        title.setObjectName("PageTitle")
        intro = QLabel(
            self.tr("One account for your bookings, bundles, purchases and receipts."), self
        )
        intro.setObjectName("Muted")
        intro.setWordWrap(True)
        self.form = AccountForm(self, seat)
        self.form.sign_in_instead_requested.connect(self.sign_in_instead_requested)
        self.remember = QCheckBox(self.tr("&Remember me on this computer"), self)
        self.remember.setAccessibleName(self.tr("Remember me"))
        self.message = wrapped_label(self, "ErrorText", self.tr("Sign-up message"))
        self.message.hide()
        self.create_button = QPushButton(self.tr("Create account"), self)
        self.create_button.setObjectName("PrimaryButton")
        self.create_button.setAccessibleName(self.tr("Create account"))
        self.create_button.setDefault(True)
        self.back_button = QPushButton(self.tr("I already have an account"), self)
        self.back_button.setObjectName("LinkButton")
        self.back_button.setAccessibleName(self.tr("Back to sign in"))
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(self.form)
        layout.addWidget(self.remember)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.form.confirm, self.remember)
        QWidget.setTabOrder(self.remember, self.create_button)
        QWidget.setTabOrder(self.create_button, self.back_button)

        self.create_button.clicked.connect(self.submit)
        self.back_button.clicked.connect(self.back_requested)
        for field in self.form.fields():
            field.returnPressed.connect(self.submit)

    def set_remember_available(self, available: bool) -> None:
        self.remember.setEnabled(available)
        if not available:
            self.remember.setChecked(False)

    @Slot()
    def submit(self) -> None:
        problem = self.form.problem()
        if problem is not None:
            self.show_message(problem)
            return
        self.message.hide()
        new = self.form.new_account()
        remember = self.remember.isChecked()
        device = device_name()
        self.create_button.setEnabled(False)
        from podyx_desktop.operations.accounts import sign_up  # not before the first paint

        sign_up(self._seat, new, device).success(
            lambda signed_in: self._done(signed_in, remember)
        ).failure(self._failed).run(self)

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def _done(self, signed_in: SignedIn, remember: bool) -> None:
        self.create_button.setEnabled(True)
        self.form.clear_passwords()
        self.signed_in.emit(signed_in, remember)

    def _failed(self, message: str) -> None:
        self.create_button.setEnabled(True)
        self.show_message(message)
