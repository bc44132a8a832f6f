"""A stored shared file's bytes, in chunks of :data:`CHUNK_BYTES` (migration 0009), so a
file of any size goes in and out of the database without sitting whole in memory.
Re-exported by :mod:`podyx_desktop.db.tables` (``t.FileChunk``), on ``Base.metadata``."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from podyx_desktop.db.base import Base

CHUNK_BYTES = 1024 * 1024  # 1 MiB: one row each; small enough for any driver's buffers


class FileChunk(Base):
    """Part ``seq`` (0, 1, …) of a stored shared file; a revoked file's chunks are deleted."""

    __tablename__ = "file_chunks"
    file_id: Mapped[int] = mapped_column(
        ForeignKey("shared_files.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
