"""The staff schedule as plain data, and its layout in real minutes.

:class:`ScheduleFrame` is what the schedule needs of the studio besides its bookings —
rooms in order with their weekly hours and resolved buffer, closed dates, the zone — and
:class:`ScheduleData` adds the bookings of the days shown (lean :class:`ScheduleBooking`
records: what the schedule draws) and the studio's "now". All instants are aware UTC.

The layout is measured in **elapsed minutes from a column's local midnight** (computed in
the studio's zone), never in wall-clock minutes: on the day clocks go back a two-hour
session at 01:30 is 120 minutes tall and the axis shows 02:00 twice; on the day they go
forward the skipped hour simply is not there. The view only scales minutes to pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from podyx_desktop.domain.availability import (
    OpeningInterval,
    local_day_bounds,
    opening_windows,
    studio_zone,
)
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.vocabulary import is_repeated_hour

#: The axis shown on a day no room opens: 08:00–22:00.
FALLBACK_HOURS = (8 * 60, 22 * 60)


@dataclass(frozen=True)
class ScheduleRoom:
    id: int
    name: str
    buffer_minutes: int  # the room's resolved policy (setups may override it per booking)
    hours: tuple[OpeningInterval, ...]  # the room's own, or the studio's


@dataclass(frozen=True)
class ClosedDay:
    day: date  # in the studio's zone
    room_id: int | None  # None: the whole studio
    reason: str = ""


@dataclass(frozen=True)
class ScheduleFrame:
    """The studio around its bookings: zone, active rooms in order, closed days."""

    time_zone: str
    rooms: tuple[ScheduleRoom, ...]
    closed: tuple[ClosedDay, ...]


class ScheduleBooking(NamedTuple):
    """A booking as the schedule draws it (the details pane loads the full booking).

    A named tuple, not a frozen dataclass: a busy week builds thousands of them, and a
    tuple is made in a third of the time.
    """

    id: int
    room_id: int
    starts_at: datetime
    ends_at: datetime
    blocked_until: datetime  # ends_at + buffer
    status: BookingStatus
    client_name: str
    service_name: str
    addons: tuple[tuple[str, int], ...] = ()  # name, quantity

    @property
    def addons_text(self) -> str:
        """ "2 × Extra mic, Recording" — as the bookings' lists show add-ons."""
        return ", ".join(f"{q} × {name}" if q > 1 else name for name, q in self.addons)


@dataclass(frozen=True)
class ScheduleData:
    """What the schedule shows for ``first``…``last`` (local days, inclusive)."""

    first: date
    last: date
    now: datetime
    frame: ScheduleFrame
    bookings: tuple[ScheduleBooking, ...]

    @property
    def zone(self) -> ZoneInfo:
        return studio_zone(self.frame.time_zone)

    @property
    def rooms(self) -> tuple[ScheduleRoom, ...]:
        return self.frame.rooms

    @cached_property
    def _rooms_by_id(self) -> dict[int, ScheduleRoom]:
        return {room.id: room for room in self.frame.rooms}

    def room(self, room_id: int) -> ScheduleRoom | None:
        return self._rooms_by_id.get(room_id)

    def closed_reason(self, room_id: int, day: date) -> str | None:
        """Why the room is closed on ``day`` ("" when no reason was given), None if open."""
        for closed in self.frame.closed:
            if closed.day == day and closed.room_id in (None, room_id):
                return closed.reason
        return None

    def opening(self, room_id: int, day: date) -> list[tuple[datetime, datetime]]:
        """The room's open windows on local ``day`` in UTC (none on a closed day)."""
        room = self.room(room_id)
        if room is None or self.closed_reason(room_id, day) is not None:
            return []
        return _windows(day, self.frame.time_zone, room.hours)

    def local_day(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()


# --- layout in minutes ----------------------------------------------------------------


@dataclass(frozen=True)
class HourMark:
    minute: float  # elapsed minutes from the column's local midnight
    moment: datetime  # UTC; the view labels it in the studio's zone


@dataclass(frozen=True)
class DayAxis:
    """One local day's vertical axis: ``top``…``bottom`` elapsed minutes from midnight."""

    day: date
    midnight: datetime  # UTC instant of the local day's start
    top: float
    bottom: float
    marks: tuple[HourMark, ...]

    def minute_of(self, moment: datetime) -> float:
        return (moment - self.midnight).total_seconds() / 60

    def moment_at(self, minute: float) -> datetime:
        return self.midnight + timedelta(minutes=minute)


def hour_marks(day: date, zone: ZoneInfo, start: datetime, end: datetime) -> tuple[HourMark, ...]:
    """Every instant in ``[start, end]`` whose local time is a whole hour (twice for the
    repeated hour, never for a skipped one)."""
    midnight, _ = local_day_bounds(day, zone)
    step = timedelta(minutes=15)
    # 15-minute steps from midnight meet every whole local hour of zones with a 15-minute
    # multiple offset (all of them today)
    offset = max(0, int((start - midnight) // step))
    moment = midnight + offset * step
    marks = []
    while moment <= end:
        local = moment.astimezone(zone)
        if moment >= start and local.minute == 0 and local.second == 0:
            marks.append(HourMark((moment - midnight).total_seconds() / 60, moment))
        moment += step
    return tuple(marks)


def day_axis(
    day: date,
    zone: ZoneInfo,
    windows: Sequence[tuple[datetime, datetime]],
    busy: Sequence[tuple[datetime, datetime]] = (),
) -> DayAxis:
    """The axis of local ``day``: from the earliest opening (or booking) to the latest
    closing (or booking's end), within the day; 08:00–22:00 when nothing is open."""
    midnight, day_end = local_day_bounds(day, zone)
    spans = list(windows) + list(busy)
    if not spans:
        fallback = OpeningInterval(day.weekday(), *FALLBACK_HOURS)
        spans = opening_windows(day, zone, [fallback]) or [(midnight, day_end)]
    start = max(midnight, min(s for s, _ in spans))
    end = min(day_end, max(e for _, e in spans))
    # whole local hours around it, so the first and last lines are labelled
    local_start = start.astimezone(zone)
    start = max(midnight, start - timedelta(minutes=local_start.minute, seconds=local_start.second))
    local_end = end.astimezone(zone)
    if local_end.minute or local_end.second:
        end = min(
            day_end, end + timedelta(minutes=60 - local_end.minute, seconds=-local_end.second)
        )
    to_minute = lambda m: (m - midnight).total_seconds() / 60  # noqa: E731
    return DayAxis(
        day, midnight, to_minute(start), to_minute(end), hour_marks(day, zone, start, end)
    )


@dataclass(frozen=True)
class Column:
    """One column: a room on a local day."""

    room_id: int
    day: date
    axis: DayAxis
    closed_reason: str | None
    open_spans: tuple[tuple[float, float], ...]  # minutes from the day's midnight


@dataclass(frozen=True)
class Block:
    """A booking in a column: ``top``…``bottom`` the session, up to ``buffer_end`` its
    buffer (elapsed minutes from the column's local midnight)."""

    booking: ScheduleBooking
    column: int
    top: float
    bottom: float
    buffer_end: float


@dataclass(frozen=True)
class ScheduleLayout:
    columns: tuple[Column, ...]
    blocks: tuple[Block, ...]
    top: float  # the shared range of every column's axis
    bottom: float


@lru_cache(maxsize=4096)
def _windows(
    day: date, zone_name: str, hours: tuple[OpeningInterval, ...]
) -> list[tuple[datetime, datetime]]:
    """A day's open windows for one set of opening hours: rooms that keep the studio's
    hours share them (a week of 145 rooms asks ~1,000 times for ~7 answers). The caller
    must not change the list."""
    return opening_windows(day, studio_zone(zone_name), hours)


def lay_out(
    data: ScheduleData,
    days: list[date],
    room_ids: list[int],
    *,
    show_canceled: bool = False,
) -> ScheduleLayout:
    """Columns day by day, room by room, and each booking's block in its column."""
    zone = data.zone
    by_place: dict[tuple[int, date], list[ScheduleBooking]] = {}
    for booking in data.bookings:
        if booking.status is BookingStatus.CANCELED and not show_canceled:
            continue
        key = (booking.room_id, data.local_day(booking.starts_at))
        by_place.setdefault(key, []).append(booking)
    axes: dict[date, DayAxis] = {}
    empty: list[date] = []
    for day in days:
        windows = [w for room_id in room_ids for w in data.opening(room_id, day)]
        busy = [
            (b.starts_at, b.blocked_until)
            for room_id in room_ids
            for b in by_place.get((room_id, day), [])
        ]
        if windows or busy:
            axes[day] = day_axis(day, zone, windows, busy)
        else:
            empty.append(day)
    # a day with nothing open or booked spans the others' range (08:00–22:00 if none)
    for day in empty:
        if axes:
            midnight, day_end = local_day_bounds(day, zone)
            top = min(a.top for a in axes.values())
            bottom = max(a.bottom for a in axes.values())
            start = midnight + timedelta(minutes=top)
            end = min(day_end, midnight + timedelta(minutes=bottom))
            marks = hour_marks(day, zone, start, end)
            axes[day] = DayAxis(day, midnight, top, (end - midnight).total_seconds() / 60, marks)
        else:
            axes[day] = day_axis(day, zone, [], [])
    columns: list[Column] = []
    blocks: list[Block] = []
    for day in days:
        axis = axes[day]
        for room_id in room_ids:
            spans = tuple(
                (axis.minute_of(start), axis.minute_of(end))
                for start, end in data.opening(room_id, day)
            )
            index = len(columns)
            columns.append(Column(room_id, day, axis, data.closed_reason(room_id, day), spans))
            for booking in sorted(by_place.get((room_id, day), []), key=lambda b: b.starts_at):
                blocks.append(
                    Block(
                        booking,
                        index,
                        axis.minute_of(booking.starts_at),
                        axis.minute_of(booking.ends_at),
                        axis.minute_of(max(booking.blocked_until, booking.ends_at)),
                    )
                )
    top = min((a.top for a in axes.values()), default=FALLBACK_HOURS[0])
    bottom = max((a.bottom for a in axes.values()), default=FALLBACK_HOURS[1])
    return ScheduleLayout(tuple(columns), tuple(blocks), top, bottom)


def week_of(day: date) -> list[date]:
    """The seven days of ``day``'s week, Monday first."""
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=i) for i in range(7)]


# --- the labels a person reads ----------------------------------------------------------


@dataclass(frozen=True)
class AxisLabels:
    """Which hour marks are labelled where.

    ``shared`` go in the time column on the left: the marks of the days whose clocks do
    not change, where elapsed minutes are wall-clock minutes. ``own[i]`` are column
    ``i``'s marks that the left column would mislabel (after a DST change that day, and
    the repeated hour itself): the view labels those in the column, at its own lines.
    On a view of only DST days (the day view) the widest day is shared and nothing is own.
    """

    shared: tuple[HourMark, ...]
    own: tuple[tuple[HourMark, ...], ...]


def _wall(mark: HourMark, zone: ZoneInfo) -> tuple[int, int, bool]:
    local = mark.moment.astimezone(zone)
    return local.hour, local.minute, is_repeated_hour(local)


def _changes_clocks(axis: DayAxis, zone: ZoneInfo) -> bool:
    _, day_end = local_day_bounds(axis.day, zone)
    return axis.midnight.astimezone(zone).utcoffset() != day_end.astimezone(zone).utcoffset()


def axis_labels(layout: ScheduleLayout, zone: ZoneInfo) -> AxisLabels:
    """Split the hour marks between the left time column and the columns themselves."""
    axes = [column.axis for column in layout.columns]
    regular = [axis for axis in axes if not _changes_clocks(axis, zone)]
    shared_by_minute: dict[float, HourMark] = {}
    if regular:
        for axis in regular:
            for mark in axis.marks:
                shared_by_minute.setdefault(mark.minute, mark)
    elif axes:
        widest = max(axes, key=lambda a: len(a.marks))
        shared_by_minute = {mark.minute: mark for mark in widest.marks}
    shared = tuple(shared_by_minute[minute] for minute in sorted(shared_by_minute))
    # A mark's wall clock depends on its instant only, and the columns of one day (every
    # room) share their instants: each is worked out once (a week of 145 rooms has
    # ~17,000 marks over ~120 instants).
    seen: dict[datetime, tuple[int, int, bool]] = {}

    def wall(mark: HourMark) -> tuple[int, int, bool]:
        found = seen.get(mark.moment)
        if found is None:
            found = seen[mark.moment] = _wall(mark, zone)
        return found

    walls = {minute: wall(mark) for minute, mark in shared_by_minute.items()}
    own = tuple(
        tuple(mark for mark in axis.marks if walls.get(mark.minute) != wall(mark)) for axis in axes
    )
    return AxisLabels(shared, own)
