"""The engine factory and migrations: SQLite settings, URL checks, schema versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from podyx_desktop.db.engine import Database, parse_url, refuse_network_share, sqlite_url
from podyx_desktop.db.migrate import check_database, head_revision, schema_state, upgrade_to_head
from podyx_desktop.db.tables import Room
from podyx_desktop.domain.errors import DatabaseProblem
from podyx_desktop.services import Services


def test_sqlite_connections_are_configured(sqlite_database: Database) -> None:
    with sqlite_database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_write_units_take_the_write_lock_at_begin(sqlite_database: Database) -> None:
    path = sqlite_database.url.database
    assert path is not None
    with sqlite_database.write() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


@pytest.mark.parametrize("url", ["mysql://x@y/z", "sqlite://", "nonsense"])
def test_unsupported_urls_are_explained(url: str) -> None:
    with pytest.raises(DatabaseProblem) as error:
        parse_url(url)
    assert "sqlite:///" in error.value.message


def test_network_share_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("podyx_desktop.db.urls.filesystem_type", lambda path: "nfs4")
    with pytest.raises(DatabaseProblem, match="network share"):
        refuse_network_share(tmp_path / "x.sqlite3")


def test_upgrade_is_idempotent_and_checked(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "new.sqlite3"))
    assert upgrade_to_head(db) is None  # a new database needs no backup
    assert schema_state(db).revision == head_revision()
    assert upgrade_to_head(db) is None
    assert check_database(db).ok
    db.dispose()


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "newer.sqlite3"))
    upgrade_to_head(db)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffffffff'"))
    with pytest.raises(DatabaseProblem, match="newer Podyx Desktop"):
        upgrade_to_head(db)
    db.dispose()


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    db = Database(sqlite_url(path))
    with pytest.raises(DatabaseProblem, match="cannot be opened as a SQLite database"):
        upgrade_to_head(db)
    db.dispose()
    assert path.read_bytes() == b"this is not a database" * 100


def test_check_finds_overlapping_bookings(sqlite_database: Database) -> None:
    from datetime import date

    from tests.conftest import FAST_HASHER, FakeClock
    from tests.factories import build_studio

    services = Services(sqlite_database, clock=FakeClock(), hasher=FAST_HASHER)
    studio = build_studio(services)
    ann = studio.client()
    first = studio.book(ann, studio.at(date(2026, 6, 3), 10))
    studio.book(ann, studio.at(date(2026, 6, 3), 14))
    assert check_database(sqlite_database).ok
    with sqlite_database.engine.begin() as connection:  # what only a broken writer could do
        connection.execute(
            text(
                "UPDATE bookings SET starts_at = (SELECT starts_at FROM bookings WHERE id = :id) WHERE id <> :id"
            ),
            {"id": first.booking.id},
        )
    report = check_database(sqlite_database)
    assert report.problems == ("1 bookings overlap an earlier booking of their room.",)


def test_upgrade_from_the_first_schema_backs_up_and_keeps_data(tmp_path: Path) -> None:
    from alembic import command

    from podyx_desktop.db.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    db = Database(sqlite_url(path))
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO rooms (name, description, active) VALUES ('Kept', '', 1)")
        )
    backup = upgrade_to_head(db, backup_dir=tmp_path / "backups")
    assert backup is not None and backup.exists()
    assert schema_state(db).revision == head_revision() != "0001"
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM rooms")).scalar_one() == "Kept"
    old = Database(sqlite_url(backup))
    assert schema_state(old).revision == "0001"
    old.dispose()
    db.dispose()


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    from podyx_desktop.db.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_reads_on_postgresql_skip_begin_and_rollback_and_writes_keep_theirs(
    database: Database,
) -> None:
    """A PostgreSQL read unit runs in autocommit (read committed gives each statement its
    own snapshot anyway); a streamed read keeps its transaction (its server-side cursor
    lives in one); SQLite's reads keep theirs (one snapshot of the file); and a write on a
    connection a read used before is still one transaction."""

    def in_transaction(session: Session) -> bool:
        session.execute(text("SELECT 1"))
        dbapi = session.connection().connection.driver_connection
        if database.is_sqlite:
            return bool(dbapi.in_transaction)
        return dbapi.info.transaction_status != TransactionStatus.IDLE

    for _ in range(3):  # the pool hands the same connection back and forth
        with database.read() as session:
            assert in_transaction(session) is database.is_sqlite
        with database.read(stream=True) as session:
            assert in_transaction(session)
        with pytest.raises(RuntimeError), database.write() as session:
            assert in_transaction(session)
            session.add(Room(name="Half-written"))
            session.flush()
            raise RuntimeError("after the insert")
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(Room)) == 0
