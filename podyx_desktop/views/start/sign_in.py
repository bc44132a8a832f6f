"""The first window: sign in, create an account, or book without one.

It paints before the database is open: the studio's name shows "Loading…" until the
start-up task reports the studio, and the buttons wait for it. Demo logins are listed
only when the studio is the demo studio.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.views.common.sign_up import SignUpPage, device_name
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.start.demo_login import DemoLogin

if TYPE_CHECKING:  # kept out of start-up: this screen paints before they are needed
    from podyx_desktop.domain.records import BookingResult, SignedIn, StudioInfo
    from podyx_desktop.gui.changes import ChangeBus
    from podyx_desktop.gui.tasks import TaskRunner
    from podyx_desktop.operations.base import Backend
    from podyx_desktop.views.start.code_sign_in import CodeSignInPage
    from podyx_desktop.views.start.start_problem import StartProblemPage


class _Pages(QWidget):
    """One page at a time, sized to the page on show (a stacked widget takes the size of
    its tallest page, which leaves the sign-in card half empty)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        self._layout.addWidget(page)
        if self._current is None:
            self._current = page
        else:
            page.hide()

    def currentWidget(self) -> QWidget | None:
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:
        if page is self._current:
            return
        if self._current is not None:
            self._current.hide()
        self._current = page
        page.show()


class SignInScreen(QWidget):
    """Sign-in and sign-up pages under the studio's name, in one window."""

    signed_in = Signal(object, bool)  # SignedIn, remember me
    connect_requested = Signal()  # "Connect to your studio…"
    disconnect_requested = Signal()  # back to this computer's own studio

    def __init__(self, tasks: TaskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignInScreen")
        self.setWindowTitle(self.tr("Podyx — Sign in"))
        self._tasks = tasks
        self._bus = bus
        self._studio: StudioInfo | None = None
        self._wizard: QWidget | None = None
        self._visitor_account: SignedIn | None = None
        # where operations run when not in this process: the studio server, for a client at
        # home (the sign-up and code pages, and the visitor's wizard, run through it too)
        self.backend: Backend | None = None

        self.studio_name = QLabel(self.tr("Loading the studio…"), self)
        self.studio_name.setObjectName("StudioName")
        self.studio_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.studio_name.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("Muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Start-up status"))

        self.pages = _Pages(self)
        self.sign_in_page = self._build_sign_in_page()
        self.pages.addWidget(self.sign_in_page)
        self._sign_up_page: SignUpPage | None = None  # built when first asked for
        self._problem_page: StartProblemPage | None = None  # built when start-up fails
        self._code_page: CodeSignInPage | None = None  # built when first asked for
        self._remember_available = True
        self._ready = False

        card = QFrame(self)
        card.setObjectName("Card")
        card.setMinimumWidth(400)
        card.setMaximumWidth(460)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(32, 28, 32, 28)
        card_layout.setSpacing(6)
        card_layout.addWidget(self.studio_name)
        card_layout.addWidget(self.status)
        card_layout.addSpacing(12)
        card_layout.addWidget(self.pages)

        self.demo_box = self._build_demo_box()
        self.link_box = self._build_link_box()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(card)
        column.addWidget(self.demo_box)
        column.addWidget(self.link_box)
        row.addLayout(column)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.set_ready(False)

    # --- building -----------------------------------------------------------------

    def _build_sign_in_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("SignInPage")
        heading = QLabel(self.tr("Sign in"), page)
        heading.setObjectName("PageTitle")
        intro = QLabel(self.tr("Manage your bookings, bundles, purchases and account."), page)
        intro.setObjectName("Muted")
        intro.setWordWrap(True)
        self.email = QLineEdit(page)
        self.email.setAccessibleName(self.tr("Email"))
        self.email.setPlaceholderText(self.tr("you@example.com"))
        self.password = QLineEdit(page)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.remember = QCheckBox(self.tr("&Remember me on this computer"), page)
        self.remember.setAccessibleName(self.tr("Remember me"))
        self.keyring_note = wrapped_label(page, "NoteText", self.tr("Keyring notice"))
        self.keyring_note.hide()
        self.message = wrapped_label(page, "ErrorText", self.tr("Sign-in message"))
        self.message.hide()
        self.sign_in_button = QPushButton(self.tr("Sign in"), page)
        self.sign_in_button.setObjectName("PrimaryButton")
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.create_account_button = QPushButton(self.tr("Create an account"), page)
        self.create_account_button.setAccessibleName(self.tr("Create an account"))
        self.visitor_button = QPushButton(self.tr("Book without an account"), page)
        self.visitor_button.setObjectName("LinkButton")
        self.visitor_button.setAccessibleName(self.tr("Book without an account"))
        self.code_button = QPushButton(self.tr("I have a code from the studio"), page)
        self.code_button.setObjectName("LinkButton")
        self.code_button.setAccessibleName(self.tr("I have a code from the studio"))
        for button in (self.create_account_button, self.visitor_button, self.code_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Password"), self.password)
        others = QHBoxLayout()
        others.addWidget(self.create_account_button)
        others.addStretch(1)
        others.addWidget(self.visitor_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.message)
        layout.addWidget(self.sign_in_button)
        layout.addSpacing(6)
        layout.addLayout(others)
        layout.addWidget(self.code_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        QWidget.setTabOrder(self.email, self.password)
        QWidget.setTabOrder(self.password, self.remember)
        QWidget.setTabOrder(self.remember, self.sign_in_button)
        QWidget.setTabOrder(self.sign_in_button, self.create_account_button)
        QWidget.setTabOrder(self.create_account_button, self.visitor_button)

        self.sign_in_button.clicked.connect(self.submit)
        self.email.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.create_account_button.clicked.connect(self.show_sign_up_page)
        self.visitor_button.clicked.connect(self.book_as_visitor)
        self.code_button.clicked.connect(self.show_code_page)
        return page

    def _build_link_box(self) -> QWidget:
        """Where the studio is: this computer's database, or a studio server (a client at
        home connects once, with the address or code the studio gave them)."""
        box = QWidget(self)
        self.link_text = QLabel(self.tr("At home? Connect to your studio's server."), box)
        self.link_text.setObjectName("Muted")
        self.link_text.setWordWrap(True)
        self.link_button = QPushButton(self.tr("Connect to your studio…"), box)
        self.link_button.setObjectName("LinkButton")
        self.link_button.setAccessibleName(self.tr("Connect to your studio"))
        self.link_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.link_button.clicked.connect(self._link_clicked)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.link_text, 1)
        layout.addWidget(self.link_button)
        self._linked_to: str | None = None
        return box

    def set_studio_link(self, address: str | None) -> None:
        """Say where the studio is: ``address`` of its server, or None for this computer."""
        self._linked_to = address
        if address is None:
            self.link_text.setText(self.tr("At home? Connect to your studio's server."))
            self.link_button.setText(self.tr("Connect to your studio…"))
            self.link_button.setAccessibleName(self.tr("Connect to your studio"))
        else:
            self.link_text.setText(
                self.tr("Connected to your studio at {address}.").format(address=address)
            )
            self.link_button.setText(self.tr("Disconnect"))
            self.link_button.setAccessibleName(self.tr("Disconnect from the studio"))

    @Slot()
    def _link_clicked(self) -> None:
        if self._linked_to is None:
            self.connect_requested.emit()
        else:
            self.disconnect_requested.emit()

    def _build_demo_box(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("DemoBox")
        box.setMaximumWidth(460)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(20, 14, 20, 14)
        title = QLabel(self.tr("This is the demo studio. Try one of these logins:"), box)
        title.setWordWrap(True)
        title.setObjectName("DemoTitle")
        layout.addWidget(title)
        self._demo_grid = QGridLayout()
        self._demo_grid.setHorizontalSpacing(12)
        self._demo_grid.setVerticalSpacing(2)
        layout.addLayout(self._demo_grid)
        box.hide()
        return box

    # --- what the start-up tells it ------------------------------------------------

    @property
    def sign_up_page(self) -> SignUpPage:
        """The account form's page, built the first time it is needed (not at start-up)."""
        if self._sign_up_page is None:
            page = SignUpPage(self, self.pages)
            page.signed_in.connect(self.signed_in)
            page.back_requested.connect(self.show_sign_in_page)
            page.sign_in_instead_requested.connect(self._sign_in_instead)
            page.set_remember_available(self._remember_available)
            page.create_button.setEnabled(self._ready)
            self.pages.addWidget(page)
            self._sign_up_page = page
        return self._sign_up_page

    @property
    def tasks(self) -> TaskRunner:
        """With :attr:`bus`, what operations run with (this screen is their seat)."""
        return self._tasks

    @property
    def bus(self) -> ChangeBus:
        return self._bus

    @property
    def problem_page(self) -> StartProblemPage:
        """The page that explains why the database cannot be opened (built on first use)."""
        if self._problem_page is None:
            from podyx_desktop.views.start.start_problem import StartProblemPage

            self._problem_page = StartProblemPage(self.pages)
            self.pages.addWidget(self._problem_page)
        return self._problem_page

    def show_problem(self, message: str) -> None:
        """The database cannot be opened: say why, and offer "Try again" and "Choose
        another database…" in place of the sign-in form."""
        self._studio = None
        self.studio_name.setText(self.tr("Podyx"))
        self.setWindowTitle(self.tr("Podyx — Sign in"))
        self.set_status("")
        self.demo_box.hide()
        self.set_ready(False)
        page = self.problem_page
        page.show_problem(message)
        self.pages.setCurrentWidget(page)

    @property
    def showing_problem(self) -> bool:
        return self._problem_page is not None and self.pages.currentWidget() is self._problem_page

    @property
    def studio(self) -> StudioInfo | None:
        return self._studio

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setObjectName("ErrorText" if error else "Muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setVisible(bool(text))

    def set_studio(self, studio: StudioInfo, demo_logins: Sequence[DemoLogin] = ()) -> None:
        self._studio = studio
        self.studio_name.setText(studio.name)
        self.setWindowTitle(self.tr("{studio} — Sign in").format(studio=studio.name))
        self.set_status("")
        self.set_demo_logins(demo_logins if studio.is_demo else ())
        self.set_ready(True)
        if self.showing_problem:
            self.show_sign_in_page()

    def _role_text(self, role: str) -> str:
        return {
            "owner": self.tr("Owner"),
            "manager": self.tr("Manager"),
            "front desk": self.tr("Front desk"),
        }.get(role, role)

    def set_demo_logins(self, logins: Sequence[DemoLogin]) -> None:
        while self._demo_grid.count():
            item = self._demo_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        passwords = {login.password for login in logins}
        shared = passwords.pop() if len(passwords) == 1 else None
        for row, login in enumerate(logins):
            role = self._role_text(login.role)
            who = QLabel(
                self.tr("{who} · {role}").format(who=login.who, role=role) if role else login.who,
                self.demo_box,
            )
            who.setObjectName("DemoWho")
            detail = login.email if shared else f"{login.email}  ·  {login.password}"
            credentials = QLabel(detail, self.demo_box)
            credentials.setObjectName("DemoEmail")
            credentials.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            use = QPushButton(self.tr("Use"), self.demo_box)
            use.setObjectName("SmallButton")
            use.setAccessibleName(self.tr("Use the login of {who}").format(who=login.who))
            use.clicked.connect(lambda _=False, chosen=login: self.fill_in(chosen))
            self._demo_grid.addWidget(who, row * 2, 0)
            self._demo_grid.addWidget(credentials, row * 2 + 1, 0)
            self._demo_grid.addWidget(use, row * 2, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        if shared:
            note = QLabel(
                self.tr("Every demo account uses the password {password}").format(password=shared),
                self.demo_box,
            )
            note.setObjectName("DemoEmail")
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._demo_grid.addWidget(note, len(logins) * 2, 0, 1, 2)
        self._demo_grid.setColumnStretch(0, 1)
        self.demo_box.setVisible(bool(logins))

    def set_keyring_problem(self, message: str | None) -> None:
        """Say in words why sign-ins cannot be remembered, and turn the option off."""
        available = message is None
        self.remember.setEnabled(available)
        if not available:
            self.remember.setChecked(False)
        self.keyring_note.setText(message or "")
        self.keyring_note.setVisible(not available)
        self._remember_available = available
        if self._sign_up_page is not None:
            self._sign_up_page.set_remember_available(available)

    def set_ready(self, ready: bool) -> None:
        for widget in (
            self.sign_in_button,
            self.create_account_button,
            self.visitor_button,
            self.code_button,
        ):
            widget.setEnabled(ready)
        self._ready = ready
        if self._sign_up_page is not None:
            self._sign_up_page.create_button.setEnabled(ready)

    def fill_in(self, login: DemoLogin) -> None:
        self.show_sign_in_page()
        self.email.setText(login.email)
        self.password.setText(login.password)
        self.sign_in_button.setFocus()

    def reset(self, message: str | None = None) -> None:
        """Back to a clean sign-in page (after logging out), keeping the email."""
        self.password.clear()
        self.show_sign_in_page()
        if message:
            self.show_message(message)
        else:
            self.message.hide()
        self.sign_in_button.setEnabled(self._studio is not None)

    # --- actions --------------------------------------------------------------------

    @Slot()
    def show_sign_in_page(self) -> None:
        self.pages.setCurrentWidget(self.sign_in_page)
        (self.password if self.email.text() else self.email).setFocus()

    @Slot(str)
    def _sign_in_instead(self, email: str) -> None:
        """The email typed on the sign-up page has an account: sign in with it."""
        self.email.setText(email)
        self.show_sign_in_page()

    @Slot()
    def show_sign_up_page(self) -> None:
        self.sign_up_page.form.email.setText(self.email.text().strip())
        self.pages.setCurrentWidget(self.sign_up_page)
        self.sign_up_page.form.full_name.setFocus()

    @Slot()
    def show_code_page(self) -> None:
        """The page where a client the desk created sets a password with the studio's code."""
        if self._code_page is None:
            from podyx_desktop.views.start.code_sign_in import CodeSignInPage

            self._code_page = CodeSignInPage(self, self.pages)
            self._code_page.signed_in.connect(self.signed_in)
            self._code_page.back_requested.connect(self.show_sign_in_page)
            self.pages.addWidget(self._code_page)
        self.pages.setCurrentWidget(self._code_page)
        self._code_page.start(self.email.text().strip())

    @property
    def code_page(self) -> CodeSignInPage | None:
        return self._code_page

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    @Slot()
    def submit(self) -> None:
        if self._studio is None or not self.sign_in_button.isEnabled():
            return
        email, password = self.email.text().strip(), self.password.text()
        if not email or not password:
            self.show_message(self.tr("Enter your email and password to sign in."))
            return
        remember = self.remember.isChecked()
        device = device_name()
        self.message.hide()
        self.sign_in_button.setEnabled(False)
        self.sign_in_button.setText(self.tr("Signing in…"))
        from podyx_desktop.operations.accounts import sign_in  # not before the first paint

        sign_in(self, email, password, device).success(
            lambda signed_in: self._signed_in(signed_in, remember)
        ).failure(self._failed).run(self)

    def _signed_in(self, signed_in: SignedIn, remember: bool) -> None:
        self._restore_button()
        self.password.clear()
        self.signed_in.emit(signed_in, remember)

    def _failed(self, message: str) -> None:
        self._restore_button()
        self.password.clear()
        self.password.setFocus()
        self.show_message(message)

    def _restore_button(self) -> None:
        self.sign_in_button.setEnabled(True)
        self.sign_in_button.setText(self.tr("Sign in"))

    @Slot()
    def book_as_visitor(self) -> None:
        """Open the booking wizard for a signed-out visitor (it may create an account)."""
        if self._studio is None:
            return
        from podyx_desktop.views.booking.booking_wizard import BookingWizard
        from podyx_desktop.views.common.context import UserSession, ViewContext

        context = ViewContext(
            self._tasks, self._bus, UserSession.visitor(self._studio), backend=self.backend
        )
        wizard = BookingWizard(context, self)
        self._wizard = wizard
        self._visitor_account = None
        wizard.booked.connect(self._visitor_booked)
        wizard.finished.connect(self._visitor_wizard_closed)
        wizard.open()

    @Slot(object)
    def _visitor_booked(self, result: BookingResult) -> None:
        self._visitor_account = result.signed_in

    @Slot()
    def _visitor_wizard_closed(self) -> None:
        """A visitor who created an account at checkout, or signed in to theirs there, is
        signed in once they close it."""
        from podyx_desktop.views.booking.booking_wizard import BookingWizard

        wizard = self._wizard
        signed_in, self._visitor_account = self._visitor_account, None
        if isinstance(wizard, BookingWizard) and wizard.signed_in is not None:
            signed_in = wizard.signed_in
        if signed_in is not None:
            self.signed_in.emit(signed_in, False)
