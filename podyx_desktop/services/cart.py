"""Cart lines for a session and its add-ons, priced from the catalogue as it is now."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import LineKind, PromoTarget
from podyx_desktop.domain.errors import InvalidInput, NotAllowed
from podyx_desktop.domain.message import m
from podyx_desktop.domain.money import prorate_minutes
from podyx_desktop.domain.pricing import CartItem
from podyx_desktop.services import rules

if TYPE_CHECKING:
    from podyx_desktop.domain.requests import AddonChoice, SessionCart

Scope = frozenset[tuple[PromoTarget, int]]


def session_scope(offer: rules.Offer) -> Scope:
    return frozenset({(PromoTarget.SERVICE, offer.service.id), (PromoTarget.SETUP, offer.setup.id)})


def session_items(
    session: Session,
    offer: rules.Offer,
    cart: SessionCart,
    *,
    staff: bool,
    price_override_minor: int | None = None,
) -> list[CartItem]:
    """The session line (its length at the hourly rate) and the chosen add-ons."""
    rules.check_length(offer.service, cart.minutes)
    unit = prorate_minutes(offer.service.hourly_rate_minor, cart.minutes)
    if price_override_minor is not None:
        if not staff:
            raise NotAllowed(m("Only studio staff can override a price."))
        if price_override_minor < 0:
            raise InvalidInput(m("A price cannot be negative."), field="price")
        unit = price_override_minor
    vat = offer.service.vat_rate_bp
    line = CartItem(
        LineKind.SERVICE,
        offer.service.id,
        f"{offer.service.name} — {cart.minutes} min, {offer.room.name} / {offer.setup.name}",
        1,
        unit,
        vat if vat is not None else offer.studio.default_vat_rate_bp,
        session_scope(offer),
    )
    return [line, *addon_items(session, offer, cart.addons, staff=staff)]


def addon_items(
    session: Session,
    offer: rules.Offer,
    choices: Sequence[AddonChoice],
    *,
    staff: bool,
    after_booking: bool = False,
) -> list[CartItem]:
    items = []
    seen: set[int] = set()
    chosen = sorted({choice.addon_id for choice in choices})
    loaded: list[object] = []  # held here: the session's identity map keeps weak references
    if len(chosen) > 1:  # two statements for all of them; the gets below find them loaded
        loaded += session.scalars(select(t.Addon).where(t.Addon.id.in_(chosen)))
        loaded += session.scalars(
            select(t.AddonService).where(
                t.AddonService.addon_id.in_(chosen),
                t.AddonService.service_id == offer.service.id,
            )
        )
    for choice in choices:
        if choice.addon_id in seen:
            raise InvalidInput(m("Each add-on can be chosen once; set its quantity instead."))
        seen.add(choice.addon_id)
        addon = session.get(t.Addon, choice.addon_id)
        offered = (
            session.get(t.AddonService, (choice.addon_id, offer.service.id)) if addon else None
        )
        if (
            addon is None
            or not addon.active
            or offered is None
            or (addon.hidden_from_clients and not staff)
        ):
            raise InvalidInput(
                m("That add-on is not offered with “{service}”.", service=offer.service.name)
            )
        if after_booking and not staff and not addon.client_can_add_after_booking:
            raise NotAllowed(
                m("“{addon}” can only be chosen when booking. Ask the studio.", addon=addon.name)
            )
        if not 1 <= choice.quantity <= addon.max_quantity:
            raise InvalidInput(
                m(
                    "Choose between 1 and {max_quantity} of “{addon}”.",
                    max_quantity=addon.max_quantity,
                    addon=addon.name,
                ),
                field="quantity",
            )
        vat = (
            addon.vat_rate_bp if addon.vat_rate_bp is not None else offer.studio.default_vat_rate_bp
        )
        items.append(
            CartItem(
                LineKind.ADDON,
                addon.id,
                addon.name,
                choice.quantity,
                addon.unit_price_minor,
                vat,
                session_scope(offer),
            )
        )
    return items
