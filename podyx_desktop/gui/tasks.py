"""Run service calls off the GUI thread, one at a time, and deliver results back on it.

A :class:`TaskRunner` owns one serial worker thread. The first task that needs the
:class:`~podyx_desktop.services.Services` builds them there (so SQLAlchemy and friends are
imported after the first window has painted); every such task gets that instance. A task
run with :meth:`TaskRunner.run_plain` needs none and builds none: the app's start-up reads
run that way, before SQLAlchemy is imported at all. Results and errors
come back through queued signals, so callbacks always run on the GUI thread, one result
per turn of the event loop (painting and input go between two callbacks). A
:class:`~podyx_desktop.domain.errors.PodyxError` becomes its ``message``; anything else is
logged with its traceback and becomes a one-line sentence that points to the log.
"""

from __future__ import annotations

import itertools
import logging
import queue
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal, Slot

from podyx_desktop.gui import collector

if TYPE_CHECKING:
    from podyx_desktop.services import Services

log = logging.getLogger(__name__)

T = TypeVar("T")
BUSY_DELAY_MS = 200
# How long a thread may hold the GIL while another waits for it. Every call Qt makes into
# Python while painting (each model data() call, each delegate) waits that long for a busy
# worker, and a paint makes hundreds: Python's default (5 ms) gave visible stalls while
# the worker imported SQLAlchemy after a quick start (bench/gui_lag.py judges it). 50 µs
# rather than 200: in 18 interleaved rounds of bench/gui_lag.py each, the worst stall at
# the first tab switches (the tabs' first loads running on the worker) was 51.6 ms
# against 70.1 ms, 2 rounds over 50 ms against 4. Since tabs are built in parts and paint
# with fewer calls into Python, 1 ms: handing the GIL over every 50 µs had doubled both
# threads' CPU time (the worker's in one session: 2.2 s against 1.0 s at 5 ms), and in 4
# interleaved rounds each the session's longest stall was 43–58 ms against 55–78 ms.
GIL_SWITCH_INTERVAL_S = 0.001
# The longest the worker waits, before its next task, for the GUI thread to finish a turn of
# heavy work and its paint (TaskRunner.gui_turn): a GUI thread busy for longer lets it go on.
GUI_TURN_MAX_S = 0.1
_GUI_TURN_OVER = QEvent.Type(QEvent.registerEventType())


def user_message(error: BaseException) -> str:
    """The sentence a user sees for ``error``: its own message, or a pointer to the log."""
    from podyx_desktop.domain.errors import PodyxError  # tiny modules, no heavy imports
    from podyx_desktop.domain.message import shown

    if isinstance(error, PodyxError):
        return shown(error.message)
    detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if not detail:
        detail = type(error).__name__
    return QCoreApplication.translate(
        "TaskRunner", "Something went wrong: {detail}. The details are in the log."
    ).format(detail=detail.rstrip("."))


class _Task(NamedTuple):
    id: int
    call: Callable[..., Any]
    on_success: Callable[[Any], None] | None
    on_error: Callable[[str], None] | None
    owner: QObject | None


class _Worker(QThread):
    """The one thread every task runs on, in the order the tasks were submitted."""

    finished_task = Signal(int, bool, object)  # task id, succeeded, result or message

    def __init__(self, services_factory: Callable[[], Services]) -> None:
        super().__init__()
        self.setObjectName("podyx-task-worker")
        self._factory = services_factory
        self._services: Services | None = None
        # (task id, call, whether the call takes the services, whether the next task waits
        # for its result's delivery), or None to stop
        self.queue: queue.Queue[tuple[int, Callable[..., Any], bool, bool] | None] = queue.Queue()
        # cleared while the GUI thread has a turn (TaskRunner.gui_turn): no task starts then
        self.gui_turn_over = threading.Event()
        self.gui_turn_over.set()

    def run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                break
            self.gui_turn_over.wait(GUI_TURN_MAX_S)
            task_id, call, takes_services, held = item
            try:
                if not takes_services:
                    result = call()
                else:
                    if self._services is None:
                        self._services = self._factory()
                    result = call(self._services)
            except BaseException as error:  # every failure goes back to the GUI as words
                from podyx_desktop.domain.errors import PodyxError

                if not isinstance(error, PodyxError):
                    log.exception("A background task failed")
                self._hold(held)
                self.finished_task.emit(task_id, False, user_message(error))
            else:
                self._hold(held)
                self.finished_task.emit(task_id, True, result)
        self._dispose()

    def _hold(self, held: bool) -> None:
        """The next task waits until this one's result has been delivered and painted (the
        delivery is a turn of the GUI thread's, :meth:`TaskRunner.gui_turn`): results come
        while the worker runs the next queued task (a write's reloads), and painting them
        beside it, every call Qt makes into Python waits for the interpreter lock."""
        if held:
            self.gui_turn_over.clear()

    def forget_services(self) -> None:
        """Close the services (a task: on this thread); the next task builds them anew."""
        self._dispose()

    def _dispose(self) -> None:
        services, self._services = self._services, None
        database = getattr(services, "db", None)
        if database is not None:
            try:
                database.dispose()
            except Exception:  # closing is best effort; the process may be ending
                log.exception("Closing the database failed")


class TaskRunner(QObject):
    """Runs ``call(services)`` on one serial worker; calls back on the GUI thread."""

    busy_changed = Signal(bool)
    error_shown = Signal(str)

    def __init__(
        self, services_factory: Callable[[], Services], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > GIL_SWITCH_INTERVAL_S:
            sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        collector.hold()  # garbage is collected on the GUI thread, never on the worker
        self._worker = _Worker(services_factory)
        self._worker.finished_task.connect(self._arrived)
        self._tasks: dict[int, _Task] = {}
        # results not yet delivered: one per turn of the event loop (see _arrived)
        self._arrivals: deque[tuple[int, bool, object]] = deque()
        self._delivery = QTimer(self)
        self._delivery.setSingleShot(True)
        self._delivery.setInterval(0)
        self._delivery.timeout.connect(self._deliver_next)
        self._ids = itertools.count(1)
        self._busy = False
        self._closed = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._became_busy)

    @property
    def is_busy(self) -> bool:
        return self._busy

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def run(
        self,
        call: Callable[[Services], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Queue ``call``; ``on_success(result)`` or ``on_error(message)`` follow on the GUI.

        Callbacks are skipped once ``owner`` (or the object a bound-method callback belongs
        to) has been deleted. Without ``on_error`` the message goes to ``error_shown``.
        """
        self._submit(_Task(next(self._ids), call, on_success, on_error, owner), True)

    def run_plain(
        self,
        call: Callable[[], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """As :meth:`run`, for a ``call()`` that needs no services (they are not built for
        it): in the same queue, with the same callbacks and the same error handling."""
        self._submit(_Task(next(self._ids), call, on_success, on_error, owner), False)

    def _submit(self, task: _Task, takes_services: bool) -> None:
        if self._closed:
            log.warning("A task was submitted after the task runner shut down; ignored")
            return
        self._tasks[task.id] = task
        if not self._worker.isRunning():
            self._worker.start()
        if not self._busy and not self._busy_timer.isActive():
            self._busy_timer.start()
        held = task.on_success is not None or task.on_error is not None
        self._worker.queue.put((task.id, task.call, takes_services, held))

    def forget_services(self) -> None:
        """Close the services after the tasks queued so far; the next task that needs them
        builds them again from the factory (which may now point at another database)."""
        self.run_plain(self._worker.forget_services)

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Finish the running task, drop the queued ones, stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._busy_timer.stop()
        self._worker.gui_turn_over.set()  # the task it holds need not wait for a paint
        while True:  # drop what has not started: nobody will see its result
            try:
                self._worker.queue.get_nowait()
            except queue.Empty:
                break
        self._worker.queue.put(None)
        if self._worker.isRunning() and not self._worker.wait(timeout_ms):
            log.error("The task worker did not stop within %d ms", timeout_ms)
        self._tasks.clear()
        self._arrivals.clear()
        self._delivery.stop()
        collector.release()

    @Slot(int, bool, object)
    def _arrived(self, task_id: int, succeeded: bool, payload: object) -> None:
        """A task's result: its callback runs in a later turn of the event loop, one
        result per turn, in the order they came. Results that arrive together (the tabs'
        first loads, a write's reloads) would otherwise run their callbacks back to back,
        with no input, painting or timer between them (bench/gui_lag.py)."""
        self._arrivals.append((task_id, succeeded, payload))
        if not self._delivery.isActive():
            self._delivery.start()

    @Slot()
    def _deliver_next(self) -> None:
        """Deliver one result, the worker held back until the GUI thread has painted it
        (:meth:`gui_turn`): a task started now would run Python beside the callback and
        the paint, the two threads taking turns with the interpreter lock every
        millisecond (``GIL_SWITCH_INTERVAL_S``), the GUI thread's work up to twice as long."""
        if not self._arrivals:
            return
        arrival = self._arrivals.popleft()
        if self._arrivals:
            self._delivery.start()  # the next one in the next turn
        with self.gui_turn():
            self._deliver(*arrival)

    @contextmanager
    def gui_turn(self) -> Iterator[None]:
        """Hold the worker's next task back while the GUI thread does what is inside (a
        result's callback, a tab built or shown) and until it has painted it: an event
        posted at the low priority of Qt's paint requests, so after the paint asked for
        inside, lets it go (at most ``GUI_TURN_MAX_S`` later). A task already running
        goes on."""
        self._worker.gui_turn_over.clear()
        try:
            yield
        finally:
            QCoreApplication.postEvent(
                self, QEvent(_GUI_TURN_OVER), Qt.EventPriority.LowEventPriority.value
            )

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _GUI_TURN_OVER:
            self._worker.gui_turn_over.set()

    def _deliver(self, task_id: int, succeeded: bool, payload: object) -> None:
        task = self._tasks.pop(task_id, None)
        if not self._tasks:
            self._set_idle()
        if task is None or self._closed:
            return
        if not _alive(task.owner) or not _alive(_bound_object(task.on_success)):
            return
        if succeeded:
            if task.on_success is not None:
                task.on_success(payload)
            return
        message = str(payload)
        if task.on_error is not None:
            if _alive(_bound_object(task.on_error)):
                task.on_error(message)
        else:
            self.error_shown.emit(message)

    @Slot()
    def _became_busy(self) -> None:
        if self._tasks and not self._busy:
            self._busy = True
            self.busy_changed.emit(True)

    def _set_idle(self) -> None:
        self._busy_timer.stop()
        if self._busy:
            self._busy = False
            self.busy_changed.emit(False)


def _bound_object(callback: Callable[..., Any] | None) -> object | None:
    return getattr(callback, "__self__", None) if callback is not None else None


def _alive(obj: object | None) -> bool:
    """False once the C++ side of a Qt object has been deleted; True for anything else."""
    if obj is None or not isinstance(obj, QObject):
        return True
    return bool(shiboken6.isValid(obj))
