"""A database another seat keeps locked: the write gives up after the wait with a sentence
("Another seat is saving; try again in a moment."), never a driver's message, and
nothing of it is stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.db.urls import postgres_conninfo
from podyx_desktop.domain.errors import DatabaseBusy
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER, FakeClock, truncate_all
from tests.factories import build_studio

BUSY = "Another seat is saving; try again in a moment."


def _short_wait(database: Database) -> Services:
    """The same database, with a write that waits 0.3 s for a lock instead of 30 s."""
    url = database.url.render_as_string(hide_password=False)
    return Services(Database(url, lock_timeout_s=0.3), clock=FakeClock(), hasher=FAST_HASHER)


def test_a_locked_sqlite_file_is_explained(sqlite_database: Database) -> None:
    services = Services(sqlite_database, clock=FakeClock(), hasher=FAST_HASHER)
    studio = build_studio(services)
    client = studio.client()
    impatient = _short_wait(services.db)
    other = sqlite3.connect(Path(services.db.url.database or ""), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another seat is in the middle of a save
    try:
        with pytest.raises(DatabaseBusy) as error:
            impatient.accounts.change_name(client.principal, "Ana Renamed")
        assert error.value.message == BUSY
    finally:
        other.execute("ROLLBACK")
        other.close()
        impatient.db.dispose()
    with services.db.read() as session:
        name = session.scalar(select(t.User.full_name).where(t.User.id == client.account.id))
    assert name == client.account.full_name
    services.db.dispose()


@pytest.mark.postgres
def test_a_row_locked_on_postgres_is_explained(postgres_migrated_url: str) -> None:
    truncate_all(postgres_migrated_url)
    services = Services(Database(postgres_migrated_url), clock=FakeClock(), hasher=FAST_HASHER)
    studio = build_studio(services)
    client = studio.client()
    impatient = _short_wait(services.db)
    conninfo = postgres_conninfo(postgres_migrated_url)
    assert conninfo is not None
    with psycopg.connect(conninfo) as other:
        other.execute("SELECT 1 FROM users WHERE id = %s FOR UPDATE", (client.account.id,))
        with pytest.raises(DatabaseBusy) as error:
            impatient.accounts.change_name(client.principal, "Ana Renamed")
        assert error.value.message == BUSY
        other.rollback()
    impatient.db.dispose()
    with services.db.read() as session:
        name = session.scalar(select(t.User.full_name).where(t.User.id == client.account.id))
    assert name == client.account.full_name
