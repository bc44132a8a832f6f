"""What every ``podyx-admin`` command shares: its invocation, and the configured database.

A command is a :class:`Command` whose ``run`` takes an :class:`Invocation` and returns an
exit code; :mod:`podyx_desktop.cli.admin` registers them. :func:`open_database` refuses what is
not a usable database *before* touching it, so a refused command changes nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from podyx_desktop.db.config import ResolvedConfig, hide_password, password_from_keyring
from podyx_desktop.domain.errors import DatabaseProblem, PodyxError

if TYPE_CHECKING:
    from podyx_desktop.db.engine import Database

PROG = "podyx-admin"
EXIT_OK, EXIT_PROBLEMS, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Invocation:
    """One run of a command: its parsed arguments and the resolved configuration."""

    args: argparse.Namespace
    config: ResolvedConfig


@dataclass(frozen=True)
class Command:
    """A subcommand: ``podyx-admin NAME``; ``arguments`` adds its own options."""

    name: str
    help: str
    run: Callable[[Invocation], int]
    arguments: Callable[[argparse.ArgumentParser], None] | None = None


@dataclass(frozen=True)
class Target:
    """The configured database. ``connect_url`` may hold a keyring password: never print it."""

    connect_url: str
    display: str
    sqlite_path: Path | None
    password: str | None = None


def target(invocation: Invocation) -> Target:
    """The configured database, its URL checked; a password from the keyring added if stored."""
    from podyx_desktop.db.engine import parse_url

    raw = invocation.config.database_url.value
    url = parse_url(raw)
    if url.get_backend_name() == "sqlite":
        return Target(raw, hide_password(raw), Path(url.database or ""))
    password = password_from_keyring(raw)
    connect = url.set(password=password) if password else url
    return Target(
        connect.render_as_string(hide_password=False),
        url.render_as_string(hide_password=True),
        None,
        password or url.password,
    )


def check_sqlite_file(path: Path, *, must_exist: bool) -> bool:
    """Whether ``path`` exists; refuses, without changing anything, a folder, an unreadable
    file, a file that is not SQLite, and a SQLite database of another program."""
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a database file. Name a file in it.")
    if not path.exists():
        if must_exist:
            raise DatabaseProblem(
                f"There is no database at {path}. Create one with `{PROG} init`, or name "
                "another with --database."
            )
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise DatabaseProblem(f"{path} cannot be read ({error.strerror}).") from None
    if header and not header.startswith(SQLITE_HEADER):
        raise DatabaseProblem(
            f"{path} is not a SQLite database file; it was left as it was. Check the path."
        )
    if header:
        refuse_foreign_sqlite(path)
    return True


def refuse_foreign_sqlite(path: Path) -> None:
    """Refuse a SQLite database with tables but no Podyx schema, before Podyx's own
    connections (which switch a file to WAL mode) touch it.

    A plain connection that only reads changes nothing; unlike a read-only one, it also
    removes the WAL files it made when it closes.
    """
    import sqlite3

    try:
        connection = sqlite3.connect(path, timeout=30)
        try:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {name for (name,) in rows}
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise DatabaseProblem(f"{path} cannot be opened as a SQLite database ({error}).") from None
    if tables and "alembic_version" not in tables:
        raise DatabaseProblem(
            f"{path} is a SQLite database of another program, not a Podyx one; it was left as "
            "it was. Name a Podyx database or a new file with --database."
        )


def create_sqlite_file(path: Path) -> None:
    """Create the (empty) database file, or say why it cannot be created."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.open("xb").close()
    except OSError as error:
        raise DatabaseProblem(
            f"Cannot create the database {path} ({error.strerror}). Choose a folder you can "
            "write to, with --database."
        ) from None


def remove_sqlite_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def open_database(invocation: Invocation, *, create: bool = False) -> Iterator[Database]:
    """The configured database; with ``create``, a new SQLite file (removed again on failure)."""
    from podyx_desktop.db.engine import Database

    where = target(invocation)
    created = False
    if where.sqlite_path is not None and not check_sqlite_file(
        where.sqlite_path, must_exist=not create
    ):
        create_sqlite_file(where.sqlite_path)
        created = True
    database = Database(where.connect_url)
    try:
        yield database
    except BaseException:
        database.dispose()
        if created and where.sqlite_path is not None:
            remove_sqlite_file(where.sqlite_path)
        raise
    database.dispose()


def schema_revision(database: Database) -> str | None:
    """The database's schema revision (None: empty); refuses one a newer Podyx made."""
    from podyx_desktop.db.migrate import refuse_newer, schema_state

    state = schema_state(database)
    refuse_newer(state)
    return state.revision


def describe_error(error: BaseException) -> str:
    """One line saying what went wrong, for an error that reached the command line."""
    import sqlite3

    if isinstance(error, PodyxError):
        text = error.message
    elif isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        text = f"{error.strerror or error}{where}. Check the path and its permissions."
    elif isinstance(error, sqlite3.Error):
        text = f"SQLite reported: {error}. Run `{PROG} check` on the database."
    elif _is_sqlalchemy_error(error):
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()
        text = (
            f"The database reported: {detail[0] if detail else type(error).__name__}. "
            f"Run `{PROG} check` on the database."
        )
    else:
        text = (
            f"Unexpected {type(error).__name__}: {error}. This is a bug; please report it "
            f"with the output of `{PROG} --log-level DEBUG …`."
        )
    return " ".join(text.split())


def _is_sqlalchemy_error(error: BaseException) -> bool:
    import sys

    if "sqlalchemy" not in sys.modules:
        return False
    from sqlalchemy.exc import SQLAlchemyError

    return isinstance(error, SQLAlchemyError)
