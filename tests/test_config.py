"""Configuration: every source in its place in the precedence, QSettings' INI layout, and
PostgreSQL passwords from the keyring only (never from or into files).

Every test passes its own environment to ``resolve``, with settings folders under
``tmp_path``: the real user and machine settings are never read, the real keyring never
touched (a memory keyring or the fail backend stands in).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring
from keyring.errors import KeyringLocked

from podyx_desktop.db import config
from podyx_desktop.db.config import (
    DATABASE_URL,
    LOG_LEVEL,
    ConfigError,
    hide_password,
    password_from_keyring,
    password_to_keyring,
    qsettings_string,
    resolve,
    with_password,
)

APP_FILE = Path("Podyx") / "Podyx Desktop.conf"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the keyring is locked")


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


@pytest.fixture
def use_keyring() -> Iterator[type[KeyringBackend]]:
    """Install a keyring backend for one test; the previous one comes back afterwards."""
    before = keyring.get_keyring()
    yield KeyringBackend
    keyring.set_keyring(before)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(tmp_path / "user"),
        "XDG_CONFIG_DIRS": f"{tmp_path / 'machine1'}:{tmp_path / 'machine2'}",
    }


def write_settings(folder: str | Path, body: str, name: Path = APP_FILE) -> Path:
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_every_source_in_order_of_precedence(env: dict[str, str]) -> None:
    machine = write_settings(
        env["XDG_CONFIG_DIRS"].split(":")[0],
        "[General]\ndatabase_url=postgresql://desk@db.studio.lan/podyx\nlog_level=ERROR\n",
    )
    user = write_settings(
        env["XDG_CONFIG_HOME"],
        "[General]\ndatabase_url=sqlite:////srv/user.sqlite3\nlog_level=INFO\n",
    )
    full = {**env, "PODYX_DATABASE_URL": "sqlite:////srv/env.sqlite3", "PODYX_LOG_LEVEL": "debug"}
    flags = {"database_url": "sqlite:////srv/flag.sqlite3", "log_level": "critical"}

    resolved = resolve(flags, full)
    assert resolved.database_url.value == "sqlite:////srv/flag.sqlite3"
    assert resolved.database_url.source == "command line"
    assert (resolved.log_level.value, resolved.log_level.source) == ("CRITICAL", "command line")

    resolved = resolve({"database_url": None, "log_level": None}, full)
    assert resolved.database_url.value == "sqlite:////srv/env.sqlite3"
    assert resolved.database_url.source == "environment PODYX_DATABASE_URL"
    assert (resolved.log_level.value, resolved.log_level.source) == (
        "DEBUG",
        "environment PODYX_LOG_LEVEL",
    )

    resolved = resolve({}, env)
    assert resolved.database_url.value == "sqlite:////srv/user.sqlite3"
    assert resolved.database_url.source == f"user settings {user}"
    assert resolved.log_level.source == f"user settings {user}"

    user.unlink()
    resolved = resolve({}, env)
    assert resolved.database_url.value == "postgresql://desk@db.studio.lan/podyx"
    assert resolved.database_url.source == f"machine settings {machine}"
    assert (resolved.log_level.value, resolved.log_level.source) == (
        "ERROR",
        f"machine settings {machine}",
    )

    machine.unlink()
    resolved = resolve({}, env)
    assert resolved.database_url.source == "default"
    assert resolved.log_level.value == "WARNING"
    assert resolved.log_level.source == "default"


def test_each_setting_resolves_on_its_own(env: dict[str, str]) -> None:
    write_settings(env["XDG_CONFIG_HOME"], "[General]\nlog_level=INFO\n")
    resolved = resolve({"database_url": "sqlite:////srv/a.sqlite3"}, env)
    assert resolved.database_url.source == "command line"
    assert resolved.log_level.source.startswith("user settings ")


def test_default_is_the_sqlite_file_in_the_user_data_folder(env: dict[str, str]) -> None:
    from podyx_desktop.db.engine import default_sqlite_path, sqlite_url

    resolved = resolve({}, env)
    assert resolved.database_url.value == sqlite_url(default_sqlite_path())
    assert config.default_database_path() == default_sqlite_path()


def test_machine_folders_in_xdg_order_and_organisation_files_last(
    env: dict[str, str], tmp_path: Path
) -> None:
    first, second = env["XDG_CONFIG_DIRS"].split(":")
    write_settings(second, "[General]\ndatabase_url=sqlite:////second.sqlite3\n")
    org = write_settings(
        first, "[General]\ndatabase_url=sqlite:////org.sqlite3\n", Path("Podyx.conf")
    )
    assert resolve({}, env).database_url.value == "sqlite:////second.sqlite3"
    wins = write_settings(first, "[General]\ndatabase_url=sqlite:////first.sqlite3\n")
    assert resolve({}, env).database_url.source == f"machine settings {wins}"
    wins.unlink()
    (Path(second) / APP_FILE).unlink()
    assert resolve({}, env).database_url.source == f"machine settings {org}"


def test_defaults_for_the_settings_folders(tmp_path: Path) -> None:
    home = tmp_path / "home"
    user_file = write_settings(home / ".config", "[General]\nlog_level=INFO\n")
    resolved = resolve({}, {"HOME": str(home)})
    assert resolved.log_level.source == f"user settings {user_file}"
    labels = [store.label for store in resolved.stores]
    assert f"machine settings {Path('/etc/xdg') / APP_FILE}" in labels


def test_qsettings_quoting_and_escapes(env: dict[str, str]) -> None:
    write_settings(
        env["XDG_CONFIG_HOME"],
        '[General]\ndatabase_url="sqlite:////srv/a,b; c.sqlite3"\nLog_Level=INFO\n'
        "[Window]\ngeometry=@ByteArray(abc)\n",
    )
    resolved = resolve({}, env)
    assert resolved.database_url.value == "sqlite:////srv/a,b; c.sqlite3"
    assert resolved.log_level.source == "default"  # keys are case-sensitive, as in QSettings
    # Qt escapes a hex digit that follows a \x escape, so four digits are read greedily
    assert qsettings_string(r'"C:\\Users\\\xc1\x31.sqlite3"') == "C:\\Users\\Á1.sqlite3"
    assert qsettings_string(r"\x431") == "б"
    assert qsettings_string("@String(@home)") == "@home"
    assert qsettings_string("  plain  ") == "plain"


def test_empty_values_fall_through(env: dict[str, str]) -> None:
    write_settings(env["XDG_CONFIG_HOME"], "[General]\ndatabase_url=\n")
    write_settings(
        env["XDG_CONFIG_DIRS"].split(":")[0], "[General]\ndatabase_url=sqlite:////m.sqlite3\n"
    )
    resolved = resolve({}, {**env, "PODYX_DATABASE_URL": ""})
    assert resolved.database_url.value == "sqlite:////m.sqlite3"


def test_a_plain_path_becomes_a_sqlite_url(env: dict[str, str], tmp_path: Path) -> None:
    resolved = resolve({"database_url": str(tmp_path / "studio.sqlite3")}, env)
    assert resolved.database_url.value == f"sqlite:///{tmp_path / 'studio.sqlite3'}"


def test_unreadable_settings_are_reported_and_skipped(env: dict[str, str]) -> None:
    broken = write_settings(env["XDG_CONFIG_HOME"], "database_url = no section header\n")
    write_settings(env["XDG_CONFIG_DIRS"].split(":")[0], "[General]\nlog_level=ERROR\n")
    resolved = resolve({}, env)
    assert resolved.log_level.value == "ERROR"
    assert len(resolved.warnings) == 1
    assert str(broken) in resolved.warnings[0] and "skipped" in resolved.warnings[0]


def test_an_unusable_value_names_its_source(env: dict[str, str]) -> None:
    user = write_settings(env["XDG_CONFIG_HOME"], "[General]\nlog_level=chatty\n")
    with pytest.raises(ConfigError) as raised:
        resolve({}, env)
    assert f"user settings {user}" in raised.value.message
    assert "DEBUG, INFO, WARNING, ERROR, CRITICAL" in raised.value.message
    with pytest.raises(ConfigError, match="environment PODYX_LOG_LEVEL"):
        resolve({}, {**env, "PODYX_LOG_LEVEL": "loud"})
    with pytest.raises(ConfigError, match="command line --database"):
        resolve({"database_url": "   "}, env)


def test_settings_are_declared_once_each() -> None:
    assert (DATABASE_URL.key, DATABASE_URL.env) == ("database_url", "PODYX_DATABASE_URL")
    assert (LOG_LEVEL.key, LOG_LEVEL.env) == ("log_level", "PODYX_LOG_LEVEL")
    assert {s.key for s in config.SETTINGS} == {"database_url", "log_level"}


def test_config_imports_neither_qt_nor_sqlalchemy() -> None:
    code = (
        "import sys, podyx_desktop.db.config as c; c.resolve({}, {'HOME': '/nonexistent'}); "
        "print(sorted(m for m in ('PySide6', 'sqlalchemy', 'keyring') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- the keyring ------------------------------------------------------------------------


def test_password_comes_from_the_keyring(use_keyring: object) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    memory.entries[("Podyx Desktop", "postgresql://desk@db.studio.lan:5432/podyx")] = "s3cret"
    assert password_from_keyring("postgresql://desk@db.studio.lan/podyx") == "s3cret"
    assert password_from_keyring("postgresql+psycopg://desk@db.studio.lan:5432/podyx") == "s3cret"
    assert password_from_keyring("postgresql://desk@db.studio.lan:5433/podyx") is None
    assert password_from_keyring("postgresql://desk:inline@db.studio.lan/podyx") is None
    assert password_from_keyring("sqlite:////srv/podyx.sqlite3") is None


def test_no_working_keyring_means_no_password(use_keyring: object) -> None:
    url = "postgresql://desk@db.studio.lan/podyx"
    keyring.set_keyring(FailKeyring())
    assert password_from_keyring(url) is None
    assert password_to_keyring(url, "x") is False
    keyring.set_keyring(LockedKeyring())
    assert password_from_keyring(url) is None
    keyring.set_keyring(BrokenKeyring())
    assert password_from_keyring(url) is None
    assert password_to_keyring(url, "x") is False


def test_a_password_is_remembered_in_the_keyring_not_in_files(
    use_keyring: object, env: dict[str, str], tmp_path: Path
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    url = "postgresql://desk@db.studio.lan:5432/podyx"
    assert password_to_keyring(url, "pä$$ word")
    assert password_from_keyring(url) == "pä$$ word"
    resolve({"database_url": url}, env)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == []


def test_urls_with_passwords_are_shown_hidden() -> None:
    url = with_password("postgresql+psycopg://desk@db.studio.lan:5432/podyx", "p@ss:w/rd")
    from sqlalchemy.engine import make_url

    assert make_url(url).password == "p@ss:w/rd"
    assert "p@ss" not in hide_password(url) and "%40" not in hide_password(url)
    assert hide_password(url) == "postgresql+psycopg://desk:***@db.studio.lan:5432/podyx"
    assert hide_password("sqlite:////srv/a:b@c.sqlite3") == "sqlite:////srv/a:b@c.sqlite3"


def test_a_server_s_password_is_never_in_its_repr() -> None:
    """What says which server a URL names (for the keyring) may end up in a log line."""
    from podyx_desktop.db.config import postgres_server

    server = postgres_server("postgresql://studio:s3cr%40t@db.local:5433/podyx")
    assert server is not None
    assert server.password == "s3cr@t"
    assert server.keyring_user == "postgresql://studio@db.local:5433/podyx"
    assert "s3cr" not in repr(server) and "s3cr" not in str(server)
    assert "db.local" in repr(server)
