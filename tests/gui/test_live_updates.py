"""Live updates: another process changes the database and the open window shows it within
two seconds, untouched. (How long the GUI thread stalls while tabs load and bookings are
made is measured by bench/gui_lag.py, not asserted here: timings stay out of tests.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.records import Booking
from podyx_desktop.gui.changes import ChangeBus, DatabaseWatcher
from podyx_desktop.services import Services
from tests import factories
from tests.gui.conftest import GuiStudio
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
if password.startswith("token:"):  # a remembered sign-in: nothing written to sign in
    me = services.accounts.resume(password.removeprefix("token:"))
else:  # (a sign-in writes: the hasher here rehashes the test studio's fast hash)
    me = services.accounts.sign_in(email, password)
if what == "rename":
    services.accounts.change_name(me.principal, sys.argv[5])
elif what == "cancel":
    services.bookings.cancel(me.principal, int(sys.argv[5]), reason="from another seat")
db.dispose()
"""


def run_other_process(
    studio: GuiStudio, what: str, argument: str, *, token: str | None = None
) -> None:
    """Another process signs in as the studio's client (with ``token``: resumes it, so that
    ``what`` is its only write) and does ``what``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(
        [
            sys.executable,
            "-c",
            OTHER_PROCESS,
            studio.url,
            studio.client_email,
            studio.client_password if token is None else f"token:{token}",
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
        # a writer that keeps no change_log row: it could have changed anything
        assert blocker.args == [Changes.all()]
    finally:
        watcher.stop()
    assert not watcher.is_running


@pytest.mark.postgres
def test_the_postgres_watcher_hears_other_seats(qtbot: Any, postgres_migrated_url: str) -> None:
    """A write on another connection NOTIFYs; the watcher publishes its Changes within a
    second. The other seat is in this process, so the watcher is given a seat of its own."""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.requests import NewRoom
    from tests.conftest import truncate_all

    truncate_all(postgres_migrated_url)
    other_seat = Services(Database(postgres_migrated_url))
    factories.build_studio(other_seat)
    bus = ChangeBus()
    watcher = DatabaseWatcher(postgres_migrated_url, bus, seat="the watching seat")
    watcher.start()
    try:
        qtbot.wait(800)  # connected and listening
        with qtbot.waitSignal(bus.changed, timeout=1000) as blocker:
            other_seat.catalogue.add_room(Principal.system(), NewRoom("Studio C"))
        [changes] = blocker.args
        assert Kind.CATALOGUE in changes.kinds and not changes.everything
    finally:
        watcher.stop()
        other_seat.db.dispose()
    assert not watcher.is_running
