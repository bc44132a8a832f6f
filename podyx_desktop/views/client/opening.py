"""What the main window opens with, worked out before it exists (by the start-up task,
on the worker): the tab it opens on, the modules to import for it, and that tab's first
load. Small on purpose: the start-up task imports it before anything else of the views.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from podyx_desktop.views.common.context import UserSession
    from podyx_desktop.views.profile.bookings_lists import ListReader

BOOKINGS, BUNDLES, PURCHASES, ACCOUNT, FILES = range(5)
TAB_COUNT = 5

# Each tab's module is imported when the tab is first built. Start-up imports the module
# of the tab the window opens on (on the worker, before the window shows:
# ``import_first``); the rest, and the dialogs, are imported on the worker
# (``later_imports``) while the person types their password, or, after a remembered
# sign-in, as soon as the window has painted (a tab may be asked for at once), so the GUI
# thread does not stall on imports either way. The
# imports are written out (not module names in strings) so that the import contracts see
# them.


def _import_tab(tab: int) -> None:
    if tab == BOOKINGS:
        import podyx_desktop.views.profile.bookings_tab
    elif tab == BUNDLES:
        import podyx_desktop.views.profile.bundles_tab
    elif tab == PURCHASES:
        import podyx_desktop.views.profile.purchases_tab
    elif tab == FILES:
        import podyx_desktop.views.profile.files_tab
    else:
        import podyx_desktop.views.profile.account_tab  # noqa: F401


def opening_tab(last_tab: int) -> int:
    """The tab the window opens on: the one shown last (a stale index: the last tab)."""
    return min(max(last_tab, 0), TAB_COUNT - 1)


def import_first(last_tab: int) -> None:
    """The module of the tab the main window opens on (the start-up imports the window's
    own module beside it)."""
    _import_tab(opening_tab(last_tab))


def later_imports() -> list[Callable[[], None]]:
    """Every tab's module, the booking wizard's and the dialogs', in parts, to run as a
    task each (``gui.launch.prewarm``): between tasks the worker waits for the GUI
    thread's turns of heavy work (``TaskRunner.gui_turn``), which the first tab switches
    are, instead of importing beside them."""
    return [*(partial(_import_tab, tab) for tab in range(TAB_COUNT)), _import_dialogs]


def _import_dialogs() -> None:
    import podyx_desktop.views.booking.booking_wizard
    import podyx_desktop.views.profile.addons_dialog
    import podyx_desktop.views.profile.reschedule_dialog  # noqa: F401


class Prefetched(NamedTuple):
    """The first load of tab ``tab``, made before the window was built."""

    tab: int
    data: object


def prefetch(bookings: ListReader, user: UserSession, last_tab: int) -> Prefetched | None:
    """On the worker, before the window exists: the first load of the tab it opens on, for
    the tabs that take one (the Bookings tab, read with ``bookings``); None for the others
    (they load when built).
    """
    tab = opening_tab(last_tab)
    if tab != BOOKINGS:
        return None
    from podyx_desktop.views.profile.bookings_lists import prefetch as prefetch_bookings

    data = prefetch_bookings(bookings, user)
    return Prefetched(tab, data) if data is not None else None
