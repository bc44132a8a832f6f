"""A studio note's history: each edit keeps the text it replaced (migration 0010).
Re-exported by :mod:`podyx_desktop.db.tables` (``t.NoteRevision``), on the same
``Base.metadata``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from podyx_desktop.db.base import Base
from podyx_desktop.db.types import UTCDateTime


class NoteRevision(Base):
    """An earlier text of a studio note: what it said (and whether it was internal) from
    ``written_at`` until ``replaced_at``, when ``replaced_by_id`` edited it."""

    __tablename__ = "note_revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("studio_notes.id"), index=True)
    body: Mapped[str] = mapped_column(Text)
    internal: Mapped[bool] = mapped_column(Boolean)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
