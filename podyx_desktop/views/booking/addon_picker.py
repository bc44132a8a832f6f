"""Choose add-ons and their quantities: one check box and quantity box per add-on.

Used by the booking wizard (add-ons offered with the chosen service) and by the add-ons
dialog (add-ons a client may still add to a booked session).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from podyx_desktop.domain.records import Addon
from podyx_desktop.domain.requests import AddonChoice
from podyx_desktop.views.common.formatting import money_text


class QuantityBox(QComboBox):
    """A quantity from 1 to a maximum, chosen from a list (keyboard: type the digit)."""

    valueChanged = Signal(int)

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for quantity in range(1, max(1, maximum) + 1):
            self.addItem(str(quantity), quantity)
        self.currentIndexChanged.connect(lambda _index: self.valueChanged.emit(self.value()))

    def value(self) -> int:
        return int(self.currentData() or 1)

    def setValue(self, value: int) -> None:
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)


class AddonPicker(QWidget):
    changed = Signal()

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        self._locale = locale
        self._rows: dict[int, tuple[Addon, QCheckBox, QuantityBox]] = {}
        self._layout = QGridLayout(self)
        self._layout.setColumnStretch(2, 1)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr("No add-ons are offered with this session."), self)
        self.empty_label.setWordWrap(True)

    def set_addons(
        self, addons: Sequence[Addon], unavailable: dict[int, str] | None = None
    ) -> None:
        """Show ``addons``; those in ``unavailable`` are shown disabled with the reason."""
        previous = {
            aid: (box.isChecked(), amount.value()) for aid, (_a, box, amount) in self._rows.items()
        }
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty_label:
                widget.deleteLater()
        self._rows.clear()
        unavailable = unavailable or {}
        if not addons:
            self._layout.addWidget(self.empty_label, 0, 0, 1, 3)
            self.empty_label.show()
        else:
            self.empty_label.hide()
        last: QWidget | None = None
        for row, addon in enumerate(addons):
            price = money_text(addon.unit_price_minor, self._currency, self._locale)
            box = QCheckBox(
                self.tr("{name} — {price} each").format(name=addon.name, price=price), self
            )
            box.setAccessibleName(self.tr("Add {name}").format(name=addon.name))
            box.setToolTip(addon.description)
            amount = QuantityBox(addon.max_quantity, self)
            amount.setAccessibleName(self.tr("Quantity of {name}").format(name=addon.name))
            amount.setEnabled(False)
            amount.setVisible(addon.max_quantity > 1)
            note = QLabel(addon.description, self)
            note.setObjectName("Muted")
            note.setWordWrap(True)
            if addon.id in unavailable:
                box.setEnabled(False)
                note.setText(unavailable[addon.id])
            checked, quantity = previous.get(addon.id, (False, 1))
            box.setChecked(checked and addon.id not in unavailable)
            amount.setValue(quantity)
            amount.setEnabled(box.isChecked())
            box.toggled.connect(amount.setEnabled)
            box.toggled.connect(self.changed)
            amount.valueChanged.connect(self.changed)
            self._layout.addWidget(box, row, 0)
            self._layout.addWidget(amount, row, 1)
            self._layout.addWidget(note, row, 2)
            if last is not None:
                QWidget.setTabOrder(last, box)
            QWidget.setTabOrder(box, amount)
            last = amount
            self._rows[addon.id] = (addon, box, amount)
        self.changed.emit()

    def choices(self) -> tuple[AddonChoice, ...]:
        return tuple(
            AddonChoice(addon.id, amount.value())
            for addon, box, amount in self._rows.values()
            if box.isChecked()
        )

    def chosen_addons(self) -> list[tuple[Addon, int]]:
        return [(a, amount.value()) for a, box, amount in self._rows.values() if box.isChecked()]

    def checkbox(self, addon_id: int) -> QCheckBox:
        return self._rows[addon_id][1]

    def quantity(self, addon_id: int) -> QuantityBox:
        return self._rows[addon_id][2]

    def addon_ids(self) -> list[int]:
        return list(self._rows)
