"""One-time sign-in codes: the desk creates a client's account without a password and
hands the client a code; only its SHA-256 is stored, one per account, with an expiry.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 03:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import podyx_desktop.db.types

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sign_in_codes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('code_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', podyx_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', podyx_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('used_at', podyx_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'], name=op.f('fk_sign_in_codes_user_id_users')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_codes')),
        sa.UniqueConstraint('user_id', name=op.f('uq_sign_in_codes_user_id')),
    )


def downgrade() -> None:
    op.drop_table('sign_in_codes')
