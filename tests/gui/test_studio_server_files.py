"""Notes and files for a client at home: through a real ``podyx-server`` process, staff
share a file and write notes; the client's open window shows the file and the note meant
for them by itself, downloads the file through the server with its checksum verified,
never sees (nor holds in its copy) the internal note, and loses a revoked file live."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from podyx_desktop.gui.app import DesktopApp
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.services import Services
from podyx_desktop.views.profile.files_tab import FilesTab
from tests.gui.conftest import GuiStudio, services_factory_for
from tests.gui.fixtures_tabs import click
from tests.gui.test_files_tab import rows
from tests.gui.test_studio_server import _sign_in
from tests.server.conftest import LiveServer, start_server

WAIT = 10_000
INTERNAL = "Client was late twice; charge the no-show fee next time"
FOR_CLIENT = "Your mix is ready: https://example.com/mix"


@pytest.fixture
def server(studio: GuiStudio, tmp_path: Path) -> Iterator[LiveServer]:
    live = start_server(studio.url, str(tmp_path / "server.log"))
    yield live
    live.stop()


def test_notes_and_files_reach_a_client_at_home(
    qtbot: Any,
    studio: GuiStudio,
    server: LiveServer,
    gui_services: Services,
    factory_studio: Any,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    copies = tmp_path / "copies"
    app = DesktopApp(
        services_factory_for(studio.url),
        settings=UiSettings(),
        studio_server=(server.url, ""),
        copies=copies,
    )
    try:
        app.start()
        window = _sign_in(qtbot, app, studio)
        connection = app.link.connection if app.link else None
        assert connection is not None
        qtbot.waitUntil(lambda: connection.online, timeout=WAIT)
        window.show_tab(4)
        files_tab = window.files_tab
        qtbot.waitUntil(lambda: "No files yet" in files_tab.list_message.text(), timeout=WAIT)

        # staff share a file and write two notes on the client's booking
        desk = factory_studio.desk
        client_id = window.context.user.account.id
        content = b"ID3\x03\x00" + bytes(range(256)) * 9000
        source = tmp_path / "Episode 12 final.mp3"
        source.write_bytes(content)
        shared = gui_services.files.share_file(
            desk, client_id=client_id, name=source.name, source=source,
            booking_id=studio.booking_id,
        )  # fmt: skip
        gui_services.notes.add_note(
            desk, client_id=client_id, body=INTERNAL, internal=True, booking_id=studio.booking_id
        )
        gui_services.notes.add_note(
            desk, client_id=client_id, body=FOR_CLIENT, internal=False, booking_id=studio.booking_id
        )

        # the open window shows the file by itself (the change feed, then a sync)
        qtbot.waitUntil(lambda: [f.id for f in rows(files_tab)] == [shared.id], timeout=WAIT)

        # … and downloads it through the server, checksum verified
        folder = tmp_path / "downloads"
        folder.mkdir()
        monkeypatch.setattr(FilesTab, "ask_folder", lambda self: str(folder))
        assert files_tab.select_file(shared.id)
        click(qtbot, files_tab.download_button)
        qtbot.waitUntil(lambda: "Checksum verified" in files_tab.result_label.text(), timeout=WAIT)
        assert (folder / source.name).read_bytes() == content
        assert hashlib.sha256(content).hexdigest() in files_tab.result_label.text()
        assert gui_services.files.list_files(desk, client_id)[0].opened

        # the note meant for the client is in the booking's details; the internal one
        # is nowhere: not in the window, not in the copy on this computer
        window.show_tab(0)
        bookings = window.bookings_tab
        qtbot.waitUntil(lambda: bookings.upcoming_model.rowCount() == 1, timeout=WAIT)
        assert bookings.select_booking(studio.booking_id)
        details = bookings.details
        qtbot.waitUntil(lambda: "Your mix is ready" in details.notes_text.text(), timeout=WAIT)
        assert INTERNAL not in details.notes_text.text()
        [copy_file] = list(copies.glob("*.sqlite3"))
        with sqlite3.connect(copy_file) as raw:
            bodies = [body for (body,) in raw.execute("SELECT body FROM studio_notes")]
            hashes = [h for (h,) in raw.execute("SELECT password_hash FROM users")]
            dumped = "\n".join(raw.iterdump())
        assert bodies == [FOR_CLIENT]
        assert INTERNAL not in dumped
        assert set(hashes) == {"!copy"}

        # staff revoke the file: it leaves the client's open window by itself
        window.show_tab(4)
        gui_services.files.revoke(desk, shared.id)
        qtbot.waitUntil(lambda: rows(files_tab) == [], timeout=WAIT)
    finally:
        app.shutdown()
