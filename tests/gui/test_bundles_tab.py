"""The Bundles tab: groups, remaining and redeemed sessions, redeeming in two steps with
no payment, and buying a bundle."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bundles_tab import BundlesTab
from tests.gui.fixtures_tabs import (
    click,
    open_tab,
    pick_slot,
    select_row,
    studio_today,
    wait_closed,
    wait_idle,
)


def _open_tab(qtbot: Any, ctx: ViewContext) -> BundlesTab:
    return open_tab(qtbot, ctx, BundlesTab, (1100, 700))


def _issue(factory_studio: Any, client: SignedIn) -> int:
    bundle = factory_studio.services.bundles.issue(
        factory_studio.desk, client.account.id, factory_studio.bundle_product, "Welcome gift"
    )
    return int(bundle.id)


def test_redeem_a_session_in_two_steps_without_payment(
    qtbot: Any,
    tab_context: ViewContext,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    bundle_id = _issue(factory_studio, client_session)
    tab = _open_tab(qtbot, tab_context)
    assert tab.models[0].rowCount() == 1
    assert tab.models[1].rowCount() == 0
    assert tab.models[2].rowCount() == 0
    # The first active bundle is shown at once; clicking it keeps it.
    qtbot.waitUntil(lambda: tab.selected_bundle() is not None)
    select_row(qtbot, tab.active_view)
    wait_idle(qtbot, tab_context)
    assert tab.redeem_button.isEnabled() and tab.redeem_reason.text() == ""
    assert tab.remaining_label.text() == "3 of 3"
    assert tab.redeemed_label.text() == "0"
    assert tab.issued_label.text() == "By the studio: Welcome gift"
    assert tab.ledger_model.rowCount() == 1
    purchases_before = len(
        gui_services.purchases.list_for_client(client_session.principal, client_session.account.id)
    )

    click(qtbot, tab.redeem_button)
    dialog = tab.redeem_dialog
    assert dialog is not None and dialog.isVisible()
    wait_idle(qtbot, tab_context)
    # Step 1: where (only setups the bundle covers) and when.
    assert dialog.step_label.text() == "Step 1 of 2: choose where and when"
    where = [dialog.setup_combo.itemData(i) for i in range(dialog.setup_combo.count())]
    assert where == [factory_studio.podcast_setup, factory_studio.roundtable_setup]
    assert not dialog.next_button.isEnabled()
    slot = pick_slot(qtbot, tab_context, dialog.picker, studio_today() + timedelta(days=3))
    click(qtbot, dialog.next_button)
    # Step 2: confirm, with no payment.
    assert dialog.step_label.text() == "Step 2 of 2: confirm"
    assert "No payment" in dialog.no_payment.text()
    assert "leaving 2 of 3" in dialog.no_payment.text()
    assert "2-person podcast" in dialog.summary.text()
    click(qtbot, dialog.back_button)  # going back keeps the choice
    assert dialog.picker.selected_slot() == slot
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.confirm_button)
    wait_closed(qtbot, dialog)
    wait_idle(qtbot, tab_context)

    qtbot.waitUntil(lambda: tab.remaining_label.text() == "2 of 3", timeout=10_000)
    assert tab.redeemed_label.text() == "1"
    assert "It is in your bookings" in tab.feedback.text()
    qtbot.waitUntil(lambda: tab.ledger_model.rowCount() == 2)
    assert tab.ledger_model.index(1, tab.ledger_model.WHAT).data() == "Session booked"
    bookings = gui_services.bookings.list_for_client(
        client_session.principal, client_session.account.id
    )
    redeemed = [b for b in bookings if b.bundle_id == bundle_id]
    assert len(redeemed) == 1 and redeemed[0].starts_at == slot.starts_at
    assert redeemed[0].payment_method is PaymentMethod.BUNDLE_CREDIT
    purchases_after = gui_services.purchases.list_for_client(
        client_session.principal, client_session.account.id
    )
    assert len(purchases_after) == purchases_before  # nothing was charged


def test_buy_a_bundle(
    qtbot: Any, tab_context: ViewContext, gui_services: Services, client_session: SignedIn
) -> None:
    tab = _open_tab(qtbot, tab_context)
    assert tab.bundles() == []
    assert "No bundles yet" in tab.list_message.text()
    click(qtbot, tab.buy_button)
    dialog = tab.buy_dialog
    assert dialog is not None and dialog.isVisible()
    wait_idle(qtbot, tab_context)
    assert dialog.products.rowCount() == 1
    assert (
        dialog.products.index(0, 0).data()
        == "3 × 2 h podcast — 3 sessions of 2 h, valid 90 days — 300,00\xa0€"
    )
    assert dialog.prices.total_label.text() == "Total: 300,00\xa0€"
    assert dialog.prices.vat_label.text() == "Includes VAT 19%: 47,90\xa0€ (net 252,10\xa0€)"
    # A code for another service is refused, with the reason.
    dialog.promo.field.setText("VIDEO15")
    click(qtbot, dialog.promo.apply_button)
    wait_idle(qtbot, tab_context)
    assert (
        dialog.promo.message.text()
        == "The promo code “VIDEO15” does not apply to anything in this order."
    )
    dialog.promo.field.setText("WELCOME10")
    click(qtbot, dialog.promo.apply_button)
    wait_idle(qtbot, tab_context)
    assert dialog.prices.total_label.text() == "Total: 270,00\xa0€"
    assert not dialog.buy_button.isEnabled()  # terms first
    click(qtbot, dialog.terms.check)
    dialog.payment.set_method(PaymentMethod.BANK_TRANSFER)
    click(qtbot, dialog.buy_button)
    wait_closed(qtbot, dialog)
    wait_idle(qtbot, tab_context)

    qtbot.waitUntil(lambda: len(tab.bundles()) == 1, timeout=10_000)
    assert "once the studio has recorded your payment" in tab.feedback.text()
    # Bought by bank transfer: in the active group, awaiting payment, not yet redeemable.
    qtbot.waitUntil(lambda: tab.selected_bundle() is not None)
    assert tab.state_label.text() == "Awaiting payment"
    assert not tab.redeem_button.isEnabled()
    assert tab.redeem_reason.text() == "Usable once the studio has recorded your payment."
    purchases = gui_services.purchases.list_for_client(
        client_session.principal, client_session.account.id
    )
    bundle_purchase = next(p for p in purchases if p.kind is PurchaseKind.BUNDLE)
    assert bundle_purchase.promo_code == "WELCOME10"
    assert bundle_purchase.gross_minor == 27000


def test_the_details_are_built_in_a_later_turn_or_when_first_read(
    qtbot: Any, tab_context: ViewContext
) -> None:
    tab = BundlesTab(tab_context)
    qtbot.addWidget(tab)
    assert not tab.is_built  # the lists now, the details in the next turn
    qtbot.waitUntil(lambda: tab.is_built)
    assert tab.ledger_view.model() is tab.ledger_model

    early = BundlesTab(tab_context)
    qtbot.addWidget(early)
    assert not early.is_built
    assert early.redeem_button.text()  # read before its turn: every part is built now
    assert early.is_built
