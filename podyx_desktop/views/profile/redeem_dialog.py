"""Redeem one session of a bundle in two steps, with no payment:
1. pick a setup the bundle covers, a day and a free start time;
2. confirm — one session is taken from the bundle in the same transaction as the booking.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtCore import Slot as QtSlot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.availability import Slot
from podyx_desktop.domain.records import BookingResult, Bundle, Catalogue, Setup
from podyx_desktop.domain.requests import RedeemRequest
from podyx_desktop.models.display import DisplayFormat, duration_text
from podyx_desktop.operations.bookings import load_catalogue
from podyx_desktop.operations.bundles import redeem_bundle
from podyx_desktop.views.booking.slot_picker import SessionShape, SlotPicker
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.text_style import bold, wrapped_label


def eligible_choices(bundle: Bundle, catalogue: Catalogue) -> list[tuple[Setup, int]]:
    """(setup, service id) pairs the bundle can be used on: the setups it names (any when
    none) with the first service it covers that is offered there — as the service picks."""
    choices = []
    for setup in catalogue.setups:
        if bundle.setup_ids and setup.id not in bundle.setup_ids:
            continue
        offered = sorted(
            s.id
            for s in catalogue.services
            if setup.id in s.setup_ids and (not bundle.service_ids or s.id in bundle.service_ids)
        )
        if offered:
            choices.append((setup, offered[0]))
    return choices


class RedeemDialog(QDialog):
    redeemed = Signal(str)  # when the session is, in words

    PICK, CONFIRM = range(2)

    def __init__(self, ctx: ViewContext, bundle: Bundle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.bundle = bundle
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self._choices: list[tuple[Setup, int]] = []
        self._today: datetime | None = None
        self.redeem_result: BookingResult | None = None
        self.setWindowTitle(self.tr("Redeem a session"))
        self.setModal(True)

        # --- step 1 -------------------------------------------------------------------
        self.pick_page = QWidget(self)
        self.step_label = QLabel(self)
        bold(self.step_label)
        self.setup_combo = QComboBox(self.pick_page)
        self.setup_combo.setAccessibleName(self.tr("Room and setup"))
        self.setup_combo.currentIndexChanged.connect(self._setup_changed)
        self.picker = SlotPicker(ctx, self.pick_page)
        self.picker.slot_changed.connect(self._slot_changed)
        self.picker.waitlist.set_origin(bundle.client_id, bundle_id=bundle.id)
        form = QFormLayout()
        setup_label = QLabel(self.tr("&Where:"), self.pick_page)
        setup_label.setBuddy(self.setup_combo)
        form.addRow(setup_label, self.setup_combo)
        pick = QVBoxLayout(self.pick_page)
        pick.setContentsMargins(0, 0, 0, 0)
        pick.addLayout(form)
        pick.addWidget(self.picker, 1)

        # --- step 2 -------------------------------------------------------------------
        self.confirm_page = QWidget(self)
        card = QGroupBox(self.tr("Your session"), self.confirm_page)
        self.summary = QLabel(card)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("RedeemSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.no_payment = QLabel(card)
        self.no_payment.setWordWrap(True)
        self.no_payment.setObjectName("SuccessText")
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.summary)
        card_layout.addSpacing(6)
        card_layout.addWidget(self.no_payment)
        confirm = QVBoxLayout(self.confirm_page)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.addWidget(card)
        confirm.addStretch(1)

        self.steps = QStackedWidget(self)
        self.steps.addWidget(self.pick_page)
        self.steps.addWidget(self.confirm_page)
        self.error_label = wrapped_label(self, "ErrorText")
        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.confirm_button = QPushButton(self.tr("&Confirm booking"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.confirm_button.setAccessibleName(self.tr("Confirm the redeemed session"))
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(lambda: self.go_to(self.PICK))
        self.next_button.clicked.connect(lambda: self.go_to(self.CONFIRM))
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.confirm_button, self.cancel_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
            # The default button is drawn bold: keep room for its text in bold.
            font = button.font()
            font.setBold(True)
            text = button.text().replace("&", "")
            button.setMinimumWidth(QFontMetrics(font).horizontalAdvance(text) + 44)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(680, 460)
        self.go_to(self.PICK)
        self._load()

    def _load(self) -> None:
        principal = self._ctx.user.principal
        self.setup_combo.setEnabled(False)
        load_catalogue(self._ctx, principal).success(self._loaded).failure(
            self.error_label.setText
        ).run(self)

    def _loaded(self, result: tuple[Catalogue, datetime]) -> None:
        catalogue, self._today = result
        self._choices = eligible_choices(self.bundle, catalogue)
        self.setup_combo.blockSignals(True)
        for setup, _service in self._choices:
            self.setup_combo.addItem(f"{setup.room_name} — {setup.name}", setup.id)
        self.setup_combo.blockSignals(False)
        self.setup_combo.setEnabled(bool(self._choices))
        if not self._choices:
            self.error_label.setText(
                self.tr("No setup can be booked with this bundle at the moment.")
            )
            return
        self._setup_changed(0)
        self.picker.set_day(self.display.local(self._today).date(), find_free=True)

    @QtSlot(int)
    def _setup_changed(self, index: int) -> None:
        if not 0 <= index < len(self._choices):
            return
        setup, service_id = self._choices[index]
        self.picker.set_shape(SessionShape(setup.id, service_id, self.bundle.session_minutes))

    @QtSlot(object)
    def _slot_changed(self, slot: Slot | None) -> None:
        self.next_button.setEnabled(slot is not None and self.steps.currentIndex() == self.PICK)
        self.error_label.clear()

    def go_to(self, step: int) -> None:
        slot = self.picker.selected_slot()
        if step == self.CONFIRM and slot is None:
            return
        self.steps.setCurrentIndex(step)
        pick = step == self.PICK
        self.step_label.setText(
            self.tr("Step 1 of 2: choose where and when")
            if pick
            else self.tr("Step 2 of 2: confirm")
        )
        self.back_button.setVisible(not pick)
        self.next_button.setVisible(pick)
        self.next_button.setEnabled(slot is not None)
        self.confirm_button.setVisible(not pick)
        self.confirm_button.setDefault(not pick)
        self.next_button.setDefault(pick)
        self.error_label.clear()
        if not pick and slot is not None:
            self._fill_summary(slot)
            self.confirm_button.setFocus()

    def _fill_summary(self, slot: Slot) -> None:
        bundle = self.bundle
        self.summary.setText(
            self.tr("{when} ({zone})\n{where}\n{bundle}: one session of {length}").format(
                bundle=bundle.name,
                length=duration_text(bundle.session_minutes),
                where=self.setup_combo.currentText(),
                when=self.display.time_range(slot.starts_at, slot.ends_at),
                zone=self.display.time_zone,
            )
        )
        self.no_payment.setText(
            self.tr(
                "No payment: one session is taken from your bundle, leaving {left} of {total}."
            ).format(left=bundle.sessions_remaining - 1, total=bundle.sessions_total)
        )

    @QtSlot()
    def confirm(self) -> None:
        slot = self.picker.selected_slot()
        index = self.setup_combo.currentIndex()
        if slot is None or not 0 <= index < len(self._choices):
            return
        setup, service_id = self._choices[index]
        request = RedeemRequest(self.bundle.id, setup.id, slot.starts_at, service_id)
        principal = self._ctx.user.principal
        self.confirm_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.error_label.setText(self.tr("Booking…"))
        redeem_bundle(self._ctx, principal, request).success(self._done).failure(self._failed).run(
            self
        )

    def _done(self, result: BookingResult) -> None:
        self.redeem_result = result
        booking = result.booking
        self.redeemed.emit(self.display.time_range(booking.starts_at, booking.ends_at))
        self.accept()

    def _failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.confirm_button.setEnabled(True)
        self.back_button.setEnabled(True)
