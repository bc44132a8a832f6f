"""Staff get the staff window (clients get theirs): the studio's clients, and a client's
profile in the same tabs the client sees, worded with the client's name."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.enums import BookingStatus, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.services import Services
from podyx_desktop.views.staff.staff_window import StaffWindow
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.fixtures_tabs import click
from tests.gui.test_sign_in import sign_in, wait_main

WAIT = 10_000
DESK_EMAIL = "frida.desk@example.com"


def test_staff_see_a_clients_profile_worded_for_staff(
    qtbot: Any, make_app: Any, studio: GuiStudio, gui_services: Services
) -> None:
    gui_services.accounts.create_staff(
        Principal.system(),
        NewAccount("Frida Desk", DESK_EMAIL, "+49 30 5550000", PASSWORD),
        Role.FRONT_DESK,
    )
    app = make_app()
    sign_in(qtbot, app, DESK_EMAIL, PASSWORD)
    window = wait_main(qtbot, app)
    assert isinstance(window, StaffWindow)
    model = window.clients_place.model
    qtbot.waitUntil(lambda: model.rowCount() >= 1, timeout=WAIT)
    names = [model.index(i, model.NAME).data() for i in range(model.rowCount())]
    row = next(i for i, text in enumerate(names) if studio.client_name in text)

    window.places.setCurrentWidget(window.clients_place)  # as a click on "Clients" does
    window.clients.setCurrentIndex(model.index(row, 0))
    window.clients.activated.emit(model.index(row, 0))
    qtbot.waitUntil(lambda: window.profile_tabs.count() == 5, timeout=WAIT)
    bookings = window.bookings_tab
    qtbot.waitUntil(lambda: bookings.upcoming_model.rowCount() == 1, timeout=WAIT)
    shown = bookings.upcoming_model.record(0)
    assert shown is not None and shown.id == studio.booking_id
    account = window.account_tab
    assert account.full_name.text() != studio.client_name  # a hidden tab loads when shown
    window.profile_tabs.setCurrentWidget(account)
    qtbot.waitUntil(lambda: account.full_name.text() == studio.client_name, timeout=WAIT)
    window.profile_tabs.setCurrentWidget(bookings)
    assert not account.log_out_button.isVisibleTo(window)  # the client's own to do
    assert not account.password_section.isVisibleTo(window)

    # Staff cancel the client's session: worded with the client's name, and every seat's
    # screens follow (the profile's Bookings tab reloads from the published changes).
    qtbot.waitUntil(lambda: bookings.cancel_button.isEnabled(), timeout=WAIT)
    bookings._cancel_answered(shown, True)
    qtbot.waitUntil(
        lambda: f"The session of {studio.client_name} on" in bookings.feedback.text(),
        timeout=WAIT,
    )
    qtbot.waitUntil(
        lambda: (
            getattr(bookings.upcoming_model.record(0), "status", None) is BookingStatus.CANCELED
        ),
        timeout=WAIT,
    )
    staff = gui_services.accounts.sign_in(DESK_EMAIL, PASSWORD)
    assert gui_services.bookings.get(staff.principal, studio.booking_id).status is (
        BookingStatus.CANCELED
    )
    click(qtbot, window.log_out_button)
    qtbot.waitUntil(lambda: app.sign_in.isVisible(), timeout=WAIT)
    assert app.main_window is None
