"""Files the studio shares with a client: stored in the database, or an external link.

A stored file is written in 1 MiB chunks (``file_chunks``) in the transaction that adds
its row, read from disk a chunk at a time, its SHA-256 and size computed on the way and
its type detected from its first bytes; nothing ever holds the whole file. A download
streams the chunks into a temporary file beside the target, checks size and SHA-256 at
the end and only then renames it into place, so a canceled or damaged download leaves
nothing behind. A link (to a large video on a file host, say) keeps only the address.
Clients see their own files; staff share, revoke and see everyone's. A revoked file is
hidden and its chunks are deleted.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import filetype  # type: ignore[import-untyped]
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import aliased

from podyx_desktop.db import tables as t
from podyx_desktop.db.file_tables import CHUNK_BYTES
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import InvalidInput, NotFound, PodyxError
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping
from podyx_desktop.services.context import (
    ServiceContext,
    audit,
    owned,
    require_role,
    require_signed_in,
    require_staff,
    set_studio_setting,
    studio,
)
from podyx_desktop.services.notes import check_booking_of, client_row

DEFAULT_LIMIT_MIB = 2048  # the studio's file limit until the owner sets another
MAX_LIMIT_MIB = 1024 * 1024  # 1 TiB: the most an owner may allow
MAX_URL = 2000
FALLBACK_MEDIA_TYPE = "application/octet-stream"
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class FileDamaged(PodyxError):
    """A stored file no longer matches the checksum taken when it was shared."""


class DownloadCanceled(PodyxError):
    """The download was canceled; nothing was left where it was going."""


Progress = Callable[[int, int], None]  # (bytes done, bytes in all)


def _open_source(source: BinaryIO | str | os.PathLike[str] | bytes) -> tuple[BinaryIO, bool]:
    """The file object to read and whether we opened it (and so close it)."""
    if isinstance(source, bytes | bytearray):
        return io.BytesIO(source), True
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            return path.open("rb"), True
        except OSError as error:
            raise InvalidInput(
                m(
                    "“{name}” cannot be read ({reason}). Check that the file "
                    "exists and that you may open it.",
                    name=path.name,
                    reason=error.strerror or error,
                ),
                field="source",
            ) from error
    return source, False


def _read(stream: BinaryIO, name: str) -> bytes:
    try:
        return stream.read(CHUNK_BYTES)
    except OSError as error:
        raise InvalidInput(
            m(
                "“{name}” could not be read to the end ({reason}); nothing was shared.",
                name=name,
                reason=error.strerror or error,
            ),
            field="source",
        ) from error


def _too_large(name: str, limit_mib: int) -> InvalidInput:
    return InvalidInput(
        m(
            "“{name}” is larger than the studio's limit of {limit_mib:,} MiB for shared files. "
            "Upload it to a file host and share the link instead, or ask the owner to raise the "
            "limit in Set-up.",
            name=name,
            limit_mib=limit_mib,
        ),
        field="source",
    )


def clean_file_name(name: str) -> str:
    """The last part of a path, without control characters; what the client saves it as."""
    base = PurePosixPath(name.replace("\\", "/").strip()).name
    base = "".join(c for c in base if c.isprintable()).strip()
    if not base or base in (".", ".."):
        raise InvalidInput(m("Give the file a name, such as “Episode 12 final.mp3”."), field="name")
    if len(base) > 255:
        raise InvalidInput(m("A file name can be at most 255 characters long."), field="name")
    return base


def clean_url(url: str) -> str:
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or len(text) > MAX_URL:
        raise InvalidInput(
            m(
                "“{text}” is not a web address. Paste a link that starts with https://.",
                text=text[:80],
            ),
            field="external_url",
        )
    return text


def detect_media_type(first_bytes: bytes, name: str) -> str:
    """The type read from the content's first bytes (the ``filetype`` library's magic
    numbers); the name's extension only where the content has no signature (plain text,
    CSV…), else application/octet-stream."""
    kind = filetype.guess(first_bytes[:8192]) if first_bytes else None
    if kind is not None:
        return str(kind.mime)
    return mimetypes.guess_type(name)[0] or FALLBACK_MEDIA_TYPE


def clean_media_type(media_type: str | None, name: str, url: str | None) -> str:
    if media_type is None:
        guessed = mimetypes.guess_type(name)[0]
        if guessed is None and url is not None:
            guessed = mimetypes.guess_type(urlsplit(url).path)[0]
        return guessed or FALLBACK_MEDIA_TYPE
    cleaned = media_type.strip().lower()
    if not _MEDIA_TYPE.fullmatch(cleaned) or len(cleaned) > 100:
        raise InvalidInput(
            m(
                "“{media_type}” is not a media type. Use one such as audio/mpeg or video/mp4, or "
                "leave it empty to guess it from the file name.",
                media_type=media_type,
            ),
            field="media_type",
        )
    return cleaned


class FileService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # --- the studio's limit -------------------------------------------------------------

    def file_limit_mib(self, principal: Principal) -> int:
        """The largest file staff may store, in MiB (staff)."""
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            return studio(session).file_limit_mib

    def set_file_limit_mib(self, principal: Principal, limit_mib: int) -> int:
        """Set the largest file staff may store (owner only); files shared before stay."""
        if not 1 <= limit_mib <= MAX_LIMIT_MIB:
            raise InvalidInput(
                m(
                    "The file limit is between 1 and {max_limit_mib:,} MiB.",
                    max_limit_mib=MAX_LIMIT_MIB,
                ),
                field="file_limit_mib",
            )
        with self._ctx.db.write() as session:
            owner = require_role(session, principal, Role.OWNER)
            set_studio_setting(
                session,
                when=self._ctx.now(),
                user=owner,
                action="set_file_limit",
                name="file_limit_mib",
                value=limit_mib,
            )
            return limit_mib

    # --- sharing ------------------------------------------------------------------------

    def share_file(
        self,
        principal: Principal,
        *,
        client_id: int,
        name: str,
        content: bytes | None = None,
        source: BinaryIO | str | os.PathLike[str] | None = None,
        external_url: str | None = None,
        media_type: str | None = None,
        booking_id: int | None = None,
        size_bytes: int | None = None,
        sha256: str | None = None,
    ) -> r.SharedFile:
        """Share a file, or a link to it, with a client (staff only).

        A file comes as ``source`` (a path or a binary file object, read a chunk at a time)
        or as ``content`` (bytes, for small files); its size, SHA-256 and type (from its
        first bytes, unless ``media_type`` is given) are computed while its chunks are
        written, all in one transaction with its row: nobody sees it before it is whole.
        For a link the size and checksum may be given so the client can check the download.
        """
        given = [x is not None for x in (content, source, external_url)]
        if sum(given) != 1:
            raise InvalidInput(m("Share either a file or a link, not both and not neither."))
        file_name = clean_file_name(name)
        if external_url is not None:
            return self._share_link(
                principal,
                client_id,
                file_name,
                external_url,
                media_type,
                booking_id,
                size_bytes,
                sha256,
            )
        data = content if content is not None else source
        assert data is not None
        stream, close = _open_source(data)
        try:
            return self._store(principal, client_id, file_name, stream, media_type, booking_id)
        finally:
            if close:
                stream.close()

    def _share_link(
        self,
        principal: Principal,
        client_id: int,
        file_name: str,
        external_url: str,
        media_type: str | None,
        booking_id: int | None,
        size_bytes: int | None,
        sha256: str | None,
    ) -> r.SharedFile:
        url = clean_url(external_url)
        kind = clean_media_type(media_type, file_name, url)
        size, digest = size_bytes or 0, (sha256 or "").strip().lower()
        if size < 0 or (digest and not _SHA256.fullmatch(digest)):
            raise InvalidInput(
                m("A link's size cannot be negative, and a SHA-256 checksum is 64 hex digits."),
                field="sha256",
            )
        with self._ctx.db.write() as session:
            author, row = self._new_row(
                session, principal, client_id, booking_id, file_name, kind, url
            )
            row.size_bytes, row.sha256 = size, digest
            return self._finish(session, author, row)

    def _store(
        self,
        principal: Principal,
        client_id: int,
        file_name: str,
        stream: BinaryIO,
        media_type: str | None,
        booking_id: int | None,
    ) -> r.SharedFile:
        kind = clean_media_type(media_type, file_name, None) if media_type is not None else None
        first = _read(stream, file_name)
        if not first:
            raise InvalidInput(
                m(
                    "“{file_name}” is empty (0 bytes); there is nothing to share.",
                    file_name=file_name,
                ),
                field="source",
            )
        with self._ctx.db.write() as session:
            limit_mib = studio(session).file_limit_mib
            author, row = self._new_row(
                session,
                principal,
                client_id,
                booking_id,
                file_name,
                kind or detect_media_type(first, file_name),
                None,
            )
            limit, digest, size, seq, chunk = limit_mib * 1024 * 1024, hashlib.sha256(), 0, 0, first
            while chunk:
                size += len(chunk)
                if size > limit:
                    raise _too_large(file_name, limit_mib)  # rolls the chunks back
                digest.update(chunk)
                session.execute(insert(t.FileChunk), {"file_id": row.id, "seq": seq, "data": chunk})
                seq += 1
                chunk = _read(stream, file_name)
            row.size_bytes, row.sha256 = size, digest.hexdigest()
            return self._finish(session, author, row)

    def _new_row(
        self,
        session: Any,
        principal: Principal,
        client_id: int,
        booking_id: int | None,
        file_name: str,
        kind: str,
        url: str | None,
    ) -> tuple[t.User | None, t.SharedFile]:
        author = require_staff(session, principal)
        client_row(session, client_id)
        check_booking_of(session, booking_id, client_id)
        row = t.SharedFile(
            client_id=client_id,
            booking_id=booking_id,
            name=file_name,
            media_type=kind,
            size_bytes=0,
            sha256="",
            external_url=url,
            created_at=self._ctx.now(),
            created_by_id=author.id if author else None,
        )
        session.add(row)
        session.flush()
        return author, row

    def _finish(self, session: Any, author: t.User | None, row: t.SharedFile) -> r.SharedFile:
        audit(
            session,
            when=row.created_at,
            user=author,
            action="share_file",
            entity="client",
            entity_id=row.client_id,
            after={
                "file_id": row.id,
                "name": row.name,
                "size_bytes": row.size_bytes,
                "link": row.external_url,
            },
        )
        session.flush()
        return self._record(session, row)

    # --- reading ------------------------------------------------------------------------

    @staticmethod
    def _record(session: Any, row: t.SharedFile) -> r.SharedFile:
        by = session.get(t.User, row.created_by_id) if row.created_by_id else None
        booking = session.get(t.Booking, row.booking_id) if row.booking_id else None
        return mapping.shared_file(
            row,
            shared_by=by.full_name if by is not None else "",
            booking_start=booking.starts_at if booking is not None else None,
        )

    def list_files(
        self, principal: Principal, client_id: int, booking_id: int | None = None
    ) -> list[r.SharedFile]:
        """A client's shared files (not revoked ones), newest first, without their bytes."""
        with self._ctx.db.read() as session:
            owned(session, principal, client_id, "client record")
            by = aliased(t.User)
            query: Any = (
                select(t.SharedFile, by.full_name, t.Booking.starts_at)
                .outerjoin(by, by.id == t.SharedFile.created_by_id)
                .outerjoin(t.Booking, t.Booking.id == t.SharedFile.booking_id)
                .where(t.SharedFile.client_id == client_id, t.SharedFile.revoked_at.is_(None))
                .order_by(t.SharedFile.created_at.desc(), t.SharedFile.id.desc())
            )
            if booking_id is not None:
                query = query.where(t.SharedFile.booking_id == booking_id)
            return [
                mapping.shared_file(row, shared_by=name or "", booking_start=start)
                for row, name, start in session.execute(query)
            ]

    def _visible(self, session: Any, principal: Principal, file_id: int) -> t.SharedFile:
        require_signed_in(session, principal)
        row = session.get(t.SharedFile, file_id)
        if row is None or row.revoked_at is not None:
            raise NotFound(m("That file does not exist or is no longer shared."))
        owned(session, principal, row.client_id, "file")
        return row

    def download(self, principal: Principal, file_id: int) -> tuple[r.SharedFile, bytes | None]:
        """A small file and its bytes (None for a link), after checking they are intact.
        For files of any size use :meth:`save_to`, which never holds the whole file."""
        buffer = io.BytesIO()
        with self._ctx.db.read() as session:
            row = self._visible(session, principal, file_id)
            info = self._record(session, row)
            if row.external_url is not None:
                return info, None
            self._copy_chunks(session, row, buffer, None, None)
        return info, buffer.getvalue()

    def stored(self, principal: Principal, file_id: int) -> r.SharedFile:
        """A stored file the caller may download (a link is refused in words)."""
        with self._ctx.db.read() as session:
            row = self._visible(session, principal, file_id)
            if row.external_url is not None:
                raise InvalidInput(m("“{name}” is a link; open it in the browser.", name=row.name))
            return self._record(session, row)

    def chunks_from(self, principal: Principal, file_id: int, start: int) -> Iterator[bytes]:
        """The stored file's bytes from offset ``start``, a chunk per short read (the
        studio server streams them, resuming where a dropped download stopped)."""
        seq, skip = divmod(max(0, start), CHUNK_BYTES)
        while True:
            with self._ctx.db.read() as session:
                self._visible(session, principal, file_id)  # revoked mid-way: stops
                chunk = session.scalar(
                    select(t.FileChunk.data).where(
                        t.FileChunk.file_id == file_id, t.FileChunk.seq == seq
                    )
                )
            if chunk is None:
                return
            yield bytes(chunk)[skip:]
            seq, skip = seq + 1, 0

    def save_to(
        self,
        principal: Principal,
        file_id: int,
        folder: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> tuple[r.SharedFile, Path]:
        """Stream a stored file into ``folder`` under its name (``name (2).ext`` when that
        is taken), through a temporary file renamed into place once its size and SHA-256
        match; a canceled (``cancel`` set) or damaged download leaves no file behind.
        ``progress(done, total)`` is called after every chunk. A client's first download
        marks the file opened (its "new" badge goes)."""
        target_dir = Path(folder)
        if not target_dir.is_dir():
            raise InvalidInput(
                m("The folder “{folder}” does not exist.", folder=target_dir),
                field="folder",
            )
        with self._ctx.db.read() as session:
            row = self._visible(session, principal, file_id)
            info = self._record(session, row)
            if row.external_url is not None:
                raise InvalidInput(m("“{name}” is a link; open it in the browser.", name=row.name))
            handle, temp_name = tempfile.mkstemp(prefix=".podyx-", suffix=".part", dir=target_dir)
            temp = Path(temp_name)
            try:
                with os.fdopen(handle, "wb") as out:
                    self._copy_chunks(session, row, out, progress, cancel)
                target = free_name(target_dir, row.name)
                os.replace(temp, target)
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
        self.mark_opened(principal, file_id)
        return info, target

    def _copy_chunks(
        self,
        session: Any,
        row: t.SharedFile,
        out: BinaryIO,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> None:
        digest, done = hashlib.sha256(), 0
        count = session.scalar(select(func.count()).where(t.FileChunk.file_id == row.id))
        for seq in range(count or 0):
            if cancel is not None and cancel.is_set():
                raise DownloadCanceled(m("The download of “{name}” was canceled.", name=row.name))
            chunk = session.scalar(
                select(t.FileChunk.data).where(
                    t.FileChunk.file_id == row.id, t.FileChunk.seq == seq
                )
            )
            if chunk is None:
                break
            chunk = bytes(chunk)
            digest.update(chunk)
            out.write(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, row.size_bytes)
        if done != row.size_bytes or digest.hexdigest() != row.sha256:
            raise FileDamaged(
                m(
                    "The studio's copy of “{name}” is damaged (its checksum does not "
                    "match). Ask the studio to share it again.",
                    name=row.name,
                )
            )

    def mark_opened(self, principal: Principal, file_id: int) -> None:
        """The client opened (downloaded or followed) the file: its "new" badge goes.
        Staff opening a client's file change nothing."""
        with self._ctx.db.write() as session:
            row = self._visible(session, principal, file_id)
            user = require_signed_in(session, principal)
            if user is not None and user.id == row.client_id and row.opened_at is None:
                session.execute(
                    update(t.SharedFile)
                    .where(t.SharedFile.id == file_id, t.SharedFile.opened_at.is_(None))
                    .values(opened_at=self._ctx.now())
                )

    def revoke(self, principal: Principal, file_id: int) -> None:
        """Stop sharing a file (staff): it leaves the client's list and its chunks are
        deleted; the row stays, marked revoked, for the audit log."""
        with self._ctx.db.write() as session:
            staff = require_staff(session, principal)
            row = session.get(t.SharedFile, file_id)
            gone = NotFound(m("That file does not exist or is no longer shared."))
            if row is None or row.revoked_at is not None:
                raise gone
            now = self._ctx.now()
            # conditional: of two seats revoking at once, one does it (and audits it)
            revoked = session.execute(
                update(t.SharedFile)
                .where(t.SharedFile.id == file_id, t.SharedFile.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            if revoked.rowcount != 1:  # type: ignore[attr-defined]
                raise gone
            session.execute(delete(t.FileChunk).where(t.FileChunk.file_id == file_id))
            audit(
                session,
                when=now,
                user=staff,
                action="revoke_file",
                entity="client",
                entity_id=row.client_id,
                before={"file_id": file_id, "name": row.name, "size_bytes": row.size_bytes},
            )


def free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name (2).ext`` … when a file of that name is there already."""
    target = folder / name
    stem, suffix, n = target.stem, target.suffix, 2
    while target.exists():
        target = folder / f"{stem} ({n}){suffix}"
        n += 1
    return target
