"""Promo codes as records, with what each applies to (its targets), in two queries."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import PromoTarget
from podyx_desktop.services.mapping import promo_code


def promo_codes(session: Session, rows: Sequence[t.PromoCode]) -> list[r.PromoCode]:
    """``rows`` as records, each with its targets ((target, id) in the order written)."""
    targets: dict[int, list[tuple[PromoTarget, int | None]]] = {}
    if rows:
        for promo_id, target, target_id in session.execute(
            select(t.PromoTarget.promo_id, t.PromoTarget.target, t.PromoTarget.target_id)
            .where(t.PromoTarget.promo_id.in_([row.id for row in rows]))
            .order_by(t.PromoTarget.id)
        ):
            targets.setdefault(promo_id, []).append((PromoTarget(target), target_id))
    return [
        dataclasses.replace(promo_code(row), targets=tuple(targets.get(row.id, ()))) for row in rows
    ]
