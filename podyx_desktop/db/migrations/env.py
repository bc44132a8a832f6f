"""Alembic environment: runs on the connection that :mod:`podyx_desktop.db.migrate` passes."""

from __future__ import annotations

from alembic import context

from podyx_desktop.db.migrate import compared
from podyx_desktop.db.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a misconfigured call
    raise RuntimeError("podyx migrations run through podyx_desktop.db.migrate, not the alembic CLI")


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=compared(connection.dialect.name),
)
with context.begin_transaction():
    context.run_migrations()
