"""Operations of the front desk over clients (the staff window grows these in the next
issues): the client list and one client's account."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import Account, ClientSummary
    from podyx_desktop.services import Services


class ClientList(NamedTuple):
    search: str = ""
    limit: int = 200

    def run(self, services: Services, principal: Principal) -> list[ClientSummary]:
        return services.clients.list_clients(principal, self.search, self.limit)


class ClientAccount(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> Account:
        return services.clients.get_client(principal, self.client_id)


def load_clients(seat: Seat, principal: Principal, search: str = "") -> Op[list[ClientSummary]]:
    return Op(seat, principal, ClientList(search))


def load_client(seat: Seat, principal: Principal, client_id: int) -> Op[Account]:
    return Op(seat, principal, ClientAccount(client_id))
