"""The Account tab: the login email, name and phone, email and password changes, optional
billing details, and logging out.

Changing the email needs the current password; changing the password needs the current
one and revokes every remembered session (the services hand back a fresh one). Changes
made elsewhere (another seat, the front desk) show up here by themselves, unless the
user is in the middle of editing that field.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.records import Account, Address, SignedIn
from podyx_desktop.operations.accounts import (
    SaveProfile,
    change_email,
    change_password,
    load_account,
    save_profile,
    update_billing,
)
from podyx_desktop.operations.base import Op
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.sign_up import MIN_PASSWORD
from podyx_desktop.views.profile.profile_tab import ProfileSubject, ProfileTab
from podyx_desktop.views.profile.this_computer import LanguageChoice, TrayChoices


class _Section(QGroupBox):
    """A titled group with a form, a message line and a button row."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("{section} message").format(section=title))
        self.message.hide()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)

    def field(self, label: str, accessible_name: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible_name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        return edit

    def labels(self) -> list[QLabel]:
        found = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                found.append(widget)
        return found

    def button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        self.buttons.addWidget(button)
        return button

    def say(self, text: str, *, error: bool) -> None:
        self.message.setObjectName("ErrorText" if error else "SuccessText")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()


class AccountTab(ProfileTab):
    """A client's account: their own in the client's window (with log out, email and
    password), or a client's details shown to staff."""

    SHOWS = (Kind.CLIENTS,)

    account_changed = Signal(object)  # Account, whenever it was (re)loaded or saved
    session_replaced = Signal(object)  # SignedIn, after a password change
    log_out_requested = Signal()

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget | None = None,
        *,
        subject: ProfileSubject | None = None,
    ) -> None:
        super().__init__(ctx, parent, subject=subject, object_name="AccountTab")
        self._shown: Account | None = ctx.user.account if subject is None else None
        self._staff_view = subject is not None and not subject.is_self

        column = QWidget(self)
        column.setObjectName("AccountColumn")
        column.setMaximumWidth(720)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)

        header = QFrame(column)
        header.setObjectName("Card")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(20, 14, 20, 14)
        login_text = QVBoxLayout()
        caption = QLabel(self.tr("You sign in with"), header)
        caption.setObjectName("Muted")
        self.login_email = QLabel(header)
        self.login_email.setObjectName("LoginEmail")
        self.login_email.setAccessibleName(self.tr("Login email"))
        self.login_email.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        login_text.addWidget(caption)
        login_text.addWidget(self.login_email)
        self.log_out_button = QPushButton(self.tr("Log out"), header)
        self.log_out_button.setAccessibleName(self.tr("Log out"))
        header_layout.addLayout(login_text, 1)
        header_layout.addWidget(self.log_out_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(header)

        self.profile = _Section(self.tr("Profile"), column)
        self.full_name = self.profile.field(self.tr("Full &name"), self.tr("Full name"))
        self.phone = self.profile.field(self.tr("P&hone"), self.tr("Phone"))
        self.save_profile_button = self.profile.button(self.tr("Save name and phone"))
        layout.addWidget(self.profile)

        self.email_section = _Section(self.tr("Email"), column)
        self.new_email = self.email_section.field(self.tr("New &email"), self.tr("New email"))
        self.email_password = self.email_section.field(
            self.tr("Current pass&word"),
            self.tr("Current password for the email change"),
            secret=True,
        )
        self.change_email_button = self.email_section.button(self.tr("Change email"))
        layout.addWidget(self.email_section)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget(scroll)
        holder.setObjectName("ScrollHolder")
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(24, 20, 24, 20)
        holder_layout.addStretch(1)
        holder_layout.addWidget(column, 3)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.log_out_button.clicked.connect(self.log_out_requested)
        self.save_profile_button.clicked.connect(self.save_profile)
        self.change_email_button.clicked.connect(self.change_email)
        self.email_password.returnPressed.connect(self.change_email)
        if self._shown is not None:  # the rest when the last part is built
            self.login_email.setText(self._shown.email)
            self.full_name.setText(self._shown.full_name)
            self.phone.setText(self._shown.phone)
        if self._staff_view:
            # Staff see a client's details; signing in, the login email and the password
            # are the client's own to change.
            for own in (self.log_out_button, self.email_section):
                own.hide()
        # The other sections in the next turns (the style sheet makes each field costly).
        self.build_later(
            lambda: self._build_password_and_billing(column, layout),
            lambda: self._build_this_computer(column, layout),
        )

    def _build_password_and_billing(self, column: QWidget, layout: QVBoxLayout) -> None:
        self.password_section = _Section(self.tr("Password"), column)
        self.current_password = self.password_section.field(
            self.tr("&Current password"), self.tr("Current password"), secret=True
        )
        self.new_password = self.password_section.field(
            self.tr("New pass&word"), self.tr("New password"), secret=True
        )
        self.new_password.setPlaceholderText(
            self.tr("At least {count} characters").format(count=MIN_PASSWORD)
        )
        self.confirm_password = self.password_section.field(
            self.tr("Con&firm new password"), self.tr("Confirm new password"), secret=True
        )
        self.change_password_button = self.password_section.button(self.tr("Change password"))
        layout.addWidget(self.password_section)

        self.billing = _Section(self.tr("Billing details (optional)"), column)
        self.company = self.billing.field(self.tr("Compan&y"), self.tr("Company"))
        self.vat_id = self.billing.field(self.tr("&VAT ID"), self.tr("VAT ID"))
        self.address_line1 = self.billing.field(self.tr("&Address"), self.tr("Address line 1"))
        self.address_line2 = self.billing.field("", self.tr("Address line 2"))
        self.postal_code = self.billing.field(self.tr("Postal co&de"), self.tr("Postal code"))
        self.city = self.billing.field(self.tr("Cit&y"), self.tr("City"))
        self.country = self.billing.field(self.tr("Countr&y"), self.tr("Country code"))
        self.country.setPlaceholderText(self.tr("Two letters, e.g. DE"))
        self.country.setMaxLength(2)
        self.save_billing_button = self.billing.button(self.tr("Save billing details"))
        layout.addWidget(self.billing)
        self.change_password_button.clicked.connect(self.change_password)
        self.save_billing_button.clicked.connect(self.save_billing)
        self.confirm_password.returnPressed.connect(self.change_password)
        if self._staff_view:
            self.password_section.hide()
        for section in (self.password_section, self.billing):
            section.ensurePolished()  # here, rather than all at once when the tab shows

    def _build_this_computer(self, column: QWidget, layout: QVBoxLayout) -> None:
        self.this_computer = _Section(self.tr("On this computer"), column)
        self.language = LanguageChoice(self.this_computer)
        self.this_computer.form.addRow(self.tr("&Language"), self.language)
        self.language.noted.connect(self._language_noted)
        self.tray_choices: TrayChoices | None = None
        if self._subject is None and not self._ctx.user.principal.is_staff:  # their own window
            self.tray_choices = TrayChoices(self.this_computer)
            self.this_computer.form.addRow(self.tr("Reminders"), self.tray_choices)
        layout.addWidget(self.this_computer)
        layout.addStretch(1)
        self.this_computer.ensurePolished()
        order = [
            self.log_out_button, self.full_name, self.phone, self.save_profile_button,
            self.new_email, self.email_password, self.change_email_button,
            self.current_password, self.new_password, self.confirm_password,
            self.change_password_button, self.company, self.vat_id, self.address_line1,
            self.address_line2, self.postal_code, self.city, self.country,
            self.save_billing_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._align_labels()
        if self._shown is not None:  # the billing details (the constructor showed the rest)
            for edit, value in self._values(self._shown)[2:]:
                edit.setText(value)

    def _align_labels(self) -> None:
        """One label column width for every section, so the fields line up."""
        labels = [
            label
            for section in (
                self.profile,
                self.email_section,
                self.password_section,
                self.billing,
                self.this_computer,
            )
            for label in section.labels()
        ]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    @Slot(str)
    def _language_noted(self, text: str) -> None:
        if text:
            self.this_computer.say(text, error=False)
        else:
            self.this_computer.message.hide()

    # --- loading --------------------------------------------------------------------

    def reload(self) -> None:
        principal = self._ctx.user.principal
        load_account(self._ctx, principal, self._other_client_id()).success(self._loaded).failure(
            lambda message: self.profile.say(message, error=True)
        ).run(self)

    def _other_client_id(self) -> int | None:
        """The client shown when it is not the viewer's own account (staff)."""
        subject = self.subject
        return None if subject is None or subject.is_self else subject.client_id

    def concerns(self, changes: Changes) -> bool:
        ids = changes.ids_of(Kind.CLIENTS)
        return ids is None or (bool(ids) and self.client_id in ids)

    def _loaded(self, account: Account) -> None:
        self._show(account)
        self.account_changed.emit(account)

    def _show(self, account: Account, *, force: bool = False) -> None:
        """Fill the fields, leaving alone a field the user has changed and not saved."""
        self.finish_building()
        before = self._shown
        self._shown = account
        self.login_email.setText(account.email)
        now = self._values(account)
        was = [value for _, value in self._values(before)] if before else [None] * len(now)
        for (edit, value), previous in zip(now, was, strict=True):
            if force or previous is None or edit.text() == previous:
                edit.setText(value)

    def _values(self, account: Account) -> list[tuple[QLineEdit, str]]:
        """Each field and its value in ``account``: name and phone first."""
        address = account.address
        return [
            (self.full_name, account.full_name),
            (self.phone, account.phone),
            (self.company, account.company),
            (self.vat_id, account.vat_id),
            (self.address_line1, address.line1),
            (self.address_line2, address.line2),
            (self.postal_code, address.postal_code),
            (self.city, address.city),
            (self.country, address.country),
        ]

    @property
    def account(self) -> Account | None:
        return self._shown

    # --- saving ---------------------------------------------------------------------

    def _write(
        self,
        op: Op[Any],
        section: _Section,
        done: str,
        button: QPushButton,
        after_success: Callable[[], None] | None = None,
    ) -> None:
        button.setEnabled(False)

        def succeeded(result: object) -> None:
            button.setEnabled(True)
            section.say(done, error=False)
            account = result.account if isinstance(result, SignedIn) else result
            if isinstance(account, Account):
                self._show(account, force=True)
                self.account_changed.emit(account)
            if isinstance(result, SignedIn):
                self.session_replaced.emit(result)
            if after_success is not None:
                after_success()

        def failed(message: str) -> None:
            button.setEnabled(True)
            section.say(message, error=True)

        op.success(succeeded).failure(failed).run(self)

    @Slot()
    def save_profile(self) -> None:
        principal = self._ctx.user.principal
        name, phone = self.full_name.text(), self.phone.text()
        shown = self._shown

        request = SaveProfile(
            name,
            phone,
            shown.full_name if shown is not None else None,
            shown.phone if shown is not None else None,
            self._other_client_id(),
        )
        self._write(save_profile(self._ctx, principal, request), self.profile, self.tr("Your name and phone are saved."),
                    self.save_profile_button)  # fmt: skip

    @Slot()
    def change_email(self) -> None:
        email, password = self.new_email.text().strip(), self.email_password.text()
        if not email:
            self.email_section.say(self.tr("Enter the new email address."), error=True)
            return
        if not password:
            self.email_section.say(
                self.tr("Enter your current password to change your email."), error=True
            )
            return
        principal = self._ctx.user.principal
        self.email_password.clear()

        self._write(change_email(self._ctx, principal, email, password), self.email_section,
                    self.tr("Your login email is now {email}.").format(email=email),
                    self.change_email_button, self.new_email.clear)  # fmt: skip

    @Slot()
    def change_password(self) -> None:
        current = self.current_password.text()
        new, confirm = self.new_password.text(), self.confirm_password.text()
        section = self.password_section
        if not current:
            section.say(self.tr("Enter your current password."), error=True)
            return
        if len(new) < MIN_PASSWORD:
            section.say(
                self.tr("Choose a new password of at least {count} characters.").format(
                    count=MIN_PASSWORD
                ),
                error=True,
            )
            return
        if new != confirm:
            section.say(self.tr("The new passwords differ. Type the same one twice."), error=True)
            return
        principal = self._ctx.user.principal
        for edit in (self.current_password, self.new_password, self.confirm_password):
            edit.clear()

        self._write(change_password(self._ctx, principal, current, new), section, self.tr("Your password is changed."),
                    self.change_password_button)  # fmt: skip

    @Slot()
    def save_billing(self) -> None:
        principal = self._ctx.user.principal
        company, vat_id = self.company.text(), self.vat_id.text()
        address = Address(
            line1=self.address_line1.text(),
            line2=self.address_line2.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
            country=self.country.text(),
        )

        op = update_billing(self._ctx, principal, company, vat_id, address)
        self._write(op, self.billing, self.tr("Your billing details are saved."),
                    self.save_billing_button)  # fmt: skip
