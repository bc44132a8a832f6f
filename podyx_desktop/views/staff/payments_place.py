"""The staff window's Payments place: every purchase awaiting payment — pay later, bank
transfer, a bundle bought by transfer — oldest first, with how long it has waited, the
client, what it is for, the amount and the method the client chose.

A lazy list (``PendingPaymentsModel`` over ``PaymentQueueService.page``: pages as the
view scrolls, sorted and searched in SQL). Approve one (the method actually used: the
receipt is issued, a pending booking confirmed), refuse one (a reason), or mark the
selected transfers received at once: each purchase is its own transition, and the ones
approved on another seat meanwhile are said in a sentence, not failed. "Day close…" shows
and saves a day's takings; "Export purchases…" writes the receipts of a span of days as
CSV, streamed on the worker. The list reloads when purchases, bookings or bundles change.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QDate, QSettings, QStandardPaths, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
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
from podyx_desktop.domain.message import mn, shown
from podyx_desktop.domain.payments import BulkPaymentOutcome, PendingPayment
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.models.payments import PendingPaymentsModel
from podyx_desktop.operations.payments import (
    export_purchases_csv,
    mark_transfers_received,
    page_runner,
    payments_page_source,
)
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.document_actions import LAST_FOLDER_KEY
from podyx_desktop.views.common.tables import record_table
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.staff.payment_dialogs import ApprovePaymentDialog, RefusePaymentDialog

SEARCH_PAUSE_MS = 300


def bulk_summary(outcome: BulkPaymentOutcome) -> str:
    """``3 marked received; 1 had been approved on another seat.`` and any other refusal."""
    parts = [shown(mn("%n marked received", "", len(outcome.marked)))]
    if outcome.approved_elsewhere:
        n = outcome.approved_elsewhere
        parts.append(shown(mn("%n had been approved on another seat", "", n)))
    others = [why for _id, why in outcome.refused if "already recorded" not in why]
    if others:
        n = len(others)
        parts.append(shown(mn("%n could not be marked", "", n)) + f" ({shown(others[0])})")
    return "; ".join(parts) + "."


class PaymentsPlace(QWidget):
    """The queue of pending payments and the desk's actions on it."""

    SHOWS: ClassVar[tuple[Kind, ...]] = (Kind.PURCHASES, Kind.BOOKINGS, Kind.BUNDLES)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaymentsPlace")
        self._ctx = ctx
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.model = PendingPaymentsModel(
            payments_page_source(ctx.user.principal), page_runner(ctx, self), self.display, self
        )
        self._started = False
        self.dialog: QDialog | None = None

        title = QLabel(self.tr("Pending payments"), self)
        title.setObjectName("SectionTitle")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by client name"))
        self.search.setAccessibleName(self.tr("Search pending payments by client name"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(lambda: self.model.set_filter(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.search, 1)

        self.table: QTableView = record_table(
            self.model, self.tr("Pending payments"), self, stretch_column=2, sortable=False
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSortIndicator(*self.model.DEFAULT_SORT)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _i: self.approve_selected())
        # rows come a page at a time (inserted, not reset): fit the columns to the first page
        self.model.page_loaded.connect(self._fit_columns)

        self.approve_button = QPushButton(self.tr("&Approve…"), self)
        self.approve_button.setToolTip(self.tr("Record the payment with the method used"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.refuse_button = QPushButton(self.tr("Re&fuse…"), self)
        self.refuse_button.setToolTip(self.tr("Cancel the booking or withdraw the purchase"))
        self.refuse_button.clicked.connect(self.refuse_selected)
        self.mark_button = QPushButton(self.tr("&Mark transfers received"), self)
        self.mark_button.setToolTip(
            self.tr("Record every selected payment as paid by bank transfer")
        )
        self.mark_button.clicked.connect(self.mark_selected_received)
        self.day_close_button = QPushButton(self.tr("&Day close…"), self)
        self.day_close_button.clicked.connect(self.open_day_close)
        self.export_button = QPushButton(self.tr("&Export purchases…"), self)
        self.export_button.clicked.connect(self.open_export)
        actions = QHBoxLayout()
        for button in (self.approve_button, self.refuse_button, self.mark_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.day_close_button)
        actions.addWidget(self.export_button)

        self.count_label = wrapped_label(self, "Muted")
        self.feedback = wrapped_label(self, "")
        self.feedback.setAccessibleName(self.tr("What the last action did"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(actions)
        layout.addWidget(self.feedback)

        self.model.page_loaded.connect(lambda _n: self._show_count())
        self.model.load_failed.connect(self.feedback.setText)
        self.model.modelReset.connect(self._show_count)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        ctx.bus.changed.connect(self._on_changed)
        self._update_buttons()

    @Slot(int)
    def _fit_columns(self, _count: int) -> None:
        if self.model.rowCount() <= self.model.page_size_hint:
            self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(self.model.FOR, QHeaderView.ResizeMode.Stretch)

    # --- loading ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self.reload()

    def reload(self) -> None:
        """Read the queue again from its first page."""
        self._started = True
        self.model.reload()

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if self._started and changes.touches(*self.SHOWS):
            self.model.reload()

    @Slot()
    def _show_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.is_complete:
            text = shown(mn("%n payment(s) waiting", "", rows))
        else:
            text = shown(
                mn(
                    "%n payment(s) shown; more load as you scroll",
                    "",
                    rows,
                )
            )
        self.count_label.setText(text if not self.model.is_loading or rows else "")

    # --- the selection ------------------------------------------------------------------

    def selected(self) -> list[PendingPayment]:
        """The selected payments, in the list's order."""
        selection = self.table.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows())
        return [self.model.index(row, 0).data(RECORD_ROLE) for row in rows]

    def select_purchases(self, purchase_ids: list[int]) -> None:
        """Select the rows of these purchases (tests and the screenshots)."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        for purchase_id in purchase_ids:
            row = self.model.row_of(purchase_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), self.model.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)

    @Slot()
    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.approve_button.setEnabled(count == 1)
        self.refuse_button.setEnabled(count == 1)
        self.mark_button.setEnabled(count >= 1)
        self.mark_button.setText(
            shown(mn("&Mark %n transfer(s) received", "", count))
            if count > 1
            else self.tr("&Mark transfer received")
        )

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def approve_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self._open(ApprovePaymentDialog(self._ctx, chosen[0], self.model, self))

    @Slot()
    def refuse_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self._open(RefusePaymentDialog(self._ctx, chosen[0], self.model, self))

    def _open(self, dialog: ApprovePaymentDialog | RefusePaymentDialog) -> None:
        self.dialog = dialog
        dialog.succeeded.connect(self.feedback.setText)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def mark_selected_received(self) -> None:
        chosen = self.selected()
        if not chosen:
            self.feedback.setText(self.tr("Select the transfers that were received."))
            return
        self.mark_button.setEnabled(False)
        self.feedback.setText(self.tr("Recording {count} payments…").format(count=len(chosen)))
        ids = tuple(p.purchase_id for p in chosen)
        mark_transfers_received(self._ctx, self._ctx.user.principal, ids).success(
            self._marked
        ).failure(self._mark_failed).run(self)

    def _marked(self, outcome: BulkPaymentOutcome) -> None:
        self.feedback.setText(bulk_summary(outcome))
        self._update_buttons()

    def _mark_failed(self, message: str) -> None:
        self.feedback.setText(message)
        self._update_buttons()

    def studio_today(self) -> date:
        from datetime import UTC, datetime

        return self.display.local(datetime.now(UTC)).date()

    @Slot(bool)
    def open_day_close(self, day: date | None = None) -> QDialog:
        from podyx_desktop.views.staff.day_close_dialog import DayCloseDialog

        dialog = DayCloseDialog(self._ctx, day or self.studio_today(), self)
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot()
    def open_export(self) -> None:
        dialog = ExportPurchasesDialog(self._ctx, self.studio_today(), self)
        self.dialog = dialog
        dialog.exported.connect(self.feedback.setText)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class ExportPurchasesDialog(QDialog):
    """The receipts and credit notes of a span of days as one CSV file, streamed."""

    exported = Signal(str)

    def __init__(self, ctx: ViewContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Export purchases"))
        first_of_month = QDate(today.year, today.month, 1)
        self.first = QDateEdit(first_of_month, self)
        self.last = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit, name in ((self.first, self.tr("First day")), (self.last, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.error_label = wrapped_label(self, "ErrorText")
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.first)
        form.addRow(self.tr("&To:"), self.last)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Save CSV…"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = wrapped_label(self, "Muted")
        note.setText(self.tr("Every receipt and credit note issued on these days (inclusive)."))
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    @Slot()
    def choose_file(self) -> None:
        settings = QSettings()
        folder = str(
            settings.value(LAST_FOLDER_KEY, "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        first, last = self._day(self.first), self._day(self.last)
        name = f"purchases-{first.isoformat()}-{last.isoformat()}.csv"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save purchases"), str(Path(folder) / name), self.tr("CSV (*.csv)")
        )
        if path:
            settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        first, last = self._day(self.first), self._day(self.last)
        self.save_button.setEnabled(False)
        self.error_label.setText(self.tr("Exporting…"))

        def done(count: int) -> None:
            self.exported.emit(
                shown(mn("Exported %n purchase(s) to {file}.", "", count, file=path.name))
            )
            self.accept()

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            self.error_label.setText(message)

        export_purchases_csv(self._ctx, self._ctx.user.principal, first, last, path).success(
            done
        ).failure(failed).run(self)
