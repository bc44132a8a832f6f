"""Studio notes from the desk to the client: staff add a note from the staff side's notes
panel and the client's open Bookings tab shows it with the unread badge; an internal note
never reaches the client's window or PDF; another client sees nothing; edits keep the
history; a deleted note disappears live from the client's window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox

from podyx_desktop.documents import render_session_summary
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.staff.note_dialogs import NoteDialog, NotesPanel
from tests.documents.pdfcheck import Pdf
from tests.factories import PASSWORD
from tests.gui.fixtures_tabs import click, open_tab, select_row, wait_closed, wait_idle
from tests.gui.test_desk_actions import staff

ContextFor = Callable[[SignedIn], ViewContext]
LINK = "https://example.com/final-mix"


def _panel(qtbot: Any, ctx: ViewContext, booking_id: int, client_id: int) -> NotesPanel:
    panel = NotesPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    panel.show_booking(booking_id, client_id, "Ana: Podcast")
    wait_idle(qtbot, ctx)
    return panel


def _write(qtbot: Any, panel: NotesPanel, text: str, *, internal: bool, edit: bool = False) -> None:
    click(qtbot, panel.edit_button if edit else panel.add_button)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, NoteDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, NoteDialog)
    dialog.body.setPlainText(text)  # (keyClicks with non-ASCII crashes Qt)
    (dialog.internal if internal else dialog.for_client).setChecked(True)
    click(qtbot, dialog.save_button)
    wait_closed(qtbot, dialog)


def _select_note(qtbot: Any, panel: NotesPanel, body_part: str) -> None:
    qtbot.waitUntil(lambda: any(body_part in n.body for n in panel.notes), timeout=10_000)
    row = next(i for i, n in enumerate(panel.notes) if body_part in n.body)
    panel.list.setCurrentRow(row)


def test_staff_note_reaches_the_clients_open_window(
    qtbot: Any,
    studio: Any,
    gui_services: Services,
    tab_context: ViewContext,
    tab_context_for: ContextFor,
    client_session: SignedIn,
    factory_studio: Any,
) -> None:
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    staff_ctx = tab_context_for(desk)
    staff_ctx.bus.changed.connect(tab_context.bus.publish)  # the change feed, between seats
    client_id = client_session.account.id
    tab: BookingsTab = open_tab(qtbot, tab_context, BookingsTab, (1100, 650))
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=10_000)
    other = factory_studio.client("Eve Other", "eve@example.com")
    other_tab: BookingsTab = open_tab(qtbot, tab_context_for(other), BookingsTab, (900, 600))
    panel = _panel(qtbot, staff_ctx, studio.booking_id, client_id)

    _write(qtbot, panel, f"Your final mix is ready: {LINK} — enjoy!", internal=False)
    _write(qtbot, panel, "Client was late; charge the overtime.", internal=True)
    qtbot.waitUntil(lambda: len(panel.notes) == 2, timeout=10_000)
    assert panel.list.item(0).text().startswith("[Internal] Fran")

    # the client's open window: the note with its link, the badge; never the internal one
    qtbot.waitUntil(lambda: tab.unread == {studio.booking_id: 1}, timeout=10_000)
    qtbot.waitUntil(lambda: len(tab.details.notes) == 1, timeout=10_000)
    shown = tab.details.notes_text.text()
    assert f'<a href="{LINK}">' in shown and "overtime" not in shown
    assert "1 new note" in tab.upcoming_model.data(tab.upcoming_model.index(0, 2))
    summary = gui_services.reports.session_summary(client_session.principal, studio.booking_id)
    text = Pdf(render_session_summary(summary)).text
    assert LINK in text and "overtime" not in text
    # another client sees neither
    wait_idle(qtbot, other_tab._ctx)
    assert other_tab.unread == {} and other_tab.details.notes == []
    assert other_tab.upcoming_model.rowCount() == 0

    # the client opens the booking: the badge goes, and the desk sees it was read
    select_row(qtbot, tab.upcoming_view, 0)
    qtbot.waitUntil(lambda: tab.unread == {}, timeout=10_000)
    panel.reload()
    qtbot.waitUntil(lambda: "read by the client" in panel.list.item(1).text(), timeout=10_000)

    # an edit keeps the earlier text in the history
    _select_note(qtbot, panel, "final mix")
    _write(qtbot, panel, f"Your final mix v2 is ready: {LINK}", internal=False, edit=True)
    qtbot.waitUntil(lambda: any("v2" in n.body for n in tab.details.notes), timeout=10_000)
    qtbot.waitUntil(lambda: tab.unread == {studio.booking_id: 1}, timeout=10_000)
    _select_note(qtbot, panel, "v2")
    click(qtbot, panel.history_button)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    history = panel.dialog.findChild(object, "NoteHistory")  # type: ignore[union-attr]
    assert "v2 is ready" in history.toPlainText()
    assert "Your final mix is ready" in history.toPlainText()
    panel.dialog.reject()  # type: ignore[union-attr]

    # deleting it retracts it: gone live from the client's open window
    _select_note(qtbot, panel, "v2")
    click(qtbot, panel.delete_button)
    qtbot.waitUntil(lambda: panel.confirmation is not None and panel.confirmation.isVisible())
    box = panel.confirmation
    assert box is not None
    yes = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    click(qtbot, yes)
    qtbot.waitUntil(lambda: tab.details.notes == [], timeout=10_000)
    qtbot.waitUntil(lambda: tab.unread == {}, timeout=10_000)
    # the desk's panel reloads on its own worker: the client's window may be first
    qtbot.waitUntil(lambda: len(panel.notes) == 1, timeout=10_000)
    assert panel.notes[0].internal
    assert (
        gui_services.reports.session_summary(client_session.principal, studio.booking_id).notes
        == ()
    )


def test_the_desk_writes_a_note_on_a_client_and_sees_booking_notes_marked(
    qtbot: Any,
    studio: Any,
    gui_services: Services,
    tab_context_for: ContextFor,
    client_session: SignedIn,
) -> None:
    from tests.gui.test_staff_client_actions import open_client, open_dialog

    ctx = tab_context_for(staff(gui_services, Role.FRONT_DESK, "Fran"))
    client_id = client_session.account.id
    desk = gui_services.accounts.sign_in("fran@example.com", PASSWORD)
    gui_services.notes.add_note(
        desk.principal,
        client_id=client_id,
        booking_id=studio.booking_id,
        body="Internal: bring the spare mic.",
        internal=True,
    )
    place, pane = open_client(qtbot, ctx, client_id)
    dialog = open_dialog(qtbot, pane, pane.note_button)
    assert isinstance(dialog, NoteDialog) and dialog.booking_id is None
    dialog.body.setPlainText("Prefers morning sessions.")
    dialog.internal.setChecked(True)
    click(qtbot, dialog.save_button)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: pane.feedback.text() == "Note added.", timeout=10_000)
    [note, _booking_note] = gui_services.notes.list_notes(desk.principal, client_id=client_id)
    assert note.booking_id is None and note.internal and note.author_name == "Fran"
    assert gui_services.notes.list_notes(client_session.principal, client_id=client_id) == []
    # the client's Bookings tab, opened by staff: the booking's notes, internal ones marked
    tab = place.bookings_tab
    select_row(qtbot, tab.upcoming_view, 0)
    qtbot.waitUntil(lambda: len(tab.details.notes) == 1, timeout=10_000)
    assert "Internal — staff only" in tab.details.notes_text.text()
