"""Operations of the Audit place (managers and owners): pages of the log narrowed by the
filters, the choices of the filters, and the CSV of the filtered view (written on the
worker)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from podyx_desktop.domain.errors import NotAllowed
from podyx_desktop.domain.paging import Page, PageRequest
from podyx_desktop.domain.setup import AuditFilters

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import AuditEntry
    from podyx_desktop.models.paged import Runner
    from podyx_desktop.operations.base import Seat
    from podyx_desktop.services import Services

R = TypeVar("R")
CLIENT_MATCHES = 20


class AuditPage(NamedTuple):
    request: PageRequest
    filters: AuditFilters

    def run(self, services: Services, principal: Principal) -> Page[AuditEntry]:
        return services.audit.page(principal, self.request, self.filters)


class AuditChoices(NamedTuple):
    """What the filters offer: the kinds of action the log holds, and the staff (owners
    see every account; a manager, who may not list staff, the people who acted)."""

    actions: list[str]
    people: list[tuple[int, str]]


class LoadAuditChoices(NamedTuple):
    def run(self, services: Services, principal: Principal) -> AuditChoices:
        actions = services.audit.actions(principal)
        try:
            people = [(m.id, m.full_name) for m in services.staff.list_staff(principal)]
        except NotAllowed:
            people = []
        return AuditChoices(actions, people)


class FindClients(NamedTuple):
    """Clients whose name, email or phone matches ``text`` (the client filter's list)."""

    text: str

    def run(self, services: Services, principal: Principal) -> list[tuple[int, str]]:
        page = services.clients.client_page(
            principal, PageRequest("name", search=self.text, limit=CLIENT_MATCHES)
        )
        return [(c.id, f"{c.full_name} · {c.email}") for c in page.rows]


class ExportAuditCsv(NamedTuple):
    """The filtered log as CSV into ``path``; the number of entries written."""

    path: str
    filters: AuditFilters

    def run(self, services: Services, principal: Principal) -> int:
        target = Path(self.path)
        partial = target.with_name(target.name + ".part")
        with partial.open("w", encoding="utf-8", newline="") as out:
            count = services.audit.write_csv(principal, out, self.filters)
        partial.replace(target)
        return count


def audit_source(
    principal: Principal, filters: AuditFilters
) -> Callable[[Any, PageRequest], Page[AuditEntry]]:
    """The page source of the Audit place's paged model for one set of filters (a new
    source for new filters: a load in flight keeps the ones it started with)."""

    def source(services: Services, request: PageRequest) -> Page[AuditEntry]:
        return AuditPage(request, filters).run(services, principal)

    return source


def audit_runner(seat: Seat, owner: QObject | None) -> Runner:
    """Runs the model's page loads on the task runner's worker (skipped once ``owner`` is
    deleted). A read changes nothing, so nothing is published."""

    def run(
        call: Callable[[Any], R], on_done: Callable[[R], None], on_error: Callable[[str], None]
    ) -> None:
        seat.tasks.run(call, on_success=on_done, on_error=on_error, owner=owner)

    return run
