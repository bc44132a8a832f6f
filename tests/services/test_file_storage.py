"""Shared files stored in chunks: the size limit, cleaned names, the type read from the
content, streaming in and out (bounded memory), a canceled download, revoking, the "new"
badge, and two seats sharing and downloading at once. On both engines."""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.errors import InvalidInput, NotAllowed, NotFound
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services.files import DownloadCanceled, clean_file_name, detect_media_type
from tests.factories import Studio
from tests.services.seats import Seats

MIB = 1024 * 1024
SYSTEM = Principal.system()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def chunk_count(studio: Studio, file_id: int | None = None) -> int:
    with studio.services.db.read() as session:
        query = select(func.count()).select_from(t.FileChunk)
        if file_id is not None:
            query = query.where(t.FileChunk.file_id == file_id)
        return int(session.scalar(query) or 0)


def big_file(tmp_path: Path, size: int, name: str = "take.wav") -> Path:
    path = tmp_path / name
    block = os.urandom(MIB)
    with path.open("wb") as out:
        for start in range(0, size, MIB):
            out.write(block[: min(MIB, size - start)])
    return path


def test_a_file_is_stored_in_chunks_and_saved_back(studio: Studio, tmp_path: Path) -> None:
    ana = studio.client()
    source = big_file(tmp_path, 3 * MIB + 5)
    shared = studio.services.files.share_file(
        studio.desk, client_id=ana.account.id, name="take.wav", source=source
    )
    assert shared.size_bytes == 3 * MIB + 5
    assert shared.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert chunk_count(studio, shared.id) == 4
    assert shared.shared_by == "Desk Staff" or shared.shared_by
    folder = tmp_path / "downloads"
    folder.mkdir()
    seen: list[tuple[int, int]] = []
    info, saved = studio.services.files.save_to(
        ana.principal, shared.id, folder, progress=lambda done, total: seen.append((done, total))
    )
    assert saved == folder / "take.wav" and saved.read_bytes() == source.read_bytes()
    assert seen[-1] == (shared.size_bytes, shared.size_bytes) and len(seen) == 4
    assert info.id == shared.id
    _info, again = studio.services.files.save_to(ana.principal, shared.id, folder)
    assert again.name == "take (2).wav"  # never overwrites
    assert sorted(p.name for p in folder.iterdir()) == ["take (2).wav", "take.wav"]


def test_the_owner_sets_the_size_limit(studio: Studio, tmp_path: Path) -> None:
    files = studio.services.files
    ana = studio.client()
    assert files.file_limit_mib(studio.desk) == 2048
    with pytest.raises(NotAllowed):
        files.set_file_limit_mib(studio.desk, 1)
    with pytest.raises(InvalidInput, match="between 1 and"):
        files.set_file_limit_mib(studio.owner, 0)
    assert files.set_file_limit_mib(studio.owner, 1) == 1
    exact = files.share_file(
        studio.desk, client_id=ana.account.id, name="a.bin", source=big_file(tmp_path, MIB)
    )
    assert exact.size_bytes == MIB
    before = chunk_count(studio)
    with pytest.raises(InvalidInput, match="larger than the studio's limit of 1 MiB"):
        files.share_file(
            studio.desk,
            client_id=ana.account.id,
            name="b.bin",
            source=big_file(tmp_path, MIB + 1, "b.bin"),
        )
    assert chunk_count(studio) == before  # nothing of the refused file was kept
    assert [f.name for f in files.list_files(studio.desk, ana.account.id)] == ["a.bin"]
    [entry, *_] = studio.services.audit.list_entries(SYSTEM, entity="studio")
    assert entry.action == "set_file_limit" and json.loads(entry.after)["file_limit_mib"] == 1


@pytest.mark.parametrize(
    ("given", "cleaned"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\Episode 1.mp3", "Episode 1.mp3"),
        ("bad\x00name\x1b[31m.wav", "badname[31m.wav"),
        ("  spaced .txt  ", "spaced .txt"),
        ("Résumé – final.pdf", "Résumé – final.pdf"),
    ],
)
def test_names_are_cleaned(given: str, cleaned: str) -> None:
    assert clean_file_name(given) == cleaned


@pytest.mark.parametrize("name", ["", "   ", "..", "a/..", "\x00\x01"])
def test_names_that_clean_to_nothing_are_refused(name: str) -> None:
    with pytest.raises(InvalidInput, match="Give the file a name"):
        clean_file_name(name)


def test_the_type_comes_from_the_content(studio: Studio) -> None:
    ana = studio.client()
    share = studio.services.files.share_file
    png = share(studio.desk, client_id=ana.account.id, name="notes.txt", content=PNG)
    assert png.media_type == "image/png"  # the bytes say PNG, whatever the name says
    text = share(studio.desk, client_id=ana.account.id, name="notes.txt", content=b"hello")
    assert text.media_type == "text/plain"  # no signature: the name decides
    odd = share(studio.desk, client_id=ana.account.id, name="blob", content=b"\x01\x02\x03")
    assert odd.media_type == "application/octet-stream"
    assert detect_media_type(b"ID3\x03\x00" + b"\x00" * 20, "x") == "audio/mpeg"
    assert detect_media_type(b"RIFF\x00\x00\x00\x00WAVEfmt ", "x") == "audio/x-wav"


class Unreadable(io.RawIOBase):
    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        raise OSError(5, "Input/output error")


def test_empty_and_unreadable_files_are_refused_in_words(studio: Studio, tmp_path: Path) -> None:
    ana = studio.client()
    share = studio.services.files.share_file
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput, match=r"“empty\.wav” is empty"):
        share(studio.desk, client_id=ana.account.id, name="empty.wav", source=empty)
    with pytest.raises(InvalidInput, match=r"“gone\.wav” cannot be read"):
        share(studio.desk, client_id=ana.account.id, name="gone.wav", source=tmp_path / "gone.wav")
    with pytest.raises(InvalidInput, match="could not be read to the end"):
        share(studio.desk, client_id=ana.account.id, name="bad.wav", source=Unreadable())  # type: ignore[arg-type]
    assert studio.services.files.list_files(studio.desk, ana.account.id) == []
    assert chunk_count(studio) == 0


def test_a_canceled_download_leaves_no_file(studio: Studio, tmp_path: Path) -> None:
    ana = studio.client()
    shared = studio.services.files.share_file(
        studio.desk, client_id=ana.account.id, name="long.wav", source=big_file(tmp_path, 4 * MIB)
    )
    folder = tmp_path / "downloads"
    folder.mkdir()
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done >= 2 * MIB:
            cancel.set()

    with pytest.raises(DownloadCanceled, match="canceled"):
        studio.services.files.save_to(
            ana.principal, shared.id, folder, progress=progress, cancel=cancel
        )
    assert list(folder.iterdir()) == []
    assert not studio.services.files.list_files(ana.principal, ana.account.id)[0].opened


def test_a_download_opens_the_file_for_its_client_only(studio: Studio, tmp_path: Path) -> None:
    ana = studio.client()
    files = studio.services.files
    shared = files.share_file(studio.desk, client_id=ana.account.id, name="a.txt", content=b"a")
    files.save_to(studio.desk, shared.id, tmp_path)
    assert not files.list_files(ana.principal, ana.account.id)[0].opened  # staff: still new
    files.save_to(ana.principal, shared.id, tmp_path)
    assert files.list_files(ana.principal, ana.account.id)[0].opened


def test_revoking_hides_the_file_and_frees_its_chunks(studio: Studio, tmp_path: Path) -> None:
    ana, ben = studio.client("Ana"), studio.client("Ben", "ben@example.com")
    files = studio.services.files
    shared = files.share_file(
        studio.desk, client_id=ana.account.id, name="a.wav", source=big_file(tmp_path, 2 * MIB)
    )
    kept = files.share_file(studio.desk, client_id=ana.account.id, name="b.txt", content=b"b")
    for principal in (ana.principal, ben.principal):
        with pytest.raises(NotAllowed):
            files.revoke(principal, shared.id)
    files.revoke(studio.desk, shared.id)
    assert chunk_count(studio, shared.id) == 0 and chunk_count(studio, kept.id) == 1
    assert [f.id for f in files.list_files(ana.principal, ana.account.id)] == [kept.id]
    with pytest.raises(NotFound, match="no longer shared"):
        files.save_to(ana.principal, shared.id, tmp_path)
    with pytest.raises(NotFound):
        files.revoke(studio.desk, shared.id)
    [entry, *_] = studio.services.audit.list_entries(
        SYSTEM, entity="client", entity_id=ana.account.id
    )
    assert entry.action == "revoke_file" and json.loads(entry.before)["file_id"] == shared.id


def test_another_client_never_reaches_a_file(studio: Studio, tmp_path: Path) -> None:
    ana, ben = studio.client("Ana"), studio.client("Ben", "ben@example.com")
    files = studio.services.files
    shared = files.share_file(studio.desk, client_id=ana.account.id, name="a.txt", content=b"a")
    folder = tmp_path / "downloads"
    folder.mkdir()
    for call in (
        lambda: files.save_to(ben.principal, shared.id, folder),
        lambda: files.mark_opened(ben.principal, shared.id),
        lambda: files.list_files(ben.principal, ana.account.id),
        lambda: files.download(ben.principal, shared.id),
    ):
        with pytest.raises(NotFound):
            call()
    assert list(folder.iterdir()) == []


def test_sharing_and_saving_stream_without_holding_the_file(studio: Studio, tmp_path: Path) -> None:
    ana = studio.client()
    source = big_file(tmp_path, 20 * MIB)
    folder = tmp_path / "downloads"
    folder.mkdir()
    tracemalloc.start()
    try:
        shared = studio.services.files.share_file(
            studio.desk, client_id=ana.account.id, name="take.wav", source=source
        )
        _, shared_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        _info, saved = studio.services.files.save_to(ana.principal, shared.id, folder)
        _, saved_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert saved.stat().st_size == 20 * MIB
    assert shared.size_bytes == 20 * MIB
    # a few chunks (1 MiB each) in flight at most, never the 20 MiB file
    assert shared_peak < 8 * MIB, shared_peak
    assert saved_peak < 8 * MIB, saved_peak


@pytest.mark.slow
def test_a_file_shared_while_other_seats_download(
    studio: Studio, database: Database, seats: Seats, tmp_path: Path
) -> None:
    ana = studio.client()
    sources = [big_file(tmp_path, 3 * MIB, f"in{i}.wav") for i in range(seats.count)]
    stored = studio.services.files.share_file(
        studio.desk, client_id=ana.account.id, name="old.wav", source=sources[0]
    )
    desk_id = studio.desk.user_id
    jobs: list[dict[str, Any]] = []
    for i in range(seats.count):
        if i % 2:
            folder = tmp_path / f"out{i}"
            folder.mkdir()
            jobs.append(
                {
                    "job": "save_file",
                    "user_id": ana.account.id,
                    "role": "client",
                    "file_id": stored.id,
                    "folder": str(folder),
                }
            )
        else:
            jobs.append(
                {
                    "job": "share_path",
                    "user_id": desk_id,
                    "role": "front_desk",
                    "client_id": ana.account.id,
                    "name": f"new{i}.wav",
                    "path": str(sources[i]),
                }
            )
    outcomes = seats.run("share_path", database, studio.services.context.now(), jobs)
    expected = [
        stored.sha256 if i % 2 else hashlib.sha256(sources[i].read_bytes()).hexdigest()
        for i in range(seats.count)
    ]
    assert sorted(outcomes) == sorted(("ok", digest) for digest in expected), outcomes
    listed = studio.services.files.list_files(ana.principal, ana.account.id)
    assert len(listed) == 1 + seats.count // 2
    for shared in listed:
        folder = tmp_path / f"check{shared.id}"
        folder.mkdir()
        studio.services.files.save_to(studio.desk, shared.id, folder)


def test_the_session_summary_lists_the_bookings_files_not_revoked_ones(studio: Studio) -> None:
    ana = studio.client()
    booking = studio.book(ana, studio.at(date(2026, 6, 10), 10)).booking
    files = studio.services.files
    kept = files.share_file(
        studio.desk,
        client_id=ana.account.id,
        name="mix.wav",
        content=b"RIFF",
        booking_id=booking.id,
    )
    gone = files.share_file(
        studio.desk,
        client_id=ana.account.id,
        name="old.wav",
        content=b"RIFF",
        booking_id=booking.id,
    )
    files.share_file(studio.desk, client_id=ana.account.id, name="other.txt", content=b"x")
    files.revoke(studio.desk, gone.id)
    summary = studio.services.reports.session_summary(ana.principal, booking.id)
    assert [(f.name, f.size_bytes) for f in summary.files] == [(kept.name, 4)]
