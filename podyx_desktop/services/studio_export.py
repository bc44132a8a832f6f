"""Writing the studio out as a studio file (``podyx-admin studio export``).

:func:`export_studio` reads the studio (:func:`.studio_apply.read_state`) and returns the
file's tables for ``tomli_w``: every room, setup, service, add-on, bundle, promo code,
closed date and staff member (without secrets), retired ones with ``active = false``.
Keys are made from names. Applying the export to the same database changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import NotFound
from podyx_desktop.domain.message import m
from podyx_desktop.domain.policy import PolicyOverride
from podyx_desktop.services import Services
from podyx_desktop.services.studio_file import POLICY, STUDIO, TAX, WEEKDAYS
from podyx_desktop.services.studio_state import policy_of, read_state

# --- exporting ---------------------------------------------------------------------------


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_") or "item"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def _hours(intervals: tuple[OpeningInterval, ...]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for i in intervals:
        span = f"{i.open_minute // 60:02d}:{i.open_minute % 60:02d}-{i.close_minute // 60:02d}:{i.close_minute % 60:02d}"
        table.setdefault(WEEKDAYS[i.weekday], []).append(span)
    return table


def _optional(values: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: leave out None, and empty text, which are the defaults."""
    return {k: v for k, v in values.items() if v is not None and v != ""}


def export_studio(services: Services) -> dict[str, Any]:
    """The studio as the file's tables (``tomli_w.dumps`` writes them)."""
    state = read_state(services)
    if state.studio is None:
        raise NotFound(m("This database has no studio yet; there is nothing to export."))
    s = state.studio
    out: dict[str, Any] = {
        "studio": _optional({k: s[k] for k in STUDIO}),
        "tax": _optional({k: s[k] for k in TAX}) | {"prices_include_vat": s["prices_include_vat"]},
        "policy": {k: s[k] for k in POLICY},
        "receipts": {kind.value: asdict(fmt) for kind, (fmt, _) in sorted(state.series.items())},
        "opening_hours": _hours(state.hours.get(None, ())),
    }
    taken: dict[str, set[str]] = {k: set() for k in ("room", "setup", "service", "addon", "bundle")}
    keys: dict[tuple[str, Any], str] = {}
    rooms = []
    for name, room in state.rooms.items():
        keys[("room", name)] = key = _slug(name, taken["room"])
        entry = _optional({"key": key, "name": name, "description": room.description})
        if not room.active:
            entry["active"] = False
        if policy_of(room) != PolicyOverride():
            entry["policy"] = _optional(asdict(policy_of(room)))
        if room.id in state.hours:
            entry["opening_hours"] = _hours(state.hours[room.id])
        setups = []
        for (room_name, setup_name), setup in state.setups.items():
            if room_name != name:
                continue
            keys[("setup", (room_name, setup_name))] = skey = _slug(setup_name, taken["setup"])
            item = _optional({"key": skey, "name": setup_name, "description": setup.description})
            if not setup.active:
                item["active"] = False
            if policy_of(setup) != PolicyOverride():
                item["policy"] = _optional(asdict(policy_of(setup)))
            setups.append(item)
        if setups:
            entry["setups"] = setups
        rooms.append(entry)
    out["rooms"] = rooms
    sections = (
        (
            "services",
            "service",
            state.services,
            (
                "hourly_rate_minor",
                "min_minutes",
                "max_minutes",
                "step_minutes",
                "vat_rate_bp",
                "description",
            ),
        ),
        (
            "addons",
            "addon",
            state.addons,
            (
                "unit_price_minor",
                "max_quantity",
                "hidden_from_clients",
                "client_can_add_after_booking",
                "vat_rate_bp",
                "description",
            ),
        ),
        (
            "bundles",
            "bundle",
            state.bundles,
            (
                "sessions",
                "session_minutes",
                "price_minor",
                "validity_days",
                "vat_rate_bp",
                "description",
            ),
        ),
    )
    for section, kind, rows, columns in sections:
        items = []
        for name, row in rows.items():
            keys[(kind, name)] = key = _slug(name, taken[kind])
            item = {"key": key, "name": name, **_optional({c: getattr(row, c) for c in columns})}
            if kind == "service":
                item["setups"] = sorted(
                    keys[("setup", p)] for p in state.links.get(("service", row.id), ())
                )
            elif kind == "addon":
                item["services"] = sorted(
                    keys[("service", n)] for n in state.links.get(("addon", row.id), ())
                )
            else:
                item["setups"] = sorted(
                    keys[("setup", p)] for p in state.links.get(("bundle", row.id), ())
                )
                item["services"] = sorted(
                    keys[("service", n)] for n in state.links.get(("bundle_services", row.id), ())
                )
            if not row.active:
                item["active"] = False
            items.append(item)
        out[section] = items
    promos = []
    for code, row in sorted(state.promos.items()):
        targets = state.links.get(("promo", row.id), set())
        item = _optional(
            {
                "code": code,
                "kind": row.kind,
                "value": row.value,
                "valid_from": row.valid_from,
                "valid_to": row.valid_to,
                "max_uses": row.max_uses,
                "max_uses_per_client": row.max_uses_per_client,
            }
        )
        words = sorted(
            f"{kind}:{'*' if name is None else keys[(kind, name)]}" for kind, name in targets
        )
        if words:
            item["applies_to"] = words
        if not row.active:
            item["active"] = False
        promos.append(item)
    out["promo_codes"] = promos
    out["closed"] = [
        _optional(
            {
                "day": day,
                "reason": reason,
                "room": keys[("room", state.names[("room", room_id)])] if room_id else None,
            }
        )
        for (day, room_id), (_cid, reason) in sorted(
            state.closed.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)
        )
    ]
    out["staff"] = [
        {
            "name": u.full_name,
            "email": u.email,
            "phone": u.phone,
            "role": u.role,
            **({} if u.active else {"active": False}),
        }
        for u in sorted(state.staff.values(), key=lambda u: u.id)
        if u.role != Role.CLIENT.value
    ]
    return {k: v for k, v in out.items() if v != [] and v != {}}
