"""The studio always keeps an active owner: the check every role change and deactivation
runs, with every owner's row locked (see :mod:`.staff`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import Conflict, NotAllowed
from podyx_desktop.domain.message import m

LAST_OWNER = m(
    "The studio must keep at least one active owner. Make another person an owner first."
)


def keep_an_owner(session: Session, acting: t.User | None, target: t.User, *, losing: bool) -> None:
    """Refuse a change that leaves no active owner, once every owner's row is locked.

    ``losing``: whether the change takes the owner role (or the account) from ``target``.
    The acting owner is checked again after the lock: another seat may have demoted them.
    """
    owners = session.scalars(
        select(t.User.id)
        .where(t.User.role == Role.OWNER.value, t.User.active.is_(True))
        .order_by(t.User.id)
        .with_for_update()
    ).all()
    if acting is not None:
        session.refresh(acting)
        if acting.id not in owners:
            raise NotAllowed(m("You are no longer an owner of the studio; nothing was changed."))
    session.refresh(target)
    if losing and target.id in owners and len(owners) <= 1:
        raise Conflict(LAST_OWNER)
