"""The queue of pending payments reads its pages from an index of its own: a partial
index of the purchases awaiting payment, in the queue's order (oldest first, then id).

At a million bookings the generated studio holds ~50,000 pending and ~60,000 withdrawn
purchases; the queue's first page read and sorted every unpaid one (272 ms). The partial
index holds only the pending ones, already in order (SQLite ≥ 3.8 and PostgreSQL both
have partial indexes).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PENDING = sa.text("status = 'awaiting_payment'")


def upgrade() -> None:
    op.create_index(
        "ix_purchases_pending",
        "purchases",
        ["created_at", "id"],
        sqlite_where=PENDING,
        postgresql_where=PENDING,
    )


def downgrade() -> None:
    op.drop_index("ix_purchases_pending", table_name="purchases")
