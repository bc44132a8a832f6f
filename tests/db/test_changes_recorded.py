"""The unit of work records what each write changed, and hands it to the caller.

Real databases (a SQLite file and PostgreSQL), real services: what a cancel, a profile
change, a sign-up or a catalogue change records, that a rolled back write records nothing,
and that every table is mapped to a kind.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from podyx_desktop.db import tables as t
from podyx_desktop.db.change_kinds import NOT_CHANGES, TABLE_KINDS
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import (
    AddonChoice,
    BundlePurchaseRequest,
    NewRoom,
    RedeemRequest,
)
from podyx_desktop.services import Services
from tests.factories import Studio, build_studio

DAY = date(2026, 6, 3)


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)


def test_every_table_is_mapped_to_a_kind() -> None:
    names = {table.name for table in t.Base.metadata.sorted_tables}
    assert names - NOT_CHANGES <= set(TABLE_KINDS), "map the new table in db/change_kinds.py"
    assert set(TABLE_KINDS) <= names, "a mapped table that no longer exists"


def test_a_cancel_of_a_redeemed_booking_with_paid_addons(studio: Studio) -> None:
    services = studio.services
    ann = studio.client()
    services.purchases.add_store_credit(studio.owner, ann.account.id, 500000, "test")
    bought = services.checkout.buy_bundle(
        ann.principal,
        BundlePurchaseRequest(studio.bundle_product, PaymentMethod.STORE_CREDIT, True),
    )
    redeemed = services.bundles.redeem(
        ann.principal, RedeemRequest(bought.bundle_id, studio.podcast_setup, studio.at(DAY, 10))
    )
    booking_id = redeemed.booking.id
    added = services.bookings.add_addons(
        ann.principal, booking_id, [AddonChoice(studio.extra_mic, 1)], PaymentMethod.STORE_CREDIT
    )
    assert added.purchase is not None

    canceled, changes = services.call(
        lambda: services.bookings.cancel(ann.principal, booking_id, reason="ill")
    )

    assert canceled.id == booking_id
    assert changes.ids_of(Kind.BOOKINGS) == {booking_id}
    assert changes.ids_of(Kind.BUNDLES) == {bought.bundle_id}
    purchases = changes.ids_of(Kind.PURCHASES)
    assert Kind.PURCHASES in changes.kinds
    assert purchases is not None and added.purchase.id in purchases
    assert changes.ids_of(Kind.CLIENTS) == {ann.account.id}  # the refund's store credit
    assert Kind.CATALOGUE not in changes.kinds and not changes.everything


def test_a_profile_change_records_the_client(services: Services, studio: Studio) -> None:
    ann = studio.client()
    with services.db.collect_changes() as collected:
        services.accounts.change_name(ann.principal, "Ana Renamed")
    assert Kind.CLIENTS in collected.changes.kinds
    assert collected.changes.ids_of(Kind.CLIENTS) == {ann.account.id}
    assert Kind.STAFF not in collected.changes.kinds


def test_sign_up_records_a_client(services: Services, studio: Studio) -> None:
    with services.db.collect_changes() as collected:
        bob = studio.client("Bob Client")
    assert collected.changes.ids_of(Kind.CLIENTS) == {bob.account.id}
    assert Kind.SESSIONS in collected.changes.kinds  # signed in on the way


def test_catalogue_changes_record_catalogue(services: Services, studio: Studio) -> None:
    room, changes = services.call(
        lambda: services.catalogue.add_room(Principal.system(), NewRoom("Studio C"))
    )
    assert room.name == "Studio C"
    assert Kind.CATALOGUE in changes.kinds
    assert changes.ids_of(Kind.CATALOGUE) is None  # rooms, setups, … have no ids in common
    assert Kind.BOOKINGS not in changes.kinds


def test_a_rolled_back_write_records_nothing(services: Services, studio: Studio) -> None:
    ann = studio.client()
    with services.db.collect_changes() as collected:
        with pytest.raises(InvalidInput):
            services.bookings.add_addons(ann.principal, 1, [], PaymentMethod.PAY_LATER)
        with pytest.raises(RuntimeError), services.db.write() as session:
            session.execute(update(t.User).where(t.User.id == ann.account.id).values(phone=""))
            raise RuntimeError("changed my mind")
    assert collected.changes == Changes()
    assert not collected.changes


def test_statements_record_the_id_they_name(database: Database) -> None:
    services = Services(database)
    build_studio(services)
    with database.collect_changes() as outer:
        with database.collect_changes() as inner, database.write() as session:
            session.execute(update(t.User).where(t.User.id == 1).values(phone="1"))
        with database.write() as session:
            session.execute(update(t.User).where(t.User.id.in_([1, 2])).values(phone="2"))
    assert inner.changes == Changes.of_ids(Kind.CLIENTS, [1])
    assert outer.changes == Changes.of(Kind.CLIENTS)  # the second named no single id
