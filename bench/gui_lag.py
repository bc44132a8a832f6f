"""How long the GUI thread can stall while the window signs in, loads tabs and books.

A 10 ms ``QTimer`` on the GUI thread records the time between its ticks; the longest gap
is the longest the GUI thread was blocked (plus the timer's own jitter). The scenario is
the one the GUI suite used to assert on: the app (with the real style sheet) over a small
studio in a temporary SQLite file, sign in through the sign-in widgets, the main window
opens and the Bookings tab shows the client's one booking, a second booking is made
through the task runner, the change is published and the tab reloads to two rows.

The baseline, measured in the same run, is the same probe over an idle event loop for
as long as the scenario took: the machine's own timer jitter. Target: the GUI thread is
never blocked more than 50 ms (scenario max gap ≤ 50 ms). The script prints the figures
and PASS/FAIL for information and always exits 0.

The studio (settings, opening hours, a room, a setup, a service, one client) is built
through the services by the studio builder, :mod:`podyx_desktop.demo.builder`; the client
then books one upcoming session. As in the GUI tests, passwords use a
cheap Argon2id hasher, the settings live in a temporary folder (never the user's), and
keyring gets a dictionary backend (never the real keyring).

Usage::

    QT_QPA_PLATFORM=offscreen python bench/gui_lag.py [--rounds N] [--no-stylesheet]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.keyring_backend import MemoryKeyring
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.migrate import upgrade_to_head
from podyx_desktop.demo.builder import (
    Person,
    RoomSpec,
    ServiceSpec,
    SetupSpec,
    StudioSpec,
    create_studio,
)
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.requests import BookingRequest, SessionCart, StudioSettings
from podyx_desktop.gui.app import DesktopApp, load_stylesheet
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.operations.bookings import book
from podyx_desktop.services import Services
from podyx_desktop.views.client.main_window import MainWindow

TARGET_MAX_GAP = 0.050  # seconds: "the GUI thread is never blocked more than 50 ms"
INTERVAL_MS = 10
STALL = 0.025  # gaps over this are listed
WAIT_S = 10.0
BERLIN = ZoneInfo("Europe/Berlin")
CLIENT_NAME = "Ana Client"
CLIENT_EMAIL = "ana.client@bench.example"
PASSWORD = "bench password 2026"
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # as the tests


# --- the probe --------------------------------------------------------------------------


class LagProbe(QObject):
    """Records the gaps between the ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self.started = 0.0
        self.last = 0.0
        self.stopped = 0.0
        self.gaps: list[float] = []
        self.phase = ""
        self.phases: list[str] = []  # the phase each gap ended in

    def mark(self, phase: str) -> None:
        """Name what the scenario is waiting for now (the report says where stalls fell)."""
        self.phase = phase

    def start(self) -> None:
        self.started = self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.stopped = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.phases.append(self.phase)
        self.last = now

    @property
    def duration(self) -> float:
        return self.stopped - self.started

    @property
    def ticks(self) -> int:
        return len(self.gaps)

    @property
    def max_gap(self) -> float:
        return max(self.gaps, default=0.0)

    @property
    def p99_gap(self) -> float:
        if len(self.gaps) < 2:
            return self.max_gap
        return statistics.quantiles(self.gaps, n=100, method="inclusive")[98]

    @property
    def stalls(self) -> list[tuple[float, str]]:
        """Gaps over 25 ms with their phase, longest first."""
        found = [(g, p) for g, p in zip(self.gaps, self.phases, strict=True) if g > STALL]
        return sorted(found, reverse=True)


def wait_until(predicate: Callable[[], bool], what: str, timeout: float = WAIT_S) -> None:
    """Run the event loop (as pytest-qt's waitUntil does) until ``predicate`` holds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        QTest.qWait(10)


# --- set-up: keyring, settings, studio ---------------------------------------------------


def fresh_settings(folder: Path) -> None:
    """QSettings in ``folder``, under bench organisation/app names."""
    QCoreApplication.setOrganizationName("PodyxBench")
    QCoreApplication.setApplicationName("Podyx Desktop Bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(folder / scope.name))


def next_day_at(days: int, hour: int) -> datetime:
    day = date.today() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN).astimezone(UTC)


@dataclass(frozen=True)
class Studio:
    url: str
    setup: int
    service: int


STUDIO = StudioSpec(
    StudioSettings(
        name="Bench Studio",
        time_zone="Europe/Berlin",
        currency="EUR",
        locale="de_DE",
        prices_include_vat=True,
        default_vat_rate_bp=1900,
        vat_number="DE123456789",
        address_line1="Torstraße 1",
        postal_code="10119",
        city="Berlin",
        country="DE",
        buffer_minutes=15,
        lead_time_hours=2,
        cancel_cutoff_hours=24,
        reschedule_cutoff_hours=24,
        max_reschedules=2,
    ),
    opening_hours=tuple(OpeningInterval(d, 9 * 60, 21 * 60) for d in range(7)),
    rooms=(RoomSpec("room", "Studio A", setups=(SetupSpec("setup", "2-person podcast"),)),),
    services=(ServiceSpec("service", "Podcast recording", 6000, 60, 240, 30, ("setup",)),),
    clients=(Person(CLIENT_NAME, CLIENT_EMAIL, "+49 30 12345678"),),
)


def build_studio(path: Path) -> Studio:
    """:data:`STUDIO` through the services, and its one client's one upcoming booking."""
    db = Database(sqlite_url(path))
    try:
        upgrade_to_head(db)
        services = Services(db, hasher=FAST_HASHER)
        built = create_studio(services, STUDIO, password=PASSWORD)
        setup, service = built.ids["setup"], built.ids["service"]
        cart = SessionCart(setup, service, 120)
        request = BookingRequest(
            cart, next_day_at(4, 11), PaymentMethod.PAY_LATER, terms_accepted=True
        )
        services.checkout.book(built.clients[0].principal, request)
    finally:
        db.dispose()
    return Studio(sqlite_url(path), setup, service)


# --- the scenario and the baseline -----------------------------------------------------


def scenario(studio: Studio) -> LagProbe:
    """The former test's scenario, with the probe running from sign-in to the reload."""
    app = DesktopApp(
        lambda: Services(Database(studio.url), hasher=FAST_HASHER),
        settings=UiSettings(),
        demo_allowed=lambda _services: False,
        database_url=lambda: studio.url,  # start-up as the app does it (quick reads first)
    )
    probe = LagProbe()
    try:
        app.start()
        wait_until(lambda: app.sign_in.sign_in_button.isEnabled(), "the sign-in screen")
        wait_until(lambda: app.tasks.pending == 0, "start-up tasks")
        probe.start()

        probe.mark("sign-in")
        screen = app.sign_in
        screen.email.setText(CLIENT_EMAIL)
        screen.password.setText(PASSWORD)
        if screen.remember.isChecked():
            QTest.mouseClick(screen.remember, Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
        wait_until(
            lambda: app.main_window is not None and app.main_window.isVisible(),
            "the main window",
        )
        window = app.main_window
        assert isinstance(window, MainWindow)
        probe.mark("bookings tab")
        wait_until(lambda: window.bookings_tab.upcoming_model.rowCount() == 1, "one booking")

        principal = window.context.user.principal
        cart = SessionCart(studio.setup, studio.service, 120)
        request = BookingRequest(
            cart, next_day_at(5, 14), PaymentMethod.PAY_LATER, terms_accepted=True
        )
        booked: list[object] = []

        # as the booking wizard does: the operation publishes what the booking changed,
        # and the tab reloads for it
        probe.mark("booking")
        book(window.context, principal, request).success(booked.append).run(window)
        wait_until(lambda: bool(booked), "the booking")
        probe.mark("reload")
        wait_until(lambda: window.bookings_tab.upcoming_model.rowCount() == 2, "two bookings")
        wait_until(lambda: app.tasks.pending == 0, "the last tasks")
        probe.stop()
    finally:
        probe.stop()
        app.shutdown()
        QTest.qWait(50)  # let deleteLater run
    return probe


def idle(seconds: float) -> LagProbe:
    """The same probe over an idle event loop for ``seconds``."""
    probe = LagProbe()
    probe.start()
    QTest.qWait(max(1, round(seconds * 1000)))
    probe.stop()
    return probe


# --- report ----------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:5.2f}×" if b > 0 else "    –"


def report(run: int, busy: LagProbe, quiet: LagProbe) -> bool:
    print(f"\nround {run}: scenario {busy.duration:.2f} s, idle baseline {quiet.duration:.2f} s")
    print(f"  {'':<18}{'ticks':>7}{'max gap ms':>12}{'p99 gap ms':>12}{'gaps > 25 ms':>14}")
    for name, probe in (("scenario", busy), ("idle baseline", quiet)):
        print(
            f"  {name:<18}{probe.ticks:>7}{ms(probe.max_gap):>12}{ms(probe.p99_gap):>12}"
            f"{len(probe.stalls):>14}"
        )
    print(
        f"  {'scenario / idle':<18}{'':>7}{ratio(busy.max_gap, quiet.max_gap):>12}"
        f"{ratio(busy.p99_gap, quiet.p99_gap):>12}"
    )
    if busy.stalls:
        worst = ", ".join(f"{gap * 1000:.0f} ({phase})" for gap, phase in busy.stalls[:8])
        print(f"  scenario gaps > 25 ms: {worst}")
    ok = busy.ticks > 5 and busy.max_gap <= TARGET_MAX_GAP
    verdict = "PASS" if ok else "FAIL"
    print(
        f"  {verdict}: GUI thread never blocked > {TARGET_MAX_GAP * 1000:.0f} ms "
        f"(max gap {busy.max_gap * 1000:.1f} ms)"
    )
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=1, help="scenario + baseline pairs")
    parser.add_argument(
        "--no-stylesheet", action="store_true", help="without the app's style sheet"
    )
    args = parser.parse_args(argv)

    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(qapp, QApplication)
    previous_keyring = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    print(
        f"GUI thread lag: {INTERVAL_MS} ms timer, Qt platform {qapp.platformName()}, "
        f"{os.cpu_count()} CPUs, style sheet {'off' if args.no_stylesheet else 'on'}"
    )
    results: list[bool] = []
    try:
        if not args.no_stylesheet:
            load_stylesheet(qapp)  # as users run it: style sheets make building widgets slower
        for run in range(1, args.rounds + 1):
            with tempfile.TemporaryDirectory(prefix="podyx-gui-lag-") as folder:
                fresh_settings(Path(folder) / "settings")
                studio = build_studio(Path(folder) / "studio.sqlite3")
                busy = scenario(studio)
                quiet = idle(busy.duration)
                results.append(report(run, busy, quiet))
    except Exception as error:  # a broken scenario is reported, the bench still exits 0
        print(f"\nERROR: {type(error).__name__}: {error}")
    finally:
        qapp.setStyleSheet("")
        keyring.set_keyring(previous_keyring)
    if results:
        print(f"\n{sum(results)}/{len(results)} rounds PASS (target: max gap ≤ 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
