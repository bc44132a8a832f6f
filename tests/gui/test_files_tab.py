"""The Files tab on both sides of the desk: staff share a file from a client's profile in
the Clients place, the client's open window shows it (badged New), the client downloads
it into a folder with the checksum verified; another client sees nothing; staff revoke it
and it leaves the client's open window by itself."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SharedFile, SignedIn
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.services import Services
from podyx_desktop.views.profile.files_tab import FilesTab
from podyx_desktop.views.profile.share_file_dialog import ShareChoice
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.fixtures_tabs import click, wait_idle
from tests.gui.test_desk_actions import staff
from tests.gui.test_sign_in import sign_in, wait_main
from tests.gui.test_staff_clients import open_place

WAIT = 10_000
ROOT = Path(__file__).resolve().parents[2]


def rows(tab: FilesTab) -> list[SharedFile]:
    model = tab.model
    return [model.index(r, 0).data(RECORD_ROLE) for r in range(model.rowCount())]


def revoke_in_another_process(studio: GuiStudio, email: str, file_id: int) -> None:
    """A staff seat elsewhere revokes the file (this process's own writes are published
    by its operations, not by the watcher, so "live" needs another process)."""
    script = (
        "import sys\n"
        "from podyx_desktop.db.engine import Database\n"
        "from podyx_desktop.services import Services\n"
        "db = Database(sys.argv[1])\n"
        "services = Services(db)\n"
        "me = services.accounts.sign_in(sys.argv[2], sys.argv[3])\n"
        "services.files.revoke(me.principal, int(sys.argv[4]))\n"
        "db.dispose()\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, studio.url, email, PASSWORD, str(file_id)],
        check=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        timeout=60,
    )


def test_staff_share_the_client_downloads_and_a_revoked_file_leaves(
    qtbot: Any,
    make_app: Any,
    studio: GuiStudio,
    gui_services: Services,
    client_session: SignedIn,
    tab_context_for: Any,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    # staff open the client in the Clients place and share a file from disk, for a booking
    fran = staff(gui_services, Role.FRONT_DESK, "Fran")
    desk = tab_context_for(fran)
    place = open_place(qtbot, desk)
    place.resize(1200, 700)
    place.show_client(client_session.account)
    staff_tab = place.files_tab
    place.profile_tabs.setCurrentWidget(staff_tab)
    wait_idle(qtbot, desk)
    assert staff_tab.share_button.isVisible() and staff_tab.revoke_button.isVisible()
    source = tmp_path / "Episode 12 final.mp3"
    source.write_bytes(b"ID3\x03\x00" + bytes(range(256)) * 9000)  # 2.3 MB; type from bytes
    monkeypatch.setattr(
        FilesTab,
        "ask_share",
        lambda self, bookings, link: ShareChoice(str(source), "", "", bookings[0].id),
    )
    click(qtbot, staff_tab.share_button)
    qtbot.waitUntil(lambda: len(rows(staff_tab)) == 1, timeout=WAIT)
    assert "Shared “Episode 12 final.mp3”" in staff_tab.result_label.text()
    [shared] = rows(staff_tab)
    assert shared.media_type == "audio/mpeg" and shared.shared_by == "Fran"
    assert shared.booking_id == studio.booking_id
    other = gui_services.files.share_file(
        fran.principal, client_id=client_session.account.id, name="notes.txt", content=b"hi"
    )
    staff_tab.reload()
    qtbot.waitUntil(lambda: len(rows(staff_tab)) == 2, timeout=WAIT)

    # the client's window shows both, badged New
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    window.show_tab(4)
    client_tab = window.files_tab
    qtbot.waitUntil(lambda: len(rows(client_tab)) == 2, timeout=WAIT)
    assert not client_tab.share_button.isVisible() and not client_tab.revoke_button.isVisible()
    model = client_tab.model
    row = model.find_row(lambda f: f.id == shared.id)
    assert model.index(row, model.NAME).data() == "● New  Episode 12 final.mp3"
    assert model.index(row, model.SHARED_BY).data() == "Fran"
    assert model.index(row, model.SIZE).data() == "2.3 MB"
    assert model.index(row, model.BOOKING).data() != ""

    # … downloads it into a folder: the checksum is verified and shown, the badge goes
    folder = tmp_path / "downloads"
    folder.mkdir()
    monkeypatch.setattr(FilesTab, "ask_folder", lambda self: str(folder))
    assert client_tab.select_file(shared.id)
    click(qtbot, client_tab.download_button)
    qtbot.waitUntil(lambda: "Checksum verified" in client_tab.result_label.text(), timeout=WAIT)
    saved = folder / "Episode 12 final.mp3"
    assert saved.read_bytes() == source.read_bytes()
    assert hashlib.sha256(source.read_bytes()).hexdigest() in client_tab.result_label.text()
    assert not client_tab.progress_row.isVisible()
    qtbot.waitUntil(
        lambda: (
            model.index(model.find_row(lambda f: f.id == shared.id), model.NAME).data()
            == "Episode 12 final.mp3"
        ),
        timeout=WAIT,
    )

    # another client sees nothing of it
    gui_services.accounts.sign_up(
        Principal.anonymous(),
        NewAccount("Ben Other", "ben@example.com", "+49 30 5550001", PASSWORD),
    )
    ben = gui_services.accounts.sign_in("ben@example.com", PASSWORD)
    ben_tab = FilesTab(tab_context_for(ben))
    qtbot.addWidget(ben_tab)
    ben_tab.reload()
    qtbot.waitUntil(lambda: "No files yet" in ben_tab.list_message.text(), timeout=WAIT)
    assert rows(ben_tab) == []

    # a staff seat elsewhere revokes it: it leaves the client's open window by itself
    revoke_in_another_process(studio, "fran@example.com", shared.id)
    qtbot.waitUntil(lambda: [f.id for f in rows(client_tab)] == [other.id], timeout=WAIT)

    # staff revoke the other from the Files tab
    monkeypatch.setattr(FilesTab, "confirm_revoke", lambda self, chosen: True)
    staff_tab.reload()
    qtbot.waitUntil(lambda: len(rows(staff_tab)) == 1, timeout=WAIT)
    staff_tab.view.selectRow(0)
    click(qtbot, staff_tab.revoke_button)
    qtbot.waitUntil(lambda: rows(staff_tab) == [], timeout=WAIT)
    assert "no longer shared" in staff_tab.result_label.text()
    wait_idle(qtbot, desk)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)


def test_a_canceled_download_leaves_nothing(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    client_session: SignedIn,
    tab_context_for: Any,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    gui_services.files.share_file(
        desk.principal,
        client_id=client_session.account.id,
        name="long.wav",
        content=b"RIFF" + b"\x00" * (5 * 1024 * 1024),
    )
    ctx = tab_context_for(client_session)
    tab = FilesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(900, 500)
    tab.show()
    tab.reload()
    qtbot.waitUntil(lambda: len(rows(tab)) == 1, timeout=WAIT)
    folder = tmp_path / "downloads"
    folder.mkdir()
    monkeypatch.setattr(FilesTab, "ask_folder", lambda self: str(folder))
    tab.view.selectRow(0)
    tab.download_button.click()
    assert tab.progress_row.isVisible()
    tab.cancel_download()  # before the worker reads the first chunk: canceled at once
    qtbot.waitUntil(lambda: "canceled" in tab.result_label.text(), timeout=WAIT)
    assert list(folder.iterdir()) == []
    assert not tab.progress_row.isVisible() and tab.download_button.isEnabled()
    wait_idle(qtbot, ctx)


def test_the_owner_sets_the_file_limit_in_set_up(
    qtbot: Any, make_app: Any, gui_services: Services, factory_studio: Any
) -> None:
    from tests.gui.test_setup_place import OWNER, staff_window, wait_tasks

    app = make_app()
    window = staff_window(qtbot, app, OWNER)
    window.open_setup("tax")
    tax = window.setup_place.tax
    qtbot.waitUntil(lambda: tax.file_limit.value() == 2048, timeout=WAIT)
    assert tax.save_limit_button.isEnabled()
    tax.file_limit.setValue(500)
    click(qtbot, tax.save_limit_button)
    qtbot.waitUntil(lambda: "Saved the file limit" in tax.message_text, timeout=WAIT)
    wait_tasks(qtbot, app)
    assert gui_services.files.file_limit_mib(Principal.system()) == 500
