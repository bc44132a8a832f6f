"""A shared file downloaded from the studio server into a folder the client chose.

The bytes stream into a ``.part`` file beside the target; a dropped connection resumes
from what arrived (``Range``), a few times; at the end the size and SHA-256 are checked
against the studio's record and only then is the file renamed into place, so a canceled,
failed or damaged download leaves nothing behind. Progress and Cancel come through the
download's :class:`~podyx_desktop.operations.files.Transfer`, as for a download in-process.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO

from podyx_desktop.domain.errors import InvalidInput, PodyxError
from podyx_desktop.domain.message import m
from podyx_desktop.operations.base import execute
from podyx_desktop.operations.files import (
    TRANSFERS,
    ClientFiles,
    MarkFileOpened,
    SavedFile,
    SaveFile,
    Transfer,
)
from podyx_desktop.server.ops import BY_NAME
from podyx_desktop.services.files import DownloadCanceled, free_name
from podyx_desktop.sync.api import StudioUnreachable

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import SharedFile
    from podyx_desktop.sync.connection import Connection

ATTEMPTS = 4  # a dropped connection is resumed this many times before giving up
PAUSES = (0.5, 1.0, 2.0)


def safe_name(name: str) -> str:
    """A file name only: no folders, no way out of the chosen folder."""
    base = PurePosixPath(name.replace("\\", "/")).name.strip().lstrip(".")
    return base.replace("\x00", "") or "download"


def download(connection: Connection, principal: Principal, request: SaveFile) -> SavedFile:
    transfer = TRANSFERS.pop(request.transfer_id, None) or Transfer()
    folder = Path(request.folder)
    if not folder.is_dir():
        raise InvalidInput(
            m("The folder “{folder}” does not exist.", folder=folder), field="folder"
        )
    info = _record(connection, principal, request.file_id)
    handle, temp_name = tempfile.mkstemp(prefix=".podyx-", suffix=".part", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            _fetch(connection, request.file_id, info.size_bytes, out, transfer)
        digest = hashlib.sha256()
        with temp.open("rb") as written:
            for block in iter(lambda: written.read(1 << 20), b""):
                digest.update(block)
        if temp.stat().st_size != info.size_bytes or digest.hexdigest() != info.sha256:
            raise PodyxError(
                m(
                    "“{name}” arrived damaged (its checksum does not match the studio's). "
                    "Nothing was saved; try the download again.",
                    name=info.name,
                )
            )
        target = free_name(folder, safe_name(info.name))
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    wire = BY_NAME["MarkFileOpened"]
    connection.api.call(wire, MarkFileOpened(request.file_id))
    return SavedFile(str(target), info.sha256)


def _record(connection: Connection, principal: Principal, file_id: int) -> SharedFile:
    """The file as the copy knows it (name, size, checksum)."""
    client_id = principal.user_id
    if client_id is None:
        raise PodyxError(m("Sign in to download the studio's files."))
    files = execute(connection.copy_services(), principal, ClientFiles(client_id)).value
    for shared in files:
        if shared.id == file_id:
            if shared.external_url is not None:
                raise InvalidInput(
                    m("“{name}” is a link; open it in the browser.", name=shared.name)
                )
            return shared
    raise PodyxError(m("That file is no longer shared with you."))


def _fetch(
    connection: Connection, file_id: int, size: int, out: BinaryIO, transfer: Transfer
) -> None:
    done, attempt = 0, 0
    while True:
        try:
            with connection.api.download(file_id, done) as (response, start):
                if start != done:  # the server sent it from the start: begin again
                    out.seek(0)
                    out.truncate()
                    done = 0
                for chunk in response.iter_bytes(1 << 20):
                    if transfer.cancel.is_set():
                        raise DownloadCanceled(m("The download was canceled."))
                    out.write(chunk)
                    done += len(chunk)
                    transfer.progress(done, size)
            if done >= size:
                return
            raise StudioUnreachable(m("The download stopped early."))
        except StudioUnreachable:
            if attempt >= len(PAUSES) or transfer.cancel.is_set():
                raise connection.api.unreachable() from None
            time.sleep(PAUSES[attempt])
            attempt += 1
