"""The schema's bookkeeping tables: the client list's kept totals (and the clock their
time-dependent columns are exact at) and SQLite's change feed. Re-exported by
:mod:`podyx_desktop.db.tables` (``t.ClientTotals``), on the same ``Base.metadata``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from podyx_desktop.db.base import Base
from podyx_desktop.db.types import UTCDateTime


class ClientTotalsClock(Base):
    """The one time (``id`` 1) the client totals' time-dependent columns are exact at."""

    __tablename__ = "client_totals_clock"
    id: Mapped[int] = mapped_column(primary_key=True)
    rolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)


class ClientTotals(Base):
    """Per user: what the client list shows and sorts by, kept by database triggers on
    purchases, bookings and bundles in the transaction of each write (migration 0006; its
    docstring and docs/rules.md say how). ``search_key``: folded name, email and phone
    digits, NULL until the client service folds it (new user, or details changed).
    ``active_bundles`` and ``last_visit`` are exact as of ``ClientTotalsClock.rolled_at``.
    """

    __tablename__ = "client_totals"
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    spent_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    purchases: Mapped[int] = mapped_column(Integer, default=0)
    bookings: Mapped[int] = mapped_column(Integer, default=0)
    # as of client_totals_clock.rolled_at; 1970-01-01 for no visit (sort columns are NOT NULL)
    active_bundles: Mapped[int] = mapped_column(Integer, default=0)
    last_visit: Mapped[datetime] = mapped_column(UTCDateTime)
    search_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    __table_args__ = (
        Index("ix_client_totals_spent", "spent_minor", "client_id"),
        Index("ix_client_totals_purchases", "purchases", "client_id"),
        Index("ix_client_totals_bookings", "bookings", "client_id"),
        Index("ix_client_totals_active_bundles", "active_bundles", "client_id"),
        Index("ix_client_totals_last_visit", "last_visit", "client_id"),
        Index(
            "ix_client_totals_search_key",
            "search_key",
            postgresql_ops={"search_key": "text_pattern_ops"},
        ),
        # PostgreSQL only (SQLite searches its FTS5 table)
        Index(
            "ix_client_totals_search_trgm",
            "search_key",
            postgresql_using="gin",
            postgresql_ops={"search_key": "gin_trgm_ops"},
        ).ddl_if(dialect="postgresql"),
    )


# --- the change feed ---------------------------------------------------------------------


class ChangeLog(Base):
    """SQLite's change feed: what each write transaction changed, for the other seats.

    PostgreSQL carries this in the NOTIFY payload; SQLite has no payloads, so each write
    that changed something adds a row here in its own transaction and the watchers of other
    processes read the rows after the last one they saw (see :mod:`podyx_desktop.db.feed`).
    AUTOINCREMENT: ids are never reused, so a watcher can tell pruned rows from no rows.
    """

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    seat: Mapped[str] = mapped_column(String(40))
    changes: Mapped[str] = mapped_column(Text)  # Changes.to_json()
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = ({"sqlite_autoincrement": True},)
