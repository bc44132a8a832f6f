"""What the Bookings tab loads, on the worker: a client's upcoming and past sessions, and
the cell texts of their first rows (formatting dates and prices with babel is slow on the
GUI thread). Also the start-up task's :func:`prefetch` of the same, before the window
exists.

The tab loads through the ``load_client_bookings`` operation and adds the texts with
:func:`with_texts`; the start-up task reads with a :data:`ListReader`: the services'
``list_for_client`` (``gui.launch.service_lists``), or the same read made before
SQLAlchemy is imported (``services.startup.StartupReads.bookings``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.domain.records import Booking
from podyx_desktop.models.bookings import BookingsTableModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.views.common.tables import FIT_ROWS

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.views.common.context import UserSession

PREFORMATTED_ROWS = 60  # more than a tall window shows at first

# One of a client's lists: (who asks, the client, upcoming or past) -> the bookings.
ListReader = Callable[["Principal", int, bool], list[Booking]]


class Loaded(NamedTuple):
    """What a reload brings: both lists, and the cell texts of their first rows."""

    upcoming: list[Booking]
    upcoming_texts: list[tuple[str, ...]]
    past: list[Booking]
    past_texts: list[tuple[str, ...]]


def with_texts(
    lists: tuple[list[Booking], list[Booking]],
    display: DisplayFormat,
    texts_of: Callable[[Booking], tuple[str, ...]],
    past_rows: int = PREFORMATTED_ROWS,
) -> Loaded:
    """Both lists of a client with the cell texts of their first rows (on the worker; of
    the past list, ``past_rows``). Formatting them loads babel's data here, not on the GUI
    thread; the tab's first task after its first paint loads it in any case
    (:func:`prepare_details_side`)."""
    upcoming, past = lists
    # The rows on show first are formatted here too (babel is slow on the GUI thread);
    # the rest, if any, when they are first shown.
    return Loaded(
        upcoming,
        [texts_of(b) for b in upcoming[:PREFORMATTED_ROWS]],
        past,
        [texts_of(b) for b in past[:past_rows]],
    )


def load_lists(
    read: ListReader,
    principal: Principal,
    client_id: int,
    display: DisplayFormat,
    texts_of: Callable[[Booking], tuple[str, ...]],
    past_rows: int = PREFORMATTED_ROWS,
) -> Loaded:
    """Both lists of a client read with ``read``, and the cell texts of their first rows."""
    lists = (read(principal, client_id, True), read(principal, client_id, False))
    return with_texts(lists, display, texts_of, past_rows)


def prefetch(read: ListReader, user: UserSession) -> Loaded | None:
    """The tab's first load for ``user``, made by the start-up task on the worker before
    the window exists (see ``MainWindow(prefetched=…)``), so the window opens filled."""
    if user.account is None:
        return None
    display = DisplayFormat.for_studio(user.studio)
    texts_of = BookingsTableModel(display).row_texts  # plain Python, no parent, no signals
    # The window opens on the upcoming list. Of the past one, only the rows its columns are
    # fitted to are formatted here (the fitting would format them on the GUI thread); the
    # others when the client first shows that list.
    return load_lists(read, user.principal, user.account.id, display, texts_of, FIT_ROWS)


def prepare_details_side(display: DisplayFormat) -> None:
    """On the worker, once the lists have painted: import the details side's modules and
    load babel's data for ``display`` (the window may have painted its first rows with
    texts formatted ahead, without babel: ``gui.early_reads``), so that building the side
    and showing the first session do neither on the GUI thread."""
    import podyx_desktop.views.common.calendar_download
    import podyx_desktop.views.common.document_actions
    import podyx_desktop.views.profile.booking_details
    import podyx_desktop.views.profile.waitlist_panel  # noqa: F401

    display.warm_up()
