"""The staff's Clients place: a table of every client read a page at a time as it is
scrolled, sorted by any header clicked, narrowed as the desk types, a line saying what is
shown; Enter opens a client; "Book for this client…" opens the booking dialog with the
client chosen; "New client…" makes one and shows the code to hand over."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from sqlalchemy import insert

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.records import ClientSummary, SignedIn
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.models.clients import ClientListModel
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.client_dialogs import NewClientDialog
from podyx_desktop.views.staff.clients_place import ClientsPlace
from podyx_desktop.views.staff.staff_window import StaffWindow
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.fixtures_tabs import click, wait_closed, wait_idle
from tests.gui.test_desk_actions import staff
from tests.gui.test_sign_in import sign_in, wait_main

WAIT = 10_000
ADDED = 45  # clients added to the template's one
PAGE = 15  # more rows than the table shows at once, so it asks for no second page itself


def add_clients(services: Services) -> None:
    now = datetime.now(UTC)
    with services.db.write() as session:
        session.execute(
            insert(t.User),
            [
                {
                    "email": f"c{i:03d}@example.com",
                    "email_key": f"c{i:03d}@example.com",
                    "full_name": f"Client {i:03d}",
                    "phone": f"+4930{(i * 7919) % 1000:03d}5550",
                    "password_hash": "x",
                    "role": "client",
                    "active": True,
                    "failed_logins": 0,
                    "store_credit_minor": 0,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(ADDED)
            ],
        )


def open_place(qtbot: Any, ctx: ViewContext, page_size: int = PAGE) -> ClientsPlace:
    place = ClientsPlace(ctx, page_size=page_size)
    qtbot.addWidget(place)
    place.resize(1200, 360)
    place.show()
    return place


def settled(qtbot: Any, place: ClientsPlace) -> None:
    qtbot.waitUntil(lambda: not place.is_searching, timeout=WAIT)


def shown(place: ClientsPlace) -> list[ClientSummary]:
    model = place.model
    return [model.index(r, 0).data(RECORD_ROLE) for r in range(model.rowCount())]


def click_header(qtbot: Any, place: ClientsPlace, column: int) -> None:
    header = place.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


KEYS = {
    ClientListModel.NAME: lambda c: c.full_name.lower(),
    ClientListModel.EMAIL: lambda c: c.email,
    ClientListModel.PHONE: lambda c: c.phone,
    ClientListModel.SPENT: lambda c: c.total_spent_minor,
    ClientListModel.PURCHASES: lambda c: c.purchases,
    ClientListModel.BOOKINGS: lambda c: c.bookings,
    ClientListModel.BUNDLES: lambda c: c.active_bundles,
    ClientListModel.LAST_VISIT: lambda c: c.last_visit or datetime(1970, 1, 1, tzinfo=UTC),
}


def test_the_list_pages_as_it_scrolls_sorts_by_each_header_and_narrows_as_typed(
    qtbot: Any, studio: GuiStudio, gui_services: Services, tab_context_for: Any
) -> None:
    add_clients(gui_services)
    ctx = tab_context_for(staff(gui_services, Role.FRONT_DESK, "Fran"))
    place = open_place(qtbot, ctx)
    model = place.model
    qtbot.waitUntil(lambda: model.rowCount() == PAGE, timeout=WAIT)
    settled(qtbot, place)
    assert model.rowCount() == PAGE
    assert place.message.text() == f"{PAGE} clients shown; scroll for more."
    assert [c.full_name for c in shown(place)][:3] == ["Ana Client", "Client 000", "Client 001"]
    # Scrolling to the end fetches the next page, until every client is there.
    while not model.is_complete:
        count = model.rowCount()
        place.table.scrollToBottom()
        qtbot.waitUntil(lambda n=count: model.rowCount() > n or model.is_complete, timeout=WAIT)
        settled(qtbot, place)
    assert model.rowCount() == ADDED + 1
    assert place.message.text() == f"{ADDED + 1} clients."
    assert model.index(0, ClientListModel.SPENT).data() == "0,00\xa0€"  # de: the studio's

    # A click on each header sorts by it; a second click turns the order round.
    for column, key in KEYS.items():
        for _ in range(2):
            click_header(qtbot, place, column)
            qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=WAIT)
            settled(qtbot, place)
            keys = [key(c) for c in shown(place)]
            descending = model.sort_order is Qt.SortOrder.DescendingOrder
            assert model.sort_column == column
            assert keys == sorted(keys, reverse=descending), (column, descending)
            assert len(keys) == PAGE  # the first page of the new order

    # Typed: after a short pause the list narrows (in SQL), and says so.
    click_header(qtbot, place, ClientListModel.NAME)
    settled(qtbot, place)
    if model.sort_order is Qt.SortOrder.DescendingOrder:
        click_header(qtbot, place, ClientListModel.NAME)
        settled(qtbot, place)
    place.search_box.setText("c01")  # part of an email: c010@… to c019@…
    assert place.is_searching
    qtbot.waitUntil(lambda: model.search == "c01", timeout=WAIT)
    settled(qtbot, place)
    assert [c.full_name for c in shown(place)] == [f"Client 01{i}" for i in range(10)]
    assert place.message.text() == "10 clients match “c01”."
    place.search_box.setText("nobody at all")
    qtbot.waitUntil(lambda: model.search == "nobody at all", timeout=WAIT)
    settled(qtbot, place)
    assert model.rowCount() == 0
    assert place.message.text() == "No client matches “nobody at all”."

    # Ctrl+F goes to the search; Enter there opens the first match… once there is one.
    place.table.setFocus()
    QTest.keyClick(place, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: place.search_box.hasFocus(), timeout=WAIT)
    place.search_box.setText("ana")
    QTest.keyClick(place.search_box, Qt.Key.Key_Return)  # at once, before the pause is over
    qtbot.waitUntil(lambda: place.table.hasFocus(), timeout=WAIT)
    assert [c.full_name for c in shown(place)] == ["Ana Client"]
    assert place.table.selectionModel().selectedRows()[0].row() == 0
    QTest.keyClick(place.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: place.pages.currentWidget() is place.client_page, timeout=WAIT)
    assert place.client_heading.text() == f"{studio.client_name} · {studio.client_email}"
    qtbot.waitUntil(lambda: place.profile_tabs.count() == 5, timeout=WAIT)
    click(qtbot, place.back_button)
    assert place.pages.currentWidget() is place.list_page
    wait_idle(qtbot, ctx)


def test_a_list_that_cannot_load_says_why(
    qtbot: Any, client_session: SignedIn, tab_context: ViewContext
) -> None:
    place = open_place(qtbot, tab_context)  # a client may not list the studio's clients
    qtbot.waitUntil(lambda: place.model.error is not None, timeout=WAIT)
    assert place.message.text().startswith("The clients could not be loaded: ")
    assert place.model.rowCount() == 0


def test_a_new_client_made_at_the_desk_opens_with_the_code_to_hand_over(
    qtbot: Any, studio: GuiStudio, gui_services: Services, tab_context_for: Any
) -> None:
    ctx = tab_context_for(staff(gui_services, Role.FRONT_DESK, "Fran"))
    place = open_place(qtbot, ctx)
    settled(qtbot, place)
    click(qtbot, place.new_client_button)
    dialog = place.new_client_dialog
    assert isinstance(dialog, NewClientDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    form = dialog.form
    form.full_name.setText("Élodie Desk")
    form.email.setText(studio.client_email)  # taken
    form.phone.setText("030 5551234")
    click(qtbot, form.create_button)
    qtbot.waitUntil(lambda: form.message.isVisible(), timeout=WAIT)
    assert "already" in form.message.text()
    form.email.setText("elodie@example.com")
    click(qtbot, form.create_button)
    qtbot.waitUntil(lambda: dialog.code_card.isVisible(), timeout=WAIT)
    code = dialog.code_card.code_label.text()
    assert len(code) == 8
    click(qtbot, dialog.open_button)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: place.pages.currentWidget() is place.client_page, timeout=WAIT)
    assert place.client_heading.text() == "Élodie Desk · elodie@example.com"
    # The list reads again when it is next shown: the new client is in it.
    click(qtbot, place.back_button)
    place.search_box.setText("elodie")
    qtbot.waitUntil(lambda: [c.full_name for c in shown(place)] == ["Élodie Desk"], timeout=WAIT)
    # The code works once, on the sign-in screen.
    signed = gui_services.accounts.set_password_with_code(
        "elodie@example.com", code, "a long new secret"
    )
    assert signed.account.full_name == "Élodie Desk"
    wait_idle(qtbot, ctx)


def test_book_for_this_client_opens_the_booking_dialog_with_the_client_chosen(
    qtbot: Any, make_app: Any, studio: GuiStudio, gui_services: Services
) -> None:
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    app = make_app()
    sign_in(qtbot, app, desk.account.email, PASSWORD)
    window = wait_main(qtbot, app)
    assert isinstance(window, StaffWindow)
    client = gui_services.accounts.sign_in(studio.client_email, studio.client_password)
    window.clients_place.open_client(client.account.id)
    place = window.clients_place
    qtbot.waitUntil(lambda: window.subject is not None, timeout=WAIT)
    window.places.setCurrentWidget(place)
    pane = place.actions_pane
    qtbot.waitUntil(lambda: pane.desk is not None, timeout=WAIT)
    click(qtbot, pane.book_button)
    qtbot.waitUntil(lambda: window.new_booking_dialog is not None, timeout=WAIT)
    dialog = window.new_booking_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    assert dialog.client == (client.account.id, studio.client_name)
    assert dialog.steps.currentWidget() is dialog.session_step
    assert dialog.for_client.text() == f"Booking for {studio.client_name}"
    dialog.reject()
    wait_idle(qtbot, window.context)
