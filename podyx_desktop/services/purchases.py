"""Purchases: what was charged, stored once; receipt numbers; payments; refunds.

A purchase stores its lines, VAT per rate and totals exactly as priced at checkout and
never recomputes them. Receipt numbers come from a counter row per series and year,
incremented inside the purchase's own transaction: a rollback un-issues the number, so the
series has no gaps, and concurrent purchases queue on the counter row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import (
    PaymentMethod,
    PurchaseKind,
    PurchaseStatus,
    RefundTo,
    Role,
    SeriesKind,
)
from podyx_desktop.domain.errors import (
    Conflict,
    InvalidInput,
    NoCreditLeft,
    NotFound,
    PaymentRequired,
)
from podyx_desktop.domain.message import m
from podyx_desktop.domain.pricing import PriceSummary
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping, purchase_records, refunds, repricing
from podyx_desktop.services.context import (
    ServiceContext,
    audit,
    owned,
    require_client_access,
    require_role,
    require_staff,
    studio,
)
from podyx_desktop.services.numbers import issue_number

PAID_NOW = (PaymentMethod.CARD_AT_DESK, PaymentMethod.CASH, PaymentMethod.STORE_CREDIT)


def spend_store_credit(session: Session, client_id: int, amount: int) -> None:
    """Take ``amount`` from the client's store credit, atomically, or refuse."""
    if amount <= 0:
        return
    result = session.execute(
        update(t.User)
        .where(t.User.id == client_id, t.User.store_credit_minor >= amount)
        .values(store_credit_minor=t.User.store_credit_minor - amount)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise NoCreditLeft(
            m("Your store credit does not cover this. Choose another payment method.")
        )


def lock(session: Session, purchase_id: int) -> t.Purchase:
    """The purchase, locked until the transaction ends, for a change that rests on its status.

    PostgreSQL: ``SELECT … FOR UPDATE`` makes a second seat wait, then read the status the
    first one committed (paid, refunded, withdrawn) and refuse; SQLite's ``BEGIN IMMEDIATE``
    already makes writers take turns. ``populate_existing``: a copy loaded earlier in the
    session would otherwise hide the status the lock read.
    """
    row = session.get(t.Purchase, purchase_id, with_for_update=True, populate_existing=True)
    if row is None:
        raise NotFound(m("That purchase does not exist."))
    return row


class PurchaseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- writing, inside another service's transaction -------------------------------

    def record(
        self,
        session: Session,
        *,
        client: t.User,
        kind: PurchaseKind,
        summary: PriceSummary,
        method: PaymentMethod,
        created_by: t.User | None,
        promo_id: int | None = None,
        supplied_at: datetime | None = None,
        note: str = "",
    ) -> t.Purchase:
        """Store a priced cart as a purchase; pay it now or leave it awaiting payment."""
        now = self._ctx.now()
        studio_row = studio(session)
        if method is PaymentMethod.BUNDLE_CREDIT:
            raise InvalidInput(m("Bundle credit pays for sessions, not for purchases."))
        paid = method in PAID_NOW or (summary.gross_minor == 0)
        if method is PaymentMethod.STORE_CREDIT:
            spend_store_credit(session, client.id, summary.gross_minor)
        purchase = t.Purchase(
            client_id=client.id,
            kind=kind.value,
            status=(PurchaseStatus.PAID if paid else PurchaseStatus.AWAITING_PAYMENT).value,
            created_at=now,
            paid_at=now if paid else None,
            currency=summary.currency,
            prices_include_vat=summary.prices_include_vat,
            method=method.value,
            net_minor=summary.net_minor,
            vat_minor=summary.vat_minor,
            gross_minor=summary.gross_minor,
            discount_minor=summary.discount_minor,
            promo_id=promo_id if summary.promo_code else None,
            promo_code=summary.promo_code,
            created_by_id=created_by.id if created_by else None,
            note=note,
            buyer_name=client.full_name,
            buyer_email=client.email,
            buyer_phone=client.phone,
            buyer_company=client.company,
            buyer_vat_id=client.vat_id,
            buyer_address=mapping.address_text(mapping.address_of(client)),
            seller_name=studio_row.name,
            seller_vat_number=studio_row.vat_number,
            seller_address=mapping.address_text(mapping.address_of(studio_row)),
            seller_registration_number=studio_row.registration_number,
            seller_bank_details=studio_row.bank_details,
        )
        for position, line in enumerate(summary.lines):
            purchase.lines.append(
                t.PurchaseLine(
                    position=position,
                    kind=line.kind.value,
                    ref_id=line.ref_id,
                    description=line.description,
                    quantity=line.quantity,
                    unit_price_minor=line.unit_price_minor,
                    discount_minor=line.discount_minor,
                    net_minor=line.net_minor,
                    vat_rate_bp=line.vat_rate_bp,
                    vat_minor=line.vat_minor,
                    gross_minor=line.gross_minor,
                    supplied_at=supplied_at,
                )
            )
        for vat in summary.vat:
            purchase.vat_rates.append(
                t.PurchaseVat(
                    rate_bp=vat.rate_bp,
                    net_minor=vat.net_minor,
                    vat_minor=vat.vat_minor,
                    gross_minor=vat.gross_minor,
                )
            )
        if paid:
            purchase.series_id, purchase.receipt_number = issue_number(
                session, SeriesKind.RECEIPT, now, studio_row.time_zone
            )
        session.add(purchase)
        session.flush()
        return purchase

    def refund_in_session(
        self,
        session: Session,
        purchase: t.Purchase,
        to: RefundTo,
        actor_user: t.User | None,
        reason: str,
        amount_minor: int | None = None,
    ) -> t.Purchase | None:
        """Refund a paid purchase (or part of it) with a credit note; withdraw an unpaid
        one. Audited. See :func:`podyx_desktop.services.refunds.refund_in_session`."""
        return refunds.refund_in_session(
            session, self._ctx.now(), purchase, to, actor_user, reason, amount_minor
        )

    def mark_paid_in_session(
        self,
        session: Session,
        purchase: t.Purchase,
        method: PaymentMethod,
        actor_user: t.User | None,
    ) -> None:
        """Record the payment of a purchase the caller has locked (see :func:`lock`)."""
        if purchase.status == PurchaseStatus.PAID:
            raise Conflict(
                m(
                    "This payment was already recorded on another seat (receipt {receipt_number}).",
                    receipt_number=purchase.receipt_number,
                )
            )
        if purchase.status == PurchaseStatus.REFUNDED:
            raise Conflict(
                m(
                    "This purchase was already paid (receipt {receipt_number}) and refunded.",
                    receipt_number=purchase.receipt_number,
                )
            )
        if purchase.status == PurchaseStatus.VOID:
            raise Conflict(m("This purchase was withdrawn; there is nothing to pay."))
        if purchase.status != PurchaseStatus.AWAITING_PAYMENT:
            raise Conflict(m("That purchase is not awaiting payment."))
        if method not in (
            PaymentMethod.CARD_AT_DESK,
            PaymentMethod.CASH,
            PaymentMethod.BANK_TRANSFER,
            PaymentMethod.STORE_CREDIT,
        ):
            raise InvalidInput(m("Record a payment by card, cash, bank transfer or store credit."))
        now = self._ctx.now()
        if method is PaymentMethod.STORE_CREDIT:
            spend_store_credit(session, purchase.client_id, purchase.gross_minor)
        purchase.status = PurchaseStatus.PAID.value
        purchase.method = method.value
        purchase.paid_at = now
        purchase.series_id, purchase.receipt_number = issue_number(
            session, SeriesKind.RECEIPT, now, studio(session).time_zone
        )
        audit(
            session,
            when=now,
            user=actor_user,
            action="record_payment",
            entity="purchase",
            entity_id=purchase.id,
            before={"status": "awaiting_payment"},
            after={"status": "paid", "method": method.value, "receipt": purchase.receipt_number},
        )

    # --- the purchases tab and staff actions ----------------------------------------

    def list_for_client(
        self, principal: Principal, client_id: int, *, limit: int = 100
    ) -> list[r.Purchase]:
        """A client's payments and refunds, newest first (the latest ``limit``)."""
        with self._ctx.db.read() as session:
            require_client_access(session, principal, client_id)
            return purchase_records.client_purchases(session, client_id, limit)

    def get(self, principal: Principal, purchase_id: int) -> r.Purchase:
        with self._ctx.db.read() as session:
            return self.get_in_session(session, principal, purchase_id)

    def get_in_session(
        self, session: Session, principal: Principal, purchase_id: int
    ) -> r.Purchase:
        row = session.get(t.Purchase, purchase_id)
        if row is None:
            raise NotFound(m("That purchase does not exist."))
        owned(session, principal, row.client_id, "purchase")
        return purchase_records.purchases(session, [row])[0]

    def refund(
        self,
        principal: Principal,
        purchase_id: int,
        to: RefundTo,
        reason: str,
        amount_minor: int | None = None,
    ) -> r.Purchase | None:
        """Managers and owners refund a purchase, or part of it (``amount_minor``; None:
        all that is left): a credit note to the original method or store credit."""
        if not reason.strip():
            raise InvalidInput(
                m("Give a reason for the refund; it goes into the audit log."), field="reason"
            )
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = lock(session, purchase_id)
            credit = self.refund_in_session(session, row, to, user, reason.strip(), amount_minor)
            if row.status == PurchaseStatus.REFUNDED:  # nothing left: a bundle's sessions go
                self._after_refund(session, row, user, reason.strip())
            return purchase_records.purchases(session, [credit])[0] if credit else None

    def _after_refund(
        self, session: Session, row: t.Purchase, user: t.User | None, reason: str
    ) -> None:
        """A refunded bundle purchase voids the bundle's unused sessions."""
        # Locked: a redemption or a returned credit on another seat either lands before
        # the balance is read here, or waits and then finds nothing left.
        bundle = session.scalar(
            select(t.Bundle)
            .where(t.Bundle.purchase_id == row.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        if bundle is not None and bundle.sessions_remaining > 0:
            session.add(
                t.BundleLedger(
                    bundle_id=bundle.id,
                    at=self._ctx.now(),
                    kind="refunded",
                    change=-bundle.sessions_remaining,
                    remaining_after=0,
                    note=reason,
                )
            )
            bundle.sessions_remaining = 0

    def record_payment(
        self, principal: Principal, purchase_id: int, method: PaymentMethod
    ) -> r.Purchase:
        """Staff record the payment of a pending purchase; a pending booking is confirmed."""
        with self._ctx.db.write() as session:
            user = require_staff(session, principal)
            # The booking first, then the purchase: the order a cancellation takes them in
            # (bookings.cancel), so a payment and a refusal of one booking never deadlock.
            booking = session.scalar(
                select(t.Booking)
                .where(t.Booking.purchase_id == purchase_id)
                .with_for_update()
                .execution_options(populate_existing=True)
            )
            row = lock(session, purchase_id)
            self.mark_paid_in_session(session, row, method, user)
            if booking is not None and booking.status == "pending":
                booking.status = "confirmed"
                booking.updated_at = self._ctx.now()
                session.add(
                    t.BookingEvent(
                        booking_id=booking.id,
                        at=self._ctx.now(),
                        actor_id=user.id if user else None,
                        kind="confirmed",
                        detail=m("Payment recorded: {method}", method=method.label),
                    )
                )
            return purchase_records.purchases(session, [row])[0]

    def override_price(
        self, principal: Principal, purchase_id: int, new_total_minor: int, reason: str
    ) -> r.Purchase:
        """Managers and owners change the price of a purchase still awaiting payment.

        The new total is what the client will pay (gross); the lines, VAT and totals are
        made again (``repricing.reprice``). The purchase row is locked first, so one of two
        seats changing it at once decides and the other reads what it wrote; a purchase
        already paid, refunded or withdrawn is refused in words. The audit entry keeps the
        price before and after, and the purchase's note says what happened.
        """
        if new_total_minor < 0:
            raise InvalidInput(m("A price cannot be negative."), field="price")
        if not reason.strip():
            raise InvalidInput(
                m("Give a reason for the new price; it goes into the audit log."), field="reason"
            )
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            # The booking first, then the purchase: the order record_payment and a
            # cancellation take them in, so the three never deadlock.
            booking = session.scalar(
                select(t.Booking)
                .where(t.Booking.purchase_id == purchase_id)
                .with_for_update()
                .execution_options(populate_existing=True)
            )
            row = lock(session, purchase_id)
            if row.status == PurchaseStatus.PAID:
                raise Conflict(
                    m(
                        "This purchase was already paid (receipt {receipt_number}); its price "
                        "cannot change. Refund it instead.",
                        receipt_number=row.receipt_number,
                    )
                )
            if row.status == PurchaseStatus.REFUNDED:
                raise Conflict(m("This purchase was paid and refunded; its price cannot change."))
            if row.status == PurchaseStatus.VOID:
                raise Conflict(m("This purchase was withdrawn; its price cannot change."))
            if row.status != PurchaseStatus.AWAITING_PAYMENT:
                raise Conflict(m("Only a purchase awaiting payment can get a new price."))
            if new_total_minor == row.gross_minor:
                raise InvalidInput(m("That is already the price."), field="price")
            before = {
                "gross_minor": row.gross_minor,
                "net_minor": row.net_minor,
                "vat_minor": row.vat_minor,
                "discount_minor": row.discount_minor,
            }
            old_gross = row.gross_minor
            repricing.reprice(row, new_total_minor)
            now = self._ctx.now()
            line = (
                f"{now.date().isoformat()}: price changed from {old_gross} to "
                f"{new_total_minor} ({row.currency} minor units): {reason.strip()}"
            )
            row.note = f"{row.note}\n{line}".strip()
            if booking is not None:
                session.add(
                    t.BookingEvent(
                        booking_id=booking.id,
                        at=now,
                        actor_id=user.id if user else None,
                        kind="price_overridden",
                        detail=reason.strip(),
                    )
                )
            session.flush()
            audit(
                session,
                when=now,
                user=user,
                action="price_override",
                entity="purchase",
                entity_id=row.id,
                before=before,
                after={
                    "gross_minor": row.gross_minor,
                    "net_minor": row.net_minor,
                    "vat_minor": row.vat_minor,
                    "discount_minor": row.discount_minor,
                },
                reason=reason.strip(),
            )
            return purchase_records.purchases(session, [row])[0]

    def add_store_credit(
        self, principal: Principal, client_id: int, amount_minor: int, reason: str
    ) -> r.Account:
        """A manager grants store credit (goodwill); audited."""
        if amount_minor <= 0 or not reason.strip():
            raise InvalidInput(m("Give a positive amount and a reason."))
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            client = require_client_access(session, principal, client_id)
            # Added in SQL, not written back from the balance read above: two grants at one
            # moment must both count. RETURNING gives the balance this grant produced.
            after = session.execute(
                update(t.User)
                .where(t.User.id == client.id)
                .values(store_credit_minor=t.User.store_credit_minor + amount_minor)
                .returning(t.User.store_credit_minor)
                .execution_options(synchronize_session=False)
            ).scalar_one()
            session.expire(client, ["store_credit_minor"])
            before = after - amount_minor
            audit(
                session,
                when=self._ctx.now(),
                user=user,
                action="grant_store_credit",
                entity="user",
                entity_id=client.id,
                before={"store_credit_minor": before},
                after={"store_credit_minor": after},
                reason=reason,
            )
            return mapping.account(client)

    def require_payable(self, method: PaymentMethod, staff: bool) -> None:
        if not staff and method in (PaymentMethod.CARD_AT_DESK, PaymentMethod.CASH):
            raise PaymentRequired(
                m(
                    "Card and cash payments are taken at the studio's front desk. Choose pay "
                    "later, bank transfer or store credit."
                )
            )
