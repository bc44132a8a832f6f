"""Editing and retiring what the studio sells: rooms, setups, services, add-ons, bundle
products and promo codes (managers and owners).

An edit takes the same request as adding (``NewService`` …) and replaces every field
with it; only the fields that changed are audited, before and after, in the same
transaction. Nothing a purchase or booking refers to is ever deleted: retiring sets
``active`` off, which hides the item from new bookings (``catalogue.get_catalogue``
leaves it and its links out) while past purchases keep the lines and prices they were
charged. Retiring a room, setup, service or add-on that future sessions use is refused
until the caller confirms: :class:`~podyx_desktop.domain.setup.RetireCheck` lists those
sessions, which stay booked and valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import PromoTarget, Role
from podyx_desktop.domain.errors import Conflict, InvalidInput, NotFound
from podyx_desktop.domain.message import m, mn
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import (
    NewAddon,
    NewBundleProduct,
    NewPromoCode,
    NewRoom,
    NewService,
    NewSetup,
)
from podyx_desktop.domain.setup import FutureBooking, Retirable, RetireCheck
from podyx_desktop.domain.words import word
from podyx_desktop.services import catalogue_checks as checks
from podyx_desktop.services import mapping, promo_records
from podyx_desktop.services.catalogue import TARGET_TABLES, _existing_ids
from podyx_desktop.services.context import ServiceContext, audit, require_role, studio

TABLES: dict[Retirable, Any] = {
    Retirable.ROOM: t.Room,
    Retirable.SETUP: t.Setup,
    Retirable.SERVICE: t.Service,
    Retirable.ADDON: t.Addon,
    Retirable.BUNDLE_PRODUCT: t.BundleProduct,
    Retirable.PROMO_CODE: t.PromoCode,
}
OPEN_STATUSES = ("pending", "confirmed", "rescheduled")


def _what(kind: Retirable) -> str:
    return {Retirable.ADDON: "add-on", Retirable.BUNDLE_PRODUCT: "bundle"}.get(
        kind, kind.value.replace("_", " ")
    )


def _label(row: Any) -> str:
    return str(row.code if isinstance(row, t.PromoCode) else row.name)


def _refuse_taken(
    session: Session, table: Any, row_id: int, name: str, what: str, *where: Any
) -> None:
    """Another row of ``table`` (not ``row_id``) already has ``name`` whatever its case."""
    names = session.scalars(select(table.name).where(table.id != row_id, *where))
    if any(taken.casefold() == name.casefold() for taken in names):
        raise Conflict(
            m(
                "There is already {what} called “{name}”. Choose another name.",
                what=word(what),
                name=name,
            )
        )


def _apply(row: Any, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set ``values`` on ``row``; the changed columns' (before, after)."""
    before = {k: getattr(row, k) for k, v in values.items() if getattr(row, k) != v}
    after = {k: values[k] for k in before}
    for name, value in after.items():
        setattr(row, name, value)
    return before, after


def _relink(
    session: Session, link: Any, owner: Any, owner_id: int, linked: Any, ids: Iterable[int]
) -> tuple[list[int], list[int]]:
    """Replace ``owner_id``'s links in ``link``; the (old, new) sorted id lists."""
    old = sorted(session.scalars(select(linked).where(owner == owner_id)))
    new = sorted(set(ids))
    if old != new:
        session.execute(delete(link).where(owner == owner_id))
        session.add_all(link(**{owner.key: owner_id, linked.key: i}) for i in new)
    return old, new


class CatalogueEditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- editing --------------------------------------------------------------------

    def edit_room(self, principal: Principal, room_id: int, new: NewRoom) -> r.Room:
        """A room's name and description (its booking rules: ``set_policy_override``)."""
        name = checks.clean_name(new.name, "room")
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = self._get(session, Retirable.ROOM, room_id)
            _refuse_taken(session, t.Room, row.id, name, "a room")
            values = {"name": name, "description": new.description.strip()}
            self._changed(session, user, Retirable.ROOM, row.id, *_apply(row, values))
            return mapping.room(row)

    def edit_setup(self, principal: Principal, setup_id: int, new: NewSetup) -> r.Setup:
        """A setup's name and description; it stays in its room."""
        name = checks.clean_name(new.name, "setup")
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = self._get(session, Retirable.SETUP, setup_id)
            if new.room_id != row.room_id:
                raise InvalidInput(
                    m(
                        "A setup cannot move to another room: its bookings hold that room. Retire "
                        "it and add a setup in the other room instead."
                    ),
                    field="room_id",
                )
            room = session.get(t.Room, row.room_id)
            assert room is not None
            what = m("a setup in “{room}”", room=room.name)
            _refuse_taken(session, t.Setup, row.id, name, what, t.Setup.room_id == row.room_id)
            values = {"name": name, "description": new.description.strip()}
            self._changed(session, user, Retirable.SETUP, row.id, *_apply(row, values))
            return mapping.setup(row, room.name)

    def edit_service(self, principal: Principal, service_id: int, new: NewService) -> r.Service:
        """Rate, VAT rate, lengths, setups and description; past purchases keep their prices."""
        values = checks.clean_service(new)
        values.pop("active")
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = self._get(session, Retirable.SERVICE, service_id)
            _refuse_taken(session, t.Service, row.id, values["name"], "a service")
            setup_ids = _existing_ids(session, t.Setup, new.setup_ids, "setup")
            before, after = _apply(row, values)
            old, linked = _relink(
                session,
                t.ServiceSetup,
                t.ServiceSetup.service_id,
                row.id,
                t.ServiceSetup.setup_id,
                setup_ids,
            )
            if old != linked:
                before["setup_ids"], after["setup_ids"] = old, linked
            self._changed(session, user, Retirable.SERVICE, row.id, before, after)
            return mapping.service(row, linked, studio(session).default_vat_rate_bp)

    def edit_addon(self, principal: Principal, addon_id: int, new: NewAddon) -> r.Addon:
        values = checks.clean_addon(new)
        values.pop("active")
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = self._get(session, Retirable.ADDON, addon_id)
            _refuse_taken(session, t.Addon, row.id, values["name"], "an add-on")
            service_ids = _existing_ids(session, t.Service, new.service_ids, "service")
            before, after = _apply(row, values)
            old, linked = _relink(
                session,
                t.AddonService,
                t.AddonService.addon_id,
                row.id,
                t.AddonService.service_id,
                service_ids,
            )
            if old != linked:
                before["service_ids"], after["service_ids"] = old, linked
            self._changed(session, user, Retirable.ADDON, row.id, before, after)
            return mapping.addon(row, linked, studio(session).default_vat_rate_bp)

    def edit_bundle_product(
        self, principal: Principal, product_id: int, new: NewBundleProduct
    ) -> r.BundleProduct:
        """A bundle on sale. Bundles already bought keep their sessions, length and expiry;
        which setups and services they can be used on follows the product."""
        values = checks.clean_bundle_product(new)
        values.pop("active")
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = self._get(session, Retirable.BUNDLE_PRODUCT, product_id)
            _refuse_taken(session, t.BundleProduct, row.id, values["name"], "a bundle")
            setup_ids = _existing_ids(session, t.Setup, new.setup_ids, "setup")
            service_ids = _existing_ids(session, t.Service, new.service_ids, "service")
            for service in session.scalars(select(t.Service).where(t.Service.id.in_(service_ids))):
                lengths = range(service.min_minutes, service.max_minutes + 1, service.step_minutes)
                if new.session_minutes not in lengths:
                    raise InvalidInput(
                        m(
                            "“{service}” cannot be booked for {session_minutes} minutes, "
                            "the bundle's session length. Change the length or the services.",
                            service=service.name,
                            session_minutes=new.session_minutes,
                        ),
                        field="session_minutes",
                    )
            before, after = _apply(row, values)
            product = t.BundleProductSetup.product_id
            old_setups, setups = _relink(
                session,
                t.BundleProductSetup,
                product,
                row.id,
                t.BundleProductSetup.setup_id,
                setup_ids,
            )
            product = t.BundleProductService.product_id
            old_services, services = _relink(
                session,
                t.BundleProductService,
                product,
                row.id,
                t.BundleProductService.service_id,
                service_ids,
            )
            if old_setups != setups:
                before["setup_ids"], after["setup_ids"] = old_setups, setups
            if old_services != services:
                before["service_ids"], after["service_ids"] = old_services, services
            self._changed(session, user, Retirable.BUNDLE_PRODUCT, row.id, before, after)
            vat = studio(session).default_vat_rate_bp
            return mapping.bundle_product(row, setups, services, vat)

    def edit_promo_code(
        self, principal: Principal, promo_id: int, new: NewPromoCode
    ) -> r.PromoCode:
        """Kind, value, scope, validity and limits; the uses so far are kept (a total limit
        below them is refused). Purchases keep the code and discount they had."""
        values = checks.clean_promo(new)
        for kept in ("uses", "active"):
            values.pop(kept)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = self._get(session, Retirable.PROMO_CODE, promo_id)
            clash = select(t.PromoCode.id).where(
                t.PromoCode.code == values["code"], t.PromoCode.id != row.id
            )
            if session.scalar(clash) is not None:
                raise Conflict(
                    m(
                        "The promo code “{code}” already exists. Choose another code.",
                        code=values["code"],
                    )
                )
            if new.max_uses is not None and new.max_uses < row.uses:
                raise InvalidInput(
                    mn(
                        "“{code}” has been used %n time(s) already; its total limit "
                        "cannot be lower than that.",
                        "",
                        row.uses,
                        code=row.code,
                    ),
                    field="max_uses",
                )
            for target, target_id in new.targets:
                if target_id is not None:
                    what = target.value.replace("_", " ")
                    _existing_ids(session, TARGET_TABLES[target], [target_id], what)
            before, after = _apply(row, values)
            old = sorted(
                (k, i or 0)
                for k, i in session.execute(
                    select(t.PromoTarget.target, t.PromoTarget.target_id).where(
                        t.PromoTarget.promo_id == row.id
                    )
                )
            )
            targets = list(dict.fromkeys(new.targets))
            if old != sorted((k.value, i or 0) for k, i in targets):
                session.execute(delete(t.PromoTarget).where(t.PromoTarget.promo_id == row.id))
                session.add_all(
                    t.PromoTarget(promo_id=row.id, target=PromoTarget(k).value, target_id=i)
                    for k, i in targets
                )
                before["targets"] = old
                after["targets"] = [(k.value, i) for k, i in targets]
            self._changed(session, user, Retirable.PROMO_CODE, row.id, before, after)
            session.flush()
            return promo_records.promo_codes(session, [row])[0]

    # --- retiring -------------------------------------------------------------------

    def retire(
        self, principal: Principal, kind: Retirable, item_id: int, *, confirm: bool = False
    ) -> RetireCheck:
        """Hide an item from new bookings. With future sessions using it and no ``confirm``,
        nothing changes and the check lists them; with ``confirm`` it is retired and they
        stay booked. Retiring a retired item changes nothing."""
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = self._get(session, kind, item_id)
            future = self._future_bookings(session, kind, item_id)
            if not row.active:
                return RetireCheck(kind, item_id, _label(row), True, future)
            if future and not confirm:
                return RetireCheck(kind, item_id, _label(row), False, future)
            row.active = False
            after: dict[str, Any] = {"active": False}
            if future:
                after["future_bookings_kept"] = [b.booking_id for b in future]
            self._audit(
                session, user, f"retire_{kind.value}", kind.value, item_id, {"active": True}, after
            )
            return RetireCheck(kind, item_id, _label(row), True, future)

    def restore(self, principal: Principal, kind: Retirable, item_id: int) -> None:
        """Offer a retired item again."""
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = self._get(session, kind, item_id)
            if row.active:
                return
            row.active = True
            self._audit(
                session,
                user,
                f"restore_{kind.value}",
                kind.value,
                item_id,
                {"active": False},
                {"active": True},
            )

    def future_bookings(
        self, principal: Principal, kind: Retirable, item_id: int
    ) -> tuple[FutureBooking, ...]:
        """The open sessions still to come that use the item (soonest first)."""
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            self._get(session, kind, item_id)
            return self._future_bookings(session, kind, item_id)

    def retired(self, principal: Principal) -> dict[Retirable, tuple[tuple[int, str], ...]]:
        """Every retired item by kind, as (id, name) in id order, for the set-up lists."""
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            found: dict[Retirable, tuple[tuple[int, str], ...]] = {}
            for kind, table in TABLES.items():
                rows = session.scalars(
                    select(table).where(table.active.is_(False)).order_by(table.id)
                )
                found[kind] = tuple((row.id, _label(row)) for row in rows)
            return found

    # --- helpers --------------------------------------------------------------------

    def _future_bookings(
        self, session: Session, kind: Retirable, item_id: int
    ) -> tuple[FutureBooking, ...]:
        b = t.Booking
        if kind is Retirable.ROOM:
            which: Any = b.room_id == item_id
        elif kind is Retirable.SETUP:
            which = b.setup_id == item_id
        elif kind is Retirable.SERVICE:
            which = b.service_id == item_id
        elif kind is Retirable.ADDON:
            which = b.id.in_(
                select(t.BookingAddon.booking_id).where(t.BookingAddon.addon_id == item_id)
            )
        else:
            return ()  # bundles bought and promo codes used keep working as they are
        rows = session.execute(
            select(b, t.User.full_name, t.Room.name, t.Setup.name, t.Service.name)
            .join(t.User, t.User.id == b.client_id)
            .join(t.Room, t.Room.id == b.room_id)
            .join(t.Setup, t.Setup.id == b.setup_id)
            .join(t.Service, t.Service.id == b.service_id)
            .where(which, b.starts_at > self._ctx.now(), b.status.in_(OPEN_STATUSES))
            .order_by(b.starts_at, b.id)
        ).all()
        return tuple(
            FutureBooking(
                row.id,
                row.client_id,
                client,
                row.starts_at,
                row.ends_at,
                room,
                setup,
                service,
                row.status,
            )
            for row, client, room, setup, service in rows
        )

    @staticmethod
    def _get(session: Session, kind: Retirable, item_id: int) -> Any:
        row = session.get(TABLES[kind], item_id)
        if row is None:
            raise NotFound(
                m("That {kind} does not exist. Refresh and try again.", kind=word(_what(kind)))
            )
        return row

    def _changed(
        self,
        session: Session,
        user: t.User | None,
        kind: Retirable,
        item_id: int,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        if after:
            self._audit(session, user, f"edit_{kind.value}", kind.value, item_id, before, after)

    def _audit(
        self,
        session: Session,
        user: t.User | None,
        action: str,
        entity: str,
        entity_id: int,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        audit(
            session,
            when=self._ctx.now(),
            user=user,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
        )
