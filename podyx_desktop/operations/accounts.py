"""Operations on accounts: sign in, sign up (and its checks as typed), sign out, the
account's reads and changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.domain.principal import Principal
from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.changes import Changes
    from podyx_desktop.domain.records import Account, Address, NewAccountCheck, SignedIn
    from podyx_desktop.domain.requests import NewAccount
    from podyx_desktop.services import Services


class SignIn(NamedTuple):
    email: str
    password: str
    device: str

    def run(self, services: Services, principal: Principal) -> SignedIn:
        return services.accounts.sign_in(self.email, self.password, self.device)


class SignUp(NamedTuple):
    new: NewAccount
    device: str

    def run(self, services: Services, principal: Principal) -> SignedIn:
        return services.accounts.sign_up(principal, self.new, self.device)


class CheckNewAccount(NamedTuple):
    email: str
    phone: str

    def run(self, services: Services, principal: Principal) -> NewAccountCheck:
        return services.accounts.check_new_account(principal, self.email, self.phone)


class SignOut(NamedTuple):
    token: str | None

    def run(self, services: Services, principal: Principal) -> Changes:
        return services.accounts.sign_out(principal, self.token)


class GetAccount(NamedTuple):
    client_id: int | None = None  # None: the caller's own

    def run(self, services: Services, principal: Principal) -> Account:
        return services.accounts.get(principal, self.client_id)


class SaveProfile(NamedTuple):
    """A new name and phone; each is written only when it differs from what was shown."""

    full_name: str
    phone: str
    shown_name: str | None
    shown_phone: str | None
    client_id: int | None = None

    def run(self, services: Services, principal: Principal) -> Account:
        accounts = services.accounts
        account: Account | None = None
        if self.shown_name is None or self.full_name.strip() != self.shown_name:
            account = accounts.change_name(principal, self.full_name, self.client_id)
        if self.shown_phone is None or self.phone.strip() != self.shown_phone:
            account = accounts.change_phone(principal, self.phone, self.client_id)
        return account or accounts.get(principal, self.client_id)


class ChangeEmail(NamedTuple):
    email: str
    password: str

    def run(self, services: Services, principal: Principal) -> Account:
        return services.accounts.change_email(principal, self.email, self.password)


class ChangePassword(NamedTuple):
    current: str
    new: str

    def run(self, services: Services, principal: Principal) -> SignedIn:
        return services.accounts.change_password(principal, self.current, self.new)


class UpdateBilling(NamedTuple):
    company: str
    vat_id: str
    address: Address

    def run(self, services: Services, principal: Principal) -> Account:
        return services.accounts.update_billing(
            principal, company=self.company, vat_id=self.vat_id, address=self.address
        )


# --- the operations views call ----------------------------------------------------------


def sign_in(seat: Seat, email: str, password: str, device: str) -> Op[SignedIn]:
    return Op(seat, Principal.anonymous(), SignIn(email, password, device))


def sign_up(seat: Seat, new: NewAccount, device: str) -> Op[SignedIn]:
    return Op(seat, Principal.anonymous(), SignUp(new, device))


def check_new_account(seat: Seat, email: str, phone: str) -> Op[NewAccountCheck]:
    return Op(seat, Principal.anonymous(), CheckNewAccount(email, phone))


def sign_out(seat: Seat, principal: Principal, token: str | None) -> Op[Changes]:
    return Op(seat, principal, SignOut(token))


def load_account(seat: Seat, principal: Principal, client_id: int | None = None) -> Op[Account]:
    return Op(seat, principal, GetAccount(client_id))


def save_profile(seat: Seat, principal: Principal, request: SaveProfile) -> Op[Account]:
    return Op(seat, principal, request)


def change_email(seat: Seat, principal: Principal, email: str, password: str) -> Op[Account]:
    return Op(seat, principal, ChangeEmail(email, password))


def change_password(seat: Seat, principal: Principal, current: str, new: str) -> Op[SignedIn]:
    return Op(seat, principal, ChangePassword(current, new))


def update_billing(
    seat: Seat, principal: Principal, company: str, vat_id: str, address: Address
) -> Op[Account]:
    return Op(seat, principal, UpdateBilling(company, vat_id, address))
