"""How a named operation runs: off the GUI thread, through one backend, its changes
published once.

A :class:`Request` is a plain named tuple naming what to do (``CancelBooking(17)``)
with the fields it needs — numbers, text, enums, dates and the domain's request records;
no ORM objects, callables or sessions — so that it can be sent elsewhere as it is. Its
:meth:`Request.run` says how the studio's services carry it out. A :class:`Backend` runs
requests for the acting principal and answers with an :class:`Outcome`: the service's
plain record and the :class:`~podyx_desktop.domain.changes.Changes` its transactions made.
Today the backend calls the services in this process, on the task runner's worker
(:class:`InProcessBackend`); the studio server's client will be another backend, and the
views do not notice which one they use.

:class:`Op` is what a view holds, in the manner of Anki's ``CollectionOp``::

    cancel_booking(ctx, booking_id).success(self._canceled).failure(self._failed).run(self)

On success the operation first calls ``success`` with the value, then publishes the
changes on the window's change bus, where each screen that shows one of the changed kinds
reloads. On failure ``failure`` gets the user-facing sentence (without one, the window's
error box shows it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol, TypeVar

from podyx_desktop.domain.changes import Changes

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.gui.changes import ChangeBus
    from podyx_desktop.gui.tasks import TaskRunner
    from podyx_desktop.services import Services

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
U = TypeVar("U")


class Request(Protocol[T_co]):
    """What to do, as plain data: each request is a ``NamedTuple`` of plain values (cheap
    to define, immutable, comparable, ``_asdict()`` for sending elsewhere) with a
    :meth:`run`."""

    def run(self, services: Services, principal: Principal) -> T_co:
        """Carry the request out with the studio's services, as ``principal``."""
        ...


class Outcome(NamedTuple, Generic[T]):
    """A request's result: the value and what changed."""

    value: T
    changes: Changes


def execute(services: Services, principal: Principal, request: Request[T]) -> Outcome[T]:
    """Run ``request`` and collect the changes every transaction of it committed."""
    value, changes = services.call(lambda: request.run(services, principal))
    return Outcome(value, changes)


class Backend(Protocol):
    """Where requests run. ``then`` (optional) turns the value into what the caller wants,
    still off the GUI thread (formatting, writing a file); callbacks come on the GUI
    thread, and are skipped once ``owner`` is deleted."""

    def submit(
        self,
        principal: Principal,
        request: Request[Any],
        *,
        then: Callable[[Any], Any] | None,
        on_success: Callable[[Outcome[Any]], None],
        on_error: Callable[[str], None] | None,
        owner: QObject | None,
    ) -> None: ...


class InProcessBackend:
    """The services of this process, on the task runner's one worker thread."""

    def __init__(self, tasks: TaskRunner) -> None:
        self._tasks = tasks

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
        def call(services: Services) -> Outcome[Any]:
            outcome = execute(services, principal, request)
            if then is None:
                return outcome
            return Outcome(then(outcome.value), outcome.changes)

        self._tasks.run(call, on_success=on_success, on_error=on_error, owner=owner)


class Seat(Protocol):
    """What an operation needs of the window it runs for (a ``ViewContext`` is one)."""

    @property
    def tasks(self) -> TaskRunner: ...

    @property
    def bus(self) -> ChangeBus: ...


def backend_of(seat: Seat) -> Backend:
    """The seat's backend: its own when it has one (a client at home), else the services
    in this process."""
    own = getattr(seat, "backend", None)
    return own if own is not None else InProcessBackend(seat.tasks)


class Op(Generic[T]):
    """One run of a request for a seat: ``.success(cb)``, ``.failure(cb)``, ``.run(owner)``."""

    def __init__(self, seat: Seat, principal: Principal, request: Request[Any]) -> None:
        self._seat = seat
        self._principal = principal
        self._request = request
        self._then: Callable[[Any], Any] | None = None
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[str], None] | None = None

    @property
    def request(self) -> Request[Any]:
        return self._request

    def on_worker(self, then: Callable[[T], U]) -> Op[U]:
        """Also run ``then(value)`` off the GUI thread; ``success`` gets its result."""
        previous = self._then
        op: Op[U] = Op(self._seat, self._principal, self._request)
        op._then = then if previous is None else (lambda value: then(previous(value)))
        return op

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[str], None]) -> Op[T]:
        self._on_failure = callback
        return self

    def run(self, owner: QObject | None) -> None:
        """Start it; the callbacks are skipped once ``owner`` has been deleted."""
        backend_of(self._seat).submit(
            self._principal,
            self._request,
            then=self._then,
            on_success=self._succeeded,
            on_error=self._on_failure,
            owner=owner,
        )

    def _succeeded(self, outcome: Outcome[Any]) -> None:
        if self._on_success is not None:
            self._on_success(outcome.value)
        if outcome.changes:
            self._seat.bus.publish(outcome.changes)
