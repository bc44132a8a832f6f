"""``podyx-desktop``: the early reads first (:mod:`podyx_desktop.gui.early`), then the app
(:func:`podyx_desktop.gui.app.main`).

This module imports no Qt: the early reads fork the process before Qt is loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; returns the process exit code."""
    args = list(sys.argv if argv is None else argv)
    import gc

    # No collections while the modules load (they make long-lived objects, no garbage):
    # the start-up task switches the collector back on (gui.launch.pause_collector).
    gc.disable()
    from podyx_desktop.gui.early import fork_possible, start_early_reads

    if fork_possible():
        _import_shared()
    early = start_early_reads(lambda: _read_early(args[1:]))
    from podyx_desktop.gui.app import main as run_app

    return run_app(args, early=early)


def _import_shared() -> None:
    """Import, before the fork, the modules both processes load next: the early reads'
    child for its reads and its result, this process for its start-up (and PySide6's
    support code, which loads ``shutil`` and ``tempfile``, as keyring's ``jaraco.context``
    does in the child). Loaded once, they cost the child nothing: it ends sooner and takes
    less of the machine from this process while Qt loads (bench/startup.py)."""
    import pickle  # noqa: F401
    import shutil  # noqa: F401
    import tempfile  # noqa: F401

    import podyx_desktop.db.urls
    import podyx_desktop.domain.languages
    import podyx_desktop.domain.records
    import podyx_desktop.gui.launch  # noqa: F401


def _read_early(args: list[str]) -> object:
    """In the early reads' child: their modules load there, not here."""
    from podyx_desktop.gui.early_reads import read_early

    return read_early(args)
