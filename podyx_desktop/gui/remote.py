"""The desktop app over a studio server (a client at home): the link and its start-up.

:class:`StudioLink` holds what the app builds for one studio server: the API client with
the pinned certificate, the local copy (one file per server address, in the user's data
folder), the :class:`~podyx_desktop.sync.connection.Connection` that keeps it in step and
the remote backend the windows run their operations through. :func:`open_copy` is the
start-up task: the copy opens at once when it holds a remembered sign-in (offline too);
otherwise the studio's card comes from the server for the sign-in screen.
:class:`ConnectFlow` runs "Connect to your studio…".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from podyx_desktop.domain.connect_code import StudioProbe
    from podyx_desktop.gui.changes import ChangeBus
    from podyx_desktop.gui.launch import Prepared
    from podyx_desktop.gui.tasks import TaskRunner
    from podyx_desktop.gui.ui_settings import UiSettings
    from podyx_desktop.services import Services
    from podyx_desktop.views.start.connect_dialog import ConnectDialog
    from podyx_desktop.views.start.sign_in import SignInScreen

log = logging.getLogger(__name__)


def copies_folder() -> Path:
    from platformdirs import user_data_path

    from podyx_desktop import APP_NAME, ORGANIZATION

    return user_data_path(APP_NAME, ORGANIZATION) / "studio-copies"


def copy_path(address: str, folder: Path | None = None) -> Path:
    """The copy of the studio at ``address``: one file per server, named by its address."""
    import hashlib  # not at import: the app imports this module before its first paint

    digest = hashlib.sha256(address.encode("utf-8")).hexdigest()[:16]
    return (folder or copies_folder()) / f"{digest}.sqlite3"


class StudioLink:
    """One studio server and what the app runs over it."""

    def __init__(
        self,
        address: str,
        pin: str | None,
        bus: ChangeBus,
        tasks: TaskRunner,
        parent: QObject,
        *,
        copies: Path | None = None,
    ) -> None:
        # here, not at import: the app imports this module before its first paint
        from podyx_desktop.sync.api import StudioApi
        from podyx_desktop.sync.backend import RemoteBackend
        from podyx_desktop.sync.connection import Connection
        from podyx_desktop.sync.local_copy import LocalCopy

        self.address = address
        self.copy = LocalCopy(copy_path(address, copies))
        self.api = StudioApi(address, pinned_pem=pin or None)
        self.connection = Connection(self.api, self.copy, bus, parent)
        self.backend = RemoteBackend(self.connection, tasks)

    def services(self) -> Services:
        """The services over the copy (the task runner's, for the local reads)."""
        from podyx_desktop.services import Services

        return Services(self.copy.database())

    def shutdown(self) -> None:
        self.connection.stop()
        self.backend.shutdown()
        self.api.close()

    def forget(self) -> None:
        """Signing out: the feed stops and the copy is removed (a task, after the task
        runner closed its services over it)."""
        self.connection.stop()
        self.connection.client_id = None
        self.copy.remove()


def import_link_modules() -> None:
    """What a :class:`StudioLink` is made of, imported on the worker (HTTP, the wire's
    models, SQLAlchemy for the copy) so that making it on the GUI thread costs nothing."""
    import podyx_desktop.sync.backend
    import podyx_desktop.sync.connection
    import podyx_desktop.sync.local_copy  # noqa: F401


def open_copy(link: StudioLink, tab: int) -> Prepared:
    """The start-up task over a studio server (see the module's text)."""
    from podyx_desktop.gui.launch import Prepared, quick_open
    from podyx_desktop.gui.session_store import SessionStore

    if link.copy.state() is not None:
        prepared = quick_open(link.copy.url, tab)
        if prepared is None:  # a copy made by an older version: its schema first
            link.copy.create()
            prepared = quick_open(link.copy.url, tab)
        if prepared is not None:
            return prepared
    link.copy.create()
    studio = link.api.studio()  # StudioUnreachable: the start-up problem page says so
    return Prepared(studio, link.copy.url, False, SessionStore(link.copy.url), None)


class ConnectFlow(QObject):
    """ "Connect to your studio…": the dialog, the look-up off the GUI thread, and the
    choice (``chosen(address, pinned PEM or "")``)."""

    chosen = Signal(str, str)

    def __init__(self, tasks: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.dialog: ConnectDialog | None = None

    def open(self, window: QWidget, on_chosen: Callable[[str, str], None]) -> ConnectDialog:
        from podyx_desktop.views.start.connect_dialog import ConnectDialog

        self.chosen.connect(on_chosen)
        dialog = ConnectDialog(window)
        dialog.probe_requested.connect(lambda text: self._probe(dialog, text))
        dialog.trusted.connect(self._trusted)
        dialog.finished.connect(self.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _probe(self, dialog: ConnectDialog, text: str) -> None:
        from podyx_desktop.sync.probe import probe

        self._tasks.run_plain(
            lambda: probe(text),
            on_success=dialog.show_probe,
            on_error=dialog.show_problem,
            owner=dialog,
        )

    @Slot(object)
    def _trusted(self, probe: StudioProbe) -> None:
        self.chosen.emit(probe.address, probe.pem or "")


class StudioServerMixin:
    """The desktop app's part for a studio server: connect, disconnect, the server ending
    the session, the copy removed on signing out (mixed into ``DesktopApp``)."""

    link: StudioLink | None
    tasks: TaskRunner
    bus: ChangeBus
    settings: UiSettings
    main_window: QObject | None
    _copies: Path | None

    @property
    def sign_in(self) -> SignInScreen:
        raise NotImplementedError  # DesktopApp's

    def retry_start(self, url: str | None = None) -> None: ...
    def log_out(self) -> None: ...
    def _link_sign_in(self) -> None: ...

    def _link_to(self, address: str, pin: str) -> None:
        owner = cast(QObject, self)
        self.link = StudioLink(address, pin, self.bus, self.tasks, owner, copies=self._copies)
        self.link.connection.session_ended.connect(self._session_ended)
        self._link_sign_in()

    @Slot()
    def connect_to_studio(self) -> None:
        """ "Connect to your studio…": look the address up, confirm, then start over it."""
        ConnectFlow(self.tasks, cast(QObject, self)).open(self.sign_in, self._connect_chosen)

    def _connect_chosen(self, address: str, pem: str) -> None:
        self._remember_server(address, pem)
        self._link_to(address, pem)
        self.retry_start()

    def _remember_server(self, address: str, pem: str) -> None:
        self.settings.studio_server, self.settings.studio_server_pin = address, pem
        self.settings.sync()
        self._unlink()

    @Slot()
    def disconnect_from_studio(self) -> None:
        """Back to this computer's own studio; the copy of the server's is removed."""
        link = self.link
        if link is None or self.main_window is not None:
            return
        self._remember_server("", "")
        self._forget_copy(link)
        self.retry_start()

    def _unlink(self) -> None:
        if self.link is not None:
            self.link.shutdown()
        self.link = None
        self._link_sign_in()

    @Slot(str)
    def _session_ended(self, message: str) -> None:
        """The studio server refused the session (revoked elsewhere, expired)."""
        if self.main_window is not None:
            self.log_out()
        from podyx_desktop.domain.message import shown  # a tiny module

        self.sign_in.show_message(shown(message))

    def _forget_copy(self, link: StudioLink) -> None:
        """Signed out over a studio server: the copy goes (its services closed first)."""
        self.tasks.forget_services()
        self.tasks.run_plain(link.forget)
