"""The desk's actions on a client opened in the Clients place, driven through the widgets
as the front desk or a manager would, and checked from the client's own side afterwards
(signed in as the client: their Bundles, Bookings and Purchases tabs, the booking wizard's
payment step); and the client's documents downloaded by staff from the opened client."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseKind, RefundTo, Role
from podyx_desktop.domain.errors import AccountLocked, SignInFailed
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.services import Services
from podyx_desktop.views.booking.booking_wizard import BookingWizard
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.profile.bundles_tab import BundlesTab
from podyx_desktop.views.profile.purchases_tab import PurchasesTab
from podyx_desktop.views.staff.client_actions import ClientActionsPane
from podyx_desktop.views.staff.client_dialogs import (
    ClientDialog,
    EditClientDialog,
    IssueBundleDialog,
    NewCodeDialog,
    RecordPaymentDialog,
    RefundDialog,
    StoreCreditDialog,
)
from podyx_desktop.views.staff.clients_place import ClientsPlace
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.fixtures_tabs import click, open_tab, select_row, wait_closed, wait_idle
from tests.gui.test_booking_wizard import _choose_session, _next, _open_wizard
from tests.gui.test_desk_actions import staff
from tests.gui.test_document_downloads import answer, download, message_box, pdf_text, save_to
from tests.gui.test_staff_clients import open_place

WAIT = 10_000


def open_client(
    qtbot: Any, ctx: ViewContext, client_id: int
) -> tuple[ClientsPlace, ClientActionsPane]:
    place = open_place(qtbot, ctx)
    place.resize(1280, 760)
    place.open_client(client_id)
    qtbot.waitUntil(lambda: place.pages.currentWidget() is place.client_page, timeout=WAIT)
    pane = place.actions_pane
    wait_loaded(qtbot, ctx, pane)
    return place, pane


def wait_loaded(qtbot: Any, ctx: ViewContext, pane: ClientActionsPane) -> None:
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: pane.desk is not None and not pane.is_loading, timeout=WAIT)


def open_dialog(qtbot: Any, pane: ClientActionsPane, button: Any) -> Any:
    click(qtbot, button)
    qtbot.waitUntil(lambda: pane.dialog is not None and pane.dialog.isVisible(), timeout=WAIT)
    return pane.dialog


def confirm(qtbot: Any, ctx: ViewContext, pane: ClientActionsPane, dialog: ClientDialog) -> None:
    click(qtbot, dialog.confirm_button)
    wait_closed(qtbot, dialog)
    wait_loaded(qtbot, ctx, pane)


def as_client(gui_services: Services, studio: GuiStudio) -> SignedIn:
    return gui_services.accounts.sign_in(studio.client_email, studio.client_password)


def reason_of(pane: ClientActionsPane, button: Any) -> str:
    return pane.reasons[button].text()


def test_the_front_desk_issues_a_bundle_and_records_a_payment_the_client_sees_both(
    qtbot: Any, studio: GuiStudio, gui_services: Services, tab_context_for: Any
) -> None:
    ctx = tab_context_for(staff(gui_services, Role.FRONT_DESK, "Fran"))
    client = as_client(gui_services, studio)
    place, pane = open_client(qtbot, ctx, client.account.id)
    # What the front desk may not do says why.
    assert not pane.refund_button.isEnabled()
    assert reason_of(pane, pane.refund_button) == "Refunds are for managers and owners."
    assert pane.refund_button.toolTip() == "Refunds are for managers and owners."
    assert not pane.credit_button.isEnabled()
    assert reason_of(pane, pane.credit_button) == "Store credit is added by managers and owners."
    assert not pane.unlock_button.isEnabled()
    assert reason_of(pane, pane.unlock_button) == "The account is not locked."

    # Issue a bundle, with a reason.
    dialog = open_dialog(qtbot, pane, pane.bundle_button)
    assert isinstance(dialog, IssueBundleDialog)
    qtbot.waitUntil(lambda: dialog.product.count() > 0, timeout=WAIT)
    click(qtbot, dialog.confirm_button)
    assert "Say why" in dialog.error_label.text()  # a reason is required
    dialog.reason.setText("Goodwill after the noisy session")
    confirm(qtbot, ctx, pane, dialog)
    assert "was issued to Ana Client" in pane.feedback.text()
    mine = tab_context_for(as_client(gui_services, studio))
    bundles = open_tab(qtbot, mine, BundlesTab, (1000, 600))
    qtbot.waitUntil(lambda: len(bundles.bundles()) == 1, timeout=WAIT)
    # The staff's own Bundles tab of the client, behind another, reloads when they open it
    # (the published change).
    assert place.bundles_tab.bundles() == []
    place.profile_tabs.setCurrentWidget(place.bundles_tab)
    qtbot.waitUntil(lambda: len(place.bundles_tab.bundles()) == 1, timeout=WAIT)

    # Record the payment of the pending booking: the receipt is issued, the booking confirmed.
    assert pane.payment_button.isEnabled()
    dialog = open_dialog(qtbot, pane, pane.payment_button)
    assert isinstance(dialog, RecordPaymentDialog)
    assert dialog.purchase.count() == 1
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CASH.value))
    confirm(qtbot, ctx, pane, dialog)
    assert "recorded; the receipt is issued" in pane.feedback.text()
    assert not pane.payment_button.isEnabled()
    assert reason_of(pane, pane.payment_button).startswith("Nothing awaits payment")
    bookings = open_tab(qtbot, mine, BookingsTab, (1000, 600))
    qtbot.waitUntil(
        lambda: (
            getattr(bookings.upcoming_model.record(0), "status", None) is BookingStatus.CONFIRMED
        ),
        timeout=WAIT,
    )
    purchases = open_tab(qtbot, mine, PurchasesTab, (1000, 600))
    qtbot.waitUntil(lambda: purchases.model.rowCount() >= 1, timeout=WAIT)
    paid = [p for p in purchases.model.rows() if p.booking_id == studio.booking_id]
    assert paid and paid[0].receipt_number and paid[0].method is PaymentMethod.CASH
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, mine)


def test_a_manager_refunds_and_adds_store_credit_the_client_sees_the_credit_note_and_can_pay(
    qtbot: Any,
    studio: GuiStudio,
    gui_services: Services,
    tab_context_for: Any,
    factory_studio: Any,
) -> None:
    boss = staff(gui_services, Role.MANAGER, "Mia")
    ctx = tab_context_for(boss)
    client = as_client(gui_services, studio)
    booking = gui_services.bookings.get(client.principal, studio.booking_id)
    assert booking.purchase_id is not None
    gui_services.purchases.record_payment(
        boss.principal, booking.purchase_id, PaymentMethod.CARD_AT_DESK
    )
    gross = gui_services.purchases.get(boss.principal, booking.purchase_id).gross_minor
    _place, pane = open_client(qtbot, ctx, client.account.id)
    assert pane.refund_button.isEnabled() and pane.credit_button.isEnabled()

    # Refund: the amount is typed the studio's way (de: "120,00"); more than is left is
    # refused with the amount left.
    dialog = open_dialog(qtbot, pane, pane.refund_button)
    assert isinstance(dialog, RefundDialog)
    assert dialog.amount.minor() == gross
    dialog.amount.setText("999,50")
    dialog.reason.setText("The microphone failed")
    click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: "is left to refund" in dialog.error_label.text(), timeout=WAIT)
    assert "120,00" in dialog.error_label.text()
    dialog.amount.setText("20.00")  # not how German writes it
    click(qtbot, dialog.confirm_button)
    assert dialog.error_label.text().startswith("Type the amount as")
    dialog.amount.setText("20,00")  # part of it first
    click(qtbot, dialog.store_credit)
    confirm(qtbot, ctx, pane, dialog)
    assert "20,00" in pane.feedback.text() and "credit note is issued" in pane.feedback.text()
    qtbot.waitUntil(pane.refund_button.isEnabled, timeout=WAIT)  # 100,00 is left

    dialog = open_dialog(qtbot, pane, pane.refund_button)
    assert isinstance(dialog, RefundDialog)
    assert dialog.amount.minor() == gross - 2000
    assert "100,00" in dialog.left_label.text()
    click(qtbot, dialog.store_credit)
    dialog.reason.setText("The microphone failed")
    confirm(qtbot, ctx, pane, dialog)
    assert "refunded to Ana Client; the credit note is issued" in pane.feedback.text()
    assert not pane.refund_button.isEnabled()
    assert reason_of(pane, pane.refund_button) == "Nothing paid is left to refund."

    # Add store credit, with a reason.
    dialog = open_dialog(qtbot, pane, pane.credit_button)
    assert isinstance(dialog, StoreCreditDialog)
    dialog.amount.setText("25,50")
    dialog.reason.setText("Sorry for the wait")
    confirm(qtbot, ctx, pane, dialog)
    assert "25,50" in pane.feedback.text()
    assert "Store credit: 145,50" in pane.account_line.text()

    # The client: the credit note in Purchases, the store credit offered at checkout.
    mine = tab_context_for(as_client(gui_services, studio))
    purchases = open_tab(qtbot, mine, PurchasesTab, (1000, 600))
    qtbot.waitUntil(
        lambda: sum(p.kind is PurchaseKind.CREDIT_NOTE for p in purchases.model.rows()) == 2,
        timeout=WAIT,
    )
    notes = [p for p in purchases.model.rows() if p.kind is PurchaseKind.CREDIT_NOTE]
    assert sorted(n.gross_minor for n in notes) == sorted([-2000, -(gross - 2000)])
    assert all((n.receipt_number or "").startswith("CN-") for n in notes)
    wizard = _open_wizard(qtbot, mine)
    assert isinstance(wizard, BookingWizard)
    _choose_session(qtbot, mine, wizard, factory_studio)
    click(qtbot, wizard.review_page.terms.check)
    _next(qtbot, wizard)
    assert wizard.currentId() == BookingWizard.PAYMENT
    combo = wizard.payment_page.method.combo
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert any("145,50\xa0€ available" in text for text in offered), offered
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, mine)


def test_the_desk_edits_details_unlocks_and_issues_a_new_code(
    qtbot: Any, studio: GuiStudio, gui_services: Services, tab_context_for: Any
) -> None:
    ctx = tab_context_for(staff(gui_services, Role.FRONT_DESK, "Fran"))
    client = as_client(gui_services, studio)
    place, pane = open_client(qtbot, ctx, client.account.id)

    dialog = open_dialog(qtbot, pane, pane.edit_button)
    assert isinstance(dialog, EditClientDialog)
    assert dialog.email.text() == studio.client_email
    dialog.full_name.setText("Ana Clientová")
    dialog.email.setText("ana.new@example.com")
    confirm(qtbot, ctx, pane, dialog)
    assert pane.feedback.text() == "The details of Ana Clientová were saved."
    place.profile_tabs.setCurrentWidget(place.account_tab)  # reloaded when opened
    qtbot.waitUntil(lambda: place.account_tab.full_name.text() == "Ana Clientová", timeout=WAIT)
    assert gui_services.accounts.sign_in("ana.new@example.com", PASSWORD).account.id == (
        client.account.id
    )

    # Locked out after failed sign-ins: the desk sees it and unlocks.
    for _ in range(5):
        with pytest.raises(SignInFailed):
            gui_services.accounts.sign_in("ana.new@example.com", "not the password")
    with pytest.raises(AccountLocked):
        gui_services.accounts.sign_in("ana.new@example.com", PASSWORD)
    pane.reload()
    wait_loaded(qtbot, ctx, pane)
    assert "Locked after failed sign-ins" in pane.account_line.text()
    click(qtbot, pane.unlock_button)
    qtbot.waitUntil(lambda: "is unlocked" in pane.feedback.text(), timeout=WAIT)
    wait_loaded(qtbot, ctx, pane)
    assert not pane.unlock_button.isEnabled()
    assert gui_services.accounts.sign_in("ana.new@example.com", PASSWORD).account.id == (
        client.account.id
    )

    # A new one-time code, shown once; with it the client sets a new password.
    dialog = open_dialog(qtbot, pane, pane.code_button)
    assert isinstance(dialog, NewCodeDialog)
    click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: dialog.code_card.isVisible(), timeout=WAIT)
    code = dialog.code_card.code_label.text()
    assert "new one-time code" in pane.feedback.text()
    dialog.close()
    signed = gui_services.accounts.set_password_with_code(
        "ana.new@example.com", code, "another long secret"
    )
    assert signed.account.id == client.account.id
    wait_idle(qtbot, ctx)


def test_staff_download_a_clients_credit_note_statement_and_summary_from_the_opened_client(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    studio: GuiStudio,
    gui_services: Services,
    tab_context_for: Any,
    factory_studio: Any,
) -> None:
    opened: list[QUrl] = []  # what the system's opener was handed (it is not run)
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    out = tmp_path / "documents"
    out.mkdir()
    boss = staff(gui_services, Role.MANAGER, "Mia")
    client = as_client(gui_services, studio)
    booking = gui_services.bookings.get(client.principal, studio.booking_id)
    assert booking.purchase_id is not None
    s = gui_services
    s.purchases.record_payment(boss.principal, booking.purchase_id, PaymentMethod.CASH)
    credit = s.purchases.refund(boss.principal, booking.purchase_id, RefundTo.STORE_CREDIT, "x")
    assert credit is not None and credit.receipt_number
    s.bundles.issue(boss.principal, client.account.id, factory_studio.bundle_product, "Gift")
    ctx = tab_context_for(boss)
    place, _pane = open_client(qtbot, ctx, client.account.id)

    place.profile_tabs.setCurrentWidget(place.purchases_tab)
    tab = place.purchases_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=WAIT)
    assert tab.select_purchase(credit.id)
    wait_idle(qtbot, ctx)
    dialog = save_to(monkeypatch, out / "credit.pdf")
    download(qtbot, ctx, tab.download_button, tab.downloads)
    answer(qtbot, message_box(qtbot, "Open it now?"), "Open")
    assert credit.receipt_number in pdf_text(out / "credit.pdf")
    assert dialog.calls[0][0] == "Save credit note"

    place.profile_tabs.setCurrentWidget(place.bundles_tab)
    bundles = place.bundles_tab
    select_row(qtbot, bundles.active_view)
    wait_idle(qtbot, ctx)
    save_to(monkeypatch, out / "statement.pdf")
    download(qtbot, ctx, bundles.download_button, bundles.downloads)
    answer(qtbot, message_box(qtbot, "Open it now?"), "Open")
    # staff make them: in the studio's language (de_DE), whatever the window shows
    assert "Paketauszug" in pdf_text(out / "statement.pdf")

    place.profile_tabs.setCurrentWidget(place.bookings_tab)
    bookings = place.bookings_tab
    select_row(qtbot, bookings.upcoming_view)
    wait_idle(qtbot, ctx)
    save_to(monkeypatch, out / "summary.pdf")
    download(qtbot, ctx, bookings.details.download_button, bookings.downloads)
    answer(qtbot, message_box(qtbot, "Open it now?"), "Open")
    assert "Terminübersicht" in pdf_text(out / "summary.pdf")
    assert len(opened) == 3
    wait_idle(qtbot, ctx)
