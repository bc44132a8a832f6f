"""The desk's actions on a booking, driven through the pane's widgets as the front desk or
a manager would, and checked from the client's side afterwards (the services, and for
approving and cancelling the client's own Bookings tab)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import shiboken6
from PySide6.QtWidgets import QApplication

from podyx_desktop.domain.enums import (
    BookingStatus,
    PaymentMethod,
    PurchaseStatus,
    Role,
)
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Booking, SignedIn
from podyx_desktop.domain.requests import BookingRequest, NewAccount, SessionCart
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.staff.desk_actions import DeskActionsPane
from podyx_desktop.views.staff.desk_dialogs import (
    ApproveDialog,
    CancelDialog,
    DeskDialog,
    MoveDialog,
    PriceDialog,
    RefuseDialog,
)
from podyx_desktop.views.staff.today_panel import TodayPanel
from tests.factories import BERLIN, PASSWORD
from tests.gui.fixtures_tabs import (
    click,
    late_booking,
    open_tab,
    pick_slot,
    select_row,
    wait_closed,
    wait_idle,
)

ContextFor = Callable[[SignedIn], ViewContext]


def staff(services: Services, role: Role, name: str) -> SignedIn:
    email = f"{name.lower()}@example.com"
    services.accounts.create_staff(
        Principal.system(), NewAccount(name, email, "+49 30 7777777", PASSWORD), role
    )
    return services.accounts.sign_in(email, PASSWORD)


def open_pane(qtbot: Any, ctx: ViewContext, booking_id: int) -> DeskActionsPane:
    pane = DeskActionsPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(700, 400)
    pane.show()
    pane.show_booking(booking_id)
    wait_loaded(qtbot, ctx, pane)
    return pane


def wait_loaded(qtbot: Any, ctx: ViewContext, pane: DeskActionsPane) -> None:
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: pane.state is not None and not pane.is_loading, timeout=10_000)


def open_dialog(qtbot: Any, pane: DeskActionsPane, button: Any) -> DeskDialog:
    click(qtbot, button)
    qtbot.waitUntil(lambda: pane.dialog is not None and pane.dialog.isVisible())
    assert pane.dialog is not None
    return pane.dialog


def confirm(qtbot: Any, ctx: ViewContext, pane: DeskActionsPane, dialog: DeskDialog) -> None:
    click(qtbot, dialog.confirm_button)
    wait_closed(qtbot, dialog)
    wait_loaded(qtbot, ctx, pane)


def reason_of(pane: DeskActionsPane, button: Any) -> str:
    return pane.reasons[button].text()


def past_booking(factory_studio: Any, client: SignedIn, hours_ago: int = 3) -> Booking:
    """A session of ``client`` that started ``hours_ago`` hours ago, booked by the owner
    outside the rules."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    starts = now - timedelta(hours=hours_ago, minutes=now.minute % 30)
    request = BookingRequest(
        SessionCart(factory_studio.video_setup, factory_studio.podcast, 60),
        starts,
        PaymentMethod.PAY_LATER,
        client_id=client.account.id,
        bypass_rules=True,
        bypass_reason="Test: a session already under way",
    )
    return factory_studio.services.checkout.book(factory_studio.owner, request).booking  # type: ignore[no-any-return]


# --- approve ----------------------------------------------------------------------------


def test_front_desk_approves_a_pay_later_booking_and_the_client_sees_the_receipt(
    qtbot: Any,
    studio: Any,
    gui_services: Services,
    tab_context: ViewContext,
    tab_context_for: ContextFor,
) -> None:
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    ctx = tab_context_for(desk)
    pane = open_pane(qtbot, ctx, studio.booking_id)
    changed: list[bool] = []
    pane.changed.connect(lambda: changed.append(True))
    # what the front desk may do with an upcoming pending booking, and why not
    assert pane.approve_button.isEnabled() and pane.refuse_button.isEnabled()
    assert pane.cancel_button.isEnabled() and pane.move_button.isEnabled()
    assert not pane.price_button.isEnabled()
    assert reason_of(pane, pane.price_button) == "Managers and owners only."
    assert pane.price_button.toolTip() == "Managers and owners only."
    assert not pane.completed_button.isEnabled()
    assert reason_of(pane, pane.completed_button) == "Once the session has started."
    assert reason_of(pane, pane.no_show_button) == "Once the session has started."

    dialog = open_dialog(qtbot, pane, pane.approve_button)
    assert isinstance(dialog, ApproveDialog)
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CASH.value))
    confirm(qtbot, ctx, pane, dialog)
    assert pane.feedback.text() == "Payment of Ana Client recorded; the booking is confirmed."
    assert changed == [True]

    booking = gui_services.bookings.get(Principal.system(), studio.booking_id)
    assert booking.status is BookingStatus.CONFIRMED
    assert booking.receipt_number and booking.payment_method is PaymentMethod.CASH
    # the pane reloaded: nothing awaits payment any more, in words
    assert not pane.approve_button.isEnabled()
    assert reason_of(pane, pane.approve_button) == f"Paid (receipt {booking.receipt_number})."
    assert not pane.refuse_button.isEnabled()
    # the client's own Bookings tab
    tab = open_tab(qtbot, tab_context, BookingsTab, (1100, 650))
    select_row(qtbot, tab.upcoming_view)
    wait_idle(qtbot, tab_context)
    assert tab.details.badge.text() == "Confirmed"
    assert tab.details.receipt_label.text() == booking.receipt_number


# --- refuse -----------------------------------------------------------------------------


def test_refusing_a_pay_later_booking_needs_a_reason_and_frees_the_time(
    qtbot: Any, studio: Any, gui_services: Services, tab_context_for: ContextFor
) -> None:
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    ctx = tab_context_for(desk)
    pane = open_pane(qtbot, ctx, studio.booking_id)
    dialog = open_dialog(qtbot, pane, pane.refuse_button)
    assert isinstance(dialog, RefuseDialog)
    click(qtbot, dialog.confirm_button)
    assert dialog.error_label.text() == "Give the client a reason for the refusal."
    assert dialog.isVisible()
    dialog.reason.setText("The transfer never arrived")
    confirm(qtbot, ctx, pane, dialog)
    assert pane.feedback.text() == "The booking of Ana Client was refused."
    booking = gui_services.bookings.get(Principal.system(), studio.booking_id)
    assert booking.status is BookingStatus.CANCELED
    assert booking.cancel_reason == "The transfer never arrived"
    assert booking.purchase_id is not None
    purchase = gui_services.purchases.get(Principal.system(), booking.purchase_id)
    assert purchase.status is PurchaseStatus.VOID and purchase.receipt_number is None
    # nothing is left to do with it, and the pane says why
    assert not any(button.isEnabled() for button in pane.buttons())
    assert reason_of(pane, pane.refuse_button) == "This session is canceled."


# --- cancel -----------------------------------------------------------------------------


def _paid_late_booking(factory_studio: Any, client: SignedIn) -> Booking:
    booking = late_booking(factory_studio, client)
    assert booking.purchase_id is not None
    factory_studio.services.purchases.record_payment(
        factory_studio.desk, booking.purchase_id, PaymentMethod.CARD_AT_DESK
    )
    return booking


def test_front_desk_cannot_refund_a_late_cancellation(
    qtbot: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
    tab_context_for: ContextFor,
) -> None:
    booking = _paid_late_booking(factory_studio, client_session)
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    ctx = tab_context_for(desk)
    pane = open_pane(qtbot, ctx, booking.id)
    dialog = open_dialog(qtbot, pane, pane.cancel_button)
    assert isinstance(dialog, CancelDialog)
    assert dialog.late
    assert dialog.keep.isChecked()
    assert not dialog.to_original.isEnabled() and not dialog.to_store_credit.isEnabled()
    assert dialog.refund_note.text() == "Refunds: managers and owners only."
    dialog.reason.setText("Client called late")
    confirm(qtbot, ctx, pane, dialog)
    canceled = gui_services.bookings.get(Principal.system(), booking.id)
    assert canceled.status is BookingStatus.CANCELED
    assert booking.purchase_id is not None
    kept = gui_services.purchases.get(Principal.system(), booking.purchase_id)
    assert kept.status is PurchaseStatus.PAID  # the charge was kept
    assert gui_services.accounts.get(client_session.principal).store_credit_minor == 0


def test_a_manager_refunds_a_late_cancellation_as_store_credit(
    qtbot: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
    tab_context: ViewContext,
    tab_context_for: ContextFor,
) -> None:
    booking = _paid_late_booking(factory_studio, client_session)
    boss = staff(gui_services, Role.MANAGER, "Mia")
    ctx = tab_context_for(boss)
    pane = open_pane(qtbot, ctx, booking.id)
    dialog = open_dialog(qtbot, pane, pane.cancel_button)
    assert isinstance(dialog, CancelDialog)
    click(qtbot, dialog.to_store_credit)
    dialog.reason.setText("Studio flooded")
    confirm(qtbot, ctx, pane, dialog)
    assert pane.feedback.text().startswith("The session of Ana Client on ")
    account = gui_services.accounts.get(client_session.principal)
    assert account.store_credit_minor == booking.price_minor > 0
    assert booking.purchase_id is not None
    refunded = gui_services.purchases.get(Principal.system(), booking.purchase_id)
    assert refunded.status is PurchaseStatus.REFUNDED and refunded.refunded_by_number
    # the client's Bookings tab: canceled
    tab = open_tab(qtbot, tab_context, BookingsTab, (1100, 650))
    row = tab.upcoming_model.row_of(booking.id)
    select_row(qtbot, tab.upcoming_view, row)
    wait_idle(qtbot, tab_context)
    assert tab.details.badge.text() == "Canceled"
    assert tab.details.cancel_reason_label.text() == "Studio flooded"


# --- outcomes ---------------------------------------------------------------------------


def test_completed_and_no_show_for_sessions_that_started(
    qtbot: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
    tab_context_for: ContextFor,
) -> None:
    first = past_booking(factory_studio, client_session, hours_ago=3)
    second = past_booking(factory_studio, client_session, hours_ago=6)
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    ctx = tab_context_for(desk)
    pane = open_pane(qtbot, ctx, first.id)
    assert pane.completed_button.isEnabled() and pane.no_show_button.isEnabled()
    click(qtbot, pane.completed_button)
    wait_loaded(qtbot, ctx, pane)
    assert pane.feedback.text() == "The session of Ana Client is marked completed."
    assert not pane.completed_button.isEnabled()
    assert reason_of(pane, pane.completed_button) == "This session is completed."
    pane.show_booking(second.id)
    wait_loaded(qtbot, ctx, pane)
    click(qtbot, pane.no_show_button)
    wait_loaded(qtbot, ctx, pane)
    assert pane.feedback.text() == "The session of Ana Client is marked a no-show."
    seen = gui_services.bookings.list_for_client(
        client_session.principal, client_session.account.id, upcoming=False
    )
    statuses = {b.id: b.status for b in seen}
    assert statuses[first.id] is BookingStatus.COMPLETED
    assert statuses[second.id] is BookingStatus.NO_SHOW


# --- price ------------------------------------------------------------------------------


def test_a_manager_overrides_the_price_of_an_unpaid_booking(
    qtbot: Any, studio: Any, gui_services: Services, tab_context_for: ContextFor
) -> None:
    boss = staff(gui_services, Role.MANAGER, "Mia")
    ctx = tab_context_for(boss)
    pane = open_pane(qtbot, ctx, studio.booking_id)
    assert pane.price_button.isEnabled()
    dialog = open_dialog(qtbot, pane, pane.price_button)
    assert isinstance(dialog, PriceDialog)
    dialog.amount.setText("abc")
    dialog.reason.setText("Regular client")
    click(qtbot, dialog.confirm_button)
    assert dialog.error_label.text() == "Type the new total as an amount, e.g. 95,50\xa0€."
    dialog.amount.setText("95.50")  # not how the studio's German writes it
    click(qtbot, dialog.confirm_button)
    assert dialog.error_label.text().startswith("Type the new total as an amount")
    dialog.amount.setText("95,50")
    confirm(qtbot, ctx, pane, dialog)
    assert "95" in pane.feedback.text()
    booking = gui_services.bookings.get(Principal.system(), studio.booking_id)
    assert booking.price_minor == 9550
    # once paid, the price button says why not
    assert booking.purchase_id is not None
    gui_services.purchases.record_payment(boss.principal, booking.purchase_id, PaymentMethod.CASH)
    pane.reload()
    wait_loaded(qtbot, ctx, pane)
    assert not pane.price_button.isEnabled()
    assert reason_of(pane, pane.price_button).startswith("Paid (receipt ")


# --- move -------------------------------------------------------------------------------


def test_moving_a_session_outside_the_rules_needs_a_reason_and_is_audited(
    qtbot: Any, studio: Any, gui_services: Services, tab_context_for: ContextFor
) -> None:
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    ctx = tab_context_for(desk)
    before = gui_services.bookings.get(Principal.system(), studio.booking_id)
    pane = open_pane(qtbot, ctx, studio.booking_id)
    dialog = open_dialog(qtbot, pane, pane.move_button)
    assert isinstance(dialog, MoveDialog)
    day = dialog.display.local(before.starts_at).date() + timedelta(days=1)
    slot = pick_slot(qtbot, ctx, dialog.picker, day, row=2)
    click(qtbot, dialog.bypass)
    assert dialog.reason.isEnabled()
    click(qtbot, dialog.confirm_button)
    assert dialog.error_label.text() == (
        "Give a reason for moving the session outside the studio's rules."
    )
    dialog.reason.setText("Engineer ill")
    confirm(qtbot, ctx, pane, dialog)
    moved = gui_services.bookings.get(Principal.system(), studio.booking_id)
    assert moved.starts_at == slot.starts_at and moved.room_id == before.room_id
    assert pane.feedback.text().startswith("The session of Ana Client is now on ")
    entries = gui_services.audit.list_entries(
        Principal.system(), entity="booking", entity_id=studio.booking_id
    )
    assert any(e.action == "bypass_rules" and "Engineer ill" in e.reason for e in entries)


def test_a_failure_is_shown_in_words_and_the_dialog_stays(
    qtbot: Any, studio: Any, gui_services: Services, tab_context_for: ContextFor
) -> None:
    """Another seat approved the payment while the dialog was open."""
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    ctx = tab_context_for(desk)
    pane = open_pane(qtbot, ctx, studio.booking_id)
    dialog = open_dialog(qtbot, pane, pane.refuse_button)
    booking = gui_services.bookings.get(Principal.system(), studio.booking_id)
    assert booking.purchase_id is not None
    gui_services.purchases.record_payment(desk.principal, booking.purchase_id, PaymentMethod.CASH)
    dialog.reason.setText("No transfer")
    click(qtbot, dialog.confirm_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "confirmed a moment ago" in dialog.error_label.text())
    assert shiboken6.isValid(dialog) and dialog.isVisible()
    assert dialog.confirm_button.isEnabled()
    assert gui_services.bookings.get(Principal.system(), booking.id).status is (
        BookingStatus.CONFIRMED
    )
    dialog.reject()
    QApplication.processEvents()


# --- today ------------------------------------------------------------------------------


def _today_at(factory_studio: Any, client: SignedIn, hour: int) -> Booking:
    """A pay-later session of ``client`` today at ``hour`` (studio time), booked by the
    owner outside the rules (it may be over already)."""
    today = datetime.now(BERLIN).date()
    starts = datetime(today.year, today.month, today.day, hour, tzinfo=BERLIN)
    request = BookingRequest(
        SessionCart(factory_studio.video_setup, factory_studio.podcast, 60),
        starts,
        PaymentMethod.PAY_LATER,
        client_id=client.account.id,
        bypass_rules=True,
        bypass_reason="Test: today",
    )
    return factory_studio.services.checkout.book(factory_studio.owner, request).booking  # type: ignore[no-any-return]


def test_today_lists_arrivals_in_order_and_counts_approvals(
    qtbot: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
    tab_context_for: ContextFor,
) -> None:
    evening = _today_at(factory_studio, client_session, 20)
    afternoon = _today_at(factory_studio, client_session, 17)
    desk = staff(gui_services, Role.FRONT_DESK, "Fran")
    ctx = tab_context_for(desk)
    panel = TodayPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.reload()
    assert panel.today is not None
    assert [b.id for b in panel.today.arrivals] == [afternoon.id, evening.id]
    assert [panel.arrivals.topLevelItem(i).text(1) for i in range(2)] == ["Ana Client"] * 2
    assert panel.arrivals.topLevelItem(0).text(0).startswith("17:00")
    assert panel.arrivals.topLevelItem(0).text(3) == "Awaiting approval"
    # the template's booking in four days and today's two pay-later sessions
    assert panel.today.awaiting_approval == 3
    assert panel.awaiting_label.text().startswith("3 booking(s) awaiting approval")
    # approving on this seat reloads the panel (the operation publishes its Changes)
    pane = open_pane(qtbot, ctx, afternoon.id)
    dialog = open_dialog(qtbot, pane, pane.approve_button)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        confirm(qtbot, ctx, pane, dialog)
    assert panel.today.awaiting_approval == 2
    assert panel.arrivals.topLevelItem(0).text(3).startswith("Paid (")
