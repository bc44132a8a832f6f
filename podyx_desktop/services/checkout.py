"""Checkout: quotes and bookings, with sign-up for first-time clients in the same transaction.

Setup → service and length → add-ons → time → account → review (lines, promo code, VAT,
total, terms) → payment. A quote explains a refused promo code instead of failing; the
booking itself refuses it. Everything a booking writes — the account, the booking, its
add-ons, the purchase and its receipt number, the promo use, the bundle credit — is one
transaction: all of it or none of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.availability import to_utc
from podyx_desktop.domain.enums import (
    BookingStatus,
    LineKind,
    PaymentMethod,
    PromoKind,
    PromoTarget,
    PurchaseKind,
    PurchaseStatus,
    Role,
)
from podyx_desktop.domain.errors import (
    InvalidInput,
    NotAllowed,
    NotSignedIn,
    PromoRefused,
)
from podyx_desktop.domain.message import m
from podyx_desktop.domain.money import prorate_minutes
from podyx_desktop.domain.pricing import CartItem, PriceSummary, price_cart
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.promo import (
    PromoRefusal,
    PromoRule,
    check_promo,
    normalise_code,
    refusal_message,
)
from podyx_desktop.domain.requests import (
    BookingRequest,
    BundlePurchaseRequest,
    NewAccount,
    Quote,
    SessionCart,
)
from podyx_desktop.services import cart as cart_lines
from podyx_desktop.services import rules, waitlist_rules
from podyx_desktop.services.accounts import AccountService
from podyx_desktop.services.booking_records import booking_records
from podyx_desktop.services.bookings import BookingService
from podyx_desktop.services.context import (
    ServiceContext,
    actor,
    audit,
    require_client_access,
    studio,
)


def promo_rule(session: Session, row: t.PromoCode) -> PromoRule:
    targets = session.execute(
        select(t.PromoTarget.target, t.PromoTarget.target_id).where(
            t.PromoTarget.promo_id == row.id
        )
    )
    return PromoRule(
        code=row.code,
        kind=PromoKind(row.kind),
        value=row.value,
        targets=frozenset((PromoTarget(kind), ref) for kind, ref in targets),
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        max_uses=row.max_uses,
        max_uses_per_client=row.max_uses_per_client,
        active=row.active,
        id=row.id,
    )


class CheckoutService:
    def __init__(
        self, ctx: ServiceContext, accounts: AccountService, bookings: BookingService
    ) -> None:
        self._ctx = ctx
        self._accounts = accounts
        self._bookings = bookings

    # --- pricing ------------------------------------------------------------------

    def apply_promo(
        self,
        session: Session,
        code: str | None,
        client_id: int | None,
        items: Sequence[CartItem],
        studio_row: t.Studio,
    ) -> tuple[PriceSummary, t.PromoCode | None, PromoRefusal | None]:
        """Price ``items`` with ``code`` if it applies; otherwise without, and say why."""
        currency = studio_row.currency
        include = studio_row.prices_include_vat
        if not code or not code.strip():
            return price_cart(items, currency=currency, prices_include_vat=include), None, None
        row = session.scalar(select(t.PromoCode).where(t.PromoCode.code == normalise_code(code)))
        rule = promo_rule(session, row) if row is not None else None
        by_client = 0
        if row is not None and client_id is not None:
            by_client = (
                session.scalar(
                    select(func.count(t.Purchase.id)).where(
                        t.Purchase.client_id == client_id,
                        t.Purchase.promo_id == row.id,
                        t.Purchase.status != PurchaseStatus.VOID.value,
                    )
                )
                or 0
            )
        refusal = check_promo(
            rule,
            now=self._ctx.now(),
            line_scopes=[item.scope for item in items],
            uses_total=row.uses if row is not None else 0,
            uses_by_client=by_client,
        )
        if refusal is not None:
            return price_cart(items, currency=currency, prices_include_vat=include), row, refusal
        summary = price_cart(items, currency=currency, prices_include_vat=include, promo=rule)
        return summary, row, None

    def use_promo(
        self, session: Session, row: t.PromoCode | None, summary: PriceSummary
    ) -> int | None:
        """Count one use of the code, atomically against its maximum."""
        if row is None or summary.promo_code is None:
            return None
        result = session.execute(
            update(t.PromoCode)
            .where(t.PromoCode.id == row.id)
            .where((t.PromoCode.max_uses.is_(None)) | (t.PromoCode.uses < t.PromoCode.max_uses))
            .values(uses=t.PromoCode.uses + 1)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise PromoRefused(
                refusal_message(PromoRefusal.USED_UP, row.code), PromoRefusal.USED_UP.value
            )
        return row.id

    def quote(
        self,
        principal: Principal,
        cart: SessionCart,
        promo_code: str | None = None,
        client_id: int | None = None,
    ) -> Quote:
        """Price lines, discount, VAT per rate and total of a session cart."""
        with self._ctx.db.read() as session:
            user = actor(session, principal)
            staff = principal.is_staff and (principal.is_system or user is not None)
            if client_id is not None:
                require_client_access(session, principal, client_id)
            who = client_id if client_id is not None else (user.id if user else None)
            offer = rules.load_offer(session, studio(session), cart.setup_id, cart.service_id)
            items = cart_lines.session_items(session, offer, cart, staff=staff)
            summary, _row, refusal = self.apply_promo(session, promo_code, who, items, offer.studio)
            return self._quote(summary, refusal, promo_code)

    def quote_bundle(
        self, principal: Principal, product_id: int, promo_code: str | None = None
    ) -> Quote:
        with self._ctx.db.read() as session:
            user = actor(session, principal)
            studio_row = studio(session)
            items = [self.bundle_item(session, product_id, studio_row)]
            summary, _row, refusal = self.apply_promo(
                session, promo_code, user.id if user else None, items, studio_row
            )
            return self._quote(summary, refusal, promo_code)

    @staticmethod
    def _quote(summary: PriceSummary, refusal: PromoRefusal | None, code: str | None) -> Quote:
        if refusal is None:
            return Quote(summary)
        return Quote(summary, refusal, refusal_message(refusal, code or ""))

    def bundle_item(self, session: Session, product_id: int, studio_row: t.Studio) -> CartItem:
        product = session.get(t.BundleProduct, product_id)
        if product is None or not product.active:
            raise InvalidInput(m("That bundle is not on sale."))
        vat = (
            product.vat_rate_bp
            if product.vat_rate_bp is not None
            else studio_row.default_vat_rate_bp
        )
        return CartItem(
            LineKind.BUNDLE,
            product.id,
            f"{product.name} — {product.sessions} × {product.session_minutes} min",
            1,
            product.price_minor,
            vat,
            frozenset({(PromoTarget.BUNDLE_PRODUCT, product.id)}),
        )

    # --- who pays ---------------------------------------------------------------------

    def buyer(
        self,
        session: Session,
        principal: Principal,
        client_id: int | None,
        new_account: NewAccount | None,
    ) -> tuple[t.User, t.User | None, r.SignedIn | None]:
        """(client, acting staff user or None, sign-in made for a new account or None)."""
        user = actor(session, principal)
        if principal.is_staff and (
            principal.is_system or (user is not None and Role(user.role).is_staff)
        ):
            if client_id is None:
                raise InvalidInput(m("Choose the client this is for."), field="client_id")
            return require_client_access(session, principal, client_id), user, None
        if client_id is not None and (user is None or client_id != user.id):
            raise NotAllowed(m("You can only book for yourself."))
        if user is not None:
            return user, None, None
        if new_account is None:
            raise NotSignedIn(m("Sign in, or create an account to finish booking."))
        created = self._accounts.create_in_session(session, new_account)
        return created, None, self._accounts.signed_in(session, created)

    # --- booking ------------------------------------------------------------------

    def _checkout(
        self,
        session: Session,
        principal: Principal,
        *,
        client_id: int | None,
        new_account: NewAccount | None,
        terms_accepted: bool,
        method: PaymentMethod,
        staff_only: str | None = None,
    ) -> _Buyer:
        """Who pays, and whether they may: the steps every checkout shares.

        ``staff_only`` is the refusal for a non-staff caller asking for a staff privilege.
        """
        client, staff_user, signed_in = self.buyer(session, principal, client_id, new_account)
        staff = staff_user is not None or principal.is_system
        if staff_only and not staff:
            raise NotAllowed(staff_only)
        if not staff and not terms_accepted:
            raise InvalidInput(m("Please accept the studio's terms to continue."), field="terms")
        if method is PaymentMethod.BUNDLE_CREDIT:
            raise InvalidInput(
                m("Bundle credit is spent from the Bundles tab: redeem a session there.")
            )
        self._bookings.purchases.require_payable(method, staff)
        return _Buyer(client, staff_user, signed_in, staff)

    def _charge(
        self,
        session: Session,
        buyer: _Buyer,
        *,
        items: list[CartItem],
        promo_code: str | None,
        kind: PurchaseKind,
        method: PaymentMethod,
        supplied_at: datetime,
        studio_row: t.Studio,
    ) -> t.Purchase:
        """Price the cart with its promo code (refusing a bad one) and record the purchase."""
        summary, promo_row, refusal = self.apply_promo(
            session, promo_code, buyer.client.id, items, studio_row
        )
        if refusal is not None:
            raise PromoRefused(refusal_message(refusal, promo_code or ""), refusal.value)
        return self._bookings.purchases.record(
            session,
            client=buyer.client,
            kind=kind,
            summary=summary,
            method=method,
            created_by=buyer.staff_user,
            promo_id=self.use_promo(session, promo_row, summary),
            supplied_at=supplied_at,
        )

    def book(self, principal: Principal, request: BookingRequest) -> r.BookingResult:
        request = replace(request, starts_at=to_utc(request.starts_at))
        with self._ctx.db.write() as session:
            buyer = self._checkout(
                session,
                principal,
                client_id=request.client_id,
                new_account=request.new_account,
                terms_accepted=request.terms_accepted,
                method=request.payment_method,
                staff_only=m(
                    "Only studio staff can book outside the studio's rules or change a price."
                )
                if request.bypass_rules or request.price_override_minor is not None
                else None,
            )
            studio_row = studio(session)
            cart = request.cart
            offer = rules.load_offer(session, studio_row, cart.setup_id, cart.service_id)
            items = cart_lines.session_items(
                session,
                offer,
                cart,
                staff=buyer.staff,
                price_override_minor=request.price_override_minor,
            )
            now = self._ctx.now()
            waitlist_rules.check_claim(
                session,
                offer,
                request.starts_at,
                cart.minutes,
                now,
                client_id=buyer.client.id,
                bypass_rules=request.bypass_rules,
            )
            ends_at, blocked_until = rules.claim_time(
                session,
                offer,
                request.starts_at,
                cart.minutes,
                now,
                bypass_rules=request.bypass_rules,
            )
            purchase = self._charge(
                session,
                buyer,
                items=items,
                promo_code=request.promo_code,
                kind=PurchaseKind.BOOKING,
                method=request.payment_method,
                supplied_at=request.starts_at,
                studio_row=studio_row,
            )
            pending = purchase.status == PurchaseStatus.AWAITING_PAYMENT
            booking = self._bookings.insert(
                session,
                offer=offer,
                client=buyer.client,
                starts_at=request.starts_at,
                ends_at=ends_at,
                blocked_until=blocked_until,
                status=BookingStatus.PENDING if pending else BookingStatus.CONFIRMED,
                purchase_id=purchase.id,
                bundle_id=None,
                created_by=buyer.staff_user,
                addon_lines=[(item, purchase.id) for item in items if item.kind is LineKind.ADDON],
            )
            if request.bypass_rules or request.price_override_minor is not None:
                overridden = request.price_override_minor is not None
                audit(
                    session,
                    when=now,
                    user=buyer.staff_user,
                    action="price_override" if overridden else "bypass_rules",
                    entity="booking",
                    entity_id=booking.id,
                    before={
                        "list_price_minor": prorate_minutes(
                            offer.service.hourly_rate_minor, cart.minutes
                        )
                    },
                    after={
                        "starts_at": request.starts_at,
                        "bypass_rules": request.bypass_rules,
                        "price_minor": items[0].unit_price_minor,
                    },
                    reason=request.bypass_reason,
                )
            dto = booking_records(session, [booking])[0]
            receipt = self._bookings.purchases.get_in_session(
                session, Principal.system(), purchase.id
            )
            return r.BookingResult(dto, receipt, buyer.signed_in)

    def buy_bundle(self, principal: Principal, request: BundlePurchaseRequest) -> r.BundleResult:
        with self._ctx.db.write() as session:
            buyer = self._checkout(
                session,
                principal,
                client_id=request.client_id,
                new_account=request.new_account,
                terms_accepted=request.terms_accepted,
                method=request.payment_method,
            )
            studio_row = studio(session)
            now = self._ctx.now()
            purchase = self._charge(
                session,
                buyer,
                items=[self.bundle_item(session, request.product_id, studio_row)],
                promo_code=request.promo_code,
                kind=PurchaseKind.BUNDLE,
                method=request.payment_method,
                supplied_at=now,
                studio_row=studio_row,
            )
            product = session.get(t.BundleProduct, request.product_id)
            assert product is not None
            bundle = create_bundle(
                session, now, buyer.client, product, purchase.id, buyer.staff_user, ""
            )
            receipt = self._bookings.purchases.get_in_session(
                session, Principal.system(), purchase.id
            )
            return r.BundleResult(bundle.id, receipt, buyer.signed_in)


@dataclass(frozen=True)
class _Buyer:
    client: t.User
    staff_user: t.User | None
    signed_in: r.SignedIn | None
    staff: bool


def create_bundle(
    session: Session,
    now: datetime,
    client: t.User,
    product: t.BundleProduct,
    purchase_id: int | None,
    issued_by: t.User | None,
    reason: str,
    sessions: int | None = None,
) -> t.Bundle:
    from datetime import timedelta

    total = sessions or product.sessions
    bundle = t.Bundle(
        client_id=client.id,
        product_id=product.id,
        name=product.name,
        sessions_total=total,
        sessions_remaining=total,
        session_minutes=product.session_minutes,
        purchased_at=now,
        expires_at=now + timedelta(days=product.validity_days) if product.validity_days else None,
        purchase_id=purchase_id,
        issued_by_id=issued_by.id if issued_by else None,
        issued_reason=reason,
    )
    session.add(bundle)
    session.flush()
    session.add(
        t.BundleLedger(
            bundle_id=bundle.id,
            at=now,
            kind="purchased" if purchase_id else "issued",
            change=total,
            remaining_after=total,
            note=reason,
        )
    )
    return bundle
