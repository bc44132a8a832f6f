"""Alembic migrations; a new database is "upgrade to head"."""
