"""The desk manages a client's account (``DeskClientService``): details, a lockout lifted,
a new one-time code — staff only, audited, refused in words; and the desk's operations on
a client's money (``operations/clients.py``): refunds and store credit for managers and
owners only, a refund larger than what is left refused with the amount left."""

from __future__ import annotations

from datetime import date

import pytest

from podyx_desktop.domain.enums import PaymentMethod, PurchaseStatus, RefundTo, Role
from podyx_desktop.domain.errors import (
    AccountLocked,
    Conflict,
    InvalidInput,
    NotAllowed,
    NotFound,
    NotSignedIn,
    SignInFailed,
)
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.domain.vocabulary import money_text
from podyx_desktop.operations.base import execute
from podyx_desktop.operations.clients import (
    AddStoreCredit,
    IssueBundle,
    IssueSignInCode,
    RefundPurchase,
    UnlockClient,
    UpdateClientDetails,
)
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)


def manager(studio: Studio) -> Principal:
    account = studio.services.accounts.create_staff(
        studio.owner,
        NewAccount("Mia Manager", "mia@example.com", "+49 30 3333333", PASSWORD),
        Role.MANAGER,
    )
    return Principal.user(account.id, Role.MANAGER)


def lock_out(studio: Studio, email: str) -> None:
    for _ in range(5):
        with pytest.raises(SignInFailed):
            studio.services.accounts.sign_in(email, "wrong password!")
    with pytest.raises(AccountLocked):
        studio.services.accounts.sign_in(email, PASSWORD)


# --- details ------------------------------------------------------------------------------


def test_the_desk_changes_a_clients_details_and_the_audit_keeps_what_changed(
    studio: Studio,
) -> None:
    ann = studio.client("Ann Able", "ann@example.com")
    state = studio.services.desk_clients.update_details(
        studio.desk, ann.account.id, "  Ann  Baker ", "Ann.Baker@Example.com", "030 7654321"
    )
    assert state.account.full_name == "Ann Baker"
    assert state.account.email == "Ann.Baker@example.com"  # the domain in lower case
    assert state.account.phone == "+49307654321"
    # The client signs in with the new address, in any case.
    assert studio.services.accounts.sign_in("ann.baker@example.com", PASSWORD).account.id == (
        ann.account.id
    )
    entry = studio.services.audit.list_entries(studio.owner, entity="user")[0]
    assert entry.action == "update_client_details"
    assert entry.entity_id == ann.account.id
    assert "Ann Able" in entry.before and "Ann Baker" in entry.after
    # The same details again change nothing and write no entry.
    before = len(studio.services.audit.list_entries(studio.owner))
    studio.services.desk_clients.update_details(
        studio.desk, ann.account.id, "Ann Baker", "Ann.Baker@Example.com", "+49307654321"
    )
    assert len(studio.services.audit.list_entries(studio.owner)) == before


def test_an_email_another_account_uses_is_refused_in_words(studio: Studio) -> None:
    ann = studio.client("Ann Able", "ann@example.com")
    studio.client("Ben Bold", "ben@example.com")
    with pytest.raises(Conflict, match=r"Another account already uses BEN@example\.com"):
        studio.services.desk_clients.update_details(
            studio.desk, ann.account.id, "Ann Able", "BEN@example.com", "+49 30 12345678"
        )
    assert studio.services.accounts.get(ann.principal).email == "ann@example.com"
    with pytest.raises(InvalidInput):
        studio.services.desk_clients.update_details(
            studio.desk, ann.account.id, "Ann Able", "not an address", "+49 30 12345678"
        )


def test_staff_accounts_are_not_managed_as_clients(studio: Studio) -> None:
    boss = manager(studio)
    assert boss.user_id is not None
    with pytest.raises(NotFound):
        studio.services.desk_clients.update_details(
            studio.desk, boss.user_id, "X", "x@example.com", "+49 30 12345678"
        )
    with pytest.raises(NotFound):
        studio.services.desk_clients.issue_code(studio.desk, boss.user_id)


# --- lockout and codes -------------------------------------------------------------------


def test_the_desk_unlocks_a_locked_account_once(studio: Studio) -> None:
    ann = studio.client("Ann Able", "ann@example.com")
    lock_out(studio, "ann@example.com")
    state = studio.services.desk_clients.account_state(studio.desk, ann.account.id)
    assert state.locked_until is not None and state.has_password
    unlocked = studio.services.desk_clients.unlock(studio.desk, ann.account.id)
    assert unlocked.locked_until is None
    assert studio.services.accounts.sign_in("ann@example.com", PASSWORD).account.id == (
        ann.account.id
    )
    # A second seat that unlocks a moment later is told it is not locked.
    with pytest.raises(Conflict, match="is not locked"):
        studio.services.desk_clients.unlock(studio.desk, ann.account.id)
    entries = studio.services.audit.list_entries(studio.owner, entity="user")
    assert [e.action for e in entries].count("unlock_account") == 1


def test_a_new_code_replaces_the_old_one_and_sets_a_new_password(studio: Studio) -> None:
    account, first = studio.services.accounts.create_client_at_desk(
        studio.desk, "Cleo Desk", "cleo@example.com", "+49 30 4444444"
    )
    state = studio.services.desk_clients.account_state(studio.desk, account.id)
    assert not state.has_password and state.code_expires_at is not None and not state.code_used
    state, second = studio.services.desk_clients.issue_code(studio.desk, account.id)
    assert second != first and state.code_expires_at is not None
    with pytest.raises(InvalidInput):
        studio.services.accounts.set_password_with_code(
            "cleo@example.com", first, "a brand new secret"
        )
    signed_in = studio.services.accounts.set_password_with_code(
        "cleo@example.com", second, "a brand new secret"
    )
    assert signed_in.account.id == account.id
    after = studio.services.desk_clients.account_state(studio.desk, account.id)
    assert after.has_password and after.code_used
    actions = [e.action for e in studio.services.audit.list_entries(studio.owner, entity="user")]
    assert "issue_sign_in_code" in actions
    # The audit never keeps the code itself.
    assert all(second not in e.after for e in studio.services.audit.list_entries(studio.owner))


@pytest.mark.parametrize("who", ["anonymous", "client"])
def test_clients_and_anonymous_callers_reach_none_of_it(studio: Studio, who: str) -> None:
    ann = studio.client("Ann Able", "ann@example.com")
    principal = Principal.anonymous() if who == "anonymous" else ann.principal
    calls = [
        lambda: studio.services.desk_clients.account_state(principal, ann.account.id),
        lambda: studio.services.desk_clients.update_details(
            principal, ann.account.id, "X", "x@example.com", "+49 30 12345678"
        ),
        lambda: studio.services.desk_clients.unlock(principal, ann.account.id),
        lambda: studio.services.desk_clients.issue_code(principal, ann.account.id),
    ]
    for call in calls:
        with pytest.raises((NotSignedIn, NotAllowed)):
            call()
    assert studio.services.accounts.get(ann.principal).full_name == "Ann Able"


# --- the operations ----------------------------------------------------------------------


def test_the_front_desk_cannot_refund_or_add_store_credit(studio: Studio) -> None:
    ann = studio.client("Ann Able", "ann@example.com")
    booked = studio.book(ann, studio.at(DAY, 10), method=PaymentMethod.PAY_LATER)
    assert booked.purchase is not None
    s = studio.services
    s.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    gross = booked.purchase.gross_minor
    refund = RefundPurchase(booked.purchase.id, RefundTo.ORIGINAL_METHOD, "x", gross)
    with pytest.raises(NotAllowed):
        execute(s, studio.desk, refund)
    with pytest.raises(NotAllowed):
        execute(s, studio.desk, AddStoreCredit(ann.account.id, 500, "goodwill"))
    for request in (refund, AddStoreCredit(ann.account.id, 500, "goodwill")):
        with pytest.raises((NotSignedIn, NotAllowed, NotFound)):
            execute(s, ann.principal, request)
        with pytest.raises((NotSignedIn, NotAllowed, NotFound)):
            execute(s, Principal.anonymous(), request)
    assert s.purchases.get(studio.owner, booked.purchase.id).status is PurchaseStatus.PAID
    assert s.accounts.get(ann.principal).store_credit_minor == 0


def test_a_refund_larger_than_what_is_left_is_refused_with_the_amount_left(
    studio: Studio,
) -> None:
    ann = studio.client("Ann Able", "ann@example.com")
    booked = studio.book(ann, studio.at(DAY, 10))
    assert booked.purchase is not None
    s, boss = studio.services, manager(studio)
    purchase_id, gross = booked.purchase.id, booked.purchase.gross_minor
    with pytest.raises(InvalidInput, match="Nothing is left to refund"):
        execute(s, boss, RefundPurchase(purchase_id, RefundTo.STORE_CREDIT, "x", gross))
    s.purchases.record_payment(studio.desk, purchase_id, PaymentMethod.CARD_AT_DESK)
    with pytest.raises(InvalidInput, match="is left to refund") as refused:
        execute(s, boss, RefundPurchase(purchase_id, RefundTo.STORE_CREDIT, "x", gross + 1))
    locale = s.catalogue.studio(boss).locale
    assert money_text(gross, "EUR", locale) in str(refused.value)  # the amount left
    part = execute(s, boss, RefundPurchase(purchase_id, RefundTo.STORE_CREDIT, "x", gross - 100))
    assert part.value is not None and part.value.gross_minor == -(gross - 100)
    after = s.purchases.get(boss, purchase_id)
    assert (after.status, after.left_to_refund_minor) == (PurchaseStatus.PAID, 100)
    with pytest.raises(InvalidInput, match="is left to refund") as refused:
        execute(s, boss, RefundPurchase(purchase_id, RefundTo.STORE_CREDIT, "x", 101))
    assert money_text(100, "EUR", locale) in str(refused.value)
    rest = execute(s, boss, RefundPurchase(purchase_id, RefundTo.STORE_CREDIT, "x", 100)).value
    assert rest is not None and rest.gross_minor == -100
    assert s.purchases.get(boss, purchase_id).status is PurchaseStatus.REFUNDED
    assert s.accounts.get(ann.principal).store_credit_minor == gross
    with pytest.raises(InvalidInput, match="Nothing is left to refund"):
        execute(s, boss, RefundPurchase(purchase_id, RefundTo.STORE_CREDIT, "x", gross))


def test_the_desks_client_operations_run_as_front_desk(studio: Studio) -> None:
    ann = studio.client("Ann Able", "ann@example.com")
    s = studio.services
    bundle = execute(
        s, studio.desk, IssueBundle(ann.account.id, studio.bundle_product, "goodwill")
    ).value
    assert bundle.client_id == ann.account.id
    state = execute(
        s,
        studio.desk,
        UpdateClientDetails(ann.account.id, "Ann Able", "ann@example.com", "+49 30 1212121"),
    ).value
    assert state.account.phone == "+49301212121"
    made = execute(s, studio.desk, IssueSignInCode(ann.account.id)).value
    assert len(made.code) == 8
    lock_out(studio, "ann@example.com")
    assert execute(s, studio.desk, UnlockClient(ann.account.id)).value.locked_until is None
