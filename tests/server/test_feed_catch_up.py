"""A change feed opened with the copy's cursor says in its first event what of the
caller's changed since (``since``): a copy that missed nothing need not sync after a
break, and nobody hears of anyone else's records that way."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from podyx_desktop.db import tables as t
from podyx_desktop.domain.changes import Changes
from podyx_desktop.services import Services
from tests.factories import PASSWORD
from tests.server.conftest import bearer, sign_in, start_server
from tests.server.security_world import A_EMAIL, World
from tests.server.test_security_sessions import sse_events


def first_event(http: httpx.Client, headers: dict[str, str], cursor: int) -> dict[str, Any]:
    with http.stream("GET", "/v1/changes", params={"cursor": cursor}, headers=headers) as stream:
        assert stream.status_code == 200
        return next(sse_events(stream))


def newest(services: Services) -> int:
    with services.db.read() as session:
        return int(session.scalar(select(func.max(t.ChangeLog.id))) or 0)


def caught_up(
    http: httpx.Client, headers: dict[str, str], cursor: int, services: Services
) -> dict[str, Any]:
    """The first event once the server's feed has followed the log to its end (on SQLite
    it reads the log four times a second; what it has not read yet comes live later)."""
    target, deadline = newest(services), time.monotonic() + 10
    while True:
        event = first_event(http, headers, cursor)
        if event["cursor"] >= target or time.monotonic() > deadline:
            return event
        time.sleep(0.1)


def test_a_feed_opened_with_a_cursor_says_what_of_yours_changed_since(
    world: World, services: Services, tmp_path: Path
) -> None:
    url = services.db.url.render_as_string(hide_password=False)
    server = start_server(url, str(tmp_path / "server.log"))
    desk = world.studio.desk
    try:
        with httpx.Client(base_url=server.url, timeout=httpx.Timeout(10.0)) as http:
            a = bearer(sign_in(http, A_EMAIL)["token"])
            b = bearer(sign_in(http, world.emails["B"])["token"])
            cursor = int(http.get("/v1/sync", headers=a).json()["cursor"])
            seen = int(http.get("/v1/sync", headers=b).json()["cursor"])

            # others' records and A's internal note change: nothing of A's to hear
            services.notes.add_note(desk, client_id=world.ids["b"], body="mic", internal=False)
            services.notes.add_note(desk, client_id=world.ids["a"], body="hm", internal=True)
            quiet = caught_up(http, a, cursor, services)
            assert quiet["since"] == cursor and quiet["changes"] == {}
            assert quiet["cursor"] > cursor  # the copy may move on without a sync

            visible = services.notes.add_note(
                desk, client_id=world.ids["a"], body="see you at ten", internal=False
            )
            told = caught_up(http, a, cursor, services)
            assert told["since"] == cursor
            assert told["changes"] == {"notes": [visible.id]}
            # B, from his own cursor, hears of his note and never of A's
            heard_by_b = caught_up(http, b, seen, services)
            assert visible.id not in (heard_by_b["changes"].get("notes") or [])
            assert heard_by_b["changes"].get("notes")  # his own "mic" note

            # without a cursor (or from before the log): as before, the copy syncs
            plain = first_event(http, a, 0)
            assert "since" not in plain and plain["changes"] == {}
            refused = http.get("/v1/changes", params={"cursor": -1}, headers=a)
            assert refused.status_code == 422
    finally:
        server.stop()
    assert "Traceback" not in server.log()


def test_a_window_back_after_a_break_syncs_only_when_something_of_its_changed(
    qapp: Any, world: World, services: Services, tmp_path: Path
) -> None:
    """The window's connection reopens its feed with the copy's cursor: with nothing of
    the client's changed meanwhile it moves the copy on without ``GET /v1/sync``; with a
    note for the client, it syncs and the note is in the copy."""
    from podyx_desktop.gui.changes import ChangeBus
    from podyx_desktop.sync.api import StudioApi
    from podyx_desktop.sync.connection import Connection
    from podyx_desktop.sync.local_copy import LocalCopy

    url = services.db.url.render_as_string(hide_password=False)
    server = start_server(url, str(tmp_path / "server.log"))
    desk = world.studio.desk
    api = StudioApi(server.url)
    copy = LocalCopy(tmp_path / "copy.sqlite3")
    try:
        signed_in = api.sign_in(A_EMAIL, PASSWORD, "test")
        connection = Connection(api, copy, ChangeBus())
        connection.open_for(world.ids["a"], signed_in.token)
        before = copy.state().cursor  # type: ignore[union-attr]
        syncs = server.log().count("/v1/sync")

        services.notes.add_note(desk, client_id=world.ids["b"], body="mic", internal=False)
        target = newest(services)
        with httpx.Client(base_url=server.url, timeout=httpx.Timeout(10.0)) as http:
            caught_up(http, bearer(signed_in.token), before, services)  # the feed has read it
        connection.start()
        wait(lambda: copy.state().cursor >= target)  # type: ignore[union-attr]
        connection.stop()
        assert server.log().count("/v1/sync") == syncs  # moved on without a sync
        moved = copy.state()
        assert moved is not None
        copy.advance(before)  # never back
        assert copy.state() == moved

        note = services.notes.add_note(
            desk, client_id=world.ids["a"], body="see you at ten", internal=False
        )
        connection.start()
        wait(lambda: server.log().count("/v1/sync") > syncs)
        wait(lambda: copy.state().cursor >= newest(services))  # type: ignore[union-attr]
        connection.stop()
        with copy.database().read() as session:
            kept = session.scalars(select(t.StudioNote.id).where(t.StudioNote.id == note.id)).all()
        assert kept == [note.id]
    finally:
        api.close()
        copy.remove()
        server.stop()


def wait(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_the_hub_reads_each_log_entrys_audience_once(world: World, services: Services) -> None:
    """The clients of a restarted server come back together: the first reconnect reads the
    entries' audiences, the others are answered from memory, each only their own."""
    from sqlalchemy import event

    from podyx_desktop.server.feed import ChangeHub

    hub = ChangeHub(services)
    desk = world.studio.desk
    since = newest(services)
    services.notes.add_note(desk, client_id=world.ids["a"], body="hm", internal=True)
    visible = services.notes.add_note(desk, client_id=world.ids["a"], body="ten", internal=False)
    mic = services.notes.add_note(desk, client_id=world.ids["b"], body="mic", internal=False)
    upto = newest(services)
    statements: list[str] = []
    event.listen(services.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    heard_by_a = hub.heard_since(world.ids["a"], since, upto)
    read = len(statements)
    heard_by_b = hub.heard_since(world.ids["b"], since, upto)
    again = hub.heard_since(world.ids["a"], since, upto)
    assert read > 0 and len(statements) == read  # the second and third: from memory
    assert heard_by_a is not None and heard_by_a.to_data() == {"notes": [visible.id]}
    assert heard_by_b is not None and heard_by_b.to_data() == {"notes": [mic.id]}
    assert again == heard_by_a
    assert hub.heard_since(world.ids["a"], upto, upto) == Changes()  # nothing after
    assert hub.heard_since(world.ids["a"], 0, upto) is None  # no cursor: a sync
