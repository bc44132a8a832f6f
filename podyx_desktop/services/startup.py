"""The reads the desktop app opens with, made before SQLAlchemy is imported.

The studio, a remembered session, and the signed-in person's first bookings: the same
records, the same checks and the same refusals as ``CatalogueService.studio``,
``AccountService.resume`` and ``BookingService.list_for_client``, read with plain SQL over
a :class:`~podyx_desktop.db.direct.DirectReader` and turned into records by the same
:mod:`~podyx_desktop.services.mapping`. ``tests/services/test_startup_reads.py`` holds
them equal to the services on SQLite and on PostgreSQL.

Only reads live here; nothing that changes the database takes this path.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from podyx_desktop.db.direct import DirectReader, Row
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import NotFound, NotSignedIn, SessionExpired
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.tokens import hash_token
from podyx_desktop.services import mapping

LIST_LIMIT = 100  # as BookingService.list_for_client

STUDIO_COLUMNS = (
    "name, time_zone, currency, locale, prices_include_vat, default_vat_rate_bp, vat_number, "
    "address_line1, address_line2, postal_code, city, country, email, phone, terms, "
    "logo_png, is_demo, registration_number, bank_details"
)
USER_COLUMNS = (
    "id, email, full_name, phone, role, active, company, vat_id, address_line1, "
    "address_line2, postal_code, city, country, store_credit_minor, created_at"
)
BOOKING_COLUMNS = (
    "id, client_id, room_id, setup_id, service_id, starts_at, ends_at, blocked_until, "
    "status, original_starts_at, reschedule_count, bundle_id, purchase_id, created_at, "
    "cancel_reason"
)
BOOKING_TIMES = ("starts_at", "ends_at", "blocked_until", "original_starts_at", "created_at")


class PlainRow:
    """A row as attributes, shaped like the ORM object of its table (see the protocols in
    :mod:`~podyx_desktop.services.mapping`)."""

    def __init__(self, values: Row) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"this row has no column {name!r}")


class _Catalogue(NamedTuple):
    currency: str
    rooms: dict[int, str]
    setups: dict[int, str]
    services: dict[int, str]


class StartupReads:
    """The start-up reads over one reader, at the moment ``now``."""

    def __init__(self, reader: DirectReader, now: datetime) -> None:
        self._db = reader
        self._now = now
        self._catalogue_read: _Catalogue | None = None

    def log_position(self) -> int:
        """The newest ``change_log`` id (0: none yet), read before the other reads: a
        change another seat logs after it may be missing from what they read, and the
        window's watcher, started with it, publishes it (:mod:`podyx_desktop.gui.changes`)."""
        with self._db.transaction():
            row = self._db.first("SELECT max(id) AS newest FROM change_log")
        return int(row["newest"] or 0) if row is not None else 0

    def studio(self) -> r.StudioInfo | None:
        """The studio's public details; None when the database has no studio yet."""
        with self._db.transaction():
            row = self._studio_row()
        return mapping.studio_info(row) if row is not None else None

    def resume(self, token: str) -> r.SignedIn:
        """Sign in with a remembered token (:class:`SessionExpired` when it is unknown,
        revoked or expired, or its account is gone or deactivated)."""
        with self._db.transaction():
            session = self._db.first(
                "SELECT user_id, expires_at, revoked_at FROM session_tokens WHERE token_hash = ?",
                (hash_token(token),),
            )
            if session is None or session["revoked_at"] is not None:
                raise SessionExpired()
            expires_at = self._db.when(session["expires_at"])
            if expires_at is None or expires_at <= self._now:
                raise SessionExpired()
            user = self._user(session["user_id"])
        if user is None or not user.active:
            raise SessionExpired()
        return r.SignedIn(Principal.user(user.id, Role(user.role)), mapping.account(user), token)

    def bookings(
        self, principal: Principal, client_id: int, upcoming: bool, limit: int = LIST_LIMIT
    ) -> list[r.Booking]:
        """A client's upcoming sessions soonest first, or past ones latest first; only the
        client and the studio's staff may ask (another client gets :class:`NotFound`)."""
        with self._db.transaction():
            self._require_client_access(principal, client_id)
            now = self._db.stamp(self._now)
            # read as BookingService.list_for_client reads them (booking_records.py)
            select_ = f"SELECT {BOOKING_COLUMNS} FROM bookings WHERE client_id = ? AND "
            if upcoming:
                under_way = self._db.rows(
                    select_ + "ends_at > ? AND starts_at < ?", (client_id, now, now)
                )
                rows = sorted(under_way, key=lambda row: (row["starts_at"], row["id"]))[:limit]
                if len(rows) < limit:
                    rows += self._db.rows(
                        select_ + "starts_at >= ? ORDER BY starts_at, id LIMIT ?",
                        (client_id, now, limit - len(rows)),
                    )
            else:
                rows = self._db.rows(
                    select_ + "ends_at <= ? AND starts_at < ? "
                    "ORDER BY starts_at DESC, id DESC LIMIT ?",
                    (client_id, now, now, limit),
                )
            return self._booking_records(rows)

    # --- the pieces -------------------------------------------------------------------

    def _studio_row(self) -> PlainRow | None:
        row = self._db.first(f"SELECT {STUDIO_COLUMNS} FROM studio WHERE id = 1")
        if row is None:
            return None
        row["prices_include_vat"] = bool(row["prices_include_vat"])
        row["is_demo"] = bool(row["is_demo"])
        if row["logo_png"] is not None:
            row["logo_png"] = bytes(row["logo_png"])
        return PlainRow(row)

    def _user(self, user_id: int) -> PlainRow | None:
        row = self._db.first(f"SELECT {USER_COLUMNS} FROM users WHERE id = ?", (user_id,))
        if row is None:
            return None
        row["active"] = bool(row["active"])
        row["created_at"] = self._db.when(row["created_at"])
        return PlainRow(row)

    def _require_client_access(self, principal: Principal, client_id: int) -> None:
        """As ``services.context.require_client_access``: the caller's account is checked
        again (role and active flag), and a client may only see their own records."""
        if principal.is_anonymous:
            raise NotSignedIn()
        if not principal.is_system:
            assert principal.user_id is not None
            me = self._user(principal.user_id)
            if me is None or not me.active:
                raise NotSignedIn(m("Your account is no longer active. Please sign in again."))
            if me.id == client_id:
                return  # the caller's own account, just read
            if not Role(me.role).is_staff:
                raise NotFound(m("That record does not exist or is not yours."))
        if self._db.first("SELECT id FROM users WHERE id = ?", (client_id,)) is None:
            raise NotFound(m("That client does not exist."))

    def _booking_records(self, found: list[Row]) -> list[r.Booking]:
        """As ``services.booking_records.booking_records``, in as many queries."""
        if not found:
            return []
        for row in found:
            for column in BOOKING_TIMES:
                row[column] = self._db.when(row[column])
        addons = self._addons_of([row["id"] for row in found])
        rows = [PlainRow({**row, "addons": addons.get(row["id"], [])}) for row in found]
        catalogue = self._catalogue()
        return mapping.bookings(
            rows,
            client_names=self._names("users", "full_name", {b.client_id for b in rows}),
            room_names=catalogue.rooms,
            setup_names=catalogue.setups,
            service_names=catalogue.services,
            purchases=self._paid_with(mapping.booking_purchase_ids(rows)),
            currency=catalogue.currency,
        )

    def _catalogue(self) -> _Catalogue:
        """The studio's currency and the catalogue's names, read once for both lists."""
        if self._catalogue_read is None:
            studio = self._db.first("SELECT currency FROM studio WHERE id = 1")
            self._catalogue_read = _Catalogue(
                studio["currency"] if studio else "",
                self._names("rooms", "name"),
                self._names("setups", "name"),
                self._names("services", "name"),
            )
        return self._catalogue_read

    def _addons_of(self, booking_ids: list[int]) -> dict[int, list[PlainRow]]:
        rows = self._db.rows(
            "SELECT booking_id, addon_id, name, quantity, unit_price_minor, purchase_id "
            f"FROM booking_addons WHERE booking_id IN ({self._db.marks(len(booking_ids))}) "
            "ORDER BY id",
            booking_ids,
        )
        addons: dict[int, list[PlainRow]] = {}
        for row in rows:
            addons.setdefault(row["booking_id"], []).append(PlainRow(row))
        return addons

    def _names(self, table: str, column: str, ids: Iterable[int] | None = None) -> dict[int, str]:
        sql = f"SELECT id, {column} FROM {table}"
        wanted = list(ids) if ids is not None else []
        if ids is not None:
            sql += f" WHERE id IN ({self._db.marks(len(wanted))})"
        return {row["id"]: row[column] for row in self._db.rows(sql, wanted)}

    def _paid_with(self, purchase_ids: set[int]) -> dict[int, mapping.PaidWith]:
        if not purchase_ids:
            return {}
        rows = self._db.rows(
            "SELECT id, gross_minor, receipt_number, method, status FROM purchases "
            f"WHERE id IN ({self._db.marks(len(purchase_ids))})",
            sorted(purchase_ids),
        )
        return {
            row["id"]: mapping.PaidWith(
                row["gross_minor"], row["receipt_number"], row["method"], row["status"]
            )
            for row in rows
        }
