"""Prices, discounts and VAT of a cart, computed once and then stored as charged.

The documented rule (also in docs/money.md):
1. A line's list amount is unit price × quantity, in the studio's price mode: gross when
   the studio's prices include VAT, net otherwise.
2. A promo discount is taken from eligible lines: a percentage per line, rounded half up;
   a fixed amount capped at the eligible total and split over eligible lines in proportion
   to their amounts (largest remainder, so the parts add up exactly).
3. VAT per line, rounded half up: inclusive ``vat = amount × r / (1 + r)``, ``net = amount
   − vat``; exclusive ``vat = amount × r``, ``gross = amount + vat``.
4. Per-rate totals and the grand total are sums of the lines. So net + VAT = gross for every
   line and every rate, and the lines add up to the total, by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from podyx_desktop.domain.enums import LineKind, PromoKind
from podyx_desktop.domain.money import div_round_half_up
from podyx_desktop.domain.promo import PromoRule, ScopeKey

BASIS_POINTS = 10_000


@dataclass(frozen=True)
class CartItem:
    kind: LineKind
    ref_id: int
    description: str
    quantity: int
    unit_price_minor: int
    vat_rate_bp: int
    scope: frozenset[ScopeKey] = field(default_factory=frozenset)


@dataclass(frozen=True)
class PricedLine:
    kind: LineKind
    ref_id: int
    description: str
    quantity: int
    unit_price_minor: int
    list_minor: int
    discount_minor: int
    net_minor: int
    vat_rate_bp: int
    vat_minor: int
    gross_minor: int


@dataclass(frozen=True)
class VatTotal:
    rate_bp: int
    net_minor: int
    vat_minor: int
    gross_minor: int


@dataclass(frozen=True)
class PriceSummary:
    currency: str
    prices_include_vat: bool
    lines: tuple[PricedLine, ...]
    vat: tuple[VatTotal, ...]
    discount_minor: int
    net_minor: int
    vat_minor: int
    gross_minor: int
    promo_code: str | None = None


def vat_of_line(amount: int, rate_bp: int, prices_include_vat: bool) -> tuple[int, int, int]:
    """(net, vat, gross) of one line amount after discount."""
    if prices_include_vat:
        vat = div_round_half_up(amount * rate_bp, BASIS_POINTS + rate_bp)
        return amount - vat, vat, amount
    vat = div_round_half_up(amount * rate_bp, BASIS_POINTS)
    return amount, vat, amount + vat


def _discounts(items: Sequence[CartItem], promo: PromoRule | None) -> list[int]:
    amounts = [item.unit_price_minor * item.quantity for item in items]
    if promo is None:
        return [0] * len(items)
    eligible = [i for i, item in enumerate(items) if promo.covers(item.scope) and amounts[i] > 0]
    discounts = [0] * len(items)
    if promo.kind is PromoKind.PERCENT:
        rate = min(max(promo.value, 0), BASIS_POINTS)
        for i in eligible:
            discounts[i] = div_round_half_up(amounts[i] * rate, BASIS_POINTS)
        return discounts
    base = sum(amounts[i] for i in eligible)
    total = min(max(promo.value, 0), base)
    if total == 0:
        return discounts
    shares = [(amounts[i] * total) // base for i in eligible]
    remainders = sorted(
        range(len(eligible)),
        key=lambda k: (-((amounts[eligible[k]] * total) % base), k),
    )
    for k in remainders[: total - sum(shares)]:
        shares[k] += 1
    for k, i in enumerate(eligible):
        discounts[i] = shares[k]
    return discounts


def price_cart(
    items: Sequence[CartItem],
    *,
    currency: str,
    prices_include_vat: bool,
    promo: PromoRule | None = None,
) -> PriceSummary:
    """Price ``items`` with an already-accepted ``promo`` (see :func:`check_promo`)."""
    for item in items:
        if item.quantity <= 0:
            raise ValueError("quantities must be positive")
        if item.unit_price_minor < 0 or item.vat_rate_bp < 0:
            raise ValueError("prices and VAT rates cannot be negative")
    discounts = _discounts(items, promo)
    lines: list[PricedLine] = []
    per_rate: dict[int, list[int]] = {}
    for item, discount in zip(items, discounts, strict=True):
        list_minor = item.unit_price_minor * item.quantity
        net, vat, gross = vat_of_line(list_minor - discount, item.vat_rate_bp, prices_include_vat)
        lines.append(
            PricedLine(
                kind=item.kind,
                ref_id=item.ref_id,
                description=item.description,
                quantity=item.quantity,
                unit_price_minor=item.unit_price_minor,
                list_minor=list_minor,
                discount_minor=discount,
                net_minor=net,
                vat_rate_bp=item.vat_rate_bp,
                vat_minor=vat,
                gross_minor=gross,
            )
        )
        totals = per_rate.setdefault(item.vat_rate_bp, [0, 0, 0])
        totals[0] += net
        totals[1] += vat
        totals[2] += gross
    vat_totals = tuple(VatTotal(rate, t[0], t[1], t[2]) for rate, t in sorted(per_rate.items()))
    applied = promo is not None and any(discounts)
    return PriceSummary(
        currency=currency,
        prices_include_vat=prices_include_vat,
        lines=tuple(lines),
        vat=vat_totals,
        discount_minor=sum(discounts),
        net_minor=sum(v.net_minor for v in vat_totals),
        vat_minor=sum(v.vat_minor for v in vat_totals),
        gross_minor=sum(v.gross_minor for v in vat_totals),
        promo_code=promo.code if applied and promo is not None else None,
    )


def format_rate(rate_bp: int) -> str:
    """``2000`` → ``"20%"``, ``950`` → ``"9.5%"``."""
    whole, frac = divmod(rate_bp, 100)
    return f"{whole}%" if frac == 0 else f"{whole}.{frac:02d}".rstrip("0") + "%"
