"""What every profile tab shares: whose profile it shows and to whom, the kinds of entity
it shows (it reloads when a change touches one of them, once), and whether a load is
under way.

The tabs are role-neutral: the client's window shows a client their own profile ("Your
sessions"); the staff window shows a client's profile to staff, worded with the client's
name. Both assemble the same tabs with a :class:`ProfileSubject`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.paint import next_turn

if TYPE_CHECKING:
    from podyx_desktop.domain.changes import Changes, Kind
    from podyx_desktop.domain.records import Account
    from podyx_desktop.models.display import DisplayFormat

T = TypeVar("T")


class ProfileSubject(NamedTuple):
    """The client whose profile is shown, and whether the viewer is that client."""

    client_id: int
    name: str
    is_self: bool

    @classmethod
    def own(cls, account: Account) -> ProfileSubject:
        return cls(account.id, account.full_name, True)

    @classmethod
    def client(cls, account: Account) -> ProfileSubject:
        """A client's profile shown to staff."""
        return cls(account.id, account.full_name, False)

    def words(self, own: str, other: str, **values: object) -> str:
        """``own`` for the client themself ("Your sessions"), else ``other`` ("Sessions of
        {name}"), with ``{name}`` and ``values`` filled in (in one pass, so braces in a
        name are shown as they are)."""
        chosen = own if self.is_self else other
        return chosen.format(name=self.name, **values)


def warming(display: DisplayFormat) -> Callable[[T], T]:
    """A step for an operation's ``on_worker``: load babel's data for ``display`` there,
    so that formatting the rows does not load it on the GUI thread."""

    def warmed(value: T) -> T:
        display.warm_up()
        return value

    return warmed


class ProfileTab(QWidget):
    """A tab over one client's records: the signed-in client's own, or ``subject``'s.

    A tab may be built in parts (:meth:`build_later`): its constructor builds the first,
    and each further part is built in a turn of the event loop of its own, so that input,
    timers and painting are handled between them (style sheets make building widgets
    costly: bench/gui_lag.py). Reading an attribute a part not built yet sets builds
    every part left at once.
    """

    #: The kinds of entity this tab shows; a change touching one of them reloads it (when
    #: it is next shown, if it is hidden: :meth:`reload_when_shown`).
    SHOWS: ClassVar[tuple[Kind, ...]] = ()

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget | None = None,
        *,
        subject: ProfileSubject | None = None,
        object_name: str,
    ) -> None:
        super().__init__(parent)
        self._parts: deque[Callable[[], None]] = deque()  # built in later turns
        self._when_built: list[Callable[[], None]] = []
        self.setObjectName(object_name)
        self._ctx = ctx
        self._subject = subject
        self._loading = 0
        self._stale = False  # changed while hidden: reloaded when next shown
        ctx.bus.changed.connect(self._on_changed)

    if not TYPE_CHECKING:  # (so that mypy still reports a misspelt attribute)

        def __getattr__(self, name: str) -> Any:
            # Only reached for attributes not set yet: those of a part built later.
            if self.__dict__.get("_parts"):
                self.finish_building()
                return getattr(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def build_later(self, *parts: Callable[[], None]) -> None:
        """Build ``parts`` after the constructor, one per turn of the event loop."""
        if not self._parts:
            next_turn(self, self._build_next)
        self._parts.extend(parts)

    @property
    def is_built(self) -> bool:
        """Whether every part is built."""
        return not self._parts

    def finish_building(self) -> None:
        """Build every part left, now."""
        while self._parts:
            self._parts.popleft()()

    def when_built(self, then: Callable[[], None]) -> None:
        """Call ``then`` in the turn after the last part is built (the next turn if none
        is left)."""
        if self._parts:
            self._when_built.append(then)
        else:
            next_turn(self, then)

    def _build_next(self) -> None:
        if self._parts:
            with self._ctx.tasks.gui_turn():
                self._parts.popleft()()
        if self._parts:
            next_turn(self, self._build_next)
            return
        waiting, self._when_built = self._when_built, []
        for then in waiting:
            next_turn(self, then)

    @property
    def subject(self) -> ProfileSubject | None:
        """Whose profile this is (None: a signed-out visitor, who has none)."""
        if self._subject is not None:
            return self._subject
        account = self._ctx.user.account
        return ProfileSubject.own(account) if account is not None else None

    @property
    def client_id(self) -> int | None:
        subject = self.subject
        return subject.client_id if subject is not None else None

    def words(self, own: str, other: str, **values: object) -> str:
        """Wording for the viewer (see :meth:`ProfileSubject.words`); already translated."""
        subject = self.subject
        return subject.words(own, other, **values) if subject is not None else own.format(**values)

    @property
    def is_loading(self) -> bool:
        return self._loading > 0

    def concerns(self, changes: Changes) -> bool:
        """Whether ``changes`` may alter what this tab shows."""
        return changes.touches(*self.SHOWS)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if self.concerns(changes):
            self.reload_when_shown()

    def reload_when_shown(self) -> None:
        """Reload now if the tab is on show, else when it is next shown.

        A tab behind another (or in a window hidden to the tray) waits: each change, this
        seat's or another's, would otherwise reload every tab built, and those loads ran
        on the worker while the GUI thread painted the change where the user made it."""
        if self.isVisible():
            self._stale = False
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            # its load starts once the tab has painted (a tab switch: the rows it had)
            with self._ctx.tasks.gui_turn():
                self.reload()

    def reload(self) -> None:
        """Load the records again, through an operation."""
        raise NotImplementedError
