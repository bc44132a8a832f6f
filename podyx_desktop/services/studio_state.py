"""The studio as the studio file sees it: plain values read in one transaction
(:func:`read_state`), and ids looked up by name when a planned step runs (:class:`Lookup`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PromoTarget, Role, SeriesKind
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.policy import PolicyOverride
from podyx_desktop.services import Services
from podyx_desktop.services.studio_file import (
    POLICY,
    STUDIO,
    TAX,
)

TARGET_KEYS = {
    PromoTarget.SERVICE: "service",
    PromoTarget.SETUP: "setup",
    PromoTarget.BUNDLE_PRODUCT: "bundle",
}


def policy_of(row: Any) -> PolicyOverride:
    return PolicyOverride(**{name: getattr(row, name) for name in POLICY})


@dataclass
class State:
    studio: dict[str, Any] | None = None
    hours: dict[int | None, tuple[OpeningInterval, ...]] = field(default_factory=dict)
    closed: dict[tuple[date, int | None], tuple[int, str]] = field(default_factory=dict)
    rooms: dict[str, Any] = field(default_factory=dict)  # name -> row
    setups: dict[tuple[str, str], Any] = field(default_factory=dict)  # (room, name) -> row
    services: dict[str, Any] = field(default_factory=dict)
    addons: dict[str, Any] = field(default_factory=dict)
    bundles: dict[str, Any] = field(default_factory=dict)
    promos: dict[str, Any] = field(default_factory=dict)
    series: dict[SeriesKind, tuple[SeriesFormat, bool]] = field(default_factory=dict)
    staff: dict[str, Any] = field(default_factory=dict)  # email key -> row
    links: dict[tuple[str, int], set[Any]] = field(default_factory=dict)
    names: dict[tuple[str, int], Any] = field(default_factory=dict)  # (kind, id) -> name


def read_state(services: Services) -> State:
    """Everything the file describes, as it is now (one read)."""
    state = State()
    with services.db.read() as session:
        row = session.get(t.Studio, 1)
        if row is None:
            return state
        columns = (*STUDIO, *TAX, *POLICY, "is_demo")
        state.studio = {name: getattr(row, name) for name in columns}
        for h in session.scalars(
            select(t.OpeningHours).order_by(t.OpeningHours.weekday, t.OpeningHours.open_minute)
        ):
            state.hours.setdefault(h.room_id, ())
            state.hours[h.room_id] += (OpeningInterval(h.weekday, h.open_minute, h.close_minute),)
        for c in session.scalars(select(t.ClosedDate)):
            state.closed[(date.fromisoformat(c.day), c.room_id)] = (c.id, c.reason)
        for room in session.scalars(select(t.Room).order_by(t.Room.id)):
            state.rooms[room.name] = room
            state.names[("room", room.id)] = room.name
        for setup in session.scalars(select(t.Setup).order_by(t.Setup.id)):
            key = (state.names[("room", setup.room_id)], setup.name)
            state.setups[key] = setup
            state.names[("setup", setup.id)] = key
        tables: tuple[tuple[str, Any], ...] = (
            ("service", t.Service),
            ("addon", t.Addon),
            ("bundle", t.BundleProduct),
        )
        for kind, table in tables:
            target = getattr(state, f"{kind}s")
            for item in session.scalars(select(table).order_by(table.id)):
                target[item.name] = item
                state.names[(kind, item.id)] = item.name
        for kind, owner, linked, of in (
            ("service", t.ServiceSetup.service_id, t.ServiceSetup.setup_id, "setup"),
            ("addon", t.AddonService.addon_id, t.AddonService.service_id, "service"),
            ("bundle", t.BundleProductSetup.product_id, t.BundleProductSetup.setup_id, "setup"),
            (
                "bundle_services",
                t.BundleProductService.product_id,
                t.BundleProductService.service_id,
                "service",
            ),
        ):
            for owner_id, linked_id in session.execute(select(owner, linked)):
                state.links.setdefault((kind, owner_id), set()).add(state.names[(of, linked_id)])
        for promo in session.scalars(select(t.PromoCode)):
            state.promos[promo.code] = promo
        for target_row in session.scalars(select(t.PromoTarget)):
            kind = TARGET_KEYS[PromoTarget(target_row.target)]
            name = (
                None
                if target_row.target_id is None
                else state.names.get((kind, target_row.target_id))
            )
            state.links.setdefault(("promo", target_row.promo_id), set()).add((kind, name))
        for series in session.scalars(select(t.ReceiptSeries)):
            counted = session.scalar(
                select(t.ReceiptCounter.year)
                .where(t.ReceiptCounter.series_id == series.id)
                .limit(1)
            )
            fmt = SeriesFormat(
                series.prefix, series.include_year, series.min_digits, series.yearly_reset
            )
            state.series[SeriesKind(series.kind)] = (fmt, series.locked or counted is not None)
        for user in session.scalars(select(t.User).where(t.User.role != Role.CLIENT.value)):
            state.staff[user.email_key] = user
        for user in session.scalars(select(t.User).where(t.User.role == Role.CLIENT.value)):
            state.staff.setdefault(user.email_key, user)  # a client the file makes staff
        session.expunge_all()  # the rows keep their values after the read ends
    return state


class Lookup:
    """Ids by name at the moment a step runs (earlier steps may have created them)."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def _one(self, table: Any, *where: Any) -> int:
        with self._services.db.read() as session:
            found = session.scalar(select(table.id).where(*where))
        assert found is not None
        return int(found)

    def room(self, name: str) -> int:
        return self._one(t.Room, t.Room.name == name)

    def setup(self, room: str, name: str) -> int:
        return self._one(t.Setup, t.Setup.room_id == self.room(room), t.Setup.name == name)

    def named(self, kind: str, name: str) -> int:
        table: Any = {"service": t.Service, "addon": t.Addon, "bundle": t.BundleProduct}[kind]
        return self._one(table, table.name == name)

    def promo(self, code: str) -> int:
        return self._one(t.PromoCode, t.PromoCode.code == code)

    def user(self, key: str) -> int:
        return self._one(t.User, t.User.email_key == key)
