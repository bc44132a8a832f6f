"""The studio's own set-up: creating it on first run, its booking rules beside the
overrides of rooms and setups, opening hours and closed dates, tax and billing details,
and the receipt series with its lock (managers and owners; every change audited).

Adding opening hours, closed dates and overrides is in :mod:`.catalogue`; this module
reads them back and takes them away.
"""

from __future__ import annotations

from dataclasses import asdict, fields, replace
from datetime import date

from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.availability import OpeningInterval, studio_zone
from podyx_desktop.domain.enums import Role, SeriesKind
from podyx_desktop.domain.errors import Conflict, NotAllowed, NotFound
from podyx_desktop.domain.message import m
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.policy import BookingPolicy, PolicyOverride, resolve_policy
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount, StudioSettings
from podyx_desktop.domain.setup import (
    ClosedDateEntry,
    PolicyView,
    SeriesStatus,
    StudioPolicies,
    TaxSettings,
)
from podyx_desktop.domain.words import word
from podyx_desktop.services import catalogue_checks as checks
from podyx_desktop.services import mapping
from podyx_desktop.services.accounts import AccountService
from podyx_desktop.services.catalogue import DEFAULT_SERIES
from podyx_desktop.services.context import ServiceContext, audit, require_role, studio

POLICY_FIELDS = tuple(f.name for f in fields(BookingPolicy))
SHARED_DATABASE = m(
    "On a shared PostgreSQL database the studio is created by IT with `podyx-admin studio "
    "apply FILE.toml`, so that two seats cannot both start it. Ask your IT to run it."
)


def preview_number(fmt: SeriesFormat, year: int, value: int = 1) -> str:
    """The number ``fmt`` gives the ``value``-th receipt of ``year`` (the live preview)."""
    return fmt.format(year, value)


class StudioSetupService:
    def __init__(self, ctx: ServiceContext, accounts: AccountService) -> None:
        self._ctx = ctx
        self._accounts = accounts

    # --- first run --------------------------------------------------------------------

    def create_studio(
        self, principal: Principal, settings: StudioSettings, owner: NewAccount, device: str = ""
    ) -> r.SignedIn:
        """First run on an empty local (SQLite) database: the studio, its receipt series
        and its owner's account in one transaction; the owner is signed in. Refused when
        the database has a studio, and on PostgreSQL (IT uses ``podyx-admin``)."""
        if not self._ctx.db.is_sqlite:
            raise NotAllowed(SHARED_DATABASE)
        values = checks.clean_settings(settings)
        with self._ctx.db.write() as session:
            if session.get(t.Studio, 1) is not None:
                raise Conflict(m("This database already has a studio. Sign in instead."))
            session.add(t.Studio(id=1, **values))
            session.add_all(
                t.ReceiptSeries(kind=kind.value, locked=False, **asdict(SeriesFormat(prefix)))
                for kind, prefix in DEFAULT_SERIES.items()
            )
            session.flush()
            user = self._accounts.create_in_session(session, owner, Role.OWNER)
            now = self._ctx.now()
            audit(
                session,
                when=now,
                user=user,
                action="create_studio",
                entity="studio",
                entity_id=1,
                after=values,
            )
            audit(
                session,
                when=now,
                user=user,
                action="create_account",
                entity="user",
                entity_id=user.id,
                after={"email": user.email, "role": Role.OWNER.value},
            )
            return self._accounts.signed_in(session, user, device)

    # --- booking rules ----------------------------------------------------------------

    def policies(self, principal: Principal) -> StudioPolicies:
        """The studio's rules, and each room's and setup's overrides beside what they inherit."""
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            base = mapping.studio_policy(studio(session))
            rooms = session.scalars(select(t.Room).order_by(t.Room.id)).all()
            setups = session.scalars(select(t.Setup).order_by(t.Setup.room_id, t.Setup.id)).all()
            room_policy = {
                room.id: resolve_policy(base, mapping.policy_override(room)) for room in rooms
            }
            return StudioPolicies(
                studio=base,
                rooms=tuple(
                    PolicyView(
                        "room",
                        room.id,
                        room.name,
                        mapping.policy_override(room),
                        base,
                        room_policy[room.id],
                    )
                    for room in rooms
                ),
                setups=tuple(
                    PolicyView(
                        "setup",
                        s.id,
                        s.name,
                        mapping.policy_override(s),
                        room_policy[s.room_id],
                        resolve_policy(room_policy[s.room_id], mapping.policy_override(s)),
                    )
                    for s in setups
                ),
            )

    def set_studio_policy(self, principal: Principal, policy: BookingPolicy) -> BookingPolicy:
        """The studio-wide buffer, lead time, cutoffs and maximum reschedules."""
        values = checks.check_policy(PolicyOverride(**asdict(policy)))
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = studio(session)
            before = {k: getattr(row, k) for k, v in values.items() if getattr(row, k) != v}
            after = {k: values[k] for k in before}
            for name, value in after.items():
                setattr(row, name, value)
            if after:
                audit(
                    session,
                    when=self._ctx.now(),
                    user=user,
                    action="change_policy",
                    entity="studio",
                    entity_id=1,
                    before=before,
                    after=after,
                )
            return mapping.studio_policy(row)

    def clear_policy_override(
        self, principal: Principal, *, room_id: int | None = None, setup_id: int | None = None
    ) -> None:
        """A room or setup goes back to the rules it inherits."""
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            entity = "room" if room_id is not None else "setup"
            if (room_id is None) == (setup_id is None):
                raise NotFound(m("Choose either a room or a setup whose overrides to clear."))
            row: t.Room | t.Setup | None = (
                session.get(t.Room, room_id)
                if room_id is not None
                else session.get(t.Setup, setup_id)
            )
            if row is None:
                raise NotFound(
                    m("That {entity} does not exist. Refresh and try again.", entity=entity)
                )
            before = {
                k: v for k, v in asdict(mapping.policy_override(row)).items() if v is not None
            }
            if not before:
                return
            for name in before:
                setattr(row, name, None)
            audit(
                session,
                when=self._ctx.now(),
                user=user,
                action="clear_policy",
                entity=entity,
                entity_id=row.id,
                before=before,
                after=dict.fromkeys(before),
            )

    # --- opening hours and closed dates ----------------------------------------------

    def opening_hours(
        self, principal: Principal, room_id: int | None = None
    ) -> tuple[OpeningInterval, ...]:
        """The studio's weekly hours (or one room's own; none: it uses the studio's)."""
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            scope = (
                t.OpeningHours.room_id.is_(None)
                if room_id is None
                else t.OpeningHours.room_id == room_id
            )
            rows = session.scalars(
                select(t.OpeningHours)
                .where(scope)
                .order_by(t.OpeningHours.weekday, t.OpeningHours.open_minute)
            )
            return tuple(OpeningInterval(h.weekday, h.open_minute, h.close_minute) for h in rows)

    def closed_dates(
        self, principal: Principal, first: date | None = None, last: date | None = None
    ) -> list[ClosedDateEntry]:
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            query = (
                select(t.ClosedDate, t.Room.name)
                .outerjoin(t.Room, t.Room.id == t.ClosedDate.room_id)
                .order_by(t.ClosedDate.day, t.ClosedDate.id)
            )
            if first is not None:
                query = query.where(t.ClosedDate.day >= first.isoformat())
            if last is not None:
                query = query.where(t.ClosedDate.day <= last.isoformat())
            return [
                ClosedDateEntry(c.id, date.fromisoformat(c.day), c.reason, c.room_id, room)
                for c, room in session.execute(query)
            ]

    def remove_closed_date(self, principal: Principal, closed_date_id: int) -> None:
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = session.get(t.ClosedDate, closed_date_id)
            if row is None:
                raise NotFound(m("That closed date does not exist. Refresh and try again."))
            entity, entity_id = ("room", row.room_id) if row.room_id is not None else ("studio", 1)
            before = {"closed_on": row.day, "reason": row.reason}
            session.delete(row)
            audit(
                session,
                when=self._ctx.now(),
                user=user,
                action="remove_closed_date",
                entity=entity,
                entity_id=entity_id,
                before=before,
            )

    # --- tax and receipts -------------------------------------------------------------

    def tax_settings(self, principal: Principal) -> TaxSettings:
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            row = studio(session)
            return TaxSettings(
                row.prices_include_vat,
                row.default_vat_rate_bp,
                row.vat_number,
                row.registration_number,
                row.bank_details,
            )

    def set_tax_settings(self, principal: Principal, tax: TaxSettings) -> TaxSettings:
        """Prices with or without VAT, the default rate, and the billing details printed
        on receipts from now on (receipts already issued keep what they printed)."""
        with self._ctx.db.write() as session:
            user = require_role(session, principal, Role.MANAGER)
            row = studio(session)
            current = StudioSettings(
                **{f.name: getattr(row, f.name) for f in fields(StudioSettings)}
            )
            values = checks.clean_settings(replace(current, **asdict(tax)))
            names = [f.name for f in fields(TaxSettings)]
            before = {k: getattr(row, k) for k in names if getattr(row, k) != values[k]}
            after = {k: values[k] for k in before}
            for name, value in after.items():
                setattr(row, name, value)
            if after:
                audit(
                    session,
                    when=self._ctx.now(),
                    user=user,
                    action="change_tax_settings",
                    entity="studio",
                    entity_id=1,
                    before=before,
                    after=after,
                )
            return TaxSettings(**{k: getattr(row, k) for k in names})

    def series_status(self, principal: Principal, kind: SeriesKind) -> SeriesStatus:
        """The series' format, whether it is locked (and why), and the next number."""
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.MANAGER)
            row = session.scalar(select(t.ReceiptSeries).where(t.ReceiptSeries.kind == kind.value))
            if row is None:
                raise NotFound(m("The studio has no such series yet. Set the studio up first."))
            fmt = SeriesFormat(row.prefix, row.include_year, row.min_digits, row.yearly_reset)
            year = self._ctx.now().astimezone(studio_zone(studio(session).time_zone)).year
            counter = session.scalar(
                select(t.ReceiptCounter.last_value).where(
                    t.ReceiptCounter.series_id == row.id,
                    t.ReceiptCounter.year == fmt.counter_key(year),
                )
            )
            locked = row.locked or counter is not None
            what = kind.value.replace("_", " ")
            reason = (
                m(
                    "Locked: {what} numbers have been issued with this format, and the series "
                    "must stay unbroken.",
                    what=word(what),
                )
                if locked
                else ""
            )
            return SeriesStatus(
                kind.value, fmt, locked, reason, preview_number(fmt, year, (counter or 0) + 1)
            )
