"""The waitlist: ``waitlist_entries`` (a client waiting for a taken time of a room, offered
it with a hold when it frees) and the studio's hold length, ``waitlist_hold_minutes``
(30 unless staff change it).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 09:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from podyx_desktop.db.types import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE on both engines: a batch copy of the studio would have to drop a
    # table nothing refers to, but keep it simple and alike with 0011
    op.add_column(
        "studio",
        sa.Column("waitlist_hold_minutes", sa.Integer(), nullable=False, server_default="30"),
    )
    op.create_table(
        "waitlist_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("setup_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("blocked_until", UTCDateTime(timezone=True), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("bundle_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("offered_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("hold_until", UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "starts_at < ends_at AND ends_at <= blocked_until",
            name=op.f("ck_waitlist_entries_times"),
        ),
        sa.CheckConstraint(
            "status IN ('waiting', 'offered', 'booked', 'left', 'passed', 'closed')",
            name=op.f("ck_waitlist_entries_status"),
        ),
        sa.CheckConstraint(
            "status <> 'offered' OR (hold_until IS NOT NULL AND offered_at IS NOT NULL)",
            name=op.f("ck_waitlist_entries_offer_held"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["users.id"], name=op.f("fk_waitlist_entries_client_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_waitlist_entries_room_id_rooms")
        ),
        sa.ForeignKeyConstraint(
            ["setup_id"], ["setups.id"], name=op.f("fk_waitlist_entries_setup_id_setups")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_waitlist_entries_service_id_services")
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name=op.f("fk_waitlist_entries_booking_id_bookings")
        ),
        sa.ForeignKeyConstraint(
            ["bundle_id"], ["bundles.id"], name=op.f("fk_waitlist_entries_bundle_id_bundles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waitlist_entries")),
    )
    op.create_index(
        "ix_waitlist_entries_room_status",
        "waitlist_entries",
        ["room_id", "status", "starts_at"],
        unique=False,
    )
    op.create_index(
        "ix_waitlist_entries_client", "waitlist_entries", ["client_id", "status"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_waitlist_entries_client", table_name="waitlist_entries")
    op.drop_index("ix_waitlist_entries_room_status", table_name="waitlist_entries")
    op.drop_table("waitlist_entries")
    op.execute("ALTER TABLE studio DROP COLUMN waitlist_hold_minutes")
