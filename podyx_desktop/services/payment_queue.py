"""The queue of pending payments (staff only): every purchase awaiting payment — pay later,
bank transfer, a bundle bought by transfer — a page at a time, oldest first; the bulk
"mark these transfers received"; and withdrawing a bundle whose transfer never came.

The queue reads the partial index ``ix_purchases_pending`` (the purchases awaiting
payment, oldest first; migration 0008): its condition is written as the index's own
literal ``status = 'awaiting_payment'`` (a bound parameter would not let SQLite's planner
prove the partial index applies), so a page walks only pending purchases, in order
(bench/desk_exports.py measures it at a million bookings).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Select, literal_column, select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, PurchaseStatus, RefundTo
from podyx_desktop.domain.errors import Conflict, InvalidInput, PodyxError
from podyx_desktop.domain.message import m
from podyx_desktop.domain.paging import Page, PageRequest
from podyx_desktop.domain.payments import BulkPaymentOutcome, PaymentSort, PendingPayment
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services.context import ServiceContext, require_staff
from podyx_desktop.services.paging import Sort, keyset_page, sort_for, words_match
from podyx_desktop.services.purchases import PurchaseService, lock

PAYMENT_SORTS: dict[str, Sort] = {
    PaymentSort.CREATED_AT: Sort((t.Purchase.created_at.expression, t.Purchase.id.expression)),
    PaymentSort.AMOUNT: Sort((t.Purchase.gross_minor.expression, t.Purchase.id.expression)),
    PaymentSort.ID: Sort((t.Purchase.id.expression,)),
}
# the partial index's own condition, as a literal (see the module's docstring)
PENDING = t.Purchase.status == literal_column(f"'{PurchaseStatus.AWAITING_PAYMENT.value}'")
MAX_BULK = 500  # purchases in one "mark received"


class PaymentQueueService:
    """Staff-only: the pending payments and what the desk does with them."""

    def __init__(self, ctx: ServiceContext, purchases: PurchaseService) -> None:
        self._ctx = ctx
        self._purchases = purchases

    def page(self, principal: Principal, request: PageRequest) -> Page[PendingPayment]:
        """One page of the purchases awaiting payment; the search matches the client's name."""
        sort = sort_for(PAYMENT_SORTS, request)
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            query = cast(
                "Select[Any]",
                select(
                    t.Purchase.id,
                    t.Purchase.kind,
                    t.Purchase.created_at,
                    t.Purchase.client_id,
                    t.User.full_name,
                    t.Purchase.gross_minor,
                    t.Purchase.currency,
                    t.Purchase.method,
                )
                .join(t.User, t.User.id == t.Purchase.client_id)
                .where(PENDING),
            )
            search = words_match(t.User.full_name.expression, request.search)
            if search is not None:
                query = query.where(search)

            def to_rows(rows: Sequence[tuple[Any, ...]]) -> list[PendingPayment]:
                return _pending_rows(session, rows, self._ctx.now())

            return keyset_page(session, query, sort, request, to_rows)

    def count(self, principal: Principal) -> int:
        """How many purchases await payment (the place's heading)."""
        from sqlalchemy import func

        with self._ctx.db.read() as session:
            require_staff(session, principal)
            return session.scalar(select(func.count()).select_from(t.Purchase).where(PENDING)) or 0

    def mark_transfers_received(
        self, principal: Principal, purchase_ids: Sequence[int]
    ) -> BulkPaymentOutcome:
        """Record each purchase as paid by bank transfer, each in its own transaction.

        Each payment is ``purchases.record_payment``: the purchase row locked, its status
        checked after the lock, so a purchase approved on another seat meanwhile is left
        alone and reported in words while the others go on.
        """
        ids = list(dict.fromkeys(purchase_ids))  # in the desk's order, each once
        if not ids:
            raise InvalidInput(m("Select the transfers that were received."))
        if len(ids) > MAX_BULK:
            raise InvalidInput(m("Mark at most {max_bulk} transfers at a time.", max_bulk=MAX_BULK))
        with self._ctx.db.read() as session:
            require_staff(session, principal)
        marked: list[tuple[int, str]] = []
        refused: list[tuple[int, str]] = []
        elsewhere = 0
        for purchase_id in ids:
            try:
                paid = self._purchases.record_payment(
                    principal, purchase_id, PaymentMethod.BANK_TRANSFER
                )
            except PodyxError as error:
                refused.append((purchase_id, error.message))
                if isinstance(error, Conflict) and "already recorded" in error.message:
                    elsewhere += 1
                continue
            marked.append((purchase_id, paid.receipt_number or ""))
        return BulkPaymentOutcome(tuple(marked), tuple(refused), elsewhere)

    def withdraw(self, principal: Principal, purchase_id: int, reason: str) -> None:
        """Refuse a bundle (or add-ons) bought by transfer that never came: the purchase is
        withdrawn (no receipt was issued, so no credit note) and a bundle's sessions voided.

        A session's purchase is refused through its booking (``bookings.cancel``), which
        also frees the time; this refuses it in words.
        """
        reason = reason.strip()
        if not reason:
            raise InvalidInput(m("Give the client a reason for the refusal."), field="reason")
        with self._ctx.db.write() as session:
            user = require_staff(session, principal)
            row = lock(session, purchase_id)
            if row.kind == PurchaseKind.BOOKING.value:
                raise InvalidInput(m("Refuse a session's payment by refusing its booking."))
            if row.status == PurchaseStatus.PAID.value:
                raise Conflict(
                    m(
                        "This payment was already recorded (receipt {receipt_number}), "
                        "perhaps a moment ago on another seat.",
                        receipt_number=row.receipt_number,
                    )
                )
            if row.status != PurchaseStatus.AWAITING_PAYMENT.value:
                raise Conflict(m("This purchase is no longer awaiting payment."))
            self._purchases.refund_in_session(session, row, RefundTo.ORIGINAL_METHOD, user, reason)
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


def _pending_rows(
    session: Session, rows: Sequence[tuple[Any, ...]], now: Any
) -> list[PendingPayment]:
    """The page's rows with what each is for: its session, its bundle, or its first line."""
    ids = [row[0] for row in rows]
    if not ids:
        return []
    sessions: dict[int, tuple[int, Any, str]] = {}
    for purchase_id, booking_id, starts_at, service in session.execute(
        select(t.Booking.purchase_id, t.Booking.id, t.Booking.starts_at, t.Service.name)
        .join(t.Service, t.Service.id == t.Booking.service_id)
        .where(t.Booking.purchase_id.in_(ids))
    ):
        if purchase_id is not None:
            sessions[purchase_id] = (booking_id, starts_at, service)
    for purchase_id, booking_id, starts_at, service in session.execute(
        select(t.BookingAddon.purchase_id, t.Booking.id, t.Booking.starts_at, t.Service.name)
        .join(t.Booking, t.Booking.id == t.BookingAddon.booking_id)
        .join(t.Service, t.Service.id == t.Booking.service_id)
        .where(t.BookingAddon.purchase_id.in_(ids))
    ):
        if purchase_id is not None:
            sessions.setdefault(purchase_id, (booking_id, starts_at, service))
    bundles = {
        purchase_id: (bundle_id, name)
        for purchase_id, bundle_id, name in session.execute(
            select(t.Bundle.purchase_id, t.Bundle.id, t.Bundle.name).where(
                t.Bundle.purchase_id.in_(ids)
            )
        )
    }
    first_lines: dict[int, str] = {}
    for purchase_id, description in session.execute(
        select(t.PurchaseLine.purchase_id, t.PurchaseLine.description)
        .where(t.PurchaseLine.purchase_id.in_(ids))
        .order_by(t.PurchaseLine.purchase_id, t.PurchaseLine.position)
    ):
        first_lines.setdefault(purchase_id, description)
    found = []
    for purchase_id, kind, created_at, client_id, name, gross, currency, method in rows:
        booking = sessions.get(purchase_id)
        bundle = bundles.get(purchase_id)
        found.append(
            PendingPayment(
                purchase_id=purchase_id,
                kind=PurchaseKind(kind),
                created_at=created_at,
                as_of=now,
                client_id=client_id,
                client_name=name,
                gross_minor=gross,
                currency=currency,
                method=PaymentMethod(method),
                description=first_lines.get(purchase_id, ""),
                booking_id=booking[0] if booking else None,
                session_starts_at=booking[1] if booking else None,
                service_name=booking[2] if booking else "",
                bundle_id=bundle[0] if bundle else None,
                bundle_name=bundle[1] if bundle else "",
            )
        )
    return found
