"""Operations of the desk booking on a client's behalf: find the client (or create one
at the desk, with a one-time code to hand over), then book through the checkout with a
staff payment method, within or (with a reason) outside the studio's rules.

With bundle credit the session is redeemed from the client's bundle that expires first
(:mod:`podyx_desktop.domain.bundle_choice`) instead of going through the checkout; it
covers the session only, so add-ons are refused with it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.domain.bundle_choice import bundle_for_session
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import m
from podyx_desktop.domain.requests import BookingRequest, RedeemRequest, SessionCart
from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import Account, BookingResult, ClientSummary, SignedIn
    from podyx_desktop.services import Services

# The ways the desk takes payment for a booking it makes, in the picker's order.
DESK_PAYMENT_METHODS: tuple[PaymentMethod, ...] = (
    PaymentMethod.PAY_LATER,
    PaymentMethod.CARD_AT_DESK,
    PaymentMethod.CASH,
    PaymentMethod.BANK_TRANSFER,
    PaymentMethod.STORE_CREDIT,
    PaymentMethod.BUNDLE_CREDIT,
)

# How many matches the client search shows.
SEARCH_LIMIT = 30


class DeskClient(NamedTuple):
    """A client created at the desk and the one-time code to hand them."""

    account: Account
    code: str


class SearchClients(NamedTuple):
    search: str
    limit: int = SEARCH_LIMIT

    def run(self, services: Services, principal: Principal) -> list[ClientSummary]:
        return services.clients.list_clients(principal, self.search, self.limit)


class CreateClientAtDesk(NamedTuple):
    full_name: str
    email: str
    phone: str

    def run(self, services: Services, principal: Principal) -> DeskClient:
        account, code = services.accounts.create_client_at_desk(
            principal, self.full_name, self.email, self.phone
        )
        return DeskClient(account, code)


class BookOnBehalf(NamedTuple):
    client_id: int
    cart: SessionCart
    starts_at: datetime  # aware
    payment_method: PaymentMethod
    bypass_rules: bool = False
    bypass_reason: str = ""

    def run(self, services: Services, principal: Principal) -> BookingResult:
        if self.bypass_rules and not self.bypass_reason.strip():
            raise InvalidInput(
                m(
                    "Say why this booking is outside the studio's rules; the reason is kept in "
                    "the audit log."
                ),
                field="bypass_reason",
            )
        if self.payment_method is PaymentMethod.BUNDLE_CREDIT:
            return self._redeem(services, principal)
        return services.checkout.book(
            principal,
            BookingRequest(
                cart=self.cart,
                starts_at=self.starts_at,
                payment_method=self.payment_method,
                client_id=self.client_id,
                bypass_rules=self.bypass_rules,
                bypass_reason=self.bypass_reason.strip() if self.bypass_rules else "",
            ),
        )

    def _redeem(self, services: Services, principal: Principal) -> BookingResult:
        if self.cart.addons:
            raise InvalidInput(
                m(
                    "Bundle credit pays for the session only. Book it without add-ons (they can "
                    "be added to the booking afterwards and paid on their own), or choose "
                    "another payment method."
                ),
                field="addons",
            )
        bundle = bundle_for_session(
            services.bundles.list_for_client(principal, self.client_id),
            self.cart.setup_id,
            self.cart.service_id,
            self.cart.minutes,
        )
        return services.bundles.redeem(
            principal,
            RedeemRequest(
                bundle.id,
                self.cart.setup_id,
                self.starts_at,
                self.cart.service_id,
                bypass_rules=self.bypass_rules,
                bypass_reason=self.bypass_reason.strip() if self.bypass_rules else "",
            ),
        )


class SetPasswordWithCode(NamedTuple):
    email: str
    code: str
    new_password: str
    device: str = ""

    def run(self, services: Services, principal: Principal) -> SignedIn:
        return services.accounts.set_password_with_code(
            self.email, self.code, self.new_password, self.device
        )


def search_clients(seat: Seat, principal: Principal, search: str) -> Op[list[ClientSummary]]:
    return Op(seat, principal, SearchClients(search))


def create_client_at_desk(
    seat: Seat, principal: Principal, full_name: str, email: str, phone: str
) -> Op[DeskClient]:
    return Op(seat, principal, CreateClientAtDesk(full_name, email, phone))


def book_on_behalf(seat: Seat, principal: Principal, request: BookOnBehalf) -> Op[BookingResult]:
    return Op(seat, principal, request)


def set_password_with_code(
    seat: Seat, principal: Principal, email: str, code: str, new_password: str
) -> Op[SignedIn]:
    return Op(seat, principal, SetPasswordWithCode(email, code, new_password))
