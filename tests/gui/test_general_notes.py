"""Notes on a client (not on one booking) reach the client's window: staff write one for
the client and an internal one from the Clients place; the client's Files tab shows the
first under "From the studio" (escaped, its link clickable), never the internal one, and
the tab's title is badged until the client opens the tab. Staff looking at the client's
Files tab see both and mark nothing read; another client sees nothing."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.services import Services
from podyx_desktop.views.client.opening import FILES
from podyx_desktop.views.profile.files_tab import FilesTab
from podyx_desktop.views.staff.note_dialogs import NoteDialog
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.fixtures_tabs import click, wait_closed, wait_idle
from tests.gui.test_desk_actions import staff
from tests.gui.test_sign_in import sign_in, wait_main

WAIT = 10_000
LINK = "https://example.com/studio-guide"


def _write_note(qtbot: Any, pane: Any, text: str, *, internal: bool) -> None:
    from tests.gui.test_staff_client_actions import open_dialog

    dialog = open_dialog(qtbot, pane, pane.note_button)
    assert isinstance(dialog, NoteDialog) and dialog.booking_id is None
    dialog.body.setPlainText(text)
    (dialog.internal if internal else dialog.for_client).setChecked(True)
    click(qtbot, dialog.save_button)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: pane.feedback.text() == "Note added.", timeout=WAIT)


def test_a_note_on_the_client_reaches_their_files_tab(
    qtbot: Any,
    make_app: Any,
    studio: GuiStudio,
    gui_services: Services,
    client_session: SignedIn,
    tab_context_for: Any,
) -> None:
    from tests.gui.test_staff_client_actions import open_client

    client_id = client_session.account.id
    desk = tab_context_for(staff(gui_services, Role.FRONT_DESK, "Fran"))
    place, pane = open_client(qtbot, desk, client_id)
    _write_note(qtbot, pane, f"Welcome! <b>Read</b> {LINK} before your session.", internal=False)
    _write_note(qtbot, pane, "Pays late — keep an eye on it.", internal=True)

    # staff see both on the client's Files tab, the internal one marked; nothing is read
    staff_tab = place.files_tab
    place.profile_tabs.setCurrentWidget(staff_tab)
    qtbot.waitUntil(lambda: len(staff_tab.notes_panel.notes) == 2, timeout=WAIT)
    wait_idle(qtbot, desk)
    assert staff_tab.notes_panel.isVisible()
    assert "Internal — staff only" in staff_tab.notes_panel.text.text()
    assert gui_services.notes.unread_general(client_session.principal, client_id) == 1

    # the client's window badges the Files tab before it is opened
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    assert window.tabs.currentIndex() != FILES
    qtbot.waitUntil(lambda: window.tabs.tabText(FILES) == "&Files ● 1", timeout=WAIT)
    assert gui_services.notes.unread_general(client_session.principal, client_id) == 1

    # opening the tab shows the note (escaped, the link clickable, by Fran) and clears it
    window.show_tab(FILES)
    tab = window.files_tab
    panel = tab.notes_panel
    qtbot.waitUntil(lambda: len(panel.notes) == 1, timeout=WAIT)
    shown = panel.text.text()
    assert f'<a href="{LINK}">{LINK}</a>' in shown
    assert "&lt;b&gt;Read&lt;/b&gt;" in shown and "<b>Read</b>" not in shown
    assert "Fran" in shown and "Pays late" not in shown and "Internal" not in shown
    assert panel.text.openExternalLinks() and panel.isVisible()
    assert panel.heading.text() == "From the studio"
    qtbot.waitUntil(lambda: window.tabs.tabText(FILES) == "&Files", timeout=WAIT)
    qtbot.waitUntil(
        lambda: gui_services.notes.unread_general(client_session.principal, client_id) == 0,
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: "New" not in panel.text.text(), timeout=WAIT)  # read now
    assert [n.internal for n in panel.notes] == [False]
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)

    # another client sees nothing: the section stays hidden
    gui_services.accounts.sign_up(
        Principal.anonymous(),
        NewAccount("Ben Other", "ben@example.com", "+49 30 5550001", PASSWORD),
    )
    ben = gui_services.accounts.sign_in("ben@example.com", PASSWORD)
    ben_ctx = tab_context_for(ben)
    ben_tab = FilesTab(ben_ctx)
    qtbot.addWidget(ben_tab)
    unread: list[int] = []
    ben_tab.unread_changed.connect(unread.append)
    ben_tab.show()
    ben_tab.reload()
    qtbot.waitUntil(lambda: unread == [0], timeout=WAIT)
    assert ben_tab.notes_panel.notes == [] and not ben_tab.notes_panel.isVisible()
    wait_idle(qtbot, ben_ctx)
    wait_idle(qtbot, desk)
