"""Reminders shown (migration 0014). Re-exported by :mod:`podyx_desktop.db.tables`
(``t.ReminderShown``), on ``Base.metadata``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from podyx_desktop.db.base import Base
from podyx_desktop.db.types import UTCDateTime


class ReminderShown(Base):
    """A reminder of ``booking_id``'s session at ``starts_at``, ``lead_minutes`` before it,
    shown on one of the client's computers at ``shown_at``. The unique key makes the
    insert that records it the decision: of two computers asking, one row, one winner."""

    __tablename__ = "reminders_shown"
    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"))
    lead_minutes: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    shown_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (UniqueConstraint("booking_id", "lead_minutes", "starts_at"),)
