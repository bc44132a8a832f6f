"""The log file: written by both programs into the log folder, rotated, without secrets."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from podyx_desktop.cli.admin import main as admin
from podyx_desktop.log_files import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "connecting to postgresql://podyx:s3cr%40t@db.studio.lan:5432/podyx",
            "connecting to postgresql://podyx:***@db.studio.lan:5432/podyx",
        ),
        (
            "dsn host=db user=podyx password=hunter2 dbname=x",
            "dsn host=db user=podyx password=*** dbname=x",
        ),
        ("{'password': 'hunter2', 'name': 'Ana'}", "{'password': '***', 'name': 'Ana'}"),
        ("token=abc.def&next=1", "token=***&next=1"),
        ("sqlite:////home/ana/podyx.sqlite3", "sqlite:////home/ana/podyx.sqlite3"),
        ("exit code: 3 for Ana", "exit code: 3 for Ana"),
    ],
)
def test_redact_hides_passwords_and_tokens_only(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_podyx_admin_logs_its_command_to_the_file_without_the_password(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = tmp_path / "logs"
    monkeypatch.setenv("PODYX_LOG_DIR", str(folder))
    url = "postgresql://podyx:hunter2@127.0.0.1:1/podyx"
    assert admin(["config", "--database", url]) == 0
    assert "hunter2" not in capsys.readouterr().out
    # main() puts the package's level back as it found it (other tests leave theirs)
    caplog.set_level(logging.INFO, logger="podyx_desktop")
    logging.getLogger("podyx_desktop.test").warning("opening %s", url)
    text = (folder / "podyx-admin.log").read_text(encoding="utf-8")
    assert "podyx-admin 0.1.0: config" in text
    assert "postgresql://podyx:***@127.0.0.1:1/podyx" in text
    assert "hunter2" not in text


def test_the_window_logs_its_start_to_its_own_file(tmp_path: Path) -> None:
    """``python -m podyx_desktop`` offscreen on an empty database folder: the start line
    is in podyx-desktop.log (the process quits itself after its first paint)."""
    folder = tmp_path / "logs"
    env = dict(os.environ)
    env.update(
        PODYX_LOG_DIR=str(folder),
        QT_QPA_PLATFORM="offscreen",
        PODYX_BENCH_MARKERS="1",
        PODYX_BENCH_EXIT_AFTER="first_paint",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "podyx_desktop", "--database", str(tmp_path / "x.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    text = (folder / "podyx-desktop.log").read_text(encoding="utf-8")
    assert "Podyx Desktop 0.1.0 starting" in text


def test_selftest_report_zips_logs_configuration_versions_and_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    folder = tmp_path / "logs"
    monkeypatch.setenv("PODYX_LOG_DIR", str(folder))
    database = tmp_path / "studio.sqlite3"
    assert admin(["init", "--database", str(database)]) == 0
    (folder / "podyx-desktop.log").write_text(
        "old line postgresql://podyx:hunter2@db/podyx\n", encoding="utf-8"
    )
    code = admin(["selftest", "--database", str(database), "--report", str(tmp_path / "support")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"Support report written to {tmp_path / 'support.zip'}" in out
    with zipfile.ZipFile(tmp_path / "support.zip") as bundle:
        names = set(bundle.namelist())
        assert {"selftest.txt", "configuration.txt", "versions.txt"} <= names
        assert {"logs/podyx-admin.log", "logs/podyx-desktop.log"} <= names
        assert "ok    PDF fonts" in bundle.read("selftest.txt").decode()
        assert f"database_url = sqlite:///{database}" in bundle.read("configuration.txt").decode()
        assert "Podyx Desktop 0.1.0" in bundle.read("versions.txt").decode()
        old = bundle.read("logs/podyx-desktop.log").decode()
        assert "hunter2" not in old and "podyx:***@db" in old


def test_selftest_report_is_written_even_when_the_database_does_not_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    monkeypatch.setenv("PODYX_LOG_DIR", str(tmp_path / "logs"))
    missing = tmp_path / "missing.sqlite3"
    code = admin(["selftest", "--database", str(missing), "--report", str(tmp_path / "r.zip")])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL  database: There is no database at" in out
    with zipfile.ZipFile(tmp_path / "r.zip") as bundle:
        assert "FAIL  database" in bundle.read("selftest.txt").decode()


def test_what_is_logged_before_the_log_opens_reaches_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window keeps its first records until the log file opens (after its first
    paint); they reach the file in order, once, redacted like the rest."""
    from podyx_desktop.gui.entry import EarlyRecords, open_logs, start_logging

    folder = tmp_path / "logs"
    monkeypatch.setenv("PODYX_LOG_DIR", str(folder))
    root = logging.getLogger()
    kept = list(root.handlers)
    try:
        start_logging("WARNING")
        assert any(isinstance(handler, EarlyRecords) for handler in root.handlers)
        log = logging.getLogger("podyx_desktop.test_early")
        log.info("opening postgresql://podyx:hunter2@db/podyx")
        log.warning("first warning")
        assert not (folder / "podyx-desktop.log").exists()  # nothing written yet
        open_logs()
        open_logs()  # a second call adds nothing
        log.info("after the log opened")
        assert not any(isinstance(handler, EarlyRecords) for handler in root.handlers)
    finally:
        for handler in root.handlers[:]:
            if handler not in kept:
                root.removeHandler(handler)
                handler.close()
    text = (folder / "podyx-desktop.log").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "test_early" in line]
    assert [line.split(": ", 1)[1] for line in lines] == [
        "opening postgresql://podyx:***@db/podyx",
        "first warning",
        "after the log opened",
    ]
    assert "Podyx Desktop 0.1.0 starting" in text
