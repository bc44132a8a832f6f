"""The second step of booking on a client's behalf: the session (setup, service, length,
add-ons), its time from the free times (or, outside the studio's rules, any time), and
how the client pays."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtCore import Slot as QtSlot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.records import Addon, Catalogue, Service, Setup
from podyx_desktop.domain.requests import SessionCart
from podyx_desktop.domain.vocabulary import display_locale, payment_method_text
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.operations.bookings import load_catalogue
from podyx_desktop.operations.desk_booking import DESK_PAYMENT_METHODS, BookOnBehalf
from podyx_desktop.views.booking.addon_picker import AddonPicker
from podyx_desktop.views.booking.slot_picker import SessionShape, SlotPicker
from podyx_desktop.views.common.text_style import wrapped_label

if TYPE_CHECKING:
    from podyx_desktop.domain.availability import Slot
    from podyx_desktop.views.common.context import ViewContext


class SessionStep(QWidget):
    """The session, its time and the payment method; :meth:`request` builds the booking."""

    ready_changed = Signal(bool)
    catalogue_loaded = Signal()

    def __init__(
        self,
        ctx: ViewContext,
        room_id: int | None = None,
        starts_at: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._room_id = room_id
        self._preset = starts_at
        self._catalogue: Catalogue | None = None
        studio = ctx.user.studio
        self._zone = ZoneInfo(studio.time_zone)
        self.heading = QLabel(self.tr("The session"), self)
        self.heading.setObjectName("PageTitle")
        self.setup = QComboBox(self)
        self.setup.setAccessibleName(self.tr("Setup"))
        self.service = QComboBox(self)
        self.service.setAccessibleName(self.tr("Service"))
        self.length = QComboBox(self)
        self.length.setAccessibleName(self.tr("Length"))
        self.addons = AddonPicker(studio.currency, display_locale(studio.locale), self)
        self.slots = SlotPicker(ctx, self)
        self.payment = QComboBox(self)
        self.payment.setAccessibleName(self.tr("Payment method"))
        for method in DESK_PAYMENT_METHODS:
            self.payment.addItem(payment_method_text(method), method)
        self.bypass = QCheckBox(self.tr("&Outside the studio's rules"), self)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for booking outside the rules"))
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.any_time = QDateTimeEdit(self)
        self.any_time.setAccessibleName(self.tr("Start time outside the rules"))
        self.any_time.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.any_time.setTimeZone(QTimeZone(studio.time_zone.encode()))
        self.any_time.setCalendarPopup(True)
        for widget in (self.reason, self.any_time):
            widget.setEnabled(False)
        self.note = wrapped_label(self, "Muted", self.tr("Time note"))

        form = QFormLayout()
        form.addRow(self.tr("&Setup"), self.setup)
        form.addRow(self.tr("Ser&vice"), self.service)
        form.addRow(self.tr("&Length"), self.length)
        form.addRow(self.tr("Add-ons"), self.addons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.slots, 1)
        layout.addWidget(self.note)
        rules = QFormLayout()
        rules.addRow(self.bypass)
        rules.addRow(self.tr("Rea&son"), self.reason)
        rules.addRow(self.tr("Start &time"), self.any_time)
        rules.addRow(self.tr("&Payment"), self.payment)
        layout.addLayout(rules)

        self.setup.currentIndexChanged.connect(lambda _i: self._setup_changed())
        self.service.currentIndexChanged.connect(lambda _i: self._service_changed())
        self.length.currentIndexChanged.connect(lambda _i: self._shape_changed())
        self.slots.slot_changed.connect(self._slot_changed)
        self.slots.loaded.connect(self._select_preset)
        self.bypass.toggled.connect(self._bypass_toggled)
        self.reason.textChanged.connect(lambda _text: self._ready())
        self.payment.currentIndexChanged.connect(lambda _i: self._payment_changed())
        if starts_at is not None:
            local = starts_at.astimezone(self._zone)
            self.slots.set_day(local.date())
            self._set_any_time(starts_at)

    # --- loading the catalogue ---------------------------------------------------------

    def load(self) -> None:
        load_catalogue(self._ctx, self._ctx.user.principal).success(
            lambda result: self._show_catalogue(result[0])
        ).failure(self.note.setText).run(self)

    def _show_catalogue(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self.setup.blockSignals(True)
        self.setup.clear()
        chosen = 0
        for setup in catalogue.setups:
            if not setup.active:
                continue
            if setup.room_id == self._room_id and chosen == 0 and self.setup.count() > 0:
                chosen = self.setup.count()
            self.setup.addItem(f"{setup.room_name} · {setup.name}", setup)
        self.setup.setCurrentIndex(chosen)
        self.setup.blockSignals(False)
        self._setup_changed()
        self.catalogue_loaded.emit()

    def _setup_changed(self) -> None:
        setup: Setup | None = self.setup.currentData()
        self.service.blockSignals(True)
        self.service.clear()
        if self._catalogue is not None and setup is not None:
            for service in self._catalogue.services:
                if service.active and setup.id in service.setup_ids:
                    self.service.addItem(service.name, service)
        self.service.blockSignals(False)
        self._service_changed()

    def _service_changed(self) -> None:
        service: Service | None = self.service.currentData()
        self.length.blockSignals(True)
        self.length.clear()
        addons: list[Addon] = []
        if service is not None:
            for minutes in service.lengths():
                self.length.addItem(self.tr("{hours:g} h").format(hours=minutes / 60), minutes)
            if self._catalogue is not None:
                addons = [
                    a for a in self._catalogue.addons if a.active and service.id in a.service_ids
                ]
        self.length.blockSignals(False)
        self.addons.set_addons(addons)
        self._shape_changed()

    def _shape_changed(self) -> None:
        setup: Setup | None = self.setup.currentData()
        service: Service | None = self.service.currentData()
        minutes = self.length.currentData()
        if setup is not None and service is not None and minutes:
            self.slots.set_shape(SessionShape(setup.id, service.id, int(minutes)))
        self._ready()

    @QtSlot()
    def _select_preset(self) -> None:
        """Select the clicked time among the free ones, when it is one."""
        if self._preset is None:
            return
        for row in range(self.slots.model.rowCount()):
            slot = self.slots.model.index(row, 0).data(RECORD_ROLE)
            if getattr(slot, "starts_at", None) == self._preset:
                self.slots.select_row(row)
                return
        self.note.setText(
            self.tr(
                "The clicked time is not one of the free times for this session: choose "
                "another, or book it outside the studio's rules."
            )
        )

    def _payment_changed(self) -> None:
        """Bundle credit pays for the session only: the add-ons are off while it is chosen."""
        bundle = self._method() is PaymentMethod.BUNDLE_CREDIT
        self.addons.setEnabled(not bundle)
        self.addons.setToolTip(
            self.tr(
                "Bundle credit pays for the session only; add-ons can be added to the "
                "booking afterwards and paid on their own."
            )
            if bundle
            else ""
        )

    def _method(self) -> PaymentMethod:
        return PaymentMethod(self.payment.currentData())  # Qt keeps the enum as text

    # --- the time outside the rules ----------------------------------------------------

    def _set_any_time(self, when: datetime) -> None:
        self.any_time.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))

    @QtSlot(object)
    def _slot_changed(self, slot: Slot | None) -> None:
        """The time outside the rules starts from the free time picked."""
        if slot is not None and not self.bypass.isChecked():
            self._set_any_time(slot.starts_at)
        self._ready()

    @QtSlot(bool)
    def _bypass_toggled(self, on: bool) -> None:
        self.reason.setEnabled(on)
        self.any_time.setEnabled(on)
        slot = self.slots.selected_slot()
        if on and slot is not None:
            self._set_any_time(slot.starts_at)
        self._ready()

    def starts_at(self) -> datetime | None:
        """The chosen start: the free time picked, or outside the rules the typed time."""
        if self.bypass.isChecked():
            seconds = self.any_time.dateTime().toSecsSinceEpoch()
            return datetime.fromtimestamp(seconds, tz=self._zone)
        slot = self.slots.selected_slot()
        return slot.starts_at if slot is not None else None

    # --- the request ----------------------------------------------------------------------

    def is_ready(self) -> bool:
        return (
            self.service.currentData() is not None
            and self.starts_at() is not None
            and (not self.bypass.isChecked() or bool(self.reason.text().strip()))
        )

    def _ready(self) -> None:
        self.ready_changed.emit(self.is_ready())

    def request(self, client_id: int) -> BookOnBehalf | None:
        setup: Setup | None = self.setup.currentData()
        service: Service | None = self.service.currentData()
        starts_at = self.starts_at()
        if setup is None or service is None or starts_at is None:
            return None
        method = self._method()
        addons = () if method is PaymentMethod.BUNDLE_CREDIT else self.addons.choices()
        cart = SessionCart(setup.id, service.id, int(self.length.currentData()), addons)
        return BookOnBehalf(
            client_id,
            cart,
            starts_at,
            method,
            bypass_rules=self.bypass.isChecked(),
            bypass_reason=self.reason.text(),
        )
