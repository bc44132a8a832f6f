"""Staff accounts (owners only): created with a one-time code, roles changed, accounts
deactivated, and the studio never loses its last owner — not even when owners on
different seats demote each other at the same moment."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import Conflict, InvalidInput, NotAllowed, NotSignedIn
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.setup import NewStaff
from tests.factories import Studio
from tests.services.invariants import seat
from tests.services.seats import WORKERS, Seats, tally

NEW_PASSWORD = "a long new password"


def test_the_owner_creates_staff_with_a_one_time_code(studio: Studio) -> None:
    staff = studio.services.staff
    member, code = staff.create_staff(
        studio.owner, NewStaff("Mia Manager", "mia@example.com", "+49 30 4444444", Role.MANAGER)
    )
    assert member.role is Role.MANAGER and not member.has_password and len(code) >= 8
    signed = studio.services.accounts.set_password_with_code("mia@example.com", code, NEW_PASSWORD)
    assert signed.principal.role is Role.MANAGER
    listed = {m.email: m for m in staff.list_staff(studio.owner)}
    assert listed["mia@example.com"].has_password
    assert set(listed) == {"owner@example.com", "desk@example.com", "mia@example.com"}
    with pytest.raises(InvalidInput, match="staff role"):
        staff.create_staff(
            studio.owner, NewStaff("C", "c@example.com", "+49 30 4444445", Role.CLIENT)
        )


def test_only_the_owner_manages_staff(studio: Studio) -> None:
    staff = studio.services.staff
    mia, _code = staff.create_staff(
        studio.owner, NewStaff("Mia Manager", "mia@example.com", "+49 30 4444444", Role.MANAGER)
    )
    manager = Principal.user(mia.id, Role.MANAGER)
    for who in (manager, studio.desk, studio.client("Ann").principal):
        with pytest.raises(NotAllowed):
            staff.list_staff(who)
        with pytest.raises(NotAllowed):
            staff.create_staff(who, NewStaff("X", "x@example.com", "+49 30 4444446", Role.OWNER))
        with pytest.raises(NotAllowed):
            staff.change_role(who, mia.id, Role.OWNER)


def test_roles_change_and_a_deactivated_member_is_signed_out(studio: Studio) -> None:
    staff = studio.services.staff
    assert studio.desk.user_id is not None
    assert staff.change_role(studio.owner, studio.desk.user_id, Role.MANAGER).role is Role.MANAGER
    assert not staff.deactivate(studio.owner, studio.desk.user_id).active
    with pytest.raises(NotSignedIn):
        studio.services.bookings.count(studio.desk)
    assert staff.set_active(studio.owner, studio.desk.user_id, True).active
    entries = [e.action for e in studio.services.audit.list_entries(studio.owner, limit=3)]
    assert entries == ["activate_account", "deactivate_account", "change_role"]


def test_the_last_owner_stays(studio: Studio) -> None:
    staff = studio.services.staff
    owner_id = studio.owner.user_id
    assert owner_id is not None
    with pytest.raises(Conflict, match="at least one active owner"):
        staff.change_role(Principal.system(), owner_id, Role.MANAGER)
    with pytest.raises(Conflict, match="at least one active owner"):
        staff.deactivate(Principal.system(), owner_id)
    with pytest.raises(Conflict, match="at least one active owner"):
        studio.services.accounts.set_role(Principal.system(), owner_id, Role.CLIENT)
    second, _ = staff.create_staff(
        studio.owner, NewStaff("Otto Owner", "otto@example.com", "+49 30 4444447", Role.OWNER)
    )
    # with two owners, one may step down
    assert staff.change_role(studio.owner, owner_id, Role.MANAGER).role is Role.MANAGER
    with pytest.raises(NotAllowed):  # no longer an owner
        staff.change_role(studio.owner, second.id, Role.MANAGER)
    otto = Principal.user(second.id, Role.OWNER)
    with pytest.raises(NotAllowed, match="own account"):
        staff.deactivate(otto, second.id)


@pytest.mark.slow
def test_owners_demoting_each_other_at_once_leave_an_owner(
    studio: Studio, database: Database, seats: Seats
) -> None:
    staff = studio.services.staff
    owners = [studio.owner] + [
        Principal.user(
            staff.create_staff(
                studio.owner,
                NewStaff(f"Owner {n}", f"owner{n}@example.com", f"+49 30 55500{n:02d}", Role.OWNER),
            )[0].id,
            Role.OWNER,
        )
        for n in range(WORKERS - 1)
    ]
    jobs = [
        seat(owner, target_id=owners[(n + 1) % WORKERS].user_id, to=Role.MANAGER.value)
        for n, owner in enumerate(owners)
    ]
    outcomes = seats.run("demote", database, studio.services.context.now(), jobs)
    counts = tally(outcomes)
    assert "crash" not in counts, outcomes
    with database.read() as session:
        left = session.scalar(
            select(func.count()).select_from(t.User).where(t.User.role == "owner", t.User.active)
        )
    assert left is not None and left >= 1  # the ring of demotions never empties the studio
    assert counts.get("ok", 0) == WORKERS - left, outcomes  # each success took one owner
    assert set(counts) <= {"ok", "Conflict", "NotAllowed", "NotSignedIn"}, outcomes
