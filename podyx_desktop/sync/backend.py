"""The remote backend: a client at home runs the window's operations through the studio
server, and reads their own records from the local copy.

:class:`RemoteBackend` is an :class:`~podyx_desktop.operations.base.Backend` like the
in-process one, so the views do not know the difference. Per request (its wire in
:mod:`podyx_desktop.server.ops`):

- a read the copy can answer (lists, a booking's details, the PDFs) runs on the task
  runner's worker over the copy — at once, and offline too;
- anything else goes to the server on a network thread; a write is followed by a sync,
  so the copy holds what the write did before the screens reload for its changes;
- a download streams from the server into the chosen folder, resuming after a dropped
  connection (:mod:`.downloads`).

The :class:`~podyx_desktop.sync.connection.Connection` keeps the copy in step. Writes are
never queued while offline: they fail at once in words.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject

from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.domain.message import m
from podyx_desktop.gui.tasks import user_message
from podyx_desktop.operations.base import InProcessBackend, Outcome, Request, execute
from podyx_desktop.operations.files import SaveFile
from podyx_desktop.operations.notes import BookingNotes, GeneralNotes
from podyx_desktop.server.ops import wire_of
from podyx_desktop.sync.api import StudioUnreachable

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.gui.tasks import TaskRunner
    from podyx_desktop.sync.connection import Connection

log = logging.getLogger(__name__)


def _deliver(owner: QObject | None, callback: Callable[[Any], object], value: Any) -> None:
    """``callback(value)`` unless ``owner`` (the screen that asked) is gone."""
    if owner is None or shiboken6.isValid(owner):
        callback(value)


class RemoteBackend:
    """Runs requests for a client at home (see the module's text)."""

    def __init__(self, connection: Connection, tasks: TaskRunner) -> None:
        self.connection = connection
        self._tasks = tasks
        self._local = InProcessBackend(tasks)
        self._pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="podyx-studio")
        self._write_lock = threading.Lock()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def submit(
        self,
        principal: Principal,
        request: Request[Any],
        *,
        then: Callable[[Any], Any] | None,
        on_success: Callable[[Outcome[Any]], None],
        on_error: Callable[[str], None] | None,
        owner: QObject | None,
    ) -> None:
        wire = wire_of(request)
        local = wire is not None and wire.local and self.connection.ready
        if isinstance(request, BookingNotes | GeneralNotes) and request.mark_read:
            local = False  # opening a booking marks its notes read at the studio
        if local:
            self._local.submit(
                principal, request, then=then, on_success=on_success, on_error=on_error, owner=owner
            )
            return

        def work() -> Outcome[Any]:
            if isinstance(request, SaveFile):
                from podyx_desktop.sync.downloads import download

                outcome = Outcome(download(self.connection, principal, request), Changes())
            elif wire is None:
                raise PodyxError(
                    m("This is done at the studio's desk; it is not available from home.")
                )
            elif wire.writes:
                with self._write_lock:
                    value, changes = self.connection.api.call(wire, request)
                    if self.connection.ready:
                        changes = changes.merge(self.connection.sync_now())
                outcome = Outcome(value, changes)
            else:
                value, changes = self._read(wire, request, principal)
                outcome = Outcome(value, changes)
            if then is not None:
                outcome = Outcome(then(outcome.value), outcome.changes)
            return outcome

        def finish(future: Any) -> None:
            try:
                outcome = future.result()
            except BaseException as error:  # delivered as a sentence, like the task runner
                if isinstance(error, StudioUnreachable):
                    self.connection._set_state(False, error.message)
                message = user_message(error)
                tell = on_error or self._tasks.error_shown.emit
                self.connection.on_gui(lambda: _deliver(owner, tell, message))
                return
            self.connection.on_gui(lambda: _deliver(owner, on_success, outcome))

        try:
            self._pool.submit(work).add_done_callback(finish)
        except RuntimeError:  # shut down (the app is closing): ignored, as the task runner does
            log.warning("A request was submitted after the studio link shut down; ignored")

    def _read(self, wire: Any, request: Any, principal: Principal) -> tuple[Any, Changes]:
        try:
            return self.connection.api.call(wire, request)
        except StudioUnreachable:
            if isinstance(request, BookingNotes | GeneralNotes) and self.connection.ready:
                # offline: the notes from the copy; they are marked read next time
                services = self.connection.copy_services()
                outcome = execute(services, principal, request._replace(mark_read=False))
                return outcome.value, outcome.changes
            raise
