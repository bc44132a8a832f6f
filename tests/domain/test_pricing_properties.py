"""Properties of price_cart over random carts, promo codes and both VAT modes."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from podyx_desktop.domain.enums import LineKind, PromoKind, PromoTarget
from podyx_desktop.domain.money import div_round_half_up
from podyx_desktop.domain.pricing import CartItem, PriceSummary, price_cart
from podyx_desktop.domain.promo import PromoRule, ScopeKey

VAT_RATES = (0, 500, 700, 1000, 1900, 2000, 2500)
SCOPE_KEYS: tuple[ScopeKey, ...] = tuple(
    (target, ref) for target in PromoTarget for ref in (1, 2, 3)
)
PROMO_TARGETS: tuple[tuple[PromoTarget, int | None], ...] = (
    *SCOPE_KEYS,
    *((target, None) for target in PromoTarget),
)

cart_items = st.builds(
    CartItem,
    kind=st.sampled_from(LineKind),
    ref_id=st.integers(min_value=1, max_value=3),
    description=st.just("item"),
    quantity=st.integers(min_value=1, max_value=5),
    unit_price_minor=st.integers(min_value=0, max_value=500_000),
    vat_rate_bp=st.sampled_from(VAT_RATES),
    scope=st.frozensets(st.sampled_from(SCOPE_KEYS), max_size=3),
)
carts = st.lists(cart_items, min_size=1, max_size=8)
targets = st.frozensets(st.sampled_from(PROMO_TARGETS), max_size=3)
percent_promos = st.builds(
    PromoRule,
    code=st.just("PCT"),
    kind=st.just(PromoKind.PERCENT),
    value=st.integers(min_value=0, max_value=10_000),
    targets=targets,
)
fixed_promos = st.builds(
    PromoRule,
    code=st.just("FIX"),
    kind=st.just(PromoKind.FIXED),
    value=st.integers(min_value=0, max_value=10**6),
    targets=targets,
)
promos = st.one_of(st.none(), percent_promos, fixed_promos)


@dataclass(frozen=True)
class Priced:
    items: list[CartItem]
    promo: PromoRule | None
    inclusive: bool
    summary: PriceSummary


@st.composite
def priced_carts(
    draw: st.DrawFn, promo_strategy: st.SearchStrategy[PromoRule | None] = promos
) -> Priced:
    items = draw(carts)
    promo = draw(promo_strategy)
    inclusive = draw(st.booleans())
    summary = price_cart(items, currency="EUR", prices_include_vat=inclusive, promo=promo)
    return Priced(items, promo, inclusive, summary)


def _eligible(items: list[CartItem], promo: PromoRule | None) -> list[bool]:
    return [promo is not None and promo.covers(item.scope) for item in items]


@settings(max_examples=200, deadline=None)
@given(priced_carts())
def test_price_cart_invariants(case: Priced) -> None:
    summary = case.summary
    lines = summary.lines
    assert len(lines) == len(case.items)
    assert summary.prices_include_vat is case.inclusive

    # every line: net + vat == gross, nothing negative, discount within the list amount
    for item, line in zip(case.items, lines, strict=True):
        assert line.list_minor == item.unit_price_minor * item.quantity
        assert line.net_minor + line.vat_minor == line.gross_minor
        assert 0 <= line.discount_minor <= line.list_minor
        for amount in (line.list_minor, line.net_minor, line.vat_minor, line.gross_minor):
            assert amount >= 0
        after_discount = line.list_minor - line.discount_minor
        if case.inclusive:
            assert line.gross_minor == after_discount
        else:
            assert line.net_minor == after_discount
        assert line.vat_rate_bp == item.vat_rate_bp

    # every rate: net + vat == gross, and the rates are exactly the lines' rates
    for total in summary.vat:
        assert total.net_minor + total.vat_minor == total.gross_minor
        of_rate = [line for line in lines if line.vat_rate_bp == total.rate_bp]
        assert total.net_minor == sum(line.net_minor for line in of_rate)
        assert total.vat_minor == sum(line.vat_minor for line in of_rate)
        assert total.gross_minor == sum(line.gross_minor for line in of_rate)
    rates = [total.rate_bp for total in summary.vat]
    assert rates == sorted({line.vat_rate_bp for line in lines})

    # lines add up to the summary; rates add up to the summary
    assert sum(line.gross_minor for line in lines) == summary.gross_minor
    assert sum(line.net_minor for line in lines) == summary.net_minor
    assert sum(line.vat_minor for line in lines) == summary.vat_minor
    assert sum(line.discount_minor for line in lines) == summary.discount_minor
    assert sum(total.gross_minor for total in summary.vat) == summary.gross_minor
    assert sum(total.net_minor for total in summary.vat) == summary.net_minor
    assert sum(total.vat_minor for total in summary.vat) == summary.vat_minor
    assert summary.net_minor + summary.vat_minor == summary.gross_minor

    # the discount: only on eligible lines, at most the eligible list total
    eligible = _eligible(case.items, case.promo)
    eligible_total = sum(line.list_minor for line, ok in zip(lines, eligible, strict=True) if ok)
    assert 0 <= summary.discount_minor <= eligible_total
    for line, ok in zip(lines, eligible, strict=True):
        if not ok:
            assert line.discount_minor == 0

    # the code is recorded exactly when it discounted something
    if summary.discount_minor > 0:
        assert case.promo is not None
        assert summary.promo_code == case.promo.code
    else:
        assert summary.promo_code is None


@settings(max_examples=200, deadline=None)
@given(priced_carts(fixed_promos))
def test_fixed_promo_is_split_exactly_by_largest_remainder(case: Priced) -> None:
    promo = case.promo
    assert promo is not None
    lines = case.summary.lines
    eligible = _eligible(case.items, promo)
    eligible_total = sum(line.list_minor for line, ok in zip(lines, eligible, strict=True) if ok)
    total = min(promo.value, eligible_total)
    assert case.summary.discount_minor == total
    if total == 0:
        return
    extras = 0
    for line, ok in zip(lines, eligible, strict=True):
        if not ok:
            continue
        # each part is the floor or the ceiling of its exact proportional share
        floor_share = line.list_minor * total // eligible_total
        assert line.discount_minor in (floor_share, floor_share + 1)
        if line.discount_minor == floor_share + 1:
            assert line.list_minor * total % eligible_total != 0
            extras += 1
    assert extras < max(1, sum(eligible))


@settings(max_examples=200, deadline=None)
@given(priced_carts(percent_promos))
def test_percent_promo_is_rounded_half_up_per_eligible_line(case: Priced) -> None:
    promo = case.promo
    assert promo is not None
    eligible = _eligible(case.items, promo)
    for line, ok in zip(case.summary.lines, eligible, strict=True):
        expected = div_round_half_up(line.list_minor * promo.value, 10_000) if ok else 0
        assert line.discount_minor == expected


@settings(max_examples=100, deadline=None)
@given(carts, promos)
def test_vat_modes_agree_on_discount_and_list(
    items: list[CartItem], promo: PromoRule | None
) -> None:
    inclusive = price_cart(items, currency="EUR", prices_include_vat=True, promo=promo)
    exclusive = price_cart(items, currency="EUR", prices_include_vat=False, promo=promo)
    assert [line.discount_minor for line in inclusive.lines] == [
        line.discount_minor for line in exclusive.lines
    ]
    # the same amount is gross in one mode and net in the other
    assert inclusive.gross_minor == exclusive.net_minor
    assert inclusive.vat_minor <= exclusive.vat_minor
