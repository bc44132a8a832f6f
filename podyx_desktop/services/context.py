"""What every service shares: the database, the clock, the password hasher, and the checks
of who is asking."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import NotAllowed, NotFound, NotSignedIn, PodyxError
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.words import word

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def default_hasher() -> PasswordHasher:
    """Argon2id with argon2-cffi's recommended parameters (RFC 9106 low-memory profile)."""
    return PasswordHasher()


@dataclass
class ServiceContext:
    db: Database
    clock: Clock = system_clock
    hasher: PasswordHasher = field(default_factory=default_hasher)
    token_days: int = 30

    def now(self) -> datetime:
        """The clock's time as UTC, whatever zone the clock reads in."""
        return self.clock().astimezone(UTC)


def actor(session: Session, principal: Principal) -> t.User | None:
    """The acting user's row, re-checked against the database (role and active flag).

    Anonymous and system principals have no row. A principal whose account was removed
    or deactivated is refused.
    """
    if principal.is_system or principal.user_id is None:
        return None
    user = session.get(t.User, principal.user_id)
    if user is None or not user.active:
        raise NotSignedIn(m("Your account is no longer active. Please sign in again."))
    return user


def role_of(session: Session, principal: Principal) -> Role | None:
    if principal.is_system:
        return Role.OWNER
    user = actor(session, principal)
    return Role(user.role) if user else None


def require_signed_in(session: Session, principal: Principal) -> t.User | None:
    """The acting user (None for the system); anonymous callers are refused."""
    if principal.is_anonymous:
        raise NotSignedIn()
    return actor(session, principal)


def require_role(session: Session, principal: Principal, minimum: Role) -> t.User | None:
    user = require_signed_in(session, principal)
    if principal.is_system:
        return None
    assert user is not None
    if Role(user.role).rank < minimum.rank:
        raise NotAllowed(
            m(
                "Only studio staff with the {minimum} role or higher can do this.",
                minimum=word(minimum.value),
            )
        )
    return user


def require_staff(session: Session, principal: Principal) -> t.User | None:
    return require_role(session, principal, Role.FRONT_DESK)


def is_staff(session: Session, principal: Principal) -> bool:
    role = role_of(session, principal)
    return role is not None and role.is_staff


def require_client_access(session: Session, principal: Principal, client_id: int) -> t.User:
    """The client row ``client_id`` if the caller is that client or staff.

    Another client gets NotFound, not NotAllowed: a client cannot probe which ids exist.
    """
    user = require_signed_in(session, principal)
    if user is not None and user.id != client_id and not Role(user.role).is_staff:
        raise NotFound(m("That record does not exist or is not yours."))
    client = session.get(t.User, client_id)
    if client is None:
        raise NotFound(m("That client does not exist."))
    return client


def owned(session: Session, principal: Principal, client_id: int, what: str) -> None:
    """Refuse access to a record of ``client_id`` unless the caller is that client or staff."""
    user = require_signed_in(session, principal)
    if user is not None and user.id != client_id and not Role(user.role).is_staff:
        raise NotFound(m("That {what} does not exist or is not yours.", what=word(what)))


def actor_name(user: t.User | None) -> str:
    return user.full_name if user is not None else "System (podyx-admin)"


def studio(session: Session) -> t.Studio:
    """The studio row; read once per unit of work (later calls hit the identity map)."""
    row = session.get(t.Studio, 1)
    if row is None:
        raise PodyxError(
            m(
                "This database has no studio yet. Run `podyx-admin demo` for a demo studio, or set "
                "up the studio first."
            )
        )
    return row


def audit(
    session: Session,
    *,
    when: datetime,
    user: t.User | None,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    """Record who changed what, when, before and after (in the same transaction)."""
    session.add(
        t.AuditLog(
            at=when,
            actor_id=user.id if user else None,
            actor_name=actor_name(user),
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=json.dumps(before, default=str, ensure_ascii=False, sort_keys=True)
            if before
            else "",
            after=json.dumps(after, default=str, ensure_ascii=False, sort_keys=True)
            if after
            else "",
            reason=reason,
        )
    )


def set_studio_setting(
    session: Session, *, when: datetime, user: t.User | None, action: str, name: str, value: Any
) -> None:
    """Set one of the studio row's settings and audit it, before and after."""
    row = studio(session)
    before = getattr(row, name)
    setattr(row, name, value)
    audit(
        session,
        when=when,
        user=user,
        action=action,
        entity="studio",
        entity_id=row.id,
        before={name: before},
        after={name: value},
    )
