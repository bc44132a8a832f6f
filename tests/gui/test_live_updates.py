"""Live updates and a responsive window: another process changes the database and the open
window shows it within two seconds, untouched; the GUI thread never stalls while tabs load
and bookings are made.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from podyx_desktop.app import load_stylesheet
from podyx_desktop.changes import ChangeBus, DatabaseWatcher
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod
from podyx_desktop.domain.records import Booking
from podyx_desktop.domain.requests import BookingRequest, SessionCart
from podyx_desktop.services import Services
from tests import factories
from tests.gui.conftest import GuiStudio, next_day_at
from tests.gui.test_sign_in import sign_in, wait_main

ROOT = Path(__file__).resolve().parents[2]
WAIT = 5_000

OTHER_PROCESS = """
import sys
from podyx_desktop.db.engine import Database
from podyx_desktop.services import Services

url, email, password, what = sys.argv[1:5]
db = Database(url)
services = Services(db)
me = services.accounts.sign_in(email, password)
if what == "rename":
    services.accounts.change_name(me.principal, sys.argv[5])
elif what == "cancel":
    services.bookings.cancel(me.principal, int(sys.argv[5]), reason="from another seat")
db.dispose()
"""


def run_other_process(studio: GuiStudio, what: str, argument: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(
        [
            sys.executable,
            "-c",
            OTHER_PROCESS,
            studio.url,
            studio.client_email,
            studio.client_password,
            what,
            argument,
        ],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


def booking_in(window: Any, booking_id: int) -> Booking | None:
    tab = window.bookings_tab
    for model in (tab.upcoming_model, tab.past_model):
        row = model.row_of(booking_id)
        if row >= 0:
            record: Booking | None = model.record(row)
            return record
    return None


def test_a_name_changed_by_another_process_shows_up(
    qtbot: Any, make_app: Any, studio: GuiStudio
) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)

    run_other_process(studio, "rename", "Ana Renamed-Elsewhere")
    qtbot.waitUntil(lambda: "Ana Renamed-Elsewhere" in window.user_button.text(), timeout=2000)
    qtbot.waitUntil(
        lambda: window.account_tab.full_name.text() == "Ana Renamed-Elsewhere", timeout=2000
    )


def test_a_booking_canceled_by_another_process_shows_up(
    qtbot: Any, make_app: Any, studio: GuiStudio
) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    qtbot.waitUntil(lambda: booking_in(window, studio.booking_id) is not None, timeout=WAIT)
    assert booking_in(window, studio.booking_id).status is not BookingStatus.CANCELED  # type: ignore[union-attr]

    run_other_process(studio, "cancel", str(studio.booking_id))

    def canceled() -> bool:
        booking = booking_in(window, studio.booking_id)
        return booking is not None and booking.status is BookingStatus.CANCELED

    qtbot.waitUntil(canceled, timeout=2000)


def test_the_sqlite_watcher_publishes_and_stops(qtbot: Any, studio: GuiStudio) -> None:
    import sqlite3

    bus = ChangeBus()
    watcher = DatabaseWatcher(studio.url, bus)
    watcher.start()
    try:
        qtbot.wait(500)  # let it read the counter once
        with qtbot.waitSignal(bus.changed, timeout=1500) as blocker:
            connection = sqlite3.connect(studio.path)
            connection.execute("UPDATE users SET full_name = full_name || '' WHERE id = 1")
            connection.commit()
            connection.close()
        assert blocker.args == [frozenset({"*"})]
    finally:
        watcher.stop()
    assert not watcher.is_running


class LagProbe(QObject):
    """Measures how late a 10 ms timer fires on the GUI thread: the longest stall."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_gap = 0.0
        self.ticks = 0
        self.stalls: list[tuple[float, float]] = []  # (when, how long) of gaps over 25 ms

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.max_gap = max(self.max_gap, gap)
        if gap > 0.025:
            self.stalls.append((now, gap))
        self.last = now
        self.ticks += 1


def test_the_gui_thread_stays_responsive(
    qtbot: Any,
    make_app: Any,
    studio: GuiStudio,
    factory_studio: factories.Studio,
    qapp: QApplication,
) -> None:
    load_stylesheet(qapp)  # as users run it: style sheets make building widgets slower
    try:
        gui_thread_probe(qtbot, make_app, studio, factory_studio)
    finally:
        qapp.setStyleSheet("")


def gui_thread_probe(
    qtbot: Any, make_app: Any, studio: GuiStudio, factory_studio: factories.Studio
) -> None:
    app = make_app()
    qtbot.waitUntil(lambda: app.sign_in.sign_in_button.isEnabled(), timeout=WAIT)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    probe = LagProbe()
    probe.start()

    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    qtbot.waitUntil(lambda: window.bookings_tab.upcoming_model.rowCount() == 1, timeout=WAIT)

    principal = window.context.user.principal
    cart = SessionCart(factory_studio.podcast_setup, factory_studio.podcast, 120)
    starts_at = next_day_at(5, 14)
    request = BookingRequest(cart, starts_at, PaymentMethod.PAY_LATER, terms_accepted=True)
    booked: list[object] = []

    def book(services: Services) -> object:
        return services.checkout.book(principal, request)

    app.tasks.run(book, on_success=booked.append)
    qtbot.waitUntil(lambda: bool(booked), timeout=WAIT)
    window.context.bus.publish({"bookings", "purchases"})
    qtbot.waitUntil(lambda: window.bookings_tab.upcoming_model.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)
    probe.stop()

    assert probe.ticks > 5
    assert probe.max_gap <= 0.050, f"the GUI thread stalled for {probe.max_gap * 1000:.0f} ms"
    assert starts_at > datetime.now(UTC) + timedelta(days=1)


@pytest.mark.postgres
def test_the_postgres_watcher_hears_other_seats(qtbot: Any, postgres_migrated_url: str) -> None:
    """A write on another connection NOTIFYs; the watcher publishes "*" within a second."""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.requests import NewRoom
    from tests.conftest import truncate_all

    truncate_all(postgres_migrated_url)
    other_seat = Services(Database(postgres_migrated_url))
    factories.build_studio(other_seat)
    bus = ChangeBus()
    watcher = DatabaseWatcher(postgres_migrated_url, bus)
    watcher.start()
    try:
        qtbot.wait(800)  # connected and listening (it publishes once on connecting)
        with qtbot.waitSignal(bus.changed, timeout=1000) as blocker:
            other_seat.catalogue.add_room(Principal.system(), NewRoom("Studio C"))
        assert blocker.args == [frozenset({"*"})]
    finally:
        watcher.stop()
        other_seat.db.dispose()
    assert not watcher.is_running
