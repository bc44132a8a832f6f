"""The catalogue's sections: rooms with their setups, and services. Each edits, retires
(hides from new bookings; purchases and bookings keep what they refer to) and restores.

Retiring a setup or a service that future bookings use lists those bookings and asks
first; they stay valid either way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.records import Room, Service, Setup
from podyx_desktop.domain.requests import NewRoom, NewService, NewSetup
from podyx_desktop.domain.setup import Retirable, RetireCheck
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.setup import (
    LoadSetupCatalogue,
    Restore,
    Retire,
    SaveRoom,
    SaveService,
    SaveSetup,
    SetupCatalogue,
)
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.money_input import MoneyEdit
from podyx_desktop.views.staff.setup.section import ListEditor


class CatalogueSection(ListEditor):
    """A catalogue list: loads the set-up catalogue, retires with a look at what is booked."""

    SHOWS = frozenset({Kind.CATALOGUE})

    def __init__(self, ctx: ViewContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.data: SetupCatalogue | None = None
        self.retire_box: QMessageBox | None = None

    def load(self) -> None:
        self.run(LoadSetupCatalogue(), self._loaded_catalogue, reading=True)

    def _loaded_catalogue(self, data: SetupCatalogue) -> None:
        self.data = data
        self.refill(self.fill)

    def fill(self) -> None:
        raise NotImplementedError

    def retire_or_restore(self, key: Any, retired: bool) -> None:
        kind, item_id = key
        if retired:
            self.run(Restore(kind, item_id), said=self.tr("Restored: it can be booked again."))
        else:
            self.run(Retire(kind, item_id), self._retire_checked)

    def _retire_checked(self, check: RetireCheck) -> None:
        if check.retired:
            self.say(
                self.tr("{name} is retired: hidden from new bookings.").format(name=check.name)
            )
            return
        lines = [
            self.tr("{when} · {client} · {room} / {setup} · {service}").format(
                when=DisplayFormat.for_studio(self.ctx.user.studio).date_time(b.starts_at),
                client=b.client_name,
                room=b.room_name,
                setup=b.setup_name,
                service=b.service_name,
            )
            for b in check.future_bookings
        ]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Retire {name}?").format(name=check.name),
            self.tr(
                "{count} future booking(s) use {name}. They stay valid and take place as "
                "booked; {name} is only hidden from new bookings."
            ).format(count=len(lines), name=check.name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(lines[:8]))
        confirm = box.addButton(self.tr("Retire anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        kind, item_id = check.kind, check.item_id

        def answered(_result: int) -> None:
            if box.clickedButton() is confirm:
                self.run(Retire(kind, item_id, confirm=True), self._retire_checked)
            self.retire_box = None

        box.finished.connect(answered)
        self.retire_box = box
        box.open()

    def retired_of(self, kind: Retirable) -> tuple[tuple[int, str], ...]:
        assert self.data is not None
        return self.data.retired.get(kind, ())


class RoomsSection(CatalogueSection):
    """Rooms and, under each, its setups."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Rooms & setups"), parent)
        self.new_room_button = self.add_new_button(self.tr("New &room"), self.new_room)
        self.new_setup_button = self.add_new_button(self.tr("New s&etup"), self.new_setup)
        self.room = QComboBox(self)
        self.room.setAccessibleName(self.tr("Room of the setup"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.description = QPlainTextEdit(self)
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setMaximumHeight(90)
        self.form.addRow(self.tr("R&oom"), self.room)
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Description"), self.description)
        self._adding_setup = False
        self.start_new(self.tr("A new room"))

    def fill(self) -> None:
        assert self.data is not None
        catalogue = self.data.catalogue
        self.room.clear()
        for room in catalogue.rooms:
            self.room.addItem(room.name, room.id)
            self.add_item(room.name, (Retirable.ROOM, room.id))
            for setup in catalogue.setups:
                if setup.room_id == room.id:
                    self.add_item(setup.name, (Retirable.SETUP, setup.id), indent=1)
        for room_id, name in self.retired_of(Retirable.ROOM):
            self.add_item(name, (Retirable.ROOM, room_id), retired=True)
        for setup_id, name in self.retired_of(Retirable.SETUP):
            self.add_item(name, (Retirable.SETUP, setup_id), retired=True, indent=1)
        self.new_setup_button.setEnabled(bool(catalogue.rooms))

    def _find(self, kind: Retirable, item_id: int) -> Room | Setup | None:
        if self.data is None:
            return None
        found = self.data.catalogue.rooms if kind is Retirable.ROOM else self.data.catalogue.setups
        return next((item for item in found if item.id == item_id), None)

    def show_item(self, key: Any) -> None:
        kind, item_id = key
        item = self._find(kind, item_id)
        self._adding_setup = kind is Retirable.SETUP
        self.room.setEnabled(False)  # a setup stays in its room (its bookings hold it)
        self.room.setVisible(kind is Retirable.SETUP)
        self.form.labelForField(self.room).setVisible(kind is Retirable.SETUP)
        self.name.setText(item.name if item else self._retired_name(key))
        self.description.setPlainText(item.description if item else "")
        if isinstance(item, Setup):
            self.room.setCurrentIndex(self.room.findData(item.room_id))
        self.save_button.setEnabled(item is not None)

    def _retired_name(self, key: Any) -> str:
        kind, item_id = key
        return dict(self.retired_of(kind)).get(item_id, "") if self.data else ""

    def clear_form(self) -> None:
        self.name.clear()
        self.description.clear()
        self.room.setVisible(self._adding_setup)
        label = self.form.labelForField(self.room)
        if label is not None:
            label.setVisible(self._adding_setup)
        self.room.setEnabled(True)
        self.save_button.setEnabled(True)

    @Slot()
    def new_room(self) -> None:
        self._adding_setup = False
        self.start_new(self.tr("A new room"))
        self.name.setFocus()

    @Slot()
    def new_setup(self) -> None:
        self._adding_setup = True
        self.start_new(self.tr("A new setup"))
        self.name.setFocus()

    @Slot()
    def save(self) -> None:
        name = self.name.text().strip()
        description = self.description.toPlainText().strip()
        if not name:
            self.complain(self.tr("Give it a name."))
            return
        item_id = self.key[1] if self.key is not None else None
        if self._adding_setup:
            room_id = self.room.currentData()
            if room_id is None:
                self.complain(self.tr("Add a room first: a setup belongs to a room."))
                return
            self.run(
                SaveSetup(item_id, NewSetup(room_id, name, description)),
                said=self.tr("Saved the setup {name}.").format(name=name),
            )
        else:
            self.run(
                SaveRoom(item_id, NewRoom(name, description)),
                said=self.tr("Saved the room {name}.").format(name=name),
            )


class ServicesSection(CatalogueSection):
    """Services: hourly rate, VAT rate, lengths, the setups they are offered on."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Services"), parent)
        self.add_new_button(self.tr("New &service"), self.new_service)
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.name = QLineEdit(self)
        self.rate = MoneyEdit(self.display, self)
        self.own_vat = QCheckBox(self.tr("Own VAT rate"), self)
        self.vat = QDoubleSpinBox(self)
        self.vat.setRange(0, 100)
        self.vat.setSuffix(" %")
        self.vat.setEnabled(False)
        self.own_vat.toggled.connect(self.vat.setEnabled)
        self.min_minutes = self._minutes(60)
        self.max_minutes = self._minutes(240)
        self.step_minutes = self._minutes(30)
        self.setups = QListWidget(self)
        self.setups.setMaximumHeight(130)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(80)
        for label, field in (
            (self.tr("&Name"), self.name),
            (self.tr("&Hourly rate"), self.rate),
            (self.tr("VAT"), self.own_vat),
            (self.tr("VAT &rate"), self.vat),
            (self.tr("S&hortest"), self.min_minutes),
            (self.tr("&Longest"), self.max_minutes),
            (self.tr("S&tep"), self.step_minutes),
            (self.tr("Offered on se&tups"), self.setups),
            (self.tr("&Description"), self.description),
        ):
            field.setAccessibleName(label.replace("&", ""))
            self.form.addRow(label, field)
        self.start_new(self.tr("A new service"))

    def _minutes(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(5, 24 * 60)
        box.setSingleStep(15)
        box.setSuffix(self.tr(" min"))
        box.setValue(value)
        return box

    def fill(self) -> None:
        assert self.data is not None
        catalogue = self.data.catalogue
        self.setups.clear()
        for setup in catalogue.setups:
            item = QListWidgetItem(f"{setup.room_name} · {setup.name}", self.setups)
            item.setData(Qt.ItemDataRole.UserRole, setup.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        for service in catalogue.services:
            self.add_item(
                self.tr("{name} · {rate}/h").format(
                    name=service.name, rate=self.display.money(service.hourly_rate_minor)
                ),
                (Retirable.SERVICE, service.id),
            )
        for service_id, name in self.retired_of(Retirable.SERVICE):
            self.add_item(name, (Retirable.SERVICE, service_id), retired=True)

    def _service(self, service_id: int) -> Service | None:
        if self.data is None:
            return None
        return next((s for s in self.data.catalogue.services if s.id == service_id), None)

    def show_item(self, key: Any) -> None:
        service = self._service(key[1])
        self.save_button.setEnabled(service is not None)
        if service is None:
            self.clear_form()
            self.name.setText(dict(self.retired_of(Retirable.SERVICE)).get(key[1], ""))
            self.save_button.setEnabled(False)
            return
        self.name.setText(service.name)
        self.rate.set_minor(service.hourly_rate_minor)
        own = service.vat_rate_bp != self.ctx.user.studio.default_vat_rate_bp
        self.own_vat.setChecked(own)
        self.vat.setValue(service.vat_rate_bp / 100)
        self.min_minutes.setValue(service.min_minutes)
        self.max_minutes.setValue(service.max_minutes)
        self.step_minutes.setValue(service.step_minutes)
        self.description.setPlainText(service.description)
        self.check_setups(service.setup_ids)

    def check_setups(self, setup_ids: tuple[int, ...]) -> None:
        for row in range(self.setups.count()):
            item = self.setups.item(row)
            if item is not None:
                on = item.data(Qt.ItemDataRole.UserRole) in setup_ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked_setups(self) -> tuple[int, ...]:
        chosen = []
        for row in range(self.setups.count()):
            item = self.setups.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                chosen.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(chosen)

    def clear_form(self) -> None:
        self.name.clear()
        self.rate.clear()
        self.own_vat.setChecked(False)
        self.vat.setValue(self.ctx.user.studio.default_vat_rate_bp / 100)
        self.description.clear()
        self.check_setups(())
        self.save_button.setEnabled(True)

    @Slot()
    def new_service(self) -> None:
        self.start_new(self.tr("A new service"))
        self.name.setFocus()

    @Slot()
    def save(self) -> None:
        name = self.name.text().strip()
        rate = self.rate.minor()
        if not name:
            self.complain(self.tr("Give the service a name."))
            return
        if rate is None or rate < 0:
            self.complain(
                self.tr("Write the hourly rate as an amount, e.g. {example}.").format(
                    example=self.display.money(4500)
                )
            )
            return
        setups = self.checked_setups()
        if not setups:
            self.complain(self.tr("Tick at least one setup the service is offered on."))
            return
        new = NewService(
            name=name,
            hourly_rate_minor=rate,
            min_minutes=self.min_minutes.value(),
            max_minutes=self.max_minutes.value(),
            step_minutes=self.step_minutes.value(),
            setup_ids=setups,
            description=self.description.toPlainText().strip(),
            vat_rate_bp=round(self.vat.value() * 100) if self.own_vat.isChecked() else None,
        )
        item_id = self.key[1] if self.key is not None else None
        self.run(
            SaveService(item_id, new), said=self.tr("Saved the service {name}.").format(name=name)
        )
