"""A purchase keeps the seller's company registration number and bank details as they
were when it was made (like its name, VAT number and address), so a receipt printed
again later shows what the first one showed. Existing purchases get empty values; their
receipts take the studio's current details (documents/receipt.py ``seller_of``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 05:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE on both engines: a batch copy of purchases would have to drop a
    # table other tables refer to
    op.add_column(
        "purchases",
        sa.Column(
            "seller_registration_number", sa.String(length=60), nullable=False, server_default=""
        ),
    )
    op.add_column(
        "purchases", sa.Column("seller_bank_details", sa.Text(), nullable=False, server_default="")
    )


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN: PostgreSQL, and SQLite since 3.35
    op.execute("ALTER TABLE purchases DROP COLUMN seller_bank_details")
    op.execute("ALTER TABLE purchases DROP COLUMN seller_registration_number")
