"""The start-up reads (plain SQL, before SQLAlchemy is imported) give exactly what the
services give, refuse what they refuse, and step aside for a database they cannot vouch
for. On SQLite and on PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from podyx_desktop.db.direct import DirectReader, open_reader
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.tables import ChangeLog
from podyx_desktop.domain.enums import PaymentMethod, RefundTo
from podyx_desktop.domain.errors import DatabaseProblem, NotFound, NotSignedIn, SessionExpired
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import (
    AddonChoice,
    BundlePurchaseRequest,
    NewRoom,
    RedeemRequest,
)
from podyx_desktop.services.startup import StartupReads
from tests.conftest import FakeClock
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)


def url_of(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


@pytest.fixture
def reader(studio: Studio) -> Iterator[DirectReader]:
    with open_reader(url_of(studio.services.db)) as opened:
        assert opened is not None
        yield opened


def busy_history(studio: Studio, clock: FakeClock) -> tuple[SignedIn, SignedIn]:
    """Two clients with every kind of booking: add-ons booked and added later, paid, paid
    later, canceled and refunded, redeemed from a bundle, two at the same hour, past and
    upcoming."""
    ann = studio.client("Ann Many", "ann@example.com")
    bob = studio.client("Bob Bundle", "bob@example.com")
    services = studio.services
    services.purchases.add_store_credit(studio.owner, ann.account.id, 500_00, "test")
    services.purchases.add_store_credit(studio.owner, bob.account.id, 500_00, "test")

    studio.book(ann, studio.at(DAY, 10), addons=(AddonChoice(studio.engineer, 2),))
    paid = studio.book(ann, studio.at(DAY, 14), method=PaymentMethod.STORE_CREDIT)
    studio.book(ann, studio.at(DAY, 14), setup=studio.roundtable_setup)  # the same hour
    later = studio.book(ann, studio.at(DAY + timedelta(days=1), 10))
    services.bookings.add_addons(
        ann.principal, later.booking.id, [AddonChoice(studio.extra_mic, 2)], PaymentMethod.PAY_LATER
    )
    refunded = studio.book(
        ann, studio.at(DAY + timedelta(days=2), 16), method=PaymentMethod.STORE_CREDIT
    )
    services.bookings.cancel(ann.principal, refunded.booking.id, reason="ill")
    assert paid.purchase is not None
    services.purchases.refund(studio.owner, paid.purchase.id, RefundTo.STORE_CREDIT, "goodwill")

    bought = services.checkout.buy_bundle(
        bob.principal,
        BundlePurchaseRequest(
            studio.bundle_product, PaymentMethod.STORE_CREDIT, terms_accepted=True
        ),
    )
    services.bundles.redeem(
        bob.principal,
        RedeemRequest(bought.bundle_id, studio.podcast_setup, studio.at(DAY, 18)),
    )
    studio.book(bob, studio.at(DAY + timedelta(days=3), 10), promo="WELCOME10")
    clock.now = studio.at(DAY, 21)  # some sessions are past now, some upcoming
    return ann, bob


def test_bookings_are_the_services_own(
    studio: Studio, clock: FakeClock, reader: DirectReader
) -> None:
    ann, bob = busy_history(studio, clock)
    reads = StartupReads(reader, clock.now)
    for who in (ann, bob):
        for upcoming in (True, False):
            expected = studio.services.bookings.list_for_client(
                who.principal, who.account.id, upcoming=upcoming
            )
            assert expected  # both lists of both clients have sessions to compare
            assert reads.bookings(who.principal, who.account.id, upcoming) == expected
    # Staff see a client's lists too; the limit is the services' own.
    desk = reads.bookings(studio.desk, ann.account.id, True, limit=1)
    assert desk == studio.services.bookings.list_for_client(
        studio.desk, ann.account.id, upcoming=True, limit=1
    )


def test_another_client_and_visitors_are_refused(
    studio: Studio, clock: FakeClock, reader: DirectReader
) -> None:
    ann, bob = busy_history(studio, clock)
    reads = StartupReads(reader, clock.now)
    with pytest.raises(NotFound):
        reads.bookings(bob.principal, ann.account.id, True)
    with pytest.raises(NotSignedIn):
        reads.bookings(Principal.anonymous(), ann.account.id, True)
    with pytest.raises(NotFound):
        reads.bookings(studio.desk, 999_999, True)


def test_the_studio_is_the_services_own(studio: Studio, reader: DirectReader) -> None:
    reads = StartupReads(reader, studio.services.context.now())
    assert reads.studio() == studio.services.catalogue.studio(Principal.anonymous())


def test_the_log_position_is_the_newest_change(studio: Studio, reader: DirectReader) -> None:
    """What the app's database watcher catches up from (gui.changes), read anew each time."""
    reads = StartupReads(reader, studio.services.context.now())
    before = reads.log_position()
    studio.services.catalogue.add_room(Principal.system(), NewRoom("Later"))
    after = reads.log_position()
    with studio.services.db.read() as session:
        newest = session.execute(select(func.max(ChangeLog.id))).scalar()
    assert after == newest and after > before


def test_a_remembered_session_resumes_as_the_services_resume_it(
    studio: Studio, clock: FakeClock, reader: DirectReader
) -> None:
    ann = studio.client()
    assert StartupReads(reader, clock.now).resume(ann.token) == (
        studio.services.accounts.resume(ann.token)
    )
    for token in ("a-token-the-studio-never-issued", ""):
        with pytest.raises(SessionExpired):
            StartupReads(reader, clock.now).resume(token)
    # signed out elsewhere: revoked
    other = studio.services.accounts.sign_in(ann.account.email, PASSWORD)
    studio.services.accounts.sign_out(other.principal, other.token)
    with pytest.raises(SessionExpired):
        StartupReads(reader, clock.now).resume(other.token)
    # expired: a month on
    with pytest.raises(SessionExpired):
        StartupReads(reader, clock.now + timedelta(days=31)).resume(ann.token)
    # the account deactivated by the studio
    with studio.services.db.write() as session:
        session.execute(
            text("UPDATE users SET active = :no WHERE id = :id"),
            {"no": False, "id": ann.account.id},
        )
    with pytest.raises(SessionExpired):
        StartupReads(reader, clock.now).resume(ann.token)
    with pytest.raises(NotSignedIn):
        StartupReads(reader, clock.now).bookings(ann.principal, ann.account.id, True)


# --- when the reads step aside ----------------------------------------------------------


def test_a_missing_file_is_left_to_the_full_path_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "none-yet.sqlite3"
    with open_reader(sqlite_url(path)) as reader:
        assert reader is None
    assert not path.exists()


def test_an_empty_or_foreign_file_is_left_to_the_full_path(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database, just some bytes" * 200)
    for path in (empty, garbage):
        with open_reader(sqlite_url(path)) as reader:
            assert reader is None


def test_an_older_schema_is_left_to_the_full_path(sqlite_database: Database) -> None:
    with sqlite_database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    with open_reader(url_of(sqlite_database)) as reader:
        assert reader is None


def test_other_kinds_of_url_are_left_to_the_full_path() -> None:
    with open_reader("mysql://someone@somewhere/db") as reader:
        assert reader is None


def test_a_network_share_is_refused_as_the_engine_refuses_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("podyx_desktop.db.urls.filesystem_type", lambda path: "cifs")
    with pytest.raises(DatabaseProblem, match="network share"):
        with open_reader(sqlite_url(tmp_path / "shared.sqlite3")):
            pass


def test_an_unreachable_server_is_explained_once() -> None:
    # Port 1 on this machine: nothing listens, the connection is refused at once.
    with pytest.raises(
        DatabaseProblem, match=r"Cannot reach the PostgreSQL server at 127\.0\.0\.1:1"
    ):
        with open_reader("postgresql://podyx@127.0.0.1:1/podyx"):
            pass


def test_the_reader_never_writes(sqlite_database: Database) -> None:
    with open_reader(url_of(sqlite_database)) as reader:
        assert reader is not None
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.rows("DELETE FROM rooms")
