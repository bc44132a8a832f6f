"""Pages of a long list: what a desk asks for (``PageRequest``) and what it gets (``Page``).

A list of a million bookings is read a page at a time in the order the desk chose, with
keyset paging: the request carries the sort key of the last row it has (``after``), not a
row number, so every page costs the same however far down the list it is, and rows
written meanwhile never shift a page by one. Both are plain frozen values (a key name,
strings, numbers, datetimes), so a request and its page can cross the network as well
as a thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# One part of a row's sort key: the sorted column's value, then the row's id.
SortValue = str | int | float | datetime
SortKey = tuple[SortValue, ...]

DEFAULT_PAGE_SIZE = 200
MAX_PAGE_SIZE = 1000


class BookingSort(StrEnum):
    """The orders the staff's list of every booking comes in (ties: by id)."""

    STARTS_AT = "starts_at"
    STATUS = "status"
    CLIENT = "client"  # the client's full name
    ID = "id"


class ClientSort(StrEnum):
    """The orders the staff's client list comes in (ties: by id)."""

    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"
    TOTAL_SPENT = "total_spent"
    PURCHASES = "purchases"
    BOOKINGS = "bookings"
    ACTIVE_BUNDLES = "active_bundles"
    LAST_VISIT = "last_visit"


@dataclass(frozen=True)
class PageRequest:
    """The rows after ``after`` in the order of ``sort`` (a key name the service lists).

    ``after`` is None for the first page, else the ``next_after`` of the page before;
    ``search`` narrows the rows (what it is matched against is the service's to say).
    """

    sort: str
    descending: bool = False
    search: str = ""
    after: SortKey | None = None
    limit: int = DEFAULT_PAGE_SIZE

    def following(self, page: Page[Any]) -> PageRequest | None:
        """The request for the page after ``page``, or None when ``page`` was the last."""
        if page.next_after is None:
            return None
        return PageRequest(self.sort, self.descending, self.search, page.next_after, self.limit)


@dataclass(frozen=True)
class Page(Generic[T]):
    """At most ``limit`` rows in order; ``next_after`` is None when no rows follow."""

    rows: tuple[T, ...]
    next_after: SortKey | None = None
