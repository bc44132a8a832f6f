"""Reminders before a session: the leads a client may choose and a due reminder as the
tray (or the window's banner) shows it.

A reminder is shown once per booking, lead and start time, on whichever of the client's
computers asks first (docs/rules.md "Reminders"): the studio's ``reminders_shown`` table
decides, with a unique row per (booking, lead, start).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

DAY_BEFORE = 24 * 60
HOUR_BEFORE = 60
LEADS = (DAY_BEFORE, HOUR_BEFORE)  # the choices Account offers, in minutes before the start
DEFAULT_LEADS = LEADS


def valid_leads(leads: tuple[int, ...] | list[int]) -> tuple[int, ...]:
    """The offered leads among ``leads``, largest first, each once (others are dropped:
    a setting file edited by hand cannot ask for a reminder every minute)."""
    return tuple(sorted({lead for lead in leads if lead in LEADS}, reverse=True))


@dataclass(frozen=True)
class UpcomingSession:
    """A client's session as the tray names it; ``confirmed`` False while it awaits
    payment."""

    booking_id: int
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC
    room_name: str
    service_name: str
    confirmed: bool


@dataclass(frozen=True)
class Reminder:
    """A session starting within ``lead_minutes`` of now, not reminded of at that lead."""

    session: UpcomingSession
    lead_minutes: int

    @property
    def booking_id(self) -> int:
        return self.session.booking_id


@dataclass(frozen=True)
class ReminderCheck:
    """One look by a computer: the studio's now, the client's next session, and the
    reminders this computer won (to show now; every other computer was refused them)."""

    now: datetime
    next_session: UpcomingSession | None
    shown: tuple[Reminder, ...]
