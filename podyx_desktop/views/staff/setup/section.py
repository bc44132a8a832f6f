"""What every set-up section shares: a title, a line for what went wrong (in the
services' words) or right, and running its operations for the signed-in person.

:class:`ListEditor` is the shape of the catalogue sections: a list of items on the left
(retired ones greyed, to be restored), an editor form on the right with New, Save and
Retire or Restore.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.operations.base import Op, Request
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.palette import colour

KEY = Qt.ItemDataRole.UserRole


class Section(QWidget):
    """A titled section that runs operations and says how they went."""

    SHOWS: frozenset[Kind] = frozenset()

    def __init__(self, ctx: ViewContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel(title, self)
        self.heading.setObjectName("PageTitle")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Outcome"))
        self.message.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.message)
        self._loaded = False

    # --- running ------------------------------------------------------------------

    def run(
        self,
        request: Request[Any],
        done: Callable[[Any], None] | None = None,
        *,
        said: str | None = None,
        reading: bool = False,
    ) -> None:
        """Run ``request``; then ``done(value)`` and ``said`` as the outcome; a refusal
        is shown in the services' words. A change (not ``reading``) first clears the
        outcome of the one before."""
        if not reading:
            self.message.hide()

        def succeeded(value: Any) -> None:
            if said is not None:
                self.say(said)
            if done is not None:
                done(value)

        Op(self.ctx, self.ctx.user.principal, request).success(succeeded).failure(
            self.complain
        ).run(self)

    def say(self, text: str) -> None:
        self.message.setObjectName("SuccessText")
        self._show_message(text)

    def complain(self, text: str) -> None:
        self.message.setObjectName("ErrorText")
        self._show_message(text)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    @property
    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    # --- loading ------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        """Load once when first shown; afterwards ``changed`` reloads what it touches."""
        if not self._loaded:
            self._loaded = True
            self.load()

    def load(self) -> None:
        """Read what the section shows (subclasses)."""

    def changed(self, changes: Changes) -> None:
        if self._loaded and changes.touches(*self.SHOWS):
            self.load()


class ListEditor(Section):
    """A list on the left, the selected item's editor on the right."""

    def __init__(self, ctx: ViewContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.items = QListWidget(self)
        self.items.setAccessibleName(title)
        self.items.setMinimumWidth(240)
        self.items.currentItemChanged.connect(self._current_changed)
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editing_label = QLabel(self)
        self.editing_label.setObjectName("Muted")
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.clicked.connect(self.save)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.retire_button.setToolTip(self.tr("Hide from new bookings; nothing is deleted"))
        self.retire_button.clicked.connect(self._retire_or_restore)
        self.new_buttons = QHBoxLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        editor = QVBoxLayout()
        editor.addWidget(self.editing_label)
        editor.addWidget(self.form_host)
        editor.addLayout(buttons)
        editor.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(self.new_buttons)
        left.addWidget(self.items, 1)
        row = QHBoxLayout()
        row.addLayout(left, 2)
        row.addLayout(editor, 3)
        self.layout_.addLayout(row, 1)
        self.key: Any = None  # the item edited: None while adding a new one
        self.retired = False

    def add_new_button(self, text: str, start: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(start)
        self.new_buttons.addWidget(button)
        return button

    def add_item(self, text: str, key: Any, *, retired: bool = False, indent: int = 0) -> None:
        label = ("    " * indent) + text
        if retired:
            label = self.tr("{name} (retired)").format(name=label)
        item = QListWidgetItem(label, self.items)
        item.setData(KEY, (key, retired))
        if retired:
            item.setForeground(QBrush(colour("disabled_text")))

    def refill(self, fill: Callable[[], None]) -> None:
        """Fill the list again, keeping the selected item selected."""
        keep = self.key
        self.items.blockSignals(True)
        self.items.clear()
        fill()
        self.items.blockSignals(False)
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item is not None and item.data(KEY)[0] == keep and keep is not None:
                self.items.setCurrentRow(row)
                return
        self.start_new()

    def select(self, text: str) -> bool:
        """Select the item whose list text starts with ``text`` (tests, shortcuts)."""
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item is not None and item.text().strip().startswith(text):
                self.items.setCurrentRow(row)
                return True
        return False

    @Slot(QListWidgetItem, QListWidgetItem)
    def _current_changed(self, item: QListWidgetItem | None, _previous: Any) -> None:
        if item is None:
            return
        self.key, self.retired = item.data(KEY)
        self.show_item(self.key)
        self.editing_label.setText(self.tr("Editing {name}").format(name=item.text().strip()))
        self.retire_button.setEnabled(True)
        self.retire_button.setText(self.tr("Res&tore") if self.retired else self.tr("&Retire"))

    def start_new(self, what: str = "") -> None:
        self.items.blockSignals(True)
        self.items.setCurrentRow(-1)
        self.items.blockSignals(False)
        self.key = None
        self.retired = False
        self.editing_label.setText(what)
        self.retire_button.setEnabled(False)
        self.clear_form()

    # --- what subclasses say ---------------------------------------------------------

    def show_item(self, key: Any) -> None:
        raise NotImplementedError

    def clear_form(self) -> None:
        raise NotImplementedError

    @Slot()
    def save(self) -> None:
        raise NotImplementedError

    @Slot()
    def _retire_or_restore(self) -> None:
        if self.key is not None:
            self.retire_or_restore(self.key, self.retired)

    def retire_or_restore(self, key: Any, retired: bool) -> None:
        raise NotImplementedError


class CheckList(QListWidget):
    """A list of items to tick (setups a bundle covers, services an add-on applies to)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(120)

    def set_choices(self, choices: list[tuple[int, str]]) -> None:
        keep = self.checked()
        self.clear()
        for item_id, text in choices:
            item = QListWidgetItem(text, self)
            item.setData(KEY, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.check(keep)

    def check(self, ids: tuple[int, ...]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item is not None:
                on = item.data(KEY) in ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked(self) -> tuple[int, ...]:
        found = []
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(KEY)))
        return tuple(found)
