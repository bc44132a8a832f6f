"""Named operations and the screens they reload: a write in a window reloads exactly the
screens that show what it changed, once (those on show at once, the others when next
shown; the watcher does not deliver the window's own commit a second time); a write
committed by another process reaches them once too. And the views never run a service
call themselves: every read and write is an operation."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.operations.bookings import CancelBooking, cancel_booking
from podyx_desktop.services import Services
from podyx_desktop.views.client.opening import ACCOUNT, BUNDLES, PURCHASES
from tests.gui.conftest import GuiStudio
from tests.gui.test_live_updates import run_other_process
from tests.gui.test_sign_in import sign_in, wait_main

ROOT = Path(__file__).resolve().parents[2]
SETTLE_MS = 1_500  # several polls of the watcher: a second delivery would show by then


def _count_reloads(window: Any) -> Counter[str]:
    """Build every tab, then count each one's reloads from now on."""
    counts: Counter[str] = Counter()
    tabs = {
        "bookings": window.bookings_tab,
        "bundles": window.bundles_tab,
        "purchases": window.purchases_tab,
        "account": window.account_tab,
    }
    for name, tab in tabs.items():
        original = tab.reload

        def counted(name: str = name, original: Any = original) -> None:
            counts[name] += 1
            original()

        tab.reload = counted
    return counts


def test_a_write_reloads_exactly_the_screens_that_show_what_changed_once(
    qtbot: Any, make_app: Any, studio: GuiStudio, gui_services: Services
) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    counts = _count_reloads(window)
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=5_000)
    qtbot.wait(SETTLE_MS)  # whatever start-up published has been delivered
    counts.clear()

    published: list[Any] = []
    app.bus.changed.connect(published.append)
    user = window.context.user
    done: list[Any] = []
    cancel_booking(window.context, user.principal, studio.booking_id).success(done.append).run(
        window
    )
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert done[0].status is BookingStatus.CANCELED
    qtbot.wait(SETTLE_MS)

    # a pay-later session: the booking and its open purchase changed, not the account
    assert len(published) == 1
    changes = published[0]
    assert changes.ids_of(Kind.BOOKINGS) == {studio.booking_id}
    assert changes.touches(Kind.PURCHASES)
    assert not changes.touches(Kind.CLIENTS)
    assert counts == {"bookings": 1}  # the tab on show; the others wait to be shown
    for index in (BUNDLES, PURCHASES, ACCOUNT):
        window.show_tab(index)
        qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=5_000)
    assert counts == {"bookings": 1, "bundles": 1, "purchases": 1}  # not the Account tab

    # The other seat resumes a sign-in made here first: its rename is then its only
    # write (a sign-in there writes too, and two writes may reach the window apart).
    token = gui_services.accounts.sign_in(studio.client_email, studio.client_password).token
    qtbot.wait(SETTLE_MS)
    counts.clear()
    published.clear()
    run_other_process(studio, "rename", "Ana From-Another-Seat", token=token)
    qtbot.waitUntil(lambda: counts["account"] == 1, timeout=5_000)
    qtbot.wait(SETTLE_MS)
    assert counts == {"account": 1}  # only the screen that shows the account (on show)
    assert len(published) == 1 and published[0].touches(Kind.CLIENTS)
    assert window.account_tab.full_name.text() == "Ana From-Another-Seat"


def test_requests_are_plain_data() -> None:
    """What a backend is sent: a named tuple of plain values, comparable and hashable
    (no services, sessions or callables inside), so another backend can send it on."""
    request = CancelBooking(17, "ill")
    assert request == CancelBooking(17, "ill")
    assert hash(request) == hash(CancelBooking(17, "ill"))
    assert request._asdict() == {"booking_id": 17, "reason": "ill"}


def test_views_never_call_a_service_themselves() -> None:
    """Every read and write of a screen goes through podyx_desktop.operations: no view
    submits work to the task runner or touches the services (import-linter forbids the
    imports; this catches calls through the task runner)."""
    offenders = []
    for path in sorted((ROOT / "podyx_desktop" / "views").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for pattern in (
            r"\.tasks\.run\(",
            r"\.run_plain\(",
            r"_tasks\.run\(",
            r"lambda s(ervices)?:",
        ):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert offenders == []
