"""The client's local copy: a SQLite database of the studio's schema holding only that
client's own records (and the studio's set-up), written by the batches the studio server
hands out (:mod:`podyx_desktop.services.client_copy`).

The window reads it with the same services as any database, so every list, a booking's
details and the PDFs work offline. Only the sync writes to it. Beside the studio's tables
it keeps ``copy_state``: the server's address, whose copy it is, the cursor and when it
last synced. Signing out removes the file.
"""

from __future__ import annotations

import base64
import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, insert, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from podyx_desktop.db.base import Base
from podyx_desktop.db.engine import Database
from podyx_desktop.db.types import UTCDateTime
from podyx_desktop.db.urls import sqlite_url
from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.tokens import hash_token
from podyx_desktop.services.client_copy import COPY_TABLES

STATE_TABLE = "copy_state"
TOKEN_DAYS = 3650  # the server decides when a token ends; the copy only remembers it


@dataclass(frozen=True)
class CopyState:
    address: str
    client_id: int
    cursor: int
    synced_at: datetime | None


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A row from the server's JSON, typed for this table (columns a newer server added
    are left out; those it lacks take their defaults)."""
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in row:
            continue
        value = row[column.name]
        if value is not None:
            kind = column.type
            if isinstance(kind, UTCDateTime):
                value = datetime.fromisoformat(value)
            elif kind.__class__.__name__ == "LargeBinary":
                value = base64.b64decode(value)
        values[column.name] = value
    return values


class LocalCopy:
    """The copy at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = sqlite_url(path)
        self._database: Database | None = None

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def database(self) -> Database:
        if self._database is None:
            self._database = Database(self.url)
        return self._database

    def create(self) -> Database:
        """The file with the studio's schema (made or upgraded), and the state table."""
        from podyx_desktop.db.migrate import upgrade_to_head

        self.path.parent.mkdir(parents=True, exist_ok=True)
        database = self.database()
        upgrade_to_head(database)
        with database.engine.begin() as connection:
            connection.execute(
                text(f"CREATE TABLE IF NOT EXISTS {STATE_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
            )
        return database

    def remove(self) -> None:
        """Delete the copy (signing out): its file and SQLite's journal beside it."""
        if self._database is not None:
            self._database.dispose()
            self._database = None
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{self.path}{suffix}")

    # --- its state ----------------------------------------------------------------------

    def state(self) -> CopyState | None:
        if not self.exists:
            return None
        with self.database().engine.connect() as connection:
            try:
                result = connection.execute(text(f"SELECT key, value FROM {STATE_TABLE}"))
                rows: dict[str, str] = {str(key): str(value) for key, value in result}
            except Exception:
                return None
        if "client_id" not in rows:
            return None
        synced = rows.get("synced_at")
        return CopyState(
            rows.get("address", ""),
            int(rows["client_id"]),
            int(rows.get("cursor") or 0),
            datetime.fromisoformat(synced) if synced else None,
        )

    def _set(self, session: Session, **values: object) -> None:
        for key, value in values.items():
            session.execute(
                text(f"INSERT OR REPLACE INTO {STATE_TABLE} (key, value) VALUES (:k, :v)"),
                {"k": key, "v": None if value is None else str(value)},
            )

    def advance(self, cursor: int) -> None:
        """The copy is current as of ``cursor`` (the server said nothing of the client's
        changed since the copy's own): move it on, never back (decided in the write, so
        a sync applied meanwhile is never undone)."""
        if not self.exists:
            return
        with self.database().write() as session:
            moved = session.execute(
                text(
                    f"UPDATE {STATE_TABLE} SET value = :text WHERE key = 'cursor' "
                    "AND CAST(value AS INTEGER) < :cursor"
                ),
                {"text": str(cursor), "cursor": cursor},
            )
            if moved.rowcount:  # type: ignore[attr-defined]
                self._set(session, synced_at=datetime.now(UTC).isoformat())

    # --- writing a batch ------------------------------------------------------------------

    def apply(
        self, data: dict[str, Any], *, address: str, client_id: int, token: str | None
    ) -> Changes:
        """Write one batch from ``GET /v1/sync`` in one transaction; returns what it changed.

        A full batch (or one for another client: a copy never mixes two) empties the
        copy's tables first. The session token is remembered as the server's would be, so
        the window's quick start opens the copy signed in, offline too.
        """
        database = self.database()
        tables = Base.metadata.tables
        state = self.state()
        full = bool(data.get("full")) or state is None or state.client_id != client_id
        with database.write() as session:
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            if full:
                for name in COPY_TABLES:
                    session.execute(delete(tables[name]))
                session.execute(delete(tables["session_tokens"]))
            for name, columns in (data.get("replace") or {}).items():
                table = tables.get(name)
                if table is None or name not in COPY_TABLES:
                    continue
                for column, ids in columns.items():
                    if column == "*":
                        session.execute(delete(table))
                    elif column in table.c and ids:
                        session.execute(delete(table).where(table.c[column].in_(ids)))
            for name, ids in (data.get("keep") or {}).items():
                table = tables.get(name)
                if table is not None and name in COPY_TABLES:
                    session.execute(delete(table).where(table.c.id.not_in(ids)))
            rows_by_table = data.get("rows") or {}
            for table in Base.metadata.sorted_tables:
                rows = rows_by_table.get(table.name)
                if rows and table.name in COPY_TABLES:
                    _upsert(session, table, [_decode(table, row) for row in rows])
            if token is not None:
                self._remember(session, client_id, token)
            self._set(
                session,
                address=address,
                client_id=client_id,
                cursor=int(data.get("cursor") or 0),
                synced_at=datetime.now(UTC).isoformat(),
            )
        changes = Changes.from_data(data.get("changes") or {})
        return Changes.all() if full else changes

    def _remember(self, session: Session, client_id: int, token: str) -> None:
        tokens = Base.metadata.tables["session_tokens"]
        digest = hash_token(token)
        session.execute(delete(tokens).where(tokens.c.token_hash != digest))
        if session.execute(tokens.select().where(tokens.c.token_hash == digest)).first() is None:
            now = datetime.now(UTC)
            session.execute(
                insert(tokens).values(
                    user_id=client_id,
                    token_hash=digest,
                    created_at=now,
                    expires_at=now + timedelta(days=TOKEN_DAYS),
                    device="copy",
                )
            )


def _upsert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    keys = [column.name for column in table.primary_key.columns]
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:  # one statement per set of columns (executemany needs the same keys)
        by_columns.setdefault(tuple(sorted(row)), []).append(row)
    for columns, group in by_columns.items():
        statement = sqlite_insert(table)
        updates = {name: statement.excluded[name] for name in columns if name not in keys}
        statement = (
            statement.on_conflict_do_update(index_elements=keys, set_=updates)
            if updates
            else statement.on_conflict_do_nothing(index_elements=keys)
        )
        session.execute(statement, group)
