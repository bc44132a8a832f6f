"""The booking wizard, step by step: a first-time visitor signs up at checkout and books;
a signed-in client books and sees the session listed; promo codes are explained."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QWizard

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod
from podyx_desktop.domain.records import BookingResult, SignedIn
from podyx_desktop.services import Services
from podyx_desktop.views.booking.booking_wizard import BookingWizard
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.bookings_tab import BookingsTab
from tests.factories import PASSWORD
from tests.gui.fixtures_tabs import click, pick_slot, select_row, studio_today, wait_idle

NEW_NAME = "Zoë Ångström-Δημητρίου"
NEW_EMAIL = "zoe@example.com"


def _next(qtbot: Any, wizard: BookingWizard) -> None:
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled())
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def _open_wizard(qtbot: Any, ctx: ViewContext) -> BookingWizard:
    wizard = BookingWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.setup_page.model.rowCount() > 0, timeout=10_000)
    return wizard


def _choose_session(
    qtbot: Any, ctx: ViewContext, wizard: BookingWizard, factory_studio: Any
) -> None:
    """Setup (2-person podcast) → Podcast recording, 2 h → an engineer → a free time."""
    row = wizard.setup_page.model.row_of(factory_studio.podcast_setup)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    select_row(qtbot, wizard.setup_page.list, row)
    _next(qtbot, wizard)

    assert wizard.currentId() == BookingWizard.SERVICE
    page = wizard.service_page
    assert page.model.rowCount() == 1  # the video podcast is not offered on this setup
    select_row(qtbot, page.list, page.model.row_of(factory_studio.podcast))
    page.length.setCurrentIndex(page.length.findData(120))
    assert page.length.currentText() == "2 h — 120,00\xa0€"
    _next(qtbot, wizard)

    assert wizard.currentId() == BookingWizard.ADDONS
    picker = wizard.addons_page.picker
    assert set(picker.addon_ids()) == {factory_studio.engineer, factory_studio.extra_mic}
    click(qtbot, picker.checkbox(factory_studio.engineer))
    _next(qtbot, wizard)

    assert wizard.currentId() == BookingWizard.TIME
    pick_slot(qtbot, ctx, wizard.time_page.picker, studio_today() + timedelta(days=2), row=1)
    _next(qtbot, wizard)
    assert wizard.currentId() == BookingWizard.REVIEW
    wait_idle(qtbot, ctx)


def test_a_visitor_signs_up_at_checkout_and_books(
    qtbot: Any,
    tab_visitor_context: ViewContext,
    tab_context_for: Any,
    factory_studio: Any,
    gui_services: Services,
) -> None:
    ctx = tab_visitor_context
    wizard = _open_wizard(qtbot, ctx)
    results: list[BookingResult] = []
    wizard.booked.connect(results.append)
    _choose_session(qtbot, ctx, wizard, factory_studio)

    review = wizard.review_page
    # 120 € session + 40 € engineer, prices include 19 % VAT.
    assert review.prices.lines_model.rowCount() == 2
    assert review.prices.total_label.text() == "Total: 160,00\xa0€"
    assert review.prices.vat_label.text() == "Includes VAT 19%: 25,55\xa0€ (net 134,45\xa0€)"
    assert "Podcast recording, 2 h, in Studio A — 2-person podcast" in review.summary.text()

    # A refused promo code says why; the price stays as it was.
    review.promo.field.setText("nope")
    click(qtbot, review.promo.apply_button)
    wait_idle(qtbot, ctx)
    assert review.promo.message.text() == "There is no promo code “NOPE”. Check the spelling."
    review.promo.field.setText("LATER")
    click(qtbot, review.promo.apply_button)
    wait_idle(qtbot, ctx)
    assert review.promo.message.text() == "The promo code “LATER” is not valid yet."
    review.promo.field.setText("welcome10")
    click(qtbot, review.promo.apply_button)
    wait_idle(qtbot, ctx)
    assert review.promo.message.text() == "Promo code WELCOME10 applied: you save 16,00\xa0€."
    assert review.prices.total_label.text() == "Total: 144,00\xa0€"

    # The account form is on this step for a signed-out visitor.
    form = review.account_form
    assert form is not None and form.isVisible()
    form.full_name.setText(NEW_NAME)
    form.email.setText(NEW_EMAIL)
    form.phone.setText("+49 30 7654321")
    form.password.setText(PASSWORD)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert review.account_hint.text() == "The two passwords differ. Type the same password twice."
    form.confirm.setText(PASSWORD)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # terms not yet
    click(qtbot, review.terms.check)
    _next(qtbot, wizard)

    assert wizard.currentId() == BookingWizard.PAYMENT
    payment = wizard.payment_page
    methods = [payment.method.combo.itemData(i) for i in range(payment.method.combo.count())]
    assert methods == ["pay_later", "bank_transfer"]  # no bundle credit; no store credit yet
    payment.method.set_method(PaymentMethod.BANK_TRANSFER)
    book = wizard.button(QWizard.WizardButton.CommitButton)
    assert book.text().replace("&", "") == "Book"
    click(qtbot, book)
    qtbot.waitUntil(lambda: wizard.currentId() == BookingWizard.DONE, timeout=10_000)

    assert len(results) == 1
    result = results[0]
    assert result.signed_in is not None
    assert result.signed_in.account.full_name == NEW_NAME
    assert result.booking.status is BookingStatus.PENDING
    assert result.purchase is not None and result.purchase.promo_code == "WELCOME10"
    text = wizard.done_page.message.text()
    assert "Your session is booked" in text
    assert "stays pending" in text
    assert f"signed in as {NEW_EMAIL}" in text

    # The account exists and the booking is listed in the new client's Bookings tab.
    signed_in: SignedIn = gui_services.accounts.sign_in(NEW_EMAIL, PASSWORD)
    own = gui_services.bookings.list_for_client(signed_in.principal, signed_in.account.id)
    assert [b.id for b in own] == [result.booking.id]
    assert [a.name for a in own[0].addons] == ["Engineer"]
    new_ctx = tab_context_for(result.signed_in)
    tab = BookingsTab(new_ctx)
    qtbot.addWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=10_000)
    assert tab.upcoming_model.record(0).id == result.booking.id  # type: ignore[union-attr]
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert not wizard.isVisible()


def test_a_signed_in_client_books_and_the_list_updates(
    qtbot: Any,
    tab_context: ViewContext,
    factory_studio: Any,
    gui_services: Services,
    client_session: SignedIn,
) -> None:
    ctx = tab_context
    tab = BookingsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()  # on show behind the wizard, as in the window
    tab.reload()
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 1, timeout=10_000)

    wizard = _open_wizard(qtbot, ctx)
    _choose_session(qtbot, ctx, wizard, factory_studio)
    review = wizard.review_page
    assert review.account_form is None  # already signed in
    assert review.prices.total_label.text() == "Total: 160,00\xa0€"
    click(qtbot, review.terms.check)
    _next(qtbot, wizard)
    payment = wizard.payment_page
    methods = [payment.method.combo.itemData(i) for i in range(payment.method.combo.count())]
    assert methods == ["pay_later", "bank_transfer", "store_credit"]
    # Store credit is refused (there is none); the reason is shown and the client can retry.
    payment.method.set_method(PaymentMethod.STORE_CREDIT)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    wait_idle(qtbot, ctx)
    assert wizard.currentId() == BookingWizard.PAYMENT
    assert "store credit" in payment.error.text().lower()
    payment.method.set_method(PaymentMethod.PAY_LATER)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentId() == BookingWizard.DONE, timeout=10_000)
    assert wizard.booking_result is not None and wizard.booking_result.signed_in is None
    # The wizard published the change; the tab (same bus) lists the new session too.
    qtbot.waitUntil(lambda: tab.upcoming_model.rowCount() == 2, timeout=10_000)
    assert tab.upcoming_model.row_of(wizard.booking_result.booking.id) >= 0
    listed = gui_services.bookings.list_for_client(
        client_session.principal, client_session.account.id
    )
    assert len(listed) == 2


def test_the_account_step_checks_as_typed_and_an_existing_client_signs_in_in_place(
    qtbot: Any,
    tab_visitor_context: ViewContext,
    factory_studio: Any,
    studio: Any,
    gui_services: Services,
) -> None:
    ctx = tab_visitor_context
    wizard = _open_wizard(qtbot, ctx)
    _choose_session(qtbot, ctx, wizard, factory_studio)
    review = wizard.review_page
    form = review.account_form
    assert form is not None and review.checkout_sign_in is not None

    form.full_name.setText("Ana Again")
    form.email.setText("ana@")  # not an address yet: said under the field after a pause
    form.phone.setText("12")
    qtbot.waitUntil(lambda: form.email_note.isVisible(), timeout=5_000)
    assert "not a valid email address" in form.email_note.text()
    assert "phone number" in form.phone_note.text() and form.phone_note.isVisible()
    assert not form.sign_in_instead.isVisible()

    form.phone.setText("+49 30 7654321")
    form.email.setText(studio.client_email.upper())  # registered, in other letters
    qtbot.waitUntil(lambda: form.sign_in_instead.isVisible(), timeout=5_000)
    assert form.email_note.text() == "This email already has an account."
    assert not form.phone_note.isVisible()
    form.password.setText(PASSWORD)
    form.confirm.setText(PASSWORD)
    click(qtbot, review.terms.check)
    assert "already exists" in review.account_hint.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    click(qtbot, form.sign_in_instead)  # the account form gives way to a sign-in
    panel = review.checkout_sign_in
    assert panel.isVisible() and not form.isVisible()
    assert panel.email.text() == studio.client_email.upper()
    panel.password.setText("not the password")
    click(qtbot, panel.sign_in_button)
    qtbot.waitUntil(lambda: panel.message.isVisible(), timeout=10_000)
    assert "not correct" in panel.message.text()
    panel.password.setText(studio.client_password)
    click(qtbot, panel.sign_in_button)
    qtbot.waitUntil(lambda: wizard.signed_in is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert not panel.isVisible()
    assert review.account_heading.text().startswith(f"Signed in as {studio.client_name}")
    assert review.prices.total_label.text() == "Total: 160,00\xa0€"  # the cart is kept
    _next(qtbot, wizard)

    payment = wizard.payment_page
    methods = [payment.method.combo.itemData(i) for i in range(payment.method.combo.count())]
    assert "store_credit" in methods  # the signed-in client may use store credit
    payment.method.set_method(PaymentMethod.PAY_LATER)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentId() == BookingWizard.DONE, timeout=10_000)
    result = wizard.booking_result
    assert result is not None and result.signed_in is None  # no new account was made
    signed_in = wizard.signed_in
    assert signed_in is not None and signed_in.account.email == studio.client_email
    booked = gui_services.bookings.get(signed_in.principal, result.booking.id)
    assert booked.client_id == signed_in.account.id
