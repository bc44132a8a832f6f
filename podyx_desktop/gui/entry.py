"""The desktop process's own set-up before its first window: the command line, logging
(the console, and the log file) and the style sheet (:func:`podyx_desktop.gui.app.main`)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from podyx_desktop import __version__, resources
from podyx_desktop.gui.launch import Flags
from podyx_desktop.views.common import palette

APPLICATION = "Podyx Desktop"


def parse_args(argv: Sequence[str]) -> Flags:
    import argparse

    parser = argparse.ArgumentParser(prog="podyx-desktop", description=APPLICATION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database", metavar="URL", help="the database to open")
    parser.add_argument("--log-level", metavar="LEVEL", help="DEBUG, INFO, WARNING or ERROR")
    known, _qt_args = parser.parse_known_args(list(argv))
    return Flags(known.database, known.log_level)


def start_logging(level: str | None) -> None:
    """The console at ``level`` (WARNING unless asked), and the log file at INFO."""
    from podyx_desktop.log_files import console_handler, start_log_file

    root = logging.getLogger()
    if not root.handlers:
        console = (level or "WARNING").upper()
        if console not in logging.getLevelNamesMapping():
            console = "WARNING"  # the configuration reports a bad level in words later
        root.addHandler(console_handler(console, "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    path = start_log_file("podyx-desktop")
    logging.getLogger(__name__).info(
        "Podyx Desktop %s starting (Python %s, Qt %s); log file %s",
        __version__,
        sys.version.split()[0],
        qVersion(),
        path,
    )


def load_stylesheet(app: QApplication) -> None:
    """The style sheet and palette in the system's light or dark scheme, following it."""
    stylesheet = resources.path("styles", "app.qss")
    if stylesheet.exists():
        icons = resources.path("icons").as_posix()
        palette.install(app, stylesheet.read_text(encoding="utf-8"), icons)
    else:
        logging.getLogger(__name__).warning(
            "The stylesheet is missing from %s; reinstall Podyx Desktop.", stylesheet
        )
