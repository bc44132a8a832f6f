"""The studio's staff (owners only): accounts created with a one-time code for the
password, roles changed, accounts deactivated — and the studio always keeps an owner.

**The last owner stays.** Every change that could take the owner role away (a role
change, a deactivation) first locks every active owner's row in id order
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's write transactions run one at a time),
then counts them. Of two owners demoting each other at the same moment, the second waits
for the first, re-reads the rows, finds itself no longer an owner (or the other the last
one) and is refused: one owner is always left.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import InvalidInput, NotAllowed, NotFound
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.domain.setup import NewStaff, StaffMember
from podyx_desktop.services.accounts import AccountService, unusable_password_hash
from podyx_desktop.services.context import ServiceContext, audit, require_role
from podyx_desktop.services.owners import keep_an_owner

LAST_OWNER = m(
    "The studio must keep at least one active owner. Make another person an owner first."
)
UNSET_PREFIX = unusable_password_hash().split(":")[0]
STAFF_ROLES = (Role.FRONT_DESK, Role.MANAGER, Role.OWNER)


def _member(user: t.User) -> StaffMember:
    has_password = not user.password_hash.startswith(UNSET_PREFIX)
    return StaffMember(
        user.id, user.full_name, user.email, user.phone, Role(user.role), user.active, has_password
    )


class StaffService:
    def __init__(self, ctx: ServiceContext, accounts: AccountService) -> None:
        self._ctx = ctx
        self._accounts = accounts

    def list_staff(self, principal: Principal, include_inactive: bool = True) -> list[StaffMember]:
        """Everyone with a staff role, by name."""
        with self._ctx.db.read() as session:
            require_role(session, principal, Role.OWNER)
            query = (
                select(t.User)
                .where(t.User.role.in_([role.value for role in STAFF_ROLES]))
                .order_by(t.User.full_name, t.User.id)
            )
            if not include_inactive:
                query = query.where(t.User.active.is_(True))
            return [_member(u) for u in session.scalars(query)]

    def create_staff(self, principal: Principal, new: NewStaff) -> tuple[StaffMember, str]:
        """A staff account without a password, and the one-time code (shown once) its
        holder sets a password with (``accounts.set_password_with_code``)."""
        if new.role not in STAFF_ROLES:
            raise InvalidInput(
                m("Choose a staff role: front desk, manager or owner."), field="role"
            )
        with self._ctx.db.write() as session:
            owner = require_role(session, principal, Role.OWNER)
            placeholder = secrets.token_urlsafe(24)  # passes the checks; never stored
            account = NewAccount(new.full_name, new.email, new.phone, placeholder)
            user = self._accounts.create_in_session(session, account, new.role)
            user.password_hash = unusable_password_hash()
            code = self._accounts._issue_code(session, user)
            audit(
                session,
                when=self._ctx.now(),
                user=owner,
                action="create_account",
                entity="user",
                entity_id=user.id,
                after={"email": user.email, "role": new.role.value, "one_time_code": True},
            )
            return _member(user), code

    def new_code(self, principal: Principal, user_id: int) -> str:
        """A fresh one-time code for a staff member who lost theirs (the old one stops)."""
        with self._ctx.db.write() as session:
            owner = require_role(session, principal, Role.OWNER)
            user = self._staff_row(session, user_id)
            code = self._accounts._issue_code(session, user)
            audit(
                session,
                when=self._ctx.now(),
                user=owner,
                action="issue_sign_in_code",
                entity="user",
                entity_id=user.id,
            )
            return code

    def change_role(
        self, principal: Principal, user_id: int, role: Role, reason: str = ""
    ) -> StaffMember:
        """Another role for a staff member (the client role ends their staff access)."""
        with self._ctx.db.write() as session:
            owner = require_role(session, principal, Role.OWNER)
            user = self._staff_row(session, user_id)
            keep_an_owner(session, owner, user, losing=role is not Role.OWNER)
            if user.role == role.value:
                return _member(user)
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
            return _member(user)

    def set_active(self, principal: Principal, user_id: int, active: bool) -> StaffMember:
        """Deactivate a staff member (signed out everywhere at their next call: the
        services re-check the active flag) or activate them again."""
        with self._ctx.db.write() as session:
            owner = require_role(session, principal, Role.OWNER)
            user = self._staff_row(session, user_id)
            if not active and owner is not None and owner.id == user.id:
                raise NotAllowed(m("You cannot deactivate your own account; ask another owner."))
            keep_an_owner(session, owner, user, losing=not active)
            if user.active != active:
                user.active = active
                user.updated_at = self._ctx.now()
                audit(
                    session,
                    when=self._ctx.now(),
                    user=owner,
                    action="activate_account" if active else "deactivate_account",
                    entity="user",
                    entity_id=user.id,
                    before={"active": not active},
                    after={"active": active},
                )
            return _member(user)

    def deactivate(self, principal: Principal, user_id: int) -> StaffMember:
        return self.set_active(principal, user_id, False)

    @staticmethod
    def _staff_row(session: Session, user_id: int) -> t.User:
        user = session.get(t.User, user_id)
        if user is None or Role(user.role) not in STAFF_ROLES:
            raise NotFound(m("That staff member does not exist. Refresh and try again."))
        return user
