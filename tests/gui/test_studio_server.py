"""A client at home, end to end: a real ``podyx-server`` process on loopback over the
test's studio; the client's window connects to it ("Connect to your studio…"), signs in,
books through the wizard (the booking is in the studio's database), sees a staff cancel
within 2 s, keeps its lists readable offline while writes are refused in words, and
resyncs by itself when the server is back. Signing out removes the local copy."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod
from podyx_desktop.gui.app import DesktopApp
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.operations.bookings import cancel_booking
from podyx_desktop.services import Services
from podyx_desktop.views.booking.booking_wizard import BookingWizard
from podyx_desktop.views.client.main_window import MainWindow
from podyx_desktop.views.start.connect_dialog import ConnectDialog
from tests.gui.conftest import GuiStudio, services_factory_for
from tests.gui.fixtures_tabs import click, pick_slot, select_row, studio_today
from tests.server.conftest import LiveServer, start_server


@pytest.fixture
def server(studio: GuiStudio, tmp_path: Path) -> Iterator[LiveServer]:
    live = start_server(studio.url, str(tmp_path / "server.log"))
    yield live
    live.stop()


def _connect(qtbot: Any, app: DesktopApp, address: str) -> None:
    """Through the sign-in screen's "Connect to your studio…" and its dialog."""
    click(qtbot, app.sign_in.link_button)
    dialog = app.sign_in.findChild(ConnectDialog)
    assert dialog is not None
    dialog.address.setText(address)
    click(qtbot, dialog.look_button)
    qtbot.waitUntil(dialog.connect_button.isEnabled, timeout=10_000)
    assert "Test Studio" in dialog.found.text()
    click(qtbot, dialog.connect_button)
    assert app.link is not None and app.link.address == address


def _sign_in(qtbot: Any, app: DesktopApp, studio: GuiStudio) -> MainWindow:
    screen = app.sign_in
    qtbot.waitUntil(screen.sign_in_button.isEnabled, timeout=15_000)
    screen.email.setText(studio.client_email)
    screen.password.setText(studio.client_password)
    click(qtbot, screen.sign_in_button)
    qtbot.waitUntil(lambda: isinstance(app.main_window, MainWindow), timeout=20_000)
    window = app.main_window
    assert isinstance(window, MainWindow)
    return window


def _status(tab: Any, booking_id: int) -> BookingStatus | None:
    model = tab.upcoming_model
    for row in range(model.rowCount()):
        record = model.record(row)
        if record is not None and record.id == booking_id:
            return BookingStatus(record.status)
    return None


def _book_in_the_wizard(qtbot: Any, window: MainWindow, factory_studio: Any) -> int:
    ctx = window.context
    wizard = BookingWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.setup_page.model.rowCount() > 0, timeout=10_000)

    def next_page() -> None:
        qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled())
        click(qtbot, wizard.button(QWizard.WizardButton.NextButton))

    select_row(
        qtbot, wizard.setup_page.list, wizard.setup_page.model.row_of(factory_studio.podcast_setup)
    )
    next_page()
    page = wizard.service_page
    select_row(qtbot, page.list, page.model.row_of(factory_studio.podcast))
    page.length.setCurrentIndex(page.length.findData(120))
    next_page()
    next_page()  # no add-ons
    pick_slot(qtbot, ctx, wizard.time_page.picker, studio_today() + timedelta(days=2), row=1)
    next_page()
    click(qtbot, wizard.review_page.terms.check)
    next_page()
    wizard.payment_page.method.set_method(PaymentMethod.PAY_LATER)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentId() == BookingWizard.DONE, timeout=15_000)
    result = wizard.booking_result
    assert result is not None
    wizard.close()
    return result.booking.id


def test_a_client_at_home_books_sees_staff_changes_and_works_offline(
    qtbot: Any,
    studio: GuiStudio,
    server: LiveServer,
    gui_services: Services,
    factory_studio: Any,
    tmp_path: Path,
) -> None:
    copies = tmp_path / "copies"
    app = DesktopApp(
        services_factory_for(studio.url),
        settings=UiSettings(),
        database_url=lambda: studio.url,
        copies=copies,
    )
    try:
        app.start()
        _connect(qtbot, app, server.url)
        assert UiSettings().studio_server == server.url
        window = _sign_in(qtbot, app, studio)
        connection = app.link.connection if app.link else None
        assert connection is not None and connection.ready
        tab = window.bookings_tab
        qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=10_000)
        copy_files = list(copies.glob("*.sqlite3"))
        assert len(copy_files) == 1

        # a booking made in the window is in the studio's database
        booked = _book_in_the_wizard(qtbot, window, factory_studio)
        client = gui_services.accounts.sign_in(studio.client_email, studio.client_password)
        in_studio = gui_services.bookings.get(client.principal, booked)
        assert in_studio.status in (BookingStatus.PENDING, BookingStatus.CONFIRMED)
        qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 2, timeout=10_000)

        # a staff cancel reaches the window within 2 s
        qtbot.waitUntil(lambda: connection.online, timeout=10_000)
        started = time.monotonic()
        gui_services.bookings.cancel(factory_studio.desk, booked, reason="The room flooded")
        qtbot.waitUntil(lambda: _status(tab, booked) is BookingStatus.CANCELED, timeout=2_000)
        assert time.monotonic() - started <= 2.0

        # offline: the banner, lists still readable, a write refused in words
        server.stop()
        banner = window.offline_banner
        assert banner is not None
        qtbot.waitUntil(banner.isVisible, timeout=15_000)
        assert "offline" in banner.text.text()
        assert "Offline" in window.sync_label.text()
        tab.reload()
        qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 2, timeout=10_000)
        window.tabs.setCurrentIndex(2)  # Purchases: from the copy, though offline
        purchases = window.purchases_tab
        qtbot.waitUntil(lambda: purchases.model.rowCount() >= 1, timeout=10_000)
        refused: list[str] = []
        cancel_booking(window.context, window.context.user.principal, studio.booking_id).failure(
            refused.append
        ).run(window)
        qtbot.waitUntil(lambda: bool(refused), timeout=20_000)
        assert "cannot reach your studio" in refused[0]
        assert "nothing was changed" in refused[0]
        original = gui_services.bookings.get(client.principal, studio.booking_id)
        assert original.status is not BookingStatus.CANCELED

        # staff cancel the other booking meanwhile; the server comes back: the window
        # resyncs by itself
        gui_services.bookings.cancel(factory_studio.desk, studio.booking_id, reason="Ill")
        restarted = start_server(
            studio.url, server.log_path, port=int(server.url.rsplit(":", 1)[1])
        )
        server.process = restarted.process
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=30_000)
        window.tabs.setCurrentIndex(0)  # the Bookings tab, behind Purchases: loaded on show
        qtbot.waitUntil(
            lambda: _status(tab, studio.booking_id) is BookingStatus.CANCELED, timeout=10_000
        )
        assert "Synced" in window.sync_label.text()

        # signing out removes the copy
        app.log_out()
        qtbot.waitUntil(lambda: not any(copies.glob("*.sqlite3")), timeout=10_000)
    finally:
        app.shutdown()


def test_a_remembered_client_opens_from_the_copy_at_once_even_offline(
    qtbot: Any, studio: GuiStudio, server: LiveServer, tmp_path: Path
) -> None:
    copies = tmp_path / "copies"
    settings = UiSettings()
    settings.studio_server, settings.studio_server_pin = server.url, ""
    first = DesktopApp(
        services_factory_for(studio.url),
        settings=settings,
        studio_server=(server.url, ""),
        copies=copies,
    )
    try:
        first.start()
        first.sign_in.remember.setChecked(True)
        window = _sign_in(qtbot, first, studio)
        qtbot.waitUntil(lambda: window.bookings_tab.upcoming_model.rowCount() == 1, timeout=10_000)
    finally:
        first.shutdown()

    server.stop()  # the studio cannot be reached; the copy and the keyring remain
    again = DesktopApp(
        services_factory_for(studio.url),
        settings=UiSettings(),
        studio_server=(server.url, ""),
        copies=copies,
    )
    try:
        again.start()
        qtbot.waitUntil(lambda: isinstance(again.main_window, MainWindow), timeout=15_000)
        window = again.main_window
        assert isinstance(window, MainWindow)
        assert window.bookings_tab.upcoming_model.rowCount() == 1  # opened filled, from the copy
        banner = window.offline_banner
        assert banner is not None
        qtbot.waitUntil(banner.isVisible, timeout=15_000)
    finally:
        again.shutdown()


def test_staff_are_told_to_use_the_studios_database(
    qtbot: Any, studio: GuiStudio, server: LiveServer, tmp_path: Path
) -> None:
    app = DesktopApp(
        services_factory_for(studio.url),
        settings=UiSettings(),
        studio_server=(server.url, ""),
        copies=tmp_path / "copies",
    )
    try:
        app.start()
        screen = app.sign_in
        qtbot.waitUntil(screen.sign_in_button.isEnabled, timeout=15_000)
        screen.email.setText("desk@example.com")
        screen.password.setText(studio.client_password)
        click(qtbot, screen.sign_in_button)
        qtbot.waitUntil(screen.message.isVisible, timeout=15_000)
        assert "staff seats connect to the studio's database directly" in screen.message.text()
        assert app.main_window is None
    finally:
        app.shutdown()


def test_the_app_over_a_studio_server_paints_before_loading_its_link() -> None:
    """The sign-in screen of a client at home paints as quickly as anyone's: HTTP, the
    wire's models and SQLAlchemy load on the worker after it, not while the app is made."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from podyx_desktop.gui.app import DesktopApp\n"
        "d = DesktopApp(lambda: None, studio_server=('http://127.0.0.1:9', ''))\n"
        "print(sorted(m for m in ('httpx', 'sqlalchemy', 'pydantic') if m in sys.modules))\n"
        "d.tasks.shutdown()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
