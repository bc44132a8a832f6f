"""The waitlist: a client waiting for a taken time of a room (migration 0013).
Re-exported by :mod:`podyx_desktop.db.tables` (``t.WaitlistEntry``), on ``Base.metadata``.

The studio's hold length is ``studio.waitlist_hold_minutes`` (:class:`~.tables.Studio`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from podyx_desktop.db.base import Base
from podyx_desktop.db.types import UTCDateTime

WAITLIST_STATUSES = ("waiting", "offered", "booked", "left", "passed", "closed")


class WaitlistEntry(Base):
    """A client waiting for ``[starts_at, ends_at)`` in a room (its buffer to
    ``blocked_until``), wanting ``service_id`` on ``setup_id``; from a reschedule it names
    the booking to move there, from a bundle the bundle to redeem. ``waiting`` in id order;
    ``offered`` with ``hold_until`` when the time freed; then ``booked``, ``left``,
    ``passed`` (the hold ran out) or ``closed`` (the time came)."""

    __tablename__ = "waitlist_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    setup_id: Mapped[int] = mapped_column(ForeignKey("setups.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    blocked_until: Mapped[datetime] = mapped_column(UTCDateTime)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"), nullable=True)
    bundle_id: Mapped[int | None] = mapped_column(ForeignKey("bundles.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    hold_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    __table_args__ = (
        Index("ix_waitlist_entries_room_status", "room_id", "status", "starts_at"),
        Index("ix_waitlist_entries_client", "client_id", "status"),
        CheckConstraint("starts_at < ends_at AND ends_at <= blocked_until", name="times"),
        CheckConstraint(
            "status IN ('waiting', 'offered', 'booked', 'left', 'passed', 'closed')",
            name="status",
        ),
        CheckConstraint(
            "status <> 'offered' OR (hold_until IS NOT NULL AND offered_at IS NOT NULL)",
            name="offer_held",
        ),
    )
