"""A private Secret Service, as a Linux desktop has one, for tests and benches.

A D-Bus session bus of its own and GNOME Keyring's daemon on it, unlocked with a
throwaway password, everything in a temporary folder: nothing of the user's own keyring
is read or written. Processes given :attr:`PrivateSecretService.env` reach it as they would
reach a desktop's keyring (``keyring.backends.SecretService``).

Needs ``dbus-daemon``, ``dbus-send`` and ``gnome-keyring-daemon`` (Debian: dbus-daemon,
dbus-bin, gnome-keyring; ``scripts/ensure_postgres.sh`` installs them). Used by tests/test_os_keyring.py and by
``bench/startup.py``, which reads the remembered sign-in from it; and by
``installer/smoke.sh`` as ``python3 -m tests.secret_service COMMAND [ARG...]``, which runs
``COMMAND`` with one (standard library only, so any Python 3 runs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

PROGRAMS = ("dbus-daemon", "dbus-send", "gnome-keyring-daemon")  # dbus-send: is it ready?
SERVICE = "org.freedesktop.secrets"
READY_WITHIN_S = 10.0


def missing_programs() -> list[str]:
    """The programs this machine lacks for a private Secret Service."""
    return [name for name in PROGRAMS if shutil.which(name) is None]


class PrivateSecretService:
    """``with PrivateSecretService(folder) as service:`` — ``service.env`` holds the
    variables that lead a process to it (merge them into a child's environment)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env: dict[str, str] = {}
        self._bus: subprocess.Popen[str] | None = None
        self._keyring: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> PrivateSecretService:
        try:
            self.start()
        except BaseException:
            self.stop()  # a daemon already started does not outlive a failed start
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        missing = missing_programs()
        if missing:
            raise RuntimeError(f"a private Secret Service needs {', '.join(missing)}")
        runtime = self.folder / "runtime"
        data = self.folder / "data"
        for folder in (runtime, data):
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o700)
        self._bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self._bus.stdout is not None
        address = self._bus.stdout.readline().strip()
        if not address:
            self.stop()
            raise RuntimeError("dbus-daemon did not start")
        self.env = {
            "DBUS_SESSION_BUS_ADDRESS": address,
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_DATA_HOME": str(data),  # the daemon keeps its keyrings in data/keyrings
        }
        self._keyring = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            env={**os.environ, **self.env},
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert self._keyring.stdin is not None
        self._keyring.stdin.write(b"throwaway")  # unlocks (or creates) the login keyring
        self._keyring.stdin.close()
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        ask = [
            "dbus-send",
            f"--bus={self.env['DBUS_SESSION_BUS_ADDRESS']}",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            f"string:{SERVICE}",
        ]
        deadline = time.monotonic() + READY_WITHIN_S
        while time.monotonic() < deadline:
            answer = subprocess.run(ask, capture_output=True, text=True)
            if "boolean true" in answer.stdout:
                return
            if self._keyring is not None and self._keyring.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("gnome-keyring-daemon did not take the Secret Service's name")

    def stop(self) -> None:
        for process in (self._keyring, self._bus):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if self._bus is not None and self._bus.stdout is not None:
            self._bus.stdout.close()
        self._keyring = self._bus = None


def main(argv: list[str]) -> int:
    """Run the command ``argv`` with a private Secret Service; its exit status."""
    if not argv:
        print("usage: python3 -m tests.secret_service COMMAND [ARG...]", file=sys.stderr)
        return 2
    with (
        tempfile.TemporaryDirectory(prefix="secret-service-") as folder,
        PrivateSecretService(Path(folder)) as service,
    ):
        return subprocess.run(argv, env={**os.environ, **service.env}).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
