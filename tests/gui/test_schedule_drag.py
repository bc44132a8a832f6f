"""Moving a session by dragging its block: to a later time, onto a taken time or outside
opening hours (it snaps back, the reason shown), to another room's column, and Escape."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.staff.schedule.schedule_place import SchedulePlace
from tests import factories
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.fixtures_tabs import wait_idle
from tests.gui.test_schedule import block_of, desk, open_place

BERLIN = ZoneInfo("Europe/Berlin")
WAIT = 10_000
LEFT = Qt.MouseButton.LeftButton
GRAB = 10  # pixels below a block's top where the tests press


def drag(place: SchedulePlace, start: QPoint, end: QPoint, *, escape: bool = False) -> None:
    """Press at ``start``, move in steps to ``end`` and release (or press Escape first)."""
    canvas = place.canvas
    QTest.mousePress(canvas, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        x = start.x() + (end.x() - start.x()) * step // 5
        y = start.y() + (end.y() - start.y()) * step // 5
        QTest.mouseMove(canvas, QPoint(x, y))
    if escape:
        assert canvas.drag.ghost is not None  # it was dragging
        QTest.keyClick(canvas, Qt.Key.Key_Escape)
    QTest.mouseRelease(canvas, LEFT, Qt.KeyboardModifier.NoModifier, end)


def grab_point(place: SchedulePlace, booking_id: int) -> QPoint:
    block = block_of(place, booking_id)
    assert block is not None
    rect = place.canvas.block_rect(block)
    return QPoint(int(rect.center().x()), int(rect.top()) + GRAB)


def point_for(place: SchedulePlace, column: int, local: datetime) -> QPoint:
    """Where to release for the block's top to land on ``local`` in ``column``."""
    canvas = place.canvas
    layout = canvas.layout_
    assert layout is not None
    minute = layout.columns[column].axis.minute_of(local)
    x = canvas.gutter + (column + 0.5) * canvas.column_width()
    return QPoint(int(x), int(canvas.y_of(minute)) + GRAB)


def setup_place(
    qtbot: Any, studio: GuiStudio, gui_services: Services, tab_context_for: Any
) -> tuple[SchedulePlace, SignedIn, datetime]:
    staff = desk(gui_services)
    booking = gui_services.bookings.get(staff.principal, studio.booking_id)
    local = booking.starts_at.astimezone(BERLIN)
    place = open_place(qtbot, tab_context_for(staff), local.date())
    return place, staff, local


def test_a_drag_moves_the_session_to_a_later_free_time(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    place, staff, local = setup_place(qtbot, studio, gui_services, tab_context_for)
    grab = grab_point(place, studio.booking_id)
    target = local.replace(hour=15, minute=0)
    with qtbot.waitSignal(place.loaded, timeout=WAIT):
        drag(place, grab, point_for(place, 0, target))
    wait_idle(qtbot, place._ctx)
    moved = gui_services.bookings.get(staff.principal, studio.booking_id)
    assert moved.starts_at == target
    block = block_of(place, studio.booking_id)
    assert block is not None and block.booking.starts_at == target
    layout = place.canvas.layout_
    assert layout is not None
    top = place.canvas.block_rect(block).top()
    assert top == place.canvas.y_of(layout.columns[block.column].axis.minute_of(target))
    assert place.selected_booking is not None and place.selected_booking.id == studio.booking_id
    assert "is now on" in place.message.text()

    client = gui_services.accounts.sign_in(studio.client_email, PASSWORD)
    tab = BookingsTab(tab_context_for(client))
    qtbot.addWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=WAIT)
    shown = tab.upcoming_model.record(0)
    assert shown is not None and shown.starts_at == target


def test_a_drop_on_a_taken_time_or_outside_opening_hours_snaps_back(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    factory_studio: factories.Studio,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    staff = desk(gui_services)
    booking = gui_services.bookings.get(staff.principal, studio.booking_id)
    local = booking.starts_at.astimezone(BERLIN)
    bob = factory_studio.client("Bob Taken", "bob.taken@example.com")
    factory_studio.book(bob, local.replace(hour=16, minute=0))
    place = open_place(qtbot, tab_context_for(staff), local.date())
    canvas = place.canvas
    grab = grab_point(place, studio.booking_id)
    before = canvas.block_rect(block_of(place, studio.booking_id))

    drag(place, grab, point_for(place, 0, local.replace(hour=15)))
    qtbot.waitUntil(lambda: "not moved" in place.message.text(), timeout=WAIT)
    assert "That time was just taken" in place.message.text()
    assert place.notice is not None and place.notice.isVisible()
    assert not place.notice.isModal()
    assert gui_services.bookings.get(staff.principal, studio.booking_id).starts_at == (
        booking.starts_at
    )
    assert canvas.block_rect(block_of(place, studio.booking_id)) == before
    assert canvas.drag.ghost is None

    place.message.clear()
    drag(place, grab, point_for(place, 0, local.replace(hour=20)))
    qtbot.waitUntil(lambda: "not moved" in place.message.text(), timeout=WAIT)
    assert "outside opening hours" in place.message.text()
    assert gui_services.bookings.get(staff.principal, studio.booking_id).starts_at == (
        booking.starts_at
    )


def test_a_drag_to_the_other_rooms_column_moves_it_there(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    factory_studio: factories.Studio,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    place, staff, local = setup_place(qtbot, studio, gui_services, tab_context_for)
    layout = place.canvas.layout_
    assert layout is not None and layout.columns[1].room_id == factory_studio.room_b
    grab = grab_point(place, studio.booking_id)
    with qtbot.waitSignal(place.loaded, timeout=WAIT):
        drag(place, grab, point_for(place, 1, local))
    wait_idle(qtbot, place._ctx)
    moved = gui_services.bookings.get(staff.principal, studio.booking_id)
    assert moved.room_id == factory_studio.room_b and moved.starts_at == local
    assert moved.setup_id == factory_studio.roundtable_setup
    block = block_of(place, studio.booking_id)
    assert block is not None and place.canvas.layout_ is not None
    assert place.canvas.layout_.columns[block.column].room_id == factory_studio.room_b


def test_escape_cancels_a_drag(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    place, staff, local = setup_place(qtbot, studio, gui_services, tab_context_for)
    grab = grab_point(place, studio.booking_id)
    with qtbot.assertNotEmitted(place.canvas.move_requested):
        drag(place, grab, point_for(place, 0, local + timedelta(hours=4)), escape=True)
    assert place.canvas.drag.ghost is None and place.canvas.drag.block is None
    wait_idle(qtbot, place._ctx)
    assert gui_services.bookings.get(staff.principal, studio.booking_id).starts_at == local


def test_in_a_rooms_week_a_drag_to_another_days_column_moves_it_to_that_day(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    factory_studio: factories.Studio,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    place, staff, local = setup_place(qtbot, studio, gui_services, tab_context_for)
    with qtbot.waitSignal(place.loaded, timeout=WAIT):
        place.set_week_mode(True)
    place.choose_room(factory_studio.room_a)
    layout = place.canvas.layout_
    assert layout is not None and {c.room_id for c in layout.columns} == {factory_studio.room_a}
    block = block_of(place, studio.booking_id)
    assert block is not None
    other = block.column + 1 if block.column + 1 < len(layout.columns) else block.column - 1
    target = datetime.combine(layout.columns[other].day, local.time().replace(hour=14), BERLIN)
    grab = grab_point(place, studio.booking_id)
    with qtbot.waitSignal(place.loaded, timeout=WAIT):
        drag(place, grab, point_for(place, other, target))
    wait_idle(qtbot, place._ctx)
    moved = gui_services.bookings.get(staff.principal, studio.booking_id)
    assert moved.starts_at == target and moved.room_id == factory_studio.room_a
    moved_block = block_of(place, studio.booking_id)
    assert moved_block is not None and moved_block.column == other


def test_a_drop_refused_by_a_rule_can_go_outside_the_rules_with_a_reason(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    factory_studio: factories.Studio,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    place, staff, local = setup_place(qtbot, studio, gui_services, tab_context_for)
    bob = factory_studio.client("Bob Taken", "bob.taken@example.com")
    factory_studio.book(bob, local.replace(hour=16, minute=0))
    place.reload()
    qtbot.waitUntil(lambda: block_of(place, studio.booking_id) is not None, timeout=WAIT)
    grab = grab_point(place, studio.booking_id)

    # a taken time: no reason moves a session over another, so no such offer
    drag(place, grab, point_for(place, 0, local.replace(hour=15)))
    qtbot.waitUntil(lambda: "not moved" in place.message.text(), timeout=WAIT)
    assert place.bypass_button is not None and not place.bypass_button.isVisible()

    # past closing time: a studio rule, which the desk may set aside with a reason
    place.message.clear()
    late = local.replace(hour=20, minute=0)
    drag(place, grab, point_for(place, 0, late))
    qtbot.waitUntil(lambda: "outside opening hours" in place.message.text(), timeout=WAIT)
    assert place.notice is not None and place.notice.isVisible()
    assert place.bypass_button.isVisible()
    place.bypass_button.click()
    prompt = place.bypass_prompt
    assert prompt is not None and prompt.isVisible()
    prompt.setTextValue("Late mix session agreed with the engineer")
    with qtbot.waitSignal(place.loaded, timeout=WAIT):
        prompt.accept()
    wait_idle(qtbot, place._ctx)
    assert gui_services.bookings.get(staff.principal, studio.booking_id).starts_at == late
    assert "is now on" in place.message.text()
    entries = gui_services.audit.list_entries(
        Principal.system(), entity="booking", entity_id=studio.booking_id
    )
    assert [e.reason for e in entries if e.action == "bypass_rules"] == [
        "Late mix session agreed with the engineer"
    ]
