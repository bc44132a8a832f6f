"""Reading the audit log: who changed what, when, before and after (managers and owners).

Entries are written by the services that make the changes, in the same transaction
(:func:`podyx_desktop.services.context.audit`); nothing here writes or edits them.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any, TextIO

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.availability import studio_zone
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.paging import Page, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.setup import AuditFilters
from podyx_desktop.services import mapping
from podyx_desktop.services.context import ServiceContext, require_role, studio
from podyx_desktop.services.paging import Sort, keyset_page, sort_for

MAX_ENTRIES = 5000
# newest first: PageRequest(AUDIT_SORT, descending=True); the index on audit_log.at serves
# it (ties by id), narrowed by the filters below
AUDIT_SORT = "at"
AUDIT_SORTS = {AUDIT_SORT: Sort((t.AuditLog.at.expression, t.AuditLog.id.expression))}
NEWEST_FIRST = PageRequest(AUDIT_SORT, descending=True)
CSV_COLUMNS = (
    "id",
    "at_utc",
    "actor_id",
    "actor",
    "action",
    "entity",
    "entity_id",
    "before",
    "after",
    "reason",
)
CSV_BATCH = 1000


def filtered(session: Session, query: Select[Any], filters: AuditFilters) -> Select[Any]:
    """``query`` over the audit log narrowed by ``filters``; days are the studio's."""
    log = t.AuditLog
    if filters.actor_id is not None:
        query = query.where(log.actor_id == filters.actor_id)
    if filters.action:
        query = query.where(log.action == filters.action)
    if filters.client_id is not None:
        client = filters.client_id
        query = query.where(
            or_(
                and_(log.entity == "user", log.entity_id == client),
                and_(
                    log.entity == "booking",
                    log.entity_id.in_(select(t.Booking.id).where(t.Booking.client_id == client)),
                ),
                and_(
                    log.entity == "purchase",
                    log.entity_id.in_(select(t.Purchase.id).where(t.Purchase.client_id == client)),
                ),
                and_(
                    log.entity == "bundle",
                    log.entity_id.in_(select(t.Bundle.id).where(t.Bundle.client_id == client)),
                ),
            )
        )
    if filters.first is not None or filters.last is not None:
        zone = studio_zone(studio(session).time_zone)
        if filters.first is not None:
            start = datetime.combine(filters.first, time(), zone).astimezone(UTC)
            query = query.where(log.at >= start)
        if filters.last is not None:
            end = datetime.combine(filters.last + timedelta(days=1), time(), zone).astimezone(UTC)
            query = query.where(log.at < end)
    return query


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

    def page(
        self,
        principal: Principal,
        request: PageRequest = NEWEST_FIRST,
        filters: AuditFilters | None = None,
    ) -> Page[r.AuditEntry]:
        """One page of the log (``PageRequest("at", descending=True)``: newest first),
        narrowed by ``filters``; keyset-paged, so any page of a million entries costs the same."""
        sort = sort_for(AUDIT_SORTS, request)
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            query = filtered(session, select(t.AuditLog), filters or AuditFilters())

            def to_records(rows: Sequence[tuple[Any, ...]]) -> list[r.AuditEntry]:
                return [mapping.audit_entry(row[0]) for row in rows]

            return keyset_page(session, query, sort, request, to_records)

    def actions(self, principal: Principal) -> list[str]:
        """The kinds of action the log holds, for the filter's list."""
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            return list(
                session.scalars(select(t.AuditLog.action).distinct().order_by(t.AuditLog.action))
            )

    def write_csv(
        self, principal: Principal, out: TextIO, filters: AuditFilters | None = None
    ) -> int:
        """The filtered log as CSV (newest first) into ``out``; the number of entries.
        Streamed in batches from one read: never the whole list in memory."""
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        count = 0
        with self._ctx.db.read(stream=True) as session:
            require_role(session, principal, Role.MANAGER)
            query = filtered(session, select(t.AuditLog), filters or AuditFilters()).order_by(
                t.AuditLog.at.desc(), t.AuditLog.id.desc()
            )
            result = session.execute(query.execution_options(yield_per=CSV_BATCH))
            for (row,) in result:
                writer.writerow(
                    (
                        row.id,
                        row.at.isoformat(),
                        row.actor_id or "",
                        row.actor_name,
                        row.action,
                        row.entity,
                        row.entity_id if row.entity_id is not None else "",
                        row.before,
                        row.after,
                        row.reason,
                    )
                )
                count += 1
        return count
