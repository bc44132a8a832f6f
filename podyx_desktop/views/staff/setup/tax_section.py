"""Tax and receipts: prices with or without VAT, the default rate, the billing details
printed on receipts, and the receipt and credit-note series with a live preview of the
next number (locked, with the reason, once a number was issued). Below, the largest file
staff may share (the owner sets it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import Role, SeriesKind
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.setup import SeriesStatus, TaxSettings
from podyx_desktop.operations.files import LoadFileLimit, SetFileLimit
from podyx_desktop.operations.setup import ConfigureSeries, LoadTax, SetTax, TaxAndSeries
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.setup.section import Section


class SeriesEditor(QGroupBox):
    """One numbering series: prefix, year, digits, yearly restart, and the preview."""

    def __init__(self, kind: SeriesKind, title: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.kind = kind
        self.prefix = QLineEdit(self)
        self.prefix.setAccessibleName(self.tr("{what} prefix").format(what=title))
        self.include_year = QCheckBox(self.tr("Show the year"), self)
        self.digits = QSpinBox(self)
        self.digits.setRange(1, 12)
        self.yearly_reset = QCheckBox(self.tr("Start again every year"), self)
        self.preview = QLabel(self)
        self.preview.setAccessibleName(self.tr("{what} preview").format(what=title))
        self.lock = QLabel(self)
        self.lock.setObjectName("NoteText")
        self.lock.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save the format"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Prefix"), self.prefix)
        form.addRow("", self.include_year)
        form.addRow(self.tr("Digits at least"), self.digits)
        form.addRow("", self.yearly_reset)
        form.addRow(self.tr("Next number"), self.preview)
        form.addRow(self.lock)
        form.addRow("", self.save_button)
        for signal in (
            self.prefix.textChanged,
            self.include_year.toggled,
            self.digits.valueChanged,
            self.yearly_reset.toggled,
        ):
            signal.connect(self.update_preview)
        self._next_value = 1

    def show_status(self, status: SeriesStatus) -> None:
        fmt = status.format
        self.prefix.setText(fmt.prefix)
        self.include_year.setChecked(fmt.include_year)
        self.digits.setValue(fmt.min_digits)
        self.yearly_reset.setChecked(fmt.yearly_reset)
        self.lock.setText(self.tr("locked: {reason}").format(reason=status.reason))
        self.lock.setVisible(status.locked)
        for widget in (self.prefix, self.include_year, self.digits, self.yearly_reset):
            widget.setEnabled(not status.locked)
        self.save_button.setEnabled(not status.locked)
        self.preview.setText(status.preview)

    def format(self) -> SeriesFormat:
        return SeriesFormat(
            self.prefix.text().strip(),
            self.include_year.isChecked(),
            self.digits.value(),
            self.yearly_reset.isChecked(),
        )

    @Slot()
    def update_preview(self) -> None:
        try:
            self.preview.setText(self.format().format(date.today().year, self._next_value))
            self.preview.setObjectName("")
        except InvalidInput as problem:
            self.preview.setText(str(problem))
            self.preview.setObjectName("ErrorText")
        self.preview.style().unpolish(self.preview)
        self.preview.style().polish(self.preview)


class TaxSection(Section):
    SHOWS = frozenset({Kind.SETTINGS})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Tax & receipts"), parent)
        self.prices_include_vat = QCheckBox(self.tr("Prices include VAT"), self)
        self.default_rate = QDoubleSpinBox(self)
        self.default_rate.setRange(0, 100)
        self.default_rate.setSuffix(" %")
        self.vat_number = QLineEdit(self)
        self.registration_number = QLineEdit(self)
        self.bank_details = QPlainTextEdit(self)
        self.bank_details.setMaximumHeight(70)
        self.save_tax_button = QPushButton(self.tr("Save tax && billing details"), self)
        self.save_tax_button.clicked.connect(self.save_tax)
        form = QFormLayout()
        form.addRow("", self.prices_include_vat)
        for label, field in (
            (self.tr("Default VAT rate"), self.default_rate),
            (self.tr("VAT number"), self.vat_number),
            (self.tr("Registration number"), self.registration_number),
            (self.tr("Bank details (on receipts)"), self.bank_details),
        ):
            field.setAccessibleName(label)
            form.addRow(label, field)
        form.addRow("", self.save_tax_button)
        self.layout_.addLayout(form)
        series = QHBoxLayout()
        self.series = {
            SeriesKind.RECEIPT: SeriesEditor(SeriesKind.RECEIPT, self.tr("Receipts"), self),
            SeriesKind.CREDIT_NOTE: SeriesEditor(
                SeriesKind.CREDIT_NOTE, self.tr("Credit notes"), self
            ),
        }
        for editor in self.series.values():
            editor.save_button.clicked.connect(lambda _=False, e=editor: self.save_series(e))
            series.addWidget(editor)
        self.layout_.addLayout(series)
        self.layout_.addWidget(self._file_limit_box())
        self.layout_.addStretch(1)

    def _file_limit_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Shared files"), self)
        self.file_limit = QSpinBox(box)
        self.file_limit.setRange(1, 1024 * 1024)
        self.file_limit.setSuffix(" MiB")
        self.file_limit.setAccessibleName(self.tr("Largest file staff may share"))
        self.save_limit_button = QPushButton(self.tr("Save the file limit"), box)
        self.save_limit_button.clicked.connect(self.save_file_limit)
        owner = self.ctx.user.principal.role is Role.OWNER
        self.file_limit.setEnabled(owner)
        self.save_limit_button.setEnabled(owner)
        note = QLabel(
            self.tr(
                "Larger files are refused; share a link to a file host instead. Files "
                "shared before keep their place."
            )
            if owner
            else self.tr("Only the owner sets the file limit."),
            box,
        )
        note.setObjectName("NoteText")
        note.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Largest file staff may share"), self.file_limit)
        form.addRow(note)
        form.addRow("", self.save_limit_button)
        return box

    def load(self) -> None:
        self.run(LoadTax(), self._loaded_tax, reading=True)
        self.run(LoadFileLimit(), self.file_limit.setValue, reading=True)

    @Slot()
    def save_file_limit(self) -> None:
        self.run(SetFileLimit(self.file_limit.value()), said=self.tr("Saved the file limit."))

    def _loaded_tax(self, loaded: TaxAndSeries) -> None:
        tax = loaded.tax
        self.prices_include_vat.setChecked(tax.prices_include_vat)
        self.default_rate.setValue(tax.default_vat_rate_bp / 100)
        self.vat_number.setText(tax.vat_number)
        self.registration_number.setText(tax.registration_number)
        self.bank_details.setPlainText(tax.bank_details)
        for status in loaded.series:
            self.series[SeriesKind(status.kind)].show_status(status)

    @Slot()
    def save_tax(self) -> None:
        tax = TaxSettings(
            self.prices_include_vat.isChecked(),
            round(self.default_rate.value() * 100),
            self.vat_number.text().strip(),
            self.registration_number.text().strip(),
            self.bank_details.toPlainText().strip(),
        )
        self.run(SetTax(tax), said=self.tr("Saved the tax and billing details."))

    def save_series(self, editor: SeriesEditor) -> None:
        try:
            fmt = editor.format()
        except InvalidInput as problem:
            self.complain(str(problem))
            return
        self.run(ConfigureSeries(editor.kind, fmt), said=self.tr("Saved the number format."))
