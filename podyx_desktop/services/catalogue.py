"""The studio and what it sells: settings, rooms, setups, services, add-ons, bundle
products, promo codes, opening hours, closed dates, policy overrides and receipt series.

Anyone may read the catalogue; managers change it (owners alone change receipt numbering),
and every change is written to the audit log in the same transaction. Requests are
checked by :mod:`~podyx_desktop.services.catalogue_checks` first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PromoTarget, Role, SeriesKind
from podyx_desktop.domain.errors import Conflict, InvalidInput, NotFound
from podyx_desktop.domain.message import m
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.policy import PolicyOverride, resolve_policy
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.schedule import ClosedDay, ScheduleFrame, ScheduleRoom
from podyx_desktop.domain.words import word
from podyx_desktop.services import catalogue_checks as checks
from podyx_desktop.services import mapping, promo_records
from podyx_desktop.services.context import (
    ServiceContext,
    audit,
    is_staff,
    require_role,
    require_staff,
    studio,
)

if TYPE_CHECKING:
    from podyx_desktop.domain.requests import (
        NewAddon,
        NewBundleProduct,
        NewPromoCode,
        NewRoom,
        NewService,
        NewSetup,
        StudioSettings,
    )

# created with the studio: prefix, year, at least five digits, restarting every year
DEFAULT_SERIES = {SeriesKind.RECEIPT: "R-", SeriesKind.CREDIT_NOTE: "CN-"}
TARGET_TABLES: dict[PromoTarget, Any] = {
    PromoTarget.SERVICE: t.Service,
    PromoTarget.SETUP: t.Setup,
    PromoTarget.BUNDLE_PRODUCT: t.BundleProduct,
}


def _refuse_taken_name(session: Session, column: Any, name: str, what: str, *where: Any) -> str:
    """Raise a Conflict if ``name`` is taken in ``column`` whatever its case, else return
    the message to give should another seat take it first. ``what`` has its article.

    Compared in Python: SQLite's ``lower()`` folds ASCII only, and catalogue tables are small.
    """
    message = m(
        "There is already {what} called “{name}”. Choose another name.", what=word(what), name=name
    )
    names = session.scalars(select(column).where(*where))
    if any(taken.casefold() == name.casefold() for taken in names):
        raise Conflict(message)
    return message


def _insert(session: Session, row: t.Base, conflict: str) -> None:
    """Add and flush ``row``; a unique constraint won by another seat becomes a Conflict."""
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(conflict) from None


def _existing_ids(session: Session, table: Any, ids: Iterable[int], what: str) -> tuple[int, ...]:
    wanted = tuple(dict.fromkeys(ids))
    found = set(session.scalars(select(table.id).where(table.id.in_(wanted)))) if wanted else set()
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        raise NotFound(
            m(
                "There is no {what} with id {missing}. Refresh and try again.",
                what=word(what),
                missing=", ".join(missing),
            )
        )
    return wanted


def _links(session: Session, owner: Any, linked: Any, allowed: set[int]) -> dict[int, list[int]]:
    """Link-table rows grouped by owner, keeping only links to ``allowed`` (active) ids."""
    grouped: dict[int, list[int]] = defaultdict(list)
    for owner_id, linked_id in session.execute(select(owner, linked)):
        if linked_id in allowed:
            grouped[owner_id].append(linked_id)
    return grouped


def _series_format(row: t.ReceiptSeries) -> SeriesFormat:
    return SeriesFormat(row.prefix, row.include_year, row.min_digits, row.yearly_reset)


def _interval(row: t.OpeningHours) -> OpeningInterval:
    return OpeningInterval(row.weekday, row.open_minute, row.close_minute)


def _place(room_id: int | None) -> tuple[str, int]:
    """The audit entity a studio-wide or per-room change is filed under."""
    return ("room", room_id) if room_id is not None else ("studio", 1)


class CatalogueService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- the studio ----------------------------------------------------------------

    def configure_studio(self, principal: Principal, settings: StudioSettings) -> r.StudioInfo:
        """Create the studio (with its default receipt series) or change its settings."""
        values = checks.clean_settings(settings)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = session.get(t.Studio, 1)
            if row is None:
                row = t.Studio(id=1, **values)
                session.add(row)
                existing = set(session.scalars(select(t.ReceiptSeries.kind)))
                session.add_all(
                    t.ReceiptSeries(kind=kind.value, locked=False, **asdict(SeriesFormat(prefix)))
                    for kind, prefix in DEFAULT_SERIES.items()
                    if kind.value not in existing
                )
                before: dict[str, Any] = {}
                after = values
            else:
                before = {k: getattr(row, k) for k, v in values.items() if getattr(row, k) != v}
                after = {k: values[k] for k in before}
                for name, value in after.items():
                    setattr(row, name, value)
            if after:
                self._audit(session, user, "change_settings", "studio", 1, before, after)
            return mapping.studio_info(row)

    def studio(self, principal: Principal) -> r.StudioInfo:
        """The studio's public details; anyone may ask, signed in or not."""
        with self._ctx.db.read() as session:
            return mapping.studio_info(studio(session))

    def get_catalogue(self, principal: Principal) -> r.Catalogue:
        """Everything on sale; add-ons hidden from clients are listed for staff only.

        Links to inactive setups or services are left out, so every id in the result
        names something in it. Nine queries, however large the catalogue.
        """
        with self._ctx.db.read() as session:
            row = studio(session)
            vat = row.default_vat_rate_bp
            rooms = session.scalars(select(t.Room).where(t.Room.active).order_by(t.Room.id)).all()
            setups = session.execute(
                select(t.Setup, t.Room.name)
                .join(t.Room)
                .where(t.Setup.active, t.Room.active)
                .order_by(t.Setup.room_id, t.Setup.id)
            ).all()
            services = session.scalars(
                select(t.Service).where(t.Service.active).order_by(t.Service.id)
            ).all()
            addon_query = select(t.Addon).where(t.Addon.active).order_by(t.Addon.id)
            if not is_staff(session, principal):
                addon_query = addon_query.where(t.Addon.hidden_from_clients.is_(False))
            addons = session.scalars(addon_query).all()
            products = session.scalars(
                select(t.BundleProduct).where(t.BundleProduct.active).order_by(t.BundleProduct.id)
            ).all()
            setup_ids = {s.id for s, _ in setups}
            service_ids = {s.id for s in services}
            on_setups = _links(
                session, t.ServiceSetup.service_id, t.ServiceSetup.setup_id, setup_ids
            )
            with_services = _links(
                session, t.AddonService.addon_id, t.AddonService.service_id, service_ids
            )
            product = t.BundleProductSetup.product_id, t.BundleProductService.product_id
            product_setups = _links(session, product[0], t.BundleProductSetup.setup_id, setup_ids)
            product_services = _links(
                session, product[1], t.BundleProductService.service_id, service_ids
            )
            return r.Catalogue(
                studio=mapping.studio_info(row),
                rooms=tuple(mapping.room(room) for room in rooms),
                setups=tuple(mapping.setup(s, room_name) for s, room_name in setups),
                services=tuple(mapping.service(s, on_setups[s.id], vat) for s in services),
                addons=tuple(mapping.addon(a, with_services[a.id], vat) for a in addons),
                bundle_products=tuple(
                    mapping.bundle_product(p, product_setups[p.id], product_services[p.id], vat)
                    for p in products
                ),
            )

    # --- adding to the catalogue ----------------------------------------------------

    def add_room(self, principal: Principal, new: NewRoom) -> r.Room:
        name = checks.clean_name(new.name, "room")
        policy = checks.check_policy(new.policy)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            taken = _refuse_taken_name(session, t.Room.name, name, "a room")
            row = t.Room(name=name, description=new.description.strip(), active=True, **policy)
            _insert(session, row, taken)
            self._audit(session, user, "create_room", "room", row.id, after={"name": name})
            return mapping.room(row)

    def add_setup(self, principal: Principal, new: NewSetup) -> r.Setup:
        name = checks.clean_name(new.name, "setup")
        policy = checks.check_policy(new.policy)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            room = session.get(t.Room, new.room_id)
            if room is None:
                raise NotFound(m("That room does not exist. Refresh and try again."))
            what = m("a setup in “{room}”", room=room.name)
            taken = _refuse_taken_name(
                session, t.Setup.name, name, what, t.Setup.room_id == room.id
            )
            row = t.Setup(
                room_id=room.id,
                name=name,
                description=new.description.strip(),
                active=True,
                **policy,
            )
            _insert(session, row, taken)
            self._audit(session, user, "create_setup", "setup", row.id, after={"name": name})
            return mapping.setup(row, room.name)

    def add_service(self, principal: Principal, new: NewService) -> r.Service:
        values = checks.clean_service(new)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            setup_ids = _existing_ids(session, t.Setup, new.setup_ids, "setup")
            taken = _refuse_taken_name(session, t.Service.name, values["name"], "a service")
            row = t.Service(**values)
            _insert(session, row, taken)
            session.add_all(t.ServiceSetup(service_id=row.id, setup_id=i) for i in setup_ids)
            self._audit(session, user, "create_service", "service", row.id, after=values)
            return mapping.service(row, setup_ids, studio(session).default_vat_rate_bp)

    def add_addon(self, principal: Principal, new: NewAddon) -> r.Addon:
        values = checks.clean_addon(new)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            service_ids = _existing_ids(session, t.Service, new.service_ids, "service")
            taken = _refuse_taken_name(session, t.Addon.name, values["name"], "an add-on")
            row = t.Addon(**values)
            _insert(session, row, taken)
            session.add_all(t.AddonService(addon_id=row.id, service_id=i) for i in service_ids)
            self._audit(session, user, "create_addon", "addon", row.id, after=values)
            return mapping.addon(row, service_ids, studio(session).default_vat_rate_bp)

    def add_bundle_product(self, principal: Principal, new: NewBundleProduct) -> r.BundleProduct:
        """A bundle on sale; its session length must be bookable on each service it names."""
        values = checks.clean_bundle_product(new)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
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
            taken = _refuse_taken_name(session, t.BundleProduct.name, values["name"], "a bundle")
            row = t.BundleProduct(**values)
            _insert(session, row, taken)
            session.add_all(t.BundleProductSetup(product_id=row.id, setup_id=i) for i in setup_ids)
            session.add_all(
                t.BundleProductService(product_id=row.id, service_id=i) for i in service_ids
            )
            self._audit(
                session, user, "create_bundle_product", "bundle_product", row.id, after=values
            )
            vat = studio(session).default_vat_rate_bp
            return mapping.bundle_product(row, setup_ids, service_ids, vat)

    # --- promo codes ----------------------------------------------------------------

    def add_promo_code(self, principal: Principal, new: NewPromoCode) -> r.PromoCode:
        """A new code; codes are unique whatever their case (they are stored upper-case)."""
        values = checks.clean_promo(new)
        code = values["code"]
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            for target, target_id in new.targets:
                if target_id is not None:
                    what = target.value.replace("_", " ")
                    _existing_ids(session, TARGET_TABLES[target], [target_id], what)
            taken = m("The promo code “{code}” already exists. Choose another code.", code=code)
            if session.scalar(select(t.PromoCode.id).where(t.PromoCode.code == code)) is not None:
                raise Conflict(taken)
            row = t.PromoCode(**values)
            _insert(session, row, taken)
            session.add_all(
                t.PromoTarget(promo_id=row.id, target=target.value, target_id=target_id)
                for target, target_id in dict.fromkeys(new.targets)
            )
            after = {**values, "targets": [(k.value, i) for k, i in new.targets]}
            self._audit(session, user, "create_promo_code", "promo_code", row.id, after=after)
            session.flush()
            return promo_records.promo_codes(session, [row])[0]

    def list_promo_codes(self, principal: Principal) -> list[r.PromoCode]:
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            rows = session.scalars(select(t.PromoCode).order_by(t.PromoCode.code)).all()
            return promo_records.promo_codes(session, rows)

    # --- opening hours, closed dates, policies, prices -------------------------------

    def set_opening_hours(
        self, principal: Principal, intervals: Sequence[OpeningInterval], room_id: int | None = None
    ) -> None:
        """Replace the studio's weekly hours, or one room's (a room with none uses the studio's)."""
        ordered = checks.check_opening_hours(intervals)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            self._room_label(session, room_id)
            scope = (
                t.OpeningHours.room_id.is_(None)
                if room_id is None
                else t.OpeningHours.room_id == room_id
            )
            old = session.execute(
                select(
                    t.OpeningHours.weekday, t.OpeningHours.open_minute, t.OpeningHours.close_minute
                )
                .where(scope)
                .order_by(t.OpeningHours.weekday, t.OpeningHours.open_minute)
            ).all()
            session.execute(delete(t.OpeningHours).where(scope))
            new = [(i.weekday, i.open_minute, i.close_minute) for i in ordered]
            session.add_all(
                t.OpeningHours(room_id=room_id, weekday=day, open_minute=start, close_minute=end)
                for day, start, end in new
            )
            entity, entity_id = _place(room_id)
            before = {"hours": [tuple(o) for o in old]}
            self._audit(
                session, user, "change_opening_hours", entity, entity_id, before, {"hours": new}
            )

    def add_closed_date(
        self, principal: Principal, day: date, reason: str = "", room_id: int | None = None
    ) -> None:
        """Close the studio (or one room) for a day in the studio's time zone."""
        reason = checks.clean_reason(reason)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            label = self._room_label(session, room_id)
            scope = (
                t.ClosedDate.room_id.is_(None)
                if room_id is None
                else t.ClosedDate.room_id == room_id
            )
            clash = select(t.ClosedDate.id).where(scope, t.ClosedDate.day == day.isoformat())
            if session.scalar(clash) is not None:
                raise Conflict(
                    m("{label} is already closed on {day}.", label=label, day=day.isoformat())
                )
            session.add(t.ClosedDate(room_id=room_id, day=day.isoformat(), reason=reason))
            entity, entity_id = _place(room_id)
            after = {"closed_on": day.isoformat(), "reason": reason}
            self._audit(session, user, "add_closed_date", entity, entity_id, after=after)

    def set_policy_override(
        self,
        principal: Principal,
        *,
        room_id: int | None = None,
        setup_id: int | None = None,
        override: PolicyOverride,
    ) -> None:
        """Replace a room's or a setup's booking-rule overrides (None fields inherit)."""
        if (room_id is None) == (setup_id is None):
            raise InvalidInput(m("Choose either a room or a setup whose booking rules to change."))
        values = checks.check_policy(override)
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            entity = "room" if room_id is not None else "setup"
            row: t.Room | t.Setup | None = (
                session.get(t.Room, room_id)
                if room_id is not None
                else session.get(t.Setup, setup_id)
            )
            if row is None:
                raise NotFound(
                    m("That {entity} does not exist. Refresh and try again.", entity=word(entity))
                )
            before = asdict(mapping.policy_override(row))
            for name, value in values.items():
                setattr(row, name, value)
            self._audit(session, user, "change_policy", entity, row.id, before, values)

    def set_service_rate(
        self, principal: Principal, service_id: int, hourly_rate_minor: int
    ) -> r.Service:
        """Change a service's hourly rate; past purchases keep what they were charged."""
        if hourly_rate_minor < 0:
            raise InvalidInput(m("The hourly rate cannot be negative."), field="hourly_rate_minor")
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = session.get(t.Service, service_id)
            if row is None:
                raise NotFound(m("That service does not exist. Refresh and try again."))
            before = {"hourly_rate_minor": row.hourly_rate_minor}
            row.hourly_rate_minor = hourly_rate_minor
            after = {"hourly_rate_minor": hourly_rate_minor}
            self._audit(session, user, "change_price", "service", row.id, before, after)
            setup_ids = session.scalars(
                select(t.ServiceSetup.setup_id).where(t.ServiceSetup.service_id == row.id)
            ).all()
            return mapping.service(row, setup_ids, studio(session).default_vat_rate_bp)

    # --- receipt numbering ----------------------------------------------------------

    def configure_receipt_series(
        self, principal: Principal, kind: SeriesKind, fmt: SeriesFormat
    ) -> None:
        """Set how receipt (or credit-note) numbers look, until the first one is issued."""
        what = kind.value.replace("_", " ")
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.OWNER)
            row = session.scalar(select(t.ReceiptSeries).where(t.ReceiptSeries.kind == kind.value))
            if row is not None and _series_format(row) == fmt:
                return
            if row is not None and row.locked:
                raise Conflict(
                    m(
                        "The {what} number format can no longer change: {what} numbers have been "
                        "issued with it, and the series must stay unbroken.",
                        what=word(what),
                    )
                )
            clash = select(t.ReceiptSeries.id).where(
                t.ReceiptSeries.kind != kind.value, t.ReceiptSeries.prefix == fmt.prefix
            )
            if session.scalar(clash) is not None:
                raise Conflict(
                    m(
                        "Another series already uses the prefix “{prefix}”. Receipts and "
                        "credit notes need different prefixes.",
                        prefix=fmt.prefix,
                    )
                )
            before = asdict(_series_format(row)) if row is not None else None
            if row is None:
                row = t.ReceiptSeries(kind=kind.value, locked=False)
                session.add(row)
            row.prefix, row.include_year = fmt.prefix, fmt.include_year
            row.min_digits, row.yearly_reset = fmt.min_digits, fmt.yearly_reset
            session.flush()
            self._audit(
                session,
                user,
                "change_receipt_series",
                "receipt_series",
                row.id,
                before,
                asdict(fmt),
            )

    def receipt_series(self, principal: Principal, kind: SeriesKind) -> SeriesFormat:
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            row = session.scalar(select(t.ReceiptSeries).where(t.ReceiptSeries.kind == kind.value))
            if row is None:
                raise NotFound(
                    m(
                        "The studio has no {kind} series yet. Set the studio up first.",
                        kind=word(kind.value),
                    )
                )
            return _series_format(row)

    def schedule_frame(self, principal: Principal, first: date, last: date) -> ScheduleFrame:
        """Staff: what the schedule needs around its bookings — the studio's zone, the
        active rooms in order with their weekly hours (their own or the studio's) and
        resolved buffer, and the closed dates from ``first`` to ``last`` (inclusive)."""
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            row = studio(session)
            policy = mapping.studio_policy(row)
            rooms = session.scalars(select(t.Room).where(t.Room.active).order_by(t.Room.id)).all()
            hours = session.scalars(select(t.OpeningHours)).all()
            studio_hours = tuple(_interval(h) for h in hours if h.room_id is None)
            closed = session.scalars(
                select(t.ClosedDate)
                .where(t.ClosedDate.day >= first.isoformat(), t.ClosedDate.day <= last.isoformat())
                .order_by(t.ClosedDate.day, t.ClosedDate.id)
            ).all()
            return ScheduleFrame(
                time_zone=row.time_zone,
                rooms=tuple(
                    ScheduleRoom(
                        room.id,
                        room.name,
                        resolve_policy(policy, mapping.policy_override(room)).buffer_minutes,
                        tuple(_interval(h) for h in hours if h.room_id == room.id) or studio_hours,
                    )
                    for room in rooms
                ),
                closed=tuple(
                    ClosedDay(date.fromisoformat(c.day), c.room_id, c.reason) for c in closed
                ),
            )

    # --- helpers --------------------------------------------------------------------

    def _audit(
        self,
        session: Session,
        user: t.User | None,
        action: str,
        entity: str,
        entity_id: int,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
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

    @staticmethod
    def _room_label(session: Session, room_id: int | None) -> str:
        """“The studio” or “The room …” for messages; NotFound for an unknown room."""
        if room_id is None:
            return m("The studio")
        room = session.get(t.Room, room_id)
        if room is None:
            raise NotFound(m("That room does not exist. Refresh and try again."))
        return m("The room “{room}”", room=room.name)
