"""Settings IT locks machine-wide: a locked value beats the user's settings, the
environment and the window's command line; podyx-admin's own flags still apply to the
command run; the window does not offer another database; locks that do nothing are
reported. And QSettings' own INI files read the same here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from podyx_desktop.cli.admin import main as admin
from podyx_desktop.db.config import read_ini, resolve
from podyx_desktop.gui.launch import Configured, Flags
from podyx_desktop.views.start.start_problem import StartProblemPage

APP_FILE = Path("Podyx") / "Podyx Desktop.conf"
LOCKED_URL = "postgresql://desk@db.studio.lan/podyx"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "user"),
        "XDG_CONFIG_DIRS": str(tmp_path / "machine"),
    }


def write(folder: str, body: str) -> Path:
    path = Path(folder) / APP_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def lock_database(env: dict[str, str]) -> Path:
    return write(
        env["XDG_CONFIG_DIRS"],
        f"[General]\ndatabase_url={LOCKED_URL}\nlog_level=ERROR\nlocked=database_url\n",
    )


def test_a_locked_value_beats_user_settings_environment_and_the_windows_flag(
    env: dict[str, str],
) -> None:
    machine = lock_database(env)
    write(
        env["XDG_CONFIG_HOME"], "[General]\ndatabase_url=sqlite:////srv/u.sqlite3\nlog_level=INFO\n"
    )
    full = {**env, "PODYX_DATABASE_URL": "sqlite:////srv/env.sqlite3"}
    resolved = resolve({"database_url": "sqlite:////srv/flag.sqlite3"}, full)
    assert resolved.database_url.value == LOCKED_URL
    assert resolved.database_url.locked
    assert (
        resolved.database_url.source == f"machine settings {machine}, locked by the administrator"
    )
    # the log level is not locked: the user's setting still wins over the machine's
    assert (resolved.log_level.value, resolved.log_level.locked) == ("INFO", False)
    assert resolved.warnings == ()


def test_the_administrators_own_command_line_still_applies(env: dict[str, str]) -> None:
    machine = lock_database(env)
    resolved = resolve({"database_url": "sqlite:////srv/flag.sqlite3"}, env, flags_beat_lock=True)
    assert resolved.database_url.value == "sqlite:////srv/flag.sqlite3"
    assert not resolved.database_url.locked
    assert resolved.database_url.source == (
        f"command line (the administrator locked it in machine settings {machine})"
    )


def test_locks_that_do_nothing_are_reported_and_a_user_cannot_lock(env: dict[str, str]) -> None:
    machine = write(
        env["XDG_CONFIG_DIRS"], "[General]\nlog_level=ERROR\nlocked=database_url, colour\n"
    )
    write(env["XDG_CONFIG_HOME"], "[General]\nlog_level=INFO\nlocked=log_level\n")
    resolved = resolve({}, env)
    assert not resolved.database_url.locked and resolved.database_url.source == "default"
    assert (resolved.log_level.value, resolved.log_level.locked) == ("INFO", False)
    assert resolved.warnings == (
        f"The machine settings {machine} locks “colour”, which is not a setting "
        "(settings: database_url, log_level); that lock is ignored.",
        f"The machine settings {machine} locks “database_url” but does not set it; "
        "that lock is ignored.",
    )


def test_podyx_admin_config_shows_source_and_lock(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    machine = lock_database(env)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("PODYX_DATABASE_URL", raising=False)
    assert admin(["config"]) == 0
    out = capsys.readouterr().out.splitlines()
    at = out.index(f"database_url = {LOCKED_URL}")
    assert out[at + 1 : at + 3] == [
        f"    from machine settings {machine}, locked by the administrator",
        "    locked: yes, by the administrator (users cannot change it)",
    ]
    assert "    locked: no" in out  # the log level


def test_the_window_keeps_the_locked_database_and_does_not_offer_another(
    qtbot: Any, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lock_database(env)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("PODYX_DATABASE_URL", raising=False)
    configured = Configured(Flags(database="sqlite:////srv/flag.sqlite3"))
    assert configured.database_url() == LOCKED_URL and configured.database_locked()
    configured.switch_to("sqlite:////srv/chosen.sqlite3")  # "Choose another database…"
    assert configured.database_url() == LOCKED_URL

    page = StartProblemPage()
    qtbot.addWidget(page)
    page.show()
    page.set_database_locked(True)
    page.show_problem("The server db.studio.lan does not answer.")
    assert page.retry_button.isEnabled() and not page.choose_button.isEnabled()
    assert page.locked_note.isVisible() and "administrator" in page.choose_button.toolTip()


def test_files_written_by_qsettings_read_the_same(tmp_path: Path, qtbot: Any) -> None:
    from PySide6.QtCore import QSettings

    path = tmp_path / "machine.conf"
    written = QSettings(str(path), QSettings.Format.IniFormat)
    values = {
        "database_url": "postgresql://desk@db.studio.lan:5433/podyx studio",
        "log_level": "INFO",
        "locked": "database_url,log_level",
        "note": 'quotes " and \\ backslash, ümlaut; semicolon',
    }
    for key, value in values.items():
        written.setValue(key, value)
    written.sync()
    store, warning = read_ini(path, "machine settings", machine=True)
    assert warning is None
    assert dict(store.values) == values
    assert store.locked == {"database_url", "log_level"}
