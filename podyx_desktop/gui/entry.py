"""The desktop process's own set-up before its first window: the command line, logging
(the console, and the log file) and the style sheet (:func:`podyx_desktop.gui.app.main`);
and the markers the benches time it by (:func:`bench_marker`)."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from podyx_desktop import __version__, resources
from podyx_desktop.gui.launch import Flags, parse_args
from podyx_desktop.views.common import palette

BENCH_MARKERS = "PODYX_BENCH_MARKERS"
BENCH_EXIT_AFTER = "PODYX_BENCH_EXIT_AFTER"
ORGANIZATION = "Podyx"
APPLICATION = "Podyx Desktop"


def bench_marker(name: str) -> None:
    """Print ``PODYX_MARKER <name> <wall clock> <CPU ms>`` for the benches. The CPU time
    is this process's (every thread) and its ended children's: the early reads' process
    (:mod:`podyx_desktop.gui.early`) counts once the start-up task has taken its result.

    ``PODYX_BENCH_EXIT_AFTER=<name>`` also quits the app right after that marker.
    """
    if os.environ.get(BENCH_MARKERS) != "1":
        return
    cpu = time.process_time()
    if sys.platform != "win32":
        import resource

        ended = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu += ended.ru_utime + ended.ru_stime
    print(f"PODYX_MARKER {name} {time.time():.6f} {cpu * 1000:.1f}", flush=True)
    if os.environ.get(BENCH_EXIT_AFTER) == name:
        QTimer.singleShot(0, QCoreApplication.quit)


LOGS_OPEN_AFTER_MS = 1000  # after the first window has painted, as a rule
EARLY_LIMIT = 5000  # records kept before the log opens (a start-up logs a few dozen)
_CONSOLE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class EarlyRecords(logging.Handler):
    """Keeps what is logged before the console and the log file are set up:
    :func:`start_logging` defers their machinery (``logging.handlers``, platformdirs, the
    redaction patterns: ~6 ms of start-up) until after the first window has painted, and
    :func:`open_logs` hands these records on to them, in order."""

    def __init__(self, console_level: str) -> None:
        super().__init__(logging.DEBUG)
        self.console_level = console_level
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < EARLY_LIMIT:
            self.records.append(record)


def start_logging(level: str | None) -> None:
    """Keep what is logged from now on; :func:`open_logs` writes it to the console at
    ``level`` (WARNING unless asked) and to the log file at INFO."""
    root = logging.getLogger()
    console = (level or "WARNING").upper()
    if console not in logging.getLevelNamesMapping():
        console = "WARNING"  # the configuration reports a bad level in words later
    root.addHandler(EarlyRecords(console))
    package = logging.getLogger("podyx_desktop")
    if package.getEffectiveLevel() > logging.INFO:
        package.setLevel(logging.INFO)  # the file wants INFO; the console keeps its level
    logging.getLogger(__name__).info(
        "Podyx Desktop %s starting (Python %s, Qt %s)",
        __version__,
        sys.version.split()[0],
        qVersion(),
    )


def open_logs() -> None:
    """The console and ``podyx-desktop.log`` (see :mod:`podyx_desktop.log_files`), with
    what was logged before: a task on the worker soon after the start
    (:data:`LOGS_OPEN_AFTER_MS`), and at the latest when the app ends. Calling it again
    does nothing."""
    root = logging.getLogger()
    early = next((h for h in root.handlers if isinstance(h, EarlyRecords)), None)
    if early is None:
        return
    from podyx_desktop.log_files import console_handler, start_log_file

    before = set(root.handlers)
    if before == {early}:  # no console set up by whoever runs us: ours
        root.addHandler(console_handler(early.console_level, _CONSOLE_FORMAT))
    path = start_log_file("podyx-desktop")
    added = [handler for handler in root.handlers if handler not in before]
    root.removeHandler(early)
    for record in early.records:  # the handlers already there saw them as they came
        for handler in added:
            if record.levelno >= handler.level:
                handler.handle(record)
    logging.getLogger(__name__).info("Log file %s", path)


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


def set_up_process(args: list[str]) -> tuple[QApplication, Flags]:
    """The command line, logging (kept until :func:`open_logs`), the application object
    with its names and icon, and the style sheet."""
    flags = parse_args(args[1:])  # argparse only when there are flags
    start_logging(flags.log_level)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(args)
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("podyx-desktop")  # the .desktop entry the installers ship
    app.setWindowIcon(QIcon(str(resources.path("icons", "podyx-desktop.svg"))))
    load_stylesheet(app)
    return app, flags


def open_logs_soon(app: QApplication, run_plain: Callable[[Callable[[], None]], object]) -> None:
    """:func:`open_logs` as a task (``run_plain``) :data:`LOGS_OPEN_AFTER_MS` after the
    start, or when the app ends if that comes first."""
    app.aboutToQuit.connect(open_logs)  # after the worker has stopped: on the GUI thread
    QTimer.singleShot(LOGS_OPEN_AFTER_MS, app, lambda: run_plain(open_logs))
