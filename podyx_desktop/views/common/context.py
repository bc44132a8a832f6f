"""What every screen is built with: the task runner, the change bus and who is signed in.

Passed in explicitly (no global main window): ``BookingsTab(ctx, parent)`` and friends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from podyx_desktop.domain.principal import Principal

if TYPE_CHECKING:  # records are imported after the first window has painted
    from podyx_desktop.domain.records import Account, StudioInfo
    from podyx_desktop.gui.changes import ChangeBus
    from podyx_desktop.gui.tasks import TaskRunner
    from podyx_desktop.operations.base import Backend


class UserSession(NamedTuple):
    """The signed-in client (or a signed-out visitor: ``account`` None, principal anonymous)."""

    principal: Principal
    account: Account | None
    studio: StudioInfo
    token: str | None

    @classmethod
    def visitor(cls, studio: StudioInfo) -> UserSession:
        return cls(principal=Principal.anonymous(), account=None, studio=studio, token=None)

    @property
    def is_signed_in(self) -> bool:
        return self.account is not None

    def with_account(self, account: Account) -> UserSession:
        return self._replace(account=account)


class ViewContext:
    """What a screen runs operations with (:mod:`podyx_desktop.operations`): the task
    runner, the change bus, who is signed in, and the backend when it is not the services
    of this process (a client at home).

    ``connection``: a client at home's link to the studio server (its ``state_changed``
    signal, ``online``, ``last_synced``, ``message``, ``address``); None on the studio's
    database. (A plain class: start-up makes one before the first paint, and a dataclass
    costs a millisecond to define.)
    """

    def __init__(
        self,
        tasks: TaskRunner,
        bus: ChangeBus,
        user: UserSession,
        backend: Backend | None = None,
        connection: Any = None,
    ) -> None:
        self.tasks = tasks
        self.bus = bus
        self.user = user
        self.backend = backend
        self.connection = connection
