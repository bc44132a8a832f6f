"""Make imports after PySide6 cheap again: PySide6 reads the source of every new module.

PySide6 replaces ``builtins.__import__`` to support its opt-in ``from __feature__ import
snake_case, true_property``. As a side effect, after every import it decides whether the
new module "uses PySide" by reading the module's whole source file
(``inspect.getsource``) and searching it for the word ``PySide6``. The answer is the
module's default feature selection: 0 (no feature) for modules that use PySide, -1
("ignore this module") for the rest. On the desktop app's start-up path that is about 300
modules (SQLAlchemy, the services, the views), read after the sign-in window shows and
before the Bookings tab can: roughly 90 ms of opening and decoding files for nothing
(the same cost is reported in napari/napari#8584).

:func:`skip_source_scan` gives the same answer from the module's globals instead: a
module uses PySide when it holds a PySide6 module or a class defined by PySide6 (every
``from PySide6… import`` leaves one). No file is read. Nothing else changes:
``from __feature__ import …`` still works, since that import sets the module's selection
itself. If a PySide6 release no longer has the hook, this does nothing.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook and its feature module)

FEATURE_MODULE = "PySide6.support.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module`` imported anything from PySide6, judged by its globals."""
    for value in list(getattr(module, "__dict__", {}).values()):
        if isinstance(value, ModuleType):
            name = value.__name__
        elif isinstance(value, type):
            name = value.__module__
        else:
            continue
        if isinstance(name, str) and name.startswith(("PySide6", "shiboken6")):
            return True
    return False


def skip_source_scan() -> bool:
    """Replace PySide6's source-reading check with :func:`uses_pyside`; True if done."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010  (a private hook)
    return True


skip_source_scan()
