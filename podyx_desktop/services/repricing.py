"""A manager's new price for an unpaid purchase: its lines, VAT and totals made again.

The new total is the gross the client will pay. It is shared over the lines in
proportion to what each line cost before (largest remainder, so the shares add up to the
total exactly); each line's VAT is taken out of its share at its own rate (half away from
zero) and the purchase's VAT per rate and totals are the sums of its lines, as at checkout.
A discount the old price carried is folded into the new line amounts.
"""

from __future__ import annotations

from collections import defaultdict

from podyx_desktop.db import tables as t
from podyx_desktop.domain.pricing import vat_of_line


def shares(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainder); all of it on the
    first when the weights add up to nothing."""
    if not weights:
        return []
    whole = sum(weights)
    if whole <= 0:
        return [total] + [0] * (len(weights) - 1)
    floors = [total * w // whole for w in weights]
    rest = total - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[:rest]:
        floors[i] += 1
    return floors


def reprice(purchase: t.Purchase, new_gross_minor: int) -> None:
    """Write ``new_gross_minor`` into the purchase's lines, VAT lines and totals."""
    lines = sorted(purchase.lines, key=lambda line: line.position)
    per_rate: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for line, gross in zip(
        lines, shares(new_gross_minor, [max(line.gross_minor, 0) for line in lines]), strict=True
    ):
        net, vat, _ = vat_of_line(gross, line.vat_rate_bp, True)
        unit = gross if purchase.prices_include_vat else net
        if unit % line.quantity:
            line.quantity = 1
        line.unit_price_minor = unit // line.quantity
        line.discount_minor = 0
        line.net_minor, line.vat_minor, line.gross_minor = net, vat, gross
        totals = per_rate[line.vat_rate_bp]
        totals[0] += net
        totals[1] += vat
        totals[2] += gross
    # The rows of each rate updated in place (a rate's row is unique per purchase).
    for row in list(purchase.vat_rates):
        if row.rate_bp not in per_rate:
            purchase.vat_rates.remove(row)
            continue
        row.net_minor, row.vat_minor, row.gross_minor = per_rate.pop(row.rate_bp)
    for rate, (net, vat, gross) in sorted(per_rate.items()):
        purchase.vat_rates.append(
            t.PurchaseVat(rate_bp=rate, net_minor=net, vat_minor=vat, gross_minor=gross)
        )
    purchase.net_minor = sum(line.net_minor for line in lines)
    purchase.vat_minor = sum(line.vat_minor for line in lines)
    purchase.gross_minor = new_gross_minor
    purchase.discount_minor = 0
