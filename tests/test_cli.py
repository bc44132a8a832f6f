"""``podyx-admin``: every command, and every kind of bad input refused in one line with
exit code 2 and nothing changed.

Commands run in-process through ``main([...])`` (output caught by capsys) and, where the
real process matters (start-up cost, ``python -m``, no traceback), as a subprocess. The
environment points the settings and data folders into ``tmp_path`` and the keyring at
the fail backend, so no test reads real settings or touches a real keyring.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from podyx_desktop.cli import admin as cli
from podyx_desktop.cli import backup as cli_backup
from podyx_desktop.cli.admin import main
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.db.migrate import head_revision
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import StudioSettings
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER, unavailable_here

ROOT = Path(__file__).resolve().parents[1]
UNREACHABLE = "postgresql://nobody@127.0.0.1:1/x"


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in ("PODYX_DATABASE_URL", "PODYX_LOG_LEVEL", "PGPASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "machine-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    before = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(before)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def run_process(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "podyx_desktop.cli", *argv],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )


def assert_refused(code: int, out: str, err: str) -> None:
    """Exit code 2, exactly one line on stderr, no traceback."""
    assert code == 2, (out, err)
    assert err.startswith("podyx-admin: ") and err.count("\n") == 1, err
    assert "Traceback" not in out + err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def db_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "studio" / "podyx.sqlite3"
    code, _out, _err = run(capsys, "--database", sqlite_url(path), "init")
    assert code == 0
    return path


@pytest.fixture
def studio_file(db_file: Path) -> Path:
    """A migrated database with a studio in it."""
    database = Database(sqlite_url(db_file))
    settings = StudioSettings(name="Tonstudio Süd", time_zone="Europe/Berlin", currency="EUR")
    Services(database, hasher=FAST_HASHER).catalogue.configure_studio(Principal.system(), settings)
    database.dispose()
    return db_file


@pytest.fixture
def newer_file(studio_file: Path, tmp_path: Path) -> Path:
    """A copy of a Podyx database stamped with a schema this app does not know."""
    folder = tmp_path / "newer"
    folder.mkdir()
    path = folder / "newer.sqlite3"
    shutil.copyfile(studio_file, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffff'")
    connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


@pytest.fixture
def not_a_database(tmp_path: Path) -> Path:
    folder = tmp_path / "random"
    folder.mkdir()
    path = folder / "podyx.sqlite3"
    path.write_bytes(os.urandom(8192))
    return path


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder no file can be created in, even by root (a read-only tmpfs then)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mount = ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "podyx-test", str(folder)]
    if shutil.which("mount") is None or subprocess.run(mount, capture_output=True).returncode:
        unavailable_here("running as root, and a read-only filesystem cannot be mounted here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


# --- the commands -------------------------------------------------------------------


def test_help_starts_without_heavy_imports() -> None:
    code = "import sys, podyx_desktop.cli.admin; print(sorted(m for m in ('sqlalchemy', 'PySide6', 'podyx_desktop.services', 'reportlab') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr
    result = run_process("--help")
    assert result.returncode == 0
    for name in ("init", "check", "backup", "demo", "config", "selftest", "export"):
        assert name in result.stdout


def test_without_a_command_it_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([])
    _out, err = capsys.readouterr()
    assert code == 2 and "name a command" in err


def test_init_creates_then_finds_it_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new" / "folder" / "podyx.sqlite3"
    code, out, _ = run(capsys, "--database", sqlite_url(path), "init")
    assert code == 0 and out.startswith("Created the Podyx database") and path.is_file()
    code, out, _ = run(capsys, "init", "--database", str(path))  # a plain path works too
    assert code == 0 and "up to date" in out and "nothing to do" in out
    assert not (path.parent / "backups").exists()


def test_init_uses_the_default_location(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from podyx_desktop.db.engine import default_sqlite_path

    code, out, _ = run(capsys, "init")
    assert code == 0 and default_sqlite_path().is_file()
    assert str(tmp_path / "data") in str(default_sqlite_path()) and "Created" in out


def test_check_ok(studio_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--database", sqlite_url(studio_file), "check")
    assert code == 0
    assert out.splitlines()[-1] == "OK" and f"Schema: {head_revision()}" in out


def test_check_reports_each_problem(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(db_file) as connection:  # foreign keys are off in a bare connection
        connection.execute("INSERT INTO closed_dates (room_id, day, reason) VALUES (999, '2026-01-01', '')")
    connection.close()
    code, out, _ = run(capsys, "--database", sqlite_url(db_file), "check")
    assert code == 1
    assert "Problem: 1 rows refer to rows that do not exist" in out and "OK" not in out


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("command", ["init", "check", "demo", "selftest"])
def test_a_sqlite_database_of_another_program(
    command: str, journal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "other" / "music.sqlite3"
    path.parent.mkdir()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA journal_mode = {journal}")
        connection.execute("CREATE TABLE songs (title TEXT)")
        connection.execute("INSERT INTO songs VALUES ('Ode an die Freude')")
    connection.close()
    before = snapshot(path.parent)
    code, out, err = run(capsys, "--database", str(path), command)
    assert_refused(code, out, err)
    assert "another program" in err
    assert snapshot(path.parent) == before


def test_backup_while_the_database_is_in_use(
    studio_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = sqlite3.connect(studio_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE studio SET name = 'uncommitted'")
    try:
        destination = tmp_path / "backups" / "copy.sqlite3"
        code, out, _ = run(capsys, "--database", sqlite_url(studio_file), "backup", str(destination))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert code == 0 and f"to {destination}" in out
    with sqlite3.connect(destination) as copy:
        assert copy.execute("SELECT name FROM studio").fetchone() == ("Tonstudio Süd",)
    copy.close()
    code, out, _ = run(capsys, "--database", sqlite_url(destination), "check")
    assert code == 0 and out.splitlines()[-1] == "OK"
    assert not list(destination.parent.glob(".*partial"))


def test_backup_into_a_folder_and_never_over_a_file(
    studio_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nightly"
    folder.mkdir()
    code, _out, _ = run(capsys, "--database", str(studio_file), "backup", str(folder))
    assert code == 0
    [made] = list(folder.iterdir())
    assert made.name.startswith("podyx-") and made.suffix == ".sqlite3"
    before = made.read_bytes()
    code, out, err = run(capsys, "--database", str(studio_file), "backup", str(made))
    assert_refused(code, out, err)
    assert "--overwrite" in err and made.read_bytes() == before
    code, _out, _ = run(capsys, "--database", str(studio_file), "backup", str(made), "--overwrite")
    assert code == 0
    code, out, err = run(capsys, "--database", str(studio_file), "backup", str(studio_file), "--overwrite")
    assert_refused(code, out, err)


def test_backup_of_postgresql_needs_pg_dump(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(cli_backup, "PG_DUMP_GLOBS", [str(tmp_path / "nowhere" / "pg_dump")])
    code, out, err = run(capsys, "--database", UNREACHABLE, "backup", str(tmp_path / "x.dump"))
    assert_refused(code, out, err)
    assert "pg_dump was not found" in err
    assert not (tmp_path / "x.dump").exists()


def test_pg_dump_is_found_in_the_versioned_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for version in ("9.6", "16", "15"):
        binary = tmp_path / "postgresql" / version / "bin" / "pg_dump"
        binary.parent.mkdir(parents=True)
        binary.write_text("#!/bin/sh\n")
        binary.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(cli_backup, "PG_DUMP_GLOBS", [str(tmp_path / "postgresql/*/bin/pg_dump")])
    assert cli_backup.find_pg_dump() == str(tmp_path / "postgresql" / "16" / "bin" / "pg_dump")


@pytest.mark.postgres
def test_init_check_and_backup_on_postgresql(
    postgres_admin_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pg_databases import create_database, drop_database, unique_database_name

    name = unique_database_name("podyx_cli")
    url = create_database(postgres_admin_url, name)
    try:
        code, out, _ = run(capsys, "--database", url, "init")
        assert code == 0 and "Created" in out
        code, out, _ = run(capsys, "--database", url, "check")
        assert code == 0 and out.splitlines()[-1] == "OK"
        if cli_backup.find_pg_dump() is None:
            unavailable_here("no pg_dump on this machine")
        destination = tmp_path / "studio.dump"
        code, out, err = run(capsys, "--database", url, "backup", str(destination))
        assert code == 0, err
        assert destination.read_bytes().startswith(b"PGDMP")
    finally:
        drop_database(postgres_admin_url, name)


def test_demo_through_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CONFIG_DIRS": str(tmp_path / "machine-config"),
        "PODYX_DATABASE_URL": sqlite_url(path),
    }
    result = run_process("demo", env=env)
    assert result.returncode == 0, result.stderr
    assert "Loaded “Podyx Demo Studio”" in result.stdout
    for expected in ("Đorđe Šćepanović", "Ελένη Παπαδοπούλου", "Иван Петров", "podyx-demo-2026"):
        assert expected in result.stdout
    assert result.stderr == ""
    before = path.read_bytes()
    again = run_process("demo", env=env)
    assert_refused(again.returncode, again.stdout, again.stderr)
    assert "already has a studio" in again.stderr
    assert path.read_bytes() == before
    result = run_process("selftest", env=env)
    assert result.returncode == 0 and "Podyx Demo Studio" in result.stdout
    assert result.stdout.splitlines()[-1] == "OK"


def test_config_shows_each_value_and_its_source(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine = tmp_path / "machine-config" / "Podyx" / "Podyx Desktop.conf"
    machine.parent.mkdir(parents=True)
    machine.write_text("[General]\nlog_level=ERROR\n")
    monkeypatch.setenv("PODYX_DATABASE_URL", "postgresql://desk:hunter22@db.studio.lan/podyx")
    code, out, _ = run(capsys, "config")
    assert code == 0
    assert "hunter22" not in out
    assert "database_url = postgresql://desk:***@db.studio.lan/podyx" in out
    assert "    from environment PODYX_DATABASE_URL" in out
    assert "log_level = ERROR" in out and f"    from machine settings {machine}" in out
    assert "database password: in the URL (hidden)" in out
    code, out, _ = run(capsys, "--log-level", "debug", "config")
    assert "log_level = DEBUG\n    from command line" in out


def test_selftest_on_an_empty_studio(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--database", str(db_file), "selftest")
    assert code == 0 and out.splitlines()[-1] == "OK"
    assert "no studio set up yet" in out


def test_unexpected_errors_are_one_line_too(
    monkeypatch: pytest.MonkeyPatch, db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(_database: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr("podyx_desktop.db.migrate.check_database", explode)
    code, out, err = run(capsys, "--database", str(db_file), "check")
    assert_refused(code, out, err)
    assert "Unexpected RuntimeError: boom" in err


# --- bad input: one line, exit code 2, nothing changed ----------------------------------

DATABASE_COMMANDS = [["init"], ["check"], ["demo"], ["selftest"], ["backup", "BACKUP"]]


def command_line(command: list[str], tmp_path: Path) -> list[str]:
    return [part.replace("BACKUP", str(tmp_path / "backup-out" / "b.sqlite3")) for part in command]


@pytest.mark.parametrize("command", DATABASE_COMMANDS)
def test_an_unknown_url_scheme(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--database", "mysql://root@localhost/podyx", *command_line(command, tmp_path))
    assert_refused(code, out, err)
    assert "does not support “mysql”" in err
    assert not (tmp_path / "backup-out").exists()


@pytest.mark.parametrize("command", DATABASE_COMMANDS)
def test_an_unreachable_server(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--database", UNREACHABLE, *command_line(command, tmp_path))
    assert_refused(code, out, err)
    assert "127.0.0.1" in err or "pg_dump was not found" in err
    assert not (tmp_path / "backup-out").exists()


@pytest.mark.parametrize("command", [["init"], ["demo"]])
def test_a_read_only_folder(
    command: list[str], read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = read_only_folder / "podyx.sqlite3"
    code, out, err = run(capsys, "--database", sqlite_url(path), *command)
    assert_refused(code, out, err)
    assert f"Cannot create the database {path}" in err
    assert list(read_only_folder.iterdir()) == []


def test_a_backup_into_a_read_only_folder(
    studio_file: Path, read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--database", str(studio_file), "backup", str(read_only_folder))
    assert_refused(code, out, err)
    assert "Cannot write the backup" in err
    assert list(read_only_folder.iterdir()) == []


@pytest.mark.parametrize("command", DATABASE_COMMANDS)
def test_a_file_that_is_not_a_database(
    command: list[str], not_a_database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(not_a_database.parent)
    code, out, err = run(capsys, "--database", str(not_a_database), *command_line(command, tmp_path))
    assert_refused(code, out, err)
    assert "is not a SQLite database file" in err
    assert snapshot(not_a_database.parent) == before
    assert not (tmp_path / "backup-out").exists()


def test_a_file_that_is_not_a_database_in_a_real_process(not_a_database: Path) -> None:
    before = not_a_database.read_bytes()
    result = run_process("--database", str(not_a_database), "init")
    assert_refused(result.returncode, result.stdout, result.stderr)
    assert not_a_database.read_bytes() == before
    assert os.listdir(not_a_database.parent) == [not_a_database.name]


@pytest.mark.parametrize("command", [["init"], ["check"], ["demo"], ["selftest"]])
def test_a_database_newer_than_the_app(
    command: list[str], newer_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(newer_file.parent)
    code, out, err = run(capsys, "--database", str(newer_file), *command)
    assert_refused(code, out, err)
    assert "newer Podyx Desktop (schema ffffffff)" in err
    assert snapshot(newer_file.parent) == before


@pytest.mark.parametrize("command", [["check"], ["selftest"], ["backup", "BACKUP"]])
def test_a_database_that_does_not_exist_is_not_created(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "missing" / "podyx.sqlite3"
    code, out, err = run(capsys, "--database", str(path), *command_line(command, tmp_path))
    assert_refused(code, out, err)
    assert f"There is no database at {path}" in err
    assert not path.parent.exists() and not (tmp_path / "backup-out").exists()


def test_a_bad_setting(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PODYX_LOG_LEVEL", "chatty")
    code, out, err = run(capsys, "config")
    assert_refused(code, out, err)
    assert "environment PODYX_LOG_LEVEL" in err


def test_commands_are_registered_once() -> None:
    names = [command.name for command in cli.COMMANDS]
    assert len(names) == len(set(names))
    assert names == [
        "init",
        "check",
        "backup",
        "demo",
        "config",
        "selftest",
        "export",
        "studio",
        "server",
    ]
