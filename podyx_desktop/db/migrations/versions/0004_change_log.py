"""The change feed's table for SQLite seats.

PostgreSQL tells other seats what a write changed in its NOTIFY payload; SQLite cannot
carry a payload, so each write transaction that changed something adds one row here (the
writing process's seat id and the Changes as JSON) and prunes old rows. PostgreSQL has the
table too (one schema for both), and leaves it empty.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 02:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import podyx_desktop.db.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'change_log',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('seat', sa.String(length=40), nullable=False),
        sa.Column('changes', sa.Text(), nullable=False),
        sa.Column('at', podyx_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log')),
        # AUTOINCREMENT: ids never reused, so a watcher can tell pruned rows from none
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table('change_log')
