"""The keyring of bench/startup.py's app processes: the token comes from the environment.

The app reaches it through keyring's own ``PYTHON_KEYRING_BACKEND`` switch, so the bench
never touches the real keyring and writes no token anywhere. A module of its own, with no
imports beyond keyring: the app imports it while it starts, inside the time measured.
"""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend

TOKEN_VARIABLE = "PODYX_BENCH_TOKEN"


class BenchKeyring(KeyringBackend):
    """Hands out the session token of ``PODYX_BENCH_TOKEN``; keeps nothing."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get(TOKEN_VARIABLE)

    def set_password(self, service: str, username: str, password: str) -> None:
        pass  # the bench's session is handed in; nothing is kept

    def delete_password(self, service: str, username: str) -> None:
        pass
