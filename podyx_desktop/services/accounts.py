"""Accounts: sign up, sign in with lockout, remembered sessions, profile changes, roles.

Passwords are hashed with Argon2id. Failed sign-ins are counted in the database, so a
lockout holds across machines. Session tokens are random; only their SHA-256 is stored,
and changing the password or logging out revokes them.
"""

from __future__ import annotations

import math
import secrets
from datetime import datetime, timedelta

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import (
    AccountLocked,
    Conflict,
    InvalidInput,
    NotAllowed,
    NotFound,
    SessionExpired,
    SignInFailed,
)
from podyx_desktop.domain.message import m, mn
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.domain.tokens import hash_token
from podyx_desktop.domain.words import word
from podyx_desktop.services import mapping, validation
from podyx_desktop.services.context import (
    ServiceContext,
    audit,
    require_client_access,
    require_role,
    require_signed_in,
    require_staff,
    studio,
)
from podyx_desktop.services.owners import keep_an_owner

# One-time codes: no 0/O, 1/I/L, so a code read aloud or copied by hand is not misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
CODE_DAYS = 7
CODE_REFUSED = m(
    "That code does not work for this email: it is wrong, used or expired. "
    "Check both, or ask the studio for a new code."
)


def new_code() -> str:
    """A fresh one-time code (8 characters from :data:`CODE_ALPHABET`)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(code: str) -> str:
    """The code as typed, without spaces or dashes, in capitals."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def unusable_password_hash() -> str:
    """A stored hash no password verifies against (Argon2 refuses it as malformed)."""
    return "!unset:" + secrets.token_hex(16)


# the billing address's parts: the longest each may be, and what the field is called
ADDRESS_LIMITS = (
    ("line1", 200, m("The first address line")),
    ("line2", 200, m("The second address line")),
    ("postal_code", 20, m("The postal code")),
    ("city", 100, m("The city")),
)


def check_address(address: r.Address) -> None:
    """Refuse, in words, a billing address a receipt could not carry."""
    for field, limit, what in ADDRESS_LIMITS:
        if len(getattr(address, field).strip()) > limit:
            raise InvalidInput(
                m("{what} is at most {limit} characters long.", what=what, limit=limit), field=field
            )
    country = address.country.strip()
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise InvalidInput(
            m("Give the country as its two-letter code, for example DE or GB."), field="country"
        )


class AccountService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- creation ------------------------------------------------------------------

    def create_in_session(
        self, session: Session, new: NewAccount, role: Role = Role.CLIENT
    ) -> t.User:
        """Validate and insert an account inside the caller's transaction."""
        row = studio(session)
        name = validation.clean_name(new.full_name)
        email = validation.clean_email(new.email)
        phone = validation.clean_phone(new.phone, row.country or None)
        validation.check_password(new.password)
        key = validation.email_key(email)
        exists = m(
            "An account with {email} already exists. Sign in instead, or use another email.",
            email=email,
        )
        if session.scalar(select(t.User.id).where(t.User.email_key == key)) is not None:
            raise Conflict(exists)
        now = self._ctx.now()
        user = t.User(
            email=email,
            email_key=key,
            full_name=name,
            phone=phone,
            password_hash=self._ctx.hasher.hash(new.password),
            role=role.value,
            created_at=now,
            updated_at=now,
            failed_logins=0,
            store_credit_minor=0,
            active=True,
        )
        session.add(user)
        try:
            session.flush()
        except IntegrityError:
            # the same address signed up on another seat after the check above
            raise Conflict(exists) from None
        return user

    def new_token_in_session(self, session: Session, user: t.User, device: str = "") -> str:
        token = secrets.token_urlsafe(32)
        now = self._ctx.now()
        session.add(
            t.SessionToken(
                user_id=user.id,
                token_hash=hash_token(token),
                created_at=now,
                expires_at=now + timedelta(days=self._ctx.token_days),
                device=device[:100],
            )
        )
        return token

    def signed_in(self, session: Session, user: t.User, device: str = "") -> r.SignedIn:
        token = self.new_token_in_session(session, user, device)
        return r.SignedIn(Principal.user(user.id, Role(user.role)), mapping.account(user), token)

    def sign_up(self, principal: Principal, new: NewAccount, device: str = "") -> r.SignedIn:
        """Anyone may create a client account (the checkout does it for first-timers)."""
        with self._ctx.db.write() as session:
            user = self.create_in_session(session, new)
            return self.signed_in(session, user, device)

    def check_new_account(self, principal: Principal, email: str, phone: str) -> r.NewAccountCheck:
        """The sign-up checks a form can show as the person types (anyone may ask, as
        anyone may sign up): the email's format and whether it has an account already, and
        the phone number against the studio's country. Empty fields are not judged."""
        with self._ctx.db.read() as session:
            row = studio(session)
            email_problem = phone_problem = None
            registered = False
            if email.strip():
                try:
                    key = validation.email_key(validation.clean_email(email))
                except InvalidInput as error:
                    email_problem = error.message
                else:
                    found = session.scalar(select(t.User.id).where(t.User.email_key == key))
                    registered = found is not None
            if phone.strip():
                try:
                    validation.clean_phone(phone, row.country or None)
                except InvalidInput as error:
                    phone_problem = error.message
            return r.NewAccountCheck(email_problem, phone_problem, registered)

    def create_staff(self, principal: Principal, new: NewAccount, role: Role) -> r.Account:
        """The owner (or podyx-admin) creates staff accounts."""
        with self._ctx.db.write() as session:
            owner = require_role(session, principal, Role.OWNER)
            user = self.create_in_session(session, new, role)
            audit(
                session,
                when=self._ctx.now(),
                user=owner,
                action="create_account",
                entity="user",
                entity_id=user.id,
                after={"email": user.email, "role": role.value},
            )
            return mapping.account(user)

    def create_client_at_desk(
        self, principal: Principal, full_name: str, email: str, phone: str
    ) -> tuple[r.Account, str]:
        """Staff create a client's account at the desk, without a password; the client
        sets one with the returned one-time code (valid for :data:`CODE_DAYS` days, only
        its hash is stored). Until then no password signs the account in. Audited."""
        with self._ctx.db.write() as session:
            staff = require_staff(session, principal)
            placeholder = secrets.token_urlsafe(24)  # passes the checks; never stored
            user = self.create_in_session(session, NewAccount(full_name, email, phone, placeholder))
            user.password_hash = unusable_password_hash()
            code = self._issue_code(session, user)
            audit(
                session,
                when=self._ctx.now(),
                user=staff,
                action="create_client_at_desk",
                entity="user",
                entity_id=user.id,
                after={"email": user.email, "role": user.role},
            )
            return mapping.account(user), code

    def _issue_code(self, session: Session, user: t.User) -> str:
        """A new one-time code for ``user``, replacing any earlier one."""
        code = new_code()
        now = self._ctx.now()
        row = session.scalar(select(t.SignInCode).where(t.SignInCode.user_id == user.id))
        if row is None:
            row = t.SignInCode(user_id=user.id)
            session.add(row)
        row.code_hash = hash_token(code)
        row.created_at = now
        row.expires_at = now + timedelta(days=CODE_DAYS)
        row.used_at = None
        session.flush()
        return code

    def set_password_with_code(
        self, email: str, code: str, new_password: str, device: str = ""
    ) -> r.SignedIn:
        """Anyone: set the password of the account the desk created with its one-time
        code, and sign in. A wrong, used or expired code is refused and counts toward the
        failed sign-in lockout; the code works once (a conditional update claims it)."""
        validation.check_password(new_password)
        key = validation.email_key(email.strip())
        now = self._ctx.now()
        with self._ctx.db.write() as session:
            user = session.scalar(select(t.User).where(t.User.email_key == key))
            if user is None or not user.active:
                raise InvalidInput(CODE_REFUSED, field="code")
            if user.locked_until is not None and user.locked_until > now:
                minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
                raise AccountLocked(
                    mn(
                        "This account is locked after too many failed sign-ins. Try again in "
                        "%n minute(s), or ask the studio to help.",
                        "",
                        minutes,
                    )
                )
            # Claimed in one conditional update: of two seats using the same code at
            # once, one sets the password and the other finds it used.
            claimed = session.execute(
                update(t.SignInCode)
                .where(
                    t.SignInCode.user_id == user.id,
                    t.SignInCode.code_hash == hash_token(clean_code(code)),
                    t.SignInCode.used_at.is_(None),
                    t.SignInCode.expires_at > now,
                )
                .values(used_at=now)
            )
            if claimed.rowcount == 1:  # type: ignore[attr-defined]
                user.password_hash = self._ctx.hasher.hash(new_password)
                user.failed_logins = 0
                user.locked_until = None
                user.updated_at = now
                session.execute(
                    update(t.SessionToken)
                    .where(t.SessionToken.user_id == user.id, t.SessionToken.revoked_at.is_(None))
                    .values(revoked_at=now)
                )
                return self.signed_in(session, user, device)
            self._count_failure(session, user, now)
        # The failure is committed above (the write block ended); now tell the user.
        raise InvalidInput(CODE_REFUSED, field="code")

    def _count_failure(self, session: Session, user: t.User, now: datetime) -> None:
        """One failed sign-in: an atomic increment, and the lockout at the studio's limit."""
        row = studio(session)
        failures = user.failed_logins + 1
        session.execute(
            update(t.User)
            .where(t.User.id == user.id)
            .values(failed_logins=t.User.failed_logins + 1)
        )
        if failures >= row.lockout_failures:
            session.execute(
                update(t.User)
                .where(t.User.id == user.id)
                .values(
                    failed_logins=0,
                    locked_until=now + timedelta(minutes=row.lockout_minutes),
                )
            )

    def set_role(
        self, principal: Principal, user_id: int, role: Role, reason: str = ""
    ) -> r.Account:
        with self._ctx.db.write() as session:
            owner = require_role(session, principal, Role.OWNER)
            user = session.get(t.User, user_id)
            if user is None:
                raise NotFound(m("That account does not exist."))
            if owner is not None and owner.id == user_id and role is not Role.OWNER:
                raise NotAllowed(
                    m("You cannot take the owner role from yourself; ask another owner.")
                )
            keep_an_owner(session, owner, user, losing=role is not Role.OWNER)
            before = user.role
            user.role = role.value
            user.updated_at = self._ctx.now()
            audit(
                session,
                when=self._ctx.now(),
                user=owner,
                action="change_role",
                entity="user",
                entity_id=user.id,
                before={"role": before},
                after={"role": role.value},
                reason=reason,
            )
            return mapping.account(user)

    # --- signing in and out ----------------------------------------------------------

    def sign_in(self, email: str, password: str, device: str = "") -> r.SignedIn:
        key = validation.email_key(email.strip())
        now = self._ctx.now()
        with self._ctx.db.write() as session:
            user = session.scalar(select(t.User).where(t.User.email_key == key))
            if user is None or not user.active:
                # Hash anyway so timing does not reveal which emails exist.
                self._ctx.hasher.hash(password or "x")
                raise SignInFailed()
            if user.locked_until is not None and user.locked_until > now:
                minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
                raise AccountLocked(
                    mn(
                        "This account is locked after too many failed sign-ins. Try again in "
                        "%n minute(s), or ask the studio to help.",
                        "",
                        minutes,
                    )
                )
            try:
                self._ctx.hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
            else:
                ok = True
            if not ok:
                # an atomic increment, so concurrent failures on several machines all count
                self._count_failure(session, user, now)
            else:
                user.failed_logins = 0
                user.locked_until = None
                if self._ctx.hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = self._ctx.hasher.hash(password)
                return self.signed_in(session, user, device)
        # The failure is committed above (the write block ended); now tell the user.
        raise SignInFailed()

    def resume(self, token: str) -> r.SignedIn:
        """Sign in with a remembered token; the same token stays valid until it expires."""
        now = self._ctx.now()
        with self._ctx.db.read() as session:
            # one statement: the studio server resumes the token on every request
            found = session.execute(
                select(t.SessionToken, t.User)
                .join(t.User, t.User.id == t.SessionToken.user_id)
                .where(t.SessionToken.token_hash == hash_token(token))
            ).first()
            if found is None:
                raise SessionExpired()
            row, user = found
            if row.revoked_at is not None or row.expires_at <= now or not user.active:
                raise SessionExpired()
            return r.SignedIn(
                Principal.user(user.id, Role(user.role)), mapping.account(user), token
            )

    def sign_out(self, principal: Principal, token: str | None) -> Changes:
        """Revoke the remembered token (if any). Safe to call twice."""
        if token is None or principal.user_id is None:
            return Changes()
        with self._ctx.db.write() as session:
            session.execute(
                update(t.SessionToken)
                .where(
                    t.SessionToken.token_hash == hash_token(token),
                    t.SessionToken.user_id == principal.user_id,
                    t.SessionToken.revoked_at.is_(None),
                )
                .values(revoked_at=self._ctx.now())
            )
        return Changes.of(Kind.SESSIONS)

    # --- the account tab ------------------------------------------------------------

    def get(self, principal: Principal, user_id: int | None = None) -> r.Account:
        with self._ctx.db.read() as session:
            me = require_signed_in(session, principal)
            target = user_id if user_id is not None else (me.id if me else None)
            if target is None:
                raise InvalidInput(m("Name the account to show."))
            return mapping.account(require_client_access(session, principal, target))

    def _own_account(self, session: Session, principal: Principal, user_id: int | None) -> t.User:
        me = require_signed_in(session, principal)
        target = user_id if user_id is not None else (me.id if me else None)
        if target is None:
            raise InvalidInput(m("Name the account to change."))
        return require_client_access(session, principal, target)

    def _check_password(self, user: t.User, password: str, what: str) -> None:
        try:
            self._ctx.hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise InvalidInput(
                m(
                    "The password is not correct. Enter your current password to {what}.",
                    what=word(what),
                ),
                field="password",
            ) from None

    def change_name(
        self, principal: Principal, full_name: str, user_id: int | None = None
    ) -> r.Account:
        with self._ctx.db.write() as session:
            user = self._own_account(session, principal, user_id)
            user.full_name = validation.clean_name(full_name)
            user.updated_at = self._ctx.now()
            return mapping.account(user)

    def change_phone(
        self, principal: Principal, phone: str, user_id: int | None = None
    ) -> r.Account:
        with self._ctx.db.write() as session:
            user = self._own_account(session, principal, user_id)
            user.phone = validation.clean_phone(phone, studio(session).country or None)
            user.updated_at = self._ctx.now()
            return mapping.account(user)

    def change_email(self, principal: Principal, email: str, password: str) -> r.Account:
        """A user changes their own email; the current password proves it is them."""
        with self._ctx.db.write() as session:
            user = self._own_account(session, principal, None)
            # Locked: the same change made on two seats of this account is made once; the
            # second finds it made and changes nothing.
            session.refresh(user, with_for_update=True)
            self._check_password(user, password, "change your email")
            cleaned = validation.clean_email(email)
            key = validation.email_key(cleaned)
            if user.email_key == key and user.email == cleaned:
                return mapping.account(user)
            taken = m(
                "Another account already uses {email}. Choose a different email.", email=cleaned
            )
            clash = session.scalar(
                select(t.User.id).where(t.User.email_key == key, t.User.id != user.id)
            )
            if clash is not None:
                raise Conflict(taken)
            user.email = cleaned
            user.email_key = key
            user.updated_at = self._ctx.now()
            try:
                session.flush()
            except IntegrityError:
                # Another account took the address after the check above (PostgreSQL: its
                # transaction was still open); the unique key refused the second.
                raise Conflict(taken) from None
            return mapping.account(user)

    def change_password(self, principal: Principal, current: str, new: str) -> r.SignedIn:
        """Change one's own password; every remembered session is revoked, a fresh one returned."""
        with self._ctx.db.write() as session:
            user = self._own_account(session, principal, None)
            self._check_password(user, current, "change it")
            validation.check_password(new)
            if current == new:
                raise InvalidInput(
                    m("The new password must differ from the current one."), field="new_password"
                )
            now = self._ctx.now()
            user.password_hash = self._ctx.hasher.hash(new)
            user.updated_at = now
            session.execute(
                update(t.SessionToken)
                .where(t.SessionToken.user_id == user.id, t.SessionToken.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            return self.signed_in(session, user)

    def update_billing(
        self,
        principal: Principal,
        *,
        company: str,
        vat_id: str,
        address: r.Address,
        user_id: int | None = None,
    ) -> r.Account:
        with self._ctx.db.write() as session:
            user = self._own_account(session, principal, user_id)
            if len(company) > 200 or len(vat_id) > 40:
                raise InvalidInput(
                    m("Company names are at most 200 and VAT IDs 40 characters long.")
                )
            check_address(address)
            user.company = company.strip()
            user.vat_id = vat_id.strip().upper().replace(" ", "")
            user.address_line1 = address.line1.strip()
            user.address_line2 = address.line2.strip()
            user.postal_code = address.postal_code.strip()
            user.city = address.city.strip()
            user.country = address.country.strip().upper()
            user.updated_at = self._ctx.now()
            return mapping.account(user)
