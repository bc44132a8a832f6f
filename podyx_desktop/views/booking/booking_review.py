"""The booking wizard's last steps: review (price lines, promo code, VAT, total, terms,
and the account form for a first-time client), payment (the method, then Book) and the
confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.records import BookingResult
from podyx_desktop.domain.requests import BookingRequest, Quote
from podyx_desktop.domain.vocabulary import display_locale
from podyx_desktop.models.display import duration_text
from podyx_desktop.operations.bookings import book, quote_session
from podyx_desktop.views.booking.checkout_sign_in import CheckoutSignIn
from podyx_desktop.views.booking.checkout_widgets import (
    PaymentMethodPicker,
    PriceSummaryView,
    PromoCodeRow,
    TermsCheck,
)
from podyx_desktop.views.common.formatting import money_text
from podyx_desktop.views.common.sign_up import AccountForm
from podyx_desktop.views.common.text_style import bold, wrapped_label

if TYPE_CHECKING:
    from podyx_desktop.domain.records import Account
    from podyx_desktop.views.booking.draft import Checkout


class ReviewPage(QWizardPage):
    def __init__(self, wizard: Checkout) -> None:
        super().__init__()
        self._wizard = wizard
        self._quote_request = 0
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Check your session and its price."))
        # A first-time client's account form makes this step long: it scrolls.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.viewport().setAutoFillBackground(False)
        self.error = wrapped_label(self, "ErrorText")
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.scroll_area, 1)
        page.addWidget(self.error)

    def build_content(self) -> None:
        """What the page shows, made once the page is in the wizard (``QWizard.setPage``
        polishes and measures all a page holds: the two together were the wizard's longest
        stall, so the wizard does them in two turns of the event loop)."""
        wizard = self._wizard
        content = QWidget()
        content.setObjectName("ScrollHolder")  # transparent in the app's style
        self.summary = QLabel(content)
        self.summary.setWordWrap(True)
        self.prices = PriceSummaryView(wizard.display, content)
        self.promo = PromoCodeRow(content)
        self.promo.apply_requested.connect(self.apply_promo)
        self.terms = TermsCheck(wizard.ctx.user.studio.terms, content)
        self.terms.check.toggled.connect(self.completeChanged)
        visitor = wizard.is_visitor
        self.account_form = AccountForm(content, wizard.ctx) if visitor else None
        self.checkout_sign_in = CheckoutSignIn(wizard.ctx, content) if visitor else None
        self.account_heading = QLabel(
            self.tr("Your account — new here? Create it as you book."), content
        )
        bold(self.account_heading)
        self.account_hint = QLabel(content)
        self.account_hint.setWordWrap(True)
        self.account_hint.setObjectName("Muted")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.prices)
        layout.addWidget(self.promo)
        if self.account_form is not None and self.checkout_sign_in is not None:
            layout.addWidget(self.account_heading)
            layout.addWidget(self.account_form)
            layout.addWidget(self.checkout_sign_in)
            layout.addWidget(self.account_hint)
            self.checkout_sign_in.hide()
            self.account_form.changed.connect(self._account_changed)
            self.account_form.sign_in_instead_requested.connect(self._sign_in_instead)
            self.checkout_sign_in.back_requested.connect(self._create_account_instead)
            self.checkout_sign_in.signed_in.connect(wizard.sign_in_at_checkout)
            QWidget.setTabOrder(self.promo.apply_button, self.account_form.full_name)
            QWidget.setTabOrder(self.account_form.confirm, self.terms.check)
        else:
            self.account_heading.hide()
            self.account_hint.hide()
        layout.addWidget(self.terms)
        layout.addStretch(1)
        self.scroll_area.setWidget(content)

    def initializePage(self) -> None:
        draft = self._wizard.draft
        if draft.setup is None or draft.service is None or draft.slot is None:
            return
        display = self._wizard.display
        addons = ", ".join(f"{q} × {a.name}" for a, q in draft.addons) or self.tr("no add-ons")
        self.summary.setText(
            self.tr("{service}, {length}, in {room}, with {addons}.\n{when} ({zone})").format(
                service=draft.service.name,
                length=duration_text(draft.minutes),
                room=f"{draft.setup.room_name} — {draft.setup.name}",
                addons=addons,
                when=display.time_range(draft.slot.starts_at, draft.slot.ends_at),
                zone=display.time_zone,
            )
        )
        self._account_changed()
        self.request_quote(draft.promo_code)

    @Slot(str)
    def apply_promo(self, code: str) -> None:
        self.request_quote(code or None)

    def request_quote(self, code: str | None) -> None:
        draft = self._wizard.draft
        principal = self._wizard.ctx.user.principal
        cart = draft.cart()
        self._quote_request += 1
        request = self._quote_request
        draft.quote = None
        self.completeChanged.emit()
        self.error.clear()
        quote_session(self._wizard.ctx, principal, cart, code).success(
            lambda quote: self._quoted(request, code, quote)
        ).failure(lambda message: self._quote_failed(request, message)).run(self)

    def _quoted(self, request: int, code: str | None, quote: Quote) -> None:
        if request != self._quote_request:
            return
        draft = self._wizard.draft
        draft.quote = quote
        if quote.promo_refusal is not None:
            draft.promo_code = None
            self.promo.show_refused(quote.promo_message or "")
        elif code and quote.summary.promo_code:
            draft.promo_code = quote.summary.promo_code
            studio = self._wizard.ctx.user.studio
            self.promo.show_applied(
                self.tr("Promo code {code} applied: you save {amount}.").format(
                    code=quote.summary.promo_code,
                    amount=money_text(
                        quote.summary.discount_minor, studio.currency, display_locale(studio.locale)
                    ),
                )
            )
        else:
            draft.promo_code = None
            self.promo.clear_message()
        self.prices.show_summary(quote.summary)
        self.completeChanged.emit()

    def _quote_failed(self, request: int, message: str) -> None:
        if request == self._quote_request:
            self.error.setText(message)

    @Slot()
    def _account_changed(self) -> None:
        if self.needs_new_account and self.account_form is not None:
            problem = self.account_form.problem()
            self.account_hint.setText(problem or self.tr("Your account is created when you book."))
        self.completeChanged.emit()

    @property
    def needs_new_account(self) -> bool:
        """Whether booking creates an account: a visitor who has not signed in meanwhile."""
        return self.account_form is not None and self._wizard.is_visitor

    @Slot(str)
    def _sign_in_instead(self, email: str) -> None:
        if self.account_form is None or self.checkout_sign_in is None:
            return
        self.account_form.hide()
        self.account_hint.hide()
        self.account_heading.hide()
        self.checkout_sign_in.show()
        self.checkout_sign_in.start(email)

    @Slot()
    def _create_account_instead(self) -> None:
        if self.account_form is None or self.checkout_sign_in is None:
            return
        self.checkout_sign_in.hide()
        self.account_heading.show()
        self.account_form.show()
        self.account_hint.show()
        self.account_form.email.setFocus()

    def show_signed_in(self, account: Account) -> None:
        """The visitor signed in: no account form any more; the price is quoted again for
        them (a promo code's per-client limit counts their earlier uses)."""
        if self.checkout_sign_in is not None:
            self.checkout_sign_in.hide()
        if self.account_form is not None:
            self.account_form.hide()
        self.account_heading.show()
        self.account_heading.setText(
            self.tr("Signed in as {name} ({email}).").format(
                name=account.full_name, email=account.email
            )
        )
        self.account_hint.show()
        self.account_hint.setText(self.tr("The session is booked with your account."))
        self.request_quote(self._wizard.draft.promo_code)

    def validatePage(self) -> bool:
        return self.isComplete()

    def isComplete(self) -> bool:
        if self._wizard.draft.quote is None or not self.terms.accepted():
            return False
        return not self.needs_new_account or (
            self.account_form is not None and self.account_form.problem() is None
        )


class PaymentPage(QWizardPage):
    def __init__(self, wizard: Checkout) -> None:
        super().__init__()
        self._wizard = wizard
        self._booking = False
        self.setTitle(self.tr("Payment"))
        self.setSubTitle(self.tr("How would you like to pay?"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Book"))
        self.method = PaymentMethodPicker.for_user(wizard.ctx.user, self)
        self.total = QLabel(self)
        bold(self.total)
        self.error = wrapped_label(self, "ErrorText")
        form = QFormLayout()
        method_label = QLabel(self.tr("Payment &method:"), self)
        method_label.setBuddy(self.method.combo)
        form.addRow(method_label, self.method)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        quote = self._wizard.draft.quote
        studio = self._wizard.ctx.user.studio
        if quote is not None:
            self.total.setText(
                self.tr("Total: {amount}").format(
                    amount=money_text(
                        quote.summary.gross_minor, studio.currency, display_locale(studio.locale)
                    )
                )
            )
        self.error.clear()

    def isComplete(self) -> bool:
        return not self._booking

    def validatePage(self) -> bool:
        if self._wizard.booking_result is not None:
            return True
        if not self._booking:
            self.book()
        return False

    def book(self) -> None:
        wizard = self._wizard
        draft = wizard.draft
        if draft.slot is None or draft.setup is None or draft.service is None:
            return
        review = wizard.review_page
        form = review.account_form if review.needs_new_account else None
        request = BookingRequest(
            cart=draft.cart(),
            starts_at=draft.slot.starts_at,
            payment_method=self.method.method(),
            terms_accepted=review.terms.accepted(),
            promo_code=draft.promo_code,
            new_account=form.new_account() if form is not None else None,
        )
        principal = wizard.ctx.user.principal
        self._booking = True
        self.completeChanged.emit()
        self.error.setText(self.tr("Booking…"))
        book(wizard.ctx, principal, request).success(self._booked).failure(self._failed).run(self)

    def _booked(self, result: BookingResult) -> None:
        self._booking = False
        self.error.clear()
        self._wizard.finish_booking(result)

    def _failed(self, message: str) -> None:
        self._booking = False
        self.error.setText(message)
        self.completeChanged.emit()


class DonePage(QWizardPage):
    def __init__(self, wizard: Checkout) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Booked"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("Confirmation")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self._wizard.booking_result
        if result is None:
            return
        booking = result.booking
        display = self._wizard.display
        lines = [
            self.tr("Your session is booked: {service} in {room}, {when}.").format(
                service=booking.service_name,
                room=f"{booking.room_name} — {booking.setup_name}",
                when=display.time_range(booking.starts_at, booking.ends_at),
            )
        ]
        if booking.status is BookingStatus.PENDING:
            self.setSubTitle(self.tr("Waiting for payment approval"))
            lines.append(self.tr("It stays pending until the studio has received your payment."))
        else:
            self.setSubTitle(self.tr("Confirmed"))
        if result.purchase is not None:
            purchase = result.purchase
            total = money_text(purchase.gross_minor, purchase.currency, display.locale)
            if purchase.receipt_number:
                lines.append(
                    self.tr("Paid {total}; receipt {number}.").format(
                        total=total, number=purchase.receipt_number
                    )
                )
            else:
                lines.append(
                    self.tr(
                        "Total {total}; the receipt follows when the payment is recorded."
                    ).format(total=total)
                )
        if result.signed_in is not None:
            lines.append(
                self.tr("Your account has been created; you are signed in as {email}.").format(
                    email=result.signed_in.account.email
                )
            )
        self.message.setText("\n\n".join(lines))
