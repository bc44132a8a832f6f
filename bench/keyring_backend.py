"""Keyrings for the benches and scripts, so they never touch the real one.

:class:`BenchKeyring` serves bench/startup.py's app processes, which reach it through
keyring's own ``PYTHON_KEYRING_BACKEND`` switch: the token comes from the environment and
nothing is written anywhere. :class:`MemoryKeyring` keeps passwords in a dictionary for
in-process runs (bench/gui_lag.py, scripts/screenshots.py). A module of its own, with no
imports beyond keyring: the app imports it while it starts, inside the time measured.
"""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

TOKEN_VARIABLE = "PODYX_BENCH_TOKEN"


class BenchKeyring(KeyringBackend):
    """Hands out the session token of ``PODYX_BENCH_TOKEN``; keeps nothing."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get(TOKEN_VARIABLE) or None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass  # the bench's session is handed in; nothing is kept

    def delete_password(self, service: str, username: str) -> None:
        pass


class MemoryKeyring(KeyringBackend):
    """Keeps passwords in a dictionary, for as long as the process runs."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")
