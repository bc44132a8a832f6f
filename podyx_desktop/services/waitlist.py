"""The waitlist: a client joins it for a taken time of a room and leaves it; the client's
entries and a time's line for staff; the times of a day that are taken (the ones worth
waiting for); the studio's hold length. The offers themselves are made by
:mod:`.waitlist_rules` whenever a time frees (cancel, move, refusal) or a hold runs out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.availability import Slot, free_slots, local_day_bounds, to_utc
from podyx_desktop.domain.enums import BookingStatus, Role
from podyx_desktop.domain.errors import Conflict, InvalidInput, NotFound, RuleViolation
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import AvailabilityQuery
from podyx_desktop.domain.waitlist import (
    MAX_HOLD_MINUTES,
    WaitlistEntry,
    WaitlistJoin,
    WaitStatus,
)
from podyx_desktop.services import rules, waitlist_rules
from podyx_desktop.services.context import (
    ServiceContext,
    actor,
    audit,
    owned,
    require_client_access,
    require_role,
    require_signed_in,
    require_staff,
    set_studio_setting,
    studio,
)

W = t.WaitlistEntry
FREE_NOW = m(
    "That time is free: book it now instead of waiting. The waitlist is for times that are taken."
)


class WaitlistService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- the client's side ------------------------------------------------------------

    def join(self, principal: Principal, request: WaitlistJoin) -> WaitlistEntry:
        """Put the client in line for a taken time (the client themself, or staff for
        them). Refused in words: a free time (book it), one off the studio's grid or too
        soon, one the client already has a session at, or already waits for."""
        starts_at = to_utc(request.starts_at)
        with self._ctx.db.write() as session:
            client = require_client_access(session, principal, request.client_id)
            if Role(client.role).is_staff:
                raise InvalidInput(m("Only a client can wait for a time."))
            offer = rules.load_offer(session, studio(session), request.setup_id, request.service_id)
            rules.check_length(offer.service, request.minutes)
            now = self._ctx.now()
            waitlist_rules.settle(session, offer.room.id, now)
            ends_at = starts_at + timedelta(minutes=request.minutes)
            until = ends_at + timedelta(minutes=offer.policy.buffer_minutes)
            moving = self._own_booking(session, client.id, request.booking_id)
            self._own_bundle(session, client.id, request.bundle_id)
            if starts_at not in {
                s.starts_at for s in _grid(session, offer, request.minutes, starts_at, now)
            }:
                raise RuleViolation(
                    m(
                        "The studio does not offer that start time (too soon, outside opening "
                        "hours, on a closed day or off the booking grid), so there is nothing "
                        "to wait for. Pick one of the times shown."
                    )
                )
            busy = session.scalars(
                select(t.Booking.client_id).where(
                    t.Booking.room_id == offer.room.id,
                    t.Booking.status != BookingStatus.CANCELED.value,
                    t.Booking.starts_at < until,
                    t.Booking.blocked_until > starts_at,
                    t.Booking.id != (moving or 0),
                )
            ).all()
            if client.id in busy:
                raise RuleViolation(m("You already have a session at that time."))
            held = waitlist_rules.live_holds(
                session, offer.room.id, starts_at, until, now, except_client=client.id
            )
            if not busy and not held:
                raise RuleViolation(FREE_NOW)
            already = session.scalar(
                select(W.id).where(
                    W.client_id == client.id,
                    W.room_id == offer.room.id,
                    W.status.in_(waitlist_rules.ACTIVE),
                    waitlist_rules.overlapping(starts_at, until),
                )
            )
            if already is not None:
                raise Conflict(m("You are already on the waitlist for that time."))
            row = W(
                client_id=client.id,
                room_id=offer.room.id,
                setup_id=offer.setup.id,
                service_id=offer.service.id,
                starts_at=starts_at,
                ends_at=ends_at,
                blocked_until=until,
                booking_id=moving,
                bundle_id=request.bundle_id,
                status=WaitStatus.WAITING.value,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            return _records(session, [row], now)[0]

    def leave(self, principal: Principal, entry_id: int) -> WaitlistEntry:
        """Leave the line (or give up an offer, which passes to the next at once)."""
        with self._ctx.db.write() as session:
            row = session.get(W, entry_id, with_for_update=True, populate_existing=True)
            if row is None:
                raise NotFound(m("That waitlist entry does not exist."))
            owned(session, principal, row.client_id, "waitlist entry")
            now = self._ctx.now()
            waitlist_rules.settle(session, row.room_id, now)
            session.refresh(row)
            if not WaitStatus(row.status).is_active:
                raise Conflict(_no_longer(WaitStatus(row.status)))
            user = actor(session, principal)
            if user is not None and user.id != row.client_id:
                audit(
                    session,
                    when=now,
                    user=user,
                    action="leave_waitlist",
                    entity="waitlist_entry",
                    entity_id=row.id,
                    before={"status": row.status},
                    after={"status": "left"},
                )
            row.status, row.updated_at = WaitStatus.LEFT.value, now
            session.flush()
            waitlist_rules.offer_freed(session, row.room_id, now)
            return _records(session, [row], now)[0]

    def mine(self, principal: Principal, client_id: int) -> list[WaitlistEntry]:
        """A client's entries still waiting or offered, soonest time first (an offer whose
        hold ran out reads as passed). The client or staff."""
        with self._ctx.db.read() as session:
            require_client_access(session, principal, client_id)
            now = self._ctx.now()
            rows = session.scalars(
                select(W)
                .where(
                    W.client_id == client_id,
                    W.status.in_(waitlist_rules.ACTIVE),
                    W.starts_at > now,
                )
                .order_by(W.starts_at, W.id)
            ).all()
            return _records(session, rows, now)

    def pass_expired(self, principal: Principal) -> int:
        """Pass every hold that ran out to the next in line (and close entries whose time
        came); anyone signed in may ask. Returns the offers made."""
        now = self._ctx.now()
        with self._ctx.db.read() as session:  # most asks find nothing: no write for them
            require_signed_in(session, principal)
            if not waitlist_rules.rooms_to_settle(session, now):
                return 0
        with self._ctx.db.write() as session:
            require_signed_in(session, principal)
            return sum(
                waitlist_rules.settle(session, room_id, now)
                for room_id in waitlist_rules.rooms_to_settle(session, now)
            )

    def taken_times(self, principal: Principal, query: AvailabilityQuery) -> list[Slot]:
        """Start times on ``query.day`` the studio offers but that are taken (by a session
        or held for a waitlisted client): the ones a client may wait for."""
        with self._ctx.db.read() as session:
            user = actor(session, principal)
            offer = rules.load_offer(session, studio(session), query.setup_id, query.service_id)
            rules.check_length(offer.service, query.minutes)
            now = self._ctx.now()
            exclude = None
            if query.exclude_booking_id is not None and user is not None:
                booking = session.get(t.Booking, query.exclude_booking_id)
                if booking is not None:
                    owned(session, principal, booking.client_id, "booking")
                    exclude = booking.id
            free = rules.slots_for_day(session, offer, query.minutes, query.day, now, exclude)
            free = waitlist_rules.without_holds(
                session, offer, free, now, user.id if user else None
            )
            open_ = {s.starts_at for s in free}
            day_start = local_day_bounds(query.day, offer.zone)[0]
            return [
                s
                for s in _grid(session, offer, query.minutes, day_start, now)
                if s.starts_at not in open_
            ]

    # --- the studio's side ------------------------------------------------------------

    def for_time(
        self, principal: Principal, room_id: int, start: datetime, end: datetime
    ) -> list[WaitlistEntry]:
        """Staff: who waits for (or holds) a time of the room over ``[start, end)``, in line
        order."""
        start, end = to_utc(start, "start"), to_utc(end, "end")
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            now = self._ctx.now()
            rows = session.scalars(
                select(W)
                .where(
                    W.room_id == room_id,
                    W.status.in_(waitlist_rules.ACTIVE),
                    W.starts_at < end,
                    W.ends_at > start,
                    W.starts_at > now,
                )
                .order_by(W.id)
            ).all()
            return _records(session, rows, now)

    def hold_minutes(self, principal: Principal) -> int:
        with self._ctx.db.read() as session:
            require_signed_in(session, principal)
            return studio(session).waitlist_hold_minutes

    def set_hold_minutes(self, principal: Principal, minutes: int) -> int:
        """Managers and owners: how long a freed time is held for the client offered it."""
        if not 5 <= minutes <= MAX_HOLD_MINUTES:
            raise InvalidInput(
                m("A waitlist hold lasts between 5 and {most} minutes.", most=MAX_HOLD_MINUTES),
                field="waitlist_hold_minutes",
            )
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            set_studio_setting(
                session,
                when=self._ctx.now(),
                user=user,
                action="set_waitlist_hold",
                name="waitlist_hold_minutes",
                value=minutes,
            )
            return minutes

    # --- helpers ----------------------------------------------------------------------

    def _own_booking(self, session: Session, client_id: int, booking_id: int | None) -> int | None:
        if booking_id is None:
            return None
        booking = session.get(t.Booking, booking_id)
        if booking is None or booking.client_id != client_id:
            raise NotFound(m("That booking does not exist or is not yours."))
        if not BookingStatus(booking.status).is_open:
            raise RuleViolation(m("Only an upcoming session can wait for another time."))
        return booking.id

    def _own_bundle(self, session: Session, client_id: int, bundle_id: int | None) -> None:
        if bundle_id is None:
            return
        bundle = session.get(t.Bundle, bundle_id)
        if bundle is None or bundle.client_id != client_id:
            raise NotFound(m("That bundle does not exist or is not yours."))


def _grid(
    session: Session, offer: rules.Offer, minutes: int, at: datetime, now: datetime
) -> list[Slot]:
    """The start times the studio offers on ``at``'s local day, taken or not."""
    day = at.astimezone(offer.zone).date()
    return free_slots(
        day,
        offer.zone,
        rules.opening_hours(session, offer.room.id),
        length_minutes=minutes,
        step_minutes=offer.service.step_minutes,
        buffer_minutes=offer.policy.buffer_minutes,
        busy=(),
        earliest_start=now + timedelta(hours=offer.policy.lead_time_hours),
        closed=rules.is_closed(session, offer.room.id, day),
    )


def _no_longer(status: WaitStatus) -> str:
    if status is WaitStatus.BOOKED:
        return m("You have already booked that time.")
    if status is WaitStatus.PASSED:
        return m("The hold on that time ran out and it was offered to the next client.")
    if status is WaitStatus.CLOSED:
        return m("That time has come; the waitlist for it is closed.")
    return m("You are no longer on the waitlist for that time.")


def _records(
    session: Session, rows: Sequence[t.WaitlistEntry], now: datetime
) -> list[WaitlistEntry]:
    if not rows:
        return []
    names: dict[int, str] = dict(  # type: ignore[arg-type]
        session.execute(
            select(t.User.id, t.User.full_name).where(t.User.id.in_({r.client_id for r in rows}))
        ).all()
    )
    rooms: dict[int, str] = dict(  # type: ignore[arg-type]
        session.execute(
            select(t.Room.id, t.Room.name).where(t.Room.id.in_({r.room_id for r in rows}))
        ).all()
    )
    services: dict[int, str] = dict(  # type: ignore[arg-type]
        session.execute(
            select(t.Service.id, t.Service.name).where(
                t.Service.id.in_({r.service_id for r in rows})
            )
        ).all()
    )
    out = []
    for row in rows:
        status = WaitStatus(row.status)
        if status is WaitStatus.OFFERED and row.hold_until is not None and row.hold_until <= now:
            status = WaitStatus.PASSED
        position = None
        if status is WaitStatus.WAITING:
            position = 1 + (
                session.scalar(
                    select(func.count(W.id)).where(
                        W.room_id == row.room_id,
                        W.status == WaitStatus.WAITING.value,
                        W.id < row.id,
                        waitlist_rules.overlapping(row.starts_at, row.blocked_until),
                    )
                )
                or 0
            )
        out.append(
            WaitlistEntry(
                id=row.id,
                client_id=row.client_id,
                client_name=names.get(row.client_id, ""),
                room_id=row.room_id,
                room_name=rooms.get(row.room_id, ""),
                setup_id=row.setup_id,
                service_id=row.service_id,
                service_name=services.get(row.service_id, ""),
                starts_at=row.starts_at,
                ends_at=row.ends_at,
                minutes=int((row.ends_at - row.starts_at) / timedelta(minutes=1)),
                status=status,
                created_at=row.created_at,
                booking_id=row.booking_id,
                bundle_id=row.bundle_id,
                offered_at=row.offered_at,
                hold_until=row.hold_until,
                position=position,
            )
        )
    return out
