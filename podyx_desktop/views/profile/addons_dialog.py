"""Add add-ons to a booked, upcoming session: which ones, how many, and how to pay.

Only add-ons the studio lets clients add after booking are offered (the service says
which); ones already on the session are shown but cannot be chosen again. The charge is a
new purchase with its own receipt.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.enums import LineKind
from podyx_desktop.domain.pricing import CartItem, price_cart
from podyx_desktop.domain.records import Addon, Booking, BookingResult
from podyx_desktop.domain.vocabulary import display_locale
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.bookings import add_addons
from podyx_desktop.views.booking.addon_picker import AddonPicker
from podyx_desktop.views.booking.checkout_widgets import PaymentMethodPicker
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.formatting import money_text
from podyx_desktop.views.common.text_style import bold, wrapped_label


class AddonsDialog(QDialog):
    added = Signal(object)  # the updated Booking

    def __init__(
        self,
        ctx: ViewContext,
        booking: Booking,
        addable: Sequence[Addon],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.booking = booking
        studio = ctx.user.studio
        self._display = DisplayFormat.for_studio(studio)
        self.setWindowTitle(self.tr("Add add-ons"))
        self.setModal(True)
        intro = QLabel(
            self.tr("Add to your {service} session on {when}:").format(
                service=booking.service_name,
                when=self._display.time_range(booking.starts_at, booking.ends_at),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.picker = AddonPicker(studio.currency, display_locale(studio.locale), self)
        already = {a.addon_id for a in booking.addons}
        self.picker.set_addons(
            addable, {aid: self.tr("Already on this session.") for aid in already}
        )
        self.payment = PaymentMethodPicker.for_user(ctx.user, self, purpose="addons")
        self.total_label = QLabel(self)
        bold(self.total_label)
        self.error_label = wrapped_label(self, "ErrorText")
        self.confirm_button = QPushButton(self.tr("&Add and pay"), self)
        self.confirm_button.setAccessibleName(self.tr("Add the chosen add-ons"))
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.picker.changed.connect(self._update_total)

        form = QFormLayout()
        form.addRow(self.tr("Payment &method:"), self.payment)
        payment_label = form.labelForField(self.payment)
        if isinstance(payment_label, QLabel):
            payment_label.setBuddy(self.payment.combo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addLayout(form)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(520, 320)
        self._update_total()

    @Slot()
    def _update_total(self) -> None:
        chosen = self.picker.chosen_addons()
        self.confirm_button.setEnabled(bool(chosen))
        if not chosen:
            self.total_label.setText(self.tr("Choose at least one add-on."))
            return
        studio = self._ctx.user.studio
        summary = price_cart(
            [
                CartItem(LineKind.ADDON, a.id, a.name, quantity, a.unit_price_minor, a.vat_rate_bp)
                for a, quantity in chosen
            ],
            currency=studio.currency,
            prices_include_vat=studio.prices_include_vat,
        )
        self.total_label.setText(
            self.tr("Total to pay: {amount}").format(
                amount=money_text(
                    summary.gross_minor, studio.currency, display_locale(studio.locale)
                )
            )
        )

    @Slot()
    def confirm(self) -> None:
        choices = self.picker.choices()
        if not choices:
            return
        principal = self._ctx.user.principal
        booking_id = self.booking.id
        method = self.payment.method()
        self.confirm_button.setEnabled(False)
        self.error_label.setText(self.tr("Adding…"))
        add_addons(self._ctx, principal, booking_id, choices, method).success(self._done).failure(
            self._failed
        ).run(self)

    def _done(self, result: BookingResult) -> None:
        self.added.emit(result.booking)
        self.accept()

    def _failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.confirm_button.setEnabled(bool(self.picker.choices()))
