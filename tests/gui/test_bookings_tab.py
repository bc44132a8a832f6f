"""The Bookings tab, driven as a client would: lists, details, cancel (in time and too
late), reschedule, add an add-on, and changes from elsewhere showing up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QMessageBox

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseKind
from podyx_desktop.domain.records import Booking, SignedIn
from podyx_desktop.domain.requests import AddonChoice
from podyx_desktop.gui.launch import service_lists
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import UserSession, ViewContext
from podyx_desktop.views.common.tables import FIT_ROWS
from podyx_desktop.views.profile import bookings_tab
from podyx_desktop.views.profile.booking_details import BookingDetailsPane
from podyx_desktop.views.profile.bookings_lists import prefetch
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from tests.gui.fixtures_tabs import (
    click,
    late_booking,
    open_tab,
    pick_slot,
    select_row,
    studio_today,
    wait_closed,
    wait_idle,
)


def _open_tab(qtbot: Any, ctx: ViewContext) -> BookingsTab:
    return open_tab(qtbot, ctx, BookingsTab, (1100, 650))


def _selected_id(tab: BookingsTab) -> int | None:
    selected = tab.selected_booking()
    return selected.id if selected is not None else None


def _select_first(qtbot: Any, ctx: ViewContext, tab: BookingsTab, row: int = 0) -> None:
    select_row(qtbot, tab.upcoming_view, row)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: tab._actions is not None)


def test_lists_upcoming_sessions_with_details_in_studio_time(
    qtbot: Any, tab_context: ViewContext, studio: Any
) -> None:
    tab = _open_tab(qtbot, tab_context)
    assert tab.upcoming_model.rowCount() == 1
    assert tab.past_model.rowCount() == 0
    _select_first(qtbot, tab_context, tab)
    details = tab.details
    assert details.booking is not None and details.booking.id == studio.booking_id
    assert details.room_label.text() == "Studio A — 2-person podcast"
    assert "11:00 – 13:00" in details.when_label.text()  # booked at 11:00 Berlin time
    assert "Europe/Berlin" in details.when_label.text()
    assert details.badge.text() == "Pending"
    assert details.history_model.rowCount() == 1
    assert "Booked for" in details.history_model.index(0, 0).data()
    # Every action is open, so no reasons are shown.
    assert tab.cancel_button.isEnabled() and tab.cancel_reason.text() == ""
    assert tab.reschedule_button.isEnabled()
    assert tab.addons_button.isEnabled()

    click(qtbot, tab.past_button)
    assert tab.stack.currentWidget() is tab.past_view
    assert tab.list_message.text() == "No past sessions yet."
    assert tab.details.booking is None


def test_cancel_within_the_cutoff_asks_first(
    qtbot: Any,
    tab_context: ViewContext,
    studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    tab = _open_tab(qtbot, tab_context)
    _select_first(qtbot, tab_context, tab)
    published: list[frozenset[str]] = []
    tab_context.bus.changed.connect(published.append)

    # Saying no keeps the booking.
    click(qtbot, tab.cancel_button)
    box = tab.cancel_confirmation
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Cancel your session on" in box.text()
    assert "Nothing has been charged" in box.informativeText()
    keep = next(b for b in box.buttons() if b.text() == "Keep booking")
    click(qtbot, keep)
    wait_idle(qtbot, tab_context)
    assert (
        gui_services.bookings.get(client_session.principal, studio.booking_id).status
        is BookingStatus.PENDING
    )

    click(qtbot, tab.cancel_button)
    box = tab.cancel_confirmation
    assert box is not None
    yes = next(b for b in box.buttons() if b.text() == "Cancel booking")
    click(qtbot, yes)
    qtbot.waitUntil(lambda: "was canceled" in tab.feedback.text(), timeout=10_000)
    wait_idle(qtbot, tab_context)
    assert published and "bookings" in published[0]
    assert (
        gui_services.bookings.get(client_session.principal, studio.booking_id).status
        is BookingStatus.CANCELED
    )
    # The list reloaded through the bus; the row stays selected and says so.
    qtbot.waitUntil(lambda: tab.details.badge.text() == "Canceled")
    assert tab.upcoming_model.record(0).status is BookingStatus.CANCELED  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: tab._actions is not None)
    assert not tab.cancel_button.isEnabled()
    assert tab.cancel_reason.text() == "This session is canceled; it cannot be canceled."


def test_cancel_is_refused_past_the_cutoff_with_the_reason_shown(
    qtbot: Any, tab_context: ViewContext, factory_studio: Any, client_session: SignedIn
) -> None:
    soon = late_booking(factory_studio, client_session)
    tab = _open_tab(qtbot, tab_context)
    assert tab.upcoming_model.rowCount() == 2
    row = tab.upcoming_model.row_of(soon.id)
    assert row == 0  # soonest first
    _select_first(qtbot, tab_context, tab, row)
    assert not tab.cancel_button.isEnabled()
    assert tab.cancel_reason.text().startswith("Cancellation closed 24 h before the session")
    assert tab.cancel_reason.isVisible()
    assert not tab.reschedule_button.isEnabled()
    assert tab.reschedule_reason.text().startswith("Rescheduling closed 24 h before the session")
    assert tab.cancel_button.toolTip() == tab.cancel_reason.text()
    # The disabled button cannot be used, and nothing is asked.
    tab.ask_cancel()
    assert tab.cancel_confirmation is None


def test_reschedule_to_a_free_time(
    qtbot: Any,
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    # The studio has received the payment, so the session is confirmed.
    pending = gui_services.bookings.get(client_session.principal, studio.booking_id)
    assert pending.purchase_id is not None
    gui_services.purchases.record_payment(
        factory_studio.desk, pending.purchase_id, PaymentMethod.CASH
    )
    tab = _open_tab(qtbot, tab_context)
    _select_first(qtbot, tab_context, tab)
    original = tab.selected_booking()
    assert original is not None
    click(qtbot, tab.reschedule_button)
    dialog = tab.reschedule_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.confirm_button.isEnabled()
    slot = pick_slot(qtbot, tab_context, dialog.picker, studio_today() + timedelta(days=2))
    click(qtbot, dialog.confirm_button)
    wait_closed(qtbot, dialog)
    wait_idle(qtbot, tab_context)
    moved = gui_services.bookings.get(client_session.principal, studio.booking_id)
    assert moved.starts_at == slot.starts_at
    assert moved.status is BookingStatus.RESCHEDULED
    assert moved.original_starts_at == original.starts_at
    qtbot.waitUntil(lambda: tab.details.badge.text() == "Rescheduled")
    assert tab.details.rescheduled_label.text().startswith("Rescheduled from")
    assert "Your session is now on" in tab.feedback.text()
    qtbot.waitUntil(
        lambda: any(
            "Rescheduled from" in (tab.details.history_model.index(r, 0).data() or "")
            for r in range(tab.details.history_model.rowCount())
        )
    )


def test_add_an_addon_to_an_upcoming_session(
    qtbot: Any,
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    tab = _open_tab(qtbot, tab_context)
    _select_first(qtbot, tab_context, tab)
    click(qtbot, tab.addons_button)
    dialog = tab.addons_dialog
    assert dialog is not None and dialog.isVisible()
    # Only add-ons clients may add after booking are offered: the extra mic, not the engineer.
    assert dialog.picker.addon_ids() == [factory_studio.extra_mic]
    assert not dialog.confirm_button.isEnabled()
    click(qtbot, dialog.picker.checkbox(factory_studio.extra_mic))
    dialog.picker.quantity(factory_studio.extra_mic).setValue(2)
    assert dialog.total_label.text() == "Total to pay: 20,00\xa0€"
    assert dialog.payment.method().value == "pay_later"
    click(qtbot, dialog.confirm_button)
    wait_closed(qtbot, dialog)
    wait_idle(qtbot, tab_context)
    booking = gui_services.bookings.get(client_session.principal, studio.booking_id)
    assert [(a.name, a.quantity) for a in booking.addons] == [("Extra mic", 2)]
    kinds = [
        p.kind
        for p in gui_services.purchases.list_for_client(
            client_session.principal, client_session.account.id
        )
    ]
    assert PurchaseKind.ADDONS in kinds
    qtbot.waitUntil(lambda: tab.details.addons_label.text() == "2 × Extra mic")
    assert tab.upcoming_model.index(0, tab.upcoming_model.ADDONS).data() == "2 × Extra mic"
    # The only add-on clients may add is on the session now: nothing is left to add.
    qtbot.waitUntil(lambda: tab._actions is not None)
    assert not tab.addons_button.isEnabled()
    assert tab.addons_reason.text().startswith("Every add-on you can add is already on")


def test_changes_made_elsewhere_show_up_after_the_bus_says_so(
    qtbot: Any,
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    client_session: SignedIn,
) -> None:
    tab = _open_tab(qtbot, tab_context)
    _select_first(qtbot, tab_context, tab)
    # The front desk cancels on another seat; the change feed publishes "*".
    factory_studio.services.bookings.cancel(
        factory_studio.desk, studio.booking_id, reason="Studio closed"
    )
    tab_context.bus.publish(Changes.all())
    qtbot.waitUntil(lambda: tab.details.badge.text() == "Canceled", timeout=10_000)
    assert tab.details.cancel_reason_label.text() == "Studio closed"
    # Unrelated changes do not reload the list.
    tab_context.bus.publish(Changes.of(Kind.PURCHASES))
    assert not tab.is_loading


def test_the_status_column_is_a_coloured_badge(qtbot: Any, tab_context: ViewContext) -> None:
    from PySide6.QtGui import QColor

    from podyx_desktop.views.common.widgets import status_colours

    tab = _open_tab(qtbot, tab_context)
    view = tab.upcoming_view
    index = view.model().index(0, tab.upcoming_model.STATUS)
    assert index.data() == "Pending"
    image = view.viewport().grab(view.visualRect(index)).toImage()
    pill = QColor(status_colours(BookingStatus.PENDING)[1])
    colours = {image.pixelColor(x, image.height() // 2).name() for x in range(image.width())}
    assert pill.name() in colours


def test_a_prefetched_tab_shows_its_lists_at_once_without_loading(
    qtbot: Any, tab_context: ViewContext, gui_services: Services, studio: Any
) -> None:
    # What the start-up task does on the worker before the window exists …
    initial = prefetch(service_lists(gui_services), tab_context.user)
    assert initial is not None
    # … and the tab built with it: filled in its constructor, no load of its own.
    tab = BookingsTab(tab_context, initial=initial)
    qtbot.addWidget(tab)
    assert tab.upcoming_model.rowCount() == 1
    assert tab.upcoming_model.index(0, 0).data() == initial.upcoming_texts[0][0]
    assert not tab.is_loading and tab_context.tasks.pending == 0
    # Nothing goes to the worker before the list has painted (it would hold the paint up),
    # and the details side is not built yet: it has nothing to show before a selection.
    qtbot.wait(50)
    assert tab.selected_booking() is None and tab_context.tasks.pending == 0
    assert tab.findChild(BookingDetailsPane) is None
    tab.resize(1100, 650)
    tab.show()
    # Once the list has painted, the details side is built, the first session is
    # selected and its details load.
    qtbot.waitUntil(lambda: tab.selected_booking() is not None)
    assert tab.findChild(BookingDetailsPane) is not None
    wait_idle(qtbot, tab_context)
    assert tab.details.booking is not None and tab.details.booking.id == studio.booking_id


def test_lists_that_arrive_before_the_details_side_wait_for_it_to_select(
    qtbot: Any, tab_context: ViewContext, studio: Any, monkeypatch: Any
) -> None:
    # The side is built once the lists have painted (a hidden tab: never, in this test);
    # lists that arrive first do not build it in their own turn by selecting a session.
    monkeypatch.setattr(bookings_tab, "SELECT_FALLBACK_MS", 600_000)
    tab = BookingsTab(tab_context)
    qtbot.addWidget(tab)
    tab.reload()
    wait_idle(qtbot, tab_context)
    assert tab.upcoming_model.rowCount() == 1
    assert tab.findChild(BookingDetailsPane) is None
    assert tab.selected_booking() is None
    tab.resize(1100, 650)
    tab.show()
    qtbot.waitUntil(lambda: tab.selected_booking() is not None)
    wait_idle(qtbot, tab_context)
    assert tab.details.booking is not None and tab.details.booking.id == studio.booking_id


def test_the_start_up_formats_of_the_hidden_past_list_only_the_rows_its_columns_fit_to(
    qtbot: Any, tab_context: ViewContext, gui_services: Services
) -> None:
    read = service_lists(gui_services)

    def many_past(principal: Any, client_id: int, upcoming: bool) -> list[Booking]:
        rows = read(principal, client_id, True)  # the client's one (upcoming) session
        return rows if upcoming else rows * (FIT_ROWS + 15)

    initial = prefetch(many_past, tab_context.user)
    assert initial is not None
    assert len(initial.upcoming_texts) == 1  # the list on show: every row (up to 60)
    assert len(initial.past) == FIT_ROWS + 15 and len(initial.past_texts) == FIT_ROWS
    tab = BookingsTab(tab_context, initial=initial)
    qtbot.addWidget(tab)
    # The others are formatted when first asked for, the same way.
    assert tab.past_model.index(FIT_ROWS + 14, 0).data() == initial.past_texts[0][0]


def test_a_visitor_has_nothing_to_prefetch(
    tab_context: ViewContext, gui_services: Services
) -> None:
    visitor = UserSession.visitor(tab_context.user.studio)
    assert prefetch(service_lists(gui_services), visitor) is None


def test_sorting_by_a_column_keeps_the_selected_session_and_survives_a_reload(
    qtbot: Any,
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    client_session: SignedIn,
) -> None:
    from PySide6.QtCore import QPoint, Qt

    from tests.gui.conftest import next_day_at

    # A later session with an add-on: it costs more than the first one.
    later = factory_studio.book(
        client_session,
        next_day_at(6, 14),
        addons=(AddonChoice(factory_studio.engineer, 1),),
    ).booking
    tab = _open_tab(qtbot, tab_context)
    view, model = tab.upcoming_view, tab.upcoming_model
    qtbot.waitUntil(lambda: model.rowCount() == 2)

    def ids() -> list[int]:
        return [view.model().index(r, 0).data(RECORD_ROLE).id for r in range(2)]

    assert ids() == [studio.booking_id, later.id]  # soonest first, as they came
    _select_first(qtbot, tab_context, tab, row=1)
    assert tab.details.booking is not None and tab.details.booking.id == later.id

    header = view.horizontalHeader()

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click_header(model.PRICE)  # cheapest first
    click_header(model.PRICE)  # dearest first
    assert header.sortIndicatorSection() == model.PRICE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert ids() == [later.id, studio.booking_id]
    # the selection followed its session to the top; the details did not change
    assert _selected_id(tab) == later.id
    assert tab.details.booking is not None and tab.details.booking.id == later.id
    # A reload (a change on another seat) comes back sorted the same way.
    tab_context.bus.publish(Changes.of(Kind.BOOKINGS))
    wait_idle(qtbot, tab_context)
    assert ids() == [later.id, studio.booking_id]
    assert _selected_id(tab) == later.id
