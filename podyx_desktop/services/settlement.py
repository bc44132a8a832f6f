"""What cancelling a booking settles: the bundle credit it used and the purchases that paid
for it (refunded, or withdrawn when unpaid), inside the cancellation's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import PurchaseStatus, RefundTo
from podyx_desktop.domain.message import m

if TYPE_CHECKING:
    from podyx_desktop.services.purchases import PurchaseService


def return_credit(session: Session, row: t.Booking, give: bool, now: datetime) -> None:
    assert row.bundle_id is not None
    # One statement adds the credit and says what the balance became: a value read
    # earlier could be stale by the time it is written back (another seat redeeming
    # or canceling against the same bundle), and the bound keeps a full bundle full.
    returned = (
        session.execute(
            update(t.Bundle)
            .where(
                t.Bundle.id == row.bundle_id,
                t.Bundle.sessions_remaining < t.Bundle.sessions_total,
            )
            .values(sessions_remaining=t.Bundle.sessions_remaining + 1)
            .returning(t.Bundle.sessions_remaining)
            .execution_options(synchronize_session=False)
        ).scalar_one_or_none()
        if give
        else None
    )
    if returned is not None:
        session.add(
            t.BundleLedger(
                bundle_id=row.bundle_id,
                at=now,
                kind="credit_returned",
                booking_id=row.id,
                change=1,
                remaining_after=returned,
            )
        )
    else:
        remaining = session.scalar(
            select(t.Bundle.sessions_remaining).where(t.Bundle.id == row.bundle_id)
        )
        session.add(
            t.BundleLedger(
                bundle_id=row.bundle_id,
                at=now,
                kind="credit_kept",
                booking_id=row.id,
                change=0,
                remaining_after=remaining or 0,
                note=m("Canceled after the cutoff"),
            )
        )
    # a Bundle loaded earlier in this session must not show the old balance
    loaded = session.identity_map.get(session.identity_key(t.Bundle, row.bundle_id))
    if loaded is not None:
        session.expire(loaded, ["sessions_remaining"])


def settle_purchases(
    purchases: PurchaseService,
    session: Session,
    row: t.Booking,
    refund_to: RefundTo | None,
    user: t.User | None,
    reason: str,
) -> None:
    ids = {row.purchase_id} | {a.purchase_id for a in row.addons}
    # Locked, in id order (as every seat takes them): a refund or a payment recorded
    # for one of these purchases on another seat is either done before this looks at
    # its status, or waits until this cancellation is committed.
    for purchase in session.scalars(
        select(t.Purchase)
        .where(t.Purchase.id.in_(ids - {None}))
        .order_by(t.Purchase.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all():
        if purchase.status == PurchaseStatus.AWAITING_PAYMENT:
            purchases.refund_in_session(session, purchase, RefundTo.ORIGINAL_METHOD, user, reason)
        elif (
            purchase.status == PurchaseStatus.PAID
            and refund_to is not None
            and purchase.gross_minor > 0
        ):
            purchases.refund_in_session(session, purchase, refund_to, user, reason)
