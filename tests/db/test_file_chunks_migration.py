"""Migration 0009 on a database with files stored whole (``shared_files.content``): each
file's bytes move into 1 MiB chunks and download intact, on both engines."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import bindparam, text

from podyx_desktop.db.engine import Database
from podyx_desktop.db.migrate import alembic_config, schema_state, upgrade_to_head
from podyx_desktop.db.types import UTCDateTime
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER
from tests.db.test_client_totals_migration import at_head  # noqa: F401 (a fixture)
from tests.factories import build_studio


def test_files_stored_whole_move_into_chunks(at_head: Database, tmp_path: Path) -> None:  # noqa: F811
    db = at_head
    services = Services(db, hasher=FAST_HASHER)
    studio = build_studio(services)
    ana = studio.client()
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
    assert schema_state(db).revision == "0008"
    big = bytes(range(256)) * 5000  # 1.28 MB: two chunks
    with db.engine.begin() as connection:
        for name, content in (("big.wav", big), ("small.txt", b"hello")):
            connection.execute(
                text(
                    "INSERT INTO shared_files (client_id, name, media_type, size_bytes, sha256,"
                    " content, created_at) VALUES (:c, :n, 'application/octet-stream', :s,"
                    " :h, :b, :t)"
                ).bindparams(bindparam("t", type_=UTCDateTime(timezone=True))),
                {
                    "c": ana.account.id,
                    "n": name,
                    "s": len(content),
                    "h": hashlib.sha256(content).hexdigest(),
                    "b": content,
                    "t": datetime(2026, 6, 1, tzinfo=UTC),
                },
            )
    upgrade_to_head(db, backup_dir=tmp_path / "backups")
    files = services.files
    listed = {f.name: f for f in files.list_files(ana.principal, ana.account.id)}
    assert files.download(ana.principal, listed["big.wav"].id)[1] == big
    assert files.download(ana.principal, listed["small.txt"].id)[1] == b"hello"
    with db.engine.connect() as connection:
        chunks = connection.execute(text("SELECT count(*) FROM file_chunks")).scalar_one()
        left = connection.execute(
            text("SELECT count(*) FROM shared_files WHERE content IS NOT NULL")
        ).scalar_one()
    assert (chunks, left) == (3, 0)
    assert not listed["big.wav"].opened
