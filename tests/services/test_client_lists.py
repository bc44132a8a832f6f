"""A client's two lists split at now: a session under way is upcoming until it ends, one
that has ended is past; upcoming soonest first, past latest first, ties in booking order;
the limit cuts each where it begins. The start-up reads (plain SQL) split them the same
way. On SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from podyx_desktop.db.direct import open_reader
from podyx_desktop.services.startup import StartupReads
from tests.conftest import FakeClock
from tests.factories import Studio

DAY = date(2026, 6, 3)


def test_the_lists_split_at_now_with_a_session_under_way_upcoming(
    studio: Studio, clock: FakeClock
) -> None:
    ann = studio.client("Ann Many")
    bookings = studio.services.bookings
    before = studio.at(DAY - timedelta(days=1), 10)
    at_10 = studio.book(ann, studio.at(DAY, 10)).booking
    long_one = studio.book(ann, studio.at(DAY, 12, 30), minutes=240).booking  # to 16:30
    same_hour = studio.book(ann, studio.at(DAY, 12), setup=studio.roundtable_setup).booking
    at_17 = studio.book(ann, studio.at(DAY, 17)).booking
    tomorrow = studio.book(ann, studio.at(DAY + timedelta(days=1), 10)).booking
    earlier = studio.book(ann, before).booking
    # 15:00: the 12:00 two-hour session has ended, the four-hour one is under way
    clock.now = studio.at(DAY, 15)

    upcoming = bookings.list_for_client(ann.principal, ann.account.id, upcoming=True)
    past = bookings.list_for_client(ann.principal, ann.account.id, upcoming=False)
    assert [b.id for b in upcoming] == [long_one.id, at_17.id, tomorrow.id]
    assert [b.id for b in past] == [same_hour.id, at_10.id, earlier.id]
    everything = bookings.list_for_client(ann.principal, ann.account.id)
    assert [b.id for b in everything] == [
        tomorrow.id, at_17.id, long_one.id, same_hour.id, at_10.id, earlier.id
    ]  # fmt: skip
    # the limit keeps where each list begins
    assert bookings.list_for_client(ann.principal, ann.account.id, upcoming=True, limit=1) == (
        upcoming[:1]
    )
    assert bookings.list_for_client(ann.principal, ann.account.id, upcoming=False, limit=2) == (
        past[:2]
    )

    # once every session has ended, nothing is upcoming and the past holds them all
    clock.now = studio.at(DAY + timedelta(days=2), 9)
    assert bookings.list_for_client(ann.principal, ann.account.id, upcoming=True) == []
    assert len(bookings.list_for_client(ann.principal, ann.account.id, upcoming=False)) == 6

    # the start-up reads split the lists at the same place
    clock.now = studio.at(DAY, 15)
    url = studio.services.db.url.render_as_string(hide_password=False)
    with open_reader(url) as reader:
        assert reader is not None
        reads = StartupReads(reader, clock.now)
        assert reads.bookings(ann.principal, ann.account.id, True) == upcoming
        assert reads.bookings(ann.principal, ann.account.id, False) == past
