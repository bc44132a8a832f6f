"""Bundles: prepaid sessions bought or issued, redeemed without payment, credited back.

Redeeming takes one credit with a single conditional ``UPDATE … WHERE remaining > 0``
inside the booking's transaction, and the table's CHECK keeps the balance from ever going
below zero, so concurrent redemptions of the last credit cannot both succeed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.availability import to_utc
from podyx_desktop.domain.enums import BookingStatus, PurchaseStatus
from podyx_desktop.domain.errors import InvalidInput, NoCreditLeft, NotFound, RuleViolation
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping, rules, waitlist_rules
from podyx_desktop.services.booking_records import booking_records
from podyx_desktop.services.bookings import BookingService
from podyx_desktop.services.checkout import create_bundle
from podyx_desktop.services.context import (
    ServiceContext,
    actor,
    audit,
    owned,
    require_client_access,
    require_staff,
    studio,
)

if TYPE_CHECKING:
    from podyx_desktop.domain.requests import RedeemRequest


class BundleService:
    def __init__(self, ctx: ServiceContext, bookings: BookingService) -> None:
        self._ctx = ctx
        self._bookings = bookings

    def records(self, session: Session, rows: list[t.Bundle]) -> list[r.Bundle]:
        if not rows:
            return []
        product_ids = {b.product_id for b in rows}
        setups: dict[int, list[int]] = {}
        for pid, sid in session.execute(
            select(t.BundleProductSetup.product_id, t.BundleProductSetup.setup_id).where(
                t.BundleProductSetup.product_id.in_(product_ids)
            )
        ):
            setups.setdefault(pid, []).append(sid)
        services: dict[int, list[int]] = {}
        for pid, sid in session.execute(
            select(t.BundleProductService.product_id, t.BundleProductService.service_id).where(
                t.BundleProductService.product_id.in_(product_ids)
            )
        ):
            services.setdefault(pid, []).append(sid)
        purchase_ids = {b.purchase_id for b in rows if b.purchase_id}
        statuses = (
            dict(
                session.execute(
                    select(t.Purchase.id, t.Purchase.status).where(t.Purchase.id.in_(purchase_ids))
                ).all()
            )
            if purchase_ids
            else {}
        )
        now = self._ctx.now()
        return [
            mapping.bundle(
                b,
                now,
                setups.get(b.product_id, []),
                services.get(b.product_id, []),
                statuses.get(b.purchase_id) if b.purchase_id else None,
            )
            for b in rows
        ]

    def list_for_client(self, principal: Principal, client_id: int) -> list[r.Bundle]:
        """All of a client's bundles; the view groups them as active, expired, used up."""
        with self._ctx.db.read() as session:
            require_client_access(session, principal, client_id)
            rows = session.scalars(
                select(t.Bundle)
                .where(t.Bundle.client_id == client_id)
                .order_by(t.Bundle.purchased_at.desc(), t.Bundle.id.desc())
            ).all()
            return self.records(session, list(rows))

    def get(self, principal: Principal, bundle_id: int) -> r.Bundle:
        with self._ctx.db.read() as session:
            row = self._load(session, principal, bundle_id)
            return self.records(session, [row])[0]

    def _load(self, session: Session, principal: Principal, bundle_id: int) -> t.Bundle:
        row = session.get(t.Bundle, bundle_id)
        if row is None:
            raise NotFound(m("That bundle does not exist."))
        owned(session, principal, row.client_id, "bundle")
        return row

    def issue(
        self,
        principal: Principal,
        client_id: int,
        product_id: int,
        reason: str,
        sessions: int | None = None,
    ) -> r.Bundle:
        """Staff issue a bundle without payment (goodwill, a deal made in person); audited."""
        if not reason.strip():
            raise InvalidInput(
                m("Give a reason for issuing the bundle; it goes into the audit log."),
                field="reason",
            )
        if sessions is not None and not 1 <= sessions <= 1000:
            raise InvalidInput(m("Issue between 1 and 1000 sessions."), field="sessions")
        with self._ctx.db.write() as session:
            user = require_staff(session, principal)
            client = require_client_access(session, principal, client_id)
            product = session.get(t.BundleProduct, product_id)
            if product is None:
                raise NotFound(m("That bundle product does not exist."))
            bundle = create_bundle(
                session, self._ctx.now(), client, product, None, user, reason.strip(), sessions
            )
            audit(
                session,
                when=self._ctx.now(),
                user=user,
                action="issue_bundle",
                entity="bundle",
                entity_id=bundle.id,
                after={
                    "client_id": client.id,
                    "product": product.name,
                    "sessions": bundle.sessions_total,
                },
                reason=reason.strip(),
            )
            return self.records(session, [bundle])[0]

    def redeem(self, principal: Principal, request: RedeemRequest) -> r.BookingResult:
        """Book one session of a bundle: no payment, one credit taken in the same transaction.

        Staff may book it outside the studio's rules (lead time, opening hours, the grid)
        with a reason, kept in the audit log; never over another booking.
        """
        request = replace(request, starts_at=to_utc(request.starts_at))
        reason = request.bypass_reason.strip()
        if request.bypass_rules and not reason:
            raise InvalidInput(
                m(
                    "Say why this booking is outside the studio's rules; the reason is kept in "
                    "the audit log."
                ),
                field="bypass_reason",
            )
        with self._ctx.db.write() as session:
            if request.bypass_rules:
                require_staff(session, principal)
            bundle = self._load(session, principal, request.bundle_id)
            user = actor(session, principal)
            client = session.get(t.User, bundle.client_id)
            assert client is not None
            now = self._ctx.now()
            if bundle.expires_at is not None and bundle.expires_at <= now:
                raise RuleViolation(
                    m("This bundle has expired; its sessions can no longer be booked.")
                )
            if bundle.purchase_id is not None:
                status = session.scalar(
                    select(t.Purchase.status).where(t.Purchase.id == bundle.purchase_id)
                )
                if status == PurchaseStatus.AWAITING_PAYMENT:
                    raise RuleViolation(
                        m(
                            "This bundle is awaiting payment; it can be used once the studio "
                            "has recorded the payment."
                        )
                    )
            product_setups = set(
                session.scalars(
                    select(t.BundleProductSetup.setup_id).where(
                        t.BundleProductSetup.product_id == bundle.product_id
                    )
                )
            )
            product_services = set(
                session.scalars(
                    select(t.BundleProductService.service_id).where(
                        t.BundleProductService.product_id == bundle.product_id
                    )
                )
            )
            if product_setups and request.setup_id not in product_setups:
                raise InvalidInput(
                    m("This bundle cannot be used on that setup. Pick one of the setups it covers.")
                )
            service_id = request.service_id or self._eligible_service(
                session, request.setup_id, product_services
            )
            if product_services and service_id not in product_services:
                raise InvalidInput(m("This bundle does not cover that service."))
            offer = rules.load_offer(session, studio(session), request.setup_id, service_id)
            staff = principal.is_staff
            waitlist_rules.check_claim(
                session,
                offer,
                request.starts_at,
                bundle.session_minutes,
                now,
                client_id=client.id,
                bypass_rules=request.bypass_rules,
            )
            ends_at, blocked_until = rules.claim_time(
                session,
                offer,
                request.starts_at,
                bundle.session_minutes,
                now,
                bypass_rules=request.bypass_rules,
            )
            taken = session.execute(
                update(t.Bundle)
                .where(t.Bundle.id == bundle.id, t.Bundle.sessions_remaining > 0)
                .values(sessions_remaining=t.Bundle.sessions_remaining - 1)
                .returning(t.Bundle.sessions_remaining)
            ).scalar_one_or_none()
            if taken is None:
                raise NoCreditLeft(
                    m("This bundle has no sessions left. Buy another bundle or book and pay.")
                )
            booking = self._bookings.insert(
                session,
                offer=offer,
                client=client,
                starts_at=request.starts_at,
                ends_at=ends_at,
                blocked_until=blocked_until,
                status=BookingStatus.CONFIRMED,
                purchase_id=None,
                bundle_id=bundle.id,
                created_by=user if staff else None,
            )
            session.add(
                t.BundleLedger(
                    bundle_id=bundle.id,
                    at=now,
                    kind="redeemed",
                    booking_id=booking.id,
                    change=-1,
                    remaining_after=taken,
                )
            )
            if request.bypass_rules:
                audit(
                    session,
                    when=now,
                    user=user,
                    action="bypass_rules",
                    entity="booking",
                    entity_id=booking.id,
                    after={
                        "starts_at": request.starts_at,
                        "bypass_rules": True,
                        "bundle_id": bundle.id,
                    },
                    reason=reason,
                )
            session.expire(bundle)
            return r.BookingResult(booking_records(session, [booking])[0], None, None)

    @staticmethod
    def _eligible_service(session: Session, setup_id: int, allowed: set[int]) -> int:
        offered = list(
            session.scalars(
                select(t.ServiceSetup.service_id)
                .where(t.ServiceSetup.setup_id == setup_id)
                .order_by(t.ServiceSetup.service_id)
            )
        )
        for service_id in offered:
            if not allowed or service_id in allowed:
                return service_id
        raise InvalidInput(m("No service on that setup is covered by this bundle."))

    def ledger(self, principal: Principal, bundle_id: int) -> list[r.BundleLedgerEntry]:
        with self._ctx.db.read() as session:
            row = self._load(session, principal, bundle_id)
            return self.ledger_in_session(session, row)

    def ledger_in_session(self, session: Session, row: t.Bundle) -> list[r.BundleLedgerEntry]:
        query = (
            select(t.BundleLedger, t.Booking.starts_at)
            .outerjoin(t.Booking, t.Booking.id == t.BundleLedger.booking_id)
            .where(t.BundleLedger.bundle_id == row.id)
            .order_by(t.BundleLedger.at, t.BundleLedger.id)
        )
        return [
            r.BundleLedgerEntry(
                e.at, e.kind, e.booking_id, starts, e.change, e.remaining_after, e.note
            )
            for e, starts in session.execute(query)
        ]
