"""The schedule's layout in real minutes: DST days, closed days, canceled bookings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.schedule import (
    ClosedDay,
    ScheduleBooking,
    ScheduleData,
    ScheduleFrame,
    ScheduleRoom,
    axis_labels,
    day_axis,
    lay_out,
    week_of,
)

BERLIN = ZoneInfo("Europe/Berlin")
FALL_BACK = date(2026, 10, 25)
SPRING_FORWARD = date(2026, 3, 29)


def booking(
    booking_id: int,
    room_id: int,
    starts_at: datetime,
    minutes: int,
    buffer: int = 15,
    status: BookingStatus = BookingStatus.CONFIRMED,
) -> ScheduleBooking:
    ends_at = starts_at + timedelta(minutes=minutes)
    return ScheduleBooking(
        id=booking_id, room_id=room_id, starts_at=starts_at, ends_at=ends_at,
        blocked_until=ends_at + timedelta(minutes=buffer), status=status,
        client_name="Ana Client", service_name="Recording",
    )  # fmt: skip


def data(
    *bookings: ScheduleBooking,
    first: date,
    last: date | None = None,
    hours: tuple[OpeningInterval, ...] | None = None,
    closed: tuple[ClosedDay, ...] = (),
) -> ScheduleData:
    every_day = (
        hours
        if hours is not None
        else tuple(OpeningInterval(day, 9 * 60, 21 * 60) for day in range(7))
    )
    frame = ScheduleFrame(
        "Europe/Berlin",
        (ScheduleRoom(1, "Room A", 15, every_day), ScheduleRoom(2, "Room B", 30, every_day)),
        closed,
    )
    return ScheduleData(first, last or first, datetime(2026, 1, 1, tzinfo=UTC), frame, bookings)  # fmt: skip


def test_a_two_hour_session_over_the_repeated_hour_is_two_hours_tall() -> None:
    # 01:30 CEST (UTC+2) = 23:30 UTC the day before; it ends at 02:30 CET (UTC+1)
    start = datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN).astimezone(UTC)
    assert start == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    shown = data(booking(7, 1, start, 120), first=FALL_BACK)
    layout = lay_out(shown, [FALL_BACK], [1, 2])
    (block,) = layout.blocks
    assert block.column == 0
    assert block.top == 90  # 01:30 is 90 elapsed minutes after midnight
    assert block.bottom - block.top == 120
    assert block.buffer_end - block.bottom == 15
    axis = layout.columns[0].axis
    labels = [m.moment.astimezone(BERLIN).strftime("%H:%M") for m in axis.marks]
    assert labels.count("02:00") == 2  # the axis shows the repeated hour twice
    minutes = [m.minute for m in axis.marks]
    assert minutes[labels.index("02:00")] == 120
    assert minutes[labels.index("03:00")] == 240  # one hour later than on a normal day
    assert axis.bottom == 22 * 60  # 21:00 closing is 22 elapsed hours after midnight


def test_the_skipped_hour_is_not_on_the_axis() -> None:
    axis = day_axis(SPRING_FORWARD, BERLIN, [], [])
    labels = [m.moment.astimezone(BERLIN).strftime("%H:%M") for m in axis.marks]
    assert labels[0] == "08:00" and labels[-1] == "22:00"  # the fallback
    assert axis.top == 7 * 60  # 08:00 is seven real hours after midnight that day
    start = datetime(2026, 3, 29, 1, 0, tzinfo=BERLIN).astimezone(UTC)
    layout = lay_out(
        data(booking(1, 2, start, 180), first=SPRING_FORWARD), [SPRING_FORWARD], [1, 2]
    )
    (block,) = layout.blocks
    assert (block.column, block.top, block.bottom) == (1, 60, 240)
    wall = [m.moment.astimezone(BERLIN).hour for m in layout.columns[1].axis.marks]
    assert 2 not in wall and 1 in wall and 3 in wall


def test_columns_rooms_canceled_and_closed_days() -> None:
    day = date(2026, 6, 2)
    start = datetime(2026, 6, 2, 10, tzinfo=BERLIN).astimezone(UTC)
    shown = data(
        booking(1, 1, start, 60),
        booking(2, 2, start, 60, status=BookingStatus.CANCELED),
        first=day,
        closed=(ClosedDay(day, 2, "Maintenance"),),
    )
    layout = lay_out(shown, [day], [1, 2])
    assert [b.booking.id for b in layout.blocks] == [1]
    assert layout.blocks[0].top == 10 * 60
    assert layout.columns[0].open_spans == ((9 * 60, 21 * 60),)
    assert layout.columns[1].closed_reason == "Maintenance"
    assert layout.columns[1].open_spans == ()
    assert (layout.top, layout.bottom) == (9 * 60, 21 * 60)
    with_canceled = lay_out(shown, [day], [1, 2], show_canceled=True)
    assert [(b.booking.id, b.column) for b in with_canceled.blocks] == [(1, 0), (2, 1)]


def test_a_week_of_one_room() -> None:
    week = week_of(date(2026, 6, 4))
    assert week[0] == date(2026, 6, 1) and len(week) == 7
    start = datetime(2026, 6, 3, 20, tzinfo=BERLIN).astimezone(UTC)
    shown = replace(data(booking(3, 1, start, 120), first=week[0], last=week[-1]))
    layout = lay_out(shown, week, [1])
    assert [c.day for c in layout.columns] == week
    (block,) = layout.blocks
    assert block.column == 2 and block.top == 20 * 60
    assert layout.bottom == 23 * 60  # the session (and its buffer) runs past closing


def _wall(mark_moment: datetime) -> str:
    return mark_moment.astimezone(BERLIN).strftime("%H:%M %z")


def test_a_week_over_a_dst_day_labels_wall_clock_hours_and_the_dst_days_own_lines() -> None:
    for dst, offset in ((FALL_BACK, 60), (SPRING_FORWARD, -60)):
        days = [dst + timedelta(days=d) for d in range(-3, 4)]
        shown = data(first=days[0], last=days[-1])
        layout = lay_out(shown, days, [1])
        labels = axis_labels(layout, BERLIN)
        # the left column: wall-clock hours, 10:00 at 600 minutes (the ordinary days')
        shared = {m.minute: m.moment.astimezone(BERLIN).strftime("%H:%M") for m in labels.shared}
        assert shared[600] == "10:00" and shared[9 * 60] == "09:00"
        ordinary = [i for i, c in enumerate(layout.columns) if c.day != dst]
        assert all(labels.own[i] == () for i in ordinary)
        (dst_index,) = [i for i, c in enumerate(layout.columns) if c.day == dst]
        own = {
            m.minute: m.moment.astimezone(BERLIN).strftime("%H:%M") for m in labels.own[dst_index]
        }
        # the DST day's 10:00 line is an hour lower (fall back) or higher (spring forward)
        assert own[600 + offset] == "10:00"
        assert own[9 * 60 + offset] == "09:00"
        # every line of the DST day reads right: its own tag, or the left label it matches
        for mark in layout.columns[dst_index].axis.marks:
            read = own.get(mark.minute, shared.get(mark.minute))
            assert read == mark.moment.astimezone(BERLIN).strftime("%H:%M")


def test_the_repeated_hour_is_tagged_in_its_column_and_the_day_view_keeps_its_labels() -> None:
    days = [FALL_BACK - timedelta(days=1), FALL_BACK]
    start = datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN).astimezone(UTC)
    shown = data(booking(7, 1, start, 120), first=days[0], last=days[-1],
                 hours=tuple(OpeningInterval(d, 0, 1440) for d in range(7)))  # fmt: skip
    layout = lay_out(shown, days, [1])
    own = axis_labels(layout, BERLIN).own[1]
    assert [(m.minute, _wall(m.moment)) for m in own[:3]] == [
        (120, "02:00 +0200"),
        (180, "02:00 +0100"),
        (240, "03:00 +0100"),
    ]
    assert 60 not in {m.minute for m in own}  # 01:00 is 01:00 on both days
    (block,) = layout.blocks
    assert (block.top, block.bottom) == (90, 210)  # still two real hours
    # a day view of the DST day alone: every label on the left, none in the column
    day_view = lay_out(shown, [FALL_BACK], [1, 2])
    labels = axis_labels(day_view, BERLIN)
    assert labels.own == ((), ())
    assert [m.minute for m in labels.shared] == [m.minute for m in day_view.columns[0].axis.marks]
