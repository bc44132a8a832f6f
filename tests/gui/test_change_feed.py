"""The change feed: another process's write reaches a watcher as the typed Changes, once;
this process's own writes are never delivered by its watcher (its operations published
them already); a SQLite watcher that fell behind the pruned log reloads everything.

Real SQLite files, real PostgreSQL, real other OS processes (subprocesses).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from podyx_desktop.db import feed
from podyx_desktop.db.direct import open_reader
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewRoom
from podyx_desktop.gui.changes import ChangeBus, DatabaseWatcher, _SqliteWatch
from podyx_desktop.services import Services
from podyx_desktop.services.startup import StartupReads
from tests import factories
from tests.conftest import FAST_HASHER, truncate_all
from tests.gui.conftest import GuiStudio
from tests.gui.test_live_updates import run_other_process

ROOT = Path(__file__).resolve().parents[2]
SETTLE_MS = 1_500  # several polls: long enough for a second delivery to show up

ADD_ROOM = """
import sys
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewRoom
from podyx_desktop.services import Services

db = Database(sys.argv[1])
Services(db).catalogue.add_room(Principal.system(), NewRoom(sys.argv[2]))
db.dispose()
"""


def add_room_in_another_process(url: str, name: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(
        [sys.executable, "-c", ADD_ROOM, url, name], check=True, env=env, cwd=ROOT, timeout=60
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def studio_url(request: pytest.FixtureRequest, studio: GuiStudio) -> str:
    """A studio's database: the GUI tests' SQLite file, or PostgreSQL with the same studio."""
    if request.param == "sqlite":
        return studio.url
    url: str = request.getfixturevalue("postgres_migrated_url")
    truncate_all(url)
    db = Database(url)
    factories.build_studio(Services(db, hasher=FAST_HASHER))
    db.dispose()
    return url


@pytest.fixture
def watching(qtbot: Any, studio_url: str) -> Iterator[list[Changes]]:
    """A started watcher of this process's seat; what it published, in order."""
    bus = ChangeBus()
    published: list[Changes] = []
    bus.changed.connect(published.append)
    watcher = DatabaseWatcher(studio_url, bus)
    watcher.start()
    qtbot.wait(800)  # the baseline read, or connected and listening
    yield published
    watcher.stop()
    assert not watcher.is_running


def test_another_process_write_arrives_typed_and_once(
    qtbot: Any, studio_url: str, watching: list[Changes]
) -> None:
    add_room_in_another_process(studio_url, "Studio C")
    qtbot.waitUntil(lambda: bool(watching), timeout=3_000)
    qtbot.wait(SETTLE_MS)
    assert len(watching) == 1
    [changes] = watching
    assert not changes.everything
    assert Kind.CATALOGUE in changes.kinds and Kind.AUDIT in changes.kinds
    assert Kind.BOOKINGS not in changes.kinds
    assert changes.touches(Kind.CATALOGUE) and not changes.touches(Kind.BOOKINGS)


def test_this_process_writes_are_not_delivered(
    qtbot: Any, studio_url: str, watching: list[Changes]
) -> None:
    db = Database(studio_url)
    try:
        Services(db).catalogue.add_room(Principal.system(), NewRoom("Mine"))
    finally:
        db.dispose()
    qtbot.wait(SETTLE_MS)
    assert watching == []
    # the watcher was listening all along: another process's write does arrive
    add_room_in_another_process(studio_url, "Theirs")
    qtbot.waitUntil(lambda: bool(watching), timeout=3_000)
    assert Kind.CATALOGUE in watching[0].kinds


def log_position(url: str) -> int:
    """The feed's position as the app's start-up reads it, before its other reads."""
    with open_reader(url) as reader:
        assert reader is not None
        return StartupReads(reader, datetime.now(UTC)).log_position()


def test_a_watcher_started_late_delivers_what_others_wrote_after_the_first_reads(
    qtbot: Any, studio_url: str
) -> None:
    """The app starts its watcher after the first window has painted, from the feed's
    position read before the start-up reads: another seat's write in between arrives once
    the watcher starts; this process's own does not; without the position, a write before
    the start is taken as already seen."""
    before_theirs = log_position(studio_url)
    add_room_in_another_process(studio_url, "Written meanwhile")
    before_mine = log_position(studio_url)
    assert before_mine > before_theirs
    db = Database(studio_url)
    try:
        Services(db).catalogue.add_room(Principal.system(), NewRoom("Mine, meanwhile"))
    finally:
        db.dispose()
    published: dict[int | None, list[Changes]] = {}
    watchers = []
    for since in (before_theirs, before_mine, None):
        bus = ChangeBus()
        published[since] = []
        bus.changed.connect(published[since].append)
        watchers.append(DatabaseWatcher(studio_url, bus, since=since))
    for watcher in watchers:
        watcher.start()
    try:
        qtbot.waitUntil(lambda: bool(published[before_theirs]), timeout=3_000)
        qtbot.wait(SETTLE_MS)
    finally:
        for watcher in watchers:
            watcher.stop()
    [changes] = published[before_theirs]
    assert Kind.CATALOGUE in changes.kinds and not changes.everything
    assert published[before_mine] == []  # only this process's write came after it
    assert published[None] == []


def test_a_rename_in_another_process_arrives_as_that_client(qtbot: Any, studio: GuiStudio) -> None:
    with sqlite3.connect(studio.path) as connection:
        (client_id,) = connection.execute(
            "SELECT id FROM users WHERE email_key = ?", (studio.client_email.casefold(),)
        ).fetchone()
    bus = ChangeBus()
    published: list[Changes] = []
    bus.changed.connect(published.append)
    watcher = DatabaseWatcher(studio.url, bus)
    watcher.start()
    try:
        qtbot.wait(800)
        run_other_process(studio, "rename", "Ana Elsewhere")
        qtbot.waitUntil(lambda: bool(published), timeout=3_000)
        qtbot.wait(SETTLE_MS)
    finally:
        watcher.stop()
    # signing in (SESSIONS) and renaming are two writes: one poll may see both, or two
    merged = Changes()
    for changes in published:
        merged = merged.merge(changes)
    assert merged.ids_of(Kind.CLIENTS) == {client_id}
    assert not merged.everything and len(published) <= 2


def test_a_sqlite_watcher_behind_the_pruned_log_gets_everything(
    monkeypatch: pytest.MonkeyPatch, studio: GuiStudio
) -> None:
    monkeypatch.setattr(feed, "KEEP_LOG_ROWS", 3)
    monkeypatch.setattr(feed, "PRUNE_EVERY", 1)
    watch = _SqliteWatch(studio.path, "a lagging seat", threading.Event(), None)
    connection = sqlite3.connect(studio.path, isolation_level=None)
    db = Database(studio.url)
    try:
        _version, last_id = watch._read(connection)
        assert last_id is not None
        services = Services(db)
        services.catalogue.add_room(Principal.system(), NewRoom("One"))
        _, caught_up, changes = watch._changes_since(connection, last_id)
        assert Kind.CATALOGUE in changes.kinds and not changes.everything
        for name in ("Two", "Three", "Four", "Five", "Six"):
            services.catalogue.add_room(Principal.system(), NewRoom(name))
        count = connection.execute("SELECT count(*) FROM change_log").fetchone()[0]
        assert count == 3  # pruned
        _, newest, changes = watch._changes_since(connection, caught_up)
        assert changes == Changes.all()
        assert newest == caught_up + 5
        # a writer that keeps no log changed the file: it could have changed anything
        connection.execute("UPDATE users SET phone = phone WHERE id = 1")
        _, _, changes = watch._changes_since(connection, newest)
        assert changes == Changes.all()
    finally:
        db.dispose()
        connection.close()


def test_notify_payloads_carry_the_seat_and_drop_ids_when_too_long() -> None:
    changes = Changes.of_ids(Kind.BOOKINGS, [17]).merge(Changes.of_ids(Kind.BUNDLES, [4]))
    assert feed.parse_notify_payload(feed.notify_payload(changes, "s1")) == ("s1", changes)
    many = Changes.of_ids(Kind.BOOKINGS, range(100_000, 102_000))
    payload = feed.notify_payload(many, "s1")
    assert len(payload.encode()) < feed.MAX_PAYLOAD_BYTES
    assert feed.parse_notify_payload(payload) == ("s1", Changes.of(Kind.BOOKINGS))
    assert feed.parse_notify_payload("") == (None, Changes.all())  # an older seat
    assert feed.parse_notify_payload("{not json") == (None, Changes.all())


def test_the_log_is_pruned_by_every_so_many_writes_and_stays_bounded(
    monkeypatch: pytest.MonkeyPatch, studio: GuiStudio
) -> None:
    """Writes prune the log only when their id is a multiple of PRUNE_EVERY: between two
    prunes it grows, never past KEEP_LOG_ROWS + PRUNE_EVERY rows."""
    monkeypatch.setattr(feed, "KEEP_LOG_ROWS", 3)
    monkeypatch.setattr(feed, "PRUNE_EVERY", 4)
    connection = sqlite3.connect(studio.path, isolation_level=None)
    services = Services(Database(studio.url))
    try:
        counts = []  # the rows after each write, from the first prune on
        for number in range(12):
            services.catalogue.add_room(Principal.system(), NewRoom(f"Room {number}"))
            newest, count = connection.execute(
                "SELECT max(id), count(*) FROM change_log"
            ).fetchone()
            if newest % 4 == 0 or counts:
                counts.append(count)
            if newest % 4 == 0:
                assert (
                    connection.execute("SELECT min(id) FROM change_log").fetchone()[0] == newest - 2
                )  # the newest 3 kept
        assert max(counts) <= 3 + 4
        assert len(set(counts)) > 1  # it grew between prunes, and shrank at them
    finally:
        connection.close()
