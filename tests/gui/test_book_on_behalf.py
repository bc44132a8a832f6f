"""The desk books on a client's behalf through the dialog's widgets (real database): find
the client, book pay later, and the client sees it; create a new client, hand over the
code, and the client sets a password with it and sees the booking; the staff window's
Ctrl+N and an empty time clicked on the schedule open the dialog."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.services import Services
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.staff.book_on_behalf import BookOnBehalfDialog
from podyx_desktop.views.staff.staff_window import StaffWindow
from tests.factories import PASSWORD, Studio
from tests.gui.conftest import CLIENT_EMAIL, CLIENT_NAME, GuiStudio, next_day_at
from tests.gui.fixtures_tabs import click

WAIT = 10_000


def desk(gui_services: Services) -> SignedIn:
    return gui_services.accounts.sign_in("desk@example.com", PASSWORD)


def pick_session_and_book(qtbot: Any, dialog: BookOnBehalfDialog) -> None:
    step = dialog.session_step
    qtbot.waitUntil(lambda: step.service.count() > 0, timeout=WAIT)
    step.slots.set_day(next_day_at(6, 10).date())
    qtbot.waitUntil(
        lambda: not step.slots.is_loading and step.slots.model.rowCount() > 0, timeout=WAIT
    )
    step.slots.select_row(0)
    step.payment.setCurrentIndex(step.payment.findData(PaymentMethod.PAY_LATER))
    qtbot.waitUntil(dialog.book_button.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(dialog.booked, timeout=WAIT):
        click(qtbot, dialog.book_button)


def test_desk_finds_the_client_and_books_pay_later(
    qtbot: Any,
    tab_context_for: Any,
    gui_services: Services,
    studio: GuiStudio,
    client_session: SignedIn,
) -> None:
    ctx = tab_context_for(desk(gui_services))
    dialog = BookOnBehalfDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    step = dialog.client_step
    step.search.setText("ana cli")
    qtbot.waitUntil(lambda: not step.is_searching and step.matches.count() == 1, timeout=WAIT)
    assert CLIENT_EMAIL in step.matches.item(0).text()
    click(qtbot, step.choose_button)
    assert dialog.client is not None and dialog.client[1] == CLIENT_NAME
    assert not dialog.book_button.isEnabled()  # no time chosen yet
    pick_session_and_book(qtbot, dialog)
    result = dialog.result_value
    assert result is not None and result.booking.client_id == client_session.account.id
    assert not dialog.isVisible()

    tab = BookingsTab(tab_context_for(client_session))
    qtbot.addWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 2, timeout=WAIT)
    ids = {tab.upcoming_model.record(row).id for row in range(2)}  # type: ignore[union-attr]
    assert result.booking.id in ids


def test_a_new_client_at_the_desk_gets_a_code_and_sees_the_booking(
    qtbot: Any, tab_context_for: Any, gui_services: Services
) -> None:
    ctx = tab_context_for(desk(gui_services))
    dialog = BookOnBehalfDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    step = dialog.client_step
    click(qtbot, step.new_client_button)
    step.full_name.setText("Željka Novak")  # setText: keyClicks with non-ASCII crashes Qt
    step.email.setText("not an email")
    step.phone.setText("+49 30 7777777")
    click(qtbot, step.create_button)
    qtbot.waitUntil(lambda: step.new_message.isVisible(), timeout=WAIT)
    assert "email" in step.new_message.text().lower()
    step.email.setText("zeljka@example.com")
    click(qtbot, step.create_button)
    qtbot.waitUntil(lambda: step.code_box.isVisible(), timeout=WAIT)
    code = step.code_label.text()
    assert len(code) == 8
    click(qtbot, step.continue_button)
    assert dialog.client is not None and dialog.client[1] == "Željka Novak"
    pick_session_and_book(qtbot, dialog)
    assert dialog.result_value is not None

    signed = gui_services.accounts.set_password_with_code(
        "zeljka@example.com", code, "my own new secret"
    )
    tab = BookingsTab(tab_context_for(signed))
    qtbot.addWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=WAIT)
    shown = tab.upcoming_model.record(0)
    assert shown is not None and shown.id == dialog.result_value.booking.id


def test_the_staff_window_opens_it_from_ctrl_n_and_an_empty_time(
    qtbot: Any,
    tab_context_for: Any,
    gui_services: Services,
    ui_settings: UiSettings,
    factory_studio: Studio,
) -> None:
    window = StaffWindow(tab_context_for(desk(gui_services)), ui_settings)
    qtbot.addWidget(window)
    window.show()
    assert window.new_booking_action.shortcut().toString() == "Ctrl+N"
    window.new_booking_action.trigger()
    first = window.new_booking_dialog
    assert first is not None and first.isVisible()
    first.reject()

    when = next_day_at(7, 14)
    window.schedule.empty_time_clicked.emit(factory_studio.room_b, when)
    dialog = window.new_booking_dialog
    assert dialog is not None and dialog is not first and dialog.isVisible()
    step = dialog.session_step
    assert step.slots.day() == when.date()
    dialog.client_step.search.setText("ana")
    qtbot.waitUntil(lambda: dialog.client_step.matches.count() == 1, timeout=WAIT)
    click(qtbot, dialog.client_step.choose_button)
    qtbot.waitUntil(lambda: step.setup.count() > 0, timeout=WAIT)
    assert step.setup.currentData().room_id == factory_studio.room_b
    qtbot.waitUntil(lambda: step.slots.selected_slot() is not None, timeout=WAIT)
    slot = step.slots.selected_slot()
    assert slot is not None and slot.starts_at == when
    dialog.reject()


def test_outside_the_rules_needs_a_reason_and_books_any_free_room_time(
    qtbot: Any, tab_context_for: Any, gui_services: Services, client_session: SignedIn
) -> None:
    ctx = tab_context_for(desk(gui_services))
    when = next_day_at(8, 7)  # before opening: not a free time
    dialog = BookOnBehalfDialog(ctx, starts_at=when)
    qtbot.addWidget(dialog)
    dialog.show()
    step = dialog.client_step
    step.search.setText("ana")
    qtbot.waitUntil(lambda: not step.is_searching and step.matches.count() == 1, timeout=WAIT)
    click(qtbot, step.choose_button)
    session = dialog.session_step
    qtbot.waitUntil(lambda: "not one of the free times" in session.note.text(), timeout=WAIT)
    assert not dialog.book_button.isEnabled()
    click(qtbot, session.bypass)
    assert session.starts_at() == when
    assert not dialog.book_button.isEnabled()  # no reason yet
    session.reason.setText("band arrives early")
    qtbot.waitUntil(dialog.book_button.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(dialog.booked, timeout=WAIT):
        click(qtbot, dialog.book_button)
    assert dialog.result_value is not None and dialog.result_value.booking.starts_at == when
