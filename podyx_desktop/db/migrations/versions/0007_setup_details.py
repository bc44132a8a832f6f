"""The studio's billing details printed on receipts: its company registration number and
its bank details (free text: bank, IBAN, BIC). Existing studios get empty values.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 04:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('studio') as batch:
        batch.add_column(
            sa.Column('registration_number', sa.String(length=60), nullable=False, server_default='')
        )
        batch.add_column(sa.Column('bank_details', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('studio') as batch:
        batch.drop_column('bank_details')
        batch.drop_column('registration_number')
