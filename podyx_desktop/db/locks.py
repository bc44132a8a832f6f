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


def hold_room(session: Session, room_id: int) -> bool:
    """Hold the room's claim lock until this transaction ends (PostgreSQL only).

    Returns whether another seat held it first (this claim waited for that one): a time
    found taken afterwards was most likely taken by that seat a moment ago.
    """
    if session.get_bind().dialect.name != "postgresql":
        return False
    params = {"kind": ROOM_CLAIMS, "room": room_id}
    if session.execute(text("SELECT pg_try_advisory_xact_lock(:kind, :room)"), params).scalar():
        return False
    session.execute(text("SELECT pg_advisory_xact_lock(:kind, :room)"), params)
    return True
