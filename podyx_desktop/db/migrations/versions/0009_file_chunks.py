"""Shared files stored in chunks: the table ``file_chunks`` (file, part number, 1 MiB of
bytes), so a file goes in and out of the database streamed, never whole in memory. A
shared file gets ``opened_at`` (the client's "new" badge goes when set) and
``revoked_at`` (a revoked share: hidden, its chunks deleted); the studio gets
``file_limit_mib``, the largest file staff may store (2048 MiB unless the owner changes
it). Files stored whole in ``shared_files.content`` before are moved into chunks, one
file at a time, and their ``content`` emptied.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from podyx_desktop.db.types import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

CHUNK_BYTES = 1024 * 1024  # as podyx_desktop.db.file_tables.CHUNK_BYTES, frozen here


def upgrade() -> None:
    op.create_table(
        "file_chunks",
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["file_id"], ["shared_files.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("file_id", "seq"),
    )
    with op.batch_alter_table("shared_files") as batch:
        batch.add_column(sa.Column("opened_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("revoked_at", UTCDateTime(), nullable=True))
    with op.batch_alter_table("studio") as batch:
        batch.add_column(
            sa.Column("file_limit_mib", sa.Integer(), nullable=False, server_default="2048")
        )
    bind = op.get_bind()
    ids = (
        bind.execute(sa.text("SELECT id FROM shared_files WHERE content IS NOT NULL ORDER BY id"))
        .scalars()
        .all()
    )
    for file_id in ids:  # one file's bytes in memory at a time (at most 512 MiB before)
        content = bind.execute(
            sa.text("SELECT content FROM shared_files WHERE id = :id"), {"id": file_id}
        ).scalar_one()
        for seq, start in enumerate(range(0, len(content), CHUNK_BYTES)):
            bind.execute(
                sa.text("INSERT INTO file_chunks (file_id, seq, data) VALUES (:f, :s, :d)"),
                {"f": file_id, "s": seq, "d": bytes(content[start : start + CHUNK_BYTES])},
            )
        bind.execute(
            sa.text("UPDATE shared_files SET content = NULL WHERE id = :id"), {"id": file_id}
        )


def downgrade() -> None:
    with op.batch_alter_table("studio") as batch:
        batch.drop_column("file_limit_mib")
    with op.batch_alter_table("shared_files") as batch:
        batch.drop_column("revoked_at")
        batch.drop_column("opened_at")
    op.drop_table("file_chunks")
