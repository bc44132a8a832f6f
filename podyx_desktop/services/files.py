"""Files the studio shares with a client: stored in the database, or an external link.

A stored file keeps its SHA-256 and size; a download re-checks both, so a damaged copy
is reported instead of handed over. A link (to a large video on a file host, say) keeps
only the address. Clients see their own files; staff share and see everyone's.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import defer

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.errors import InvalidInput, NotFound, PodyxError
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping
from podyx_desktop.services.context import (
    ServiceContext,
    audit,
    owned,
    require_signed_in,
    require_staff,
)
from podyx_desktop.services.notes import check_booking_of, client_row

MAX_CONTENT_BYTES = 512 * 1024 * 1024
MAX_URL = 2000
FALLBACK_MEDIA_TYPE = "application/octet-stream"
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class FileDamaged(PodyxError):
    """A stored file no longer matches the checksum taken when it was shared."""


def clean_file_name(name: str) -> str:
    """The last part of a path, without control characters; what the client saves it as."""
    base = PurePosixPath(name.replace("\\", "/").strip()).name
    base = "".join(c for c in base if c.isprintable()).strip()
    if not base or base in (".", ".."):
        raise InvalidInput("Give the file a name, such as “Episode 12 final.mp3”.", field="name")
    if len(base) > 255:
        raise InvalidInput("A file name can be at most 255 characters long.", field="name")
    return base


def clean_url(url: str) -> str:
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or len(text) > MAX_URL:
        raise InvalidInput(
            f"“{text[:80]}” is not a web address. Paste a link that starts with https://.",
            field="external_url",
        )
    return text


def clean_media_type(media_type: str | None, name: str, url: str | None) -> str:
    if media_type is None:
        guessed = mimetypes.guess_type(name)[0]
        if guessed is None and url is not None:
            guessed = mimetypes.guess_type(urlsplit(url).path)[0]
        return guessed or FALLBACK_MEDIA_TYPE
    cleaned = media_type.strip().lower()
    if not _MEDIA_TYPE.fullmatch(cleaned) or len(cleaned) > 100:
        raise InvalidInput(
            f"“{media_type}” is not a media type. Use one such as audio/mpeg or video/mp4, or "
            "leave it empty to guess it from the file name.",
            field="media_type",
        )
    return cleaned


class FileService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def share_file(
        self,
        principal: Principal,
        *,
        client_id: int,
        name: str,
        content: bytes | None = None,
        external_url: str | None = None,
        media_type: str | None = None,
        booking_id: int | None = None,
        size_bytes: int | None = None,
        sha256: str | None = None,
    ) -> r.SharedFile:
        """Share a file's bytes, or a link to it, with a client (staff only).

        For stored bytes the size and checksum are computed; for a link they may be given
        (``size_bytes``, ``sha256``) so the client can check what they download.
        """
        if (content is None) == (external_url is None):
            raise InvalidInput("Share either a file or a link, not both and not neither.")
        file_name = clean_file_name(name)
        url = clean_url(external_url) if external_url is not None else None
        kind = clean_media_type(media_type, file_name, url)
        if content is not None:
            if len(content) > MAX_CONTENT_BYTES:
                raise InvalidInput(
                    "Files over 512 MiB cannot be stored in the studio database. Upload it to "
                    "a file host and share the link instead.",
                    field="content",
                )
            size, digest = len(content), hashlib.sha256(content).hexdigest()
        else:
            size, digest = size_bytes or 0, (sha256 or "").strip().lower()
            if size < 0 or (digest and not _SHA256.fullmatch(digest)):
                raise InvalidInput(
                    "A link's size cannot be negative, and a SHA-256 checksum is 64 hex digits.",
                    field="sha256",
                )
        with self._ctx.db.write() as session:
            author = require_staff(session, principal)
            client_row(session, client_id)
            check_booking_of(session, booking_id, client_id)
            now = self._ctx.now()
            row = t.SharedFile(
                client_id=client_id,
                booking_id=booking_id,
                name=file_name,
                media_type=kind,
                size_bytes=size,
                sha256=digest,
                content=content,
                external_url=url,
                created_at=now,
                created_by_id=author.id if author else None,
            )
            session.add(row)
            session.flush()
            audit(
                session,
                when=now,
                user=author,
                action="share_file",
                entity="client",
                entity_id=client_id,
                after={"file_id": row.id, "name": file_name, "size_bytes": size, "link": url},
            )
            return mapping.shared_file(row)

    def list_files(
        self, principal: Principal, client_id: int, booking_id: int | None = None
    ) -> list[r.SharedFile]:
        """A client's shared files, newest first, without their bytes."""
        with self._ctx.db.read() as session:
            owned(session, principal, client_id, "client record")
            query: Any = (
                select(t.SharedFile)
                .options(defer(t.SharedFile.content))
                .where(t.SharedFile.client_id == client_id)
                .order_by(t.SharedFile.created_at.desc(), t.SharedFile.id.desc())
            )
            if booking_id is not None:
                query = query.where(t.SharedFile.booking_id == booking_id)
            return [mapping.shared_file(row) for row in session.scalars(query)]

    def download(self, principal: Principal, file_id: int) -> tuple[r.SharedFile, bytes | None]:
        """The file and its bytes (None for a link), after checking they are intact."""
        with self._ctx.db.read() as session:
            require_signed_in(session, principal)
            row = session.get(t.SharedFile, file_id)
            if row is None:
                raise NotFound("That file does not exist or is no longer shared.")
            owned(session, principal, row.client_id, "file")
            info = mapping.shared_file(row)
            if row.external_url is not None:
                return info, None
            content = row.content or b""
            if len(content) != row.size_bytes or hashlib.sha256(content).hexdigest() != row.sha256:
                raise FileDamaged(
                    f"The studio's copy of “{row.name}” is damaged (its checksum does not "
                    "match). Ask the studio to share it again."
                )
            return info, content
