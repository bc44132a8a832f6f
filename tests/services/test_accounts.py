"""Accounts: sign up, sign in, lockout across machines, tokens, profile changes, roles."""

from __future__ import annotations

import pytest

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import (
    AccountLocked,
    Conflict,
    InvalidInput,
    NotAllowed,
    SessionExpired,
    SignInFailed,
)
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.services import Services
from tests.conftest import FakeClock
from tests.factories import PASSWORD, Studio


def test_sign_up_normalises_and_hashes(studio: Studio) -> None:
    signed = studio.services.accounts.sign_up(
        Principal.anonymous(),
        NewAccount("  Đorđe   Šćepanović ", "Djordje@Example.COM", "030 1234567", PASSWORD),
    )
    account = signed.account
    assert account.full_name == "Đorđe Šćepanović"
    assert account.phone == "+49301234567"  # national number read with the studio's country
    assert account.role is Role.CLIENT
    with studio.services.db.read() as session:
        row = session.get(t.User, account.id)
        assert row is not None
        assert row.password_hash.startswith("$argon2id$")
        assert PASSWORD not in row.password_hash


@pytest.mark.parametrize(
    ("name", "email", "phone", "password", "field"),
    [
        ("", "a@example.com", "+49 30 1234567", PASSWORD, "full_name"),
        ("Ann", "not-an-email", "+49 30 1234567", PASSWORD, "email"),
        ("Ann", "a@example.com", "12", PASSWORD, "phone"),
        ("Ann", "a@example.com", "+49 30 1234567", "short", "password"),
    ],
)
def test_sign_up_refuses_bad_input(
    studio: Studio, name: str, email: str, phone: str, password: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        studio.services.accounts.sign_up(
            Principal.anonymous(), NewAccount(name, email, phone, password)
        )
    assert error.value.field == field
    assert error.value.message.endswith(".")


def test_a_sign_up_form_is_checked_as_typed(studio: Studio) -> None:
    studio.client("Ann", "ann@example.com")
    check = studio.services.accounts.check_new_account
    anyone = Principal.anonymous()
    fine = check(anyone, "new@example.com", "030 1234567")
    assert (fine.email_problem, fine.phone_problem, fine.email_registered) == (None, None, False)
    taken = check(anyone, "  ANN@example.com", "")
    assert taken.email_registered and taken.email_problem is None
    bad = check(anyone, "ann@", "12")
    assert bad.email_problem is not None and "not a valid email address" in bad.email_problem
    assert bad.phone_problem is not None and "phone number" in bad.phone_problem
    assert not bad.email_registered
    empty = check(anyone, " ", "")
    assert (empty.email_problem, empty.phone_problem, empty.email_registered) == (None, None, False)


def test_email_is_unique_case_insensitively(studio: Studio) -> None:
    studio.client("Ann", "ann@example.com")
    with pytest.raises(Conflict, match="already exists"):
        studio.client("Ann Again", "ANN@Example.com")


def test_sign_in_and_resume_with_token(studio: Studio) -> None:
    studio.client("Ann", "ann@example.com")
    signed = studio.services.accounts.sign_in("ANN@example.com", PASSWORD)
    resumed = studio.services.accounts.resume(signed.token)
    assert resumed.principal == signed.principal
    with studio.services.db.read() as session:
        hashes = [row.token_hash for row in session.query(t.SessionToken).all()]
    assert signed.token not in hashes  # only a hash is stored


def test_lockout_after_repeated_failures_is_per_account_and_expires(
    studio: Studio, clock: FakeClock
) -> None:
    studio.client("Ann", "ann@example.com")
    studio.client("Bob", "bob@example.com")
    for _ in range(5):
        with pytest.raises(SignInFailed):
            studio.services.accounts.sign_in("ann@example.com", "wrong password!")
    with pytest.raises(AccountLocked, match="Try again in 15 minutes"):
        studio.services.accounts.sign_in("ann@example.com", PASSWORD)
    studio.services.accounts.sign_in("bob@example.com", PASSWORD)  # others unaffected
    clock.advance(minutes=16)
    studio.services.accounts.sign_in("ann@example.com", PASSWORD)


def test_logout_and_password_change_revoke_tokens(studio: Studio) -> None:
    ann = studio.client("Ann", "ann@example.com")
    other = studio.services.accounts.sign_in("ann@example.com", PASSWORD)
    studio.services.accounts.sign_out(other.principal, other.token)
    with pytest.raises(SessionExpired):
        studio.services.accounts.resume(other.token)
    fresh = studio.services.accounts.change_password(ann.principal, PASSWORD, "a whole new secret")
    with pytest.raises(SessionExpired):
        studio.services.accounts.resume(ann.token)
    studio.services.accounts.resume(fresh.token)
    with pytest.raises(SignInFailed):
        studio.services.accounts.sign_in("ann@example.com", PASSWORD)
    studio.services.accounts.sign_in("ann@example.com", "a whole new secret")


def test_token_expires(studio: Studio, clock: FakeClock) -> None:
    ann = studio.client()
    clock.advance(days=31)
    with pytest.raises(SessionExpired):
        studio.services.accounts.resume(ann.token)


def test_profile_changes(studio: Studio) -> None:
    ann = studio.client("Ann", "ann@example.com")
    accounts = studio.services.accounts
    assert accounts.change_name(ann.principal, "Ann Lee").full_name == "Ann Lee"
    assert accounts.change_phone(ann.principal, "+44 20 7946 0958").phone == "+442079460958"
    with pytest.raises(InvalidInput, match="password is not correct"):
        accounts.change_email(ann.principal, "new@example.com", "wrong password")
    studio.client("Bob", "bob@example.com")
    with pytest.raises(Conflict):
        accounts.change_email(ann.principal, "BOB@example.com", PASSWORD)
    assert (
        accounts.change_email(ann.principal, "new@example.com", PASSWORD).email == "new@example.com"
    )
    with pytest.raises(InvalidInput, match="current password"):
        accounts.change_password(ann.principal, "wrong password", "another long one")
    # staff see the change at once
    assert accounts.get(studio.desk, ann.account.id).email == "new@example.com"


def test_roles_are_owner_business_and_audited(studio: Studio) -> None:
    ann = studio.client()
    with pytest.raises(NotAllowed):
        studio.services.accounts.set_role(studio.desk, ann.account.id, Role.FRONT_DESK)
    changed = studio.services.accounts.set_role(
        studio.owner, ann.account.id, Role.FRONT_DESK, "hired"
    )
    assert changed.role is Role.FRONT_DESK
    entries = studio.services.audit.list_entries(
        studio.owner, entity="user", entity_id=ann.account.id
    )
    assert any(e.action == "change_role" and "front_desk" in e.after for e in entries)
    # a stale principal is re-checked against the database on every call
    with pytest.raises(NotAllowed):
        studio.services.accounts.set_role(studio.owner, studio.owner.user_id or 0, Role.CLIENT)


def test_a_billing_address_too_long_or_a_country_not_a_code_is_refused_in_words(
    services: Services, studio: Studio
) -> None:
    from podyx_desktop.domain.errors import InvalidInput
    from podyx_desktop.domain.records import Address

    ana = studio.client()
    fine = services.accounts.update_billing(
        ana.principal,
        company="",
        vat_id="",
        address=Address("Torstr. 1", "", "10119", "Berlin", "de"),
    )
    assert fine.address.country == "DE"
    for address, words in (
        (Address("x" * 201, "", "", "", ""), "first address line is at most 200"),
        (Address("", "", "1" * 21, "", ""), "postal code is at most 20"),
        (Address("", "", "", "c" * 101, ""), "city is at most 100"),
        (Address("", "", "", "", "../../"), "two-letter code"),
        (Address("", "", "", "", "DEU"), "two-letter code"),
    ):
        with pytest.raises(InvalidInput, match=words):
            services.accounts.update_billing(ana.principal, company="", vat_id="", address=address)
    assert services.accounts.get(ana.principal).address == fine.address  # nothing written
