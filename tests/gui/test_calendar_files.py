"""Calendar files from the windows: "Add to calendar…" on the client's session, "Export my
sessions…" beside the upcoming list, and the staff schedule's "Export room calendar…".

Qt's native save dialog and the system's URL opener are replaced; the request runs for
real on the task runner's worker, the file is written there, and the test reads it back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

import icalendar
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.staff.schedule.schedule_place import ALL_ROOMS
from tests import factories
from tests.factories import BERLIN, PASSWORD
from tests.gui.fixtures_tabs import click, select_row, wait_idle
from tests.gui.test_document_downloads import SaveDialog, answer, message_box
from tests.gui.test_schedule import open_place

WAIT = 20_000


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def save_to(monkeypatch: pytest.MonkeyPatch, answer_path: Path) -> SaveDialog:
    dialog = SaveDialog(str(answer_path))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return dialog


def read_events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    return list(calendar.walk("VEVENT"))


def bookings_tab(qtbot: Any, ctx: ViewContext) -> BookingsTab:
    tab = BookingsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    tab.reload()
    wait_idle(qtbot, ctx)
    return tab


def test_add_a_session_to_the_calendar(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    opened: list[QUrl],
    tab_context: ViewContext,
    studio: Any,
    gui_services: Services,
) -> None:
    booking = gui_services.bookings.get(Principal.system(), studio.booking_id)
    tab = bookings_tab(qtbot, tab_context)
    select_row(qtbot, tab.upcoming_view)
    wait_idle(qtbot, tab_context)
    button = tab.details.calendar_button
    assert button.isVisible() and button.isEnabled()
    assert button.text() == "Add to ca&lendar…"
    target = tmp_path / "session.ics"
    dialog = save_to(monkeypatch, target)
    downloads = tab.calendar.downloads
    click(qtbot, button)
    qtbot.waitUntil(lambda: not downloads.is_saving, timeout=WAIT)
    title, start, filters = dialog.calls[0]
    day = booking.starts_at.astimezone(BERLIN).date()
    assert title == "Add to calendar"
    assert Path(start).name == f"Session {day.isoformat()} Podcast recording.ics"
    assert filters == "Calendar files (*.ics)"
    box = message_box(qtbot, "Open it now?")
    assert str(tmp_path) in box.informativeText()  # where it was saved
    answer(qtbot, box, "Open")
    assert opened == [QUrl.fromLocalFile(str(target))]
    (event,) = read_events(target)
    assert str(event["uid"]).startswith(f"booking-{booking.id}-")
    assert event.get("dtstart").params["TZID"] == "Europe/Berlin"
    assert event.decoded("dtstart").astimezone(UTC) == booking.starts_at
    assert str(event["status"]) == "TENTATIVE"  # pay later: awaiting approval


def test_export_my_sessions_and_why_not(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    opened: list[QUrl],
    tab_context: ViewContext,
    tab_context_for: Callable[[SignedIn], ViewContext],
    studio: Any,
    gui_services: Services,
    factory_studio: factories.Studio,
) -> None:
    tab = bookings_tab(qtbot, tab_context)
    export = tab.calendar
    assert export.button.text() == "E&xport my sessions…"
    assert export.button.isEnabled() and export.reason.text() == ""
    target = tmp_path / "mine"  # no suffix typed: .ics is added
    save_to(monkeypatch, target)
    click(qtbot, export.button)
    qtbot.waitUntil(lambda: not export.downloads.is_saving, timeout=WAIT)
    answer(qtbot, message_box(qtbot, "Open it now?"), "Close")
    (event,) = read_events(tmp_path / "mine.ics")
    assert str(event["uid"]).startswith(f"booking-{studio.booking_id}-")

    # A client with nothing upcoming is told why the export is unavailable.
    factory_studio.client("Bob Nobody", email="bob@example.com")
    bob = gui_services.accounts.sign_in("bob@example.com", PASSWORD)
    empty = bookings_tab(qtbot, tab_context_for(bob))
    assert not empty.calendar.button.isEnabled()
    assert empty.calendar.reason.text() == "No upcoming sessions to export."
    assert empty.calendar.button.toolTip() == "No upcoming sessions to export."


def test_staff_export_a_rooms_week(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    opened: list[QUrl],
    studio: Any,
    gui_services: Services,
    factory_studio: factories.Studio,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    staff = gui_services.accounts.sign_in("desk@example.com", PASSWORD)
    booking = gui_services.bookings.get(staff.principal, studio.booking_id)
    day = booking.starts_at.astimezone(BERLIN).date()
    place = open_place(qtbot, tab_context_for(staff), day)
    assert not place.details.calendar_button.isVisibleTo(place)
    assert not place.export_button.isEnabled()
    assert "Show a week" in place.export_reason.text()
    place.set_week_mode(True)
    place.choose_room(ALL_ROOMS)
    qtbot.waitUntil(lambda: place.loads >= 2, timeout=WAIT)
    assert not place.export_button.isEnabled()
    assert place.export_button.toolTip() == "Choose one room to export its calendar."
    place.choose_room(factory_studio.room_a)
    assert place.export_button.isEnabled()
    target = tmp_path / "room.ics"
    dialog = save_to(monkeypatch, target)
    click(qtbot, place.export_button)
    qtbot.waitUntil(lambda: not place.calendar_downloads.is_saving, timeout=WAIT)
    week = place.days()
    assert Path(dialog.calls[0][1]).name == (
        f"Studio A {week[0].isoformat()} to {week[-1].isoformat()}.ics"
    )
    answer(qtbot, message_box(qtbot, "Open it now?"), "Close")
    (event,) = read_events(target)
    assert str(event["uid"]).startswith(f"booking-{booking.id}-")
    assert event.decoded("dtstart").astimezone(UTC) == booking.starts_at
