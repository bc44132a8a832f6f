"""The Audit place (managers and owners): who changed what, when, before → after, a page
at a time over the whole log; filters by person, kind of action, client and date range;
"Export CSV…" writes the filtered view on the worker."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.setup import AuditFilters
from podyx_desktop.domain.vocabulary import display_locale
from podyx_desktop.models.audit import AuditModel, action_words
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.audit import (
    AuditChoices,
    ExportAuditCsv,
    FindClients,
    LoadAuditChoices,
    audit_runner,
    audit_source,
)
from podyx_desktop.operations.base import Op
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.tables import titles_in_qt

PAGE_SIZE = 200


class AuditPlace(QWidget):
    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditPlace")
        self._ctx = ctx
        self._principal = ctx.user.principal
        self._started = False
        self.filters = AuditFilters()
        heading = QLabel(self.tr("Audit log"), self)
        heading.setObjectName("PageTitle")
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Person"))
        self.person.addItem(self.tr("Anyone"), None)
        self.action = QComboBox(self)
        self.action.setAccessibleName(self.tr("Kind of action"))
        self.action.addItem(self.tr("Any action"), None)
        self.client_search = QLineEdit(self)
        self.client_search.setPlaceholderText(self.tr("Client: name, email or phone"))
        self.client_search.setAccessibleName(self.tr("Find a client"))
        self.client_search.returnPressed.connect(self.find_clients)
        self.client = QComboBox(self)
        self.client.setAccessibleName(self.tr("Client"))
        self.client.addItem(self.tr("Any client"), None)
        self.use_dates = QCheckBox(self.tr("From"), self)
        self.first = QDateEdit(self)
        self.first.setCalendarPopup(True)
        self.first.setAccessibleName(self.tr("First day"))
        self.last = QDateEdit(self)
        self.last.setCalendarPopup(True)
        self.last.setAccessibleName(self.tr("Last day"))
        short_date = QLocale(display_locale(ctx.user.studio.locale)).dateFormat(
            QLocale.FormatType.ShortFormat
        )
        for edit in (self.first, self.last):
            edit.setDisplayFormat(short_date)
        self.client_search.setMinimumWidth(220)
        today = QDate.currentDate()
        self.first.setDate(today.addDays(-30))
        self.last.setDate(today)
        for combo in (self.person, self.action, self.client):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._dates_changed)
        self.use_dates.toggled.connect(self.apply_filters)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.clicked.connect(self.choose_export)
        filters = QHBoxLayout()
        filters.addWidget(heading)
        filters.addSpacing(12)
        for widget in (self.person, self.action, self.client_search, self.client):
            filters.addWidget(widget)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.first)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.last)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.model = AuditModel(
            audit_source(self._principal, self.filters),
            audit_runner(ctx, self),
            self.display,
            self,
            page_size=PAGE_SIZE,
        )
        self.table = QTableView(self)
        self.table.setObjectName("AuditTable")
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.setModel(self.model)
        titles_in_qt(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 150), (1, 140), (2, 230), (3, 260), (4, 260)):
            self.table.setColumnWidth(column, width)
        self.status = QLabel(self)
        self.status.setObjectName("Muted")
        self.model.load_failed.connect(self._failed)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        ctx.bus.changed.connect(self._changed)

    # --- loading ------------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.start()

    def start(self) -> None:
        """Load the first page and the filters' choices (once; then on changes)."""
        if self._started:
            return
        self._started = True
        self.model.reload()
        self._load_choices()

    def _load_choices(self) -> None:
        Op(self._ctx, self._principal, LoadAuditChoices()).success(self._choices).failure(
            self._failed
        ).run(self)

    def _choices(self, choices: AuditChoices) -> None:
        self._refill(self.person, choices.people)
        self._refill(self.action, [(a, action_words(a)) for a in choices.actions])

    def _refill(self, combo: QComboBox, entries: Sequence[tuple[object, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value, text in entries:
            combo.addItem(text, value)
        index = combo.findData(keep)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    @Slot(object)
    def _changed(self, changes: Changes) -> None:
        if self._started and changes.touches(Kind.AUDIT):
            self.model.reload()
            self._load_choices()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.status.setText(message)

    # --- filters ------------------------------------------------------------------

    @Slot()
    def find_clients(self) -> None:
        text = self.client_search.text().strip()
        if not text:
            self._refill(self.client, [])
            self.apply_filters()
            return
        Op(self._ctx, self._principal, FindClients(text)).success(self._clients_found).failure(
            self._failed
        ).run(self)

    def _clients_found(self, found: list[tuple[int, str]]) -> None:
        self._refill(self.client, list(found))
        if found:
            self.client.setCurrentIndex(1)
            self.status.setText("")
        else:
            self.status.setText(self.tr("No client matches; showing every client."))
        self.apply_filters()

    @Slot()
    def _dates_changed(self) -> None:
        if self.use_dates.isChecked():
            self.apply_filters()

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        d = edit.date()
        return date(d.year(), d.month(), d.day())

    def current_filters(self) -> AuditFilters:
        dated = self.use_dates.isChecked()
        return AuditFilters(
            actor_id=self.person.currentData(),
            action=self.action.currentData(),
            client_id=self.client.currentData(),
            first=self._day(self.first) if dated else None,
            last=self._day(self.last) if dated else None,
        )

    @Slot()
    def apply_filters(self) -> None:
        filters = self.current_filters()
        if filters == self.filters:
            return
        self.filters = filters
        self.model.show_source(audit_source(self._principal, filters))

    # --- export -------------------------------------------------------------------

    @Slot()
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "audit-log.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing {path}…").format(path=path))
        Op(self._ctx, self._principal, ExportAuditCsv(path, self.filters)).success(
            lambda count: self._exported(path, count)
        ).failure(self._export_failed).run(self)

    def _exported(self, path: str, count: int) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(
            self.tr("Wrote {count} entries to {path}.").format(count=count, path=path)
        )

    def _export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(message)


def may_audit(role: Role | None) -> bool:
    return role in (Role.MANAGER, Role.OWNER)
