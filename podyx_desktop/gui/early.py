"""The start-up reads, made in a second process while this one loads Qt (Linux).

Until the first window paints, the desktop app spends its time loading: the interpreter,
Qt (about half of it), then its own views. The reads that window needs — the
configuration, the remembered sign-in from the OS keyring (the keyring's modules and its
D-Bus calls), the studio and the signed-in person's first bookings
(:func:`~podyx_desktop.gui.launch.read_quickly`) — need neither Qt nor the views, but
Python runs one thread at a time, so in one process they wait for each other.

So :func:`start_early_reads`, the first thing ``podyx-desktop`` does
(:mod:`podyx_desktop.gui.start`, with :func:`~podyx_desktop.gui.early_reads.read_early`),
forks the process: before Qt is loaded, while it has one thread and nothing of Qt's in
memory, which is when a fork is safe. The child makes those reads on the machine's other core
while the parent loads Qt and the views; it sends what it found through a pipe, pickled
(the two processes are the same program; nothing else can write to that pipe), and exits.
The start-up task takes it (:meth:`EarlyReads.take`, through ``Configured.quick_open``).
The child reads only when the window will open on those reads (a sign-in is remembered;
``early_reads.early_reads_wanted``): else the sign-in screen paints first, and a child at
work meanwhile would slow that paint down. When the child sent nothing usable — nobody is
remembered, the configuration has a problem, the database needs the full start-up path,
the child failed — the task makes the reads itself and reports what it finds in words,
as it always did. Windows and macOS do not fork: there the task makes the reads.

The child writes nothing but the pipe (its standard output and error go to the null
device); what it logs comes back with its result and the parent logs it. The remembered
token it read goes only to the parent. ``PODYX_EARLY_READS=0`` switches this off.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from typing import NamedTuple, NoReturn

SWITCH = "PODYX_EARLY_READS"
RESULT_LIMIT = 64 * 1024 * 1024  # far above any result (a few hundred bookings); a guard


class LoggedRecord(NamedTuple):
    """A record the child logged, for the parent's log."""

    name: str
    level: int
    text: str


class Sent(NamedTuple):
    """What the child sends: what ``reads()`` returned, and what it logged meanwhile."""

    found: object
    logged: tuple[LoggedRecord, ...]


def fork_possible() -> bool:
    """Whether :func:`start_early_reads` forks: on Linux, not switched off, and while a
    fork is safe: Qt is not loaded yet and the process runs one thread."""
    if not sys.platform.startswith("linux") or os.environ.get(SWITCH) == "0":
        return False
    threading = sys.modules.get("threading")
    return "PySide6.QtCore" not in sys.modules and not (threading and threading.active_count() > 1)


def start_early_reads(reads: Callable[[], object]) -> EarlyReads | None:
    """Fork a child that runs ``reads()`` and sends back what it returns (it must need no
    Qt); None where nothing is forked (:func:`fork_possible`)."""
    if not fork_possible():
        return None
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        os.close(read_end)
        _child(reads, write_end)
    os.close(write_end)
    return EarlyReads(pid, read_end)


class EarlyReads:
    """The parent's end: the child's process id and the pipe's reading end. The worker
    takes the result while the GUI thread may close it (the app quits): each end is
    handed over once, under a lock."""

    def __init__(self, pid: int, fd: int) -> None:
        import threading

        self._lock = threading.Lock()
        self._pid: int | None = pid
        self._fd: int | None = fd

    def _hand_over(self, *, pid: bool) -> tuple[int | None, int | None]:
        """The pipe's end (and, if ``pid``, the child's id), which no one else gets."""
        with self._lock:
            fd, self._fd = self._fd, None
            child = None
            if pid:
                child, self._pid = self._pid, None
            return fd, child

    def take(self) -> object | None:
        """Wait for what the child's ``reads()`` returned (on the worker: reading the pipe
        lets the other threads run); None when it failed. Once only."""
        fd, _none = self._hand_over(pid=False)
        if fd is None:
            return None
        chunks: list[bytes] = []
        size = 0
        try:
            while size <= RESULT_LIMIT:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(fd)
        if not self._reap(kill=size > RESULT_LIMIT) or not chunks or size > RESULT_LIMIT:
            return None
        import pickle

        try:
            sent = pickle.loads(b"".join(chunks))
        except Exception:
            logging.getLogger(__name__).warning("The early reads sent back nothing usable")
            return None
        if not isinstance(sent, Sent):
            return None
        for record in sent.logged:
            logging.getLogger(record.name).log(record.level, "%s", record.text)
        return sent.found

    def close(self) -> None:
        """Stop the child if it still runs, and forget its result (a ``take`` under way
        then sees the pipe end and gets None)."""
        fd, pid = self._hand_over(pid=True)
        if fd is not None:
            os.close(fd)
        self._end(pid, kill=True)

    def _reap(self, *, kill: bool) -> bool:
        _fd, pid = self._hand_over(pid=True)
        return self._end(pid, kill=kill)

    @staticmethod
    def _end(pid: int | None, *, kill: bool) -> bool:
        """Wait for the child's end (stopping it first if ``kill``); whether it ended
        well."""
        if pid is None:
            return False
        if kill:
            import signal

            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        try:
            _pid, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return False
        return os.waitstatus_to_exitcode(status) == 0


class _Kept(logging.Handler):
    """The child's log records, kept to send to the parent."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.kept: list[LoggedRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.kept.append(LoggedRecord(record.name, record.levelno, text))


def _child(reads: Callable[[], object], fd: int) -> NoReturn:
    """The early reader: read, send, exit (never returns; never runs the parent's exit
    handlers or flushes its buffers)."""
    code = 1
    try:
        import gc

        gc.disable()  # a short life: nothing to collect
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)  # the standard output and error, Python's and C libraries'
        os.dup2(quiet, 2)
        kept = _Kept()
        logging.getLogger().addHandler(kept)
        package = logging.getLogger("podyx_desktop")
        if package.getEffectiveLevel() > logging.INFO:
            package.setLevel(logging.INFO)  # as the parent's start_logging
        import pickle

        sent = Sent(reads(), tuple(kept.kept))
        payload = pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(payload)
        code = 0
    except BaseException:
        code = 1
    finally:
        os._exit(code)
