"""The desk manages a client's account: their details (name, email, phone), a lockout
lifted early, and a new one-time code to hand over.

Staff only (front desk, manager, owner; the services re-read the role); clients and
anonymous callers are refused, and staff accounts are not managed here (only clients').
Every change is audited with what it was before and after. Each write locks the client's
row first, so two seats changing one client take turns and the second is told in words
what the first did (an unlock already made, an email another account took meanwhile).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import Conflict, NotFound
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.tokens import hash_token
from podyx_desktop.services import mapping, validation
from podyx_desktop.services.accounts import CODE_DAYS, new_code
from podyx_desktop.services.context import ServiceContext, audit, require_staff, studio

UNSET_PASSWORD = "!unset:"  # accounts.unusable_password_hash's prefix


class DeskClientService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- reading --------------------------------------------------------------------

    def account_state(self, principal: Principal, client_id: int) -> r.ClientAccountState:
        """The client's details, lockout and one-time code, for the desk."""
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            user = self._client(session, client_id, lock=False)
            return self._state(session, user)

    # --- writing --------------------------------------------------------------------

    def update_details(
        self, principal: Principal, client_id: int, full_name: str, email: str, phone: str
    ) -> r.ClientAccountState:
        """Change a client's name, email and phone (the email unique, case-insensitively;
        the phone read with the studio's country). Unchanged values change nothing; the
        audit entry keeps the fields that changed, before and after."""
        with self._ctx.db.write() as session:
            staff = require_staff(session, principal)
            user = self._client(session, client_id, lock=True)
            name = validation.clean_name(full_name)
            cleaned = validation.clean_email(email)
            key = validation.email_key(cleaned)
            number = validation.clean_phone(phone, studio(session).country or None)
            taken = m(
                "Another account already uses {email}. Choose a different email.", email=cleaned
            )
            if key != user.email_key:
                clash = session.scalar(
                    select(t.User.id).where(t.User.email_key == key, t.User.id != user.id)
                )
                if clash is not None:
                    raise Conflict(taken)
            before = {"full_name": user.full_name, "email": user.email, "phone": user.phone}
            after = {"full_name": name, "email": cleaned, "phone": number}
            changed = [field for field in before if before[field] != after[field]]
            if not changed:
                return self._state(session, user)
            user.full_name, user.email, user.email_key, user.phone = name, cleaned, key, number
            user.updated_at = self._ctx.now()
            try:
                session.flush()
            except IntegrityError:
                # Another account took the address after the check (PostgreSQL: its
                # transaction was still open); the unique key refused this one.
                raise Conflict(taken) from None
            audit(
                session,
                when=self._ctx.now(),
                user=staff,
                action="update_client_details",
                entity="user",
                entity_id=user.id,
                before={field: before[field] for field in changed},
                after={field: after[field] for field in changed},
            )
            return self._state(session, user)

    def unlock(self, principal: Principal, client_id: int) -> r.ClientAccountState:
        """Lift a lockout after failed sign-ins now (the failures counted so far are
        forgotten). An account not locked is refused in words, e.g. when another seat
        unlocked it a moment ago."""
        now = self._ctx.now()
        with self._ctx.db.write() as session:
            staff = require_staff(session, principal)
            user = self._client(session, client_id, lock=True)
            until = user.locked_until
            if until is None or until <= now:
                raise Conflict(
                    m(
                        "The account of {full_name} is not locked (perhaps it was unlocked "
                        "a moment ago on another seat); they can sign in.",
                        full_name=user.full_name,
                    )
                )
            # Conditional: only a lockout still in force is lifted.
            lifted = session.execute(
                update(t.User)
                .where(t.User.id == user.id, t.User.locked_until > now)
                .values(locked_until=None, failed_logins=0, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if lifted.rowcount != 1:  # type: ignore[attr-defined]
                raise Conflict(
                    m(
                        "The account of {full_name} is not locked any more.",
                        full_name=user.full_name,
                    )
                )
            session.expire(user, ["locked_until", "failed_logins", "updated_at"])
            audit(
                session,
                when=now,
                user=staff,
                action="unlock_account",
                entity="user",
                entity_id=user.id,
                before={"locked_until": until.isoformat()},
                after={"locked_until": None},
            )
            return self._state(session, user)

    def issue_code(self, principal: Principal, client_id: int) -> tuple[r.ClientAccountState, str]:
        """A new one-time code for the client (valid for :data:`CODE_DAYS` days; only its
        hash is kept), replacing any earlier one, used or not. With it the client sets a
        new password on the sign-in screen (every remembered session is then revoked).
        Returned once, to be handed over; audited without the code."""
        now = self._ctx.now()
        with self._ctx.db.write() as session:
            staff = require_staff(session, principal)
            user = self._client(session, client_id, lock=True)
            code = new_code()
            row = session.scalar(
                select(t.SignInCode).where(t.SignInCode.user_id == user.id).with_for_update()
            )
            if row is None:
                row = t.SignInCode(user_id=user.id)
                session.add(row)
            row.code_hash = hash_token(code)
            row.created_at = now
            row.expires_at = now + timedelta(days=CODE_DAYS)
            row.used_at = None
            session.flush()
            audit(
                session,
                when=now,
                user=staff,
                action="issue_sign_in_code",
                entity="user",
                entity_id=user.id,
                after={"expires_at": row.expires_at.isoformat()},
            )
            return self._state(session, user), code

    # --- helpers --------------------------------------------------------------------

    def _client(self, session: Session, client_id: int, *, lock: bool) -> t.User:
        query = select(t.User).where(t.User.id == client_id)
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
        user = session.scalar(query)
        if user is None or Role(user.role) is not Role.CLIENT:
            raise NotFound(m("That client does not exist."))
        return user

    def _state(self, session: Session, user: t.User) -> r.ClientAccountState:
        now = self._ctx.now()
        code = session.scalar(select(t.SignInCode).where(t.SignInCode.user_id == user.id))
        locked = user.locked_until if user.locked_until and user.locked_until > now else None
        return r.ClientAccountState(
            account=mapping.account(user),
            locked_until=locked,
            has_password=not user.password_hash.startswith(UNSET_PASSWORD),
            code_expires_at=code.expires_at if code is not None else None,
            code_used=code is not None and code.used_at is not None,
        )
