"""Remember a signed-in session across restarts, in the operating system's keyring only.

The remembered secret is the revocable session token the services hand out (never the
password). Where no keyring backend works, the store says so once, in words the UI shows,
and carries on without remembering: the token is never written to a file.

``keyring`` is imported on first use; call these methods from the task worker, since a
keyring (D-Bus Secret Service, macOS Keychain…) can take a while to answer. The store
works without Qt (the early reads, :mod:`podyx_desktop.gui.early`, use it before Qt is
loaded); only the problem's words come through Qt's translations.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import quote, unquote, urlsplit, urlunsplit

log = logging.getLogger(__name__)

SERVICE_NAME = "Podyx Desktop"


def account_key(database_url: str) -> str:
    """The keyring user name for sessions on this database (tokens are per database).

    The same for every spelling of one database's URL: with or without a driver or a
    password, ``postgres://`` or ``postgresql://``, the user name quoted or not.
    """
    parts = urlsplit(database_url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    if parts.username:
        host = f"{quote(unquote(parts.username), safe='')}@{host}"
    scheme = parts.scheme.split("+")[0]
    if scheme == "postgres":
        scheme = "postgresql"
    return "session:" + urlunsplit((scheme, host, parts.path, "", ""))


def no_keyring_message() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "SessionStore",
        "This computer has no working password keyring, so Podyx cannot remember your "
        "sign-in. You will need to sign in each time.",
    )


class SessionStore:
    """Load, save and forget the remembered session token of one database."""

    def __init__(self, database_url: str) -> None:
        self._key = account_key(database_url)
        self._lock = threading.Lock()
        self._problem = False
        self._reported = False

    @property
    def key(self) -> str:
        return self._key

    @property
    def problem(self) -> str | None:
        """Why nothing can be remembered, in words; None while the keyring works."""
        return no_keyring_message() if self._problem else None

    @property
    def has_problem(self) -> bool:
        """Whether the keyring failed (:attr:`problem` without its words, and without Qt)."""
        return self._problem

    def take_problem_report(self) -> str | None:
        """The problem the first time it is asked for, None afterwards (report it once)."""
        with self._lock:
            if not self._problem or self._reported:
                return None
            self._reported = True
        return no_keyring_message()

    def available(self) -> bool:
        """Whether a real keyring backend is there; records the problem when not."""
        from podyx_desktop.gui.keyring_import import import_keyring

        keyring = import_keyring()  # without the modules keyring never uses (~20 ms)
        from keyring.backends import fail

        from podyx_desktop.os_keyring import use_system_keyring

        use_system_keyring()  # the system's keyring without keyring's search (~40 ms)

        try:
            backend = keyring.get_keyring()
        except Exception:
            log.warning("No keyring backend could be loaded", exc_info=True)
            self.note_problem()
            return False
        if isinstance(backend, fail.Keyring) or _is_empty_chain(backend):
            self.note_problem()
            return False
        return True

    def load(self) -> str | None:
        if not self.available():
            return None
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(SERVICE_NAME, self._key)
        except KeyringError:
            log.warning("Could not read the remembered sign-in from the keyring", exc_info=True)
            self.note_problem()
            return None

    def save(self, token: str) -> bool:
        """Remember ``token``; False (with :attr:`problem` set) when it cannot be kept."""
        if not self.available():
            return False
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE_NAME, self._key, token)
        except KeyringError:
            log.warning("Could not save the sign-in in the keyring", exc_info=True)
            self.note_problem()
            return False
        return True

    def clear(self) -> None:
        """Forget the remembered token (nothing happens when there is none)."""
        if not self.available():
            return
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(SERVICE_NAME, self._key)
        except PasswordDeleteError:
            pass  # nothing was remembered
        except KeyringError:
            log.warning("Could not remove the sign-in from the keyring", exc_info=True)

    def note_problem(self, *, logged: bool = False) -> None:
        """Record that the keyring does not work: found here, or by the early reads
        (``logged``: they logged it already)."""
        with self._lock:
            if not self._problem and not logged:
                log.warning("No usable keyring: sign-ins will not be remembered")
            self._problem = True


def _is_empty_chain(backend: object) -> bool:
    from keyring.backends import chainer

    return isinstance(backend, chainer.ChainerBackend) and not backend.backends
