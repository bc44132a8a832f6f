"""The staff Schedule: blocks where their bookings are, the week, canceled sessions,
navigation, the keyboard, live updates from another process, DST days, staff only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.schedule import (
    ScheduleData,
    ScheduleFrame,
    ScheduleRoom,
    lay_out,
    week_of,
)
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.schedule import load_schedule
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.schedule.canvas import HEADER, PIXELS_PER_MINUTE, ScheduleCanvas
from podyx_desktop.views.staff.schedule.schedule_place import ALL_ROOMS, SchedulePlace
from podyx_desktop.views.staff.staff_window import StaffWindow
from tests import factories
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.fixtures_tabs import click, wait_idle
from tests.gui.test_live_updates import run_other_process
from tests.gui.test_sign_in import sign_in, wait_main

BERLIN = ZoneInfo("Europe/Berlin")
DESK = "desk@example.com"
WAIT = 10_000


def desk(gui_services: Services) -> SignedIn:
    return gui_services.accounts.sign_in(DESK, PASSWORD)


def open_place(qtbot: Any, ctx: ViewContext, day: date) -> SchedulePlace:
    place = SchedulePlace(ctx)
    qtbot.addWidget(place)
    place.resize(1200, 800)
    place.show()
    wait_idle(qtbot, ctx)
    place.show_day(day)
    wait_idle(qtbot, ctx)
    assert place.data is not None and place.data.first <= day <= place.data.last
    return place


def block_of(place: SchedulePlace, booking_id: int) -> Any:
    layout = place.canvas.layout_
    assert layout is not None
    return next((b for b in layout.blocks if b.booking.id == booking_id), None)


def test_the_day_view_shows_the_booking_in_its_room_at_its_time(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    factory_studio: factories.Studio,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    staff = desk(gui_services)
    booking = gui_services.bookings.get(staff.principal, studio.booking_id)
    day = booking.starts_at.astimezone(BERLIN).date()
    place = open_place(qtbot, tab_context_for(staff), day)
    layout = place.canvas.layout_
    assert layout is not None
    assert [c.room_id for c in layout.columns] == [factory_studio.room_a, factory_studio.room_b]
    block = block_of(place, studio.booking_id)
    assert block is not None
    assert layout.columns[block.column].room_id == booking.room_id == factory_studio.room_a
    local = booking.starts_at.astimezone(BERLIN)
    assert (local.hour, local.minute) == (11, 0)
    rect = place.canvas.block_rect(block)
    assert rect.top() == HEADER + (11 * 60 - layout.top) * PIXELS_PER_MINUTE
    assert rect.height() == booking.minutes * PIXELS_PER_MINUTE
    assert layout.top == 9 * 60  # the fixture studio opens at 09:00
    lines = place.canvas.lines_of(studio.booking_id)
    assert studio.client_name in lines and booking.service_name in lines
    if booking.status is BookingStatus.PENDING:
        assert lines[0] == "Awaiting payment"
    tip = place.canvas.tooltip_of(studio.booking_id)
    assert studio.client_name in tip and booking.service_name in tip

    # a click on the block selects it and fills the details pane
    with qtbot.waitSignal(place.selection_changed, timeout=WAIT) as chosen:
        qtbot.mouseClick(place.canvas, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert chosen.args[0].id == studio.booking_id
    assert place.details.booking is not None and place.details.booking.id == studio.booking_id
    # the desk's actions act on it: the pay-later session can be approved
    assert place.desk_actions.booking_id == studio.booking_id
    qtbot.waitUntil(lambda: place.desk_actions.state is not None, timeout=WAIT)
    assert place.desk_actions.approve_button.isEnabled()

    # its history arrives, and stays when the schedule reloads (the selection kept)
    qtbot.waitUntil(lambda: place.details.history_model.rowCount() >= 1, timeout=WAIT)
    place.reload()
    wait_idle(qtbot, place._ctx)
    assert place.selected_booking is not None and place.selected_booking.id == booking.id
    assert place.details.history_model.rowCount() >= 1

    # a click on empty time names the room and the instant (snapped to 15 minutes)
    empty = QPoint(int(rect.center().x()), int(place.canvas.y_of(15 * 60 + 7)))
    with qtbot.waitSignal(place.empty_time_clicked, timeout=WAIT) as clicked:
        qtbot.mouseClick(place.canvas, Qt.MouseButton.LeftButton, pos=empty)
    room_id, moment = clicked.args
    assert room_id == factory_studio.room_a
    assert moment == datetime(day.year, day.month, day.day, 15, tzinfo=BERLIN)
    assert place.selected_booking is None


def test_the_week_of_one_room_and_of_all_rooms(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    factory_studio: factories.Studio,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    staff = desk(gui_services)
    booking = gui_services.bookings.get(staff.principal, studio.booking_id)
    day = booking.starts_at.astimezone(BERLIN).date()
    ctx = tab_context_for(staff)
    place = open_place(qtbot, ctx, day)
    click(qtbot, place.week_button)
    wait_idle(qtbot, ctx)
    assert place.week_mode and place.room_choice.isEnabled()
    layout = place.canvas.layout_
    assert layout is not None
    assert [c.day for c in layout.columns] == week_of(day)
    assert {c.room_id for c in layout.columns} == {factory_studio.room_a}
    block = block_of(place, studio.booking_id)
    assert block is not None and block.column == day.weekday()

    place.choose_room(factory_studio.room_b)
    assert block_of(place, studio.booking_id) is None  # another room's week
    place.choose_room(ALL_ROOMS)
    layout = place.canvas.layout_
    assert layout is not None and len(layout.columns) == 14
    block = block_of(place, studio.booking_id)
    assert block is not None and block.column == day.weekday() * 2  # Studio A that day


def test_canceled_sessions_are_hidden_unless_asked_for(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    staff = desk(gui_services)
    booking = gui_services.bookings.get(staff.principal, studio.booking_id)
    ctx = tab_context_for(staff)
    place = open_place(qtbot, ctx, booking.starts_at.astimezone(BERLIN).date())
    assert block_of(place, studio.booking_id) is not None
    gui_services.bookings.cancel(staff.principal, studio.booking_id, reason="test")
    place.reload()
    wait_idle(qtbot, ctx)
    assert block_of(place, studio.booking_id) is None
    click(qtbot, place.show_canceled)
    block = block_of(place, studio.booking_id)
    assert block is not None and block.booking.status is BookingStatus.CANCELED
    assert place.canvas.lines_of(studio.booking_id)[0] == "Canceled"


def test_navigation_by_day_week_today_and_the_date_picker(
    qtbot: Any,
    gui_services: Services,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    ctx = tab_context_for(desk(gui_services))
    start = date(2030, 6, 5)  # a Wednesday
    place = open_place(qtbot, ctx, start)
    click(qtbot, place.next_button)
    wait_idle(qtbot, ctx)
    assert place.day == start + timedelta(days=1)
    assert place.data is not None and place.data.first == place.day
    click(qtbot, place.previous_button)
    click(qtbot, place.previous_button)
    wait_idle(qtbot, ctx)
    assert place.day == start - timedelta(days=1)
    place.set_week_mode(True)
    click(qtbot, place.next_button)
    wait_idle(qtbot, ctx)
    assert place.day == start + timedelta(days=6)
    assert place.data is not None
    assert (place.data.first, place.data.last) == (date(2030, 6, 10), date(2030, 6, 16))
    place.date_edit.setDate(QDate(2031, 1, 2))
    wait_idle(qtbot, ctx)
    assert place.day == date(2031, 1, 2)
    assert place.date_edit.date() == QDate(2031, 1, 2)
    click(qtbot, place.today_button)
    wait_idle(qtbot, ctx)
    assert place.day == datetime.now(BERLIN).date()
    assert place.heading.text().startswith("Week of")


def test_arrow_keys_move_the_selection_and_enter_opens_it(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    factory_studio: factories.Studio,
    tab_context_for: Callable[[SignedIn], ViewContext],
) -> None:
    staff = desk(gui_services)
    first = gui_services.bookings.get(staff.principal, studio.booking_id)
    day = first.starts_at.astimezone(BERLIN).date()
    client = factory_studio.client("Ben Client")
    later = factory_studio.book(client, factory_studio.at(day, 15)).booking
    other_room = factory_studio.book(
        client, factory_studio.at(day, 12), setup=factory_studio.roundtable_setup
    ).booking
    assert other_room.room_id == factory_studio.room_b
    place = open_place(qtbot, tab_context_for(staff), day)
    canvas = place.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Down)  # nothing chosen: the first block
    assert place.selected_booking is not None and place.selected_booking.id == first.id
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert place.selected_booking is not None and place.selected_booking.id == later.id
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert place.selected_booking is not None and place.selected_booking.id == first.id
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert place.selected_booking is not None and place.selected_booking.id == other_room.id
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # no room further right: stays
    assert place.selected_booking is not None and place.selected_booking.id == other_room.id
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert place.selected_booking is not None and place.selected_booking.id == first.id
    with qtbot.waitSignal(place.open_requested, timeout=WAIT) as opened:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert opened.args[0].id == first.id
    # Enter takes the keyboard to the session's first allowed action
    qtbot.waitUntil(
        lambda: place.focusWidget() in place.desk_actions.buttons()
        or place.focusWidget() is place.details.history,
        timeout=WAIT,
    )


def test_a_change_made_by_another_process_shows_within_two_seconds_keeping_the_selection(
    qtbot: Any, make_app: Any, studio: GuiStudio, gui_services: Services
) -> None:
    app = make_app()
    sign_in(qtbot, app, DESK, PASSWORD)
    window = wait_main(qtbot, app)
    assert isinstance(window, StaffWindow)
    place = window.schedule
    assert window.places.currentWidget() is place  # the window opens on the Schedule
    booking = gui_services.bookings.get(desk(gui_services).principal, studio.booking_id)
    place.show_day(booking.starts_at.astimezone(BERLIN).date())
    qtbot.waitUntil(lambda: block_of(place, studio.booking_id) is not None, timeout=WAIT)
    place.show_canceled.setChecked(True)
    place.select(studio.booking_id)
    loads = place.loads
    scroll = place.scroll_area.verticalScrollBar().value()

    run_other_process(studio, "cancel", str(studio.booking_id))
    # the schedule's block, then the details pane's full booking (loaded for the selection)
    qtbot.waitUntil(
        lambda: getattr(place.selected_booking, "status", None) is BookingStatus.CANCELED
        and getattr(place.details.booking, "status", None) is BookingStatus.CANCELED,
        timeout=2_000,
    )
    assert place.loads > loads
    assert place.selected_booking is not None and place.selected_booking.id == studio.booking_id
    assert place.details.booking is not None
    assert place.details.booking.status is BookingStatus.CANCELED
    assert place.scroll_area.verticalScrollBar().value() == scroll


def test_the_places_and_their_shortcuts(qtbot: Any, make_app: Any, studio: GuiStudio) -> None:
    app = make_app()
    sign_in(qtbot, app, DESK, PASSWORD)
    window = wait_main(qtbot, app)
    assert isinstance(window, StaffWindow)
    names = [window.places.tabText(i) for i in range(window.places.count())]
    assert names == ["Schedule", "Clients", "Payments", "Set-up", "Audit"]
    window.activateWindow()
    for number in (2, 5, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.places.currentIndex() == number - 1
    assert "for managers and owners" in window.setup_place.refusal.text()  # front desk


def test_a_fall_back_session_is_drawn_two_hours_tall(qtbot: Any) -> None:
    frame = ScheduleFrame(
        "Europe/Berlin",
        (ScheduleRoom(1, "Studio A", 15, tuple(OpeningInterval(d, 0, 1440) for d in range(7))),),
        (),
    )
    day = date(2026, 10, 25)
    start = datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN).astimezone(UTC)
    from tests.domain.test_schedule_layout import booking

    data = ScheduleData(day, day, start, frame, (booking(1, 1, start, 120),))
    canvas = ScheduleCanvas(DisplayFormat("Europe/Berlin", "en_GB", "EUR"))
    qtbot.addWidget(canvas)
    canvas.resize(600, 400)
    canvas.set_layout(data, lay_out(data, [day], [1]), [("Studio A", "")])
    layout = canvas.layout_
    assert layout is not None
    rect = canvas.block_rect(layout.blocks[0])
    assert rect.height() == 120 * PIXELS_PER_MINUTE
    assert rect.top() == canvas.y_of(90)
    labels = [label for _minute, label in canvas._labels]
    assert [label[:5] for label in labels].count("02:00") == 2
    assert "02:00 (UTC+02:00)" in labels and "02:00 (UTC+01:00)" in labels
    canvas.show()
    canvas.grab()  # paints without error, the "now" line included


@pytest.mark.parametrize("dst", [date(2026, 10, 25), date(2026, 3, 29)])
def test_a_week_over_a_dst_day_reads_right_on_every_day(qtbot: Any, dst: date) -> None:
    from tests.domain.test_schedule_layout import booking

    frame = ScheduleFrame(
        "Europe/Berlin",
        (ScheduleRoom(1, "Studio A", 15, tuple(OpeningInterval(d, 0, 1440) for d in range(7))),),
        (),
    )
    before, after = dst - timedelta(days=1), dst + timedelta(days=1)
    at_ten = {
        day: datetime(day.year, day.month, day.day, 10, tzinfo=BERLIN).astimezone(UTC)
        for day in (before, dst, after)
    }
    bookings = tuple(booking(i, 1, at_ten[day], 60) for i, day in enumerate(at_ten, 1))
    for days in (week_of(dst), [dst + timedelta(days=d) for d in range(-3, 4)]):
        data = ScheduleData(days[0], days[-1], at_ten[before], frame, bookings)
        canvas = ScheduleCanvas(DisplayFormat("Europe/Berlin", "en_GB", "EUR"))
        qtbot.addWidget(canvas)
        canvas.resize(1100, 600)
        canvas.set_layout(data, lay_out(data, days, [1]), [("Studio A", str(d)) for d in days])
        layout = canvas.layout_
        assert layout is not None
        for block in layout.blocks:
            day = layout.columns[block.column].day
            # the line at the block's top is the one the person reads as 10:00 that day
            assert canvas.label_read_at(block.column, block.top) == "10:00", (days, day)
            if day == dst:  # the DST day's own 10:00 is an hour off the left column's
                assert block.top == 600 + (60 if dst.month == 10 else -60)
                assert (block.top, "10:00") in canvas._own_labels[block.column]
            else:
                assert block.top == 600 and (600.0, "10:00") in canvas._labels
                assert canvas._own_labels[block.column] == []
        canvas.show()
        canvas.grab()  # paints the DST day's tags without error


def test_clients_are_refused_the_schedule(
    qtbot: Any, tab_context: ViewContext, client_session: SignedIn
) -> None:
    refusals: list[str] = []
    results: list[Any] = []
    load_schedule(
        tab_context, client_session.principal, date(2030, 1, 1), date(2030, 1, 7)
    ).success(results.append).failure(refusals.append).run(None)
    qtbot.waitUntil(lambda: bool(refusals or results), timeout=WAIT)
    assert not results and refusals and refusals[0]
