"""Refunds: a credit note for a paid purchase, or for part of it; an unpaid purchase
withdrawn. Called on a locked purchase row (``PurchaseService.refund``, a late
cancellation's refund), so what is left to refund is read and changed exactly once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import (
    LineKind,
    PaymentMethod,
    PurchaseKind,
    PurchaseStatus,
    RefundTo,
    SeriesKind,
)
from podyx_desktop.domain.errors import Conflict, InvalidInput
from podyx_desktop.domain.message import m
from podyx_desktop.domain.money import div_round_half_up
from podyx_desktop.domain.pricing import BASIS_POINTS
from podyx_desktop.domain.vocabulary import money_text
from podyx_desktop.services.context import audit, studio
from podyx_desktop.services.numbers import issue_number


def refund_in_session(
    session: Session,
    now: datetime,
    purchase: t.Purchase,
    to: RefundTo,
    actor_user: t.User | None,
    reason: str,
    amount_minor: int | None = None,
) -> t.Purchase | None:
    """Refund a paid purchase with a credit note; withdraw an unpaid one. Audited.

    ``amount_minor`` (a positive amount) refunds part of it: at most what is left (its
    gross less its earlier credit notes, read on the locked row). The purchase stays
    paid until nothing is left, then it is refunded. None refunds all that is left.
    """
    if purchase.kind == PurchaseKind.CREDIT_NOTE:
        raise InvalidInput(m("A credit note cannot be refunded."))
    if purchase.status == PurchaseStatus.REFUNDED:
        raise Conflict(
            m(
                "Receipt {receipt_number} was already refunded, perhaps a moment ago "
                "on another seat.",
                receipt_number=purchase.receipt_number,
            )
        )
    if purchase.status == PurchaseStatus.VOID:
        raise Conflict(m("That purchase was withdrawn; there is nothing to refund."))
    if purchase.status == PurchaseStatus.AWAITING_PAYMENT:
        purchase.status = PurchaseStatus.VOID.value
        audit(
            session,
            when=now,
            user=actor_user,
            action="void_purchase",
            entity="purchase",
            entity_id=purchase.id,
            before={"status": "awaiting_payment"},
            after={"status": "void"},
            reason=reason,
        )
        return None
    studio_row = studio(session)
    left = purchase.gross_minor + _credited(session, purchase.id)
    amount = left if amount_minor is None else amount_minor
    if amount <= 0:
        raise InvalidInput(m("Give a positive amount to refund."), field="amount")
    if amount > left:
        shown = money_text(left, purchase.currency, studio_row.locale)
        raise InvalidInput(
            m(
                "At most {shown} is left to refund on receipt {receipt_number}; "
                "refund that much or less.",
                shown=shown,
                receipt_number=purchase.receipt_number,
            ),
            field="amount",
        )
    whole = amount == purchase.gross_minor
    method = purchase.method
    if to is RefundTo.STORE_CREDIT or method == PaymentMethod.STORE_CREDIT:
        method = PaymentMethod.STORE_CREDIT.value
    credit = t.Purchase(
        client_id=purchase.client_id,
        kind=PurchaseKind.CREDIT_NOTE.value,
        status=PurchaseStatus.PAID.value,
        created_at=now,
        paid_at=now,
        currency=purchase.currency,
        prices_include_vat=purchase.prices_include_vat,
        method=method,
        net_minor=-purchase.net_minor,
        vat_minor=-purchase.vat_minor,
        gross_minor=-purchase.gross_minor,
        discount_minor=-purchase.discount_minor if whole else 0,
        promo_id=None,
        promo_code=purchase.promo_code,
        refund_of_id=purchase.id,
        created_by_id=actor_user.id if actor_user else None,
        note=reason,
        buyer_name=purchase.buyer_name,
        buyer_email=purchase.buyer_email,
        buyer_phone=purchase.buyer_phone,
        buyer_company=purchase.buyer_company,
        buyer_vat_id=purchase.buyer_vat_id,
        buyer_address=purchase.buyer_address,
        seller_name=purchase.seller_name,
        seller_vat_number=purchase.seller_vat_number,
        seller_address=purchase.seller_address,
        seller_registration_number=purchase.seller_registration_number,
        seller_bank_details=purchase.seller_bank_details,
    )
    if whole:
        _mirror(purchase, credit)
    else:
        _part(purchase, credit, amount)
    credit.series_id, credit.receipt_number = issue_number(
        session, SeriesKind.CREDIT_NOTE, now, studio_row.time_zone
    )
    if amount == left:
        purchase.status = PurchaseStatus.REFUNDED.value
    if method == PaymentMethod.STORE_CREDIT:
        session.execute(
            update(t.User)
            .where(t.User.id == purchase.client_id)
            .values(store_credit_minor=t.User.store_credit_minor + amount)
        )
    session.add(credit)
    session.flush()
    audit(
        session,
        when=now,
        user=actor_user,
        action="refund",
        entity="purchase",
        entity_id=purchase.id,
        before={"status": "paid", "receipt": purchase.receipt_number, "left_minor": left},
        after={
            "status": purchase.status,
            "credit_note": credit.receipt_number,
            "to": method,
            "amount_minor": amount,
            "left_minor": left - amount,
        },
        reason=reason,
    )
    return credit


def _credited(session: Session, purchase_id: int) -> int:
    """The (negative) sum of the credit notes already issued against a purchase."""
    total = session.scalar(
        select(func.coalesce(func.sum(t.Purchase.gross_minor), 0)).where(
            t.Purchase.refund_of_id == purchase_id,
            t.Purchase.kind == PurchaseKind.CREDIT_NOTE.value,
        )
    )
    return int(total or 0)


def _part(purchase: t.Purchase, credit: t.Purchase, amount: int) -> None:
    """A credit note for part of a purchase: ``amount`` shared over its VAT rates in
    proportion to their gross (largest remainder, so the parts add up to the cent),
    one line per rate, each rate's VAT taken out of its part as prices with VAT do."""
    rates = sorted(purchase.vat_rates, key=lambda v: v.rate_bp)
    total = sum(v.gross_minor for v in rates) or 1
    shares = [amount * v.gross_minor // total for v in rates]
    order = sorted(
        range(len(rates)),
        key=lambda i: (-(amount * rates[i].gross_minor % total), rates[i].rate_bp),
    )
    for i in order[: amount - sum(shares)]:
        shares[i] += 1
    net_sum = vat_sum = 0
    for position, (rate, part) in enumerate(zip(rates, shares, strict=True), start=1):
        if part == 0:
            continue
        vat = div_round_half_up(part * rate.rate_bp, BASIS_POINTS + rate.rate_bp)
        line = next((li for li in purchase.lines if li.vat_rate_bp == rate.rate_bp), None)
        credit.lines.append(
            t.PurchaseLine(
                position=position,
                kind=line.kind if line is not None else LineKind.SERVICE.value,
                ref_id=line.ref_id if line is not None else 0,
                description=m("Partial refund of receipt {number}", number=purchase.receipt_number),
                quantity=1,
                unit_price_minor=part,
                discount_minor=0,
                net_minor=-(part - vat),
                vat_rate_bp=rate.rate_bp,
                vat_minor=-vat,
                gross_minor=-part,
                supplied_at=line.supplied_at if line is not None else None,
            )
        )
        credit.vat_rates.append(
            t.PurchaseVat(
                rate_bp=rate.rate_bp, net_minor=-(part - vat), vat_minor=-vat, gross_minor=-part
            )
        )
        net_sum += part - vat
        vat_sum += vat
    credit.net_minor, credit.vat_minor, credit.gross_minor = -net_sum, -vat_sum, -amount


def _mirror(purchase: t.Purchase, credit: t.Purchase) -> None:
    """A credit note for the whole purchase: every line and VAT row negated."""
    for line in purchase.lines:
        credit.lines.append(
            t.PurchaseLine(
                position=line.position,
                kind=line.kind,
                ref_id=line.ref_id,
                description=line.description,
                quantity=line.quantity,
                unit_price_minor=line.unit_price_minor,
                discount_minor=-line.discount_minor,
                net_minor=-line.net_minor,
                vat_rate_bp=line.vat_rate_bp,
                vat_minor=-line.vat_minor,
                gross_minor=-line.gross_minor,
                supplied_at=line.supplied_at,
            )
        )
    for vat in purchase.vat_rates:
        credit.vat_rates.append(
            t.PurchaseVat(
                rate_bp=vat.rate_bp,
                net_minor=-vat.net_minor,
                vat_minor=-vat.vat_minor,
                gross_minor=-vat.gross_minor,
            )
        )
