"""The waitlist applied to the database, inside the caller's transaction: passing expired
holds on, closing entries whose time came, offering freed times in order, and the check
every claim of a time makes first (a time held for one client is refused to the others).

Everything here runs under the room's claim lock (:func:`~podyx_desktop.db.locks.hold_room`
on PostgreSQL, which a transaction may take more than once; SQLite's writers take turns),
so an offer and a claim of one room never interleave. Each state change is a conditional
``UPDATE … WHERE id = … AND status = …`` whose row count is checked. Holds pass lazily:
whenever a claim, a cancellation, a move, a join or a leave touches the room, or anyone
asks (:meth:`~podyx_desktop.services.waitlist.WaitlistService.pass_expired`); no timer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.db.locks import hold_room as hold_room  # cancellations take it too
from podyx_desktop.domain.availability import Slot, to_utc
from podyx_desktop.domain.errors import PodyxError, TimeTaken
from podyx_desktop.domain.message import m
from podyx_desktop.domain.waitlist import WaitStatus
from podyx_desktop.services import rules
from podyx_desktop.services.context import studio

W = t.WaitlistEntry
ACTIVE = (WaitStatus.WAITING.value, WaitStatus.OFFERED.value)


def overlapping(start: datetime, until: datetime) -> ColumnElement[bool]:
    return (W.starts_at < until) & (W.blocked_until > start)


def live_holds(
    session: Session,
    room_id: int,
    start: datetime,
    until: datetime,
    now: datetime,
    *,
    except_client: int | None = None,
) -> list[t.WaitlistEntry]:
    """Offers of the room over ``[start, until)`` whose hold has not run out (another
    client's, when ``except_client`` is given)."""
    query = select(W).where(
        W.room_id == room_id,
        W.status == WaitStatus.OFFERED.value,
        W.hold_until > now,
        overlapping(start, until),
    )
    if except_client is not None:
        query = query.where(W.client_id != except_client)
    return list(session.scalars(query.order_by(W.id)))


def _set(session: Session, entry_id: int, before: tuple[str, ...], **values: object) -> bool:
    """One entry's conditional move; whether it moved (its status was one of ``before``)."""
    result = session.execute(
        update(W).where(W.id == entry_id, W.status.in_(before)).values(**values)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def anyone_waiting(session: Session, room_id: int) -> bool:
    """Whether the room has an entry waiting or offered (one indexed row at most): most
    rooms have none most of the time, and then a claim has nothing to settle or check."""
    found = session.scalar(select(W.id).where(W.room_id == room_id, W.status.in_(ACTIVE)).limit(1))
    return found is not None


def settle(session: Session, room_id: int, now: datetime) -> int:
    """Bring the room's waitlist up to ``now``: expired holds pass, entries whose time came
    close, and each freed time goes to the first in line for it. Returns the offers made."""
    hold_room(session, room_id)
    if not anyone_waiting(session, room_id):
        return 0
    expired = session.scalars(
        select(W.id).where(
            W.room_id == room_id, W.status == WaitStatus.OFFERED.value, W.hold_until <= now
        )
    ).all()
    for entry_id in expired:
        _set(session, entry_id, (WaitStatus.OFFERED.value,), status="passed", updated_at=now)
    came = session.scalars(
        select(W.id).where(W.room_id == room_id, W.status.in_(ACTIVE), W.starts_at <= now)
    ).all()
    for entry_id in came:
        _set(session, entry_id, ACTIVE, status="closed", updated_at=now)
    return offer_freed(session, room_id, now)


def offer_freed(session: Session, room_id: int, now: datetime) -> int:
    held = [
        (e.starts_at, e.blocked_until)
        for e in session.scalars(
            select(W).where(W.room_id == room_id, W.status == WaitStatus.OFFERED.value)
        )
    ]
    waiting = session.scalars(
        select(W)
        .where(W.room_id == room_id, W.status == WaitStatus.WAITING.value, W.starts_at > now)
        .order_by(W.id)
    ).all()
    if not waiting:
        return 0
    studio_row = studio(session)
    hold = timedelta(minutes=studio_row.waitlist_hold_minutes)
    made = 0
    for entry in waiting:
        if any(s < entry.blocked_until and entry.starts_at < u for s, u in held):
            continue  # held for someone before them in line
        try:
            offer = rules.load_offer(session, studio_row, entry.setup_id, entry.service_id)
        except PodyxError:
            continue  # the setup or service was retired: it cannot be booked as asked
        if entry.starts_at < now + timedelta(hours=offer.policy.lead_time_hours):
            continue  # too near to book; it closes when the time comes
        if rules.busy_intervals(
            session, room_id, entry.starts_at, entry.blocked_until, entry.booking_id
        ):
            continue
        if _set(
            session,
            entry.id,
            (WaitStatus.WAITING.value,),
            status=WaitStatus.OFFERED.value,
            offered_at=now,
            hold_until=now + hold,
            updated_at=now,
        ):
            held.append((entry.starts_at, entry.blocked_until))
            made += 1
    return made


def held_sentence(hold_until: datetime, zone: ZoneInfo) -> str:
    return m(
        "That time is held for a client on the waitlist until {until}. Pick another time, "
        "or join the waitlist for it.",
        until=f"{hold_until.astimezone(zone):%H:%M}",
    )


def check_claim(
    session: Session,
    offer: rules.Offer,
    starts_at: datetime,
    minutes: int,
    now: datetime,
    *,
    client_id: int,
    bypass_rules: bool,
) -> None:
    """Before a claim of ``starts_at`` for ``client_id``: the room's waitlist brought up to
    now, the time refused (in words) while another client's hold covers it, and the
    client's own entries over it marked booked (the claim that follows makes it so, or
    the whole transaction rolls back). Staff booking outside the rules set holds aside."""
    starts_at = to_utc(starts_at)
    until = starts_at + timedelta(minutes=minutes + offer.policy.buffer_minutes)
    hold_room(session, offer.room.id)
    if not anyone_waiting(session, offer.room.id):  # the usual case: no line for this room
        return
    settle(session, offer.room.id, now)
    if not bypass_rules:
        others = live_holds(session, offer.room.id, starts_at, until, now, except_client=client_id)
        if others:
            hold_until = min(e.hold_until for e in others if e.hold_until is not None)
            raise TimeTaken(held_sentence(hold_until, offer.zone))
    mine = session.scalars(
        select(W.id).where(
            W.client_id == client_id,
            W.room_id == offer.room.id,
            W.status.in_(ACTIVE),
            overlapping(starts_at, until),
        )
    ).all()
    for entry_id in mine:
        _set(session, entry_id, ACTIVE, status=WaitStatus.BOOKED.value, updated_at=now)


def check_move(
    session: Session,
    booking: t.Booking,
    offer: rules.Offer,
    new_starts_at: datetime,
    now: datetime,
    bypass_rules: bool,
) -> int:
    """:func:`check_claim` for moving ``booking`` to ``offer``'s room at ``new_starts_at``,
    after taking both rooms' claim locks in one order (the claim takes the target's, the
    offers of the time it leaves the old one's). Returns the booking's length in minutes."""
    for room_id in sorted({booking.room_id, offer.room.id}):
        hold_room(session, room_id)
    minutes = int((booking.ends_at - booking.starts_at) / timedelta(minutes=1))
    check_claim(
        session,
        offer,
        new_starts_at,
        minutes,
        now,
        client_id=booking.client_id,
        bypass_rules=bypass_rules,
    )
    return minutes


def without_holds(
    session: Session,
    offer: rules.Offer,
    slots: list[Slot],
    now: datetime,
    client_id: int | None,
) -> list[Slot]:
    """``slots`` less those another client's live hold covers (their buffer counted)."""
    if not slots:
        return slots
    buffer = timedelta(minutes=offer.policy.buffer_minutes)
    first, last = slots[0].starts_at, max(s.ends_at for s in slots) + buffer
    holds = live_holds(session, offer.room.id, first, last, now, except_client=client_id)
    if not holds:
        return slots
    return [
        s
        for s in slots
        if not any(
            h.starts_at < s.ends_at + buffer and s.starts_at < h.blocked_until for h in holds
        )
    ]


def rooms_to_settle(session: Session, now: datetime) -> list[int]:
    """Rooms with a hold that ran out or an entry whose time came (in id order, so seats
    settling several take the rooms' locks in one order)."""
    ids = session.scalars(
        select(W.room_id)
        .where(
            (W.status == WaitStatus.OFFERED.value) & (W.hold_until <= now)
            | (W.status.in_(ACTIVE) & (W.starts_at <= now))
        )
        .distinct()
        .order_by(W.room_id)
    ).all()
    return [int(i) for i in ids]
