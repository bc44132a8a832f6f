"""The Bookings tab's waitlist panel, built once its module has been imported on the worker.

The panel's module (with the booking requests it books and reschedules with) is not on the
start-up path: when the tab is built before it was imported (a remembered sign-in opens the
window filled), it is imported on the worker once the tab's list has painted, and the panel
is then added at the end of the details side and loads. It is hidden until it has entries,
so the window looks the same either way. When the module is there already (the views were
imported while someone typed their password), the panel is built with the tab.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from podyx_desktop.views.common.paint import FirstPaint

if TYPE_CHECKING:
    from podyx_desktop.views.common.context import ViewContext
    from podyx_desktop.views.profile.profile_tab import ProfileSubject
    from podyx_desktop.views.profile.waitlist_panel import WaitlistPanel

WAITLIST_MODULE = "podyx_desktop.views.profile.waitlist_panel"
# as the Bookings tab's own first selection: the list may not paint (a minimised window)
IMPORT_FALLBACK_MS = 500


def import_waitlist_panel() -> None:
    """On the worker (a plain task): the panel's module and what it imports."""
    import podyx_desktop.views.profile.waitlist_panel  # noqa: F401


def place_waitlist_panel(
    ctx: ViewContext,
    subject: ProfileSubject | None,
    parent: QWidget,
    relay: SignalInstance,
    view: QAbstractScrollArea,
    built_later: Callable[[WaitlistPanel], None],
) -> WaitlistPanel | None:
    """``subject``'s waitlist panel at the end of ``parent``'s layout (None for a visitor),
    its offers relayed to ``relay``. When its module is not imported yet: None now; once
    ``view`` (the tab's list) has painted and the worker has imported the module, the panel
    is built and handed to ``built_later`` (which loads it)."""
    if subject is None:
        return None
    if WAITLIST_MODULE in sys.modules:
        from podyx_desktop.views.profile.waitlist_panel import WaitlistPanel

        return WaitlistPanel.of(ctx, subject, parent, relay)

    def build(_imported: None) -> None:
        from podyx_desktop.views.profile.waitlist_panel import WaitlistPanel  # imported already

        panel = WaitlistPanel.of(ctx, subject, parent, relay)
        if panel is not None:
            built_later(panel)

    FirstPaint(
        view.viewport(),
        lambda: ctx.tasks.run_plain(import_waitlist_panel, on_success=build, owner=parent),
        fallback_ms=IMPORT_FALLBACK_MS,
    )
    return None
