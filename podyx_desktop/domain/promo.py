"""Promo codes: whether one applies to a cart, and the reason when it does not.

Scope: a code lists targets (services, setups, bundle products; a target without an id
means "every one of that kind"). A code without targets applies to everything. A cart
line is eligible when one of its scope keys matches; add-ons carry the keys of the session
they belong to, so a code for a service discounts that session's add-ons too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from podyx_desktop.domain.enums import PromoKind, PromoTarget
from podyx_desktop.domain.message import m


class PromoRefusal(StrEnum):
    UNKNOWN = "unknown"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    NOT_ELIGIBLE = "not_eligible"
    USED_UP = "used_up"
    ALREADY_USED = "already_used"


ScopeKey = tuple[PromoTarget, int]


@dataclass(frozen=True)
class PromoRule:
    code: str
    kind: PromoKind
    value: int
    targets: frozenset[tuple[PromoTarget, int | None]] = field(default_factory=frozenset)
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    max_uses: int | None = None
    max_uses_per_client: int | None = None
    active: bool = True
    id: int | None = None

    def covers(self, keys: Iterable[ScopeKey]) -> bool:
        if not self.targets:
            return True
        for kind, ref in keys:
            if (kind, None) in self.targets or (kind, ref) in self.targets:
                return True
        return False


def normalise_code(code: str) -> str:
    return code.strip().upper()


def refusal_message(reason: PromoRefusal, code: str) -> str:
    code = normalise_code(code)
    return {
        PromoRefusal.UNKNOWN: m("There is no promo code “{code}”. Check the spelling.", code=code),
        PromoRefusal.NOT_YET_VALID: m("The promo code “{code}” is not valid yet.", code=code),
        PromoRefusal.EXPIRED: m("The promo code “{code}” has expired.", code=code),
        PromoRefusal.NOT_ELIGIBLE: m(
            "The promo code “{code}” does not apply to anything in this order.", code=code
        ),
        PromoRefusal.USED_UP: m("The promo code “{code}” has been used up.", code=code),
        PromoRefusal.ALREADY_USED: m("You have already used the promo code “{code}”.", code=code),
    }[reason]


def check_promo(
    rule: PromoRule | None,
    *,
    now: datetime,
    line_scopes: Iterable[Iterable[ScopeKey]],
    uses_total: int,
    uses_by_client: int,
) -> PromoRefusal | None:
    """Why ``rule`` cannot apply to a cart whose lines have ``line_scopes``, or None."""
    if rule is None or not rule.active:
        return PromoRefusal.UNKNOWN
    if rule.valid_from is not None and now < rule.valid_from:
        return PromoRefusal.NOT_YET_VALID
    if rule.valid_to is not None and now >= rule.valid_to:
        return PromoRefusal.EXPIRED
    if not any(rule.covers(keys) for keys in line_scopes):
        return PromoRefusal.NOT_ELIGIBLE
    if rule.max_uses is not None and uses_total >= rule.max_uses:
        return PromoRefusal.USED_UP
    if rule.max_uses_per_client is not None and uses_by_client >= rule.max_uses_per_client:
        return PromoRefusal.ALREADY_USED
    return None
