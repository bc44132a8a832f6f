"""Booking rules applied to the database: offers, policies, opening hours and free times.

Shared by availability, checkout, bookings and bundles, always inside the caller's
transaction, so the check and the write see the same data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.db.locks import hold_room
from podyx_desktop.domain.availability import (
    BusyInterval,
    OpeningInterval,
    Slot,
    free_slots,
    local_day_bounds,
    studio_zone,
    to_utc,
)
from podyx_desktop.domain.errors import InvalidInput, NotFound, RuleViolation, TimeTaken
from podyx_desktop.domain.message import m
from podyx_desktop.domain.policy import BookingPolicy, resolve_policy
from podyx_desktop.services import mapping

# A claim that waited for another seat's claim of the room and then found the time taken.
ANOTHER_SEAT = m(
    "That time was just taken on another seat, a moment ago. Please pick another time."
)


@dataclass(frozen=True)
class Offer:
    """A setup with one of its services: what a booking sells."""

    studio: t.Studio
    room: t.Room
    setup: t.Setup
    service: t.Service
    policy: BookingPolicy
    zone: ZoneInfo


def load_offer(session: Session, studio_row: t.Studio, setup_id: int, service_id: int) -> Offer:
    setup = session.get(t.Setup, setup_id)
    if setup is None or not setup.active:
        raise NotFound(m("That setup does not exist or is no longer offered."))
    service = session.get(t.Service, service_id)
    if service is None or not service.active:
        raise NotFound(m("That service does not exist or is no longer offered."))
    offered = session.get(t.ServiceSetup, (service_id, setup_id))
    if offered is None:
        raise InvalidInput(
            m(
                "“{service}” is not offered on the setup “{setup}”.",
                service=service.name,
                setup=setup.name,
            )
        )
    room = setup.room
    policy = resolve_policy(
        mapping.studio_policy(studio_row),
        mapping.policy_override(room),
        mapping.policy_override(setup),
    )
    return Offer(studio_row, room, setup, service, policy, studio_zone(studio_row.time_zone))


def check_length(service: t.Service, minutes: int) -> None:
    if (
        minutes < service.min_minutes
        or minutes > service.max_minutes
        or (minutes - service.min_minutes) % service.step_minutes
    ):
        raise InvalidInput(
            m(
                "“{service}” can be booked for {min_minutes} to {max_minutes} "
                "minutes in steps of {step_minutes}.",
                service=service.name,
                min_minutes=service.min_minutes,
                max_minutes=service.max_minutes,
                step_minutes=service.step_minutes,
            ),
            field="minutes",
        )


def offer_in_room(session: Session, offer: Offer, room_id: int) -> Offer:
    """``offer``'s service in another room: that room's first active setup offering it
    (refused in words when none does)."""
    room = session.get(t.Room, room_id)
    if room is None:
        raise NotFound(m("That room does not exist."))
    setup_id = session.scalar(
        select(t.Setup.id)
        .join(t.ServiceSetup, t.ServiceSetup.setup_id == t.Setup.id)
        .where(
            t.Setup.room_id == room_id,
            t.Setup.active.is_(True),
            t.ServiceSetup.service_id == offer.service.id,
        )
        .order_by(t.Setup.id)
        .limit(1)
    )
    if setup_id is None:
        raise RuleViolation(
            m("{room} has no setup offering {service}.", room=room.name, service=offer.service.name)
        )
    return load_offer(session, offer.studio, setup_id, offer.service.id)


def opening_hours(session: Session, room_id: int) -> list[OpeningInterval]:
    rows = session.scalars(
        select(t.OpeningHours).where(
            or_(t.OpeningHours.room_id == room_id, t.OpeningHours.room_id.is_(None))
        )
    ).all()
    own = [row for row in rows if row.room_id == room_id]
    chosen = own or [row for row in rows if row.room_id is None]
    return [OpeningInterval(row.weekday, row.open_minute, row.close_minute) for row in chosen]


def is_closed(session: Session, room_id: int, day: date) -> bool:
    return (
        session.scalar(
            select(t.ClosedDate.id).where(
                t.ClosedDate.day == day.isoformat(),
                or_(t.ClosedDate.room_id.is_(None), t.ClosedDate.room_id == room_id),
            )
        )
        is not None
    )


def busy_intervals(
    session: Session, room_id: int, start: datetime, end: datetime, exclude_id: int | None = None
) -> list[BusyInterval]:
    """Live bookings of the room whose blocked time overlaps ``[start, end)``.

    Live bookings of a room never overlap, so of those starting at or before ``start`` only
    the latest can reach past it: the query starts there instead of reading the room's whole
    history (the ``(room_id, starts_at)`` index bounds both ends).
    """
    live = (t.Booking.room_id == room_id, t.Booking.status != "canceled")
    floor = (
        select(t.Booking.starts_at)
        .where(*live, t.Booking.starts_at <= start)
        .order_by(t.Booking.starts_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = select(t.Booking.starts_at, t.Booking.blocked_until).where(
        *live,
        t.Booking.starts_at >= func.coalesce(floor, start),
        t.Booking.starts_at < end,
        t.Booking.blocked_until > start,
    )
    if exclude_id is not None:
        query = query.where(t.Booking.id != exclude_id)
    return [BusyInterval(s, b) for s, b in session.execute(query)]


def slots_for_day(
    session: Session,
    offer: Offer,
    minutes: int,
    day: date,
    now: datetime,
    exclude_id: int | None = None,
) -> list[Slot]:
    start, end = _day_window(day, offer)
    busy = busy_intervals(session, offer.room.id, start, end, exclude_id)
    return _free_slots(session, offer, minutes, day, now, busy)


def _day_window(day: date, offer: Offer) -> tuple[datetime, datetime]:
    """The span whose bookings decide a day's free times: a session of the previous day
    may still block the morning through its buffer."""
    day_start, day_end = local_day_bounds(day, offer.zone)
    return day_start - timedelta(days=1), day_end + timedelta(days=1)


def _free_slots(
    session: Session,
    offer: Offer,
    minutes: int,
    day: date,
    now: datetime,
    busy: list[BusyInterval],
) -> list[Slot]:
    return free_slots(
        day,
        offer.zone,
        opening_hours(session, offer.room.id),
        length_minutes=minutes,
        step_minutes=offer.service.step_minutes,
        buffer_minutes=offer.policy.buffer_minutes,
        busy=busy,
        earliest_start=now + timedelta(hours=offer.policy.lead_time_hours),
        closed=is_closed(session, offer.room.id, day),
    )


def claim_time(
    session: Session,
    offer: Offer,
    starts_at: datetime,
    minutes: int,
    now: datetime,
    *,
    bypass_rules: bool,
    exclude_id: int | None = None,
) -> tuple[datetime, datetime]:
    """Check that ``starts_at`` may be booked; returns (ends_at, blocked_until).

    ``starts_at`` may be in any zone; it is compared and stored as UTC. Without
    ``bypass_rules`` the time must be one the availability offers (opening hours,
    closed dates, lead time, step). With or without it, the room must be free including
    buffers. Claims of one room run one at a time: on PostgreSQL a per-room transaction
    lock (its exclusion constraint re-checks at insert), on SQLite the write lock (BEGIN
    IMMEDIATE). So this check and the insert are one step.
    """
    starts_at = to_utc(starts_at)  # lengths are real time: add them to the UTC instant
    waited = hold_room(session, offer.room.id)
    taken = TimeTaken(ANOTHER_SEAT) if waited else TimeTaken()
    ends_at = starts_at + timedelta(minutes=minutes)
    blocked_until = ends_at + timedelta(minutes=offer.policy.buffer_minutes)
    if not bypass_rules:
        if starts_at < now + timedelta(hours=offer.policy.lead_time_hours):
            raise RuleViolation(
                m(
                    "Sessions must be booked at least {lead_time_hours} h in advance. "
                    "Pick a later time.",
                    lead_time_hours=offer.policy.lead_time_hours,
                )
            )
        day = starts_at.astimezone(offer.zone).date()
        window_start, window_end = _day_window(day, offer)
        busy = busy_intervals(session, offer.room.id, window_start, window_end, exclude_id)
        offered = {slot.starts_at for slot in _free_slots(session, offer, minutes, day, now, busy)}
        if window_start <= starts_at and blocked_until <= window_end:
            # the day's bookings, read under the claim's lock, are every one that can
            # overlap: no second query
            if any(b.starts_at < blocked_until and b.blocked_until > starts_at for b in busy):
                raise taken
        elif busy_intervals(session, offer.room.id, starts_at, blocked_until, exclude_id):
            raise taken
        if starts_at not in offered:
            raise RuleViolation(
                m(
                    "The studio does not offer that start time (outside opening hours, on a closed "
                    "day or off the booking grid). Pick one of the free times shown."
                )
            )
        return ends_at, blocked_until
    if busy_intervals(session, offer.room.id, starts_at, blocked_until, exclude_id):
        raise taken
    return ends_at, blocked_until
