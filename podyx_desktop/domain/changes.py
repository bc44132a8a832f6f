"""What a write changed: kinds of entity and, where known, their ids.

Every write reports a :class:`Changes` (the unit of work records it as the transaction
writes, see :mod:`podyx_desktop.db.engine`); the operation that ran it publishes it on the
window's change bus, other seats receive the same value through the change feed, and
each screen reloads only when a kind it shows is among them. Plain data: it crosses
threads, processes (PostgreSQL NOTIFY payloads) and, later, the studio server as JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of entity a write can change; screens declare the ones they show."""

    CLIENTS = "clients"  # a client's account: name, email, phone, billing, store credit
    BOOKINGS = "bookings"
    PURCHASES = "purchases"  # payments, refunds (credit notes), receipts
    BUNDLES = "bundles"  # bundles held by clients and their ledgers
    NOTES = "notes"
    FILES = "files"
    CATALOGUE = "catalogue"  # rooms, setups, services, add-ons, bundle products, promo codes
    SETTINGS = "settings"  # the studio, opening hours, closed dates, policies, receipt series
    STAFF = "staff"  # staff accounts and roles
    AUDIT = "audit"
    SESSIONS = "sessions"  # remembered sign-ins (tokens)
    WAITLIST = "waitlist"  # clients waiting for a taken time, and the offers of freed ones


@dataclass(frozen=True)
class Changes:
    """Kinds changed, with the ids where they are known.

    ``ids[kind]`` is the set of changed ids when every change of that kind was recorded
    with its id, and None when some were not (a statement that updated rows it did not
    name). ``everything``: anything may have changed (a seat whose feed cannot say what,
    a reconnect after missed notifications).
    """

    ids: Mapping[Kind, frozenset[int] | None] = field(default_factory=dict)
    everything: bool = False

    # --- building ---------------------------------------------------------------------

    @classmethod
    def of(cls, *kinds: Kind) -> Changes:
        """These kinds changed; which ones, unknown."""
        return cls({kind: None for kind in kinds})

    @classmethod
    def of_ids(cls, kind: Kind, ids: Iterable[int]) -> Changes:
        return cls({kind: frozenset(ids)})

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    def merge(self, other: Changes) -> Changes:
        if self.everything or other.everything:
            return Changes.all()
        merged: dict[Kind, frozenset[int] | None] = dict(self.ids)
        for kind, ids in other.ids.items():
            if kind not in merged:
                merged[kind] = ids
            else:
                known = merged[kind]
                merged[kind] = None if known is None or ids is None else known | ids
        return Changes(merged)

    @classmethod
    def merge_all(cls, many: Iterable[Changes]) -> Changes:
        """All of ``many`` merged in one pass (``merge`` in a loop copies the growing
        sets each time: quadratic over a long change log)."""
        merged: dict[Kind, set[int] | None] = {}
        for changes in many:
            if changes.everything:
                return cls.all()
            for kind, ids in changes.ids.items():
                if ids is None:
                    merged[kind] = None
                elif kind not in merged:
                    merged[kind] = set(ids)
                else:
                    known = merged[kind]
                    if known is not None:
                        known.update(ids)
        return cls({kind: None if ids is None else frozenset(ids) for kind, ids in merged.items()})

    # --- reading ----------------------------------------------------------------------

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(Kind) if self.everything else frozenset(self.ids)

    def __bool__(self) -> bool:
        return self.everything or bool(self.ids)

    def __contains__(self, kind: object) -> bool:
        """``kind in changes``: whether that kind may have changed (a Kind, or its value)."""
        return self.everything or kind in self.ids

    def without_ids(self) -> Changes:
        """The same kinds with no ids (a NOTIFY payload that would be too long)."""
        return self if self.everything else Changes.of(*self.ids)

    def touches(self, *kinds: Kind) -> bool:
        """Whether any of ``kinds`` may have changed."""
        return self.everything or any(kind in self.ids for kind in kinds)

    def ids_of(self, kind: Kind) -> frozenset[int] | None:
        """The changed ids of ``kind``: empty when it did not change, None when unknown."""
        if self.everything:
            return None
        return self.ids.get(kind, frozenset())

    # --- as JSON (NOTIFY payloads, the studio server) ----------------------------------

    def to_data(self) -> dict[str, list[int] | None]:
        """Plain JSON-ready data: kind → sorted ids or None; ``{"*": None}`` for everything."""
        if self.everything:
            return {"*": None}
        return {
            kind.value: (sorted(ids) if ids is not None else None)
            for kind, ids in sorted(self.ids.items())
        }

    def to_json(self) -> str:
        if self.everything:
            return '{"*": null}'
        import json  # not at import: the sign-in screen paints before json is needed

        return json.dumps(self.to_data(), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Changes:
        """The value :meth:`to_json` wrote; anything unreadable means "everything"."""
        try:
            import json

            raw = json.loads(text) if text else None
        except ValueError:
            return cls.all()
        return cls.from_data(raw)

    @classmethod
    def from_data(cls, raw: object) -> Changes:
        """:meth:`from_json` of an already parsed value (a NOTIFY payload's ``changes``)."""
        if not isinstance(raw, dict) or "*" in raw:
            return cls.all()
        ids: dict[Kind, frozenset[int] | None] = {}
        for name, value in raw.items():
            try:
                kind = Kind(name)
            except ValueError:
                return cls.all()  # a newer seat's kind: reload everything to be safe
            if isinstance(value, list) and all(isinstance(v, int) for v in value):
                ids[kind] = frozenset(value)
            else:
                ids[kind] = None
        return cls(ids)

    def __hash__(self) -> int:
        return hash((self.everything, frozenset(self.ids.items())))
