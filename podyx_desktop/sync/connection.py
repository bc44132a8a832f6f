"""The window's link to its studio server: the API, the local copy, the change feed.

:class:`Connection` keeps the copy in step: it follows the server's change feed on a
thread of its own, syncs from the copy's cursor whenever the feed says so (and when it
reconnects after being offline), and publishes what changed on the window's bus. It says
whether the studio can be reached and when the copy last synced (``state_changed``), and
when the server ended the session (``session_ended``).
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.errors import PodyxError, SessionExpired
from podyx_desktop.sync.api import StudioApi

if TYPE_CHECKING:
    from podyx_desktop.gui.changes import ChangeBus
    from podyx_desktop.services import Services
    from podyx_desktop.sync.local_copy import LocalCopy

log = logging.getLogger(__name__)

RETRY_SECONDS = (1.0, 2.0, 5.0, 10.0)  # between attempts to reach the server again
# each wait ± this share of it: with 100 % a random wait from 0 to twice the step ("full
# jitter"), so the windows of a restarted server (all cut off at once) come back spread
# out; with ±50 % they came back in waves that each saturated the fresh process
RETRY_SPREAD = 1.0


class Connection(QObject):
    """The window's link to its studio: the API, the copy, the change feed."""

    state_changed = Signal()
    session_ended = Signal(str)  # the server refused the token: sign in again
    _call_soon = Signal(object)  # a callable, to run on the GUI thread

    def __init__(
        self, api: StudioApi, copy: LocalCopy, bus: ChangeBus, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.api = api
        self.copy = copy
        self._bus = bus
        self.client_id: int | None = None
        self._sync_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.online = False
        self.last_synced: datetime | None = None
        self.message = ""
        self._call_soon.connect(self._run_here)

    @property
    def address(self) -> str:
        return self.api.address

    @property
    def ready(self) -> bool:
        """The copy holds a signed-in client's records (local reads can answer)."""
        return self.client_id is not None

    def copy_services(self) -> Services:
        """Services over the copy, for a thread of the caller's own."""
        from podyx_desktop.services import Services

        return Services(self.copy.database())

    def _run_here(self, fn: Callable[[], None]) -> None:
        fn()

    def on_gui(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread (from any thread)."""
        self._call_soon.emit(fn)

    # --- signing in: the copy is made and filled before the window opens ---------------

    def open_for(self, client_id: int, token: str) -> Changes:
        """Make (or upgrade) the copy and sync it for ``client_id`` (blocking; a worker
        runs it). A copy of another client is emptied first."""
        self.api.token = token
        self.copy.create()
        self.client_id = client_id
        try:
            return self.sync_now(token=token)
        except BaseException:
            # no copy, no window (a staff account is refused here): the session ends too
            self.client_id = None
            with contextlib.suppress(PodyxError):
                self.api.sign_out()
            raise

    def resume(self, client_id: int, token: str) -> None:
        """The copy is already this client's (a remembered sign-in): use it as it is; the
        feed syncs it once the server answers."""
        self.api.token = token
        self.client_id = client_id  # when it last synced: read by the feed's thread

    def sync_now(self, token: str | None = None) -> Changes:
        """Fetch what changed since the copy's cursor and write it (one at a time)."""
        client_id = self.client_id
        if client_id is None:
            return Changes()
        with self._sync_lock:
            state = self.copy.state()
            cursor = state.cursor if state is not None and state.client_id == client_id else 0
            data = self.api.batch(cursor)
            changes = self.copy.apply(data, address=self.address, client_id=client_id, token=token)
            self.last_synced = datetime.now().astimezone()
        self._set_state(True, "")
        return changes

    # --- the change feed ------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._follow, name="podyx-change-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.api.stop_changes()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(5)

    def _follow(self) -> None:
        if self.last_synced is None:  # a remembered sign-in: the copy says when
            state = self.copy.state()
            if state is not None and state.synced_at is not None:
                self.last_synced = state.synced_at
                self.on_gui(self.state_changed.emit)
        attempt = 0
        while not self._stop.is_set():
            try:
                state = self.copy.state()
                mine = state.cursor if state and state.client_id == self.client_id else None
                self.api.changes(self._event, self._stop.is_set, mine)
                attempt = 0
            except SessionExpired as expired:
                self._set_state(False, expired.message)
                self.on_gui(partial(self.session_ended.emit, expired.message))
                return
            except PodyxError as error:
                self._set_state(False, error.message)
            except Exception:  # a bug must not end the feed silently
                log.exception("the change feed failed")
                self._set_state(False, "The connection to your studio failed; retrying.")
            pause = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
            if self._stop.wait(pause * random.uniform(1 - RETRY_SPREAD, 1 + RETRY_SPREAD)):
                return
            attempt += 1

    def _event(self, data: dict[str, Any]) -> None:
        state = self.copy.state()
        since = data.get("since")
        if state is not None and since == state.cursor and not data.get("changes"):
            # back after a break, and nothing of the client's changed meanwhile (the server
            # checked from the copy's cursor): the copy is current, no sync needed
            self.copy.advance(int(data.get("cursor") or 0))
            self.last_synced = datetime.now().astimezone()
            self._set_state(True, "")
            return
        behind = state is None or int(data.get("cursor") or 0) != state.cursor
        if not behind and not data.get("changes"):
            self._set_state(True, "")
            return
        changes = self.sync_now()
        if changes:
            self.on_gui(lambda: self._bus.publish(changes))

    def _set_state(self, online: bool, message: str) -> None:
        changed = (online, message) != (self.online, self.message)
        self.online, self.message = online, message
        if changed:
            self.on_gui(self.state_changed.emit)
