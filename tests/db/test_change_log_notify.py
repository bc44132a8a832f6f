"""On PostgreSQL a write logs its changes and notifies the other seats in one statement:
the NOTIFY names the ``change_log`` row the same transaction wrote."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import select

from podyx_desktop.db import feed
from podyx_desktop.db.derived_tables import ChangeLog
from podyx_desktop.db.engine import CHANGE_CHANNEL, Database
from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewRoom
from podyx_desktop.services import Services
from tests.conftest import truncate_all

pytestmark = pytest.mark.postgres


def _listen(url: str) -> psycopg.Connection:
    listener = psycopg.connect(
        url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    )
    listener.execute(f"LISTEN {CHANGE_CHANNEL}")
    return listener


def test_the_notify_names_the_log_row_of_its_write(postgres_migrated_url: str) -> None:
    truncate_all(postgres_migrated_url)
    db = Database(postgres_migrated_url)
    listener = _listen(postgres_migrated_url)
    try:
        services = Services(db)
        services.catalogue.add_room(Principal.system(), NewRoom("One"))
        services.catalogue.add_room(Principal.system(), NewRoom("Two"))
        heard = [json.loads(n.payload) for n in listener.notifies(timeout=2, stop_after=2)]
        with db.read() as session:
            rows = session.execute(select(ChangeLog.id, ChangeLog.changes)).all()
        assert [h["log"] for h in heard] == [row.id for row in rows]
        assert all(h["seat"] == feed.SEAT_ID for h in heard)
        for said, row in zip(heard, rows, strict=True):
            assert Changes.from_data(said["changes"]) == Changes.from_json(row.changes)
            assert Kind.CATALOGUE in Changes.from_json(row.changes).kinds
    finally:
        listener.close()
        db.dispose()


def test_a_long_list_of_ids_is_said_by_kind() -> None:
    many = Changes.of_ids(Kind.BOOKINGS, range(100_000, 102_000))
    before, after = feed.notify_parts(many, "s1")
    assert len(f"{before}{2**63}{after}".encode()) <= feed.MAX_PAYLOAD_BYTES
    assert feed.parse_notify_payload(f"{before}7{after}") == ("s1", Changes.of(Kind.BOOKINGS))
