"""The Purchases tab: payments and refunds with lines, VAT per rate, promo code and
discount, method and receipt number; it follows changes published on the bus."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import PaymentMethod, RefundTo
from podyx_desktop.domain.records import Booking, SignedIn
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.purchases_tab import PurchasesTab
from tests.gui.fixtures_tabs import open_tab, select_row, wait_idle


def _open_tab(qtbot: Any, ctx: ViewContext) -> PurchasesTab:
    return open_tab(qtbot, ctx, PurchasesTab, (1200, 700))


def _open_with_a_pending_payment(
    qtbot: Any, ctx: ViewContext, studio: Any, gui_services: Services
) -> tuple[Booking, PurchasesTab]:
    """The studio's pay-later booking (its purchase awaits payment), and the tab open."""
    booking = gui_services.bookings.get(ctx.user.principal, studio.booking_id)
    assert booking.purchase_id is not None
    return booking, _open_tab(qtbot, ctx)


def test_payments_and_refunds_with_their_lines(
    qtbot: Any,
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    booking, tab = _open_with_a_pending_payment(qtbot, tab_context, studio, gui_services)
    assert tab.model.rowCount() == 1
    model = tab.model
    assert model.index(0, model.RECEIPT).data() == "Not issued yet"
    assert model.index(0, model.METHOD).data() == "Pay later"
    assert model.index(0, model.STATUS).data() == "Awaiting payment"

    select_row(qtbot, tab.view)
    assert tab.title.text() == "Session payment — 120,00\xa0€"
    assert tab.prices.lines_model.rowCount() == 1
    assert (
        tab.prices.lines_model.index(0, 0).data()
        == "Podcast recording — 120 min, Studio A / 2-person podcast"
    )
    assert tab.vat_model.index(0, tab.vat_model.RATE).data() == "19%"
    assert tab.vat_model.index(0, tab.vat_model.VAT).data() == "19,16\xa0€"
    assert tab.prices.vat_label.text() == "Includes VAT 19%: 19,16\xa0€ (net 100,84\xa0€)"
    assert tab.document_actions.objectName() == "DocumentActions"

    # The desk records the payment, then refunds it: the tab follows the bus.
    desk = factory_studio.desk
    paid = gui_services.purchases.record_payment(
        desk, booking.purchase_id, PaymentMethod.CARD_AT_DESK
    )
    tab_context.bus.publish(Changes.of(Kind.PURCHASES))
    qtbot.waitUntil(lambda: tab.receipt_label.text() == paid.receipt_number, timeout=10_000)
    assert tab.status_label.text() == "Paid"
    assert tab.method_label.text() == "Card at the front desk"
    gui_services.purchases.refund(
        factory_studio.owner, booking.purchase_id, RefundTo.STORE_CREDIT, "Studio closed"
    )
    tab_context.bus.publish(Changes.all())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10_000)
    wait_idle(qtbot, tab_context)
    credit_row = next(
        r
        for r in range(tab.model.rowCount())
        if tab.model.index(r, model.KIND).data() == "Refund (credit note)"
    )
    assert tab.model.index(credit_row, model.TOTAL).data() == "-120,00\xa0€"
    # The original stays selected and names the credit note that refunded it.
    assert tab.status_label.text() == "Refunded"
    assert tab.refund_label.text().startswith("Refunded by credit note ")
    view_row = next(
        r
        for r in range(tab.view.model().rowCount())
        if tab.view.model().index(r, model.KIND).data() == "Refund (credit note)"
    )
    select_row(qtbot, tab.view, view_row)
    assert tab.refund_label.text() == f"Refund of receipt {paid.receipt_number}"
    assert tab.method_label.text() == "Store credit"


def test_a_discounted_purchase_shows_its_promo_code(
    qtbot: Any,
    tab_context: ViewContext,
    factory_studio: Any,
    client_session: SignedIn,
) -> None:
    from tests.gui.conftest import next_day_at

    factory_studio.book(client_session, next_day_at(6, 12), promo="WELCOME10")
    tab = _open_tab(qtbot, tab_context)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10_000)
    row = next(
        r
        for r in range(tab.view.model().rowCount())
        if tab.view.model().index(r, tab.model.PROMO).data()
    )
    select_row(qtbot, tab.view, row)
    assert tab.promo_label.text() == "WELCOME10 (discount 12,00\xa0€)"
    assert tab.prices.discount_label.text() == "Promo code WELCOME10: -12,00\xa0€"
    assert tab.prices.total_label.text() == "Total: 108,00\xa0€"


def test_a_tab_behind_another_reloads_when_it_is_next_shown(
    qtbot: Any,
    tab_context: ViewContext,
    studio: Any,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    booking, tab = _open_with_a_pending_payment(qtbot, tab_context, studio, gui_services)
    model = tab.model
    assert model.index(0, model.STATUS).data() == "Awaiting payment"

    tab.hide()  # another tab is on show
    gui_services.purchases.record_payment(
        factory_studio.desk, booking.purchase_id, PaymentMethod.CARD_AT_DESK
    )
    tab_context.bus.publish(Changes.of(Kind.PURCHASES))
    wait_idle(qtbot, tab_context)
    assert model.index(0, model.STATUS).data() == "Awaiting payment"  # no load for nobody
    tab_context.bus.publish(Changes.of(Kind.BOOKINGS))  # not what it shows: still stale
    tab.show()
    qtbot.waitUntil(lambda: model.index(0, model.STATUS).data() == "Paid", timeout=10_000)
    wait_idle(qtbot, tab_context)

    tab.hide()
    tab.show()  # nothing changed meanwhile: no load
    assert not tab.is_loading
