"""The day close: choose one of the studio's days, see its takings by payment method and by
VAT rate (credit notes netted) with the totals, and save them as PDF and CSV.

The figures come from ``DayCloseService.close`` on the worker; the PDF is rendered and
both files written there too (``operations.payments.save_day_close``), so the window
never waits on reportlab or the disk.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.payments import DayClose
from podyx_desktop.domain.vocabulary import payment_method_text
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.payments import load_day_close, save_day_close
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.document_actions import LAST_FOLDER_KEY, safe_file_name
from podyx_desktop.views.common.text_style import wrapped_label

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(parent: QWidget, titles: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(titles), parent)
    table.setHorizontalHeaderLabels(titles)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    return table


class DayCloseDialog(QDialog):
    """A day's takings, and "Save PDF and CSV…"."""

    def __init__(self, ctx: ViewContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.close_shown: DayClose | None = None
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Day close"))
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setAccessibleName(self.tr("Day"))
        self.day.dateChanged.connect(lambda _d: self.load())
        self.zone_label = QLabel(self.tr("in {zone}").format(zone=ctx.user.studio.time_zone), self)
        self.zone_label.setObjectName("Muted")
        top = QHBoxLayout()
        day_label = QLabel(self.tr("&Day:"), self)
        day_label.setBuddy(self.day)
        top.addWidget(day_label)
        top.addWidget(self.day)
        top.addWidget(self.zone_label)
        top.addStretch(1)
        self.methods = _table(
            self,
            [
                self.tr("Method"),
                self.tr("Receipts"),
                self.tr("Taken"),
                self.tr("Credit notes"),
                self.tr("Refunded"),
                self.tr("Net"),
            ],
            self.tr("Takings by payment method"),
        )
        self.rates = _table(
            self,
            [self.tr("VAT rate"), self.tr("Net"), self.tr("VAT"), self.tr("Gross")],
            self.tr("Takings by VAT rate"),
        )
        self.totals = wrapped_label(self, "")
        self.status = wrapped_label(self, "Muted")
        self.save_button = QPushButton(self.tr("&Save PDF and CSV…"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("By payment method"), self))
        layout.addWidget(self.methods, 1)
        layout.addWidget(QLabel(self.tr("By VAT rate"), self))
        layout.addWidget(self.rates, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.load()

    def chosen_day(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())

    def load(self) -> None:
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Loading…"))
        day = self.chosen_day()
        load_day_close(self._ctx, self._ctx.user.principal, day).success(self.show_close).failure(
            self.status.setText
        ).run(self)

    def show_close(self, close: DayClose) -> None:
        if close.day != self.chosen_day():
            return  # an answer for a day no longer chosen
        self.close_shown = close
        money = self.display.money
        self.methods.setRowCount(0)
        for m in close.by_method:
            self._add_row(
                self.methods,
                [
                    payment_method_text(m.method.value),
                    str(m.receipts),
                    money(m.receipts_minor, close.currency),
                    str(m.refunds),
                    money(m.refunds_minor, close.currency),
                    money(m.net_minor, close.currency),
                ],
            )
        self.rates.setRowCount(0)
        for r in close.by_rate:
            self._add_row(
                self.rates,
                [
                    f"{r.rate_bp / 100:g} %",
                    money(r.net_minor, close.currency),
                    money(r.vat_minor, close.currency),
                    money(r.gross_minor, close.currency),
                ],
            )
        self.totals.setText(
            self.tr(
                "{receipts} receipts, {taken}; {refunds} credit notes, {refunded}. "
                "Takings: {gross} (net {net}, VAT {vat})."
            ).format(
                receipts=close.receipts,
                taken=money(close.receipts_minor, close.currency),
                refunds=close.refunds,
                refunded=money(close.refunds_minor, close.currency),
                gross=money(close.gross_minor, close.currency),
                net=money(close.net_minor, close.currency),
                vat=money(close.vat_minor, close.currency),
            )
        )
        self.status.setText(
            self.tr("Nothing was taken on this day.") if not close.receipts + close.refunds else ""
        )
        self.save_button.setEnabled(True)

    @staticmethod
    def _add_row(table: QTableWidget, cells: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(RIGHT)
            table.setItem(row, column, item)

    @Slot()
    def choose_file(self) -> None:
        settings = QSettings()
        folder = str(
            settings.value(LAST_FOLDER_KEY, "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        name = safe_file_name(self.tr("Day close {day}").format(day=self.chosen_day().isoformat()))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save day close"), str(Path(folder) / name), self.tr("PDF (*.pdf)")
        )
        if path:
            settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
            self.save_to(Path(path))

    def save_to(self, pdf_path: Path) -> None:
        """Write the PDF to ``pdf_path`` and the CSV beside it (same name, ``.csv``)."""
        if pdf_path.suffix.lower() != ".pdf":
            pdf_path = pdf_path.with_name(pdf_path.name + ".pdf")
        csv_path = pdf_path.with_suffix(".csv")
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))

        def saved(_close: DayClose) -> None:
            self.saved_to = pdf_path
            self.save_button.setEnabled(True)
            self.status.setText(
                self.tr("Saved {pdf} and {csv}.").format(pdf=pdf_path.name, csv=csv_path.name)
            )

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(message)

        save_day_close(
            self._ctx, self._ctx.user.principal, self.chosen_day(), pdf_path, csv_path
        ).success(saved).failure(failed).run(self)
