"""Reading the audit log: who changed what, when, before and after (managers and owners).

Entries are written by the services that make the changes, in the same transaction
(:func:`podyx_desktop.services.context.audit`); nothing here writes or edits them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping
from podyx_desktop.services.context import ServiceContext, require_role

MAX_ENTRIES = 5000


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list_entries(
        self,
        principal: Principal,
        limit: int = 200,
        entity: str | None = None,
        entity_id: int | None = None,
    ) -> list[r.AuditEntry]:
        """The newest entries first, optionally only those about one entity (or kind)."""
        query: Any = (
            select(t.AuditLog)
            .order_by(t.AuditLog.at.desc(), t.AuditLog.id.desc())
            .limit(max(1, min(limit, MAX_ENTRIES)))
        )
        if entity is not None:
            query = query.where(t.AuditLog.entity == entity)
        if entity_id is not None:
            query = query.where(t.AuditLog.entity_id == entity_id)
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            return [mapping.audit_entry(row) for row in session.scalars(query)]
