"""The desktop app's start-up work on the task worker, and the configuration it runs on.

:func:`quick_open` reads the studio, the remembered sign-in and the first tab's bookings
with the database's own driver, so the main window opens filled before SQLAlchemy is
imported (it loads with the first service call after that, :meth:`Configured.services`).
When the database needs more first — it does not exist yet, its schema is older than
this app, it has no studio — :func:`prepare_database` takes the full path: it imports
SQLAlchemy and the services, upgrades the schema, and tries the remembered sign-in;
:func:`load_demo_studio` loads the demo studio on a first run of the embedded database.
:class:`~podyx_desktop.gui.app.DesktopApp` runs these as tasks and shows what they give.

Importing this module is cheap: what the functions need, they import when they run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from podyx_desktop.gui.session_store import SessionStore
from podyx_desktop.views.start.demo_login import DemoLogin

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import Booking, SignedIn, StudioInfo
    from podyx_desktop.gui.early import EarlyReads
    from podyx_desktop.gui.tasks import TaskRunner
    from podyx_desktop.services import Services
    from podyx_desktop.views.client.opening import Prefetched
    from podyx_desktop.views.profile.bookings_lists import ListReader

log = logging.getLogger(__name__)


class Resumed(NamedTuple):
    """What the remembered sign-in gave: a session, or why not; and, at start-up, the
    first load of the tab the main window opens on (see ``views.opening.prefetch``)."""

    signed_in: SignedIn | None
    keyring_problem: str | None
    expired_message: str | None
    prefetched: Prefetched | None = None


class Prepared(NamedTuple):
    """What the start-up task found: the studio (None: no studio yet), the database, and
    the remembered session (tried at once when there is a studio, to save a round trip)."""

    studio: StudioInfo | None
    database_url: str
    demo_allowed: bool
    store: SessionStore
    resumed: Resumed | None
    # the newest change_log id before the first reads: the database watcher starts from it
    # (None: from what is there when it starts; see gui.changes)
    log_position: int | None = None


def prepare_database(
    services: Services, demo_allowed: Callable[[Services], bool], tab: int = 0
) -> Prepared:
    """Upgrade the schema if needed and read the studio (None when there is none yet).

    Only the app's own embedded database (``demo_allowed``: the default SQLite file in the
    user's data folder) is created here, on a first run; any other database must exist
    (:func:`~podyx_desktop.db.migrate.require_existing` says what to do when it does not).
    """
    from sqlalchemy import func, select

    from podyx_desktop.db import tables as t
    from podyx_desktop.db.migrate import require_existing, upgrade_to_head
    from podyx_desktop.domain.principal import Principal

    db = services.db
    own_database = demo_allowed(services)
    if not own_database:
        require_existing(db)
    upgrade_to_head(db)  # a no-op when the schema is current
    with db.read() as session:
        since = session.execute(select(func.max(t.ChangeLog.id))).scalar() or 0
        has_studio = session.get(t.Studio, 1) is not None
    studio = services.catalogue.studio(Principal.anonymous()) if has_studio else None
    url = db.url.render_as_string(hide_password=False)
    store = SessionStore(url)
    if studio is None:
        return Prepared(None, url, own_database, store, None, since)
    lists = service_lists(services)
    return _open_studio(studio, url, store, services.accounts.resume, lists, tab, since)


def service_lists(services: Services) -> ListReader:
    """A client's lists as the booking service reads them (the full start-up's prefetch)."""
    bookings = services.bookings

    def read(principal: Principal, client_id: int, upcoming: bool) -> list[Booking]:
        return bookings.list_for_client(principal, client_id, upcoming=upcoming)

    return read


def quick_open(database_url: str, tab: int = 0) -> Prepared | None:
    """The start-up task's quick way, before SQLAlchemy is imported: the studio, the
    remembered sign-in and the first tab's bookings, read with the database's own driver
    (:mod:`podyx_desktop.services.startup`). None when the database needs the full path
    first (:func:`prepare_database`): it does not exist yet, its schema is not this app's
    newest, or it has no studio. (On Linux the reads are usually made earlier, in a
    second process, by :mod:`podyx_desktop.gui.early`; this does them here.)"""
    read = read_quickly(database_url)
    return finish_quick_open(read, database_url, tab) if read is not None else None


class QuickRead(NamedTuple):
    """What :func:`read_quickly` found: plain records, made without Qt (in this process,
    or in the early reader's, :mod:`podyx_desktop.gui.early`); the window's process adds
    its part in :func:`finish_quick_open`. ``lists``: the signed-in person's upcoming and
    past bookings (None: not signed in, or they could not be read: the tab loads them).
    ``ahead``: their first rows' times and prices, formatted by the early reader
    (``vocabulary.format_ahead``)."""

    studio: StudioInfo
    log_position: int
    signed_in: SignedIn | None
    keyring_problem: bool
    expired_message: str | None
    lists: tuple[list[Booking], list[Booking]] | None
    ahead: Mapping[tuple[object, ...], str] | None = None


def read_quickly(database_url: str) -> QuickRead | None:
    """The quick start-up's reads (see :func:`quick_open`); None when the database needs
    the full path. Needs no Qt."""
    from podyx_desktop.db.direct import open_reader
    from podyx_desktop.services.startup import StartupReads

    with open_reader(database_url) as reader:
        if reader is None:
            return None
        reads = StartupReads(reader, datetime.now(UTC))
        since = reads.log_position()
        studio = reads.studio()
        if studio is None:
            return None
        store = SessionStore(database_url)
        signed_in, expired = resume_token(reads.resume, store)
        lists = None
        if signed_in is not None:
            principal, client_id = signed_in.principal, signed_in.account.id
            try:
                lists = (
                    reads.bookings(principal, client_id, True),
                    reads.bookings(principal, client_id, False),
                )
            except Exception:
                log.warning(
                    "Could not read the bookings at start-up; the tab loads them", exc_info=True
                )
        return QuickRead(studio, since, signed_in, store.has_problem, expired, lists)


class Found(NamedTuple):
    """What the early reads found (``early_reads.read_early``): the configuration and the quick
    start's reads (None: the database needs the full path first)."""

    resolved: Resolved
    read: QuickRead | None


def finish_quick_open(read: QuickRead, database_url: str, tab: int) -> Prepared:
    """The window's process's part of the quick start: import the first views, freeze what
    start-up made, and format the first tab's rows (with the texts the early reader
    formatted, when it did: then babel is not even imported before the window paints; the
    Bookings tab loads it once painted)."""
    if read.ahead:
        from podyx_desktop.domain.vocabulary import formatted_ahead

        formatted_ahead(read.ahead)
    prewarm_views(None if read.ahead else read.studio, tab)
    freeze_startup_objects()
    store = SessionStore(database_url)
    if read.keyring_problem:
        store.note_problem(logged=True)
    resumed = Resumed(read.signed_in, store.problem, read.expired_message)
    if read.signed_in is not None and read.lists is not None:
        lists = read.lists

        def bookings(_principal: Principal, _client_id: int, upcoming: bool) -> list[Booking]:
            return lists[0] if upcoming else lists[1]

        prefetched = prefetch_first_tab(bookings, read.studio, resumed, tab)
        resumed = resumed._replace(prefetched=prefetched)
    return Prepared(read.studio, database_url, False, store, resumed, read.log_position)


def _open_studio(
    studio: StudioInfo,
    database_url: str,
    store: SessionStore,
    resume: Callable[[str], SignedIn],
    bookings: ListReader,
    tab: int,
    since: int,
) -> Prepared:
    """The full start-up's end, once the studio is there: import the first views, freeze
    what start-up made, try the remembered sign-in and, when it works, load the first tab
    (``since``: the change feed's position read before them)."""
    prewarm_views(studio, tab)
    freeze_startup_objects()  # before the session's records: those may be garbage soon
    resumed = resume_session(resume, store)
    if resumed.signed_in is not None:
        prefetched = prefetch_first_tab(bookings, studio, resumed, tab)
        resumed = resumed._replace(prefetched=prefetched)
    return Prepared(studio, database_url, False, store, resumed, since)


def prefetch_first_tab(
    bookings: ListReader, studio: StudioInfo, resumed: Resumed, tab: int
) -> Prefetched | None:
    """The first load of the tab the main window will open on, here in the start-up task
    (it saves the window a round trip to the worker). If it fails, the tab loads itself
    and reports the problem as it would on any load."""
    from podyx_desktop.views.client.opening import prefetch
    from podyx_desktop.views.common.context import UserSession

    signed_in = resumed.signed_in
    assert signed_in is not None
    user = UserSession(signed_in.principal, signed_in.account, studio, signed_in.token)
    try:
        return prefetch(bookings, user, tab)
    except Exception:
        log.warning("Could not load the first tab at start-up; it loads itself", exc_info=True)
        return None


def import_first_views(tab: int) -> None:
    """Import the main window's module and the module of the tab it opens on."""
    import podyx_desktop.views.client.main_window  # noqa: F401
    from podyx_desktop.views.client.opening import import_first

    import_first(tab)


def prewarm_views(studio: StudioInfo | None, tab: int = 0) -> None:
    """Import the main window's module and the module of the tab it opens on (and the
    locale data they format with) here on the worker, so signing in does not stall the
    GUI thread with imports."""
    import_first_views(tab)
    if studio is not None:  # the locale the window writes in (not always the studio's)
        from podyx_desktop.domain.vocabulary import display_locale
        from podyx_desktop.views.common.formatting import money_text

        money_text(0, studio.currency, display_locale(studio.locale))


# What waits for a window's first paint (the other views' imports, the database watcher)
# starts this long after it (the first tab's own loads, queued in that paint, go first),
# or after the fallback if the window does not paint (minimised).
AFTER_PAINT_MS = 20
PAINT_FALLBACK_MS = 500


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` soon after ``window`` has painted: the main window starts the prewarm
    (:func:`prewarm_parts`, a task each) there, since a tab may be asked for at once and
    opening it must not stall the GUI thread on imports; the app starts its database
    watcher there."""
    from PySide6.QtCore import QTimer

    from podyx_desktop.views.common.paint import FirstPaint

    FirstPaint(
        window,
        lambda: QTimer.singleShot(AFTER_PAINT_MS, window, then),
        fallback_ms=PAINT_FALLBACK_MS,
    )


def when_painted(window: QWidget | None, then: Callable[[], None]) -> None:
    """``then`` soon after ``window`` has painted (:func:`after_first_paint`); at once when
    no window shows. The app starts its database watcher so: the watcher's thread (its
    imports, its first reading) would hold the first paint up, and it starts from the
    feed's position read before the start-up reads, so starting late misses nothing."""
    if window is None or not window.isVisible():
        then()
    else:
        after_first_paint(window, then)


def warm_up_sign_in(services: Services) -> None:
    """Build what signing in by hand needs (a task: the worker builds the services first),
    and import the main window's, its tabs' and the dialogs' modules while the person
    types: none of them is then imported on the GUI thread when the window opens or a tab
    is first shown."""
    services.accounts  # noqa: B018  (imports the accounts service and its password hasher)
    import podyx_desktop.views.client.main_window  # noqa: F401

    prewarm_later_views()


def prewarm_later_views() -> None:
    """Import the modules of every tab and of the dialogs (on the worker: plain tasks,
    :func:`prewarm_parts`), then hide everything imported so far (SQLAlchemy too, once
    the services were built) from the garbage collector, as start-up does
    (:func:`freeze_startup_objects`)."""
    for part in prewarm_parts():
        part()


def prewarm(tasks: TaskRunner, owner: QObject) -> None:
    """Queue :func:`prewarm_parts` on ``tasks``, a task each."""
    for part in prewarm_parts():
        tasks.run_plain(part, owner=owner)


def prewarm_parts() -> list[Callable[[], None]]:
    """:func:`prewarm_later_views` in parts, a task each (see ``opening.later_imports``)."""
    from podyx_desktop.views.client.opening import later_imports

    return [*later_imports(), freeze_startup_objects]


def pause_collector() -> None:
    """Switch the cyclic garbage collector off while start-up imports SQLAlchemy, the
    services and the views: those imports allocate hundreds of thousands of long-lived
    objects, and the collections they would trigger (~70 ms in all) find no garbage.
    :func:`freeze_startup_objects` switches it back on, as does the GUI thread once the
    start-up task has ended either way (:func:`resume_collector`). (gui/collector.py: the
    GUI thread's collections pause too.)"""
    from podyx_desktop.gui import collector

    collector.pause()


def resume_collector() -> None:
    from podyx_desktop.gui import collector

    collector.resume()


def freeze_startup_objects() -> None:
    """Hide what start-up made (modules, SQLAlchemy's mappers, babel's locale data: over
    100,000 objects) from the garbage collector, and switch it back on. A full collection
    would otherwise scan them all while holding the GIL, stalling the GUI thread for tens
    of milliseconds at a random moment; frozen, they are never scanned again (they live
    as long as the app)."""
    import gc

    from podyx_desktop.gui import collector

    gc.freeze()
    collector.resume()


def load_demo_studio(services: Services, tab: int = 0) -> tuple[StudioInfo, tuple[DemoLogin, ...]]:
    from podyx_desktop.demo.load import load_demo
    from podyx_desktop.domain.principal import Principal

    logins = demo_logins_of(load_demo(services))
    studio = services.catalogue.studio(Principal.anonymous())
    prewarm_views(studio, tab)
    freeze_startup_objects()
    return studio, logins


DEMO_LOGINS_SHOWN = 3


def demo_logins_of(logins: Any) -> tuple[DemoLogin, ...]:
    """A few client logins of the demo studio and its staff's, as the sign-in screen
    lists them (the staff with their role: owner, manager, front desk)."""
    clients = [login for login in logins.logins if login.role == "client"]
    staff = [login for login in logins.logins if login.role != "client"]
    return tuple(
        DemoLogin(login.name, login.email, login.password) for login in clients[:DEMO_LOGINS_SHOWN]
    ) + tuple(DemoLogin(login.name, login.email, login.password, login.role) for login in staff)


def known_demo_logins() -> tuple[DemoLogin, ...]:
    """The demo studio's client and staff logins when it was loaded on an earlier run."""
    try:
        from podyx_desktop.demo import data as demo_data
    except ImportError:
        return ()
    clients = tuple(
        DemoLogin(person.name, person.email, demo_data.DEMO_PASSWORD)
        for person in demo_data.CLIENTS[:DEMO_LOGINS_SHOWN]
    )
    return clients + tuple(
        DemoLogin(
            member.name, member.email, demo_data.DEMO_PASSWORD, member.role.value.replace("_", " ")
        )
        for member in demo_data.STAFF
    )


def resume_session(resume: Callable[[str], SignedIn], store: SessionStore) -> Resumed:
    """Sign in with the remembered token, if the keyring holds one that is still valid
    (``resume``: the accounts service's, or the start-up reads')."""
    signed_in, expired = resume_token(resume, store)
    return Resumed(signed_in, store.problem, expired)


def resume_token(
    resume: Callable[[str], SignedIn], store: SessionStore
) -> tuple[SignedIn | None, str | None]:
    """:func:`resume_session` without Qt: the session, or why it expired (the token is then
    forgotten); neither when nothing is remembered or the keyring does not work."""
    from podyx_desktop.domain.errors import SessionExpired

    token = store.load()
    if token is None:
        return None, None
    try:
        return resume(token), None
    except SessionExpired as expired:
        store.clear()
        return None, expired.message


class Flags(NamedTuple):
    """The command line: ``--database URL`` and ``--log-level LEVEL`` (Qt's own flags pass)."""

    database: str | None = None
    log_level: str | None = None


def parse_args(argv: Sequence[str]) -> Flags:
    """The flags in ``argv`` (the program's name excluded); argparse only when there are
    any. ``--version`` and ``--help`` print and exit here."""
    if not argv:
        return Flags()
    import argparse

    from podyx_desktop import __version__

    parser = argparse.ArgumentParser(prog="podyx-desktop", description="Podyx Desktop")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database", metavar="URL", help="the database to open")
    parser.add_argument("--log-level", metavar="LEVEL", help="DEBUG, INFO, WARNING or ERROR")
    known, _qt_args = parser.parse_known_args(list(argv))
    return Flags(known.database, known.log_level)


class Resolved(NamedTuple):
    """What the app keeps of its configuration (plain values: the early reads send it, and
    the window's process need not import ``db.config``)."""

    database_url: str  # with its password from the keyring, when one is kept there
    log_level: str
    locked: bool  # IT locked the database in the machine-wide settings
    default: bool  # the default embedded database, where a first run loads the demo
    warnings: tuple[str, ...]  # settings files that exist but could not be read


def resolve_database(flags: Flags) -> Resolved:
    """The configuration for ``flags`` (no Qt: the early reads use it too). Raises
    ``ConfigError`` with words for the person."""
    from podyx_desktop.db.config import password_from_keyring, resolve, with_password

    config = resolve({"database_url": flags.database, "log_level": flags.log_level})
    setting = config.database_url
    password = password_from_keyring(setting.value)
    url = with_password(setting.value, password) if password else setting.value
    return Resolved(
        url,
        config.log_level.value,
        setting.locked,
        setting.source == "default",
        config.warnings,
    )


class Configured:
    """The configuration, resolved on the worker the first time it is needed (a
    ConfigError's message then shows on the sign-in screen like any other start-up
    problem), and what the app builds from it: the database URL the quick start-up reads,
    and the services."""

    def __init__(self, flags: Flags, early: EarlyReads | None = None) -> None:
        self._flags = flags
        self._resolved: Resolved | None = None
        self._early = early

    def switch_to(self, url: str | None) -> None:
        """Open ``url`` from now on (the person chose another database: it wins over the
        settings like a command-line flag, but not over IT's lock); None keeps the flags.
        Either way the configuration is resolved afresh by the next start-up."""
        if url is not None and not self.database_locked():
            self._flags = self._flags._replace(database=url)
        self.reset()

    def reset(self) -> None:
        """Resolve the configuration again on the next use ("Try again": IT may have
        fixed a settings file, or the chosen database)."""
        self.close_early()
        self._resolved = None

    def close_early(self) -> None:
        """Forget the early reads (and stop their process if it still runs)."""
        early, self._early = self._early, None
        if early is not None:
            early.close()

    def database_url(self) -> str:
        """The database to open, with its password from the keyring when one is kept."""
        resolved = self._resolved
        if resolved is None:
            resolved = self._adopt(resolve_database(self._flags))
        return resolved.database_url

    def _adopt(self, resolved: Resolved) -> Resolved:
        self._resolved = resolved
        logging.getLogger().setLevel(resolved.log_level)
        for warning in resolved.warnings:
            log.warning("%s", warning)
        return resolved

    def quick_open(self, tab: int = 0) -> Prepared | None:
        """The start-up task's quick way (:func:`quick_open`), with what the early reads
        found when they ran (:mod:`podyx_desktop.gui.early`): the configuration and the
        reads then come from there, and only the window's part is done here."""
        early, self._early = self._early, None
        if early is not None:
            # The early reader is usually still at work when this task starts: the first
            # views load meanwhile, instead of after its result (they load on every path
            # that opens a studio; bench/startup.py).
            import_first_views(tab)
        found = early.take() if early is not None else None
        if isinstance(found, Found) and self._resolved is None:
            url = self._adopt(found.resolved).database_url
            if found.read is not None:
                log.info("The start-up reads were made early, in a second process")
                return finish_quick_open(found.read, url, tab)
        return quick_open(self.database_url(), tab)

    def services(self) -> Services:
        """The services over the database (the first task that needs them builds them).

        After a quick start this is where SQLAlchemy, the ORM and the booking services
        load, while the main window is already up; the collector is paused meanwhile and
        what they made is frozen after, as at start-up (see ``freeze_startup_objects``).
        """
        import gc

        from podyx_desktop.gui import collector

        collector.pause()
        try:
            from sqlalchemy.orm import configure_mappers

            from podyx_desktop.db.engine import Database
            from podyx_desktop.services import Services

            services = Services(Database(self.database_url()))
            services.bookings  # noqa: B018  (imports the ORM and the services the tabs use first)
            configure_mappers()
            gc.freeze()
        finally:
            collector.resume()
        return services

    def database_locked(self) -> bool:
        """IT locked the database in the machine-wide settings (known once resolved)."""
        resolved = self._resolved
        return resolved is not None and resolved.locked

    def demo_allowed(self, _services: Services) -> bool:
        """Whether the database is the default embedded one, where a first run loads the
        demo studio."""
        resolved = self._resolved
        return resolved is not None and resolved.default
