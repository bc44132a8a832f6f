"""Every service operation checks who is asking: anonymous callers and other clients are
refused each time, and a client never sees another client's data."""

from __future__ import annotations

import inspect
import io
import tempfile
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.enums import (
    BookingStatus,
    PaymentMethod,
    PromoKind,
    RefundTo,
    Role,
    SeriesKind,
)
from podyx_desktop.domain.errors import NotAllowed, NotFound, NotSignedIn
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.paging import BookingSort, ClientSort, PageRequest
from podyx_desktop.domain.payments import PaymentSort
from podyx_desktop.domain.policy import BookingPolicy, PolicyOverride
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Address
from podyx_desktop.domain.requests import (
    AddonChoice,
    BookingRequest,
    BundlePurchaseRequest,
    NewAccount,
    NewAddon,
    NewBundleProduct,
    NewPromoCode,
    NewRoom,
    NewService,
    NewSetup,
    RedeemRequest,
    SessionCart,
    StudioSettings,
)
from podyx_desktop.domain.setup import NewStaff, Retirable, TaxSettings
from podyx_desktop.services import Services
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)
REFUSED = (NotSignedIn, NotAllowed, NotFound)

# Operations deliberately open to everyone: browsing the catalogue and free times, signing
# up and in (they take no principal or accept the anonymous one by design).
PUBLIC = {
    "accounts.sign_up",
    "accounts.check_new_account",  # what sign-up would say, as the form is typed
    "accounts.sign_in",
    "accounts.resume",
    "accounts.sign_out",
    "accounts.set_password_with_code",  # the one-time code is the proof
    "catalogue.studio",
    "catalogue.get_catalogue",
    "availability.free_slots",
    "checkout.quote",
    "checkout.quote_bundle",
    "checkout.book",
    "checkout.buy_bundle",
    "studio_setup.create_studio",  # first run on an empty database: refused once a studio exists
}


def operations(
    studio: Studio, ann: Any, ids: dict[str, int]
) -> dict[str, Callable[[Principal], object]]:
    """Every public service operation, aimed at Ann's data or at staff-only actions."""
    s = studio.services
    SessionCart(studio.podcast_setup, studio.podcast, 120)
    return {
        "accounts.get": lambda p: s.accounts.get(p, ann.account.id),
        "accounts.change_name": lambda p: s.accounts.change_name(p, "X", user_id=ann.account.id),
        "accounts.change_phone": lambda p: s.accounts.change_phone(
            p, "+49 30 9999999", user_id=ann.account.id
        ),
        "accounts.change_email": lambda p: s.accounts.change_email(p, "x@example.com", PASSWORD),
        "accounts.change_password": lambda p: s.accounts.change_password(
            p, PASSWORD, "another long secret"
        ),
        "accounts.update_billing": lambda p: s.accounts.update_billing(
            p, company="X", vat_id="", address=Address(), user_id=ann.account.id
        ),
        "accounts.create_staff": lambda p: s.accounts.create_staff(
            p, NewAccount("S", "s@example.com", "+49 30 5555555", PASSWORD), Role.OWNER
        ),
        "accounts.create_client_at_desk": lambda p: s.accounts.create_client_at_desk(
            p, "Desk Client", "desk.client@example.com", "+49 30 6666666"
        ),
        "accounts.set_role": lambda p: s.accounts.set_role(p, ann.account.id, Role.OWNER),
        "catalogue.configure_studio": lambda p: s.catalogue.configure_studio(
            p, StudioSettings("X", "Europe/Berlin", "EUR")
        ),
        "catalogue.add_room": lambda p: s.catalogue.add_room(p, NewRoom("X")),
        "catalogue.add_setup": lambda p: s.catalogue.add_setup(p, NewSetup(studio.room_a, "X")),
        "catalogue.add_service": lambda p: s.catalogue.add_service(
            p, NewService("X", 1, 60, 60, 30, (studio.podcast_setup,))
        ),
        "catalogue.add_addon": lambda p: s.catalogue.add_addon(
            p, NewAddon("X", 1, (studio.podcast,))
        ),
        "catalogue.add_bundle_product": lambda p: s.catalogue.add_bundle_product(
            p, NewBundleProduct("X", 1, 60, 1, (studio.podcast_setup,))
        ),
        "catalogue.add_promo_code": lambda p: s.catalogue.add_promo_code(
            p, NewPromoCode("XX", PromoKind.PERCENT, 100)
        ),
        "catalogue.list_promo_codes": lambda p: s.catalogue.list_promo_codes(p),
        "catalogue.set_opening_hours": lambda p: s.catalogue.set_opening_hours(
            p, [OpeningInterval(0, 0, 60)]
        ),
        "catalogue.add_closed_date": lambda p: s.catalogue.add_closed_date(p, DAY, "x"),
        "catalogue.schedule_frame": lambda p: s.catalogue.schedule_frame(p, DAY, DAY),
        "catalogue.set_policy_override": lambda p: s.catalogue.set_policy_override(
            p, room_id=studio.room_a, override=PolicyOverride(buffer_minutes=0)
        ),
        "catalogue.set_service_rate": lambda p: s.catalogue.set_service_rate(p, studio.podcast, 1),
        "catalogue.configure_receipt_series": lambda p: s.catalogue.configure_receipt_series(
            p, SeriesKind.RECEIPT, SeriesFormat("X-")
        ),
        "catalogue.receipt_series": lambda p: s.catalogue.receipt_series(p, SeriesKind.RECEIPT),
        "bookings.list_for_client": lambda p: s.bookings.list_for_client(p, ann.account.id),
        "bookings.get": lambda p: s.bookings.get(p, ids["booking"]),
        "bookings.events": lambda p: s.bookings.events(p, ids["booking"]),
        "bookings.actions": lambda p: s.bookings.actions(p, ids["booking"]),
        "bookings.schedule": lambda p: s.bookings.schedule(p, DAY, DAY),
        "bookings.schedule_blocks": lambda p: s.bookings.schedule_blocks(p, DAY, DAY),
        "bookings.cancel": lambda p: s.bookings.cancel(p, ids["booking"]),
        "bookings.reschedule": lambda p: s.bookings.reschedule(
            p, ids["booking"], studio.at(DAY, 16)
        ),
        "bookings.add_addons": lambda p: s.bookings.add_addons(
            p, ids["booking"], [AddonChoice(studio.extra_mic)], PaymentMethod.PAY_LATER
        ),
        "bookings.set_outcome": lambda p: s.bookings.set_outcome(
            p, ids["booking"], BookingStatus.COMPLETED
        ),
        "bookings.count": lambda p: s.bookings.count(p),
        "bookings.page": lambda p: s.bookings.page(p, PageRequest(BookingSort.STARTS_AT)),
        "bundles.list_for_client": lambda p: s.bundles.list_for_client(p, ann.account.id),
        "bundles.get": lambda p: s.bundles.get(p, ids["bundle"]),
        "bundles.issue": lambda p: s.bundles.issue(p, ann.account.id, studio.bundle_product, "x"),
        "bundles.redeem": lambda p: s.bundles.redeem(
            p, RedeemRequest(ids["bundle"], studio.podcast_setup, studio.at(DAY, 18))
        ),
        "bundles.ledger": lambda p: s.bundles.ledger(p, ids["bundle"]),
        "purchases.list_for_client": lambda p: s.purchases.list_for_client(p, ann.account.id),
        "purchases.get": lambda p: s.purchases.get(p, ids["purchase"]),
        "purchases.refund": lambda p: s.purchases.refund(
            p, ids["purchase"], RefundTo.STORE_CREDIT, "x"
        ),
        "purchases.record_payment": lambda p: s.purchases.record_payment(
            p, ids["purchase"], PaymentMethod.CASH
        ),
        "purchases.override_price": lambda p: s.purchases.override_price(
            p, ids["purchase"], 100, "x"
        ),
        "purchases.add_store_credit": lambda p: s.purchases.add_store_credit(
            p, ann.account.id, 100, "x"
        ),
        "clients.list_clients": lambda p: s.clients.list_clients(p),
        "clients.client_page": lambda p: s.clients.client_page(p, PageRequest(ClientSort.NAME)),
        "clients.get_client": lambda p: s.clients.get_client(p, ann.account.id),
        "desk_clients.account_state": lambda p: s.desk_clients.account_state(p, ann.account.id),
        "desk_clients.update_details": lambda p: s.desk_clients.update_details(
            p, ann.account.id, "X", "x@example.com", "+49 30 9999999"
        ),
        "desk_clients.unlock": lambda p: s.desk_clients.unlock(p, ann.account.id),
        "desk_clients.issue_code": lambda p: s.desk_clients.issue_code(p, ann.account.id),
        "notes.add_note": lambda p: s.notes.add_note(
            p, client_id=ann.account.id, body="x", internal=False
        ),
        "notes.list_notes": lambda p: s.notes.list_notes(p, client_id=ann.account.id),
        "notes.edit_note": lambda p: s.notes.edit_note(p, ids["note"], body="changed"),
        "notes.retract_note": lambda p: s.notes.retract_note(p, ids["note"]),
        "notes.note_history": lambda p: s.notes.note_history(p, ids["note"]),
        "notes.unread_counts": lambda p: s.notes.unread_counts(p, ann.account.id),
        "notes.mark_read": lambda p: s.notes.mark_read(p, ids["booking"]),
        "notes.unread_general": lambda p: s.notes.unread_general(p, ann.account.id),
        "notes.mark_general_read": lambda p: s.notes.mark_general_read(p, ann.account.id),
        "files.share_file": lambda p: s.files.share_file(
            p, client_id=ann.account.id, name="x.txt", content=b"x"
        ),
        "files.list_files": lambda p: s.files.list_files(p, ann.account.id),
        "files.download": lambda p: s.files.download(p, ids["file"]),
        "files.save_to": lambda p: s.files.save_to(p, ids["file"], tempfile.gettempdir()),
        "files.mark_opened": lambda p: s.files.mark_opened(p, ids["file"]),
        "files.revoke": lambda p: s.files.revoke(p, ids["file"]),
        "files.stored": lambda p: s.files.stored(p, ids["file"]),
        "files.chunks_from": lambda p: list(s.files.chunks_from(p, ids["file"], 0)),
        "client_copy.batch": lambda p: s.client_copy.batch(p, 0),
        "client_copy.audience": lambda p: s.client_copy.audience(p, Changes.all()),
        "client_copy.log_audiences": lambda p: s.client_copy.log_audiences(p, 0, 10),
        "files.file_limit_mib": lambda p: s.files.file_limit_mib(p),
        "files.set_file_limit_mib": lambda p: s.files.set_file_limit_mib(p, 10),
        "audit.list_entries": lambda p: s.audit.list_entries(p),
        "audit.page": lambda p: s.audit.page(p),
        "audit.actions": lambda p: s.audit.actions(p),
        "audit.write_csv": lambda p: s.audit.write_csv(p, io.StringIO()),
        "catalogue_edit.edit_room": lambda p: s.catalogue_edit.edit_room(
            p, studio.room_a, NewRoom("X")
        ),
        "catalogue_edit.edit_setup": lambda p: s.catalogue_edit.edit_setup(
            p, studio.podcast_setup, NewSetup(studio.room_a, "X")
        ),
        "catalogue_edit.edit_service": lambda p: s.catalogue_edit.edit_service(
            p, studio.podcast, NewService("X", 1, 60, 60, 30, (studio.podcast_setup,))
        ),
        "catalogue_edit.edit_addon": lambda p: s.catalogue_edit.edit_addon(
            p, studio.extra_mic, NewAddon("X", 1, (studio.podcast,))
        ),
        "catalogue_edit.edit_bundle_product": lambda p: s.catalogue_edit.edit_bundle_product(
            p, studio.bundle_product, NewBundleProduct("X", 1, 60, 1, (studio.podcast_setup,))
        ),
        "catalogue_edit.edit_promo_code": lambda p: s.catalogue_edit.edit_promo_code(
            p, 1, NewPromoCode("XX", PromoKind.PERCENT, 100)
        ),
        "catalogue_edit.retire": lambda p: s.catalogue_edit.retire(
            p, Retirable.SERVICE, studio.podcast, confirm=True
        ),
        "catalogue_edit.restore": lambda p: s.catalogue_edit.restore(
            p, Retirable.SERVICE, studio.podcast
        ),
        "catalogue_edit.future_bookings": lambda p: s.catalogue_edit.future_bookings(
            p, Retirable.SETUP, studio.podcast_setup
        ),
        "catalogue_edit.retired": lambda p: s.catalogue_edit.retired(p),
        "studio_setup.policies": lambda p: s.studio_setup.policies(p),
        "studio_setup.set_studio_policy": lambda p: s.studio_setup.set_studio_policy(
            p, BookingPolicy(0)
        ),
        "studio_setup.clear_policy_override": lambda p: s.studio_setup.clear_policy_override(
            p, room_id=studio.room_a
        ),
        "studio_setup.opening_hours": lambda p: s.studio_setup.opening_hours(p),
        "studio_setup.closed_dates": lambda p: s.studio_setup.closed_dates(p),
        "studio_setup.remove_closed_date": lambda p: s.studio_setup.remove_closed_date(p, 1),
        "studio_setup.tax_settings": lambda p: s.studio_setup.tax_settings(p),
        "studio_setup.set_tax_settings": lambda p: s.studio_setup.set_tax_settings(
            p, TaxSettings(False, 0)
        ),
        "studio_setup.series_status": lambda p: s.studio_setup.series_status(p, SeriesKind.RECEIPT),
        "staff.list_staff": lambda p: s.staff.list_staff(p),
        "staff.create_staff": lambda p: s.staff.create_staff(
            p, NewStaff("S", "s2@example.com", "+49 30 5555556", Role.OWNER)
        ),
        "staff.new_code": lambda p: s.staff.new_code(p, ann.account.id),
        "staff.change_role": lambda p: s.staff.change_role(p, ann.account.id, Role.OWNER),
        "staff.set_active": lambda p: s.staff.set_active(p, ann.account.id, False),
        "staff.deactivate": lambda p: s.staff.deactivate(p, ann.account.id),
        "reports.session_summary": lambda p: s.reports.session_summary(p, ids["booking"]),
        "reports.bundle_statement": lambda p: s.reports.bundle_statement(p, ids["bundle"]),
        "exports.purchases_between": lambda p: s.exports.purchases_between(p, DAY, DAY),
        "exports.bookings_between": lambda p: s.exports.bookings_between(p, DAY, DAY),
        "exports.stream_purchases_between": lambda p: list(
            s.exports.stream_purchases_between(p, DAY, DAY)
        ),
        "exports.count_purchases_between": lambda p: s.exports.count_purchases_between(p, DAY, DAY),
        "payment_queue.page": lambda p: s.payment_queue.page(
            p, PageRequest(PaymentSort.CREATED_AT)
        ),
        "payment_queue.count": lambda p: s.payment_queue.count(p),
        "payment_queue.mark_transfers_received": lambda p: s.payment_queue.mark_transfers_received(
            p, [ids["purchase"]]
        ),
        "payment_queue.withdraw": lambda p: s.payment_queue.withdraw(p, ids["purchase"], "x"),
        "day_close.close": lambda p: s.day_close.close(p, DAY),
    }


def public_operations(services: Services) -> set[str]:
    names = set()
    for area in (
        "accounts",
        "catalogue",
        "availability",
        "checkout",
        "bookings",
        "bundles",
        "purchases",
        "clients",
        "desk_clients",
        "notes",
        "files",
        "audit",
        "reports",
        "exports",
        "payment_queue",
        "day_close",
        "catalogue_edit",
        "studio_setup",
        "staff",
        "client_copy",
    ):
        service = getattr(services, area)
        for name, _member in inspect.getmembers(service, inspect.ismethod):
            if (
                name.startswith("_")
                or name.endswith("_in_session")
                or name
                in {
                    "records",
                    "insert",
                    "record",
                    "signed_in",
                    "new_token_in_session",
                    "create_in_session",
                    "require_payable",
                    "apply_promo",
                    "use_promo",
                    "bundle_item",
                    "buyer",
                    "ledger_in_session",
                }
            ):
                continue
            names.add(f"{area}.{name}")
    return names


@pytest.fixture
def world(studio: Studio) -> tuple[Any, Any, dict[str, int]]:
    ann = studio.client("Ann", "ann@example.com")
    eve = studio.client("Eve", "eve@example.com")
    booking = studio.book(ann, studio.at(DAY, 10))
    bundle = studio.services.bundles.issue(
        studio.desk, ann.account.id, studio.bundle_product, "gift"
    )
    file = studio.services.files.share_file(
        studio.desk, client_id=ann.account.id, name="final.wav", content=b"RIFF"
    )
    note = studio.services.notes.add_note(
        studio.desk,
        client_id=ann.account.id,
        body="Mix ready",
        internal=False,
        booking_id=booking.booking.id,
    )
    assert booking.purchase is not None
    ids = {
        "note": note.id,
        "booking": booking.booking.id,
        "bundle": bundle.id,
        "purchase": booking.purchase.id,
        "file": file.id,
    }
    return ann, eve, ids


def test_every_operation_is_listed(studio: Studio, world: tuple[Any, Any, dict[str, int]]) -> None:
    ann, _eve, ids = world
    listed = set(operations(studio, ann, ids)) | PUBLIC
    assert public_operations(studio.services) <= listed, public_operations(studio.services) - listed


@pytest.mark.parametrize("who", ["anonymous", "other client"])
def test_every_operation_refuses_strangers(
    studio: Studio, world: tuple[Any, Any, dict[str, int]], who: str
) -> None:
    ann, eve, ids = world
    principal = Principal.anonymous() if who == "anonymous" else eve.principal
    accepted = []
    for name, call in operations(studio, ann, ids).items():
        if who == "other client" and name in {
            "accounts.change_email",
            "accounts.change_password",
            "client_copy.batch",
        }:
            continue  # these act on the caller's own records only; covered below
        try:
            call(principal)
        except REFUSED:
            continue
        accepted.append(name)
    assert accepted == []
    # Ann's data is untouched by all those attempts
    assert studio.services.accounts.get(ann.principal).full_name == "Ann"
    assert (
        studio.services.bookings.get(ann.principal, ids["booking"]).status is BookingStatus.PENDING
    )


def test_own_account_operations_only_touch_the_caller(
    studio: Studio, world: tuple[Any, Any, dict[str, int]]
) -> None:
    ann, eve, _ids = world
    studio.services.accounts.change_email(eve.principal, "eve2@example.com", PASSWORD)
    assert studio.services.accounts.get(ann.principal).email == "ann@example.com"


def test_a_clients_copy_holds_only_their_own_records(
    studio: Studio, world: tuple[Any, Any, dict[str, int]]
) -> None:
    _ann, eve, _ids = world
    batch = studio.services.client_copy.batch(eve.principal, 0)
    assert [row["id"] for row in batch.rows["users"] if row["role"] == "client"] == [eve.account.id]
    for table in ("bookings", "purchases", "bundles", "studio_notes", "shared_files"):
        assert all(row["client_id"] == eve.account.id for row in batch.rows.get(table, []))
    assert not batch.rows.get("bookings")  # Eve has none; Ann's never come along
    with pytest.raises(NotAllowed):
        studio.services.client_copy.batch(studio.desk, 0)  # staff have no copy


def test_public_operations_never_leak_other_clients(
    studio: Studio, world: tuple[Any, Any, dict[str, int]]
) -> None:
    ann, eve, _ids = world
    request = BookingRequest(
        SessionCart(studio.podcast_setup, studio.podcast, 120),
        studio.at(DAY, 14),
        PaymentMethod.PAY_LATER,
        terms_accepted=True,
        client_id=ann.account.id,
    )
    with pytest.raises(NotAllowed):
        studio.services.checkout.book(eve.principal, request)
    with pytest.raises(NotAllowed):
        studio.services.checkout.buy_bundle(
            eve.principal,
            BundlePurchaseRequest(
                studio.bundle_product, PaymentMethod.PAY_LATER, True, client_id=ann.account.id
            ),
        )
    with pytest.raises(NotFound):
        studio.services.checkout.quote(eve.principal, request.cart, client_id=ann.account.id)
