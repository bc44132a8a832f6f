"""Every booking of the studio, a page at a time, for the staff's long list.

Sorted by start time, status, client name or id (each tied by id) and narrowed by words
of the client's name, in SQL with keyset paging (services/paging.py). Rows are the same
booking records the client's list shows, built per page in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.paging import BookingSort, Page, PageRequest
from podyx_desktop.services.booking_records import booking_records
from podyx_desktop.services.paging import Sort, keyset_page, sort_for, words_match

# Indexes behind each sort: bookings.starts_at (ix_bookings_starts_at; PostgreSQL adds an
# incremental sort on id, SQLite's index already ends in the rowid), users.full_name
# (ix_users_full_name, then each client's bookings by ix_bookings_client_time, sorted by
# id), the primary key. Status has none: each of its pages sorts the whole table.
BOOKING_SORTS: dict[str, Sort] = {
    BookingSort.STARTS_AT: Sort((t.Booking.starts_at.expression, t.Booking.id.expression)),
    BookingSort.STATUS: Sort((t.Booking.status.expression, t.Booking.id.expression)),
    BookingSort.CLIENT: Sort((t.User.full_name.expression, t.Booking.id.expression), floor=""),
    BookingSort.ID: Sort((t.Booking.id.expression,)),
}


def booking_page(session: Session, request: PageRequest) -> Page[r.Booking]:
    """One page of every booking (canceled ones too); the caller has checked for staff.

    The search picks the matching clients first (``client_id IN (…)``): a rare name then
    costs a look at each of its clients' bookings, where a join walked the whole time
    index for it (a name with ~2,000 of a million bookings: ~8 ms against ~2 s a page).
    """
    sort = sort_for(BOOKING_SORTS, request)
    query = select(t.Booking).options(selectinload(t.Booking.addons))
    if request.sort == BookingSort.CLIENT:
        query = query.join(t.User, t.User.id == t.Booking.client_id)
    search = words_match(t.User.full_name.expression, request.search)
    if search is not None:
        query = query.where(t.Booking.client_id.in_(select(t.User.id).where(search)))

    def to_records(rows: Sequence[tuple[Any, ...]]) -> list[r.Booking]:
        return booking_records(session, [row[0] for row in rows])

    return keyset_page(session, query, sort, request, to_records)
