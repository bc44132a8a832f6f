"""Fixtures shared by the whole suite: real databases (a SQLite file and a PostgreSQL
server the suite starts itself), a controllable clock, and the services over them.

PostgreSQL: the server named by ``PODYX_TEST_POSTGRES_URL``, else a throwaway cluster
from the installed binaries. When none can be had, tests that need it fail under CI
(``CI`` set) and are skipped elsewhere with the reason.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NoReturn

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the programs' log files go to a folder of this test run, not the user's log folder
os.environ["PODYX_LOG_DIR"] = tempfile.mkdtemp(prefix="podyx-test-logs-")

from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.migrate import upgrade_to_head
from podyx_desktop.db.tables import Base
from podyx_desktop.services import Services
from tests.pg_cluster import ThrowawayCluster
from tests.pg_databases import (
    PostgresUnavailable,
    create_database,
    postgres_url_from_env,
    unique_database_name,
)

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
START = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # a Monday, 08:00 in Berlin


@dataclass
class FakeClock:
    """A clock the test moves by hand; services read it through ``clock()``."""

    now: datetime = field(default=START)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def unavailable_here(reason: str) -> NoReturn:
    """Skip a test whose tool or server this machine lacks, but fail it in CI (``CI`` set):
    CI's set-up (scripts/ensure_postgres.sh) provides everything, so a skip there would
    hide a broken set-up."""
    if os.environ.get("CI"):
        pytest.fail(f"required in CI, but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A private Secret Service (GNOME Keyring on a D-Bus of its own, in a temporary
    folder: tests/secret_service.py) for a module's tests: the variables that lead keyring
    to it. The user's keyring is never touched."""
    from tests.secret_service import PrivateSecretService, missing_programs

    missing = missing_programs()
    if missing:
        unavailable_here(f"no {', '.join(missing)} for a private Secret Service")
    with PrivateSecretService(tmp_path_factory.mktemp("secret-service")) as service:
        yield service.env


def run_python(
    code: str, tmp_path: Path, env: Mapping[str, str], args: Sequence[str] = ()
) -> dict[str, str]:
    """Run ``code`` (with ``args``) in a fresh interpreter over this checkout, its home,
    settings, data and logs in ``tmp_path``, and ``env`` on top; its ``NAME value``
    lines. It must end well."""
    import subprocess
    import sys

    base = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # keyring's keyringrc.cfg is here
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**base, **env},
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def _no_postgres(reason: str) -> NoReturn:
    unavailable_here(f"no PostgreSQL server for these tests: {reason}")


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    url = postgres_url_from_env()
    cluster: ThrowawayCluster | None = None
    if url is None:
        cluster = ThrowawayCluster()
        try:
            cluster.start()
        except PostgresUnavailable as error:
            _no_postgres(str(error))
        url = cluster.admin_url
    yield url
    if cluster is not None:
        cluster.stop()


@pytest.fixture(scope="session")
def postgres_migrated_url(postgres_admin_url: str) -> str:
    url = create_database(postgres_admin_url, unique_database_name("podyx_services"))
    db = Database(url)
    upgrade_to_head(db)
    db.dispose()
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(sqlite_url(path))
    upgrade_to_head(db)
    db.dispose()
    return path


def truncate_all(url: str) -> None:
    engine = create_engine(url)
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path
) -> Iterator[Database]:
    """A migrated, empty database: a fresh SQLite file, or a truncated PostgreSQL one."""
    if request.param == "sqlite":
        path = tmp_path / "podyx.sqlite3"
        shutil.copyfile(sqlite_template, path)
        db = Database(sqlite_url(path))
    else:
        url = request.getfixturevalue("postgres_migrated_url")
        truncate_all(url)
        db = Database(url)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_database(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    path = tmp_path / "podyx.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database(sqlite_url(path))
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def _root_log_level() -> Iterator[None]:
    """The app's start-up sets the root logger's level from its configuration
    (``launch.Configured``): each test gets it back as it was, so a test that resolved a
    configuration with ``log_level=ERROR`` does not hide the warnings a later one checks."""
    root = logging.getLogger()
    level = root.level
    yield
    root.setLevel(level)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(database: Database, clock: FakeClock) -> Services:
    return Services(database, clock=clock, hasher=FAST_HASHER)
