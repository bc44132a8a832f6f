"""The system's keyring without keyring's search (podyx_desktop/os_keyring.py), against a
real Secret Service (GNOME Keyring on a private D-Bus, tests/secret_service.py).

Each case runs in a fresh interpreter: keyring chooses its backend once per process."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from podyx_desktop.os_keyring import system_backend_name
from tests.conftest import run_python

ROOT = Path(__file__).resolve().parents[1]
URL = "sqlite:////studios/podyx.sqlite3"

# What the app does at start-up with a remembered sign-in, then what it used.
STORE = """
import sys
from podyx_desktop.gui.session_store import SessionStore
store = SessionStore({url!r})
{action}
import keyring
print("BACKEND", type(keyring.get_keyring()).__module__ + "." + type(keyring.get_keyring()).__name__)
searched = [m for m in ("keyring.backends.macOS", "keyring.backends.kwallet", "keyring.backends.libsecret") if m in sys.modules]
print("SEARCHED", ",".join(searched) or "-")
"""
SAVE = 'assert store.save("token-1"), store.problem'
LOAD = 'print("LOADED", store.load())'
AVAILABLE = 'print("AVAILABLE", store.available(), store.problem is not None)'
# The token read back with keyring's own loading of the Secret Service backend: it is
# really in the desktop's keyring, where other programs and a later start find it.
DIRECT = """
import keyring
from podyx_desktop.gui.session_store import SERVICE_NAME, account_key
print("DIRECT", keyring.get_password(SERVICE_NAME, account_key({url!r})))
"""


def run(code: str, tmp_path: Path, **env: str) -> dict[str, str]:
    """Run ``code`` in a fresh interpreter; its ``NAME value`` lines."""
    return run_python(code, tmp_path, env)


def test_a_remembered_sign_in_goes_to_the_desktops_keyring_without_a_search(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    saved = run(STORE.format(url=URL, action=SAVE), tmp_path, **secret_service)
    assert saved["BACKEND"] == "keyring.backends.SecretService.Keyring"
    assert saved["SEARCHED"] == "-"  # no other backend was imported and asked

    loaded = run(STORE.format(url=URL, action=LOAD), tmp_path, **secret_service)
    assert loaded["LOADED"] == "token-1"
    assert loaded["SEARCHED"] == "-"

    direct = run(
        DIRECT.format(url=URL),
        tmp_path,
        PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring",
        **secret_service,
    )
    assert direct["DIRECT"] == "token-1"


def test_a_backend_the_user_configured_wins_over_the_desktops(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    by_variable = run(
        STORE.format(url=URL, action=LOAD),
        tmp_path,
        PYTHON_KEYRING_BACKEND="bench.keyring_backend.MemoryKeyring",
        **secret_service,
    )
    assert by_variable["BACKEND"] == "bench.keyring_backend.MemoryKeyring"
    assert by_variable["LOADED"] == "None"

    config = tmp_path / "config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=bench.keyring_backend.MemoryKeyring\n", encoding="utf-8"
    )
    by_file = run(STORE.format(url=URL, action=LOAD), tmp_path, **secret_service)
    assert by_file["BACKEND"] == "bench.keyring_backend.MemoryKeyring"


def test_a_backend_the_program_set_is_kept(secret_service: dict[str, str], tmp_path: Path) -> None:
    code = STORE.format(
        url=URL,
        action="import keyring\nfrom bench.keyring_backend import MemoryKeyring\n"
        "keyring.set_keyring(MemoryKeyring())\n" + SAVE + "\n" + LOAD,
    )
    kept = run(code, tmp_path, **secret_service)
    assert kept["BACKEND"] == "bench.keyring_backend.MemoryKeyring"
    assert kept["LOADED"] == "token-1"


def test_without_a_secret_service_keyring_searches_and_the_app_says_it_cannot_remember(
    tmp_path: Path,
) -> None:
    gone = f"unix:path={tmp_path / 'no-bus'}"  # a session bus that is not there
    result = run(STORE.format(url=URL, action=AVAILABLE), tmp_path, DBUS_SESSION_BUS_ADDRESS=gone)
    assert result["AVAILABLE"] == "False True"  # not available, and the problem in words
    assert result["SEARCHED"] != "-"  # keyring looked for any other backend, as before


@pytest.mark.parametrize(
    ("platform", "backend"),
    [
        ("win32", "keyring.backends.Windows.WinVaultKeyring"),
        ("darwin", "keyring.backends.macOS.Keyring"),
        ("linux", "keyring.backends.SecretService.Keyring"),
        ("freebsd14", "keyring.backends.SecretService.Keyring"),
    ],
)
def test_each_system_has_its_own_keyring_and_the_installed_keyring_has_that_backend(
    platform: str, backend: str
) -> None:
    assert system_backend_name(platform) == backend
    module, _, name = backend.rpartition(".")
    # a keyring release that renamed it would make the app search again on that system
    assert isinstance(getattr(importlib.import_module(module), name), type)
