"""IT's install, tried for real: the wheel built from this tree (``python -m build``),
installed into a fresh virtual environment — not editable — runs ``podyx-admin
selftest`` with the fonts found inside the installed package, and starts the window
offscreen for five seconds without an error, with its stylesheet."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str | Path, env: dict[str, str] | None = None, timeout: int = 600) -> str:
    done = subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, env=env, timeout=timeout
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done.stdout


def tracked_tree(target: Path) -> Path:
    """A copy of the files git tracks (the build writes its build/ folder there, not
    into the repository)."""
    files = run("git", "-C", ROOT, "ls-files", "-z").split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment with the wheel installed."""
    work = tmp_path_factory.mktemp("wheel")
    tree = tracked_tree(work / "tree")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", tree)
    (wheel,) = (work / "dist").glob("podyx_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for shipped in (
        "podyx_desktop/resources/fonts/DejaVuSans.ttf",
        "podyx_desktop/resources/fonts/DejaVuSans-Bold.ttf",
        "podyx_desktop/resources/styles/app.qss",
        "podyx_desktop/resources/icons/podyx-desktop.svg",
        "podyx_desktop/resources/translations/podyx_de.qm",
        "podyx_desktop/resources/translations/podyx_de.ts",  # the documents read it
        "podyx_desktop/db/migrations/env.py",
        "podyx_desktop/db/migrations/versions/0001_initial_schema.py",
    ):
        assert shipped in names, shipped
    venv = work / "venv"
    run(sys.executable, "-m", "venv", venv)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel)
    return bin_dir


def clean_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PODYX_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PODYX_LOG_DIR=str(tmp / "logs"),
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        PYTHONPATH="",
    )
    return env


def test_the_installed_wheel_passes_its_selftest(installed: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    database = tmp_path / "studio.sqlite3"
    run(installed / "podyx-admin", "demo", "--database", database, env=env)
    out = run(installed / "podyx-admin", "selftest", "--database", database, env=env)
    assert "OK" in out.splitlines()[-1], out
    fonts = next(line for line in out.splitlines() if "PDF fonts" in line)
    assert str(installed.parent / "lib") in fonts  # found inside the installed package
    assert str(ROOT) not in out
    assert run(installed / "podyx-admin", "--version", env=env).strip() == "podyx-admin 0.1.0"
    version = run(installed / "python", "-m", "podyx_desktop", "--version", env=env)
    assert version.strip() == "podyx-desktop 0.1.0"
    assert run(installed / "podyx-server", "--version", env=env).strip() == "podyx-server 0.1.0"


def test_the_installed_window_runs_five_seconds_without_an_error(
    installed: Path, tmp_path: Path
) -> None:
    env = clean_env(tmp_path)
    database = tmp_path / "studio.sqlite3"
    run(installed / "podyx-admin", "demo", "--database", database, env=env)
    window = subprocess.Popen(
        [str(installed / "podyx-desktop"), "--database", str(database)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(5)
    still_running = window.poll() is None
    window.terminate()
    _out, err = window.communicate(timeout=30)
    assert still_running, err
    log = (tmp_path / "logs" / "podyx-desktop.log").read_text(encoding="utf-8")
    assert "Podyx Desktop 0.1.0 starting" in log
    for problem in ("Traceback", "ERROR", "stylesheet is missing"):
        assert problem not in log and problem not in err, (log, err)
