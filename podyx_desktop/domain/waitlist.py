"""The waitlist's plain values: an entry as a screen shows it, and what joining asks for.

A client waits for a taken time of a room; when it frees, the waiting clients are offered
it one at a time, in the order they joined, each with a hold (the studio's
``waitlist_hold_minutes``) during which only they may book it (docs/rules.md "Waitlist").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class WaitStatus(StrEnum):
    WAITING = "waiting"  # in line for the time
    OFFERED = "offered"  # the time freed: held for this client until ``hold_until``
    BOOKED = "booked"  # the client took it (or another time over it)
    LEFT = "left"  # the client left the list
    PASSED = "passed"  # the hold ran out: offered to the next
    CLOSED = "closed"  # the time came (or is too near to book) before it freed

    @property
    def is_active(self) -> bool:
        return self in (WaitStatus.WAITING, WaitStatus.OFFERED)


DEFAULT_HOLD_MINUTES = 30
MAX_HOLD_MINUTES = 24 * 60


@dataclass(frozen=True)
class WaitlistJoin:
    """Join the waitlist for ``minutes`` of ``service_id`` on ``setup_id`` at ``starts_at``
    (any aware zone). From a reschedule: the booking to move there; from a bundle: the
    bundle to redeem."""

    client_id: int
    setup_id: int
    service_id: int
    starts_at: datetime
    minutes: int
    booking_id: int | None = None
    bundle_id: int | None = None


@dataclass(frozen=True)
class WaitlistEntry:
    """One client's place on a room's waitlist. ``position``: 1 for the first in line for
    that time (None unless waiting). ``hold_until`` while offered; an offer whose hold ran
    out reads as passed even before anyone wrote it so."""

    id: int
    client_id: int
    client_name: str
    room_id: int
    room_name: str
    setup_id: int
    service_id: int
    service_name: str
    starts_at: datetime
    ends_at: datetime
    minutes: int
    status: WaitStatus
    created_at: datetime
    booking_id: int | None = None
    bundle_id: int | None = None
    offered_at: datetime | None = None
    hold_until: datetime | None = None
    position: int | None = None

    @property
    def is_offer(self) -> bool:
        return self.status is WaitStatus.OFFERED
