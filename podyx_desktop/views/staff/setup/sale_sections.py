"""What is sold besides sessions: add-ons, bundle products and promo codes. Add-ons and
bundles are edited, retired and restored like services; promo codes are added, retired
and restored, and show their uses so far."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import PromoKind, PromoTarget
from podyx_desktop.domain.records import Addon, BundleProduct, PromoCode
from podyx_desktop.domain.requests import NewAddon, NewBundleProduct, NewPromoCode
from podyx_desktop.domain.setup import Retirable
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.setup import (
    AddPromoCode,
    LoadPromoCodes,
    Restore,
    Retire,
    SaveAddon,
    SaveBundleProduct,
)
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.money_input import MoneyEdit
from podyx_desktop.views.staff.setup.catalogue_sections import CatalogueSection
from podyx_desktop.views.staff.setup.section import CheckList, ListEditor


def _count(low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


class AddonsSection(CatalogueSection):
    """Add-ons: unit price, maximum quantity, the services they apply to, hidden from
    clients, clients may add them after booking."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add-ons"), parent)
        self.add_new_button(self.tr("New &add-on"), lambda: self.start_new(self.tr("A new add-on")))
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.name = QLineEdit(self)
        self.price = MoneyEdit(self.display, self)
        self.max_quantity = _count(1, 99, 1)
        self.services = CheckList(self)
        self.hidden = QCheckBox(self.tr("Hidden from clients (staff add it)"), self)
        self.after_booking = QCheckBox(self.tr("Clients may add it after booking"), self)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(70)
        for label, field in (
            (self.tr("&Name"), self.name),
            (self.tr("&Unit price"), self.price),
            (self.tr("Ma&ximum quantity"), self.max_quantity),
            (self.tr("For ser&vices"), self.services),
            ("", self.hidden),
            ("", self.after_booking),
            (self.tr("&Description"), self.description),
        ):
            field.setAccessibleName(label.replace("&", "") or field.property("text"))
            self.form.addRow(label, field)
        self.start_new(self.tr("A new add-on"))

    def fill(self) -> None:
        assert self.data is not None
        catalogue = self.data.catalogue
        self.services.set_choices([(s.id, s.name) for s in catalogue.services])
        for addon in catalogue.addons:
            price = self.display.money(addon.unit_price_minor)
            self.add_item(f"{addon.name} · {price}", (Retirable.ADDON, addon.id))
        for addon_id, name in self.retired_of(Retirable.ADDON):
            self.add_item(name, (Retirable.ADDON, addon_id), retired=True)

    def _addon(self, addon_id: int) -> Addon | None:
        if self.data is None:
            return None
        return next((a for a in self.data.catalogue.addons if a.id == addon_id), None)

    def show_item(self, key: Any) -> None:
        addon = self._addon(key[1])
        self.save_button.setEnabled(addon is not None)
        if addon is None:
            self.clear_form()
            self.save_button.setEnabled(False)
            return
        self.name.setText(addon.name)
        self.price.set_minor(addon.unit_price_minor)
        self.max_quantity.setValue(addon.max_quantity)
        self.services.check(addon.service_ids)
        self.hidden.setChecked(addon.hidden_from_clients)
        self.after_booking.setChecked(addon.client_can_add_after_booking)
        self.description.setPlainText(addon.description)

    def clear_form(self) -> None:
        self.name.clear()
        self.price.clear()
        self.max_quantity.setValue(1)
        self.services.check(())
        self.hidden.setChecked(False)
        self.after_booking.setChecked(False)
        self.description.clear()
        self.save_button.setEnabled(True)

    @Slot()
    def save(self) -> None:
        name, price = self.name.text().strip(), self.price.minor()
        if not name:
            self.complain(self.tr("Give the add-on a name."))
            return
        if price is None or price < 0:
            self.complain(self.tr("Write the unit price as an amount."))
            return
        new = NewAddon(
            name=name,
            unit_price_minor=price,
            service_ids=self.services.checked(),
            description=self.description.toPlainText().strip(),
            max_quantity=self.max_quantity.value(),
            hidden_from_clients=self.hidden.isChecked(),
            client_can_add_after_booking=self.after_booking.isChecked(),
        )
        item_id = self.key[1] if self.key is not None else None
        self.run(
            SaveAddon(item_id, new), said=self.tr("Saved the add-on {name}.").format(name=name)
        )


class BundlesSection(CatalogueSection):
    """Bundle products: sessions, session length, eligible setups and services, price,
    validity."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Bundles"), parent)
        self.add_new_button(self.tr("New &bundle"), lambda: self.start_new(self.tr("A new bundle")))
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.name = QLineEdit(self)
        self.sessions = _count(1, 100, 5)
        self.minutes = _count(15, 24 * 60, 60, self.tr(" min"))
        self.minutes.setSingleStep(15)
        self.price = MoneyEdit(self.display, self)
        self.validity = _count(0, 3650, 180, self.tr(" days"))
        self.validity.setSpecialValueText(self.tr("never expires"))
        self.setups = CheckList(self)
        self.services = CheckList(self)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(70)
        for label, field in (
            (self.tr("&Name"), self.name),
            (self.tr("S&essions"), self.sessions),
            (self.tr("Session &length"), self.minutes),
            (self.tr("&Price"), self.price),
            (self.tr("&Valid for"), self.validity),
            (self.tr("On se&tups"), self.setups),
            (self.tr("For ser&vices (none: any)"), self.services),
            (self.tr("&Description"), self.description),
        ):
            field.setAccessibleName(label.replace("&", ""))
            self.form.addRow(label, field)
        self.start_new(self.tr("A new bundle"))

    def fill(self) -> None:
        assert self.data is not None
        catalogue = self.data.catalogue
        self.setups.set_choices([(s.id, f"{s.room_name} · {s.name}") for s in catalogue.setups])
        self.services.set_choices([(s.id, s.name) for s in catalogue.services])
        for product in catalogue.bundle_products:
            price = self.display.money(product.price_minor)
            self.add_item(f"{product.name} · {price}", (Retirable.BUNDLE_PRODUCT, product.id))
        for product_id, name in self.retired_of(Retirable.BUNDLE_PRODUCT):
            self.add_item(name, (Retirable.BUNDLE_PRODUCT, product_id), retired=True)

    def _product(self, product_id: int) -> BundleProduct | None:
        if self.data is None:
            return None
        return next((p for p in self.data.catalogue.bundle_products if p.id == product_id), None)

    def show_item(self, key: Any) -> None:
        product = self._product(key[1])
        self.save_button.setEnabled(product is not None)
        if product is None:
            self.clear_form()
            self.save_button.setEnabled(False)
            return
        self.name.setText(product.name)
        self.sessions.setValue(product.sessions)
        self.minutes.setValue(product.session_minutes)
        self.price.set_minor(product.price_minor)
        self.validity.setValue(product.validity_days or 0)
        self.setups.check(product.setup_ids)
        self.services.check(product.service_ids)
        self.description.setPlainText(product.description)

    def clear_form(self) -> None:
        self.name.clear()
        self.price.clear()
        self.sessions.setValue(5)
        self.minutes.setValue(60)
        self.validity.setValue(180)
        self.setups.check(())
        self.services.check(())
        self.description.clear()
        self.save_button.setEnabled(True)

    @Slot()
    def save(self) -> None:
        name, price = self.name.text().strip(), self.price.minor()
        if not name:
            self.complain(self.tr("Give the bundle a name."))
            return
        if price is None or price < 0:
            self.complain(self.tr("Write the price as an amount."))
            return
        new = NewBundleProduct(
            name=name,
            sessions=self.sessions.value(),
            session_minutes=self.minutes.value(),
            price_minor=price,
            setup_ids=self.setups.checked(),
            service_ids=self.services.checked(),
            validity_days=self.validity.value() or None,
            description=self.description.toPlainText().strip(),
        )
        item_id = self.key[1] if self.key is not None else None
        self.run(
            SaveBundleProduct(item_id, new),
            said=self.tr("Saved the bundle {name}.").format(name=name),
        )


class PromoSection(ListEditor):
    """Promo codes: percent or amount, scope, valid from/to, limits, uses so far; edited
    (the uses so far stay), retired and restored. The form offers one scope; a code the
    studio file gave several keeps them and is not edited here (the form says so)."""

    SHOWS = frozenset({Kind.CATALOGUE})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Promo codes"), parent)
        self.add_new_button(self.tr("New &promo code"), self.new_code)
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.codes: list[PromoCode] = []
        self.code = QLineEdit(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Percent off"), PromoKind.PERCENT.value)
        self.kind.addItem(self.tr("Amount off"), PromoKind.FIXED.value)
        self.percent = _count(1, 100, 10, " %")
        self.amount = MoneyEdit(self.display, self)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("Everything"), None)
        self.use_from = QCheckBox(self.tr("From"), self)
        self.valid_from = QDateEdit(self)
        self.use_to = QCheckBox(self.tr("Until"), self)
        self.valid_to = QDateEdit(self)
        for edit in (self.valid_from, self.valid_to):
            edit.setCalendarPopup(True)
            edit.setDate(QDate.currentDate())
        self.max_uses = _count(0, 100000, 0)
        self.max_uses.setSpecialValueText(self.tr("no limit"))
        self.max_per_client = _count(0, 1000, 0)
        self.max_per_client.setSpecialValueText(self.tr("no limit"))
        self.uses = QLabel(self)
        for label, field in (
            (self.tr("&Code"), self.code),
            (self.tr("&Kind"), self.kind),
            (self.tr("&Percent"), self.percent),
            (self.tr("&Amount"), self.amount),
            (self.tr("&Scope"), self.scope),
            ("", self.use_from),
            (self.tr("Valid from"), self.valid_from),
            ("", self.use_to),
            (self.tr("Valid until"), self.valid_to),
            (self.tr("&Total uses at most"), self.max_uses),
            (self.tr("Uses per c&lient"), self.max_per_client),
            (self.tr("Used so far"), self.uses),
        ):
            field.setAccessibleName(label.replace("&", "") or field.property("text"))
            self.form.addRow(label, field)
        self._kind_changed()
        self.start_new(self.tr("A new promo code"))

    def load(self) -> None:
        from podyx_desktop.operations.setup import LoadSetupCatalogue

        self.run(LoadSetupCatalogue(), self._scopes, reading=True)
        self.run(LoadPromoCodes(), self._loaded_codes, reading=True)

    def _scopes(self, data: Any) -> None:
        keep = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem(self.tr("Everything"), None)
        for service in data.catalogue.services:
            text = self.tr("Service: {name}").format(name=service.name)
            self.scope.addItem(text, (PromoTarget.SERVICE.value, service.id))
        for setup in data.catalogue.setups:
            text = self.tr("Setup: {room} · {name}").format(room=setup.room_name, name=setup.name)
            self.scope.addItem(text, (PromoTarget.SETUP.value, setup.id))
        for product in data.catalogue.bundle_products:
            text = self.tr("Bundle: {name}").format(name=product.name)
            self.scope.addItem(text, (PromoTarget.BUNDLE_PRODUCT.value, product.id))
        self._choose_scope(keep)

    def _choose_scope(self, wanted: Any) -> None:
        """Select the scope whose data is ``wanted`` (a Python tuple: compared here, as
        Qt's findData does not compare them), else "Everything"."""
        found = [i for i in range(self.scope.count()) if self.scope.itemData(i) == wanted]
        self.scope.setCurrentIndex(found[0] if found else 0)

    def _loaded_codes(self, codes: list[PromoCode]) -> None:
        self.codes = codes

        def fill() -> None:
            for promo in codes:
                off = (
                    f"{promo.value / 100:g} %"
                    if promo.kind is PromoKind.PERCENT
                    else self.display.money(promo.value)
                )
                text = self.tr("{code} · {off} · used {uses}×").format(
                    code=promo.code, off=off, uses=promo.uses
                )
                self.add_item(text, (Retirable.PROMO_CODE, promo.id), retired=not promo.active)

        self.refill(fill)

    @Slot()
    def _kind_changed(self) -> None:
        percent = self.kind.currentData() == PromoKind.PERCENT.value
        self.percent.setEnabled(percent)
        self.amount.setEnabled(not percent)

    @Slot()
    def new_code(self) -> None:
        self.start_new(self.tr("A new promo code"))
        self.code.setFocus()

    def show_item(self, key: Any) -> None:
        promo = next((p for p in self.codes if p.id == key[1]), None)
        if promo is None:
            return
        self.code.setText(promo.code)
        self.kind.setCurrentIndex(self.kind.findData(promo.kind.value))
        if promo.kind is PromoKind.PERCENT:
            self.percent.setValue(promo.value // 100)
        else:
            self.amount.set_minor(promo.value)
        zone = ZoneInfo(self.ctx.user.studio.time_zone)
        for check, edit, moment in (
            (self.use_from, self.valid_from, promo.valid_from),
            (self.use_to, self.valid_to, promo.valid_to),
        ):
            check.setChecked(moment is not None)
            if moment is not None:
                day = moment.astimezone(zone).date()
                edit.setDate(QDate(day.year, day.month, day.day))
        self.max_uses.setValue(promo.max_uses or 0)
        self.max_per_client.setValue(promo.max_uses_per_client or 0)
        self.uses.setText(str(promo.uses))
        several = len(promo.targets) > 1
        if promo.targets and not several:
            target, target_id = promo.targets[0]
            self._choose_scope((target.value, target_id))
        else:
            self.scope.setCurrentIndex(0)
        self.save_button.setEnabled(not several)
        self.save_button.setToolTip(
            self.tr("This code applies to several items (set in the studio file): change it there")
            if several
            else ""
        )

    def clear_form(self) -> None:
        self.code.clear()
        self.amount.clear()
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.max_uses.setValue(0)
        self.max_per_client.setValue(0)
        self.uses.setText("0")
        self.save_button.setEnabled(True)
        self.save_button.setToolTip("")

    def _moment(self, edit: QDateEdit, end: bool) -> datetime:
        d = edit.date()
        day = date(d.year(), d.month(), d.day())
        local = datetime.combine(day, time.max if end else time.min)
        return local.replace(tzinfo=ZoneInfo(self.ctx.user.studio.time_zone)).astimezone(UTC)

    @Slot()
    def save(self) -> None:
        code = self.code.text().strip().upper()
        if not code:
            self.complain(self.tr("Write the code clients type, e.g. SUMMER10."))
            return
        kind = PromoKind(self.kind.currentData())
        if kind is PromoKind.PERCENT:
            value: int | None = self.percent.value() * 100
        else:
            value = self.amount.minor()
            if value is None or value <= 0:
                self.complain(
                    self.tr("Write the amount off, e.g. {example}.").format(
                        example=self.display.money(500)
                    )
                )
                return
        scope = self.scope.currentData()
        targets = () if scope is None else ((PromoTarget(scope[0]), int(scope[1])),)
        new = NewPromoCode(
            code=code,
            kind=kind,
            value=int(value or 0),
            targets=targets,
            valid_from=self._moment(self.valid_from, False) if self.use_from.isChecked() else None,
            valid_to=self._moment(self.valid_to, True) if self.use_to.isChecked() else None,
            max_uses=self.max_uses.value() or None,
            max_uses_per_client=self.max_per_client.value() or None,
        )
        if self.key is None:
            said = self.tr("Added the promo code {code}.").format(code=code)
            self.run(AddPromoCode(new), said=said)
        else:
            said = self.tr("Saved the promo code {code}.").format(code=code)
            self.run(AddPromoCode(new, int(self.key[1])), said=said)

    def retire_or_restore(self, key: Any, retired: bool) -> None:
        kind, item_id = key
        if retired:
            self.run(Restore(kind, item_id), said=self.tr("Restored: clients may use it again."))
        else:
            self.run(Retire(kind, item_id), said=self.tr("Retired: clients can no longer use it."))
