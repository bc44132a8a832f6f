"""A receipt counter never stands below 1.

Balances already have their CHECKs from the first schema (a bundle's sessions_remaining
between 0 and sessions_total, a client's store_credit_minor >= 0, a promo code's uses
within its maximum); the counter row each receipt and credit-note number comes from was
the one count without one. The counter only ever moves up by one in SQL
(services/purchases.issue_number), so every existing row satisfies it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 02:00:00
"""
from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # receipt_counters has no foreign keys pointing at it, so SQLite's batch copy of the
    # table (how SQLite adds a CHECK) touches nothing else
    with op.batch_alter_table('receipt_counters', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_receipt_counters_counter'), 'last_value >= 1')


def downgrade() -> None:
    with op.batch_alter_table('receipt_counters', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_receipt_counters_counter'), type_='check')
