"""PostgreSQL databases for the test suite: the server the environment names, and a
fresh database per test module (or test) on whichever server the suite uses.

URLs are SQLAlchemy URLs using the psycopg 3 driver:
``postgresql+psycopg://USER@HOST:PORT/DBNAME``. The server itself, when the environment
names none, is a :class:`tests.pg_cluster.ThrowawayCluster`.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

__all__ = [
    "ENV_VAR",
    "PostgresUnavailable",
    "check_db_name",
    "create_database",
    "drop_database",
    "libpq_url",
    "postgres_url_from_env",
    "unique_database_name",
]

#: Environment variable naming an existing server to use instead of a throwaway one.
ENV_VAR = "PODYX_TEST_POSTGRES_URL"

_DB_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")



class PostgresUnavailable(Exception):
    """No PostgreSQL server could be had; the message says why in one sentence or two."""


# --------------------------------------------------------------------------- URLs


def postgres_url_from_env() -> str | None:
    """Return ``$PODYX_TEST_POSTGRES_URL`` if it is set and not blank, else ``None``.

    The URL should name a database the tests may use as the *admin* database:
    one whose user may ``CREATE DATABASE`` (for example ``.../postgres``).
    """
    value = os.environ.get(ENV_VAR, "").strip()
    return value or None


def _sqlalchemy_url(url: str) -> URL:
    """Parse ``url``; a bare ``postgresql://`` or ``postgres://`` gets the psycopg driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _render(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def libpq_url(url: str) -> str:
    """The same URL as libpq/psycopg wants it: ``postgresql://...`` without a driver."""
    return _render(_sqlalchemy_url(url).set(drivername="postgresql"))


def _with_database(url: str, name: str) -> str:
    return _render(_sqlalchemy_url(url).set(database=name))


def unique_database_name(prefix: str = "podyx_test") -> str:
    """A fresh, valid database name: ``prefix`` plus 12 random hex digits."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}".lower()
    check_db_name(name)
    return name


def check_db_name(name: str) -> None:
    if not _DB_NAME_RE.fullmatch(name):
        raise ValueError(
            f"database name {name!r} must be lowercase letters, digits and underscores, "
            "not start with a digit, and be at most 63 characters"
        )


# ------------------------------------------------------------ databases on a server


def _connect_admin(admin_url: str, *, connect_timeout: int = 10) -> psycopg.Connection:
    try:
        return psycopg.connect(
            libpq_url(admin_url), autocommit=True, connect_timeout=connect_timeout
        )
    except psycopg.OperationalError as exc:
        raise PostgresUnavailable(
            f"Could not connect to the PostgreSQL server at {_safe(admin_url)}: {exc}".strip()
        ) from exc


def create_database(admin_url: str, name: str) -> str:
    """Create a fresh database ``name`` on ``admin_url``'s server and return its URL.

    A database of that name that already exists is dropped first (connections to it
    are ended). The new database has the ``btree_gist`` extension installed, which
    the schema's exclusion constraints need. The returned URL is ``admin_url`` with
    its database part replaced by ``name``, using the psycopg driver.
    """
    check_db_name(name)
    ident = sql.Identifier(name)
    with _connect_admin(admin_url) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident))
        conn.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(ident))
    url = _with_database(admin_url, name)
    try:
        with psycopg.connect(libpq_url(url), autocommit=True, connect_timeout=10) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    except psycopg.Error as exc:
        with contextlib.suppress(PostgresUnavailable, psycopg.Error):
            drop_database(admin_url, name)
        raise PostgresUnavailable(
            f"Created database {name!r} but could not install the btree_gist extension in "
            f"it ({exc}); install the PostgreSQL contrib modules for this server version."
        ) from exc
    return url


def drop_database(admin_url: str, name: str) -> None:
    """Drop database ``name`` on ``admin_url``'s server, ending its connections first.

    Dropping a database that does not exist is not an error.
    """
    check_db_name(name)
    with _connect_admin(admin_url) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def _safe(url: str) -> str:
    """``url`` with any password masked, for messages."""
    try:
        return _sqlalchemy_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparsable URL>"
