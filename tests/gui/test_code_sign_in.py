"""A client the desk created sets a password with the studio's one-time code on the
sign-in screen, is signed in, and sees the booking the desk made."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.requests import BookingRequest, SessionCart
from podyx_desktop.services import Services
from tests.factories import Studio
from tests.gui.conftest import next_day_at
from tests.gui.fixtures_tabs import click
from tests.gui.test_sign_in import wait_main, wait_ready

WAIT = 10_000
EMAIL = "walk.in@example.com"


def test_a_desk_client_sets_a_password_with_the_code(
    qtbot: Any, make_app: Any, gui_services: Services, factory_studio: Studio
) -> None:
    account, code = gui_services.accounts.create_client_at_desk(
        factory_studio.desk, "Walk In", EMAIL, "+49 30 7777777"
    )
    booked = gui_services.checkout.book(
        factory_studio.desk,
        BookingRequest(
            SessionCart(factory_studio.podcast_setup, factory_studio.podcast, 120),
            next_day_at(5, 14),
            PaymentMethod.PAY_LATER,
            client_id=account.id,
        ),
    )
    app = make_app()
    screen = app.sign_in
    wait_ready(qtbot, app)
    screen.email.setText(EMAIL)
    click(qtbot, screen.code_button)
    page = screen.code_page
    assert page is not None and page.isVisible() and page.email.text() == EMAIL

    page.code.setText("WRONG123" if code != "WRONG123" else "WRONG124")
    page.password.setText("my own new secret")
    page.repeat.setText("my own new secret")
    click(qtbot, page.submit_button)
    qtbot.waitUntil(lambda: "wrong, used or expired" in page.message.text(), timeout=WAIT)

    page.code.setText(code.lower())
    page.repeat.setText("something else")
    click(qtbot, page.submit_button)
    assert "differ" in page.message.text()
    page.repeat.setText("my own new secret")
    click(qtbot, page.submit_button)
    window = wait_main(qtbot, app)
    bookings = window.bookings_tab
    qtbot.waitUntil(lambda: bookings.upcoming_model.rowCount() == 1, timeout=WAIT)
    shown = bookings.upcoming_model.record(0)
    assert shown is not None and shown.id == booked.booking.id
    gui_services.accounts.sign_in(EMAIL, "my own new secret")
