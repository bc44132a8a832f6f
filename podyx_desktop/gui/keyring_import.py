"""Import keyring without the modules it imports for a helper it never calls.

``keyring.backend`` imports ``jaraco.context`` for one exception trap and
``jaraco.functools`` for one decorator. ``jaraco.context`` imports ``urllib.request`` (with
``http.client``, ``email`` and ``ssl``), ``tarfile`` and ``subprocess`` at
its top for helpers keyring does not call (download and unpack, run a command);
``jaraco.functools`` imports ``more_itertools`` for one function's body; ``keyring.compat``
imports the ``importlib_metadata`` backport, used only when keyring searches its plugins
(no backend configured). On the start-up path, where the remembered sign-in is read, that
was ~24 ms of the ~27 ms keyring took to import.

:func:`import_keyring` puts a stand-in for each of those modules in ``sys.modules`` while
keyring is imported. A stand-in is a module object whose first attribute lookup imports
the real module, replaces itself in ``sys.modules`` (and on its package) and answers from
it: code that does use them (``urllib.request.urlopen``, ``metadata.entry_points``) gets
the real thing, a few milliseconds later. Modules already imported are left alone.
"""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType
from typing import Any

DEFERRED = (
    "urllib.request",
    "tarfile",
    "backports.tarfile",
    "subprocess",
    "more_itertools",
    "importlib_metadata",
)
_lock = threading.Lock()


class Deferred(ModuleType):
    """Stands in for a module until something reads one of its attributes."""

    def __getattr__(self, attribute: str) -> Any:
        return getattr(load_real(self.__name__), attribute)


def load_real(name: str) -> ModuleType:
    """The real module ``name`` in place of its stand-in (imported now if need be)."""
    with _lock:
        present = sys.modules.get(name)
        if isinstance(present, Deferred):
            del sys.modules[name]  # the import below loads the real one and sets the package's
    return importlib.import_module(name)


def import_keyring() -> ModuleType:
    """``keyring``, imported with :data:`DEFERRED` stood in for (cheap when imported)."""
    if "keyring.core" in sys.modules:
        import keyring

        return keyring
    with _lock:
        for name in DEFERRED:
            if name in sys.modules:
                continue
            package, _, child = name.rpartition(".")
            if package:  # ``urllib.request.x`` reads the package's attribute: set it too
                try:
                    parent = importlib.import_module(package)
                except ImportError:
                    continue
                if hasattr(parent, child):
                    continue
            stand_in = sys.modules[name] = Deferred(name)
            if package:
                setattr(parent, child, stand_in)
    import keyring

    return keyring
