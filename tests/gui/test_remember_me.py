"""Remember me: a sign-in kept in the keyring across a restart (the main window then
opens first), one that no longer works, a slow start, no keyring, logging out.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.errors import SessionExpired
from podyx_desktop.gui.session_store import SERVICE_NAME, account_key
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.services import Services
from podyx_desktop.views.client.main_window import MainWindow
from tests.gui.conftest import FakeKeyring, GuiStudio
from tests.gui.test_live_updates import booking_in, run_other_process
from tests.gui.test_sign_in import WAIT, sign_in, sign_in_remembered, wait_main, wait_ready


@pytest.mark.parametrize("quick", [True, False], ids=["quick-start", "full-path"])
def test_remember_me_survives_a_restart(
    qtbot: Any, make_app: Any, studio: GuiStudio, fake_keyring: FakeKeyring, quick: bool
) -> None:
    app = make_app()
    sign_in_remembered(qtbot, app, studio, fake_keyring)
    assert studio.client_password not in fake_keyring.passwords.values()  # a token, never it
    app.main_window.close()
    app.shutdown()

    again = make_app(quick=quick)
    window = wait_main(qtbot, again)  # no typing: it signs in by itself
    assert studio.client_name in window.user_button.text()
    assert again._sign_in is None  # the main window came first: no sign-in screen was built
    # The start-up task loaded the Bookings tab too: it opened filled …
    assert window.bookings_tab.upcoming_model.rowCount() == 1
    # … and once the list has painted, the first session's details and actions load.
    tab = window.bookings_tab
    qtbot.waitUntil(lambda: tab.selected_booking() is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: tab.cancel_button.isEnabled(), timeout=WAIT)


@pytest.mark.parametrize("quick", [True, False], ids=["quick-start", "full-path"])
def test_a_change_made_while_the_window_opens_still_shows_up(
    qtbot: Any, make_app: Any, studio: GuiStudio, fake_keyring: FakeKeyring, quick: bool
) -> None:
    """The database watcher starts after the main window has painted (starting it before
    would hold that paint up), from the feed's position read before the start-up reads:
    another seat cancels the session while the window paints, before the watcher runs,
    and the window still shows it canceled."""
    app = make_app()
    sign_in_remembered(qtbot, app, studio, fake_keyring)
    app.shutdown()
    running_at_first_paint: list[bool] = []
    started: list[Any] = []

    class AtFirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not running_at_first_paint
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), MainWindow)
            ):
                watcher = started[0].watcher
                running_at_first_paint.append(watcher is not None and watcher.is_running)
                run_other_process(studio, "cancel", str(studio.booking_id))
            return False

    probe = AtFirstPaint()
    qt_app = QApplication.instance()
    assert qt_app is not None
    qt_app.installEventFilter(probe)
    try:
        started.append(make_app(quick=quick))
        window = wait_main(qtbot, started[0])
        qtbot.waitUntil(lambda: bool(running_at_first_paint), timeout=WAIT)
    finally:
        qt_app.removeEventFilter(probe)
    assert running_at_first_paint == [False]

    def canceled() -> bool:
        booking = booking_in(window, studio.booking_id)
        return booking is not None and booking.status is BookingStatus.CANCELED

    qtbot.waitUntil(canceled, timeout=WAIT)


def test_a_remembered_sign_in_that_no_longer_works_shows_the_sign_in_screen(
    qtbot: Any, make_app: Any, studio: GuiStudio, fake_keyring: FakeKeyring, gui_services: Any
) -> None:
    """The last run remembered a sign-in, so the start skips the sign-in screen; the
    session was revoked meanwhile (a password change elsewhere): the sign-in screen shows,
    says why, and the next start shows it at once."""
    app = make_app()
    _window, key = sign_in_remembered(qtbot, app, studio, fake_keyring)
    assert UiSettings().sign_in_remembered
    app.shutdown()
    token = fake_keyring.passwords[key]
    gui_services.accounts.sign_out(gui_services.accounts.resume(token).principal, token)

    again = make_app()
    assert again._sign_in is None  # nothing shown yet: the remembered sign-in is tried first
    qtbot.waitUntil(lambda: again._sign_in is not None and again.sign_in.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: "expired" in again.sign_in.message.text(), timeout=WAIT)
    assert again.main_window is None
    assert again.sign_in.studio_name.text() == "Test Studio"
    assert not UiSettings().sign_in_remembered
    again.shutdown()

    third = make_app()  # nothing remembered now: the sign-in screen at once
    assert third.sign_in.isVisible()


def test_a_slow_remembered_start_shows_the_sign_in_screen_meanwhile(
    qtbot: Any, make_app: Any, studio: GuiStudio, fake_keyring: FakeKeyring, gui_services: Any
) -> None:
    """If the main window is not up soon (a slow database or keyring: here the worker is
    held until the test lets it go), the sign-in screen shows that the studio is opening,
    and gives way to the main window when it is."""
    token = gui_services.accounts.sign_in(studio.client_email, studio.client_password).token
    fake_keyring.passwords[(SERVICE_NAME, account_key(studio.url))] = token
    UiSettings().sign_in_remembered = True
    app = make_app(start=False)
    held = threading.Event()
    app.tasks.run_plain(lambda: held.wait(WAIT / 1000))
    app.start()
    assert app._sign_in is None
    qtbot.waitUntil(lambda: app._sign_in is not None and app.sign_in.isVisible(), timeout=WAIT)
    assert app.main_window is None
    assert app.sign_in.studio_name.text() == "Loading the studio…"
    held.set()
    window = wait_main(qtbot, app)
    assert not app.sign_in.isVisible()
    assert window.bookings_tab.upcoming_model.rowCount() == 1


def test_log_out_forgets_that_a_sign_in_is_remembered(
    qtbot: Any, make_app: Any, studio: GuiStudio, fake_keyring: FakeKeyring
) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password, remember=True)
    window = wait_main(qtbot, app)
    assert UiSettings().sign_in_remembered
    window.log_out_action.trigger()
    qtbot.waitUntil(lambda: app.sign_in.isVisible(), timeout=WAIT)
    assert not UiSettings().sign_in_remembered
    sign_in(qtbot, app, studio.client_email, studio.client_password, remember=False)
    wait_main(qtbot, app)
    assert not UiSettings().sign_in_remembered


def test_an_older_schema_is_upgraded_before_the_remembered_sign_in(
    qtbot: Any, make_app: Any, studio: GuiStudio, gui_services: Any, fake_keyring: FakeKeyring
) -> None:
    """The quick start-up reads only a schema it knows; an older one takes the full path,
    which upgrades it, and the remembered sign-in still opens the window filled."""
    from alembic import command

    from podyx_desktop.db.migrate import alembic_config, schema_state

    token = gui_services.accounts.sign_in(studio.client_email, studio.client_password).token
    fake_keyring.passwords[(SERVICE_NAME, account_key(studio.url))] = token
    config = alembic_config()
    with gui_services.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert schema_state(gui_services.db).revision == "0001"

    app = make_app()
    window = wait_main(qtbot, app)
    assert window.bookings_tab.upcoming_model.rowCount() == 1
    assert schema_state(gui_services.db).is_current


def test_without_remember_nothing_is_kept(
    qtbot: Any, make_app: Any, studio: GuiStudio, fake_keyring: FakeKeyring
) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password, remember=False)
    wait_main(qtbot, app)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    assert fake_keyring.passwords == {}


def test_without_a_keyring_it_says_so_and_still_signs_in(
    qtbot: Any, make_app: Any, studio: GuiStudio, no_keyring: Any, tmp_path: Path
) -> None:
    app = make_app()
    wait_ready(qtbot, app)
    screen = app.sign_in
    qtbot.waitUntil(lambda: screen.keyring_note.isVisible(), timeout=WAIT)
    assert "cannot remember your sign-in" in screen.keyring_note.text()
    assert not screen.remember.isEnabled()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    wait_main(qtbot, app)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    app.shutdown()
    # nothing remembered anywhere: the next start asks again, and no file holds a token
    again = make_app()
    wait_ready(qtbot, again)
    qtbot.waitUntil(lambda: again.tasks.pending == 0, timeout=WAIT)
    assert again.main_window is None
    for path in tmp_path.parent.rglob("*"):
        if path.is_file() and path.suffix in (".ini", ".conf"):
            assert "token" not in path.read_text(errors="replace").lower()


def test_log_out_revokes_and_forgets_the_session(
    qtbot: Any, make_app: Any, studio: GuiStudio, fake_keyring: FakeKeyring, gui_services: Services
) -> None:
    app = make_app()
    window, key = sign_in_remembered(qtbot, app, studio, fake_keyring)
    token = fake_keyring.passwords[key]
    assert gui_services.accounts.resume(token).account.email == studio.client_email

    window.log_out_action.trigger()  # the name button's menu: "Log out"
    qtbot.waitUntil(lambda: app.sign_in.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: key not in fake_keyring.passwords, timeout=WAIT)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    with pytest.raises(SessionExpired):
        gui_services.accounts.resume(token)
    assert app.main_window is None
    assert app.sign_in.email.text() == studio.client_email  # kept for convenience
    assert app.sign_in.password.text() == ""


def test_an_expired_remembered_session_asks_to_sign_in(
    qtbot: Any, make_app: Any, studio: GuiStudio, fake_keyring: FakeKeyring
) -> None:
    key = (SERVICE_NAME, account_key(studio.url))
    fake_keyring.passwords[key] = "a-token-the-studio-never-issued"
    app = make_app()
    qtbot.waitUntil(lambda: "expired" in app.sign_in.message.text(), timeout=WAIT)
    assert app.main_window is None
    qtbot.waitUntil(lambda: key not in fake_keyring.passwords, timeout=WAIT)


@pytest.mark.parametrize(
    ("given", "as_the_engine_renders_it"),
    [
        (
            "postgres://ann%40x@db.example:5433/podyx",
            "postgresql+psycopg://ann%40x@db.example:5433/podyx",
        ),
        (
            "postgresql://ann:secret@db/podyx?sslmode=require",
            "postgresql+psycopg://ann:***@db/podyx",
        ),
        ("sqlite:////srv/podyx.sqlite3", "sqlite+pysqlite:////srv/podyx.sqlite3"),
    ],
)
def test_the_remembered_session_has_one_key_per_database(
    given: str, as_the_engine_renders_it: str
) -> None:
    """The quick start reads the token under the configured URL, the full path under the
    URL as the engine renders it: both must find the same keyring entry."""
    assert account_key(given) == account_key(as_the_engine_renders_it)
