"""Studio notes on the client's side: the booking's details show the notes meant for the
client (newest first, links clickable, never HTML), an unread badge on the booking row and
on the Bookings tab title until the client opens the booking; internal notes never show;
a retracted note disappears from the open window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.models.note_text import note_html
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from tests.gui.fixtures_tabs import open_tab, select_row, wait_idle

ROOT = Path(__file__).resolve().parents[2]


def test_note_html_escapes_and_links() -> None:
    text = note_html('<b>Hi</b> & see https://example.com/a?b=1&c=2. Or "http://x.org/(y)"\nok')
    assert text.startswith("&lt;b&gt;Hi&lt;/b&gt; &amp; see ")
    assert (
        '<a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>.' in text
    )
    assert '<a href="http://x.org/(y)">' in text
    assert text.endswith("<br>ok")
    assert "<a" not in note_html("javascript:alert(1) ftp://x.org <script>")
    assert "&lt;script&gt;" in note_html("<script>")


def _tab(qtbot: Any, ctx: ViewContext) -> BookingsTab:
    tab: BookingsTab = open_tab(qtbot, ctx, BookingsTab, (1100, 650))
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=10_000)
    return tab


def test_client_sees_notes_with_badge_until_opened(
    qtbot: Any,
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    client_session: SignedIn,
) -> None:
    notes = factory_studio.services.notes
    client_id = client_session.account.id
    tab = _tab(qtbot, tab_context)
    titles: list[int] = []
    tab.unread_changed.connect(titles.append)
    notes.add_note(
        factory_studio.desk,
        client_id=client_id,
        booking_id=studio.booking_id,
        body="Pays late — keep an eye on it.",
        internal=True,
    )
    note = notes.add_note(
        factory_studio.desk,
        client_id=client_id,
        booking_id=studio.booking_id,
        body="Your mix: https://example.com/mix <b>not bold</b>",
        internal=False,
    )
    tab_context.bus.publish(Changes.of(Kind.NOTES))  # what the change feed says
    qtbot.waitUntil(lambda: tab.unread == {studio.booking_id: 1}, timeout=10_000)
    assert titles[-1] == 1
    service_text = tab.upcoming_model.data(tab.upcoming_model.index(0, tab.upcoming_model.SERVICE))
    assert "1 new note" in service_text
    # the booking was selected by the tab itself (not opened): the note shows, marked New
    qtbot.waitUntil(lambda: bool(tab.details.notes), timeout=10_000)
    shown = tab.details.notes_text.text()
    assert [n.id for n in tab.details.notes] == [note.id]
    assert '<a href="https://example.com/mix">' in shown and "&lt;b&gt;not bold" in shown
    assert "New" in shown and "Pays late" not in shown
    assert tab.details.notes_text.openExternalLinks()
    # the client opens the booking: the badge goes
    select_row(qtbot, tab.upcoming_view, 0)
    qtbot.waitUntil(lambda: tab.unread == {}, timeout=10_000)
    wait_idle(qtbot, tab_context)
    assert titles[-1] == 0
    assert "new note" not in tab.upcoming_model.data(tab.upcoming_model.index(0, 2))
    # the studio retracts it: it disappears from the open window
    notes.retract_note(factory_studio.desk, note.id)
    tab_context.bus.publish(Changes.of(Kind.NOTES))
    qtbot.waitUntil(lambda: tab.details.notes == [], timeout=10_000)
    assert not tab.details.notes_text.isVisible()


OTHER_SEAT = """
import sys
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import Services

url, what, *rest = sys.argv[1:]
db = Database(url)
notes = Services(db).notes
if what == "add":
    client_id, booking_id, internal, body = rest
    note = notes.add_note(
        Principal.system(), client_id=int(client_id), booking_id=int(booking_id),
        internal=internal == "internal", body=body,
    )
    print(note.id)
else:
    notes.retract_note(Principal.system(), int(rest[0]))
db.dispose()
"""


def on_another_seat(studio: Any, *args: str) -> str:
    """Write notes from another process (the change feed ignores this process's own)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", OTHER_SEAT, studio.url, *args],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def test_notes_reach_the_clients_open_window_through_the_change_feed(
    qtbot: Any, make_app: Any, studio: Any, client_session: SignedIn
) -> None:
    """The real window and the database's change feed: a note written on another seat
    appears with the badges; retracted, it disappears; the internal one never shows."""
    from tests.gui.test_sign_in import sign_in, wait_main

    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    tab = window.bookings_tab
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=10_000)
    ids = (str(client_session.account.id), str(studio.booking_id))
    on_another_seat(studio, "add", *ids, "internal", "Internal: VIP.")
    note_id = on_another_seat(studio, "add", *ids, "client", "See https://example.com")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "&Bookings ● 1", timeout=5_000)
    qtbot.waitUntil(lambda: len(tab.details.notes) == 1, timeout=5_000)
    assert "VIP" not in tab.details.notes_text.text()
    assert '<a href="https://example.com">' in tab.details.notes_text.text()
    select_row(qtbot, tab.upcoming_view, 0)  # the client opens it
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "&Bookings", timeout=5_000)
    on_another_seat(studio, "retract", note_id)
    qtbot.waitUntil(lambda: tab.details.notes == [], timeout=5_000)
