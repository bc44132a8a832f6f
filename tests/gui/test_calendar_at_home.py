"""A client at home saves calendar files from the local copy: connected to a real
``podyx-server`` process, signed in, then offline — "Add to calendar…" and "Export my
sessions…" in the client's window still write their ``.ics`` files, read back here."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

import icalendar
import pytest
from PySide6.QtCore import QUrl

from podyx_desktop.gui.app import DesktopApp
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.services import Services
from tests.gui.conftest import GuiStudio, services_factory_for
from tests.gui.fixtures_tabs import click, select_row
from tests.gui.test_calendar_files import opened, save_to  # noqa: F401 (a fixture)
from tests.gui.test_document_downloads import answer, message_box
from tests.gui.test_studio_server import _connect, _sign_in, server  # noqa: F401
from tests.server.conftest import LiveServer

WAIT = 20_000


def test_a_client_at_home_adds_a_session_to_the_calendar_offline(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    studio: GuiStudio,
    server: LiveServer,  # noqa: F811
    gui_services: Services,
    opened: list[QUrl],  # noqa: F811
    tmp_path: Path,
) -> None:
    app = DesktopApp(
        services_factory_for(studio.url),
        settings=UiSettings(),
        database_url=lambda: studio.url,
        copies=tmp_path / "copies",
    )
    try:
        app.start()
        _connect(qtbot, app, server.url)
        window = _sign_in(qtbot, app, studio)
        tab = window.bookings_tab
        qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=WAIT)
        server.stop()  # from here on, only the copy answers
        banner = window.offline_banner
        assert banner is not None
        qtbot.waitUntil(banner.isVisible, timeout=15_000)

        select_row(qtbot, tab.upcoming_view)
        qtbot.waitUntil(tab.details.calendar_button.isEnabled, timeout=WAIT)
        target = tmp_path / "session.ics"
        save_to(monkeypatch, target)
        click(qtbot, tab.details.calendar_button)
        qtbot.waitUntil(lambda: not tab.calendar.downloads.is_saving, timeout=WAIT)
        answer(qtbot, message_box(qtbot, "Open it now?"), "Close")
        client = gui_services.accounts.sign_in(studio.client_email, studio.client_password)
        booking = gui_services.bookings.get(client.principal, studio.booking_id)
        (event,) = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
        assert str(event["uid"]).startswith(f"booking-{booking.id}-")
        assert event.get("dtstart").params["TZID"] == "Europe/Berlin"
        assert event.decoded("dtstart").astimezone(UTC) == booking.starts_at

        all_of_them = tmp_path / "all.ics"
        save_to(monkeypatch, all_of_them)
        click(qtbot, tab.calendar.button)
        qtbot.waitUntil(lambda: not tab.calendar.downloads.is_saving, timeout=WAIT)
        answer(qtbot, message_box(qtbot, "Open it now?"), "Close")
        events = icalendar.Calendar.from_ical(all_of_them.read_bytes()).walk("VEVENT")
        assert [str(e["uid"]) for e in events] == [str(event["uid"])]
    finally:
        app.shutdown()
