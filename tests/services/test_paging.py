"""Keyset paging of every booking: each sort, both ways, with and without a search, on both
engines, gives every row exactly once and in the database's own order; staff only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.errors import InvalidInput, NotAllowed, NotSignedIn
from podyx_desktop.domain.paging import BookingSort, Page, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Booking
from podyx_desktop.domain.requests import NewRoom
from podyx_desktop.services.booking_pages import BOOKING_SORTS
from podyx_desktop.services.paging import words_match
from tests.conftest import START
from tests.factories import Studio

# Distinct first letters: their order is the same in every collation (C, en_US, Python).
NAMES = ["Ana Client", "Ben Bauer", "Cleo Chen", "Dev Patel", "Eli Ortiz", "Fay Wong"]
BOOKINGS = 300
PAGE = 17  # pages end inside runs of equal start times, statuses and names
STATUSES = [s.value for s in BookingStatus]


@pytest.fixture
def booked(studio: Studio) -> dict[int, str]:
    """300 bookings over seven clients (two named Ana Client), with many equal start times
    (in eight rooms: no room is booked twice at once) and statuses, inserted directly;
    their client names by booking id."""
    clients = [studio.client(name, f"c{i}@example.com") for i, name in enumerate(NAMES)]
    clients.append(studio.client("Ana Client", "ana.two@example.com"))
    rooms = [studio.room_a, studio.room_b] + [
        studio.services.catalogue.add_room(Principal.system(), NewRoom(f"Studio {n}")).id
        for n in "CDEFGH"
    ]
    now = START
    rows: list[dict[str, Any]] = []
    for i in range(BOOKINGS):
        starts = START + timedelta(hours=(i * 7) % 41)  # 41 distinct times, ~7 rows each
        rows.append(
            {
                "client_id": clients[(i * 5) % len(clients)].account.id,
                "room_id": rooms[i % len(rooms)],
                "setup_id": studio.podcast_setup,
                "service_id": studio.podcast,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=1),
                "blocked_until": starts + timedelta(hours=1),
                "status": STATUSES[(i * 3) % len(STATUSES)],
                "reschedule_count": 0,
                "created_at": now,
                "updated_at": now,
                "cancel_reason": "",
            }
        )
    with studio.services.db.write() as session:
        session.execute(insert(t.Booking), rows)
    with studio.services.db.read() as session:
        return dict(
            session.execute(
                select(t.Booking.id, t.User.full_name).join(
                    t.User, t.User.id == t.Booking.client_id
                )
            ).all()
        )


def all_pages(studio: Studio, request: PageRequest) -> list[Page[Booking]]:
    pages = [studio.services.bookings.page(studio.desk, request)]
    while (following := request.following(pages[-1])) is not None:
        request = following
        pages.append(studio.services.bookings.page(studio.desk, request))
        assert len(pages) <= BOOKINGS, "paging does not end"
    return pages


def database_order(studio: Studio, sort: BookingSort, descending: bool, search: str) -> list[int]:
    """The ids in the sort, as the database orders the whole list in one query."""
    columns = BOOKING_SORTS[sort].columns
    query = select(t.Booking.id).join(t.User, t.User.id == t.Booking.client_id)
    if (match := words_match(t.User.full_name.expression, search)) is not None:
        query = query.where(match)
    query = query.order_by(*(c.desc() if descending else c.asc() for c in columns))
    with studio.services.db.read() as session:
        return list(session.scalars(query))


def python_order(
    bookings: list[Booking], sort: BookingSort, descending: bool, names: dict[int, str]
) -> list[int]:
    def key(b: Booking) -> tuple[Any, ...]:
        if sort is BookingSort.STARTS_AT:
            return (b.starts_at, b.id)
        if sort is BookingSort.STATUS:
            return (b.status.value, b.id)
        if sort is BookingSort.CLIENT:
            return (names[b.id], b.id)
        return (b.id,)

    return [b.id for b in sorted(bookings, key=key, reverse=descending)]


@pytest.mark.parametrize("search", ["", "cli"])
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", list(BookingSort))
def test_pages_hold_every_booking_once_in_order(
    studio: Studio, booked: dict[int, str], sort: BookingSort, descending: bool, search: str
) -> None:
    pages = all_pages(studio, PageRequest(sort, descending, search, limit=PAGE))
    rows = [b for page in pages for b in page.rows]
    ids = [b.id for b in rows]
    expected_ids = {i for i, name in booked.items() if not search or "client" in name.lower()}
    assert len(ids) == len(set(ids)) == len(expected_ids)
    assert set(ids) == expected_ids
    assert ids == database_order(studio, sort, descending, search)
    assert ids == python_order(rows, sort, descending, booked)
    assert [len(p.rows) for p in pages[:-1]] == [PAGE] * (len(pages) - 1)
    assert pages[-1].next_after is None and 0 < len(pages[-1].rows) <= PAGE
    # The records are the full ones the client's list shows.
    assert {b.client_name for b in rows} == {booked[i] for i in ids}
    assert all(b.room_name.startswith("Studio ") for b in rows)


def test_search_matches_words_of_the_name_and_escapes_wildcards(
    studio: Studio, booked: dict[int, str]
) -> None:
    def names(search: str) -> set[str]:
        pages = all_pages(studio, PageRequest(BookingSort.ID, search=search, limit=100))
        return {b.client_name for page in pages for b in page.rows}

    assert names("CLIENT ana") == {"Ana Client"}
    assert names(" c ") == {"Ana Client", "Cleo Chen"}
    assert names("%") == set()
    assert names("_") == set()
    assert names("nobody") == set()


def test_an_exact_page_ends_without_an_empty_one(studio: Studio, booked: dict[int, str]) -> None:
    first = studio.services.bookings.page(studio.desk, PageRequest(BookingSort.ID, limit=150))
    second = studio.services.bookings.page(
        studio.desk, PageRequest(BookingSort.ID, after=first.next_after, limit=150)
    )
    assert len(first.rows) == len(second.rows) == 150
    assert first.next_after == (first.rows[-1].id,)
    assert second.next_after is None


def test_only_staff_page_through_every_booking(studio: Studio, booked: dict[int, str]) -> None:
    client = studio.services.accounts.sign_in("c0@example.com", "correct horse battery")
    request = PageRequest(BookingSort.STARTS_AT)
    with pytest.raises(NotAllowed):
        studio.services.bookings.page(client.principal, request)
    with pytest.raises(NotSignedIn):
        studio.services.bookings.page(Principal.anonymous(), request)
    assert len(studio.services.bookings.page(studio.owner, request).rows) == 200


@pytest.mark.parametrize(
    "request_",
    [
        PageRequest("price"),
        PageRequest(BookingSort.STARTS_AT, limit=0),
        PageRequest(BookingSort.STARTS_AT, limit=5000),
        PageRequest(BookingSort.STARTS_AT, after=(1,)),
        PageRequest(BookingSort.STARTS_AT, after=("2026-06-01", 1)),
        PageRequest(BookingSort.ID, after=("7",)),
    ],
)
def test_requests_that_do_not_fit_the_list_are_refused(
    studio: Studio, request_: PageRequest
) -> None:
    with pytest.raises(InvalidInput):
        studio.services.bookings.page(studio.desk, request_)
