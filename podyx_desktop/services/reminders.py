"""Reminders before a session: which are due for a client now, and recording one as shown
exactly once, whichever of the client's computers asks (docs/rules.md "Reminders").

Due: a session of the client that is ``confirmed`` or ``rescheduled`` (never pending,
canceled or over), has not started, starts within the lead, was booked before the lead's
moment came (no "tomorrow" reminder for a session booked this afternoon), and has no
reminder recorded for its start time at this lead or a nearer one (after the 1-hour
reminder, a computer that was off all day does not bring up the 24-hour one). When several
leads are due at once only the nearest is.

Shown: :meth:`ReminderService.mark_shown` inserts the ``reminders_shown`` row; its unique
key (booking, lead, start) makes the insert conditional, and the caller shows the reminder
only if its insert made the row. A moved session is reminded of again for its new time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import BookingStatus, Role
from podyx_desktop.domain.errors import NotFound
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.reminders import Reminder, ReminderCheck, UpcomingSession, valid_leads
from podyx_desktop.services.context import ServiceContext, require_signed_in

B = t.Booking
R = t.ReminderShown
REMINDED = (BookingStatus.CONFIRMED.value, BookingStatus.RESCHEDULED.value)


class ReminderService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def due(self, principal: Principal, leads: Sequence[int]) -> list[Reminder]:
        """The caller's reminders due now at the given leads (minutes before the start;
        only the offered ones count), soonest session first. Staff and visitors have
        none."""
        chosen = valid_leads(list(leads))
        now = self._ctx.now()
        with self._ctx.db.read() as session:
            client_id = _client_of(session, principal)
            if client_id is None or not chosen:
                return []
            rows = session.execute(
                select(B, t.Room.name, t.Service.name)
                .join(t.Room, t.Room.id == B.room_id)
                .join(t.Service, t.Service.id == B.service_id)
                .where(
                    B.client_id == client_id,
                    B.status.in_(REMINDED),
                    B.starts_at > now,
                    B.starts_at <= now + timedelta(minutes=max(chosen)),
                )
                .order_by(B.starts_at, B.id)
            ).all()
            found: list[Reminder] = []
            for booking, room, service in rows:
                lead = _nearest_due(session, booking, chosen, now)
                if lead is not None:
                    found.append(Reminder(_upcoming(booking, room, service), lead))
            return found

    def next_session(self, principal: Principal) -> UpcomingSession | None:
        """The caller's next session that has not started and is still open (confirmed,
        rescheduled or awaiting payment); None for staff and visitors."""
        now = self._ctx.now()
        with self._ctx.db.read() as session:
            client_id = _client_of(session, principal)
            if client_id is None:
                return None
            row = session.execute(
                select(B, t.Room.name, t.Service.name)
                .join(t.Room, t.Room.id == B.room_id)
                .join(t.Service, t.Service.id == B.service_id)
                .where(
                    B.client_id == client_id,
                    B.status.in_((*REMINDED, BookingStatus.PENDING.value)),
                    B.starts_at > now,
                )
                .order_by(B.starts_at, B.id)
                .limit(1)
            ).first()
            return None if row is None else _upcoming(*row)

    def mark_shown(self, principal: Principal, booking_id: int, lead_minutes: int) -> bool:
        """Record the reminder of the booking's session (at its current start) at this
        lead; True if this call recorded it (show it), False if it was recorded already
        (another computer of the client showed it, or this one before a restart)."""
        now = self._ctx.now()
        with self._ctx.db.write() as session:
            client_id = _client_of(session, principal)
            booking = session.get(B, booking_id)
            if booking is None or client_id is None or booking.client_id != client_id:
                raise NotFound(m("That booking does not exist or is not yours."))
            dialect = session.get_bind().dialect.name
            from sqlalchemy.dialects import postgresql, sqlite

            insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            made = session.execute(
                insert(R)
                .values(
                    booking_id=booking.id,
                    lead_minutes=lead_minutes,
                    starts_at=booking.starts_at,
                    shown_at=now,
                )
                .on_conflict_do_nothing(index_elements=[R.booking_id, R.lead_minutes, R.starts_at])
                .returning(R.id)
            ).scalar()
            return made is not None  # no row back: the key was there (shown elsewhere)

    def take_due(self, principal: Principal, leads: Sequence[int]) -> list[Reminder]:
        """The due reminders this call recorded as shown (each in its own transaction):
        what a computer shows now. Another computer asking at the same moment gets the
        others, or none."""
        return [
            reminder
            for reminder in self.due(principal, leads)
            if self.mark_shown(principal, reminder.booking_id, reminder.lead_minutes)
        ]

    def check(self, principal: Principal, leads: Sequence[int]) -> ReminderCheck:
        """A computer's periodic look: the reminders it won and the next session."""
        shown = tuple(self.take_due(principal, leads))
        return ReminderCheck(self._ctx.now(), self.next_session(principal), shown)


def _client_of(session: Session, principal: Principal) -> int | None:
    """The signed-in client's id (a client reads only their own); None for staff and the
    system, who have no sessions to be reminded of."""
    if principal.is_anonymous:
        return None
    user = require_signed_in(session, principal)
    if user is None or Role(user.role).is_staff:
        return None
    return user.id


def _upcoming(booking: t.Booking, room: str, service: str) -> UpcomingSession:
    confirmed = booking.status in REMINDED
    return UpcomingSession(booking.id, booking.starts_at, booking.ends_at, room, service, confirmed)


def _nearest_due(
    session: Session, booking: t.Booking, leads: tuple[int, ...], now: datetime
) -> int | None:
    """The nearest of ``leads`` whose moment has come for ``booking``, unless the client
    booked it after that moment or a reminder at that lead or a nearer one was shown."""
    came = [
        lead
        for lead in leads
        if booking.starts_at - timedelta(minutes=lead) <= now
        and booking.created_at <= booking.starts_at - timedelta(minutes=lead)
    ]
    if not came:
        return None
    nearest = min(came)
    shown = session.scalar(
        select(
            exists().where(
                and_(
                    R.booking_id == booking.id,
                    R.starts_at == booking.starts_at,
                    R.lead_minutes <= nearest,
                )
            )
        )
    )
    return None if shown else nearest
