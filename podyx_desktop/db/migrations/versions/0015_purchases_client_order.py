"""A client's purchases are read in the order an index keeps them.

The Purchases tab lists a client's latest purchases, newest first, ties broken by id
(``ORDER BY created_at DESC, id DESC``). The index on ``(client_id, created_at)`` left
the tie-break to a sort, and PostgreSQL chose to read all of the busiest client's 15,270
purchases of the generated million-booking studio and sort them. The index now ends with
the id, so the newest 100 are the index's last 100 entries for the client
(services/purchase_records.py ``client_purchases``).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 12:55:00
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_purchases_client_created_id", "purchases", ["client_id", "created_at", "id"]
    )
    op.drop_index("ix_purchases_client_created", table_name="purchases")


def downgrade() -> None:
    op.create_index("ix_purchases_client_created", "purchases", ["client_id", "created_at"])
    op.drop_index("ix_purchases_client_created_id", table_name="purchases")
