"""Clients created at the desk: no password until the one-time code sets one; the code
is hashed, expires, works once and counts toward the lockout."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import (
    AccountLocked,
    InvalidInput,
    NotAllowed,
    NotSignedIn,
    SignInFailed,
)
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.services.accounts import CODE_ALPHABET, CODE_LENGTH
from tests.conftest import FakeClock
from tests.factories import PASSWORD, Studio

NEW_PASSWORD = "my own new secret"


def desk_client(studio: Studio, email: str = "walk.in@example.com") -> tuple[int, str]:
    account, code = studio.services.accounts.create_client_at_desk(
        studio.desk, "Walk In", email, "+49 30 7777777"
    )
    return account.id, code


def test_desk_creates_a_client_without_a_password_and_a_hashed_code(studio: Studio) -> None:
    user_id, code = desk_client(studio)
    assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    account = studio.services.accounts.get(studio.desk, user_id)
    assert account.role is Role.CLIENT and account.full_name == "Walk In"
    with studio.services.db.read() as session:
        row = session.scalar(select(t.SignInCode).where(t.SignInCode.user_id == user_id))
        assert row is not None and code not in row.code_hash and len(row.code_hash) == 64
        audit = session.scalars(
            select(t.AuditLog).where(t.AuditLog.action == "create_client_at_desk")
        ).all()
        assert [a.entity_id for a in audit] == [user_id]
    # no password signs the account in before the code is used
    for password in ("", PASSWORD, code, "!unset:"):
        with pytest.raises(SignInFailed):
            studio.services.accounts.sign_in("walk.in@example.com", password)


def test_the_code_sets_the_password_once(studio: Studio) -> None:
    _user_id, code = desk_client(studio)
    typed = f" {code[:4].lower()}-{code[4:]} "  # as a person might type it
    signed = studio.services.accounts.set_password_with_code(
        "Walk.In@example.com", typed, NEW_PASSWORD
    )
    assert signed.account.email == "walk.in@example.com"
    studio.services.accounts.resume(signed.token)
    studio.services.accounts.sign_in("walk.in@example.com", NEW_PASSWORD)
    with pytest.raises(InvalidInput, match="wrong, used or expired"):
        studio.services.accounts.set_password_with_code("walk.in@example.com", code, "another one!")
    studio.services.accounts.sign_in("walk.in@example.com", NEW_PASSWORD)


def test_a_wrong_or_expired_code_is_refused(studio: Studio, clock: FakeClock) -> None:
    _user_id, code = desk_client(studio)
    wrong = "AAAAAAAA" if code != "AAAAAAAA" else "BBBBBBBB"
    with pytest.raises(InvalidInput, match="ask the studio for a new code"):
        studio.services.accounts.set_password_with_code("walk.in@example.com", wrong, NEW_PASSWORD)
    with pytest.raises(InvalidInput, match="wrong, used or expired"):
        studio.services.accounts.set_password_with_code("nobody@example.com", code, NEW_PASSWORD)
    with pytest.raises(InvalidInput) as short:
        studio.services.accounts.set_password_with_code("walk.in@example.com", code, "short")
    assert short.value.field == "password"
    clock.advance(days=7, minutes=1)
    with pytest.raises(InvalidInput, match="expired"):
        studio.services.accounts.set_password_with_code("walk.in@example.com", code, NEW_PASSWORD)


def test_wrong_codes_count_toward_the_lockout(studio: Studio, clock: FakeClock) -> None:
    _user_id, code = desk_client(studio)
    wrong = "AAAAAAAA" if code != "AAAAAAAA" else "BBBBBBBB"
    for _ in range(5):
        with pytest.raises(InvalidInput):
            studio.services.accounts.set_password_with_code(
                "walk.in@example.com", wrong, NEW_PASSWORD
            )
    with pytest.raises(AccountLocked):
        studio.services.accounts.set_password_with_code("walk.in@example.com", code, NEW_PASSWORD)
    clock.advance(minutes=16)
    studio.services.accounts.set_password_with_code("walk.in@example.com", code, NEW_PASSWORD)


@pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.MANAGER, Role.OWNER])
def test_staff_may_create_clients_at_the_desk(studio: Studio, role: Role) -> None:
    email = f"{role.value}@staff.example.com"
    studio.services.accounts.create_staff(
        studio.owner, NewAccount("Staff", email, "+49 30 3333333", PASSWORD), role
    )
    staff = studio.services.accounts.sign_in(email, PASSWORD).principal
    account, _code = studio.services.accounts.create_client_at_desk(
        staff, "Walk In", "walk.in@example.com", "+49 30 7777777"
    )
    assert account.role is Role.CLIENT


def test_clients_and_strangers_may_not_create_clients_at_the_desk(studio: Studio) -> None:
    ann = studio.client("Ann", "ann@example.com")
    with pytest.raises(NotAllowed):
        studio.services.accounts.create_client_at_desk(
            ann.principal, "X", "x@example.com", "+49 30 7777777"
        )
    with pytest.raises(NotSignedIn):
        studio.services.accounts.create_client_at_desk(
            Principal.anonymous(), "X", "x@example.com", "+49 30 7777777"
        )
