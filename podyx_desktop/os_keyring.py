"""The operating system's keyring, found without keyring's search of every backend.

With nothing configured, ``keyring`` finds its backend by importing every one it knows
(through the entry points in every installed package's metadata), asking each whether it
works and combining those that do. With GNOME Keyring that search cost ~40 ms of every
start with a remembered sign-in, before the token could be read (bench/startup.py, the
old and the new code interleaved): the macOS backend alone looks for its framework with
``ctypes.util.find_library``, which runs ``ldconfig``.

:func:`use_system_keyring` picks what that search picks where the system's keyring is the
one backend that works (the usual case), without the search, in keyring's own order:

1. a backend the program already set (``keyring.set_keyring``: the tests) is kept;
2. a backend the user configured, with ``PYTHON_KEYRING_BACKEND`` or ``keyringrc.cfg``, is
   left to keyring, which reads those first and then does not search;
3. else the operating system's own store, when it answers: the Windows Credential
   Locker, the macOS Keychain, or the Secret Service of Linux desktops (GNOME Keyring,
   KWallet 5.97 and later, KeePassXC);
4. else keyring searches as it always did: another backend installed as a plugin, or
   none, and then the app says that it cannot remember sign-ins.

Call it before the first use of ``keyring`` in a process (it is cheap after the first
call). It may talk to the keyring service, so not on the GUI thread.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

SYSTEM_BACKENDS = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
}
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"  # Linux and the other Unixes

_lock = threading.Lock()
_done = False


def system_backend_name(platform: str = sys.platform) -> str:
    """The dotted name of the operating system's own keyring backend."""
    return SYSTEM_BACKENDS.get(platform, SECRET_SERVICE)


def user_configured() -> bool:
    """Whether the user chose a backend for keyring (its environment variable or its
    configuration file), which keyring then loads without searching."""
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    from keyring.util import platform_

    return (platform_.config_root() / "keyringrc.cfg").is_file()


def use_system_keyring() -> None:
    """Give keyring its backend as the module's docstring says (once per process)."""
    global _done
    with _lock:
        if _done:
            return
        _done = True
        import keyring.core

        # keyring has no public "is a backend set?"; a backend set by the program (tests,
        # scripts) is kept, and without the attribute keyring simply searches as before
        if getattr(keyring.core, "_keyring_backend", None) is not None or user_configured():
            return
        name = system_backend_name()
        try:
            backend = keyring.core.load_keyring(name)  # raises when it does not answer
        except Exception as error:  # a missing service raises anything (D-Bus, COM…)
            log.info("The system keyring (%s) is not available (%s); searching", name, error)
            return
        keyring.core.set_keyring(backend)
