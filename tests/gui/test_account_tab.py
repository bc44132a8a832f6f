"""The Account tab driven through its widgets: name and phone, email (needs the password),
password (current + new + confirm), billing details, logging out, keyboard access.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from podyx_desktop.domain.errors import SessionExpired, SignInFailed
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.gui.changes import ChangeBus
from podyx_desktop.gui.tasks import TaskRunner
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import UserSession, ViewContext
from podyx_desktop.views.profile.account_tab import AccountTab
from tests.gui.conftest import FakeKeyring, GuiStudio, focus_chain, services_factory_for
from tests.gui.fixtures_tabs import wait_built
from tests.gui.test_sign_in import sign_in, sign_in_remembered, wait_main

WAIT = 5_000


@pytest.fixture
def account_tab(
    qtbot: Any, studio: GuiStudio, gui_services: Services, client_session: SignedIn
) -> Iterator[AccountTab]:
    tasks = TaskRunner(services_factory_for(studio.url))
    bus = ChangeBus()
    info = gui_services.catalogue.studio(Principal.anonymous())
    user = UserSession(client_session.principal, client_session.account, info, client_session.token)
    tab = AccountTab(ViewContext(tasks, bus, user))
    qtbot.addWidget(tab)
    tab.show()
    wait_built(qtbot, tab)
    yield tab
    tasks.shutdown()


def click(qtbot: Any, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_message(qtbot: Any, label: Any, words: str) -> None:
    qtbot.waitUntil(lambda: label.isVisible() and words in label.text(), timeout=WAIT)


def test_it_shows_the_login_email_and_profile(account_tab: AccountTab, studio: GuiStudio) -> None:
    assert account_tab.login_email.text() == studio.client_email
    assert account_tab.full_name.text() == studio.client_name
    assert account_tab.phone.text() == "+493012345678"


def test_change_name_and_phone(
    qtbot: Any, account_tab: AccountTab, gui_services: Services, client_session: SignedIn
) -> None:
    account_tab.full_name.setText("Ana Ćlient-Δ")
    account_tab.phone.setText("+49 30 99988877")
    with qtbot.waitSignal(account_tab.account_changed, timeout=WAIT):
        click(qtbot, account_tab.save_profile_button)
    wait_message(qtbot, account_tab.profile.message, "saved")
    account = gui_services.accounts.get(client_session.principal)
    assert account.full_name == "Ana Ćlient-Δ"
    assert account.phone == "+493099988877"


def test_a_bad_phone_number_is_explained(qtbot: Any, account_tab: AccountTab) -> None:
    account_tab.phone.setText("12")
    click(qtbot, account_tab.save_profile_button)
    wait_message(qtbot, account_tab.profile.message, "not a")
    assert account_tab.profile.message.objectName() == "ErrorText"


def test_change_email_needs_the_password(
    qtbot: Any, account_tab: AccountTab, gui_services: Services, studio: GuiStudio
) -> None:
    section = account_tab.email_section
    account_tab.new_email.setText("ana.new@example.com")
    click(qtbot, account_tab.change_email_button)
    assert "current password" in section.message.text()

    account_tab.new_email.setText("ana.new@example.com")
    account_tab.email_password.setText("wrong password")
    click(qtbot, account_tab.change_email_button)
    wait_message(qtbot, section.message, "The password is not correct")
    assert account_tab.login_email.text() == studio.client_email

    account_tab.new_email.setText("ana.new@example.com")
    account_tab.email_password.setText(studio.client_password)
    click(qtbot, account_tab.change_email_button)
    qtbot.waitUntil(lambda: account_tab.login_email.text() == "ana.new@example.com", timeout=WAIT)
    assert "ana.new@example.com" in section.message.text()
    assert account_tab.email_password.text() == ""
    gui_services.accounts.sign_in("ana.new@example.com", studio.client_password)
    with pytest.raises(SignInFailed):
        gui_services.accounts.sign_in(studio.client_email, studio.client_password)


def test_change_password(
    qtbot: Any, account_tab: AccountTab, gui_services: Services, studio: GuiStudio
) -> None:
    section = account_tab.password_section
    account_tab.current_password.setText("not my password")
    account_tab.new_password.setText("a brand new password")
    account_tab.confirm_password.setText("a brand new password")
    click(qtbot, account_tab.change_password_button)
    wait_message(qtbot, section.message, "The password is not correct")

    account_tab.current_password.setText(studio.client_password)
    account_tab.new_password.setText("a brand new password")
    account_tab.confirm_password.setText("a different password")
    click(qtbot, account_tab.change_password_button)
    assert "differ" in section.message.text()

    account_tab.current_password.setText(studio.client_password)
    account_tab.new_password.setText("a brand new password")
    account_tab.confirm_password.setText("a brand new password")
    with qtbot.waitSignal(account_tab.session_replaced, timeout=WAIT):
        click(qtbot, account_tab.change_password_button)
    wait_message(qtbot, section.message, "changed")
    gui_services.accounts.sign_in(studio.client_email, "a brand new password")
    with pytest.raises(SignInFailed):
        gui_services.accounts.sign_in(studio.client_email, studio.client_password)


def test_billing_details_are_optional_and_saved(
    qtbot: Any, account_tab: AccountTab, gui_services: Services, client_session: SignedIn
) -> None:
    account_tab.company.setText("Ωmega Podcasts GmbH")
    account_tab.vat_id.setText("de 123 456 789")
    account_tab.address_line1.setText("Torstraße 5")
    account_tab.postal_code.setText("10119")
    account_tab.city.setText("Berlin")
    account_tab.country.setText("de")
    click(qtbot, account_tab.save_billing_button)
    wait_message(qtbot, account_tab.billing.message, "saved")
    account = gui_services.accounts.get(client_session.principal)
    assert account.company == "Ωmega Podcasts GmbH"
    assert account.vat_id == "DE123456789"
    assert account.address.city == "Berlin"
    assert account.address.country == "DE"
    assert account_tab.vat_id.text() == "DE123456789"


def test_a_change_elsewhere_does_not_overwrite_what_is_being_typed(
    qtbot: Any, account_tab: AccountTab, gui_services: Services, client_session: SignedIn
) -> None:
    account_tab.phone.setText("+49 30 55555555")  # being edited, not saved
    gui_services.accounts.change_name(client_session.principal, "Ana Elsewhere")
    account_tab.reload()
    qtbot.waitUntil(lambda: account_tab.full_name.text() == "Ana Elsewhere", timeout=WAIT)
    assert account_tab.phone.text() == "+49 30 55555555"


def test_keyboard_order_and_accessible_names(account_tab: AccountTab) -> None:
    fields = [
        account_tab.full_name,
        account_tab.phone,
        account_tab.save_profile_button,
        account_tab.new_email,
        account_tab.email_password,
        account_tab.change_email_button,
        account_tab.current_password,
        account_tab.new_password,
        account_tab.confirm_password,
        account_tab.change_password_button,
    ]
    chain = focus_chain(fields[0], len(fields))
    assert [w.accessibleName() for w in chain] == [w.accessibleName() for w in fields]
    for widget in account_tab.findChildren(QLineEdit) + account_tab.findChildren(QPushButton):
        assert widget.accessibleName(), widget.objectName()
    for secret in (account_tab.email_password, account_tab.current_password):
        assert secret.echoMode() == QLineEdit.EchoMode.Password


# --- through the whole app: the remembered session follows a password change -------------


def test_password_change_replaces_the_remembered_session(
    qtbot: Any,
    make_app: Any,
    studio: GuiStudio,
    fake_keyring: FakeKeyring,
    gui_services: Services,
) -> None:
    app = make_app()
    window, key = sign_in_remembered(qtbot, app, studio, fake_keyring)
    old_token = fake_keyring.passwords[key]

    window.profile_action.trigger()  # name button → "My Profile"
    assert window.current_tab() is window.account_tab
    tab = window.account_tab
    tab.current_password.setText(studio.client_password)
    tab.new_password.setText("a brand new password")
    tab.confirm_password.setText("a brand new password")
    click(qtbot, tab.change_password_button)
    qtbot.waitUntil(lambda: fake_keyring.passwords.get(key) not in (None, old_token), timeout=WAIT)
    with pytest.raises(SessionExpired):
        gui_services.accounts.resume(old_token)
    assert gui_services.accounts.resume(fake_keyring.passwords[key]).account.email == (
        studio.client_email
    )


def test_log_out_from_the_account_tab(
    qtbot: Any, make_app: Any, studio: GuiStudio, gui_services: Services
) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    token = window.context.user.token
    window.show_tab(3)
    click(qtbot, window.account_tab.log_out_button)
    qtbot.waitUntil(lambda: app.sign_in.isVisible() and app.main_window is None, timeout=WAIT)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    with pytest.raises(SessionExpired):
        gui_services.accounts.resume(token)
