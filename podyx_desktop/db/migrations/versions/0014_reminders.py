"""Reminders shown: ``reminders_shown`` (one row per booking, lead and start time, the
computer that inserted it showed the reminder).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 10:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from podyx_desktop.db.types import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminders_shown",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("lead_minutes", sa.Integer(), nullable=False),
        sa.Column("starts_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("shown_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name=op.f("fk_reminders_shown_booking_id_bookings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders_shown")),
        sa.UniqueConstraint(
            "booking_id",
            "lead_minutes",
            "starts_at",
            name=op.f("uq_reminders_shown_booking_id"),
        ),
    )


def downgrade() -> None:
    op.drop_table("reminders_shown")
