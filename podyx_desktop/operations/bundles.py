"""Operations on bundles and purchases: a client's bundles, a bundle's ledger, redeeming a
credit, quoting and buying a bundle; a client's purchases."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import (
        BookingResult,
        Bundle,
        BundleLedgerEntry,
        BundleResult,
        Purchase,
    )
    from podyx_desktop.domain.requests import BundlePurchaseRequest, Quote, RedeemRequest
    from podyx_desktop.services import Services


class ClientBundles(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> list[Bundle]:
        return services.bundles.list_for_client(principal, self.client_id)


class BundleLedger(NamedTuple):
    bundle_id: int

    def run(self, services: Services, principal: Principal) -> list[BundleLedgerEntry]:
        return services.bundles.ledger(principal, self.bundle_id)


class ClientPurchases(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> list[Purchase]:
        return services.purchases.list_for_client(principal, self.client_id)


class Redeem(NamedTuple):
    request: RedeemRequest

    def run(self, services: Services, principal: Principal) -> BookingResult:
        return services.bundles.redeem(principal, self.request)


class QuoteBundle(NamedTuple):
    product_id: int
    promo_code: str | None

    def run(self, services: Services, principal: Principal) -> Quote:
        return services.checkout.quote_bundle(principal, self.product_id, self.promo_code)


class BuyBundle(NamedTuple):
    request: BundlePurchaseRequest

    def run(self, services: Services, principal: Principal) -> BundleResult:
        return services.checkout.buy_bundle(principal, self.request)


def load_client_bundles(seat: Seat, principal: Principal, client_id: int) -> Op[list[Bundle]]:
    return Op(seat, principal, ClientBundles(client_id))


def load_bundle_ledger(
    seat: Seat, principal: Principal, bundle_id: int
) -> Op[list[BundleLedgerEntry]]:
    return Op(seat, principal, BundleLedger(bundle_id))


def load_client_purchases(seat: Seat, principal: Principal, client_id: int) -> Op[list[Purchase]]:
    return Op(seat, principal, ClientPurchases(client_id))


def redeem_bundle(seat: Seat, principal: Principal, request: RedeemRequest) -> Op[BookingResult]:
    return Op(seat, principal, Redeem(request))


def quote_bundle(
    seat: Seat, principal: Principal, product_id: int, promo_code: str | None
) -> Op[Quote]:
    return Op(seat, principal, QuoteBundle(product_id, promo_code))


def buy_bundle(
    seat: Seat, principal: Principal, request: BundlePurchaseRequest
) -> Op[BundleResult]:
    return Op(seat, principal, BuyBundle(request))
