"""Fixtures for the GUI suite: Qt offscreen, fresh settings, a fake keyring, a small studio
in a temporary SQLite file, the app under test, and a check that no thread is left running.

Tests never touch the real settings or the real keyring: every test gets QSettings in
its own folder and a dictionary-backed keyring (or, with ``no_keyring``, none at all).
"""

from __future__ import annotations

import os
import shutil
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
import shiboken6
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QCoreApplication, QSettings, QThread

from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.migrate import upgrade_to_head
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.gui import collector
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.services import Services
from tests import factories
from tests.conftest import FAST_HASHER
from tests.factories import BERLIN, PASSWORD, build_studio
from tests.gui import fixtures_tabs

# The profile-tab helpers keep their fixtures in fixtures_tabs.py: expose every one named
# ``tab_*`` here, so pytest finds them for the whole GUI suite.
for _name in dir(fixtures_tabs):
    if _name.startswith("tab_"):
        globals()[_name] = getattr(fixtures_tabs, _name)

CLIENT_EMAIL = "ana.client@example.com"
CLIENT_NAME = "Ana Client"


# --- keyrings --------------------------------------------------------------------------


class FakeKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dictionary."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


@pytest.fixture(autouse=True)
def fake_keyring() -> Iterator[FakeKeyring]:
    """Every test gets an empty dictionary keyring (never the real one)."""
    previous = keyring.get_keyring()
    backend = FakeKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring(fake_keyring: FakeKeyring) -> fail.Keyring:
    """No usable keyring backend at all, as on a bare Linux box."""
    backend = fail.Keyring()
    keyring.set_keyring(backend)
    return backend


# --- settings --------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings in a folder of this test's own, under test organisation/app names."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("PodyxTests")
    QCoreApplication.setApplicationName("Podyx Desktop Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(folder / scope.name))
    yield folder


@pytest.fixture
def ui_settings(fresh_settings: Path) -> UiSettings:
    return UiSettings()


# --- threads ---------------------------------------------------------------------------

_started: weakref.WeakSet[QThread] = weakref.WeakSet()
_original_start = QThread.start


def _tracking_start(self: QThread, *args: Any) -> None:
    _started.add(self)
    _original_start(self, *args)


QThread.start = _tracking_start  # type: ignore[method-assign,assignment]


@pytest.fixture(autouse=True)
def no_dangling_threads(qapp: Any) -> Iterator[None]:
    """A test that leaves a QThread running fails (after a short grace period)."""
    _started.clear()
    yield
    deadline = time.monotonic() + 2.0
    running: list[QThread] = []
    while True:
        running = []
        for thread in list(_started):
            try:
                if thread.isRunning():
                    running.append(thread)
            except RuntimeError:  # the C++ object is gone: not running
                continue
        if not running or time.monotonic() > deadline:
            break
        qapp.processEvents()
        time.sleep(0.02)
    _started.clear()
    names = ", ".join(thread.objectName() or type(thread).__name__ for thread in running)
    assert not running, f"threads left running after the test: {names}"
    # No worker left: collections may run on any thread again (a runner a test did not
    # shut down would otherwise leave them to a timer that only runs in an event loop).
    collector.reset()


def undeclared_slots() -> list[str]:
    """Our widgets alive now that carry a meta-object of their own: PySide6 made one when
    a method that is not a ``@Slot`` of the signal's types was connected, and Qt polishes
    such a widget again, the whole of it (tests/test_qt_slots.py says why)."""
    from PySide6.QtWidgets import QApplication

    found = []
    for widget in QApplication.allWidgets():
        kind = type(widget)
        if not kind.__module__.startswith("podyx_desktop"):
            continue
        own, declared = widget.metaObject(), kind.staticMetaObject
        if shiboken6.getCppPointer(own)[0] != shiboken6.getCppPointer(declared)[0]:
            added = range(declared.methodCount(), own.methodCount())
            methods = ", ".join(bytes(own.method(i).methodSignature()).decode() for i in added)
            found.append(f"{kind.__qualname__}: {methods}")
    return sorted(set(found))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After each GUI test: no widget of ours was connected to an undeclared slot."""
    result = yield
    undeclared = undeclared_slots()
    assert not undeclared, (
        f"connected to methods that are not @Slot of the signal's types: {undeclared}"
    )
    return result


# --- the studio ------------------------------------------------------------------------


@dataclass(frozen=True)
class GuiStudio:
    """A small studio in a SQLite file of this test's own, with one client."""

    path: Path
    url: str
    client_email: str
    client_password: str
    client_name: str
    booking_id: int


def next_day_at(days: int, hour: int) -> datetime:
    day = date.today() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN).astimezone(UTC)


@dataclass(frozen=True)
class StudioTemplate:
    path: Path
    booking_id: int
    catalogue: factories.Studio  # ids of rooms, setups, services… (its services: unusable)


@pytest.fixture(scope="session")
def studio_template(tmp_path_factory: pytest.TempPathFactory) -> StudioTemplate:
    """tests.factories' studio, one client (Ana) and one upcoming booking, built once."""
    path = tmp_path_factory.mktemp("gui-template") / "studio.sqlite3"
    db = Database(sqlite_url(path))
    upgrade_to_head(db)
    services = Services(db, hasher=FAST_HASHER)
    built = build_studio(services)
    client = built.client(CLIENT_NAME, CLIENT_EMAIL)
    result = built.book(client, next_day_at(4, 11))
    db.dispose()
    return StudioTemplate(path, result.booking.id, built)


@pytest.fixture
def studio(tmp_path: Path, studio_template: StudioTemplate) -> GuiStudio:
    """A copy of the template studio in this test's own SQLite file."""
    template, booking_id = studio_template.path, studio_template.booking_id
    path = tmp_path / "podyx.sqlite3"
    shutil.copyfile(template, path)
    return GuiStudio(
        path=path,
        url=sqlite_url(path),
        client_email=CLIENT_EMAIL,
        client_password=PASSWORD,
        client_name=CLIENT_NAME,
        booking_id=booking_id,
    )


@pytest.fixture
def gui_services(studio: GuiStudio) -> Iterator[Services]:
    """Services over the test's studio, for arranging and checking from the test itself."""
    db = Database(studio.url)
    yield Services(db, hasher=FAST_HASHER)
    db.dispose()


@pytest.fixture
def factory_studio(gui_services: Services, studio_template: StudioTemplate) -> factories.Studio:
    """tests.factories.Studio (ids and helpers such as ``book``) over the test's database."""
    return replace(studio_template.catalogue, services=gui_services)


@pytest.fixture
def client_session(gui_services: Services, studio: GuiStudio) -> SignedIn:
    return gui_services.accounts.sign_in(studio.client_email, studio.client_password)


def services_factory_for(url: str) -> Callable[[], Services]:
    def factory() -> Services:
        return Services(Database(url), hasher=FAST_HASHER)

    return factory


def focus_chain(start: Any, count: int) -> list[Any]:
    """The ``count`` widgets Tab visits from ``start`` (skipping ones Tab does not stop at)."""
    from PySide6.QtCore import Qt

    chain = [start]
    widget = start
    while len(chain) < count:
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            chain.append(widget)
    return chain


# --- the app ---------------------------------------------------------------------------


@pytest.fixture
def make_app(qtbot: Any, studio: GuiStudio) -> Iterator[Callable[..., Any]]:
    """Build a :class:`DesktopApp` over the test's studio; every one is shut down after."""
    from podyx_desktop.gui.app import DesktopApp

    built: list[DesktopApp] = []

    def make(
        url: str | None = None,
        *,
        demo_allowed: bool = False,
        start: bool = True,
        quick: bool = True,
    ) -> Any:
        """``quick``: start-up tries the quick reads first, as the app does (False: the
        full path only)."""
        current = [url or studio.url]  # "Choose another database…" replaces it

        def switch(chosen: str | None) -> None:
            if chosen is not None:
                current[0] = chosen

        def services() -> Services:
            return services_factory_for(current[0])()

        app = DesktopApp(
            services,
            settings=UiSettings(),
            demo_allowed=lambda _services: demo_allowed,
            database_url=(lambda: current[0]) if quick else None,
            switch_database=switch,
        )
        built.append(app)
        if start:
            app.start()
        return app

    yield make
    for app in built:
        app.shutdown()
