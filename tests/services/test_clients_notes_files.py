"""The front desk's client list, studio notes and shared files, and the audit log reader."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import (
    InvalidInput,
    NotAllowed,
    NotFound,
    NotSignedIn,
    PodyxError,
)
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.services.files import FileDamaged
from tests.conftest import FakeClock
from tests.factories import PASSWORD, Studio

SYSTEM = Principal.system()
ANONYMOUS = Principal.anonymous()


def sign_up(studio: Studio, name: str, email: str, phone: str) -> SignedIn:
    return studio.services.accounts.sign_up(ANONYMOUS, NewAccount(name, email, phone, PASSWORD))


def add_purchase(
    session: Session,
    client_id: int,
    gross: int,
    *,
    kind: str = "booking",
    status: str = "paid",
    now: datetime,
) -> int:
    row = t.Purchase(
        client_id=client_id,
        kind=kind,
        status=status,
        created_at=now,
        paid_at=now,
        currency="EUR",
        prices_include_vat=True,
        method="cash",
        net_minor=gross,
        vat_minor=0,
        gross_minor=gross,
        discount_minor=0,
        buyer_name="x",
        seller_name="Test Studio",
    )
    session.add(row)
    session.flush()
    return row.id


def add_booking(
    session: Session, studio: Studio, client_id: int, starts: datetime, status: str
) -> int:
    row = t.Booking(
        client_id=client_id,
        room_id=studio.room_a,
        setup_id=studio.podcast_setup,
        service_id=studio.podcast,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        blocked_until=starts + timedelta(hours=1, minutes=15),
        status=status,
        reschedule_count=0,
        created_at=starts,
        updated_at=starts,
    )
    session.add(row)
    session.flush()
    return row.id


def add_bundle(
    session: Session,
    studio: Studio,
    client_id: int,
    remaining: int,
    expires: datetime | None,
    purchase_id: int | None = None,
) -> None:
    session.add(
        t.Bundle(
            client_id=client_id,
            product_id=studio.bundle_product,
            name="3 × 2 h",
            sessions_total=3,
            sessions_remaining=remaining,
            session_minutes=120,
            purchased_at=studio.services.context.now(),
            expires_at=expires,
            purchase_id=purchase_id,
            issued_reason="",
        )
    )


# --- the client list ------------------------------------------------------------------------


def test_client_list_totals(studio: Studio) -> None:
    now = studio.services.context.now()
    ana = studio.client("Ana Client").account.id
    ben = studio.client("Ben Client").account.id
    cleo = studio.client("Cleo Client").account.id
    with studio.services.db.write() as session:
        add_purchase(session, ana, 12000, now=now)
        refunded = add_purchase(session, ana, 5000, status="refunded", now=now)
        credit = add_purchase(session, ana, -5000, kind="credit_note", now=now)
        session.execute(
            update(t.Purchase).where(t.Purchase.id == credit).values(refund_of_id=refunded)
        )
        add_purchase(session, ana, 3000, status="awaiting_payment", now=now)
        add_purchase(session, ana, 4000, status="void", now=now)
        bundle_purchase = add_purchase(session, ben, 30000, kind="bundle", now=now)
        unpaid_bundle = add_purchase(
            session, ben, 30000, kind="bundle", status="awaiting_payment", now=now
        )
        for day, status in enumerate(("confirmed", "completed", "canceled"), start=1):
            add_booking(session, studio, ana, now + timedelta(days=day), status)
        add_bundle(session, studio, ben, 2, now + timedelta(days=30), bundle_purchase)
        add_bundle(session, studio, ben, 3, None)  # issued by staff, no purchase
        add_bundle(session, studio, ben, 0, None)  # used up
        add_bundle(session, studio, ben, 3, now - timedelta(seconds=1))  # expired
        add_bundle(session, studio, ben, 3, None, unpaid_bundle)  # not paid yet

    rows = studio.services.clients.list_clients(studio.desk)

    assert [r.full_name for r in rows] == ["Ana Client", "Ben Client", "Cleo Client"]
    a, b, c = rows
    assert (a.id, a.total_spent_minor, a.purchases, a.bookings, a.active_bundles) == (
        ana,
        12000,
        3,
        2,
        0,
    )
    assert (b.id, b.total_spent_minor, b.purchases, b.bookings, b.active_bundles) == (
        ben,
        30000,
        2,
        0,
        2,
    )
    assert (c.id, c.total_spent_minor, c.purchases, c.bookings, c.active_bundles) == (
        cleo,
        0,
        0,
        0,
        0,
    )
    assert a.email == "ana.client@example.com" and a.phone == "+493012345678"
    # staff accounts are not clients
    assert "Dana Desk" not in {r.full_name for r in rows}


def test_client_list_search_and_paging(studio: Studio) -> None:
    sign_up(studio, "Élodie Durand", "elodie@example.fr", "+33 1 42 68 53 00")
    sign_up(studio, "Bob Builder", "BOB@Example.com", "+44 20 7946 0958")
    sign_up(studio, "Олег Иванов", "oleg@example.ru", "+7 495 123-45-67")
    sign_up(studio, "100%_Percent", "pct@example.com", "+49 30 7777777")
    clients = studio.services.clients

    def names(search: str) -> list[str]:
        return [r.full_name for r in clients.list_clients(studio.desk, search)]

    assert names("élodie") == ["Élodie Durand"]
    assert names("ÉLODIE") == ["Élodie Durand"]
    assert names("durand") == ["Élodie Durand"]
    assert names("bob@example") == ["Bob Builder"]
    assert names("олег") == ["Олег Иванов"]
    assert names("020 7946") == ["Bob Builder"]
    assert names("+33 1 42") == ["Élodie Durand"]
    # LIKE's wildcards are plain characters; one or two letters match the name's start
    assert names("%_per") == ["100%_Percent"]
    assert names("0%_") == ["100%_Percent"]
    assert names("10") == ["100%_Percent"]
    assert names("%") == []
    assert names("du") == []  # not the start of a name: "Élodie Durand"
    assert names("el") == ["Élodie Durand"]
    assert names("nobody") == []
    assert len(names("  ")) == 4
    everyone = names("")
    assert [r.full_name for r in clients.list_clients(studio.desk, limit=2, offset=1)] == everyone[
        1:3
    ]


def test_client_list_is_for_staff_only(studio: Studio) -> None:
    ana = studio.client()
    with pytest.raises(NotSignedIn):
        studio.services.clients.list_clients(ANONYMOUS)
    with pytest.raises(NotAllowed):
        studio.services.clients.list_clients(ana.principal)


def test_client_list_of_ten_thousand_is_fast(studio: Studio) -> None:
    now = studio.services.context.now()
    with studio.services.db.write() as session:
        session.execute(
            insert(t.User),
            [
                {
                    "email": f"c{i}@example.com",
                    "email_key": f"c{i}@example.com",
                    "full_name": f"Client {i:05d}",
                    "phone": "+493012345678",
                    "password_hash": "x",
                    "role": "client",
                    "active": True,
                    "failed_logins": 0,
                    "store_credit_minor": 0,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(10_000)
            ],
        )
    rows = studio.services.clients.list_clients(studio.desk, "client 09", limit=1000)
    # every word somewhere in the name, email or phone digits
    expected = [
        f"Client {i:05d}" for i in range(10_000) if "09" in f"client {i:05d} c{i}@example.com"
    ]
    assert [r.full_name for r in rows] == expected[:1000]


def test_get_client(studio: Studio) -> None:
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    clients = studio.services.clients
    assert clients.get_client(ana.principal, ana.account.id).email == "ana.client@example.com"
    assert clients.get_client(studio.desk, ana.account.id).full_name == "Ana Client"
    with pytest.raises(NotFound):
        clients.get_client(ben.principal, ana.account.id)
    with pytest.raises(NotFound):
        clients.get_client(studio.desk, 99_999)
    with pytest.raises(NotSignedIn):
        clients.get_client(ANONYMOUS, ana.account.id)


# --- studio notes ---------------------------------------------------------------------------


def test_clients_never_see_internal_notes_or_other_clients_notes(
    studio: Studio, clock: FakeClock
) -> None:
    notes = studio.services.notes
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    now = studio.services.context.now()
    with studio.services.db.write() as session:
        booking = add_booking(session, studio, ana.account.id, now + timedelta(days=3), "confirmed")
    update_note = notes.add_note(
        studio.desk,
        client_id=ana.account.id,
        body=" Your edit is ready. ",
        internal=False,
        booking_id=booking,
    )
    clock.advance(minutes=5)
    notes.add_note(studio.desk, client_id=ana.account.id, body="Pays late.", internal=True)
    notes.add_note(studio.owner, client_id=ben.account.id, body="Welcome, Ben!", internal=False)

    assert update_note.body == "Your edit is ready." and update_note.author_name == "Dana Desk"
    assert [n.body for n in notes.list_notes(ana.principal, client_id=ana.account.id)] == [
        "Your edit is ready."
    ]
    assert [n.body for n in notes.list_notes(studio.desk, client_id=ana.account.id)] == [
        "Pays late.",
        "Your edit is ready.",
    ]
    assert [
        n.id for n in notes.list_notes(studio.desk, client_id=ana.account.id, booking_id=booking)
    ] == [update_note.id]
    with pytest.raises(NotFound):
        notes.list_notes(ana.principal, client_id=ben.account.id)
    with pytest.raises(NotSignedIn):
        notes.list_notes(ANONYMOUS, client_id=ana.account.id)
    [entry, *_] = studio.services.audit.list_entries(
        SYSTEM, entity="client", entity_id=ben.account.id
    )
    assert entry.action == "add_note" and "Welcome" not in entry.after


def test_only_staff_write_notes_on_a_clients_own_bookings(studio: Studio) -> None:
    notes = studio.services.notes
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    now = studio.services.context.now()
    with studio.services.db.write() as session:
        bens_booking = add_booking(
            session, studio, ben.account.id, now + timedelta(days=3), "confirmed"
        )
    with pytest.raises(NotAllowed):
        notes.add_note(ana.principal, client_id=ana.account.id, body="hi", internal=False)
    with pytest.raises(NotSignedIn):
        notes.add_note(ANONYMOUS, client_id=ana.account.id, body="hi", internal=False)
    with pytest.raises(InvalidInput, match="another client"):
        notes.add_note(
            studio.desk,
            client_id=ana.account.id,
            body="hi",
            internal=False,
            booking_id=bens_booking,
        )
    with pytest.raises(NotFound):
        notes.add_note(
            studio.desk, client_id=ana.account.id, body="hi", internal=False, booking_id=99_999
        )
    with pytest.raises(NotFound):
        notes.add_note(studio.desk, client_id=99_999, body="hi", internal=False)
    with pytest.raises(InvalidInput, match="Write something"):
        notes.add_note(studio.desk, client_id=ana.account.id, body="   ", internal=False)


# --- shared files ---------------------------------------------------------------------------


def test_stored_files_keep_size_and_checksum(studio: Studio) -> None:
    files = studio.services.files
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    content = b"ID3" + bytes(range(256)) * 100
    shared = files.share_file(
        studio.desk, client_id=ana.account.id, name="C:\\edits\\Episode 1.mp3", content=content
    )

    assert shared.name == "Episode 1.mp3" and shared.media_type == "audio/mpeg"
    assert (
        shared.size_bytes == len(content) and shared.sha256 == hashlib.sha256(content).hexdigest()
    )
    assert shared.external_url is None
    assert files.list_files(ana.principal, ana.account.id) == [shared]
    assert files.download(ana.principal, shared.id) == (shared, content)
    assert files.download(studio.desk, shared.id)[1] == content
    with pytest.raises(NotFound):
        files.download(ben.principal, shared.id)
    with pytest.raises(NotFound):
        files.list_files(ben.principal, ana.account.id)
    with pytest.raises(NotFound):
        files.download(ana.principal, 99_999)
    with pytest.raises(NotSignedIn):
        files.download(ANONYMOUS, shared.id)
    assert files.list_files(ben.principal, ben.account.id) == []
    [entry, *_] = studio.services.audit.list_entries(
        SYSTEM, entity="client", entity_id=ana.account.id
    )
    assert entry.action == "share_file" and json.loads(entry.after)["size_bytes"] == len(content)


def test_a_damaged_file_is_reported_not_handed_over(studio: Studio) -> None:
    ana = studio.client()
    shared = studio.services.files.share_file(
        studio.desk, client_id=ana.account.id, name="take.wav", content=b"RIFF...."
    )
    with studio.services.db.write() as session:
        session.execute(
            update(t.FileChunk).where(t.FileChunk.file_id == shared.id).values(data=b"RIFF!!!!")
        )
    with pytest.raises(FileDamaged, match="share it again") as refused:
        studio.services.files.download(ana.principal, shared.id)
    assert isinstance(refused.value, PodyxError)


def test_link_files(studio: Studio) -> None:
    files = studio.services.files
    ana = studio.client()
    link = files.share_file(
        studio.owner,
        client_id=ana.account.id,
        name="Raw footage.mp4",
        external_url=" https://files.example.com/raw.mp4 ",
    )
    assert (link.external_url, link.size_bytes, link.sha256) == (
        "https://files.example.com/raw.mp4",
        0,
        "",
    )
    assert link.media_type == "video/mp4"
    assert files.download(ana.principal, link.id) == (link, None)
    digest = "ab" * 32
    sized = files.share_file(
        studio.desk,
        client_id=ana.account.id,
        name="Reel",
        external_url="http://x.example/r",
        media_type="Video/MP4",
        size_bytes=1234,
        sha256=digest.upper(),
    )
    assert (sized.size_bytes, sized.sha256, sized.media_type) == (1234, digest, "video/mp4")
    assert [f.id for f in files.list_files(studio.desk, ana.account.id)] == [sized.id, link.id]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"external_url": "ftp://example.com/x"}, "web address"),
        ({"external_url": "javascript:alert(1)"}, "web address"),
        ({"external_url": "https://"}, "web address"),
        ({}, "either a file or a link"),
        ({"content": b"x", "external_url": "https://example.com"}, "either a file or a link"),
        ({"content": b"x", "media_type": "not a type"}, "media type"),
        ({"external_url": "https://example.com", "sha256": "abc"}, "64 hex"),
    ],
)
def test_share_file_checks_its_input(studio: Studio, kwargs: dict[str, Any], match: str) -> None:
    ana = studio.client()
    with pytest.raises(InvalidInput, match=match):
        studio.services.files.share_file(
            studio.desk, client_id=ana.account.id, name="f.bin", **kwargs
        )


def test_only_staff_share_files(studio: Studio) -> None:
    ana = studio.client()
    share = studio.services.files.share_file
    with pytest.raises(NotAllowed):
        share(ana.principal, client_id=ana.account.id, name="x.txt", content=b"x")
    with pytest.raises(NotSignedIn):
        share(ANONYMOUS, client_id=ana.account.id, name="x.txt", content=b"x")
    with pytest.raises(NotFound):
        share(studio.desk, client_id=99_999, name="x.txt", content=b"x")
    desk_id = studio.desk.user_id
    assert desk_id is not None
    with pytest.raises(NotFound):  # staff accounts are not clients
        share(studio.desk, client_id=desk_id, name="x.txt", content=b"x")


# --- the audit log --------------------------------------------------------------------------


def test_audit_log_is_for_managers_and_owners(studio: Studio) -> None:
    audit_log = studio.services.audit
    studio.services.catalogue.set_service_rate(studio.owner, studio.podcast, 6500)
    studio.services.catalogue.set_service_rate(studio.owner, studio.video, 13000)
    newest = audit_log.list_entries(studio.owner, limit=1)
    assert len(newest) == 1 and newest[0].entity_id == studio.video
    by_entity = audit_log.list_entries(studio.owner, entity="service", entity_id=studio.podcast)
    assert [e.action for e in by_entity] == ["change_price", "create_service"]
    assert {e.entity for e in audit_log.list_entries(studio.owner, entity="room")} == {"room"}
    with pytest.raises(NotAllowed):
        audit_log.list_entries(studio.desk)
    with pytest.raises(NotAllowed):
        audit_log.list_entries(studio.client().principal)
    with pytest.raises(NotSignedIn):
        audit_log.list_entries(ANONYMOUS)
    manager = studio.services.accounts.create_staff(
        SYSTEM,
        NewAccount("Mia Manager", "mia@example.com", "+49 30 3333333", PASSWORD),
        Role.MANAGER,
    )
    assert audit_log.list_entries(Principal.user(manager.id, Role.MANAGER))
