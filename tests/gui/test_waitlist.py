"""The waitlist in the windows: a client picks a taken time in the booking wizard and joins
the waitlist; the time frees (another client cancels); the Bookings tab shows the offer
with its hold's end in the studio's zone, tells whoever listens (``offered``, for the
tray), and "Book it" books it through the wizard as usual. A visitor is told to sign in."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QWizard

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.waitlist import WaitlistEntry, WaitStatus
from podyx_desktop.services import Services
from podyx_desktop.views.booking.booking_wizard import BookingWizard
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from tests.factories import BERLIN
from tests.gui.fixtures_tabs import click, select_row, studio_today, wait_idle


def _next(qtbot: Any, wizard: BookingWizard) -> None:
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled())
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def _to_time_page(qtbot: Any, wizard: BookingWizard, factory_studio: Any) -> None:
    qtbot.waitUntil(lambda: wizard.setup_page.model.rowCount() > 0, timeout=10_000)
    select_row(
        qtbot, wizard.setup_page.list, wizard.setup_page.model.row_of(factory_studio.podcast_setup)
    )
    _next(qtbot, wizard)
    page = wizard.service_page
    select_row(qtbot, page.list, page.model.row_of(factory_studio.podcast))
    page.length.setCurrentIndex(page.length.findData(120))
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # no add-ons
    assert wizard.currentId() == BookingWizard.TIME


def test_join_from_the_wizard_then_book_the_offer(
    qtbot: Any,
    tab_context: ViewContext,
    tab_visitor_context: ViewContext,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    ctx = tab_context
    day = studio_today() + timedelta(days=3)
    ben = factory_studio.client("Ben Waitlist")
    taken_at = factory_studio.at(day, 14)
    bens = factory_studio.book(ben, taken_at).booking

    # a visitor sees the taken time but is told to sign in
    visitor = BookingWizard(tab_visitor_context)
    qtbot.addWidget(visitor)
    visitor.show()
    _to_time_page(qtbot, visitor, factory_studio)
    visitor.time_page.picker.set_day(day)
    box = visitor.time_page.picker.waitlist
    qtbot.waitUntil(lambda: box.times.count() > 0, timeout=10_000)
    assert not box.join_button.isEnabled()
    assert "Sign in" in box.reason.text()
    visitor.close()

    # the client joins the waitlist for Ben's time from the wizard's time step
    wizard = BookingWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    _to_time_page(qtbot, wizard, factory_studio)
    picker = wizard.time_page.picker
    picker.set_day(day)
    wait_idle(qtbot, ctx)
    box = picker.waitlist
    qtbot.waitUntil(lambda: box.times.count() > 0, timeout=10_000)
    free = {picker.model.record(r).starts_at for r in range(picker.model.rowCount())}  # type: ignore[union-attr]
    taken = [box.times.itemData(i).starts_at for i in range(box.times.count())]
    assert taken_at in taken and taken_at not in free
    shown = box.times.itemText(taken.index(taken_at))  # formatted on the worker
    assert shown == wizard.display.time_range(taken_at, bens.ends_at)
    box.times.setCurrentIndex(taken.index(taken_at))
    click(qtbot, box.join_button)
    wait_idle(qtbot, ctx)
    assert "You are on the waitlist" in box.reason.text(), box.reason.text()
    wizard.close()

    # the Bookings tab shows the wait; Ben cancels; the tab shows the offer and says so
    tab = BookingsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.reload()
    panel = tab.waitlist_panel
    assert panel is not None
    panel.reload()
    qtbot.waitUntil(lambda: panel.isVisible() and panel.list.count() == 1, timeout=10_000)
    assert "waiting, number 1 in line" in panel.list.item(0).text()
    assert not panel.book_button.isEnabled()
    offers: list[WaitlistEntry] = []
    tab.waitlist_offered.connect(offers.append)  # what the window relays to a tray
    _canceled, changes = gui_services.call(
        lambda: gui_services.bookings.cancel(ben.principal, bens.id)
    )
    assert changes.touches(Kind.WAITLIST)
    ctx.bus.publish(changes)  # as the change feed would deliver another seat's write
    qtbot.waitUntil(lambda: len(offers) == 1, timeout=10_000)
    entry = offers[0]
    assert entry.status is WaitStatus.OFFERED and entry.hold_until is not None
    until = entry.hold_until.astimezone(BERLIN).strftime("%H:%M")
    assert f"held for you until {until} (Europe/Berlin)" in panel.list.item(0).text()
    assert panel.book_button.isEnabled()

    # "Book it": the wizard opens on the offer, the time is picked, the client pays as usual
    click(qtbot, panel.book_button)
    booking_wizard = panel.wizard
    assert isinstance(booking_wizard, BookingWizard)
    qtbot.addWidget(booking_wizard)
    qtbot.waitUntil(lambda: booking_wizard.currentId() == BookingWizard.ADDONS, timeout=10_000)
    _next(qtbot, booking_wizard)
    qtbot.waitUntil(lambda: booking_wizard.draft.slot is not None, timeout=10_000)
    assert booking_wizard.draft.slot is not None
    assert booking_wizard.draft.slot.starts_at == taken_at
    _next(qtbot, booking_wizard)
    click(qtbot, booking_wizard.review_page.terms.check)
    _next(qtbot, booking_wizard)
    booking_wizard.payment_page.method.set_method(PaymentMethod.PAY_LATER)
    click(qtbot, booking_wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: booking_wizard.currentId() == BookingWizard.DONE, timeout=10_000)
    mine = gui_services.bookings.list_for_client(
        client_session.principal, client_session.account.id, upcoming=True
    )
    assert taken_at in {b.starts_at for b in mine}
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)  # the wait is booked


def test_staff_see_a_times_waitlist_beside_the_schedule(
    qtbot: Any,
    gui_services: Services,
    factory_studio: Any,
    tab_context_for: Any,
) -> None:
    from podyx_desktop.domain.waitlist import WaitlistJoin
    from tests.factories import PASSWORD
    from tests.gui.test_schedule import open_place

    day = studio_today() + timedelta(days=4)
    owner, ben, cleo = (
        factory_studio.client(n) for n in ("Olivia Taken", "Ben Waitlist", "Cleo Waitlist")
    )
    booking = factory_studio.book(owner, factory_studio.at(day, 17)).booking
    for who in (ben, cleo):
        gui_services.waitlist.join(
            who.principal,
            WaitlistJoin(
                who.account.id,
                factory_studio.podcast_setup,
                factory_studio.podcast,
                booking.starts_at,
                120,
            ),
        )
    staff = gui_services.accounts.sign_in("desk@example.com", PASSWORD)
    ctx = tab_context_for(staff)
    # the desk's own dialogs name no client: no "Join the waitlist" there; a client's
    # reschedule opened by staff waits for that client
    from podyx_desktop.views.booking.slot_picker import SlotPicker
    from podyx_desktop.views.profile.reschedule_dialog import RescheduleDialog

    picker = SlotPicker(ctx)
    qtbot.addWidget(picker)
    assert picker.waitlist.isHidden()
    dialog = RescheduleDialog(ctx, booking)
    qtbot.addWidget(dialog)
    assert not dialog.picker.waitlist.isHidden()
    assert dialog.picker.waitlist.client_id == owner.account.id
    dialog.close()
    place = open_place(qtbot, ctx, day)
    place.show_canceled.setChecked(True)  # the session stays chosen once canceled
    place.select(booking.id)
    box = place.waitlist
    qtbot.waitUntil(lambda: len(box.entries) == 2, timeout=10_000)
    assert box.summary.text() == "2 clients wait for this time."
    click(qtbot, box.show_button)
    assert box.dialog is not None
    from PySide6.QtWidgets import QListWidget

    listing = box.dialog.findChild(QListWidget)
    assert listing is not None
    lines = [listing.item(i).text() for i in range(listing.count())]
    assert lines[0].startswith("Ben Waitlist") and "waiting, number 1" in lines[0]
    assert lines[1].startswith("Cleo Waitlist") and "waiting, number 2" in lines[1]
    box.dialog.close()
    # the owner cancels: the schedule's line says whom the time is held for, until when
    _canceled, changes = gui_services.call(
        lambda: gui_services.bookings.cancel(owner.principal, booking.id)
    )
    ctx.bus.publish(changes)
    qtbot.waitUntil(lambda: "Held for Ben Waitlist until" in box.summary.text(), timeout=10_000)


def test_the_owner_sets_the_hold_in_policies(
    qtbot: Any, make_app: Any, factory_studio: Any, gui_services: Services
) -> None:
    from tests.gui.test_setup_place import OWNER, staff_window

    app = make_app()
    window = staff_window(qtbot, app, OWNER)
    window.open_setup("policies")
    box = window.setup_place.policies.waitlist_hold
    qtbot.waitUntil(lambda: box.minutes.value() == 30, timeout=10_000)
    box.minutes.setValue(45)
    click(qtbot, box.save_button)
    section = window.setup_place.policies
    qtbot.waitUntil(lambda: "Saved the waitlist hold" in section.message_text, timeout=10_000)
    assert gui_services.waitlist.hold_minutes(factory_studio.owner) == 45
