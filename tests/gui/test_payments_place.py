"""The Payments place, driven through its widgets as the front desk would, and checked from
the client's side afterwards: approving (the client's own Bookings tab shows the receipt),
refusing (the time is free again), marking transfers received in bulk with one approved
on another seat meanwhile, a bundle bought by transfer usable once approved, the day
close saved as PDF and CSV, and the CSV export of purchases."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseStatus, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import (
    BookingRequest,
    BundlePurchaseRequest,
    NewAccount,
    RedeemRequest,
    SessionCart,
)
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from podyx_desktop.views.staff.payment_dialogs import ApprovePaymentDialog, RefusePaymentDialog
from podyx_desktop.views.staff.payments_place import PaymentsPlace
from tests.documents.pdfcheck import Pdf, eur_hr
from tests.factories import PASSWORD
from tests.gui.conftest import next_day_at
from tests.gui.fixtures_tabs import click, open_tab, select_row, wait_closed, wait_idle
from tests.gui.test_desk_actions import staff

ContextFor = Callable[[SignedIn], ViewContext]


def open_place(qtbot: Any, ctx: ViewContext) -> PaymentsPlace:
    place = PaymentsPlace(ctx)
    qtbot.addWidget(place)
    place.resize(1100, 600)
    place.show()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: place.model.is_complete and not place.model.is_loading)
    return place


def shown_ids(place: PaymentsPlace) -> list[int]:
    return [p.purchase_id for p in place.model.rows()]


def desk_context(gui_services: Services, tab_context_for: ContextFor) -> ViewContext:
    return tab_context_for(staff(gui_services, Role.FRONT_DESK, "Fran"))


def test_approving_confirms_the_booking_and_the_client_sees_the_receipt(
    qtbot: Any,
    studio: Any,
    gui_services: Services,
    tab_context: ViewContext,
    tab_context_for: ContextFor,
) -> None:
    ctx = desk_context(gui_services, tab_context_for)
    booking = gui_services.bookings.get(Principal.system(), studio.booking_id)
    place = open_place(qtbot, ctx)
    assert shown_ids(place) == [booking.purchase_id]
    model = place.model
    assert model.index(0, model.CLIENT).data() == "Ana Client"
    assert model.index(0, model.METHOD).data() == "Pay later"
    assert model.index(0, model.FOR).data().startswith("Podcast recording, ")
    assert place.count_label.text() == "1 payment waiting"
    assert not place.approve_button.isEnabled()

    select_row(qtbot, place.table)
    click(qtbot, place.approve_button)
    qtbot.waitUntil(lambda: place.dialog is not None and place.dialog.isVisible())
    dialog = place.dialog
    assert isinstance(dialog, ApprovePaymentDialog)
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CASH.value))
    click(qtbot, dialog.confirm_button)
    wait_closed(qtbot, dialog)
    wait_idle(qtbot, ctx)
    assert place.feedback.text() == (
        "Payment of Ana Client recorded (Cash at the front desk); the receipt is issued."
    )
    qtbot.waitUntil(lambda: shown_ids(place) == [] and place.model.is_complete)

    booking = gui_services.bookings.get(Principal.system(), studio.booking_id)
    assert booking.status is BookingStatus.CONFIRMED and booking.receipt_number
    # the client's own window
    tab = open_tab(qtbot, tab_context, BookingsTab, (1100, 650))
    select_row(qtbot, tab.upcoming_view)
    wait_idle(qtbot, tab_context)
    assert tab.details.badge.text() == "Confirmed"
    assert tab.details.receipt_label.text() == booking.receipt_number


def test_refusing_needs_a_reason_and_frees_the_time(
    qtbot: Any, studio: Any, gui_services: Services, tab_context_for: ContextFor
) -> None:
    ctx = desk_context(gui_services, tab_context_for)
    booking = gui_services.bookings.get(Principal.system(), studio.booking_id)
    place = open_place(qtbot, ctx)
    select_row(qtbot, place.table)
    click(qtbot, place.refuse_button)
    qtbot.waitUntil(lambda: place.dialog is not None and place.dialog.isVisible())
    dialog = place.dialog
    assert isinstance(dialog, RefusePaymentDialog)
    click(qtbot, dialog.confirm_button)
    assert dialog.error_label.text() == "Give the client a reason for the refusal."
    dialog.reason.setText("The transfer never arrived")
    click(qtbot, dialog.confirm_button)
    wait_closed(qtbot, dialog)
    wait_idle(qtbot, ctx)
    assert place.feedback.text() == "The payment of Ana Client was refused."
    refused = gui_services.bookings.get(Principal.system(), studio.booking_id)
    assert refused.status is BookingStatus.CANCELED
    assert refused.cancel_reason == "The transfer never arrived"
    assert booking.purchase_id is not None
    purchase = gui_services.purchases.get(Principal.system(), booking.purchase_id)
    assert purchase.status is PurchaseStatus.VOID
    # the time is free again: another client books it
    other = gui_services.accounts.sign_up(
        Principal.anonymous(),
        NewAccount("Bo Other", "bo@example.com", "+49 30 9999999", PASSWORD),
    )
    again = gui_services.checkout.book(
        other.principal,
        BookingRequest(
            SessionCart(booking.setup_id, booking.service_id, booking.minutes),
            booking.starts_at,
            PaymentMethod.PAY_LATER,
            terms_accepted=True,
        ),
    )
    assert again.booking.starts_at == booking.starts_at


def test_bulk_mark_received_with_one_approved_on_another_seat(
    qtbot: Any,
    studio: Any,
    gui_services: Services,
    factory_studio: Any,
    client_session: SignedIn,
    tab_context_for: ContextFor,
) -> None:
    ctx = desk_context(gui_services, tab_context_for)
    transfer = factory_studio.book(
        client_session, next_day_at(5, 11), method=PaymentMethod.BANK_TRANSFER
    )
    bundle = gui_services.checkout.buy_bundle(
        client_session.principal,
        BundlePurchaseRequest(factory_studio.bundle_product, PaymentMethod.BANK_TRANSFER, True),
    )
    place = open_place(qtbot, ctx)
    first = gui_services.bookings.get(Principal.system(), studio.booking_id).purchase_id
    assert shown_ids(place) == [first, transfer.purchase.id, bundle.purchase.id]
    assert place.model.index(2, place.model.FOR).data() == "Bundle: 3 × 2 h podcast"
    place.select_purchases(shown_ids(place))
    assert place.mark_button.text() == "&Mark 3 transfers received"
    # meanwhile another seat approves the first one
    gui_services.purchases.record_payment(factory_studio.desk, first, PaymentMethod.CASH)
    click(qtbot, place.mark_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "marked" in place.feedback.text())
    assert place.feedback.text() == "2 marked received; 1 had been approved on another seat."
    qtbot.waitUntil(lambda: shown_ids(place) == [] and place.model.is_complete)
    paid = gui_services.purchases.get(Principal.system(), transfer.purchase.id)
    assert paid.method is PaymentMethod.BANK_TRANSFER and paid.receipt_number
    assert gui_services.purchases.get(Principal.system(), first).method is PaymentMethod.CASH
    # the bundle bought by transfer is usable now: the client redeems a session
    redeemed = gui_services.bundles.redeem(
        client_session.principal,
        RedeemRequest(bundle.bundle_id, factory_studio.podcast_setup, next_day_at(6, 10)),
    )
    assert redeemed.booking.status is BookingStatus.CONFIRMED


def test_day_close_saved_as_pdf_and_csv_and_the_purchases_export(
    qtbot: Any, studio: Any, gui_services: Services, tab_context_for: ContextFor, tmp_path: Path
) -> None:
    ctx = desk_context(gui_services, tab_context_for)
    first = gui_services.bookings.get(Principal.system(), studio.booking_id).purchase_id
    assert first is not None
    paid = gui_services.purchases.record_payment(
        Principal.system(), first, PaymentMethod.CARD_AT_DESK
    )
    place = open_place(qtbot, ctx)
    assert paid.paid_at is not None
    day = place.display.local(paid.paid_at).date()
    dialog = place.open_day_close(day)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.close_shown is not None)  # type: ignore[attr-defined]
    assert dialog.methods.rowCount() == 1  # type: ignore[attr-defined]
    assert dialog.methods.item(0, 0).text() == "Card at the front desk"  # type: ignore[attr-defined]
    dialog.save_to(tmp_path / "close")  # type: ignore[attr-defined]
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.saved_to is not None)  # type: ignore[attr-defined]
    pdf = Pdf((tmp_path / "close.pdf").read_bytes())
    # staff make it: in the studio's language (de_DE), whatever the window shows
    assert "Tagesabschluss" in pdf.text and eur_hr(paid.gross_minor) in pdf.text
    rows = list(csv.DictReader((tmp_path / "close.csv").open(encoding="utf-8")))
    assert rows[-1]["section"] == "total" and rows[-1]["gross"] == f"{paid.gross_minor / 100:.2f}"
    dialog.close()

    place.open_export()
    export = place.dialog
    export.first.setDate(export.first.date().addDays(-40))  # type: ignore[union-attr]
    target = tmp_path / "purchases.csv"
    export.export_to(target)  # type: ignore[union-attr]
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "Exported" in place.feedback.text())
    assert place.feedback.text() == "Exported 1 purchase to purchases.csv."
    (row,) = csv.DictReader(target.open(encoding="utf-8"))
    assert row["number"] == paid.receipt_number and row["method"] == "card_at_desk"


def test_the_queue_model_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, gui_services: Services, tab_context_for: ContextFor
) -> None:
    ctx = desk_context(gui_services, tab_context_for)
    place = open_place(qtbot, ctx)
    qtmodeltester.check(place.model)


def test_refusing_a_bundle_bought_by_transfer_withdraws_it(
    qtbot: Any,
    gui_services: Services,
    factory_studio: Any,
    client_session: SignedIn,
    tab_context_for: ContextFor,
) -> None:
    ctx = desk_context(gui_services, tab_context_for)
    bundle = gui_services.checkout.buy_bundle(
        client_session.principal,
        BundlePurchaseRequest(factory_studio.bundle_product, PaymentMethod.BANK_TRANSFER, True),
    )
    place = open_place(qtbot, ctx)
    place.search.setText("Ana")
    qtbot.waitUntil(lambda: place.model.search == "Ana" and not place.model.is_loading)
    place.select_purchases([bundle.purchase.id])
    click(qtbot, place.refuse_button)
    qtbot.waitUntil(lambda: place.dialog is not None and place.dialog.isVisible())
    dialog = place.dialog
    assert isinstance(dialog, RefusePaymentDialog) and not dialog.is_session
    assert "withdrawn" in dialog.explain.text()
    dialog.reason.setText("No transfer after two weeks")
    click(qtbot, dialog.confirm_button)
    wait_closed(qtbot, dialog)
    wait_idle(qtbot, ctx)
    assert place.feedback.text() == "The payment of Ana Client was refused."
    purchase = gui_services.purchases.get(Principal.system(), bundle.purchase.id)
    assert purchase.status is PurchaseStatus.VOID and purchase.receipt_number is None
    held = gui_services.bundles.get(client_session.principal, bundle.bundle_id)
    assert held.sessions_remaining == 0
    qtbot.waitUntil(lambda: bundle.purchase.id not in shown_ids(place))
