"""A late cancellation of a session paid with bundle credit, through the desk's cancel
dialog: ticking "Return the session to the bundle" gives the credit back, leaving it
unticked keeps it — checked in the client's own Bundles tab and its history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Booking, SignedIn
from podyx_desktop.domain.requests import RedeemRequest
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bundles_tab import BundlesTab
from podyx_desktop.views.staff.desk_dialogs import CancelDialog
from tests.factories import PASSWORD
from tests.gui.fixtures_tabs import click, open_tab, wait_idle
from tests.gui.test_desk_actions import ContextFor, confirm, open_dialog, open_pane

WAIT = 10_000


def late_bundle_session(factory_studio: Any, client: SignedIn) -> tuple[int, Booking]:
    """A bundle issued to ``client`` and one of its sessions starting in ~5 hours (within
    the cancellation cutoff), redeemed by the desk outside the rules."""
    bundles = factory_studio.services.bundles
    bundle = bundles.issue(
        Principal.system(), client.account.id, factory_studio.bundle_product, "gift"
    )
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    starts = now + timedelta(hours=5, minutes=30 - now.minute % 30)
    result = bundles.redeem(factory_studio.desk, RedeemRequest(
        bundle.id, factory_studio.roundtable_setup, starts, bypass_rules=True,
        bypass_reason="Test: a session starting soon",
    ))  # fmt: skip
    return bundle.id, result.booking


@pytest.mark.parametrize("give_back", [True, False], ids=["credit returned", "credit kept"])
def test_late_cancel_of_a_bundle_session_returns_the_credit_only_when_ticked(
    qtbot: Any,
    give_back: bool,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
    tab_context: ViewContext,
    tab_context_for: ContextFor,
) -> None:
    bundle_id, booking = late_bundle_session(factory_studio, client_session)
    desk = gui_services.accounts.sign_in("desk@example.com", PASSWORD)
    ctx = tab_context_for(desk)
    pane = open_pane(qtbot, ctx, booking.id)
    dialog = open_dialog(qtbot, pane, pane.cancel_button)
    assert isinstance(dialog, CancelDialog) and dialog.late
    assert dialog.return_credit.isVisibleTo(dialog) and not dialog.return_credit.isChecked()
    if give_back:
        click(qtbot, dialog.return_credit)
    dialog.reason.setText("Band stuck in traffic")
    confirm(qtbot, ctx, pane, dialog)
    canceled = gui_services.bookings.get(Principal.system(), booking.id)
    assert canceled.status is BookingStatus.CANCELED

    tab = open_tab(qtbot, tab_context, BundlesTab, (1100, 650))
    qtbot.waitUntil(lambda: len(tab.bundles()) == 1, timeout=WAIT)
    shown = tab.bundles()[0]
    assert shown is not None and shown.id == bundle_id
    assert shown.sessions_remaining == (3 if give_back else 2)
    ledger = [e.kind for e in gui_services.bundles.ledger(client_session.principal, bundle_id)]
    assert ledger[-1] == ("credit_returned" if give_back else "credit_kept")
    wait_idle(qtbot, tab_context)
