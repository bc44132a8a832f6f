"""Operations of the front desk over clients: the client list (whole, or a page at a time
for the Clients place), one client's account and what the desk does with it — its details,
a lockout lifted, a new one-time code, a bundle issued, store credit added, a purchase
refunded.

The services check every role again (refunds and store credit: managers and owners); the
desk's widgets only show what they would refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from podyx_desktop.domain.enums import RefundTo
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import m
from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from podyx_desktop.domain.paging import Page, PageRequest
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import (
        Account,
        Bundle,
        ClientAccountState,
        ClientSummary,
        Purchase,
    )
    from podyx_desktop.models.paged import Runner
    from podyx_desktop.services import Services

R = TypeVar("R")


class ClientList(NamedTuple):
    search: str = ""
    limit: int = 200

    def run(self, services: Services, principal: Principal) -> list[ClientSummary]:
        return services.clients.list_clients(principal, self.search, self.limit)


class ClientPage(NamedTuple):
    """One page of the client list in the order and search ``request`` names."""

    request: PageRequest

    def run(self, services: Services, principal: Principal) -> Page[ClientSummary]:
        return services.clients.client_page(principal, self.request)


class ClientAccount(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> Account:
        return services.clients.get_client(principal, self.client_id)


class ClientDesk(NamedTuple):
    """What the desk's actions on one client need: the account's state (lockout, code),
    the client's purchases (newest first) and the studio's now."""

    state: ClientAccountState
    purchases: list[Purchase]


class LoadClientDesk(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> ClientDesk:
        return ClientDesk(
            services.desk_clients.account_state(principal, self.client_id),
            services.purchases.list_for_client(principal, self.client_id),
        )


class NewCode(NamedTuple):
    """A new one-time code and the account it was issued for."""

    state: ClientAccountState
    code: str


# --- writes -------------------------------------------------------------------------------


class UpdateClientDetails(NamedTuple):
    client_id: int
    full_name: str
    email: str
    phone: str

    def run(self, services: Services, principal: Principal) -> ClientAccountState:
        return services.desk_clients.update_details(
            principal, self.client_id, self.full_name, self.email, self.phone
        )


class UnlockClient(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> ClientAccountState:
        return services.desk_clients.unlock(principal, self.client_id)


class IssueSignInCode(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> NewCode:
        state, code = services.desk_clients.issue_code(principal, self.client_id)
        return NewCode(state, code)


class IssueBundle(NamedTuple):
    client_id: int
    product_id: int
    reason: str

    def run(self, services: Services, principal: Principal) -> Bundle:
        return services.bundles.issue(principal, self.client_id, self.product_id, self.reason)


class AddStoreCredit(NamedTuple):
    client_id: int
    amount_minor: int
    reason: str

    def run(self, services: Services, principal: Principal) -> Account:
        return services.purchases.add_store_credit(
            principal, self.client_id, self.amount_minor, self.reason
        )


class RefundPurchase(NamedTuple):
    """Refund a paid purchase with a credit note, to the original method or store credit.

    ``amount_minor`` is what the desk typed: all or part of what is left; more than is
    left is refused with the amount left (nothing is saved).
    """

    purchase_id: int
    to: RefundTo
    reason: str
    amount_minor: int

    def run(self, services: Services, principal: Principal) -> Purchase | None:
        if services.purchases.get(principal, self.purchase_id).left_to_refund_minor <= 0:
            raise InvalidInput(m("Nothing is left to refund on this purchase."), field="amount")
        if self.amount_minor <= 0:
            raise InvalidInput(m("Give the amount to refund."), field="amount")
        # the service refuses more than is left, with the amount left, on the locked row
        return services.purchases.refund(
            principal, self.purchase_id, self.to, self.reason, self.amount_minor
        )


# --- the Op factories ---------------------------------------------------------------------


def load_clients(seat: Seat, principal: Principal, search: str = "") -> Op[list[ClientSummary]]:
    return Op(seat, principal, ClientList(search))


def load_client(seat: Seat, principal: Principal, client_id: int) -> Op[Account]:
    return Op(seat, principal, ClientAccount(client_id))


def load_client_desk(seat: Seat, principal: Principal, client_id: int) -> Op[ClientDesk]:
    return Op(seat, principal, LoadClientDesk(client_id))


def update_client_details(
    seat: Seat, principal: Principal, client_id: int, full_name: str, email: str, phone: str
) -> Op[ClientAccountState]:
    return Op(seat, principal, UpdateClientDetails(client_id, full_name, email, phone))


def unlock_client(seat: Seat, principal: Principal, client_id: int) -> Op[ClientAccountState]:
    return Op(seat, principal, UnlockClient(client_id))


def issue_sign_in_code(seat: Seat, principal: Principal, client_id: int) -> Op[NewCode]:
    return Op(seat, principal, IssueSignInCode(client_id))


def issue_bundle(
    seat: Seat, principal: Principal, client_id: int, product_id: int, reason: str
) -> Op[Bundle]:
    return Op(seat, principal, IssueBundle(client_id, product_id, reason))


def add_store_credit(
    seat: Seat, principal: Principal, client_id: int, amount_minor: int, reason: str
) -> Op[Account]:
    return Op(seat, principal, AddStoreCredit(client_id, amount_minor, reason))


def refund_purchase(
    seat: Seat,
    principal: Principal,
    purchase_id: int,
    to: RefundTo,
    reason: str,
    amount_minor: int,
) -> Op[Purchase | None]:
    return Op(seat, principal, RefundPurchase(purchase_id, to, reason, amount_minor))


# --- the paged client list ------------------------------------------------------------------


def client_pages(
    seat: Seat, principal: Principal, owner: QObject | None
) -> tuple[Callable[[Any, PageRequest], Page[ClientSummary]], Runner]:
    """The page source and runner of the Clients place's paged model
    (:class:`~podyx_desktop.models.paged.PagedTableModel`): pages of
    ``ClientService.client_page`` read on the task runner's worker, answers on the GUI
    thread (skipped once ``owner`` is deleted). A read changes nothing, so nothing is
    published."""

    def source(services: Services, request: PageRequest) -> Page[ClientSummary]:
        return ClientPage(request).run(services, principal)

    def run(
        call: Callable[[Any], R], on_done: Callable[[R], None], on_error: Callable[[str], None]
    ) -> None:
        seat.tasks.run(call, on_success=on_done, on_error=on_error, owner=owner)

    return source, run
