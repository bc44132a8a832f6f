"""The desktop app's composition root: ``podyx-desktop`` / ``python main.py``.

Start-up order matters for how fast the window appears: this module imports only Qt and
small modules and paints the sign-in screen. Then, on the task worker, the configuration
is resolved and the start-up work of :mod:`podyx_desktop.gui.launch` runs: the quick start
(the main window opens filled before SQLAlchemy is imported), or, when the database needs
more first, the full path. :class:`DesktopApp` shows what it gives: the sign-in screen,
or the main window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot

from podyx_desktop.domain.message import shown  # a tiny module, no heavy imports
from podyx_desktop.gui import qt_imports  # noqa: F401  (before the others: makes them cheaper)
from podyx_desktop.gui.changes import ChangeBus, DatabaseWatcher
from podyx_desktop.gui.entry import BENCH_MARKERS, bench_marker, open_logs_soon, set_up_process
from podyx_desktop.gui.launch import (
    Configured,
    Prepared,
    Resumed,
    after_first_paint,
    known_demo_logins,
    load_demo_studio,
    pause_collector,
    prepare_database,
    prewarm,
    quick_open,
    resume_collector,
    resume_session,
    warm_up_sign_in,
    when_painted,
)
from podyx_desktop.gui.remote import StudioServerMixin
from podyx_desktop.gui.session_store import SessionStore
from podyx_desktop.gui.tasks import TaskRunner
from podyx_desktop.gui.translation import install_hooks, install_language
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.views.common.paint import FirstPaint
from podyx_desktop.views.start.demo_login import DemoLogin

if TYPE_CHECKING:
    from podyx_desktop.domain.records import SignedIn, StudioInfo
    from podyx_desktop.gui.early import EarlyReads
    from podyx_desktop.gui.remote import StudioLink
    from podyx_desktop.operations.setup import Created
    from podyx_desktop.services import Services
    from podyx_desktop.views.client.main_window import MainWindow
    from podyx_desktop.views.client.opening import Prefetched
    from podyx_desktop.views.common.context import ViewContext
    from podyx_desktop.views.staff.staff_window import StaffWindow
    from podyx_desktop.views.start.first_run import FirstRunWindow
    from podyx_desktop.views.start.sign_in import SignInScreen

# A remembered sign-in opens the main window without the sign-in screen first; if the
# window is not up this long after the start (a slow database or keyring), the sign-in
# screen shows that the studio is opening.
SIGN_IN_SHOWN_AFTER_MS = 400


class DesktopApp(StudioServerMixin, QObject):
    """Runs the window flow: sign in ⇄ main window, over one task runner and change bus."""

    def __init__(
        self,
        services_factory: Callable[[], Services],
        *,
        settings: UiSettings | None = None,
        demo_allowed: Callable[[Services], bool] | None = None,
        database_url: Callable[[], str] | None = None,
        switch_database: Callable[[str | None], None] | None = None,
        database_locked: Callable[[], bool] | None = None,
        quick_start: Callable[[int], Prepared | None] | None = None,
        studio_server: tuple[str, str] | None = None,
        copies: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``database_url``: the URL ``services_factory`` connects to (called on the
        worker); with it, start-up first tries :func:`quick_open` on it. Without it,
        start-up always takes the full path. ``switch_database(url)`` points both at
        another database (None: resolve the configuration again), for "Try again" and
        "Choose another database…" after a failed start; ``database_locked()`` says IT
        locked the database, so the second is not offered. ``quick_start(tab)``, when
        given, is the quick start instead of :func:`quick_open` on ``database_url()``
        (``Configured.quick_open``: with the early reads). ``studio_server``: the address
        and pinned certificate of a studio server (a client at home; see
        :mod:`podyx_desktop.gui.remote`), whose copies live in ``copies``."""
        super().__init__(parent)
        self.bus = ChangeBus(self)
        self._services_factory = services_factory
        self.link: StudioLink | None = None
        self._copies = copies
        self.tasks = TaskRunner(self._services, self)
        self.settings = settings or UiSettings()
        app = QCoreApplication.instance()
        assert app is not None
        # before the first window is built, so that every tr() reads translated
        self.language = install_language(app, self.settings.language)
        self._demo_allowed = demo_allowed or (lambda services: False)
        self._database_url = database_url
        self._switch_database = switch_database or (lambda url: None)
        self._database_locked = database_locked or (lambda: False)
        self._quick_start = quick_start
        self.watcher: DatabaseWatcher | None = None
        self.store: SessionStore | None = None
        self.studio: StudioInfo | None = None
        self.main_window: MainWindow | StaffWindow | None = None
        self._remembered = False
        self._shut_down = False
        self._demo_logins: tuple[DemoLogin, ...] = ()
        self._keyring_problem: str | None = None
        self._sign_in: SignInScreen | None = None  # built when first needed (see start)
        self.tasks.error_shown.connect(self._show_error)
        self._problem_connected = False
        self.first_run: FirstRunWindow | None = None
        # a studio server: linked once the first window has painted (its modules load on
        # the worker, see _open_database)
        self._pending_link = studio_server

    @property
    def sign_in(self) -> SignInScreen:
        """The sign-in screen, built on first use: a remembered sign-in may never need it."""
        if self._sign_in is None:
            from podyx_desktop.views.start.sign_in import SignInScreen

            screen = SignInScreen(self.tasks, self.bus)
            self._sign_in = screen
            screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            screen.email.setText(self.settings.last_email)
            screen.signed_in.connect(self._enter)
            screen.connect_requested.connect(self.connect_to_studio)
            screen.disconnect_requested.connect(self.disconnect_from_studio)
            self._link_sign_in()
            if self.studio is not None:
                screen.set_studio(self.studio, self._demo_logins)
            screen.set_keyring_problem(self._keyring_problem)
        return self._sign_in

    def _link_sign_in(self) -> None:
        """Show the studio server the window works through (if any) on the sign-in screen."""
        screen = self._sign_in
        if screen is None:
            return
        pending = self._pending_link
        screen.backend = self.link.backend if self.link is not None else None
        address = self.link.address if self.link is not None else None
        screen.set_studio_link(address or (pending[0] if pending is not None else None))

    def _show_sign_in(self, message: str | None = None) -> None:
        screen = self.sign_in
        if message:
            screen.show_message(message)
        if not screen.isVisible() and self.main_window is None and self.first_run is None:
            screen.resize(880, 680)
            screen.show()
            if self.settings.last_email:
                screen.password.setFocus()

    def _services(self) -> Services:
        link = self.link
        return link.services() if link is not None else self._services_factory()

    # the studio-server part (connect, disconnect, sign-out's copy) is StudioServerMixin's

    # --- start-up -------------------------------------------------------------------

    def start(self) -> None:
        """Show the sign-in screen; the database work starts after it has painted.

        When the last run remembered a sign-in (a hint in the window's settings; the token
        itself is in the keyring), the database work starts at once and the main window is
        the first to show; the sign-in screen only if that sign-in no longer works, or
        after :data:`SIGN_IN_SHOWN_AFTER_MS` if the window is not up by then.
        """
        if self.settings.sign_in_remembered:
            QTimer.singleShot(SIGN_IN_SHOWN_AFTER_MS, self, self._show_sign_in_while_opening)
            self._open_database()
            return
        FirstPaint(self.sign_in, self._after_first_paint)
        self._show_sign_in()

    def _after_first_paint(self) -> None:
        bench_marker("first_paint")
        self._open_database()

    def _show_sign_in_while_opening(self) -> None:
        if self._sign_in is None and self.main_window is None and self.first_run is None:
            self._show_sign_in()

    def _open_database(self) -> None:
        pending, self._pending_link = self._pending_link, None
        if pending is not None:
            from podyx_desktop.gui.remote import import_link_modules

            def linked(_none: None) -> None:
                self._link_to(*pending)
                self._open_database()

            self.tasks.run_plain(
                import_link_modules,
                on_success=linked,
                on_error=self._start_failed,
                owner=self,
            )
            return
        pause_collector()
        code = self.language.code  # the domain's words and sentences through Qt, on the worker
        self.tasks.run_plain(lambda: install_hooks(code))
        link, url_of = self.link, self._database_url
        if link is not None:
            from podyx_desktop.gui.remote import open_copy

            tab = self.settings.last_tab
            self.tasks.run_plain(
                lambda: open_copy(link, tab),
                on_success=self._prepared,
                on_error=self._start_failed,
                owner=self,
            )
            return
        if url_of is None:
            self._prepare()
            return
        tab = self.settings.last_tab
        quick_start = self._quick_start or (lambda tab: quick_open(url_of(), tab))
        self.tasks.run_plain(
            lambda: quick_start(tab),
            on_success=self._opened_quickly,
            on_error=self._start_failed,
            owner=self,
        )

    def _opened_quickly(self, prepared: Prepared | None) -> None:
        if prepared is None:  # the database needs the full path first
            self._prepare()
        else:
            self._prepared(prepared)

    def _prepare(self) -> None:
        allowed = self._demo_allowed
        tab = self.settings.last_tab
        self.tasks.run(
            lambda services: prepare_database(services, allowed, tab),
            on_success=self._prepared,
            on_error=self._start_failed,
            owner=self,
        )

    def _prepared(self, prepared: Prepared) -> None:
        bench_marker("start_up_done")  # the start-up task's result, on the GUI thread
        resume_collector()
        self.store = prepared.store
        watcher = None
        if self.watcher is None and self.link is None:  # a studio server's feed: the link's
            watcher = self.watcher = DatabaseWatcher(
                prepared.database_url, self.bus, self, since=prepared.log_position
            )
        self._open_prepared(prepared)
        if watcher is not None:  # once the window just shown has painted (see gui.changes)
            when_painted(self.main_window or self.first_run or self._sign_in, watcher.start)

    def _open_prepared(self, prepared: Prepared) -> None:
        if prepared.studio is None:
            where = prepared.database_url.split("@")[-1].removeprefix("sqlite:///")
            if not prepared.database_url.startswith("sqlite"):
                self._start_failed(
                    self.tr(
                        "The database at {where} has no studio yet. On a shared database the "
                        "studio's IT creates it with “podyx-admin studio apply FILE.toml”; or "
                        "choose another database."
                    ).format(where=where)
                )
                return
            self._show_first_run(where, prepared.demo_allowed)
            return
        self._studio_ready(prepared.studio, prepared.resumed)

    def _show_first_run(self, where: str, demo_offered: bool) -> None:
        """An empty local database: "Create your studio" (and, on the app's own database,
        the demo studio instead)."""
        from podyx_desktop.views.start.first_run import FirstRunWindow

        window = FirstRunWindow(self.tasks, self.bus, where=where, demo_offered=demo_offered)
        window.created.connect(self._studio_created)
        window.demo_requested.connect(self._load_demo)
        self.first_run = window
        window.show()
        if self._sign_in is not None:
            self._sign_in.hide()

    def _close_first_run(self) -> None:
        if self.first_run is not None:
            self.first_run.close()
            self.first_run.deleteLater()
            self.first_run = None

    @Slot()
    def _load_demo(self) -> None:
        self._close_first_run()
        self._show_sign_in()
        self.sign_in.set_status(self.tr("Preparing the demo studio…"))
        tab = self.settings.last_tab
        self.tasks.run(
            lambda services: load_demo_studio(services, tab),
            on_success=self._demo_loaded,
            on_error=self._start_failed,
            owner=self.sign_in,
        )

    @Slot(object)
    def _studio_created(self, created: Created) -> None:
        """The first run made the studio and its owner: the staff window, with the
        checklist of what to set up next."""
        self._close_first_run()
        self.studio = created.studio
        if self._sign_in is not None:
            self._sign_in.set_studio(created.studio)
        self.settings.last_email = created.signed_in.account.email
        self._show_main(created.signed_in)
        window = self.main_window
        if window is not None and hasattr(window, "show_checklist"):
            window.show_checklist()

    def _demo_loaded(self, loaded: tuple[StudioInfo, tuple[DemoLogin, ...]]) -> None:
        studio, logins = loaded
        self._demo_logins = logins
        self._studio_ready(studio)

    def _studio_ready(self, studio: StudioInfo, resumed: Resumed | None = None) -> None:
        self.studio = studio
        if studio.is_demo and not self._demo_logins:
            self._demo_logins = known_demo_logins()
        if self._sign_in is not None:
            self._sign_in.set_studio(studio, self._demo_logins)
        if resumed is not None:
            self._resumed(resumed)
            return
        store = self.store
        assert store is not None
        self.tasks.run(
            lambda services: resume_session(services.accounts.resume, store),
            on_success=self._resumed,
            on_error=self._show_sign_in,
            owner=self,
        )

    def _resumed(self, resumed: Resumed) -> None:
        self._keyring_problem = resumed.keyring_problem
        if self._sign_in is not None:
            self._sign_in.set_keyring_problem(resumed.keyring_problem)
        self.settings.sign_in_remembered = resumed.signed_in is not None
        if resumed.signed_in is not None:
            self._remembered = True
            if self.link is not None:
                self.link.connection.resume(resumed.signed_in.account.id, resumed.signed_in.token)
            self._show_main(resumed.signed_in, resumed.prefetched)
            return
        self._show_sign_in(shown(resumed.expired_message) if resumed.expired_message else None)
        # Someone will sign in by hand: load the services while they type (after a quick
        # start, SQLAlchemy has not been imported yet), not after they press the button.
        self.tasks.run(warm_up_sign_in, owner=self)

    def _start_failed(self, message: str) -> None:
        resume_collector()
        self._show_sign_in()
        self.sign_in.problem_page.set_database_locked(self._database_locked())
        self.sign_in.show_problem(message)
        if not self._problem_connected:
            self._problem_connected = True
            page = self.sign_in.problem_page
            page.retry_requested.connect(self.retry_start)
            page.choose_requested.connect(self.choose_database)

    @Slot()
    def retry_start(self, url: str | None = None) -> None:
        """Open the database again (``url``: another one the person chose) from scratch:
        the configuration is resolved anew and the services are rebuilt."""
        if self.main_window is not None:
            return
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self._switch_database(url)
        self.tasks.forget_services()
        self.sign_in.problem_page.set_working()
        self.sign_in.studio_name.setText(self.tr("Opening the studio…"))
        self._open_database()

    @Slot()
    def choose_database(self) -> None:
        """A native file dialog for another Podyx database file; remembered in the user's
        settings, and opened at once."""
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self.sign_in,
            self.tr("Choose a Podyx database"),
            "",
            self.tr("Podyx databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.use_database_file(path)

    def use_database_file(self, path: str) -> None:
        from podyx_desktop.db.urls import sqlite_url

        url = sqlite_url(Path(path))
        self.settings.database_url = url
        self.settings.sync()
        self.retry_start(url)

    # --- signing in and out ---------------------------------------------------------

    @Slot(object, bool)
    def _enter(self, signed_in: SignedIn, remember: bool) -> None:
        link = self.link
        if link is not None and link.connection.client_id != signed_in.account.id:
            # a client at home: their copy is made and filled before the window opens
            self.sign_in.set_status(self.tr("Getting your bookings from the studio…"))
            account, token = signed_in.account, signed_in.token
            self.tasks.run_plain(
                lambda: link.connection.open_for(account.id, token),
                on_success=lambda _changes: self._enter(signed_in, remember),
                on_error=self.sign_in.show_message,
                owner=self.sign_in,
            )
            return
        self.sign_in.set_status("")
        self.settings.last_email = signed_in.account.email
        self.settings.sign_in_remembered = remember
        self._remembered = remember
        store = self.store
        if store is not None:
            token = signed_in.token

            def keep(_services: Services) -> str | None:
                if remember:
                    store.save(token)
                else:
                    store.clear()
                return store.take_problem_report() if remember else None

            self.tasks.run(keep, on_success=self._keyring_report, owner=self)
        self._show_main(signed_in)

    def _keyring_report(self, problem: str | None) -> None:
        if problem is None:
            return
        self._keyring_problem = problem
        self.settings.sign_in_remembered = False
        self.sign_in.set_keyring_problem(problem)
        if self.main_window is not None:
            self.main_window.statusBar().showMessage(problem, 15_000)

    def _show_main(self, signed_in: SignedIn, prefetched: Prefetched | None = None) -> None:
        """The window for who signed in: the client's window, or the staff window."""
        from podyx_desktop.views.common.context import UserSession, ViewContext

        assert self.studio is not None
        user = UserSession(signed_in.principal, signed_in.account, self.studio, signed_in.token)
        link = self.link
        ctx = ViewContext(self.tasks, self.bus, user)
        if link is not None:  # a client at home: through the studio server, and its copy
            ctx.backend, ctx.connection = link.backend, link.connection
            link.connection.start()
        if signed_in.principal.is_staff:
            self._show_window(self._staff_window(ctx))
            return
        from podyx_desktop.views.client.main_window import MainWindow

        window = MainWindow(ctx, self.settings, prefetched=prefetched)
        self._show_window(window)
        # after a sign-in by hand they were imported while the person typed
        after_first_paint(window, lambda: prewarm(self.tasks, self))
        if os.environ.get(BENCH_MARKERS) == "1":
            from podyx_desktop.gui.bench_hooks import watch

            watch(window, bench_marker)

    def _staff_window(self, ctx: ViewContext) -> StaffWindow:
        from podyx_desktop.views.staff.staff_window import StaffWindow

        return StaffWindow(ctx, self.settings)

    def _show_window(self, window: MainWindow | StaffWindow) -> None:
        bench_marker("main_window_built")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.log_out_requested.connect(self.log_out)
        window.session_replaced.connect(self._session_replaced)
        self.main_window = window
        window.show()
        if self._sign_in is not None:
            self._sign_in.hide()
        bench_marker("main_window_shown")

    @Slot(object)
    def _session_replaced(self, signed_in: SignedIn) -> None:
        """A password change revoked the old token; remember the fresh one instead."""
        store = self.store
        if store is None or not self._remembered:
            return
        token = signed_in.token
        self.tasks.run(lambda _services: store.save(token), owner=self)

    @Slot()
    def log_out(self) -> None:
        """Revoke the session, forget it in the keyring, and go back to the sign-in screen."""
        window = self.main_window
        if window is None:
            return
        context = window.context
        user = context.user
        store = self.store
        from podyx_desktop.operations.accounts import sign_out

        op = sign_out(context, user.principal, user.token)
        link = self.link
        if link is not None:  # a client at home: the copy goes too, reached or not
            op = op.success(lambda _changes: self._forget_copy(link))
            op.failure(lambda _message: self._forget_copy(link))
        op.run(self)
        if store is not None:
            self.tasks.run(lambda _services: store.clear())
        self.main_window = None
        self._remembered = False
        self.settings.sign_in_remembered = False
        window.save_state()
        self.sign_in.reset()
        self._show_sign_in()
        window.close()

    @Slot(str)
    def _show_error(self, message: str) -> None:
        from podyx_desktop.views.common.widgets import error_box

        parent = self.main_window if self.main_window is not None else self.sign_in
        error_box(parent, message)

    # --- the end --------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the watcher and the worker; close the windows. Safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        resume_collector()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.link is not None:
            self.link.shutdown()
        if self.main_window is not None:
            self.main_window.save_state()
            self.main_window.close()
            self.main_window = None
        self._close_first_run()
        self.tasks.shutdown()
        if self._sign_in is not None:
            self._sign_in.close()
            self._sign_in.deleteLater()
        self.language.uninstall()


# --- the entry point --------------------------------------------------------------------


def main(argv: Sequence[str] | None = None, early: EarlyReads | None = None) -> int:
    """Run the desktop app; returns the process exit code. ``early``: the start-up reads
    :mod:`podyx_desktop.gui.start` began in a second process."""
    bench_marker("main_entered")  # the interpreter, PySide6 and this module are loaded
    app, flags = set_up_process(list(sys.argv if argv is None else argv))
    configured = Configured(flags, early)
    settings = UiSettings()
    server = settings.studio_server
    if server:  # a client at home opens a copy of their own: the early reads are not used
        configured.close_early()
    desktop = DesktopApp(
        configured.services,
        settings=settings,
        studio_server=(server, settings.studio_server_pin) if server else None,
        demo_allowed=configured.demo_allowed,
        database_url=configured.database_url,
        switch_database=configured.switch_to,
        database_locked=configured.database_locked,
        quick_start=configured.quick_open,
    )
    app.aboutToQuit.connect(desktop.shutdown)
    app.aboutToQuit.connect(configured.close_early)
    open_logs_soon(app, desktop.tasks.run_plain)
    desktop.start()
    bench_marker("process_ready")  # the application object, style sheet and worker
    return int(app.exec())
