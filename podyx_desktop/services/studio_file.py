"""The studio as a file: reading and checking a studio TOML file (``docs/studio-file.md``).

:func:`read_studio_file` parses the text with :mod:`tomllib`, checks every table against
the format (unknown keys, wrong types, unknown time zones, overlapping opening hours,
references to setups, services and bundles the file does not define, and what the
catalogue's own checks refuse) and returns either a :class:`StudioFile` or *every* error,
each with its key path and line. tomllib keeps no positions, so :func:`key_lines` scans the
source for the line of each table header and key. Nothing here touches the database:
:mod:`.studio_apply` compares the file with the database and applies it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from podyx_desktop.demo.builder import (
    AddonSpec,
    ProductSpec,
    RoomSpec,
    ServiceSpec,
    SetupSpec,
    StaffSpec,
    StudioSpec,
)
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PromoKind, PromoTarget, Role, SeriesKind
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.policy import PolicyOverride
from podyx_desktop.domain.requests import (
    NewAddon,
    NewBundleProduct,
    NewPromoCode,
    NewService,
    StudioSettings,
)
from podyx_desktop.services import catalogue_checks as checks
from podyx_desktop.services import validation
from podyx_desktop.services.studio_file_format import (
    ADDON,
    BUNDLE,
    CLOSED,
    INTERVAL,
    POLICY,
    PROMO,
    REQUIRED,
    ROOM,
    SERIES,
    SERVICE,
    SETUP,
    STAFF,
    STUDIO,
    TARGET_WORDS,
    TAX,
    TOP,
    TYPE_WORDS,
    WEEKDAYS,
    FileError,
    Path,
    PromoEntry,
    StudioFile,
    StudioFileInvalid,
    dotted,
    key_lines,
    line_for,
)

# --- reading --------------------------------------------------------------------------


class _Reader:
    def __init__(self, lines: dict[Path, int]) -> None:
        self.lines = lines
        self.errors: list[FileError] = []

    def error(self, path: Path, message: str) -> None:
        self.errors.append(FileError(dotted(path), line_for(self.lines, path), message))

    def table(
        self, value: Any, path: Path, schema: Mapping[str, type], required: str = ""
    ) -> dict[str, Any]:
        """``value``'s keys checked against ``schema``; wrong ones reported and left out."""
        if not isinstance(value, dict):
            self.error(path, f"must be {TYPE_WORDS[dict]}.")
            return {}
        good: dict[str, Any] = {}
        for name, item in value.items():
            expected = schema.get(name)
            if expected is None:
                known = ", ".join(schema)
                self.error((*path, name), f"unknown key. Known keys here: {known}.")
            elif not _is(item, expected):
                self.error((*path, name), f"must be {TYPE_WORDS[expected]}, not {_kind(item)}.")
            else:
                good[name] = item
        for name in REQUIRED.get(required, ()):
            if name not in value:
                self.error(path, f"needs “{name}”.")
        return good

    def tables(self, value: Any, path: Path) -> list[Any]:
        if not isinstance(value, list):
            self.error(path, "must be an array of tables ([[…]]).")
            return []
        return value

    def strings(self, value: list[Any], path: Path) -> list[str]:
        bad = [i for i, item in enumerate(value) if not isinstance(item, str)]
        for i in bad:
            self.error((*path, i), "must be text.")
        return [item for item in value if isinstance(item, str)]

    def check(self, path: Path, call: Any) -> Any:
        """Run a domain check; its refusal becomes an error at ``path`` (its field's key)."""
        try:
            return call()
        except InvalidInput as refused:
            where = (*path, refused.field) if refused.field else path
            self.error(where, refused.message)
            return None


def _is(value: Any, expected: type) -> bool:
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is date:
        return isinstance(value, date) and not isinstance(value, datetime)
    if expected is datetime:
        return isinstance(value, datetime) and value.tzinfo is not None
    return isinstance(value, expected)


def _kind(value: Any) -> str:
    if isinstance(value, datetime) and value.tzinfo is None:
        return "a date and time without an offset"
    for kind in (bool, int, str, list, dict, datetime, date):
        if _is(value, kind):
            return TYPE_WORDS[kind]
    return type(value).__name__


def parse_hours(reader: _Reader, value: Any, path: Path) -> tuple[OpeningInterval, ...]:
    """``{monday = ["09:00-13:00", "14:00-21:00"], …}`` as intervals, overlaps refused."""
    table = reader.table(value, path, dict.fromkeys(WEEKDAYS, list))
    intervals: list[OpeningInterval] = []
    for day, spans in table.items():
        weekday = WEEKDAYS.index(day)
        found = []
        for i, span in enumerate(reader.strings(spans, (*path, day))):
            match = INTERVAL.match(span.strip())
            if match is None:
                reader.error((*path, day, i), f"“{span}” is not a time span such as 09:00-13:00.")
                continue
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            start, end = h1 * 60 + m1, h2 * 60 + m2
            if m1 > 59 or m2 > 59 or not 0 <= start < end <= 24 * 60:
                reader.error(
                    (*path, day, i), f"“{span}” must open before it closes, within the day."
                )
                continue
            found.append(OpeningInterval(weekday, start, end))
        try:
            checks.check_opening_hours(found)
        except InvalidInput as refused:
            reader.error((*path, day), refused.message)
        else:
            intervals.extend(found)
    return tuple(sorted(intervals, key=lambda i: (i.weekday, i.open_minute)))


def read_studio_file(source: str) -> StudioFile:
    """The checked file, or :class:`StudioFileInvalid` with every problem and its line."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+)", str(error))
        line = int(found.group(1)) if found else getattr(error, "lineno", None)
        message = re.sub(r"\s*\(at [^)]*\)$", "", str(error))
        raise StudioFileInvalid([FileError("", line, f"not valid TOML: {message}.")]) from None
    reader = _Reader(key_lines(source))
    top = reader.table(data, (), TOP)
    studio = reader.table(top.get("studio", {}), ("studio",), STUDIO, "studio")
    tax = reader.table(top.get("tax", {}), ("tax",), TAX)
    policy = reader.table(top.get("policy", {}), ("policy",), POLICY)
    zone_ok = True
    if isinstance(studio.get("time_zone"), str):
        try:
            ZoneInfo(studio["time_zone"])
        except (ZoneInfoNotFoundError, ValueError):
            zone_ok = False
            reader.error(
                ("studio", "time_zone"),
                f"“{studio['time_zone']}” is not a time zone. "
                "Use an IANA name such as Europe/Berlin.",
            )
    settings = None
    if all(k in studio for k in REQUIRED["studio"]) and zone_ok:
        settings = StudioSettings(**studio, **tax, **policy)
        settings_path: Path = ("studio",)
        try:
            checks.clean_settings(settings)
        except InvalidInput as refused:
            name = refused.field or ""
            part = "tax" if name in TAX else "policy" if name in POLICY else "studio"
            reader.error((part, name) if name else settings_path, refused.message)
    hours = parse_hours(reader, top.get("opening_hours", {}), ("opening_hours",))
    result = StudioFile(
        StudioSpec(settings or StudioSettings("", "UTC", "EUR")), lines=reader.lines
    )
    result.has = set(top)
    for kind_name, series in reader.table(
        top.get("receipts", {}), ("receipts",), {"receipt": dict, "credit_note": dict}
    ).items():
        values = reader.table(series, ("receipts", kind_name), SERIES)
        fmt = reader.check(
            ("receipts", kind_name), lambda v=values: SeriesFormat(**{"prefix": "R-", **v})
        )
        if fmt is not None and "prefix" in values:
            result.series[SeriesKind(kind_name)] = fmt
        elif "prefix" not in values:
            reader.error(("receipts", kind_name), "needs “prefix”.")

    keys: dict[str, dict[str, Path]] = {
        "room": {},
        "setup": {},
        "service": {},
        "addon": {},
        "bundle": {},
    }

    def claim(kind: str, key: Any, path: Path) -> bool:
        if not isinstance(key, str) or not key:
            return False
        if key in keys[kind]:
            reader.error(
                (*path, "key"),
                f"the {kind} key “{key}” is used twice (first at {dotted(keys[kind][key])}).",
            )
            return False
        keys[kind][key] = path
        return True

    def extras(kind: str, key: str, item: dict[str, Any], path: Path) -> None:
        if item.get("active") is False:
            result.inactive.add((kind, key))
        if "policy" in item:
            values = reader.table(item["policy"], (*path, "policy"), POLICY)
            override = PolicyOverride(**values)
            if reader.check((*path, "policy"), lambda: checks.check_policy(override)) is not None:
                result.policies[(kind, key)] = override

    rooms: list[RoomSpec] = []
    for i, raw in enumerate(reader.tables(top.get("rooms", []), ("rooms",))):
        path = ("rooms", i)
        room = reader.table(raw, path, ROOM, "room")
        setups: list[SetupSpec] = []
        for j, raw_setup in enumerate(reader.tables(room.get("setups", []), (*path, "setups"))):
            spath = (*path, "setups", j)
            setup = reader.table(raw_setup, spath, SETUP, "setup")
            if claim("setup", setup.get("key"), spath) and "name" in setup:
                setups.append(SetupSpec(setup["key"], setup["name"], setup.get("description", "")))
                extras("setup", setup["key"], setup, spath)
        if claim("room", room.get("key"), path) and "name" in room:
            rooms.append(
                RoomSpec(room["key"], room["name"], room.get("description", ""), tuple(setups))
            )
            extras("room", room["key"], room, path)
            if "opening_hours" in room:
                result.room_hours[room["key"]] = parse_hours(
                    reader, room["opening_hours"], (*path, "opening_hours")
                )

    def refs(kind: str, item: dict[str, Any], name: str, path: Path) -> tuple[str, ...]:
        found = []
        for i, key in enumerate(reader.strings(item.get(name, []), (*path, name))):
            if key not in keys[kind]:
                reader.error((*path, name, i), f"no {kind} has the key “{key}”.")
            else:
                found.append(key)
        return tuple(found)

    services: list[ServiceSpec] = []
    for i, raw in enumerate(reader.tables(top.get("services", []), ("services",))):
        path = ("services", i)
        item = reader.table(raw, path, SERVICE, "service")
        setup_keys = refs("setup", item, "setups", path)
        if not all(k in item for k in REQUIRED["service"]) or not claim(
            "service", item["key"], path
        ):
            continue
        request = NewService(
            item["name"],
            item["hourly_rate_minor"],
            item["min_minutes"],
            item["max_minutes"],
            item["step_minutes"],
            (0,) * len(setup_keys),
            item.get("description", ""),
            item.get("vat_rate_bp"),
        )
        if reader.check(path, lambda r=request: checks.clean_service(r)) is not None:
            services.append(
                ServiceSpec(
                    item["key"],
                    item["name"],
                    item["hourly_rate_minor"],
                    item["min_minutes"],
                    item["max_minutes"],
                    item["step_minutes"],
                    setup_keys,
                    item.get("description", ""),
                    item.get("vat_rate_bp"),
                )
            )
            extras("service", item["key"], item, path)

    addons: list[AddonSpec] = []
    for i, raw in enumerate(reader.tables(top.get("addons", []), ("addons",))):
        path = ("addons", i)
        item = reader.table(raw, path, ADDON, "addon")
        service_keys = refs("service", item, "services", path)
        if not all(k in item for k in REQUIRED["addon"]) or not claim("addon", item["key"], path):
            continue
        options: dict[str, Any] = {
            k: item[k]
            for k in (
                "description",
                "max_quantity",
                "hidden_from_clients",
                "client_can_add_after_booking",
                "vat_rate_bp",
            )
            if k in item
        }
        addon_request = NewAddon(
            item["name"], item["unit_price_minor"], (0,) * len(service_keys), **options
        )
        if reader.check(path, lambda r=addon_request: checks.clean_addon(r)) is not None:
            addons.append(
                AddonSpec(
                    item["key"], item["name"], item["unit_price_minor"], service_keys, **options
                )
            )
            extras("addon", item["key"], item, path)

    products: list[ProductSpec] = []
    lengths = {s.key: range(s.min_minutes, s.max_minutes + 1, s.step_minutes) for s in services}
    for i, raw in enumerate(reader.tables(top.get("bundles", []), ("bundles",))):
        path = ("bundles", i)
        item = reader.table(raw, path, BUNDLE, "bundle")
        setup_keys = refs("setup", item, "setups", path)
        service_keys = refs("service", item, "services", path)
        if not all(k in item for k in REQUIRED["bundle"]) or not claim("bundle", item["key"], path):
            continue
        for key in service_keys:
            if key in lengths and item["session_minutes"] not in lengths[key]:
                reader.error(
                    (*path, "session_minutes"),
                    f"the service “{key}” cannot be booked for {item['session_minutes']} minutes.",
                )
        options = {k: item[k] for k in ("validity_days", "description", "vat_rate_bp") if k in item}
        bundle_request = NewBundleProduct(
            item["name"],
            item["sessions"],
            item["session_minutes"],
            item["price_minor"],
            (0,) * len(setup_keys),
            (),
            **options,
        )
        if reader.check(path, lambda r=bundle_request: checks.clean_bundle_product(r)) is not None:
            products.append(
                ProductSpec(
                    item["key"],
                    item["name"],
                    item["sessions"],
                    item["session_minutes"],
                    item["price_minor"],
                    setup_keys,
                    service_keys,
                    **options,
                )
            )
            extras("bundle", item["key"], item, path)

    codes: set[str] = set()
    for i, raw in enumerate(reader.tables(top.get("promo_codes", []), ("promo_codes",))):
        path = ("promo_codes", i)
        item = reader.table(raw, path, PROMO, "promo")
        targets: list[tuple[PromoTarget, str | None]] = []
        for j, word in enumerate(reader.strings(item.get("applies_to", []), (*path, "applies_to"))):
            kind_word, _, key = word.partition(":")
            if kind_word not in TARGET_WORDS or not key:
                reader.error(
                    (*path, "applies_to", j),
                    f"“{word}” is not “service:KEY”, "
                    "“setup:KEY”, “bundle:KEY” or “service:*” (any).",
                )
            elif key != "*" and key not in keys[kind_word]:
                reader.error((*path, "applies_to", j), f"no {kind_word} has the key “{key}”.")
            else:
                targets.append((TARGET_WORDS[kind_word], None if key == "*" else key))
        if not all(k in item for k in REQUIRED["promo"]):
            continue
        if item["kind"] not in ("percent", "fixed"):
            reader.error(
                (*path, "kind"),
                "must be “percent” (value in basis points) or “fixed” (value in minor units).",
            )
            continue
        promo_request = NewPromoCode(
            item["code"],
            PromoKind(item["kind"]),
            item["value"],
            tuple((k, 0) for k, _ in targets),
            item.get("valid_from"),
            item.get("valid_to"),
            item.get("max_uses"),
            item.get("max_uses_per_client"),
        )
        cleaned = reader.check(path, lambda r=promo_request: checks.clean_promo(r))
        if cleaned is None:
            continue
        if cleaned["code"] in codes:
            reader.error((*path, "code"), f"the code “{cleaned['code']}” is listed twice.")
            continue
        codes.add(cleaned["code"])
        result.promos.append(PromoEntry(promo_request, tuple(targets), item.get("active", True)))

    for i, raw in enumerate(reader.tables(top.get("closed", []), ("closed",))):
        path = ("closed", i)
        item = reader.table(raw, path, CLOSED, "closed")
        room_key = item.get("room")
        if room_key is not None and room_key not in keys["room"]:
            reader.error((*path, "room"), f"no room has the key “{room_key}”.")
        elif "day" in item:
            reason = reader.check(path, lambda r=item.get("reason", ""): checks.clean_reason(r))
            if reason is not None:
                result.closed.append((item["day"], reason, room_key))

    staff: list[StaffSpec] = []
    emails: set[str] = set()
    country = (studio.get("country") or "").upper() or None
    for i, raw in enumerate(reader.tables(top.get("staff", []), ("staff",))):
        path = ("staff", i)
        item = reader.table(raw, path, STAFF, "staff")
        if not all(k in item for k in REQUIRED["staff"]):
            continue
        if item["role"] not in ("front_desk", "manager", "owner"):
            reader.error((*path, "role"), "must be “front_desk”, “manager” or “owner”.")
            continue
        email = reader.check((*path, "email"), lambda e=item["email"]: validation.clean_email(e))
        phone = reader.check(
            (*path, "phone"), lambda p=item["phone"]: validation.clean_phone(p, country)
        )
        if email is None or phone is None:
            continue
        if validation.email_key(email) in emails:
            reader.error((*path, "email"), f"{email} is listed twice.")
            continue
        emails.add(validation.email_key(email))
        staff.append(StaffSpec(Role(item["role"]), item["name"], email, phone))
        if item.get("active") is False:
            result.inactive_staff.add(validation.email_key(email))

    if reader.errors:
        raise StudioFileInvalid(reader.errors)
    assert settings is not None
    result.spec = replace(
        result.spec,
        settings=settings,
        opening_hours=hours,
        rooms=tuple(rooms),
        services=tuple(services),
        addons=tuple(addons),
        products=tuple(products),
        staff=tuple(staff),
    )
    return result
