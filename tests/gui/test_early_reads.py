"""The start-up reads made early, in a forked second process (podyx_desktop/gui/early.py),
against the test's studio file and a real Secret Service (GNOME Keyring on a private
D-Bus, tests/secret_service.py) holding the remembered sign-in.

Each case runs in a fresh interpreter: the fork must happen before Qt is loaded, and this
test process loaded Qt long ago."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from podyx_desktop.domain.records import SignedIn
from tests.conftest import run_python
from tests.gui.conftest import GuiStudio

ROOT = Path(__file__).resolve().parents[2]

# Fork the early reader as podyx-desktop does, then ({after_fork}) load Qt and take the
# quick start through Configured, as the start-up task does; print what it opened.
OPEN = """
import os, sys
from podyx_desktop.gui.early import start_early_reads
from podyx_desktop.gui.start import _read_early
early = start_early_reads({reads})
print("FORKED", early is not None)
{after_fork}
from PySide6.QtWidgets import QApplication
app = QApplication([])
from podyx_desktop.gui.launch import Configured, Flags, quick_open
configured = Configured(Flags(), early)
try:
    prepared = configured.quick_open(0)
except Exception as problem:
    print("PROBLEM", str(problem).replace(chr(10), " "))
    raise SystemExit(0)
resumed = prepared.resumed
print("STUDIO", prepared.studio.name)
print("SIGNED_IN", resumed.signed_in.account.email if resumed.signed_in else None)
print("KEYRING_PROBLEM", resumed.keyring_problem is not None)
loaded = resumed.prefetched.data if resumed.prefetched else None
print("ROWS", [b.id for b in loaded.upcoming] if loaded else None)
print("TEXTS", loaded.upcoming_texts if loaded else None)
print("EXPIRED", resumed.expired_message)
{then}
"""
# The parent can no longer read the keyring: only the child can have found the sign-in.
NO_KEYRING_HERE = (
    "import keyring\nfrom keyring.backends import fail\nkeyring.set_keyring(fail.Keyring())"
)
SAVE_TOKEN = (
    "import sys\nfrom podyx_desktop.gui.session_store import SessionStore\n"
    "assert SessionStore(sys.argv[1]).save(sys.argv[2])"
)

# Whether the child ``pid`` is gone: stopped and reaped, no such process left.
GONE = (
    "try:\n"
    "    os.kill(pid, 0)\n"
    "    print('GONE False')\n"
    "except ProcessLookupError:\n"
    "    print('GONE True')\n"
)
LOAD_TOKEN = (
    "import sys\nfrom podyx_desktop.gui.session_store import SessionStore\n"
    "print('LOADED', SessionStore(sys.argv[1]).load())"
)


def run(code: str, tmp_path: Path, env: dict[str, str], *args: str) -> dict[str, str]:
    """Run ``code`` in a fresh interpreter; its ``NAME value`` lines."""
    return run_python(code, tmp_path, env, args)


@pytest.fixture
def remembered(
    studio: GuiStudio, client_session: SignedIn, secret_service: dict[str, str], tmp_path: Path
) -> dict[str, str]:
    """The environment of an app on the test's studio whose keyring remembers the client."""
    env = {**secret_service, "PODYX_DATABASE_URL": studio.url}
    run(SAVE_TOKEN, tmp_path, env, studio.url, client_session.token)
    remember_the_sign_in(tmp_path / "config")
    return env


def remember_the_sign_in(config_home: Path, remembered: bool = True, server: str = "") -> None:
    """The window's note of the last run (``UiSettings``), in the file QSettings keeps."""
    from PySide6.QtCore import QSettings

    from podyx_desktop.gui.ui_settings import UiSettings

    path = config_home / "Podyx" / "Podyx Desktop.conf"
    settings = UiSettings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.sign_in_remembered = remembered
    settings.studio_server = server
    settings.sync()


def opened(tmp_path: Path, env: dict[str, str], **parts: str) -> dict[str, str]:
    code = OPEN.format(
        reads=parts.get("reads", "lambda: _read_early([])"),
        after_fork=parts.get("after_fork", ""),
        then=parts.get("then", ""),
    )
    return run(code, tmp_path, env)


def test_the_child_reads_the_sign_in_and_the_window_opens_with_its_rows(
    remembered: dict[str, str], studio: GuiStudio, tmp_path: Path
) -> None:
    result = opened(tmp_path, remembered, after_fork=NO_KEYRING_HERE)
    assert result["FORKED"] == "True"
    assert result["SIGNED_IN"] == studio.client_email  # read by the child: not here
    assert result["KEYRING_PROBLEM"] == "False"
    assert result["ROWS"] == f"[{studio.booking_id}]"


def test_the_early_reads_give_what_the_start_up_task_reads_itself(
    remembered: dict[str, str], studio: GuiStudio, tmp_path: Path
) -> None:
    then = (
        "own = quick_open(os.environ['PODYX_DATABASE_URL'], 0).resumed\n"
        "print('OWN_SIGNED_IN', own.signed_in.account.email)\n"
        "print('OWN_TEXTS', own.prefetched.data.upcoming_texts)\n"
        "print('SAME_ACCOUNT', own.signed_in.account == resumed.signed_in.account)\n"
    )
    result = opened(tmp_path, remembered, then=then)
    assert result["FORKED"] == "True"
    assert result["OWN_SIGNED_IN"] == result["SIGNED_IN"] == studio.client_email
    assert result["OWN_TEXTS"] == result["TEXTS"]  # the same cells, in the same words
    assert result["SAME_ACCOUNT"] == "True"


def test_an_expired_sign_in_read_early_is_forgotten_and_said(
    remembered: dict[str, str],
    gui_services: Any,
    client_session: SignedIn,
    tmp_path: Path,
) -> None:
    gui_services.accounts.sign_out(client_session.principal, client_session.token)
    result = opened(tmp_path, remembered, after_fork=NO_KEYRING_HERE)
    assert result["FORKED"] == "True"
    assert result["SIGNED_IN"] == "None"
    assert result["EXPIRED"] == "Your saved sign-in has expired. Please sign in again."
    left = run(LOAD_TOKEN, tmp_path, remembered, remembered["PODYX_DATABASE_URL"])
    assert left["LOADED"] == "None"  # the child forgot it in the keyring


@pytest.mark.parametrize(
    ("remembered", "server", "wanted"),
    [(True, "", True), (False, "", False), (True, "studio.example:8443", False)],
    ids=["remembered", "nobody-remembered", "client-at-home"],
)
def test_the_early_reads_run_only_when_the_window_opens_on_them(
    remembered: bool,
    server: str,
    wanted: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read without Qt from the file the window's settings (QSettings) wrote: with nobody
    remembered, the sign-in screen paints first and the reads follow, as without them."""
    from podyx_desktop.gui.early_reads import early_reads_wanted, read_early

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert not early_reads_wanted()  # a first run: the sign-in screen comes first
    remember_the_sign_in(tmp_path / "config", remembered, server)
    assert early_reads_wanted() is wanted
    if not wanted:
        assert read_early([]) is None  # the child sends nothing: the task reads itself


def test_the_child_needs_no_qt(remembered: dict[str, str], tmp_path: Path) -> None:
    code = (
        "import sys\nfrom podyx_desktop.gui.start import _read_early\n"
        "found = _read_early([])\n"
        "print('SIGNED_IN', found.read.signed_in is not None)\n"
        "print('QT', sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = run(code, tmp_path, remembered)
    assert result["SIGNED_IN"] == "True"
    assert result["QT"] == "[]"


def test_what_is_imported_before_the_fork_leaves_the_fork_safe(tmp_path: Path) -> None:
    """The modules both processes share are imported before the fork
    (``start._import_shared``): none of them may load Qt or start a thread, or the app
    would stop forking (and lose its head start) without a word."""
    code = (
        "import sys, threading\nfrom podyx_desktop.gui.start import _import_shared\n"
        "from podyx_desktop.gui.early import fork_possible\n"
        "_import_shared()\n"
        "print('QT', sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
        "print('THREADS', threading.active_count())\n"
        "print('SHARED', 'podyx_desktop.domain.records_core' in sys.modules)\n"
        "print('POSSIBLE', fork_possible())\n"
    )
    result = run(code, tmp_path, {})
    assert result["QT"] == "[]"
    assert result["THREADS"] == "1"
    assert result["SHARED"] == "True"
    assert result["POSSIBLE"] == "True"


def test_when_the_child_fails_the_start_up_task_reads_itself(
    remembered: dict[str, str], studio: GuiStudio, tmp_path: Path
) -> None:
    result = opened(tmp_path, remembered, reads="lambda: 1 / 0")
    assert result["FORKED"] == "True"
    assert result["SIGNED_IN"] == studio.client_email
    assert result["ROWS"] == f"[{studio.booking_id}]"


def test_a_configuration_problem_is_said_in_words_by_the_start_up_task(
    remembered: dict[str, str], tmp_path: Path
) -> None:
    env = {**remembered, "PODYX_LOG_LEVEL": "LOUD"}
    result = opened(tmp_path, env)
    assert result["FORKED"] == "True"
    assert result["PROBLEM"] == (
        "The log level from environment PODYX_LOG_LEVEL is not usable: “LOUD” is not a log "
        "level. Use one of DEBUG, INFO, WARNING, ERROR, CRITICAL."
    )


def test_what_the_child_logs_reaches_the_parents_log_and_nothing_else_is_written(
    tmp_path: Path,
) -> None:
    code = (
        "import logging\n"
        "from podyx_desktop.gui.early import start_early_reads\n"
        "def reads():\n"
        "    print('CHILD_PRINTED yes')\n"
        "    logging.getLogger('podyx_desktop.somewhere').warning('kept %s', 'for later')\n"
        "    return 42\n"
        "early = start_early_reads(reads)\n"
        "seen = []\n"
        "class Seen(logging.Handler):\n"
        "    def emit(self, record):\n"
        "        seen.append((record.name, record.levelname, record.getMessage()))\n"
        "logging.getLogger().addHandler(Seen())\n"
        "print('TOOK', early.take())\n"
        "print('LOGGED', seen)\n"
    )
    result = run(code, tmp_path, {})
    assert result["TOOK"] == "42"
    assert result["LOGGED"] == "[('podyx_desktop.somewhere', 'WARNING', 'kept for later')]"
    assert "CHILD_PRINTED" not in result  # the child's output goes nowhere


def test_closing_stops_a_child_still_at_work(tmp_path: Path) -> None:
    code = (
        "import os, time\n"
        "from podyx_desktop.gui.early import start_early_reads\n"
        "early = start_early_reads(lambda: time.sleep(600))\n"
        "pid = early._pid\n"
        "early.close()\n" + GONE + "print('TOOK', early.take())\n"
    )
    result = run(code, tmp_path, {})
    assert result["GONE"] == "True"
    assert result["TOOK"] == "None"


def test_quitting_while_the_start_up_task_waits_for_the_child(tmp_path: Path) -> None:
    """The app quits (the GUI thread closes the early reads) while the worker still waits
    for them: the wait ends with nothing, and the child is stopped."""
    code = (
        "import os, threading, time\n"
        "from podyx_desktop.gui.early import start_early_reads\n"
        "early = start_early_reads(lambda: time.sleep(600))\n"
        "pid, took = early._pid, []\n"
        "worker = threading.Thread(target=lambda: took.append(early.take()))\n"
        "worker.start()\n"
        "time.sleep(0.5)  # the worker is reading the pipe\n"
        "early.close()\n"
        "worker.join(30)\n"
        "print('WAITING', worker.is_alive())\n"
        "print('TOOK', took)\n" + GONE
    )
    result = run(code, tmp_path, {})
    assert result["WAITING"] == "False"
    assert result["TOOK"] == "[None]"
    assert result["GONE"] == "True"


@pytest.mark.parametrize(
    ("before", "env"),
    [
        ("import PySide6.QtCore", {}),  # Qt loaded: a fork is not safe
        ("import threading, time\nthreading.Thread(target=time.sleep, args=(5,)).start()", {}),
        ("", {"PODYX_EARLY_READS": "0"}),  # switched off
    ],
    ids=["qt-loaded", "threads", "switched-off"],
)
def test_no_fork_when_it_is_not_safe_or_not_wanted(
    before: str, env: dict[str, str], tmp_path: Path
) -> None:
    code = (
        f"{before}\n"
        "from podyx_desktop.gui.early import start_early_reads\n"
        "print('FORKED', start_early_reads(lambda: 1) is not None)\n"
    )
    assert run(code, tmp_path, env)["FORKED"] == "False"


def test_the_app_opens_on_the_early_reads(
    tmp_path: Path, studio: GuiStudio, client_session: SignedIn
) -> None:
    """The whole start-up, forked as podyx-desktop forks: the main window opens filled
    before SQLAlchemy is imported, and the log says whether the reads were made early.
    Made early, the window's process has not even imported the configuration's module or
    sqlite3 when the window shows (the change feed's watcher imports it once painted)."""
    from tests.gui.test_sign_in import run_app_with_spy

    spy = (
        "if name == 'main_window_shown':\n"
        "    rows = desktop.main_window.bookings_tab.upcoming_model.rowCount()\n"
        "    config = 'podyx_desktop.db.config' in sys.modules\n"
        "    sqlite = 'sqlite3' in sys.modules\n"
        "    print('SHOWN', 'sqlalchemy' in sys.modules, config, sqlite, rows, flush=True)"
    )
    env = {
        "PYTHON_KEYRING_BACKEND": "bench.keyring_backend.BenchKeyring",
        "PODYX_BENCH_TOKEN": client_session.token,
        "PODYX_LOG_DIR": str(tmp_path / "logs"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    logs = tmp_path / "logs"

    def early_lines() -> int:
        return sum(
            log.read_text(encoding="utf-8").count("made early") for log in logs.glob("*.log")
        )

    def start() -> str:
        done = run_app_with_spy(
            tmp_path,
            spy,
            exit_after="bookings_populated",
            database_url=studio.url,
            early=True,
            **env,
        )
        return str(done.stdout + done.stderr[-2000:])

    # The first run shows the sign-in screen first (nobody remembered yet): the child
    # leaves the reads to the start-up task, which makes them after that screen's paint.
    assert "SHOWN False True True 1" in start()
    assert early_lines() == 0
    # It left the note that a sign-in is remembered: the next run opens on the child's
    # reads, without even the configuration's module (the child resolved it).
    assert "SHOWN False False False 1" in start()
    assert early_lines() == 1


# Installs the window's language as the app does before its start-up task (gui/app.py).
WINDOW_LANGUAGE = (
    "from podyx_desktop.gui.translation import install_hooks, language_of\n"
    "install_hooks(language_of(''))"
)


def test_the_window_paints_the_first_rows_with_texts_formatted_ahead_without_babel(
    remembered: dict[str, str], studio: GuiStudio, tmp_path: Path
) -> None:
    """The child formats the first rows' times and prices as the window would: the
    window's process has their cells without importing babel (the Bookings tab loads it
    once painted), nor the time zones' and decimal numbers' modules, which only
    formatting needs."""
    then = (
        "print('BABEL', 'babel' in sys.modules)\n"
        "print('LATER', 'zoneinfo' in sys.modules, 'decimal' in sys.modules)\n"
    )
    result = opened(tmp_path, remembered, after_fork=WINDOW_LANGUAGE, then=then)
    assert result["ROWS"] == f"[{studio.booking_id}]"
    assert result["BABEL"] == "False"
    assert result["LATER"] == "False False"


@pytest.mark.parametrize(
    ("language", "system"),
    [("en", "C"), ("en", "en_US"), ("de", "C"), ("de", "de_CH"), ("de", "en_IE")],
)
def test_texts_formatted_ahead_are_the_window_s_own(
    studio: GuiStudio, client_session: SignedIn, language: str, system: str
) -> None:
    """What the child formats equals what babel gives the window for the same language
    and system locale, under the names the window's calls look them up by."""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain import vocabulary
    from podyx_desktop.domain.languages import USUAL_LOCALE
    from podyx_desktop.gui.early_reads import format_ahead
    from podyx_desktop.models.display import DisplayFormat
    from podyx_desktop.services import Services

    db = Database(studio.url)
    try:
        services = Services(db)
        info = services.catalogue.studio(client_session.principal)
        lists = tuple(
            services.bookings.list_for_client(
                client_session.principal, client_session.account.id, upcoming=upcoming
            )
            for upcoming in (True, False)
        )
    finally:
        db.dispose()
    assert lists[0], "the client has an upcoming session"
    ahead = format_ahead(info, (lists[0], lists[1]), language, system)
    locale = vocabulary.window_locale(info.locale, language, system, USUAL_LOCALE[language])
    display = DisplayFormat(info.time_zone, locale, info.currency)
    for booking in lists[0] + lists[1]:
        when = ("day_time_range", booking.starts_at, booking.ends_at, str(display.zone), locale)
        assert ahead[when] == display.time_range(booking.starts_at, booking.ends_at)
        price = ("money", booking.price_minor, booking.currency, locale)
        assert ahead[price] == display.money(booking.price_minor, booking.currency)


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"LANG": "C.UTF-8"},
        {"LANG": "de_CH.UTF-8@euro"},
        {"LANG": "de_DE.UTF-8", "LC_ALL": "fr_FR.UTF-8"},
        {"LANG": "en_US.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"},
        {"LANG": "en_US.UTF-8", "LC_NUMERIC": "de_DE.UTF-8"},
        {"LANG": "POSIX"},
        {"LANG": "en_GB.UTF-8", "LANGUAGE": "en_GB:en"},
    ],
)
def test_the_child_tells_the_system_locale_as_qt_does(env: dict[str, str], tmp_path: Path) -> None:
    from podyx_desktop.gui.early_reads import system_locale_name

    code = "from PySide6.QtCore import QLocale\nprint('QT', QLocale.system().name())"
    assert system_locale_name(env) == run(code, tmp_path, env)["QT"]


def test_the_child_does_not_guess_a_locale_qt_picks_from_another_language() -> None:
    from podyx_desktop.gui.early_reads import system_locale_name

    # Qt takes a locale of LANGUAGE's first language; which one is not told here.
    assert system_locale_name({"LANG": "en_US.UTF-8", "LANGUAGE": "de:en"}) is None
