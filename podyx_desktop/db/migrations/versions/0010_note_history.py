"""Studio notes get a history, a retraction and the client's read marker: edits keep the
text they replaced in ``note_revisions``; ``retracted_at`` hides a deleted note (kept, and
audited); ``read_at`` is when the client opened the booking after the note was written or
last edited (the unread badge).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import podyx_desktop.db.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("studio_notes") as batch:
        for name in ("edited_at", "retracted_at", "read_at"):
            batch.add_column(
                sa.Column(name, podyx_desktop.db.types.UTCDateTime(timezone=True), nullable=True)
            )
    op.create_table(
        "note_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.Column("written_at", podyx_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", podyx_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["note_id"], ["studio_notes.id"], name=op.f("fk_note_revisions_note_id_studio_notes")
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"], ["users.id"], name=op.f("fk_note_revisions_replaced_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_revisions")),
    )
    with op.batch_alter_table("note_revisions") as batch:
        batch.create_index(batch.f("ix_note_revisions_note_id"), ["note_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("note_revisions") as batch:
        batch.drop_index(batch.f("ix_note_revisions_note_id"))
    op.drop_table("note_revisions")
    with op.batch_alter_table("studio_notes") as batch:
        for name in ("read_at", "retracted_at", "edited_at"):
            batch.drop_column(name)
