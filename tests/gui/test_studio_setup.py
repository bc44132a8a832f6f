"""A new studio from nothing, in the window: the first run creates the studio and its
owner, the Set-up place adds a room, a setup, a service and opening hours, and a new
client books that service in the client's booking wizard."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from podyx_desktop.db.engine import sqlite_url
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod
from podyx_desktop.views.booking.booking_wizard import BookingWizard
from podyx_desktop.views.staff.staff_window import StaffWindow
from podyx_desktop.views.start.first_run import FirstRunWindow
from tests.factories import PASSWORD
from tests.gui.fixtures_tabs import click, pick_slot, select_row, studio_today

WAIT = 15_000
OWNER_EMAIL = "olga.owner@example.com"


def wait_tasks(qtbot: Any, app: Any) -> None:
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)


def first_run(qtbot: Any, app: Any) -> FirstRunWindow:
    qtbot.waitUntil(lambda: app.first_run is not None and app.first_run.isVisible(), timeout=WAIT)
    window = app.first_run
    assert isinstance(window, FirstRunWindow)
    return window


def create_studio(qtbot: Any, app: Any, name: str = "Sound Garden") -> StaffWindow:
    """Fill the first-run form and create the studio: the owner's staff window opens."""
    form = first_run(qtbot, app)
    form.name.setText(name)
    form.address.setText("Hauptstraße 1")
    form.postal_code.setText("10115")
    form.city.setText("Berlin")
    form.country.setText("DE")
    form.vat_number.setText("DE123456789")
    form.time_zone.setCurrentText("Europe/Berlin")
    form.currency.setCurrentText("EUR")
    form.studio_locale.setCurrentText("de_DE")
    form.vat_rate.setValue(19)
    form.owner_name.setText("Olga Owner")
    form.owner_email.setText(OWNER_EMAIL)
    form.owner_phone.setText("+49 30 1234567")
    form.password.setText(PASSWORD)
    form.password_again.setText(PASSWORD + "x")
    click(qtbot, form.create_button)
    assert form.error_of(form.password_again) == "The two passwords differ."
    form.password_again.setText(PASSWORD)
    click(qtbot, form.create_button)
    qtbot.waitUntil(
        lambda: isinstance(app.main_window, StaffWindow) and app.main_window.isVisible(),
        timeout=WAIT,
    )
    window = app.main_window
    assert isinstance(window, StaffWindow)
    return window


def set_up_catalogue(qtbot: Any, app: Any, window: StaffWindow) -> None:
    """A room, a setup, a service and opening hours through the Set-up place."""
    checklist = window.checklist
    assert checklist.isVisible()
    click(qtbot, checklist.links["rooms"])
    place = window.setup_place
    assert window.places.currentWidget() is place
    rooms = place.rooms
    wait_tasks(qtbot, app)
    rooms.name.setText("Studio One")
    click(qtbot, rooms.save_button)
    qtbot.waitUntil(lambda: rooms.items.count() == 1, timeout=WAIT)
    click(qtbot, rooms.new_setup_button)
    rooms.name.setText("Vocal booth")
    rooms.description.setPlainText("One mic, treated room")
    click(qtbot, rooms.save_button)
    qtbot.waitUntil(lambda: rooms.items.count() == 2, timeout=WAIT)
    assert rooms.message_text == "Saved the setup Vocal booth."

    click(qtbot, checklist.links["services"])
    services = place.services
    qtbot.waitUntil(lambda: services.setups.count() == 1, timeout=WAIT)
    services.name.setText("Vocal recording")
    services.rate.setText("50.00")
    services.min_minutes.setValue(60)
    services.max_minutes.setValue(180)
    services.step_minutes.setValue(60)
    click(qtbot, services.save_button)
    assert services.message_text == "Tick at least one setup the service is offered on."
    services.check_setups((services.setups.item(0).data(256),))
    click(qtbot, services.save_button)
    qtbot.waitUntil(lambda: services.items.count() == 1, timeout=WAIT)
    assert services.items.item(0).text() == "Vocal recording · €50.00/h"

    click(qtbot, checklist.links["hours"])
    hours = place.hours
    wait_tasks(qtbot, app)
    hours.set_day(0, "9 to 5")
    click(qtbot, hours.save_hours_button)
    assert hours.day_errors[0].text() == "Write “9 to 5” as 09:00–18:00."
    for weekday in range(7):
        hours.set_day(weekday, "08:00–13:00, 14:00–22:00")
    click(qtbot, hours.save_hours_button)
    qtbot.waitUntil(lambda: hours.message_text == "Saved the opening hours.", timeout=WAIT)
    qtbot.waitUntil(lambda: all(checklist.done), timeout=WAIT)
    assert checklist.title.text() == "All set: clients can book now."


def test_a_new_studio_is_created_set_up_and_booked_from_the_window(
    qtbot: Any, make_app: Any, tmp_path: Path
) -> None:
    path = tmp_path / "new-studio" / "podyx.sqlite3"
    app = make_app(sqlite_url(path), demo_allowed=True)
    form = first_run(qtbot, app)
    assert form.demo_button.isVisible()
    assert not app.sign_in.isVisible()
    window = create_studio(qtbot, app)
    assert window.windowTitle() == "Sound Garden — Front desk"
    set_up_catalogue(qtbot, app, window)

    # Log out; a visitor books the new service and signs up at checkout.
    click(qtbot, window.log_out_button)
    qtbot.waitUntil(lambda: app.sign_in.isVisible(), timeout=WAIT)
    app.sign_in.book_as_visitor()
    wizard = app.sign_in._wizard
    assert isinstance(wizard, BookingWizard)
    qtbot.waitUntil(lambda: wizard.setup_page.model.rowCount() == 1, timeout=WAIT)
    select_row(qtbot, wizard.setup_page.list, 0)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    click(qtbot, next_button)
    page = wizard.service_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    select_row(qtbot, page.list, 0)
    page.length.setCurrentIndex(page.length.findData(120))
    assert page.length.currentText() == "2 h — €100.00"
    click(qtbot, next_button)
    if wizard.currentId() == BookingWizard.ADDONS:
        click(qtbot, next_button)
    assert wizard.currentId() == BookingWizard.TIME
    pick_slot(qtbot, wizard.ctx, wizard.time_page.picker, studio_today() + timedelta(days=2))
    click(qtbot, next_button)
    review = wizard.review_page
    qtbot.waitUntil(lambda: review.prices.total_label.text() == "Total: €100.00", timeout=WAIT)
    form = review.account_form
    assert form is not None
    form.full_name.setText("Nina Neu")
    form.email.setText("nina@example.com")
    form.phone.setText("+49 30 7654321")
    form.password.setText(PASSWORD)
    form.confirm.setText(PASSWORD)
    click(qtbot, review.terms.check)
    qtbot.waitUntil(lambda: next_button.isEnabled(), timeout=WAIT)
    click(qtbot, next_button)
    wizard.payment_page.method.set_method(PaymentMethod.BANK_TRANSFER)
    results: list[Any] = []
    wizard.booked.connect(results.append)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentId() == BookingWizard.DONE, timeout=WAIT)
    booking = results[0].booking
    assert booking.status is BookingStatus.PENDING
    assert (booking.room_name, booking.setup_name, booking.service_name) == (
        "Studio One",
        "Vocal booth",
        "Vocal recording",
    )


def test_the_first_run_says_what_is_missing_beside_the_field(
    qtbot: Any, make_app: Any, tmp_path: Path
) -> None:
    app = make_app(sqlite_url(tmp_path / "fresh" / "podyx.sqlite3"), demo_allowed=True)
    form = first_run(qtbot, app)
    form.time_zone.setCurrentText("Mars/Olympus")
    form.currency.setCurrentText("euro")
    click(qtbot, form.create_button)
    assert form.error_of(form.name) == "Give the studio a name."
    assert form.error_of(form.time_zone).startswith("Choose a time zone from the list")
    assert form.error_of(form.currency) == "A currency is a three-letter code: EUR."
    assert form.error_of(form.password) == "A password has at least 8 characters."
    assert form.create_button.isEnabled()  # nothing ran
    assert app.main_window is None


@pytest.mark.postgres
def test_a_shared_database_without_a_studio_points_to_podyx_admin(
    qtbot: Any, make_app: Any, postgres_admin_url: str
) -> None:
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import upgrade_to_head
    from tests.pg_databases import create_database, drop_database, unique_database_name

    name = unique_database_name("podyx_first_run")
    url = create_database(postgres_admin_url, name)
    try:
        db = Database(url)
        upgrade_to_head(db)
        db.dispose()
        app = make_app(url)
        qtbot.waitUntil(lambda: app.sign_in.showing_problem, timeout=WAIT)
        assert "podyx-admin studio apply" in app.sign_in.problem_page.message.text()
        assert app.first_run is None
        app.shutdown()
    finally:
        drop_database(postgres_admin_url, name)
