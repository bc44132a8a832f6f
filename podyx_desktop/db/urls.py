"""Database URLs and files, without SQLAlchemy.

The start-up path (:mod:`podyx_desktop.db.direct`), the change watcher and the engine all
need to know which file or server a URL names, and whether a SQLite file sits where
SQLite's locking cannot be trusted. This module answers that with the standard library
only, so none of them imports SQLAlchemy for it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from podyx_desktop.domain.errors import DatabaseProblem
from podyx_desktop.domain.message import m

# How every connection the app makes is set up (the engine's and the start-up reader's).
CONNECT_TIMEOUT_S = 5  # a PostgreSQL server that does not answer
SQLITE_BUSY_TIMEOUT_S = 30  # a SQLite file another seat is writing to
POSTGRES_LOCK_TIMEOUT_S = 30  # a row or table lock another seat holds
APPLICATION_NAME = "podyx-desktop"  # as the server lists the connection

NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "ncpfs"}


def sqlite_url(path: Path | str) -> str:
    """The URL of the SQLite file at ``path``."""
    return f"sqlite:///{os.fspath(path)}"


def sqlite_path(database_url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL, or None for any other kind of database."""
    scheme, _, rest = database_url.partition("://")
    if scheme.split("+")[0] != "sqlite":
        return None
    path = unquote(rest[1:] if rest.startswith("/") else rest).split("?")[0]
    return Path(path) if path and path != ":memory:" else None


def postgres_conninfo(database_url: str) -> str | None:
    """A libpq URL psycopg accepts, or None when the URL is not PostgreSQL."""
    parts = urlsplit(database_url)
    base = parts.scheme.split("+")[0]
    if base not in ("postgresql", "postgres"):
        return None
    return parts._replace(scheme="postgresql").geturl()


def server_address(database_url: str) -> str:
    """``host:port`` of a PostgreSQL URL, as error messages name the server."""
    parts = urlsplit(database_url)
    try:
        port = parts.port or 5432
    except ValueError:
        port = 5432
    return f"{parts.hostname or 'localhost'}:{port}"


def describe_connect_error(address: str, error: BaseException) -> str:
    """What to tell a user whose PostgreSQL server at ``address`` cannot be reached."""
    text = str(getattr(error, "orig", None) or error).strip()
    detail = text.splitlines()[0] if text else type(error).__name__
    return m(
        "Cannot reach the PostgreSQL server at {address} ({detail}). Check the address, the "
        "user and password, and that the server is running.",
        address=address,
        detail=detail,
    )


def filesystem_type(path: Path) -> str | None:
    """The filesystem type holding ``path`` on Linux (from /proc/mounts), else None."""
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return None
    target = path.resolve()
    best: tuple[int, str] | None = None
    for line in mounts.read_text(errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == Path(mount_point) or Path(mount_point) in target.parents
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def refuse_network_share(path: Path) -> None:
    """SQLite's locking is unreliable on network filesystems; refuse them outright."""
    if sys.platform == "win32" and str(path).startswith("\\\\"):
        fs: str | None = "smb"
    else:
        fs = filesystem_type(path.parent if not path.exists() else path)
    if fs is not None and fs in NETWORK_FILESYSTEMS | {"smb"}:
        raise DatabaseProblem(
            m(
                "{path} is on a network share ({fs}); SQLite files there get corrupted. Keep the "
                "file on a local disk, or use a PostgreSQL server for several seats.",
                path=path,
                fs=fs,
            )
        )
