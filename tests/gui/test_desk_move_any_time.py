"""The Move dialog outside the studio's rules takes any start typed in — before opening
and off the booking grid — with a reason, audited; the client's window shows the time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDateTime

from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import Services
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.staff.desk_dialogs import MoveDialog
from tests.gui.fixtures_tabs import click, open_tab, wait_idle
from tests.gui.test_desk_actions import ContextFor, confirm, open_dialog, open_pane, staff


def test_outside_the_rules_the_move_dialog_takes_any_start(
    qtbot: Any,
    studio: Any,
    gui_services: Services,
    tab_context: Any,
    tab_context_for: ContextFor,
) -> None:
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    ctx = tab_context_for(desk)
    before = gui_services.bookings.get(Principal.system(), studio.booking_id)
    pane = open_pane(qtbot, ctx, studio.booking_id)
    dialog = open_dialog(qtbot, pane, pane.move_button)
    assert isinstance(dialog, MoveDialog)
    assert not dialog.any_time.isEnabled()  # within the rules: the free times only
    local = dialog.display.local(before.starts_at)
    early = (local + timedelta(days=1)).replace(hour=7, minute=10)  # closed, off the grid
    click(qtbot, dialog.bypass)
    assert dialog.any_time.isEnabled() and dialog.confirm_button.isEnabled()
    dialog.any_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(early.timestamp())))
    assert dialog.starts_at() == early
    dialog.reason.setText("Morning radio slot")
    confirm(qtbot, ctx, pane, dialog)
    moved = gui_services.bookings.get(Principal.system(), studio.booking_id)
    assert moved.starts_at == early and moved.room_id == before.room_id
    entries = gui_services.audit.list_entries(
        Principal.system(), entity="booking", entity_id=studio.booking_id
    )
    assert [e.reason for e in entries if e.action == "bypass_rules"] == ["Morning radio slot"]

    tab = open_tab(qtbot, tab_context, BookingsTab, (1100, 650))
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=10_000)
    shown = tab.upcoming_model.record(0)
    assert shown is not None and shown.starts_at == early
    wait_idle(qtbot, tab_context)
