"""The desktop app's composition root: ``podyx-desktop`` / ``python main.py``.

Start-up order matters for how fast the window appears: this module imports only Qt and
small modules and paints the sign-in screen. Then, on the task worker, the configuration
is resolved and :func:`quick_open` reads the studio, the remembered sign-in and the first
tab's bookings with the database's own driver, so the main window opens filled before
SQLAlchemy is imported (it loads with the first service call after that). When the
database needs more first — it does not exist yet, its schema is older than this app, it
has no studio — :func:`prepare_database` takes the full path: it imports SQLAlchemy and
the services, upgrades the schema, loads the demo studio on a first run of the embedded
database, and tries the remembered sign-in.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from podyx_desktop import qt_imports  # noqa: F401  (before the others: makes them cheaper)
from podyx_desktop.changes import ChangeBus, DatabaseWatcher
from podyx_desktop.session_store import SessionStore
from podyx_desktop.tasks import TaskRunner
from podyx_desktop.ui_settings import UiSettings
from podyx_desktop.views.paint import FirstPaint
from podyx_desktop.views.sign_in import DemoLogin, SignInScreen

if TYPE_CHECKING:
    from podyx_desktop.config import ResolvedConfig
    from podyx_desktop.domain.records import SignedIn, StudioInfo
    from podyx_desktop.services import Services
    from podyx_desktop.views.bookings_lists import ListReader
    from podyx_desktop.views.main_window import MainWindow
    from podyx_desktop.views.opening import Prefetched

log = logging.getLogger(__name__)

ORGANIZATION = "Podyx"
APPLICATION = "Podyx Desktop"
BENCH_MARKERS = "PODYX_BENCH_MARKERS"
BENCH_EXIT_AFTER = "PODYX_BENCH_EXIT_AFTER"
BENCH_LAG_MS = "PODYX_BENCH_LAG_MS"
PREWARM_LATER_MS = 1500  # after the window shows: its first tab has loaded and painted
STYLESHEET = Path(__file__).resolve().parent.parent / "resources" / "styles" / "app.qss"


def bench_marker(name: str) -> None:
    """Print ``PODYX_MARKER <name> <wall clock>`` for bench/startup.py, when asked to.

    ``PODYX_BENCH_EXIT_AFTER=<name>`` also quits the app right after that marker.
    """
    if os.environ.get(BENCH_MARKERS) != "1":
        return
    print(f"PODYX_MARKER {name} {time.time():.6f}", flush=True)
    if os.environ.get(BENCH_EXIT_AFTER) == name:
        QTimer.singleShot(0, QCoreApplication.quit)


class _LagAfterShowing(QObject):
    """Bench only (``PODYX_BENCH_LAG_MS=<ms>``): for that long after the main window shows
    (while, after a quick start, the worker imports SQLAlchemy), the longest gap between
    the ticks of a 10 ms timer on the GUI thread: ``PODYX_LAG <ms>``, then the marker
    ``lag_measured``."""

    def __init__(self, window: QObject, duration_ms: int) -> None:
        super().__init__(window)
        self._last = time.perf_counter()
        self._longest = 0.0
        self._ticks = QTimer(self)
        self._ticks.setInterval(10)
        self._ticks.timeout.connect(self._tick)
        self._ticks.start()
        QTimer.singleShot(duration_ms, self, self._report)

    def _tick(self) -> None:
        now = time.perf_counter()
        self._longest = max(self._longest, now - self._last)
        self._last = now

    def _report(self) -> None:
        self._ticks.stop()
        print(f"PODYX_LAG {self._longest * 1000:.1f}", flush=True)
        bench_marker("lag_measured")


class _BookingsPainted(QObject):
    """Bench only: marks the first paint of the Bookings list once it has rows."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        tab = window.bookings_tab
        self._model = tab.upcoming_model
        self._viewport = tab.upcoming_view.viewport()
        self._viewport.installEventFilter(self)
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint and self._model.rowCount() > 0:
            self._done = True
            QTimer.singleShot(0, lambda: bench_marker("bookings_populated"))
        return False


@dataclass(frozen=True)
class Resumed:
    """What the remembered sign-in gave: a session, or why not; and, at start-up, the
    first load of the tab the main window opens on (see ``views.opening.prefetch``)."""

    signed_in: SignedIn | None
    keyring_problem: str | None
    expired_message: str | None
    prefetched: Prefetched | None = None


@dataclass(frozen=True)
class Prepared:
    """What the start-up task found: the studio (None: no studio yet), the database, and
    the remembered session (tried at once when there is a studio, to save a round trip)."""

    studio: StudioInfo | None
    database_url: str
    demo_allowed: bool
    store: SessionStore
    resumed: Resumed | None


class DesktopApp(QObject):
    """Runs the window flow: sign in ⇄ main window, over one task runner and change bus."""

    def __init__(
        self,
        services_factory: Callable[[], Services],
        *,
        settings: UiSettings | None = None,
        demo_allowed: Callable[[Services], bool] | None = None,
        database_url: Callable[[], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``database_url``: the URL ``services_factory`` connects to (called on the
        worker); with it, start-up first tries :func:`quick_open` on it. Without it,
        start-up always takes the full path."""
        super().__init__(parent)
        self.bus = ChangeBus(self)
        self.tasks = TaskRunner(services_factory, self)
        self.settings = settings or UiSettings()
        self._demo_allowed = demo_allowed or (lambda services: False)
        self._database_url = database_url
        self.watcher: DatabaseWatcher | None = None
        self.store: SessionStore | None = None
        self.studio: StudioInfo | None = None
        self.main_window: MainWindow | None = None
        self._remembered = False
        self._shut_down = False
        self._demo_logins: tuple[DemoLogin, ...] = ()
        self.sign_in = SignInScreen(self.tasks, self.bus)
        self.sign_in.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.sign_in.email.setText(self.settings.last_email)
        self.sign_in.signed_in.connect(self._enter)
        self.tasks.error_shown.connect(self._show_error)

    # --- start-up -------------------------------------------------------------------

    def start(self) -> None:
        """Show the sign-in screen; the database work starts after it has painted."""
        self.sign_in.resize(880, 680)
        FirstPaint(self.sign_in, self._after_first_paint)
        self.sign_in.show()
        if self.settings.last_email:
            self.sign_in.password.setFocus()

    def _after_first_paint(self) -> None:
        bench_marker("first_paint")
        pause_collector()
        url_of = self._database_url
        if url_of is None:
            self._prepare()
            return
        tab = self.settings.last_tab
        self.tasks.run_plain(
            lambda: quick_open(url_of(), tab),
            on_success=self._opened_quickly,
            on_error=self._start_failed,
            owner=self.sign_in,
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
            owner=self.sign_in,
        )

    def _prepared(self, prepared: Prepared) -> None:
        resume_collector()
        self.store = prepared.store
        if self.watcher is None:
            self.watcher = DatabaseWatcher(prepared.database_url, self.bus, self)
            self.watcher.start()
        if prepared.studio is None:
            if not prepared.demo_allowed:
                self._start_failed(
                    self.tr(
                        "This database has no studio yet. Ask the studio's IT to set it up "
                        "with podyx-admin."
                    )
                )
                return
            self.sign_in.set_status(self.tr("Preparing the demo studio…"))
            tab = self.settings.last_tab
            self.tasks.run(
                lambda services: load_demo_studio(services, tab),
                on_success=self._demo_loaded,
                on_error=self._start_failed,
                owner=self.sign_in,
            )
            return
        self._studio_ready(prepared.studio, prepared.resumed)

    def _demo_loaded(self, loaded: tuple[StudioInfo, tuple[DemoLogin, ...]]) -> None:
        studio, logins = loaded
        self._demo_logins = logins
        self._studio_ready(studio)

    def _studio_ready(self, studio: StudioInfo, resumed: Resumed | None = None) -> None:
        self.studio = studio
        if studio.is_demo and not self._demo_logins:
            self._demo_logins = known_demo_logins()
        self.sign_in.set_studio(studio, self._demo_logins)
        if resumed is not None:
            self._resumed(resumed)
            return
        store = self.store
        assert store is not None
        self.tasks.run(
            lambda services: resume_session(services.accounts.resume, store),
            on_success=self._resumed,
            on_error=self.sign_in.show_message,
            owner=self.sign_in,
        )

    def _resumed(self, resumed: Resumed) -> None:
        self.sign_in.set_keyring_problem(resumed.keyring_problem)
        if resumed.expired_message:
            self.sign_in.show_message(resumed.expired_message)
        if resumed.signed_in is not None:
            self._remembered = True
            self._show_main(resumed.signed_in, resumed.prefetched)
            return
        # Someone will sign in by hand: load the services while they type (after a quick
        # start, SQLAlchemy has not been imported yet), not after they press the button.
        self.tasks.run(warm_up_sign_in, owner=self)

    def _start_failed(self, message: str) -> None:
        resume_collector()
        self.sign_in.studio_name.setText(self.tr("Podyx"))
        self.sign_in.set_status(message, error=True)
        self.sign_in.set_ready(False)

    # --- signing in and out ---------------------------------------------------------

    def _enter(self, signed_in: SignedIn, remember: bool) -> None:
        self.settings.last_email = signed_in.account.email
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
        self.sign_in.set_keyring_problem(problem)
        if self.main_window is not None:
            self.main_window.statusBar().showMessage(problem, 15_000)

    def _show_main(self, signed_in: SignedIn, prefetched: Prefetched | None = None) -> None:
        from podyx_desktop.views.context import UserSession, ViewContext
        from podyx_desktop.views.main_window import MainWindow

        assert self.studio is not None
        user = UserSession(signed_in.principal, signed_in.account, self.studio, signed_in.token)
        ctx = ViewContext(self.tasks, self.bus, user)
        window = MainWindow(ctx, self.settings, prefetched=prefetched)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.log_out_requested.connect(self.log_out)
        window.session_replaced.connect(self._session_replaced)
        self.main_window = window
        window.show()
        self.sign_in.hide()
        bench_marker("main_window_shown")
        # The other tabs' and the dialogs' modules, on the worker once the first tab has
        # had its turn, so opening them later does not stall the GUI thread on imports.
        QTimer.singleShot(
            PREWARM_LATER_MS, window, lambda: self.tasks.run(prewarm_later_views, owner=self)
        )
        if os.environ.get(BENCH_MARKERS) == "1":
            _BookingsPainted(window)
            lag_ms = os.environ.get(BENCH_LAG_MS)
            if lag_ms:
                _LagAfterShowing(window, int(lag_ms))

    def _session_replaced(self, signed_in: SignedIn) -> None:
        """A password change revoked the old token; remember the fresh one instead."""
        store = self.store
        if store is None or not self._remembered:
            return
        token = signed_in.token
        self.tasks.run(lambda _services: store.save(token), owner=self)

    def log_out(self) -> None:
        """Revoke the session, forget it in the keyring, and go back to the sign-in screen."""
        window = self.main_window
        if window is None:
            return
        user = window.context.user
        store = self.store

        def sign_out(services: Services) -> None:
            services.accounts.sign_out(user.principal, user.token)
            if store is not None:
                store.clear()

        self.tasks.run(sign_out)
        self.main_window = None
        self._remembered = False
        window.save_state()
        self.sign_in.reset()
        self.sign_in.show()
        window.close()

    def _show_error(self, message: str) -> None:
        from podyx_desktop.views.widgets import error_box

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
        if self.main_window is not None:
            self.main_window.save_state()
            self.main_window.close()
            self.main_window = None
        self.tasks.shutdown()
        self.sign_in.close()
        self.sign_in.deleteLater()


# --- work done on the task worker -----------------------------------------------------


def prepare_database(
    services: Services, demo_allowed: Callable[[Services], bool], tab: int = 0
) -> Prepared:
    """Upgrade the schema if needed and read the studio (None when there is none yet)."""
    from podyx_desktop.db import tables as t
    from podyx_desktop.db.migrate import upgrade_to_head
    from podyx_desktop.domain.principal import Principal

    db = services.db
    upgrade_to_head(db)  # creates a new database; a no-op when the schema is current
    with db.read() as session:
        has_studio = session.get(t.Studio, 1) is not None
    studio = services.catalogue.studio(Principal.anonymous()) if has_studio else None
    url = db.url.render_as_string(hide_password=False)
    store = SessionStore(url)
    if studio is None:
        return Prepared(None, url, demo_allowed(services), store, None)
    from podyx_desktop.views.bookings_lists import service_lists

    prewarm_views(studio, tab)
    freeze_startup_objects()  # before the session's records: those may be garbage soon
    resumed = resume_session(services.accounts.resume, store)
    if resumed.signed_in is not None:
        prefetched = prefetch_first_tab(service_lists(services), studio, resumed, tab)
        resumed = replace(resumed, prefetched=prefetched)
    return Prepared(studio, url, False, store, resumed)


def quick_open(database_url: str, tab: int = 0) -> Prepared | None:
    """The start-up task's quick way, before SQLAlchemy is imported: the studio, the
    remembered sign-in and the first tab's bookings, read with the database's own driver
    (:mod:`podyx_desktop.services.startup`). None when the database needs the full path
    first (:func:`prepare_database`): it does not exist yet, its schema is not this app's
    newest, or it has no studio."""
    from podyx_desktop.db.direct import open_reader
    from podyx_desktop.services.startup import StartupReads

    with open_reader(database_url) as reader:
        if reader is None:
            return None
        reads = StartupReads(reader, datetime.now(UTC))
        studio = reads.studio()
        if studio is None:
            return None
        prewarm_views(studio, tab)
        freeze_startup_objects()  # as in prepare_database
        store = SessionStore(database_url)
        resumed = resume_session(reads.resume, store)
        if resumed.signed_in is not None:
            prefetched = prefetch_first_tab(reads.bookings, studio, resumed, tab)
            resumed = replace(resumed, prefetched=prefetched)
    return Prepared(studio, database_url, False, store, resumed)


def prefetch_first_tab(
    bookings: ListReader, studio: StudioInfo, resumed: Resumed, tab: int
) -> Prefetched | None:
    """The first load of the tab the main window will open on, here in the start-up task
    (it saves the window a round trip to the worker). If it fails, the tab loads itself
    and reports the problem as it would on any load."""
    from podyx_desktop.views.context import UserSession
    from podyx_desktop.views.opening import prefetch

    signed_in = resumed.signed_in
    assert signed_in is not None
    user = UserSession(signed_in.principal, signed_in.account, studio, signed_in.token)
    try:
        return prefetch(bookings, user, tab)
    except Exception:
        log.warning("Could not load the first tab at start-up; it loads itself", exc_info=True)
        return None


def prewarm_views(studio: StudioInfo | None, tab: int = 0) -> None:
    """Import the main window's module and the module of the tab it opens on (and the
    locale data they format with) here on the worker, so signing in does not stall the
    GUI thread with imports."""
    import importlib

    from podyx_desktop.views.opening import first_modules

    for name in first_modules(tab):
        importlib.import_module(name)
    if studio is not None:
        from podyx_desktop.views.formatting import money_text

        money_text(0, studio.currency, studio.locale)


def warm_up_sign_in(services: Services) -> None:
    """Build what signing in by hand needs (a task: the worker builds the services first)."""
    services.accounts  # noqa: B018  (imports the accounts service and its password hasher)


def prewarm_later_views(_services: Services) -> None:
    """Import the modules of the other tabs and of the dialogs (a task, on the worker)."""
    import importlib

    from podyx_desktop.views.opening import LATER_MODULES

    for name in LATER_MODULES:
        importlib.import_module(name)


def pause_collector() -> None:
    """Switch the cyclic garbage collector off while start-up imports SQLAlchemy, the
    services and the views: those imports allocate hundreds of thousands of long-lived
    objects, and the collections they would trigger (~70 ms in all) find no garbage.
    :func:`freeze_startup_objects` switches it back on, as does the GUI thread once the
    start-up task has ended either way (:func:`resume_collector`)."""
    import gc

    gc.disable()


def resume_collector() -> None:
    import gc

    gc.enable()


def freeze_startup_objects() -> None:
    """Hide what start-up made (modules, SQLAlchemy's mappers, babel's locale data: over
    100,000 objects) from the garbage collector, and switch it back on. A full collection
    would otherwise scan them all while holding the GIL, stalling the GUI thread for tens
    of milliseconds at a random moment; frozen, they are never scanned again (they live
    as long as the app)."""
    import gc

    gc.freeze()
    gc.enable()


def load_demo_studio(services: Services, tab: int = 0) -> tuple[StudioInfo, tuple[DemoLogin, ...]]:
    from podyx_desktop.demo import load_demo
    from podyx_desktop.domain.principal import Principal

    logins = demo_logins_of(load_demo(services))
    studio = services.catalogue.studio(Principal.anonymous())
    prewarm_views(studio, tab)
    freeze_startup_objects()
    return studio, logins


DEMO_LOGINS_SHOWN = 3


def demo_logins_of(logins: Any) -> tuple[DemoLogin, ...]:
    """A few client logins of the demo studio, as the sign-in screen lists them."""
    clients = [login for login in logins.logins if login.role == "client"]
    return tuple(
        DemoLogin(login.name, login.email, login.password) for login in clients[:DEMO_LOGINS_SHOWN]
    )


def known_demo_logins() -> tuple[DemoLogin, ...]:
    """The demo studio's client logins when it was loaded on an earlier run."""
    try:
        from podyx_desktop import demo_data
    except ImportError:
        return ()
    return tuple(
        DemoLogin(person.name, person.email, demo_data.DEMO_PASSWORD)
        for person in demo_data.CLIENTS[:DEMO_LOGINS_SHOWN]
    )


def resume_session(resume: Callable[[str], SignedIn], store: SessionStore) -> Resumed:
    """Sign in with the remembered token, if the keyring holds one that is still valid
    (``resume``: the accounts service's, or the start-up reads')."""
    from podyx_desktop.domain.errors import SessionExpired

    token = store.load()
    problem = store.problem
    if token is None:
        return Resumed(None, problem, None)
    try:
        return Resumed(resume(token), problem, None)
    except SessionExpired as expired:
        store.clear()
        return Resumed(None, problem, expired.message)


# --- the entry point --------------------------------------------------------------------


@dataclass(frozen=True)
class Flags:
    """The command line: ``--database URL`` and ``--log-level LEVEL`` (Qt's own flags pass)."""

    database: str | None = None
    log_level: str | None = None


def parse_args(argv: Sequence[str]) -> Flags:
    import argparse

    parser = argparse.ArgumentParser(prog="podyx-desktop", description=APPLICATION)
    parser.add_argument("--database", metavar="URL", help="the database to open")
    parser.add_argument("--log-level", metavar="LEVEL", help="DEBUG, INFO, WARNING or ERROR")
    known, _qt_args = parser.parse_known_args(list(argv))
    return Flags(known.database, known.log_level)


class Configured:
    """The configuration, resolved on the worker the first time it is needed (a
    ConfigError's message then shows on the sign-in screen like any other start-up
    problem), and what the app builds from it: the database URL the quick start-up reads,
    and the services."""

    def __init__(self, flags: Flags) -> None:
        self._flags = flags
        self._config: ResolvedConfig | None = None
        self._url: str | None = None

    def database_url(self) -> str:
        """The database to open, with its password from the keyring when one is kept."""
        if self._url is None:
            from podyx_desktop.config import password_from_keyring, resolve, with_password

            flags = self._flags
            config = resolve({"database_url": flags.database, "log_level": flags.log_level})
            self._config = config
            logging.getLogger().setLevel(config.log_level.value)
            for warning in config.warnings:
                log.warning("%s", warning)
            url = config.database_url.value
            password = password_from_keyring(url)
            self._url = with_password(url, password) if password else url
        return self._url

    def services(self) -> Services:
        """The services over the database (the first task that needs them builds them).

        After a quick start this is where SQLAlchemy, the ORM and the booking services
        load, while the main window is already up; the collector is paused meanwhile and
        what they made is frozen after, as at start-up (see ``freeze_startup_objects``).
        """
        import gc

        collecting = gc.isenabled()
        gc.disable()
        try:
            from sqlalchemy.orm import configure_mappers

            from podyx_desktop.db.engine import Database
            from podyx_desktop.services import Services

            services = Services(Database(self.database_url()))
            services.bookings  # noqa: B018  (imports the ORM and the services the tabs use first)
            configure_mappers()
            gc.freeze()
        finally:
            if collecting:
                gc.enable()
        return services

    def demo_allowed(self, _services: Services) -> bool:
        """Whether the database is the default embedded one, where a first run loads the
        demo studio."""
        config = self._config
        return config is not None and config.database_url.source == "default"


def load_stylesheet(app: QApplication) -> None:
    if STYLESHEET.exists():
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; returns the process exit code."""
    args = list(sys.argv if argv is None else argv)
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(args)
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APPLICATION)
    load_stylesheet(app)
    flags = parse_args(args[1:]) if len(args) > 1 else Flags()  # argparse only when needed
    configured = Configured(flags)
    desktop = DesktopApp(
        configured.services,
        demo_allowed=configured.demo_allowed,
        database_url=configured.database_url,
    )
    app.aboutToQuit.connect(desktop.shutdown)
    desktop.start()
    return int(app.exec())
