"""Checks that the test suite can get a real PostgreSQL server (tests/pg_cluster.py).

Uses the server named by ``PODYX_TEST_POSTGRES_URL`` when that is set, otherwise a
:class:`ThrowawayCluster`. When no server can be had the test is skipped with the
reason on a developer's machine, but fails under CI (``CI`` set), where a missing
server means a broken setup rather than an optional feature.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
import sqlalchemy
from sqlalchemy import text

from tests.conftest import unavailable_here
from tests.pg_cluster import ThrowawayCluster, find_server_binaries
from tests.pg_databases import (
    PostgresUnavailable,
    create_database,
    drop_database,
    postgres_url_from_env,
    unique_database_name,
)


def _no_server(reason: str) -> NoReturn:
    unavailable_here(f"no PostgreSQL server for the tests: {reason}")


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, ThrowawayCluster | None]]:
    """``(admin_url, cluster)``: the environment's server, or a throwaway cluster."""
    env_url = postgres_url_from_env()
    if env_url is not None:
        yield env_url, None
        return
    cluster = ThrowawayCluster()
    try:
        cluster.start()
    except PostgresUnavailable as exc:
        _no_server(str(exc))
    try:
        yield cluster.admin_url, cluster
    finally:
        cluster.stop()


@pytest.mark.postgres
def test_database_is_created_usable_and_dropped(
    server: tuple[str, ThrowawayCluster | None],
) -> None:
    admin_url, _cluster = server
    name = unique_database_name("podyx_probe")
    url = create_database(admin_url, name)
    assert url.startswith("postgresql+psycopg://")
    assert url.endswith(f"/{name}")

    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("select 1")).scalar_one() == 1
            assert conn.execute(text("select current_database()")).scalar_one() == name
            assert (
                conn.execute(
                    text("select count(*) from pg_extension where extname = 'btree_gist'")
                ).scalar_one()
                == 1
            )
            assert conn.execute(text("show server_encoding")).scalar_one() == "UTF8"
    finally:
        engine.dispose()

    # Creating it again gives a fresh, empty database rather than an error.
    url_again = create_database(admin_url, name)
    assert url_again == url

    drop_database(admin_url, name)
    drop_database(admin_url, name)  # dropping a missing database is not an error
    admin = sqlalchemy.create_engine(admin_url)
    try:
        with admin.connect() as conn:
            count = conn.execute(
                text("select count(*) from pg_database where datname = :n"), {"n": name}
            ).scalar_one()
        assert count == 0
    finally:
        admin.dispose()


@pytest.fixture(scope="module")
def cluster(server: tuple[str, ThrowawayCluster | None]) -> Iterator[ThrowawayCluster]:
    """The module's throwaway cluster; one of its own when the environment names a server."""
    _admin_url, shared = server
    if shared is not None:
        yield shared
        return
    own = ThrowawayCluster()
    try:
        own.start()
    except PostgresUnavailable as exc:
        _no_server(str(exc))
    try:
        yield own
    finally:
        own.stop()


@pytest.mark.postgres
def test_throwaway_cluster_is_private_fast_and_cleans_up(cluster: ThrowawayCluster) -> None:
    assert cluster.url.startswith(f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}/")
    assert cluster.admin_url.endswith(f"@127.0.0.1:{cluster.port}/postgres")

    engine = sqlalchemy.create_engine(cluster.url)
    try:
        with engine.connect() as conn:
            settings = {
                name: conn.execute(text(f"show {name}")).scalar_one()
                for name in (
                    "listen_addresses",
                    "fsync",
                    "synchronous_commit",
                    "full_page_writes",
                    "max_connections",
                )
            }
            extension = conn.execute(
                text("select count(*) from pg_extension where extname = 'btree_gist'")
            ).scalar_one()
    finally:
        engine.dispose()
    assert settings == {
        "listen_addresses": "127.0.0.1",
        "fsync": "off",
        "synchronous_commit": "off",
        "full_page_writes": "off",
        "max_connections": "200",
    }
    assert extension == 1

    # A second cluster starts and stops independently; stop() is idempotent.
    other = ThrowawayCluster("podyx_other")
    other.start()
    folder = other.base_dir
    try:
        assert folder is not None and folder.is_dir()
        assert str(folder).startswith("/tmp/podyx-pg-")
        assert other.port != cluster.port
    finally:
        other.stop()
    assert not folder.exists()
    other.stop()


def test_missing_binaries_are_reported_with_where_we_looked(tmp_path: Path) -> None:
    with pytest.raises(PostgresUnavailable) as info:
        find_server_binaries(path=str(tmp_path), lib_glob=str(tmp_path / "nope" / "*" / "bin"))
    message = str(info.value)
    assert str(tmp_path) in message
    assert "initdb" in message
    assert "PODYX_TEST_POSTGRES_URL" in message
