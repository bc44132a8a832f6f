"""Free start times in the studio's time zone, correct on daylight-saving days.

Candidate starts step through each opening interval in real (UTC) time, so a local time
that does not exist (spring forward) is never offered and one that exists twice (fall
back) is offered once per instant, each labelled with its UTC offset. A start is free when
``[start, start + length + buffer)`` overlaps no busy interval of the room, the session
ends by closing time, and it is no earlier than the lead time allows.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import m


@dataclass(frozen=True)
class OpeningInterval:
    weekday: int  # Monday = 0
    open_minute: int  # minutes after local midnight
    close_minute: int  # up to 1440 (midnight at the end of the day)

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise InvalidInput(m("A weekday is a number from 0 (Monday) to 6 (Sunday)."))
        if not 0 <= self.open_minute < self.close_minute <= 1440:
            raise InvalidInput(m("Opening time must be before closing time, within one day."))


@dataclass(frozen=True)
class BusyInterval:
    starts_at: datetime
    blocked_until: datetime  # the session's end plus its buffer


@dataclass(frozen=True)
class Slot:
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC, without the buffer
    local_start: datetime  # aware, in the studio zone (fold set on repeated hours)

    @property
    def label(self) -> str:
        """``14:30``, or ``02:30 (UTC+01:00)`` style labels are the view's job; this is 24 h."""
        return self.local_start.strftime("%H:%M")


def studio_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: e.g. "Europe", a folder
        raise InvalidInput(
            m(
                "“{name}” is not a time zone name. Use an IANA name such as Europe/Berlin.",
                name=name,
            ),
            field="time_zone",
        ) from None


def wall_clock(day: date, minute: int) -> datetime:
    """The naive local wall-clock time ``minute`` minutes after ``day``'s midnight."""
    return datetime.combine(day, time(0)) + timedelta(minutes=minute)


def _exists(naive: datetime, zone: ZoneInfo, fold: int) -> bool:
    aware = naive.replace(tzinfo=zone, fold=fold)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive


def local_to_utc(naive: datetime, zone: ZoneInfo, fold: int | None = None) -> datetime:
    """Resolve a local wall-clock time, refusing gaps and demanding a choice in overlaps.

    ``fold`` 0 picks the first of two repeated instants, 1 the second; None is accepted
    only when the time is unambiguous.
    """
    if naive.tzinfo is not None:
        raise ValueError("local_to_utc takes a naive wall-clock time")
    first = _exists(naive, zone, 0)
    second = _exists(naive, zone, 1)
    if not first and not second:
        raise _skipped(naive, zone.key)
    earlier = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    later = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    if earlier != later and fold is None:
        raise InvalidInput(
            m(
                "{naive:%Y-%m-%d %H:%M} happens twice in {key} (the clocks go back). "
                "Choose the earlier or the later one.",
                naive=naive,
                key=zone.key,
            ),
            field="starts_at",
        )
    return later if fold == 1 else earlier


def _skipped(naive: datetime, zone_name: str | None, field: str = "starts_at") -> InvalidInput:
    return InvalidInput(
        m(
            "{naive:%Y-%m-%d %H:%M} does not exist in {zone_name} (the clocks "
            "skip it for daylight saving). Pick another time.",
            naive=naive,
            zone_name=zone_name or m("that time zone"),
        ),
        field=field,
    )


def to_utc(moment: datetime, field: str = "starts_at") -> datetime:
    """The UTC instant of any aware datetime: what every service does with a time it is given.

    Naive datetimes are refused (their zone would be a guess). A wall-clock time that does
    not exist in its own zone (``02:30`` on a spring-forward day with ``tzinfo`` Berlin) is
    refused: it does not survive a round trip through UTC. One that exists twice is the
    instant the caller's ``fold`` picks (0 the first, 1 the second).
    """
    zone = moment.tzinfo
    if zone is None or moment.utcoffset() is None:
        raise InvalidInput(
            m(
                "{moment:%Y-%m-%d %H:%M} has no time zone. Give the time in UTC or in the "
                "studio's time zone.",
                moment=moment,
            ),
            field=field,
        )
    utc = moment.astimezone(UTC)
    naive = moment.replace(tzinfo=None)
    if utc.astimezone(zone).replace(tzinfo=None) != naive:
        raise _skipped(naive, getattr(zone, "key", None) or moment.tzname(), field)
    return utc


def _boundary(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """A boundary of opening hours in UTC; inside a gap it moves to the gap's end."""
    naive = wall_clock(day, minute)
    after_gap = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if _exists(naive, zone, 0):
        return after_gap
    # fold=0 in a gap applies the offset from before it, which lands after the gap, but
    # by as much as ``naive`` lies inside it; fold=1 lands before the gap. The gap ends at
    # the first (whole) second between the two whose local time is past ``naive``.
    before_gap = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    span = int((after_gap - before_gap).total_seconds())
    first = bisect_left(
        range(span + 1),
        True,
        key=lambda s: (
            (before_gap + timedelta(seconds=s)).astimezone(zone).replace(tzinfo=None) > naive
        ),
    )
    return before_gap + timedelta(seconds=first)


def local_day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants at which ``day`` starts and ends in ``zone``."""
    return _boundary(day, 0, zone), _boundary(day, 1440, zone)


def opening_windows(
    day: date, zone: ZoneInfo, hours: Iterable[OpeningInterval]
) -> list[tuple[datetime, datetime]]:
    """The UTC windows in which the studio is open on local ``day``."""
    windows = []
    for interval in hours:
        if interval.weekday != day.weekday():
            continue
        start = _boundary(day, interval.open_minute, zone)
        end = _boundary(day, interval.close_minute, zone)
        if start < end:
            windows.append((start, end))
    return sorted(windows)


def overlaps(start: datetime, end: datetime, busy: BusyInterval) -> bool:
    return start < busy.blocked_until and busy.starts_at < end


def free_slots(
    day: date,
    zone: ZoneInfo,
    hours: Sequence[OpeningInterval],
    *,
    length_minutes: int,
    step_minutes: int,
    buffer_minutes: int,
    busy: Sequence[BusyInterval],
    earliest_start: datetime | None = None,
    closed: bool = False,
) -> list[Slot]:
    if length_minutes <= 0 or step_minutes <= 0:
        raise InvalidInput(m("Session length and step must be positive."))
    if closed:
        return []
    length = timedelta(minutes=length_minutes)
    step = timedelta(minutes=step_minutes)
    buffer = timedelta(minutes=buffer_minutes)
    ordered = sorted(busy, key=lambda b: b.starts_at)
    slots: list[Slot] = []
    for window_start, window_end in opening_windows(day, zone, hours):
        start = window_start
        while start + length <= window_end:
            end = start + length
            if (earliest_start is None or start >= earliest_start) and not any(
                overlaps(start, end + buffer, b) for b in ordered
            ):
                slots.append(Slot(start, end, start.astimezone(zone)))
            start += step
    return slots


def within_opening_hours(
    start: datetime, end: datetime, zone: ZoneInfo, hours: Sequence[OpeningInterval]
) -> bool:
    """True when the session lies inside one opening window of its local day."""
    day = start.astimezone(zone).date()
    return any(ws <= start and end <= we for ws, we in opening_windows(day, zone, hours))
