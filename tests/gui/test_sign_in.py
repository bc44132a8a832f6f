"""The sign-in window driven through its widgets: signing in and up, wrong passwords and
lockouts, first runs, the main window's start (remember me: test_remember_me.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from podyx_desktop.db.engine import sqlite_url
from podyx_desktop.domain.changes import Changes
from podyx_desktop.gui.session_store import SERVICE_NAME, account_key
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.services import Services
from tests.gui.conftest import FakeKeyring, GuiStudio, focus_chain

WAIT = 5_000


def wait_ready(qtbot: Any, app: Any) -> None:
    qtbot.waitUntil(lambda: app.sign_in.sign_in_button.isEnabled(), timeout=WAIT)


def sign_in(qtbot: Any, app: Any, email: str, password: str, *, remember: bool = False) -> None:
    screen = app.sign_in
    wait_ready(qtbot, app)
    screen.email.setText(email)
    screen.password.setText(password)
    if remember != screen.remember.isChecked():
        qtbot.mouseClick(screen.remember, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)


def wait_main(qtbot: Any, app: Any) -> Any:
    qtbot.waitUntil(
        lambda: app.main_window is not None and app.main_window.isVisible(), timeout=WAIT
    )
    return app.main_window


def sign_in_remembered(
    qtbot: Any, app: Any, studio: GuiStudio, keyring: FakeKeyring
) -> tuple[Any, tuple[str, str]]:
    """Sign the client in with "Remember me" and wait until the token is in ``keyring``:
    the main window, and the token's key in the keyring."""
    sign_in(qtbot, app, studio.client_email, studio.client_password, remember=True)
    window = wait_main(qtbot, app)
    key = (SERVICE_NAME, account_key(studio.url))
    qtbot.waitUntil(lambda: key in keyring.passwords, timeout=WAIT)
    return window, key


def test_window_paints_first_then_shows_the_studio(qtbot: Any, make_app: Any) -> None:
    app = make_app()
    assert app.sign_in.isVisible()
    assert app.sign_in.studio_name.text() == "Loading the studio…"
    assert not app.sign_in.sign_in_button.isEnabled()
    qtbot.waitUntil(lambda: app.sign_in.studio_name.text() == "Test Studio", timeout=WAIT)
    wait_ready(qtbot, app)
    assert not app.sign_in.demo_box.isVisible()  # not the demo studio: no logins listed


def test_sign_in_opens_the_main_window(qtbot: Any, make_app: Any, studio: GuiStudio) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    assert not app.sign_in.isVisible()
    assert studio.client_name in window.user_button.text()
    assert [window.tabs.tabText(i).replace("&", "") for i in range(5)] == [
        "Bookings",
        "Bundles",
        "Purchases",
        "Account",
        "Files",
    ]
    qtbot.waitUntil(lambda: window.account_tab.login_email.text() == studio.client_email)


def test_wrong_password_says_so(qtbot: Any, make_app: Any, studio: GuiStudio) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, "not the password")
    qtbot.waitUntil(lambda: app.sign_in.message.isVisible(), timeout=WAIT)
    assert "email or password is not correct" in app.sign_in.message.text()
    assert app.main_window is None
    assert app.sign_in.password.text() == ""


def test_lockout_after_repeated_failures(qtbot: Any, make_app: Any, studio: GuiStudio) -> None:
    app = make_app()
    for _ in range(5):
        sign_in(qtbot, app, studio.client_email, "wrong password!")
        qtbot.waitUntil(lambda: app.sign_in.sign_in_button.isEnabled(), timeout=WAIT)
    sign_in(qtbot, app, studio.client_email, studio.client_password)  # even the right one
    qtbot.waitUntil(lambda: "locked" in app.sign_in.message.text(), timeout=WAIT)
    assert "Try again in" in app.sign_in.message.text()
    assert app.main_window is None


def test_empty_fields_are_explained(qtbot: Any, make_app: Any) -> None:
    app = make_app()
    wait_ready(qtbot, app)
    qtbot.mouseClick(app.sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    assert app.sign_in.message.text() == "Enter your email and password to sign in."


def test_sign_up_creates_the_account_and_signs_in(
    qtbot: Any, make_app: Any, gui_services: Services
) -> None:
    app = make_app()
    wait_ready(qtbot, app)
    qtbot.mouseClick(app.sign_in.create_account_button, Qt.MouseButton.LeftButton)
    page = app.sign_in.sign_up_page
    assert app.sign_in.pages.currentWidget() is page
    form = page.form
    form.full_name.setText("Zoë Ångström")  # non-ASCII: setText, not keyClicks
    form.email.setText("zoe@example.com")
    form.phone.setText("+49 30 7654321")
    form.password.setText("a long new password")
    form.confirm.setText("a long new password")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    window = wait_main(qtbot, app)
    assert "Zoë Ångström" in window.user_button.text()
    signed = gui_services.accounts.sign_in("zoe@example.com", "a long new password")
    assert signed.account.phone == "+49307654321"


def test_sign_up_checks_the_form_first(qtbot: Any, make_app: Any) -> None:
    app = make_app()
    wait_ready(qtbot, app)
    qtbot.mouseClick(app.sign_in.create_account_button, Qt.MouseButton.LeftButton)
    page = app.sign_in.sign_up_page
    page.form.full_name.setText("Ana Two")
    page.form.email.setText("ana.two@example.com")
    page.form.phone.setText("+49 30 7654321")
    page.form.password.setText("a long new password")
    page.form.confirm.setText("another long password")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert "passwords differ" in page.message.text()
    page.form.confirm.setText("a long new password")
    page.form.email.setText("ana.client@example.com")  # taken
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already" in page.message.text(), timeout=WAIT)
    assert app.main_window is None
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert app.sign_in.pages.currentWidget() is app.sign_in.sign_in_page


def test_a_missing_database_is_never_created_and_another_can_be_chosen(
    qtbot: Any, make_app: Any, studio: GuiStudio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "nonexistent" / "dir" / "podyx.sqlite3"
    app = make_app(sqlite_url(path))
    qtbot.waitUntil(lambda: app.sign_in.showing_problem, timeout=WAIT)
    page = app.sign_in.problem_page
    assert str(path.parent) in page.message.text()
    assert "podyx-admin init" in page.message.text()
    assert not path.parent.exists()  # neither the folders nor the file were made
    assert not app.sign_in.sign_in_button.isEnabled()
    assert page.retry_button.isVisible() and page.choose_button.isVisible()

    page.retry_button.click()  # still missing: the same explanation again
    qtbot.waitUntil(lambda: page.retry_button.isEnabled(), timeout=WAIT)
    assert str(path.parent) in page.message.text()
    assert not path.parent.exists()

    chosen = studio.url.removeprefix("sqlite:///")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (chosen, ""))
    page.choose_button.click()
    wait_ready(qtbot, app)
    assert not app.sign_in.showing_problem
    assert app.studio is not None and app.sign_in.studio_name.text() == app.studio.name
    assert UiSettings().database_url == sqlite_url(chosen)  # remembered for the next start


def test_a_local_database_without_a_studio_offers_to_create_it(
    qtbot: Any, make_app: Any, tmp_path: Path
) -> None:
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import upgrade_to_head

    path = tmp_path / "empty-studio.sqlite3"
    database = Database(sqlite_url(path))
    upgrade_to_head(database)  # IT ran "podyx-admin init" but set up no studio
    database.dispose()
    app = make_app(sqlite_url(path))
    qtbot.waitUntil(lambda: app.first_run is not None and app.first_run.isVisible(), timeout=WAIT)
    assert "Create your studio" in app.first_run.windowTitle()
    assert "empty-studio.sqlite3" in app.first_run.intro.text()
    assert not app.first_run.demo_button.isVisible()  # not the app's own database
    assert not app.sign_in.isVisible()


def test_an_empty_file_is_not_turned_into_a_database(
    qtbot: Any, make_app: Any, tmp_path: Path
) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    app = make_app(sqlite_url(path))
    qtbot.waitUntil(lambda: app.sign_in.showing_problem, timeout=WAIT)
    assert "no Podyx tables" in app.sign_in.problem_page.message.text()
    assert path.stat().st_size == 0


def test_an_unreachable_postgres_server_offers_the_same_ways_on(
    qtbot: Any, make_app: Any, studio: GuiStudio
) -> None:
    app = make_app("postgresql://podyx@127.0.0.1:1/podyx")  # nothing listens on port 1
    qtbot.waitUntil(lambda: app.sign_in.showing_problem, timeout=WAIT)
    page = app.sign_in.problem_page
    assert "Cannot reach the PostgreSQL server at 127.0.0.1:1" in page.message.text()
    assert page.retry_button.isEnabled() and page.choose_button.isEnabled()
    app.use_database_file(studio.url.removeprefix("sqlite:///"))
    wait_ready(qtbot, app)
    assert not app.sign_in.showing_problem


def test_the_demo_studio_is_prepared_on_a_first_run(
    qtbot: Any, make_app: Any, tmp_path: Path
) -> None:
    pytest.importorskip("podyx_desktop.demo.load")
    path = tmp_path / "first-run" / "podyx.sqlite3"
    app = make_app(sqlite_url(path), demo_allowed=True)
    # The first run offers to create a studio, or the demo studio instead.
    qtbot.waitUntil(lambda: app.first_run is not None and app.first_run.isVisible(), timeout=WAIT)
    qtbot.mouseClick(app.first_run.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.sign_in.status.text() == "Preparing the demo studio…", timeout=WAIT)
    qtbot.waitUntil(lambda: app.sign_in.sign_in_button.isEnabled(), timeout=60_000)
    assert app.studio is not None and app.studio.is_demo
    assert app.sign_in.demo_box.isVisible()
    # the clients' logins and the staff's, each with their role
    from PySide6.QtWidgets import QLabel

    shown = [label.text() for label in app.sign_in.demo_box.findChildren(QLabel)]
    for email, role in (
        ("owner@podyx-demo.example", "Owner"),
        ("manager@podyx-demo.example", "Manager"),
        ("desk@podyx-demo.example", "Front desk"),
    ):
        assert any(email in text for text in shown), email
        assert any(text.endswith(f" · {role}") for text in shown), role
    from podyx_desktop.gui.launch import known_demo_logins

    assert [login.role for login in known_demo_logins()][-3:] == ["owner", "manager", "front desk"]


def test_keyboard_order_and_accessible_names(qtbot: Any, make_app: Any) -> None:
    app = make_app()
    wait_ready(qtbot, app)
    screen = app.sign_in
    expected = [
        screen.email,
        screen.password,
        screen.remember,
        screen.sign_in_button,
        screen.create_account_button,
        screen.visitor_button,
    ]
    assert focus_chain(screen.email, len(expected)) == expected
    for control in expected:
        assert control.accessibleName(), control
    QApplication.processEvents()


# --- the main window: shortcuts, busy indicator, remembered geometry and tab ----------------


def test_shortcuts_switch_tabs_refresh_and_book(
    qtbot: Any, make_app: Any, studio: GuiStudio
) -> None:
    from PySide6.QtWidgets import QDialog

    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    window.activateWindow()
    # the shortcuts come with the window's first frame
    qtbot.waitUntil(lambda: len(window.tab_actions) == window.tabs.count(), timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_tab() is window.account_tab
    with qtbot.waitSignal(window.context.bus.changed, timeout=WAIT) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert blocker.args == [Changes.all()]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = window.wizard
    assert isinstance(wizard, QDialog) and wizard.isVisible()
    wizard.reject()
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)


def test_busy_indicator_follows_slow_work(qtbot: Any, make_app: Any, studio: GuiStudio) -> None:
    import time as clock

    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    assert not window.busy_bar.isVisible()
    app.tasks.run(lambda _services: clock.sleep(0.5))
    qtbot.waitUntil(lambda: window.busy_bar.isVisible(), timeout=WAIT)
    assert window.busy_label.text() == "Working…"
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=WAIT)


def test_window_geometry_and_last_tab_are_restored(
    qtbot: Any, make_app: Any, studio: GuiStudio
) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password, remember=True)
    window = wait_main(qtbot, app)
    window.resize(700, 520)  # inside the offscreen screen (800 × 600)
    window.show_tab(2)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    window.close()
    app.shutdown()

    again = make_app()
    restored = wait_main(qtbot, again)
    assert restored.tabs.currentIndex() == 2
    assert (restored.width(), restored.height()) == (700, 520)
    assert again.sign_in.email.text() == studio.client_email  # the last email, kept


def run_app_with_spy(
    tmp_path: Path,
    spy: str,
    *,
    exit_after: str,
    database_url: str,
    early: bool = False,
    **env: str,
) -> Any:
    """Run ``podyx-desktop`` in a fresh interpreter until the bench marker ``exit_after``,
    with ``spy`` (the body of a ``spy(name)`` called at every marker, the app as ``desktop``
    once it has started); the finished process, its output captured. ``early``: with the
    early reads, forked first, as ``podyx_desktop.gui.start`` does."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    fork = (
        "from podyx_desktop.gui.early import start_early_reads\n"
        "from podyx_desktop.gui.start import _read_early\n"
        "early = start_early_reads(lambda: _read_early([]))\n"
        "assert early is not None\n"
        if early
        else "early = None\n"
    )
    probe = (
        fork + "import sys, podyx_desktop.gui.app as app\n"
        "marker, start, started = app.bench_marker, app.DesktopApp.start, []\n"
        "def spy(name):\n"
        "    desktop = started[0] if started else None  # before the app has started\n"
        + "".join(f"    {line}\n" for line in spy.splitlines())
        + "    marker(name)\n"
        "def remember(self):\n"
        "    started.append(self)\n"
        "    start(self)\n"
        "app.bench_marker, app.DesktopApp.start = spy, remember\n"
        "sys.exit(app.main(['podyx-desktop'], early=early))\n"
    )
    environment = dict(
        os.environ,
        PYTHONPATH=str(root),
        QT_QPA_PLATFORM="offscreen",
        PODYX_BENCH_MARKERS="1",
        PODYX_BENCH_EXIT_AFTER=exit_after,
        PODYX_DATABASE_URL=database_url,
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        **env,
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env=environment,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_the_first_window_paints_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    done = run_app_with_spy(
        tmp_path,
        "if name == 'first_paint':\n"
        "    print('SQLALCHEMY', 'sqlalchemy' in sys.modules, flush=True)",
        exit_after="first_paint",
        database_url=sqlite_url(tmp_path / "smoke.sqlite3"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    assert "SQLALCHEMY False" in done.stdout
    assert "PODYX_MARKER first_paint" in done.stdout


def test_a_remembered_sign_in_opens_the_window_filled_before_sqlalchemy_is_imported(
    tmp_path: Path, studio: GuiStudio, gui_services: Any
) -> None:
    """The whole start-up in a fresh interpreter: the main window shows the client's
    sessions while SQLAlchemy has not been imported yet; the first service call after it
    (the first session's details) loads it."""
    token = gui_services.accounts.sign_in(studio.client_email, studio.client_password).token
    done = run_app_with_spy(
        tmp_path,
        "if name == 'main_window_shown':\n"
        "    rows = desktop.main_window.bookings_tab.upcoming_model.rowCount()\n"
        "    requests = 'podyx_desktop.domain.requests' in sys.modules\n"
        "    print('SHOWN', 'sqlalchemy' in sys.modules, rows, requests, flush=True)",
        exit_after="bookings_populated",
        database_url=studio.url,
        PYTHON_KEYRING_BACKEND="bench.keyring_backend.BenchKeyring",
        PODYX_BENCH_TOKEN=token,
    )
    # nor the booking requests (the waitlist panel imports them when it books)
    assert "SHOWN False 1 False" in done.stdout, done.stdout + done.stderr[-2000:]
    assert "PODYX_MARKER bookings_populated" in done.stdout
    assert "PODYX_MARKER first_paint" in done.stdout  # this first run showed the sign-in

    # The next start knows a sign-in is remembered: the main window is the first window,
    # and the sign-in screen's module is not even imported.
    again = run_app_with_spy(
        tmp_path,
        "if name == 'main_window_shown':\n"
        "    rows = desktop.main_window.bookings_tab.upcoming_model.rowCount()\n"
        "    screen = 'podyx_desktop.views.start.sign_in' in sys.modules\n"
        "    more = 'podyx_desktop.domain.records_more' in sys.modules\n"
        "    print('AGAIN', 'sqlalchemy' in sys.modules, rows, screen, more, flush=True)",
        exit_after="bookings_populated",
        database_url=studio.url,
        PYTHON_KEYRING_BACKEND="bench.keyring_backend.BenchKeyring",
        PODYX_BENCH_TOKEN=token,
    )
    # nor the records the first window does not show (domain/records_more.py)
    assert "AGAIN False 1 False False" in again.stdout, again.stdout + again.stderr[-2000:]
    assert "PODYX_MARKER first_paint" not in again.stdout
    # the phases bench/startup.py reports, in the order they happen
    marks = [line.split()[1] for line in again.stdout.splitlines() if line.startswith("PODYX_")]
    assert marks == [
        "main_entered",
        "process_ready",
        "start_up_done",
        "main_window_built",
        "main_window_shown",
        "bookings_populated",
    ], marks


def test_book_without_an_account_opens_the_wizard_for_a_visitor(qtbot: Any, make_app: Any) -> None:
    from PySide6.QtWidgets import QDialog

    app = make_app()
    wait_ready(qtbot, app)
    qtbot.mouseClick(app.sign_in.visitor_button, Qt.MouseButton.LeftButton)
    wizard = app.sign_in.findChild(QDialog)
    assert wizard is not None and wizard.isVisible()
    assert wizard.ctx.user.account is None and wizard.ctx.user.principal.is_anonymous
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    wizard.reject()
    assert app.main_window is None


def test_an_error_without_a_handler_is_shown_in_words(qtbot: Any, make_app: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    app = make_app()
    wait_ready(qtbot, app)
    empty: dict[str, int] = {}
    app.tasks.run(lambda _services: empty["missing"])

    def box() -> QMessageBox | None:
        found = app.sign_in.findChild(QMessageBox)
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: box() is not None, timeout=WAIT)
    shown = box()
    assert shown is not None
    assert shown.text() == "Something went wrong: 'missing'. The details are in the log."
    shown.accept()


def test_a_failing_prefetch_leaves_the_tab_to_load_itself(
    gui_services: Any, client_session: Any, caplog: Any
) -> None:
    from dataclasses import replace

    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.gui.launch import Resumed, prefetch_first_tab, service_lists

    studio_info = gui_services.catalogue.studio(Principal.anonymous())
    lists = service_lists(gui_services)
    fine = Resumed(client_session, None, None)
    assert prefetch_first_tab(lists, studio_info, fine, 0) is not None
    # Another client's account under this client's principal: the service refuses …
    someone_else = replace(client_session.account, id=client_session.account.id + 999)
    refused = Resumed(replace(client_session, account=someone_else), None, None)
    # … and start-up carries on without the prefetch (the tab loads and reports by itself).
    assert prefetch_first_tab(lists, studio_info, refused, 0) is None
    assert "loads itself" in caplog.text
    # A window opening on another tab has nothing prefetched.
    assert prefetch_first_tab(lists, studio_info, fine, 2) is None
