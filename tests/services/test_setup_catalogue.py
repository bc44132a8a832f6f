"""Editing and retiring the catalogue: audited, managers and owners only, past purchases
keep what they were charged, retired items leave the booking wizard's catalogue."""

from __future__ import annotations

import json
from datetime import date

import pytest

from podyx_desktop.domain.enums import PromoKind, PromoTarget, Role
from podyx_desktop.domain.errors import Conflict, InvalidInput, NotAllowed
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import AuditEntry
from podyx_desktop.domain.requests import (
    NewAccount,
    NewAddon,
    NewBundleProduct,
    NewPromoCode,
    NewRoom,
    NewService,
    NewSetup,
)
from podyx_desktop.domain.setup import Retirable
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)


def manager(studio: Studio) -> Principal:
    account = studio.services.accounts.create_staff(
        studio.owner,
        NewAccount("Max Manager", "max@example.com", "+49 30 3333333", PASSWORD),
        Role.MANAGER,
    )
    return Principal.user(account.id, Role.MANAGER)


def last_audit(studio: Studio) -> AuditEntry:
    return studio.services.audit.list_entries(studio.owner, limit=1)[0]


def test_editing_a_service_is_audited_and_shows_in_the_catalogue(studio: Studio) -> None:
    edit = studio.services.catalogue_edit
    who = manager(studio)
    new = NewService(
        "Podcast session", 7000, 60, 180, 60, (studio.podcast_setup,), "New text", vat_rate_bp=700
    )
    service = edit.edit_service(who, studio.podcast, new)
    assert (service.name, service.hourly_rate_minor, service.vat_rate_bp) == (
        "Podcast session",
        7000,
        700,
    )
    assert service.setup_ids == (studio.podcast_setup,)
    entry = last_audit(studio)
    assert entry.action == "edit_service" and entry.entity_id == studio.podcast
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert before["hourly_rate_minor"] == 6000 and after["hourly_rate_minor"] == 7000
    assert after["setup_ids"] == [studio.podcast_setup]
    seen = studio.services.catalogue.get_catalogue(Principal.anonymous())
    shown = next(s for s in seen.services if s.id == studio.podcast)
    assert shown.name == "Podcast session" and shown.lengths() == [60, 120, 180]
    # the same values again change nothing and write no entry
    edit.edit_service(who, studio.podcast, new)
    assert last_audit(studio).id == entry.id


def test_edits_of_every_kind(studio: Studio) -> None:
    edit, owner = studio.services.catalogue_edit, studio.owner
    assert (
        edit.edit_room(owner, studio.room_a, NewRoom("Studio Alpha", "Big")).name == "Studio Alpha"
    )
    setup = edit.edit_setup(owner, studio.podcast_setup, NewSetup(studio.room_a, "Duo"))
    assert setup.name == "Duo" and setup.room_name == "Studio Alpha"
    with pytest.raises(InvalidInput, match="cannot move"):
        edit.edit_setup(owner, studio.podcast_setup, NewSetup(studio.room_b, "Duo"))
    with pytest.raises(Conflict, match="already a room"):
        edit.edit_room(owner, studio.room_b, NewRoom("studio alpha"))
    addon = edit.edit_addon(
        owner,
        studio.extra_mic,
        NewAddon(
            "Extra mic",
            1500,
            (studio.podcast, studio.video),
            max_quantity=2,
            hidden_from_clients=True,
            client_can_add_after_booking=False,
        ),
    )
    assert (addon.unit_price_minor, addon.max_quantity, addon.hidden_from_clients) == (
        1500,
        2,
        True,
    )
    assert addon.service_ids == tuple(sorted((studio.podcast, studio.video)))
    product = edit.edit_bundle_product(
        owner,
        studio.bundle_product,
        NewBundleProduct("5 × 2 h", 5, 120, 45000, (studio.podcast_setup,), (studio.podcast,), 120),
    )
    assert (product.sessions, product.price_minor, product.validity_days) == (5, 45000, 120)
    with pytest.raises(InvalidInput, match="cannot be booked for 45 minutes"):
        edit.edit_bundle_product(
            owner,
            studio.bundle_product,
            NewBundleProduct("5 × 2 h", 5, 45, 45000, (studio.podcast_setup,), (studio.podcast,)),
        )
    promo_id = next(
        p.id for p in studio.services.catalogue.list_promo_codes(owner) if p.code == "WELCOME10"
    )
    promo = edit.edit_promo_code(
        owner,
        promo_id,
        NewPromoCode(
            "WELCOME20",
            PromoKind.FIXED,
            500,
            ((PromoTarget.SERVICE, studio.video),),
            max_uses=10,
            max_uses_per_client=2,
        ),
    )
    assert (promo.code, promo.kind, promo.value, promo.max_uses, promo.uses) == (
        "WELCOME20",
        PromoKind.FIXED,
        500,
        10,
        0,
    )


def test_a_promo_limit_below_its_uses_is_refused(studio: Studio) -> None:
    for n, name in enumerate(("Ann", "Bob")):
        studio.book(studio.client(name), studio.at(DAY, 10 + 3 * n), promo="WELCOME10")
    codes = studio.services.catalogue.list_promo_codes(studio.owner)
    promo = next(p for p in codes if p.code == "WELCOME10")
    assert promo.uses == 2  # uses so far are readable
    with pytest.raises(InvalidInput, match="used 2 times"):
        studio.services.catalogue_edit.edit_promo_code(
            studio.owner, promo.id, NewPromoCode("WELCOME10", PromoKind.PERCENT, 1000, max_uses=1)
        )
    kept = studio.services.catalogue_edit.edit_promo_code(
        studio.owner, promo.id, NewPromoCode("WELCOME10", PromoKind.PERCENT, 1000, max_uses=2)
    )
    assert (kept.uses, kept.max_uses) == (2, 2)


def test_changing_a_rate_never_changes_a_past_purchase(studio: Studio) -> None:
    ann = studio.client("Ann")
    booked = studio.book(ann, studio.at(DAY, 10))
    assert booked.purchase is not None
    charged = booked.purchase
    studio.services.catalogue_edit.edit_service(
        studio.owner,
        studio.podcast,
        NewService("Podcast recording", 9900, 60, 240, 30, (studio.podcast_setup,), vat_rate_bp=0),
    )
    studio.services.catalogue_edit.retire(
        studio.owner, Retirable.SERVICE, studio.podcast, confirm=True
    )
    again = studio.services.purchases.get(studio.owner, charged.id)
    assert again.lines == charged.lines and again.gross_minor == charged.gross_minor
    assert again.lines[0].unit_price_minor == 6000 * 2 and again.lines[0].vat_rate_bp == 1900


def test_retiring_with_future_bookings_asks_first_and_keeps_them(studio: Studio) -> None:
    edit = studio.services.catalogue_edit
    ann = studio.client("Ann")
    booked = studio.book(ann, studio.at(DAY, 10))
    check = edit.retire(studio.owner, Retirable.SETUP, studio.podcast_setup)
    assert not check.retired
    assert [b.booking_id for b in check.future_bookings] == [booked.booking.id]
    assert check.future_bookings[0].client_name == "Ann"
    catalogue = studio.services.catalogue.get_catalogue(ann.principal)
    assert studio.podcast_setup in {s.id for s in catalogue.setups}  # nothing changed yet
    done = edit.retire(studio.owner, Retirable.SETUP, studio.podcast_setup, confirm=True)
    assert done.retired
    catalogue = studio.services.catalogue.get_catalogue(ann.principal)
    assert studio.podcast_setup not in {s.id for s in catalogue.setups}
    assert all(studio.podcast_setup not in s.setup_ids for s in catalogue.services)
    assert all(studio.podcast_setup not in p.setup_ids for p in catalogue.bundle_products)
    # the booking stays valid and its purchase keeps its lines
    kept = studio.services.bookings.get(ann.principal, booked.booking.id)
    assert kept.status == booked.booking.status and kept.setup_id == studio.podcast_setup
    assert booked.purchase is not None
    assert studio.services.purchases.get(ann.principal, booked.purchase.id).lines
    entry = last_audit(studio)
    assert entry.action == "retire_setup"
    assert json.loads(entry.after)["future_bookings_kept"] == [booked.booking.id]
    assert edit.retired(studio.owner)[Retirable.SETUP] == (
        (studio.podcast_setup, "2-person podcast"),
    )
    edit.restore(studio.owner, Retirable.SETUP, studio.podcast_setup)
    catalogue = studio.services.catalogue.get_catalogue(ann.principal)
    assert studio.podcast_setup in {s.id for s in catalogue.setups}


def test_retired_items_of_each_kind_leave_the_clients_catalogue(studio: Studio) -> None:
    edit = studio.services.catalogue_edit
    for kind, item in (
        (Retirable.SERVICE, studio.video),
        (Retirable.ADDON, studio.engineer),
        (Retirable.BUNDLE_PRODUCT, studio.bundle_product),
        (Retirable.ROOM, studio.room_b),
    ):
        assert edit.retire(studio.owner, kind, item).retired  # no future bookings: at once
    seen = studio.services.catalogue.get_catalogue(Principal.anonymous())
    assert studio.video not in {s.id for s in seen.services}
    assert studio.engineer not in {a.id for a in seen.addons}
    assert seen.bundle_products == ()
    assert studio.room_b not in {r.id for r in seen.rooms}
    assert studio.roundtable_setup not in {s.id for s in seen.setups}


def test_front_desk_and_clients_cannot_change_the_catalogue(studio: Studio) -> None:
    edit = studio.services.catalogue_edit
    ann = studio.client("Ann")
    for who in (studio.desk, ann.principal):
        with pytest.raises(NotAllowed):
            edit.edit_room(who, studio.room_a, NewRoom("X"))
        with pytest.raises(NotAllowed):
            edit.retire(who, Retirable.SERVICE, studio.podcast)
