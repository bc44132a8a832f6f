"""Booking rules and time: the studio's policies with each room's and setup's overrides
beside the default they override, and the weekly opening hours with closed dates."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.policy import BookingPolicy, PolicyOverride
from podyx_desktop.domain.setup import PolicyView, StudioPolicies
from podyx_desktop.domain.vocabulary import display_locale
from podyx_desktop.operations.setup import (
    AddClosedDate,
    ClearPolicyOverride,
    Hours,
    LoadHours,
    LoadPolicies,
    Policies,
    RemoveClosedDate,
    SetOpeningHours,
    SetPolicyOverride,
    SetStudioPolicy,
)
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.setup.section import Section
from podyx_desktop.views.staff.setup.waitlist_hold import WaitlistHoldBox

POLICY_FIELDS = tuple(f.name for f in fields(BookingPolicy))
INHERIT = -1  # a spin box at its minimum: the override inherits


def policy_titles() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        # lupdate files these tr() calls outside a class under the context ""
        return QCoreApplication.translate("", text)

    return {
        "buffer_minutes": tr("Buffer (min)"),
        "lead_time_hours": tr("Lead time (h)"),
        "cancel_cutoff_hours": tr("Cancel cutoff (h)"),
        "reschedule_cutoff_hours": tr("Reschedule cutoff (h)"),
        "max_reschedules": tr("Max reschedules"),
    }


class PoliciesSection(Section):
    """The studio-wide rules, and a table of overrides: "2 h (default 24 h)"."""

    SHOWS = frozenset({Kind.SETTINGS, Kind.CATALOGUE})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Policies"), parent)
        self.policies: StudioPolicies | None = None
        self.room_of_setup: dict[int, int] = {}
        titles = policy_titles()
        studio_box = QGridLayout()
        self.studio_fields: dict[str, QSpinBox] = {}
        for column, name in enumerate(POLICY_FIELDS):
            label = QLabel(titles[name], self)
            box = QSpinBox(self)
            box.setRange(0, 24 * 365)
            box.setAccessibleName(self.tr("Studio: {what}").format(what=titles[name]))
            label.setBuddy(box)
            studio_box.addWidget(label, 0, column)
            studio_box.addWidget(box, 1, column)
            self.studio_fields[name] = box
        self.save_studio_button = QPushButton(self.tr("Save the studio's rules"), self)
        self.save_studio_button.clicked.connect(self.save_studio)
        studio_box.addWidget(self.save_studio_button, 1, len(POLICY_FIELDS))
        studio_title = QLabel(self.tr("The studio's rules (every room and setup inherits)"), self)
        studio_title.setObjectName("Muted")
        self.layout_.addWidget(studio_title)
        self.layout_.addLayout(studio_box)

        overrides_title = QLabel(
            self.tr("Overrides per room and setup: their own value, beside what they inherit"),
            self,
        )
        overrides_title.setObjectName("Muted")
        self.table = QTableWidget(0, 1 + len(POLICY_FIELDS), self)
        self.table.setAccessibleName(self.tr("Overrides"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Room or setup")] + [titles[n] for n in POLICY_FIELDS]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnToContents(0)
        self.table.itemSelectionChanged.connect(self._selected)
        self.layout_.addWidget(overrides_title)
        self.table.setMaximumHeight(360)
        self.layout_.addWidget(self.table)

        self.editing = QLabel(self.tr("Choose a room or setup to override its rules."), self)
        self.editing.setObjectName("Muted")
        editor = QGridLayout()
        self.override_fields: dict[str, QSpinBox] = {}
        for column, name in enumerate(POLICY_FIELDS):
            label = QLabel(titles[name], self)
            box = QSpinBox(self)
            box.setRange(INHERIT, 24 * 365)
            box.setSpecialValueText(self.tr("inherit"))
            box.setAccessibleName(self.tr("Override: {what}").format(what=titles[name]))
            label.setBuddy(box)
            editor.addWidget(label, 0, column)
            editor.addWidget(box, 1, column)
            self.override_fields[name] = box
        self.save_override_button = QPushButton(self.tr("Save the override"), self)
        self.save_override_button.clicked.connect(self.save_override)
        self.clear_override_button = QPushButton(self.tr("&Clear override"), self)
        self.clear_override_button.clicked.connect(self.clear_override)
        for button in (self.save_override_button, self.clear_override_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_override_button)
        buttons.addWidget(self.save_override_button)
        editor.addLayout(buttons, 1, len(POLICY_FIELDS))
        self.layout_.addWidget(self.editing)
        self.layout_.addLayout(editor)
        self.waitlist_hold = WaitlistHoldBox(self)
        self.layout_.addWidget(self.waitlist_hold)
        self.layout_.addStretch(1)

    def load(self) -> None:
        self.run(LoadPolicies(), self._loaded_policies, reading=True)
        self.waitlist_hold.load()

    def _loaded_policies(self, loaded: Policies) -> None:
        self.policies = policies = loaded.policies
        self.room_of_setup = loaded.room_of_setup
        for name, box in self.studio_fields.items():
            box.setValue(getattr(policies.studio, name))
        views = self.views()
        selected = self.selected_view()
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            indent = "    " if view.entity == "setup" else ""
            self.table.setItem(row, 0, QTableWidgetItem(indent + view.name))
            for column, name in enumerate(POLICY_FIELDS, start=1):
                own = getattr(view.override, name)
                inherited = getattr(view.inherited, name)
                text = (
                    self.tr("{own} (default {inherited})").format(own=own, inherited=inherited)
                    if own is not None
                    else self.tr("{inherited} (inherited)").format(inherited=inherited)
                )
                item = QTableWidgetItem(text)
                if own is not None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if selected is not None:
            for row, view in enumerate(views):
                if (view.entity, view.entity_id) == (selected.entity, selected.entity_id):
                    self.table.selectRow(row)

    def views(self) -> list[PolicyView]:
        """Rooms, each followed by its setups."""
        if self.policies is None:
            return []
        ordered: list[PolicyView] = []
        for room in self.policies.rooms:
            ordered.append(room)
            ordered.extend(
                s
                for s in self.policies.setups
                if self.room_of_setup.get(s.entity_id) == room.entity_id
            )
        ordered.extend(s for s in self.policies.setups if s not in ordered)
        return ordered

    def selected_view(self) -> PolicyView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        views = self.views()
        if not rows or rows[0].row() >= len(views):
            return None
        return views[rows[0].row()]

    def select_row_named(self, name: str) -> None:
        for row, view in enumerate(self.views()):
            if view.name == name:
                self.table.selectRow(row)
                return

    @Slot()
    def _selected(self) -> None:
        view = self.selected_view()
        for button in (self.save_override_button, self.clear_override_button):
            button.setEnabled(view is not None)
        if view is None:
            return
        self.editing.setText(self.tr("Overrides of {name}").format(name=view.name))
        for name, box in self.override_fields.items():
            own = getattr(view.override, name)
            box.setValue(INHERIT if own is None else own)

    @Slot()
    def save_studio(self) -> None:
        policy = BookingPolicy(**{n: box.value() for n, box in self.studio_fields.items()})
        self.run(SetStudioPolicy(policy), said=self.tr("Saved the studio's rules."))

    @Slot()
    def save_override(self) -> None:
        view = self.selected_view()
        if view is None:
            return
        values = {
            n: (None if box.value() == INHERIT else box.value())
            for n, box in self.override_fields.items()
        }
        self.run(
            SetPolicyOverride(view.entity, view.entity_id, PolicyOverride(**values)),
            said=self.tr("Saved the overrides of {name}.").format(name=view.name),
        )

    @Slot()
    def clear_override(self) -> None:
        view = self.selected_view()
        if view is None:
            return
        self.run(
            ClearPolicyOverride(view.entity, view.entity_id),
            said=self.tr("{name} follows the rules it inherits again.").format(name=view.name),
        )


# --- opening hours and closed dates --------------------------------------------------------

TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_day(weekday: int, text: str) -> list[OpeningInterval]:
    """``"09:00-13:00, 14:00-22:00"`` as the day's intervals; "" (closed) as none."""
    intervals = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = TIME.match(part)
        if match is None:
            raise InvalidInput(f"Write “{part}” as 09:00–18:00.")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
            raise InvalidInput(f"“{part}” is not a time of day.")
        intervals.append(OpeningInterval(weekday, h1 * 60 + m1, h2 * 60 + m2))
    return intervals


def day_text(intervals: list[OpeningInterval]) -> str:
    def hm(minute: int) -> str:
        return f"{minute // 60:02d}:{minute % 60:02d}"

    return ", ".join(f"{hm(i.open_minute)}–{hm(i.close_minute)}" for i in intervals)


class HoursSection(Section):
    """Opening hours per weekday (several intervals a day) and closed dates."""

    SHOWS = frozenset({Kind.SETTINGS})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Opening hours & closed dates"), parent)
        from PySide6.QtCore import QLocale

        hint = QLabel(
            self.tr("Each day: times like 09:00–13:00, 14:00–22:00; empty: closed."), self
        )
        hint.setObjectName("Muted")
        self.layout_.addWidget(hint)
        grid = QGridLayout()
        self.days: list[QLineEdit] = []
        self.day_errors: list[QLabel] = []
        locale = QLocale(display_locale(ctx.user.studio.locale))
        for weekday in range(7):
            name = locale.dayName(weekday + 1)
            field = QLineEdit(self)
            field.setAccessibleName(name)
            field.setPlaceholderText(self.tr("closed"))
            label = QLabel(name, self)
            label.setBuddy(field)
            error = QLabel(self)
            error.setObjectName("ErrorText")
            grid.addWidget(label, weekday, 0)
            grid.addWidget(field, weekday, 1)
            grid.addWidget(error, weekday, 2)
            self.days.append(field)
            self.day_errors.append(error)
        self.save_hours_button = QPushButton(self.tr("Save the opening &hours"), self)
        self.save_hours_button.clicked.connect(self.save_hours)
        grid.addWidget(self.save_hours_button, 7, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.layout_.addLayout(grid)

        closed_title = QLabel(self.tr("Closed dates (holidays)"), self)
        closed_title.setObjectName("Muted")
        self.layout_.addWidget(closed_title)
        self.closed = QListWidget(self)
        self.closed.setAccessibleName(self.tr("Closed dates"))
        self.layout_.addWidget(self.closed, 1)
        add_row = QHBoxLayout()
        self.closed_day = QDateEdit(self)
        self.closed_day.setCalendarPopup(True)
        self.closed_day.setDate(QDate.currentDate())
        self.closed_day.setAccessibleName(self.tr("Closed on"))
        self.closed_reason = QLineEdit(self)
        self.closed_reason.setPlaceholderText(self.tr("Reason, e.g. Christmas"))
        self.closed_reason.setAccessibleName(self.tr("Reason"))
        self.add_closed_button = QPushButton(self.tr("&Add closed date"), self)
        self.add_closed_button.clicked.connect(self.add_closed)
        self.remove_closed_button = QPushButton(self.tr("Re&move"), self)
        self.remove_closed_button.clicked.connect(self.remove_closed)
        for widget in (self.closed_day, self.closed_reason, self.add_closed_button):
            add_row.addWidget(widget)
        add_row.addStretch(1)
        add_row.addWidget(self.remove_closed_button)
        self.layout_.addLayout(add_row)

    def load(self) -> None:
        self.run(LoadHours(), self._loaded_hours, reading=True)

    def _loaded_hours(self, hours: Hours) -> None:
        for weekday, field in enumerate(self.days):
            field.setText(day_text([i for i in hours.intervals if i.weekday == weekday]))
        self.closed.clear()
        for entry in hours.closed:
            where = f" · {entry.room_name}" if entry.room_name else ""
            text = f"{entry.day.isoformat()}{where} — {entry.reason}"
            item = QListWidgetItem(text, self.closed)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)

    def set_day(self, weekday: int, text: str) -> None:
        self.days[weekday].setText(text)

    @Slot()
    def save_hours(self) -> None:
        intervals: list[OpeningInterval] = []
        ok = True
        for weekday, field in enumerate(self.days):
            try:
                intervals.extend(parse_day(weekday, field.text()))
                self.day_errors[weekday].setText("")
            except InvalidInput as problem:
                self.day_errors[weekday].setText(str(problem))
                ok = False
        if ok:
            self.run(SetOpeningHours(tuple(intervals)), said=self.tr("Saved the opening hours."))

    @Slot()
    def add_closed(self) -> None:
        qdate = self.closed_day.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        self.run(
            AddClosedDate(day, self.closed_reason.text().strip()),
            said=self.tr("Closed on {day}.").format(day=day.isoformat()),
        )

    @Slot()
    def remove_closed(self) -> None:
        item = self.closed.currentItem()
        if item is None:
            self.complain(self.tr("Choose a closed date to remove."))
            return
        self.run(
            RemoveClosedDate(int(item.data(Qt.ItemDataRole.UserRole))),
            said=self.tr("Open again on that date."),
        )
