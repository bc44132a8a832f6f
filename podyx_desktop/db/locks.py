"""Locks that order concurrent writers on PostgreSQL (SQLite's BEGIN IMMEDIATE already does).

Two seats inserting overlapping bookings of one room at the same moment would each wait
for the other inside the exclusion constraint's check, and PostgreSQL would abort one of
them with "deadlock detected". Taking a per-room transaction lock before the room's
bookings are read makes claims of one room run one after the other: the second sees the
first's committed booking and is told the time was taken. Claims of different rooms do not
wait for each other.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# The two-key form of advisory locks has its own key space, apart from the one-key form
# the migrations lock takes; the first key names what is locked.
ROOM_CLAIMS = 0x526F6F6D  # "Room"


HELD = "podyx_rooms_held"  # session.info: room id -> whether taking its lock waited


def hold_room(session: Session, room_id: int) -> bool:
    """Hold the room's claim lock until this transaction ends (PostgreSQL only).

    Returns whether another seat held it first (this claim waited for that one): a time
    found taken afterwards was most likely taken by that seat a moment ago. A transaction
    may ask again (the waitlist takes it before the claim does): it is told the same.
    """
    if session.get_bind().dialect.name != "postgresql":
        return False
    held: dict[int, bool] = session.info.setdefault(HELD, {})
    if room_id in held:
        return held[room_id]
    params = {"kind": ROOM_CLAIMS, "room": room_id}
    waited = not session.execute(
        text("SELECT pg_try_advisory_xact_lock(:kind, :room)"), params
    ).scalar()
    if waited:
        session.execute(text("SELECT pg_advisory_xact_lock(:kind, :room)"), params)
    held[room_id] = waited
    return waited
