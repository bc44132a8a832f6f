"""Exactly once at the desk: eight seats (separate processes) move different sessions into
one time of another room, use one client's one-time code, or mark the same transfers
received, at the same moment, on a
SQLite file and on PostgreSQL. See test_exactly_once.py for the bookings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from argon2.exceptions import VerificationError
from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod
from tests.conftest import FAST_HASHER
from tests.factories import Studio
from tests.services.invariants import audit_count, seat
from tests.services.seats import WORKERS, Seats, tally

pytestmark = pytest.mark.slow
DAY = date(2026, 6, 10)
NEW_PASSWORD = "a new password 2026"


def test_one_new_room_time_goes_to_one_session(
    studio: Studio, database: Database, seats: Seats
) -> None:
    booked = [
        studio.book(studio.client(f"Seat {n}"), studio.at(DAY + timedelta(days=n), 10))
        for n in range(WORKERS)
    ]
    target = studio.at(DAY + timedelta(days=WORKERS + 1), 14)
    jobs = [
        seat(studio.owner, booking_id=b.booking.id, starts_at=target, room_id=studio.room_b)
        for b in booked
    ]
    outcomes = seats.run("move_room", database, studio.services.context.now(), jobs)
    assert tally(outcomes) == {"ok": 1, "TimeTaken": WORKERS - 1}, outcomes
    with database.read() as session:
        in_room_b = session.scalars(
            select(t.Booking.id).where(
                t.Booking.room_id == studio.room_b, t.Booking.starts_at == target
            )
        ).all()
    assert len(in_room_b) == 1
    assert all(text for kind, text in outcomes if kind == "TimeTaken")


def test_a_one_time_code_sets_one_password(
    studio: Studio, database: Database, seats: Seats
) -> None:
    _account, code = studio.services.accounts.create_client_at_desk(
        studio.desk, "Walk In", "walk.in@example.com", "+49 30 7777777"
    )
    passwords = [f"{NEW_PASSWORD} #{n}" for n in range(WORKERS)]
    jobs = [
        seat(studio.desk, email="walk.in@example.com", code=code, new=password)
        for password in passwords
    ]
    outcomes = seats.run("code", database, studio.services.context.now(), jobs)
    counts = tally(outcomes)
    assert counts.pop("ok") == 1, outcomes
    # the others are told in words; five wrong tries also lock the account for a while
    assert set(counts) <= {"InvalidInput", "AccountLocked"}, outcomes
    with database.read() as session:
        stored = session.scalar(
            select(t.User.password_hash).where(t.User.email_key == "walk.in@example.com")
        )
    assert stored is not None
    assert sum(_matches(stored, password) for password in passwords) == 1  # one password set


def _matches(stored: str, password: str) -> bool:
    try:
        return bool(FAST_HASHER.verify(stored, password))
    except VerificationError:
        return False


def test_bulk_mark_received_pays_each_transfer_once(
    studio: Studio, database: Database, seats: Seats
) -> None:
    """Eight seats mark the same six transfers received at once (each in its own order):
    every purchase gets one payment and one receipt number; the other seats are told, per
    purchase, that it was approved on another seat, and none of them fails the rest."""
    ann = studio.client("Ann")
    pending = [
        studio.book(ann, studio.at(DAY + timedelta(days=n), 10), method=PaymentMethod.BANK_TRANSFER)
        for n in range(6)
    ]
    ids = [b.purchase.id for b in pending]
    jobs = [seat(studio.desk, purchase_ids=ids[n % 6 :] + ids[: n % 6]) for n in range(WORKERS)]
    outcomes = seats.run("mark_received", database, studio.services.context.now(), jobs)
    assert tally(outcomes) == {"ok": WORKERS}, outcomes
    paid: dict[int, str] = {}
    elsewhere = 0
    for _kind, text in outcomes:
        marked, approved_elsewhere, refused = text.split("|")
        assert approved_elsewhere == refused  # every refusal: approved on another seat
        elsewhere += int(approved_elsewhere)
        for pair in filter(None, marked.split(",")):
            purchase_id, number = pair.split("=")
            assert int(purchase_id) not in paid, outcomes  # never twice
            paid[int(purchase_id)] = number
    assert sorted(paid) == sorted(ids) and len(set(paid.values())) == 6
    assert elsewhere == WORKERS * 6 - 6
    with database.read() as session:
        rows = session.execute(
            select(t.Purchase.receipt_number, t.Purchase.status).where(t.Purchase.id.in_(ids))
        ).all()
        confirmed = session.scalars(
            select(t.Booking.status).where(t.Booking.purchase_id.in_(ids))
        ).all()
    assert sorted(number for number, _status in rows) == sorted(paid.values())
    assert {status for _number, status in rows} == {"paid"}
    assert set(confirmed) == {"confirmed"}


def test_a_shared_file_is_revoked_once(studio: Studio, database: Database, seats: Seats) -> None:
    ana = studio.client("Ana Files")
    shared = studio.services.files.share_file(
        studio.desk, client_id=ana.account.id, name="mix.wav", content=b"RIFF" + b"\0" * 4096
    )
    jobs = [seat(studio.desk, file_id=shared.id)] * WORKERS
    outcomes = seats.run("revoke", database, studio.services.context.now(), jobs)
    assert tally(outcomes) == {"ok": 1, "NotFound": WORKERS - 1}, outcomes
    assert audit_count(database, "revoke_file") == 1
    with database.read() as session:
        chunks = session.scalars(select(t.FileChunk).where(t.FileChunk.file_id == shared.id))
        assert chunks.all() == []
    assert studio.services.files.list_files(ana.principal, ana.account.id) == []


@pytest.mark.parametrize("where", ["booking", "client"])
def test_notes_are_marked_read_once(
    studio: Studio, database: Database, seats: Seats, where: str
) -> None:
    """Eight windows of one client open a booking (or the Files tab) at once: its three
    unread notes are marked read once in all, never counted twice."""
    ana = studio.client("Ana Notes")
    day = studio.services.context.now().date() + timedelta(days=3)
    booking = studio.book(ana, studio.at(day, 10)).booking.id
    on_booking = booking if where == "booking" else None
    for n in range(3):
        studio.services.notes.add_note(
            studio.desk, client_id=ana.account.id, body=f"note {n}", internal=False,
            booking_id=on_booking,
        )  # fmt: skip
    job = "mark_read" if where == "booking" else "mark_general_read"
    jobs = [seat(ana.principal, booking_id=booking, client_id=ana.account.id)] * WORKERS
    outcomes = seats.run(job, database, studio.services.context.now(), jobs)
    assert {kind for kind, _count in outcomes} == {"ok"}, outcomes
    assert sum(int(count) for _kind, count in outcomes) == 3, outcomes
    with database.read() as session:
        unread = session.scalars(
            select(t.StudioNote.id).where(
                t.StudioNote.client_id == ana.account.id, t.StudioNote.read_at.is_(None)
            )
        ).all()
    assert unread == []


def test_a_reader_of_the_change_log_never_sees_a_gap_filled_later(
    studio: Studio, database: Database, seats: Seats
) -> None:
    """The clients' sync relies on it: change_log ids follow commit order, so a reader
    that has seen id N has seen every change before it. Eight seats write at once while
    a reader polls the log; no id below one it saw may appear afterwards."""
    import threading

    from sqlalchemy import func

    clients = [studio.client(f"Client {n}") for n in range(WORKERS)]  # no row shared
    with database.read() as session:
        start = int(session.scalar(select(func.max(t.ChangeLog.id))) or 0)
    seen: set[int] = set()
    late: list[int] = []
    done = threading.Event()

    def read_the_log() -> None:
        reader = Database(database.url.render_as_string(hide_password=False))
        try:
            while not done.is_set():
                with reader.read() as session:
                    ids = session.scalars(
                        select(t.ChangeLog.id).where(t.ChangeLog.id > start)
                    ).all()
                highest = max(seen, default=start)
                late.extend(i for i in ids if i not in seen and i < highest)
                seen.update(ids)
        finally:
            reader.dispose()

    poller = threading.Thread(target=read_the_log, name="log reader", daemon=True)
    poller.start()
    jobs = [
        seat(studio.desk, client_id=c.account.id, product_id=studio.bundle_product, repeat=10)
        for c in clients
    ]
    try:
        outcomes = seats.run("issue_slow_commit", database, studio.services.context.now(), jobs)
    finally:
        done.set()
        poller.join(30)
    assert {kind for kind, _id in outcomes} == {"ok"}, outcomes[:3]
    assert late == [], f"ids that appeared after a later one had been read: {late[:10]}"
    with database.read() as session:
        written = session.scalar(select(func.count()).where(t.ChangeLog.id > start))
    assert written == WORKERS * 10 and len(seen) > 0  # one log row a write; the reader read
