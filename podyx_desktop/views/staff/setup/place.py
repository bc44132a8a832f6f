"""The Set-up place (managers and owners): its sections in a list on the left, the chosen
one on the right. Front desk sees a sentence instead; the services refuse them anyway.
Each section loads when first shown and reloads only for the kinds of change it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QStackedWidget, QWidget

from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.enums import Role
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.setup.catalogue_sections import RoomsSection, ServicesSection
from podyx_desktop.views.staff.setup.rules_sections import HoursSection, PoliciesSection
from podyx_desktop.views.staff.setup.sale_sections import (
    AddonsSection,
    BundlesSection,
    PromoSection,
)
from podyx_desktop.views.staff.setup.section import Section
from podyx_desktop.views.staff.setup.staff_section import StaffSection
from podyx_desktop.views.staff.setup.tax_section import TaxSection

MANAGING = (Role.MANAGER, Role.OWNER)


def may_set_up(role: Role | None) -> bool:
    return role in MANAGING


class SetupPlace(QWidget):
    """Rooms & setups, Services, Add-ons, Bundles, Promo codes, Policies, Opening hours,
    Tax & receipts, Staff (owners)."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SetupPlace")
        role = ctx.user.principal.role
        layout = QHBoxLayout(self)
        self.sections: dict[str, Section] = {}
        if not may_set_up(role):
            self.refusal = QLabel(
                self.tr(
                    "Set-up is for managers and owners: ask one of them to change rooms, "
                    "services, opening hours or staff."
                ),
                self,
            )
            self.refusal.setObjectName("Muted")
            self.refusal.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.refusal)
            return
        self.index = QListWidget(self)
        self.index.setObjectName("SetupSections")
        self.index.setAccessibleName(self.tr("Set-up sections"))
        self.index.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(self)
        self.rooms = RoomsSection(ctx, self.stack)
        self.services = ServicesSection(ctx, self.stack)
        self.addons = AddonsSection(ctx, self.stack)
        self.bundles = BundlesSection(ctx, self.stack)
        self.promos = PromoSection(ctx, self.stack)
        self.policies = PoliciesSection(ctx, self.stack)
        self.hours = HoursSection(ctx, self.stack)
        self.tax = TaxSection(ctx, self.stack)
        entries: list[tuple[str, str, Section]] = [
            ("rooms", self.tr("Rooms & setups"), self.rooms),
            ("services", self.tr("Services"), self.services),
            ("addons", self.tr("Add-ons"), self.addons),
            ("bundles", self.tr("Bundles"), self.bundles),
            ("promos", self.tr("Promo codes"), self.promos),
            ("policies", self.tr("Policies"), self.policies),
            ("hours", self.tr("Opening hours & closed dates"), self.hours),
            ("tax", self.tr("Tax & receipts"), self.tax),
        ]
        self.staff: StaffSection | None = None
        if role is Role.OWNER:
            self.staff = StaffSection(ctx, self.stack)
            entries.append(("staff", self.tr("Staff"), self.staff))
        for key, title, section in entries:
            self.index.addItem(title)
            self.stack.addWidget(section)
            self.sections[key] = section
        widest = max(self.index.fontMetrics().horizontalAdvance(t) for _k, t, _s in entries)
        self.index.setFixedWidth(widest + 48)
        self.index.currentRowChanged.connect(self._show_row)
        layout.addWidget(self.index)
        layout.addWidget(self.stack, 1)
        ctx.bus.changed.connect(self._changed)
        self.index.setCurrentRow(0)

    def show_section(self, key: str) -> Section:
        section = self.sections[key]
        self.index.setCurrentRow(list(self.sections).index(key))
        return section

    @Slot(int)
    def _show_row(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        if self.isVisible():
            self.current().ensure_loaded()

    def current(self) -> Section:
        section = self.stack.currentWidget()
        assert isinstance(section, Section)
        return section

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self.sections:
            self.current().ensure_loaded()

    @Slot(object)
    def _changed(self, changes: Changes) -> None:
        for section in self.sections.values():
            section.changed(changes)
