"""The studio file's format: its tables and keys, their types, and where each key is.

:func:`key_lines` finds the line of every table header and key (tomllib keeps no
positions), so that :mod:`.studio_file` can name the line of every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from podyx_desktop.demo.builder import (
    StudioSpec,
)
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PromoTarget, SeriesKind
from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.policy import PolicyOverride
from podyx_desktop.domain.requests import (
    NewPromoCode,
)
from podyx_desktop.services import catalogue_checks as checks

Path = tuple[str | int, ...]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
INTERVAL = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")
POLICY = {name: int for name in checks.POLICY_FIELDS}
STUDIO = {
    "name": str,
    "time_zone": str,
    "currency": str,
    "locale": str,
    "address_line1": str,
    "address_line2": str,
    "postal_code": str,
    "city": str,
    "country": str,
    "email": str,
    "phone": str,
    "terms": str,
}
TAX = {
    "prices_include_vat": bool,
    "default_vat_rate_bp": int,
    "vat_number": str,
    "registration_number": str,
    "bank_details": str,
}
SERIES = {"prefix": str, "include_year": bool, "min_digits": int, "yearly_reset": bool}
SETUP = {"key": str, "name": str, "description": str, "active": bool, "policy": dict}
ROOM = {**SETUP, "setups": list, "opening_hours": dict}
SERVICE = {
    "key": str,
    "name": str,
    "description": str,
    "hourly_rate_minor": int,
    "min_minutes": int,
    "max_minutes": int,
    "step_minutes": int,
    "setups": list,
    "vat_rate_bp": int,
    "active": bool,
}
ADDON = {
    "key": str,
    "name": str,
    "description": str,
    "unit_price_minor": int,
    "services": list,
    "max_quantity": int,
    "hidden_from_clients": bool,
    "client_can_add_after_booking": bool,
    "vat_rate_bp": int,
    "active": bool,
}
BUNDLE = {
    "key": str,
    "name": str,
    "description": str,
    "sessions": int,
    "session_minutes": int,
    "price_minor": int,
    "setups": list,
    "services": list,
    "validity_days": int,
    "vat_rate_bp": int,
    "active": bool,
}
PROMO = {
    "code": str,
    "kind": str,
    "value": int,
    "applies_to": list,
    "valid_from": datetime,
    "valid_to": datetime,
    "max_uses": int,
    "max_uses_per_client": int,
    "active": bool,
}
CLOSED = {"day": date, "reason": str, "room": str}
STAFF = {"name": str, "email": str, "phone": str, "role": str, "active": bool}
TOP = {
    "studio": dict,
    "tax": dict,
    "policy": dict,
    "receipts": dict,
    "opening_hours": dict,
    "closed": list,
    "rooms": list,
    "services": list,
    "addons": list,
    "bundles": list,
    "promo_codes": list,
    "staff": list,
}
REQUIRED = {
    "studio": ("name", "time_zone", "currency"),
    "room": ("key", "name"),
    "setup": ("key", "name"),
    "service": (
        "key",
        "name",
        "hourly_rate_minor",
        "min_minutes",
        "max_minutes",
        "step_minutes",
        "setups",
    ),
    "addon": ("key", "name", "unit_price_minor", "services"),
    "bundle": ("key", "name", "sessions", "session_minutes", "price_minor", "setups"),
    "promo": ("code", "kind", "value"),
    "closed": ("day",),
    "staff": ("name", "email", "phone", "role"),
}
TARGET_WORDS = {
    "service": PromoTarget.SERVICE,
    "setup": PromoTarget.SETUP,
    "bundle": PromoTarget.BUNDLE_PRODUCT,
}
TYPE_WORDS = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
    date: "a date (2026-12-24)",
    datetime: "a date and time with its offset (2026-01-01T00:00:00+01:00)",
}


@dataclass(frozen=True)
class FileError:
    path: str  # e.g. services[1].setups
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"


class StudioFileInvalid(PodyxError):
    """The file was refused; ``errors`` lists every problem (nothing was written)."""

    def __init__(self, errors: list[FileError]) -> None:
        self.errors = errors
        count = f"{len(errors)} problem{'s' if len(errors) != 1 else ''}"
        super().__init__(f"The studio file has {count}; nothing was changed.")


@dataclass(frozen=True)
class PromoEntry:
    request: NewPromoCode  # targets hold keys' positions: see ``target_keys``
    target_keys: tuple[tuple[PromoTarget, str | None], ...]
    active: bool = True


@dataclass
class StudioFile:
    """A checked file: the builder's description plus what the builder does not cover."""

    spec: StudioSpec
    closed: list[tuple[date, str, str | None]] = field(default_factory=list)  # day, reason, room
    room_hours: dict[str, tuple[OpeningInterval, ...]] = field(default_factory=dict)
    promos: list[PromoEntry] = field(default_factory=list)
    series: dict[SeriesKind, SeriesFormat] = field(default_factory=dict)
    inactive: set[tuple[str, str]] = field(default_factory=set)  # (kind, key)
    policies: dict[tuple[str, str], PolicyOverride] = field(default_factory=dict)
    inactive_staff: set[str] = field(default_factory=set)  # emails
    has: set[str] = field(default_factory=set)  # the top-level tables the file has
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int | None:
        return line_for(self.lines, path)


def dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def line_for(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path``, or of its nearest ancestor the scan found."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


# --- where each key is ------------------------------------------------------------------

HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
KEY = re.compile(r'^\s*((?:[A-Za-z0-9_-]+|"[^"]*")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"))*)\s*=')


def _parts(dotted_key: str) -> list[str]:
    return [p.strip().strip('"') for p in re.findall(r'"[^"]*"|[^.]+', dotted_key)]


def key_lines(source: str) -> dict[Path, int]:
    """The line (1-based) of each table header and ``key =`` in ``source``, by key path;
    arrays of tables are counted (``rooms[1].setups[0].name``). Lines inside multi-line
    strings and arrays are skipped as well as a line scan can."""
    lines: dict[Path, int] = {}
    counts: dict[Path, int] = {}
    table: Path = ()
    open_brackets = 0
    in_string = False
    for number, text in enumerate(source.splitlines(), start=1):
        if in_string:
            in_string = text.count('"""') % 2 == 0 and text.count("'''") % 2 == 0
            continue
        if open_brackets > 0:
            open_brackets += text.count("[") - text.count("]")
            continue
        header = HEADER.match(text)
        if header and not KEY.match(text):
            names = _parts(header.group(2))
            path: Path = ()
            for name in names[:-1]:  # a parent array of tables means its last element
                path = (*path, name)
                if path in counts:
                    path = (*path, counts[path] - 1)
            path = (*path, names[-1])
            if header.group(1) == "[[":
                index = counts.get(path, 0)
                counts[path] = index + 1
                lines.setdefault(path, number)
                path = (*path, index)
            lines[path] = number
            table = path
            continue
        key = KEY.match(text)
        if key:
            path = (*table, *_parts(key.group(1)))
            lines[path] = number
            rest = text[key.end() :]
            if rest.count('"""') % 2 == 1 or rest.count("'''") % 2 == 1:
                in_string = True
            open_brackets = max(0, rest.count("[") - rest.count("]"))
    return lines
