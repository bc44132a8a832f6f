"""The first run on an empty local database: "Create your studio".

One form: the studio (name, address, country, VAT number, time zone from a searchable IANA
list with this machine's zone preselected, currency, locale, prices with or without VAT
and the default rate) and the owner's account. What the form can tell is said beside the
field; what the services refuse is said under the form, in their words. On a shared
PostgreSQL database the studio is made by IT (``podyx-admin studio apply``): the app says
so on its start-problem page and never shows this window.
"""

from __future__ import annotations

import zoneinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimeZone, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.requests import NewAccount, StudioSettings
from podyx_desktop.operations.setup import Created, create_studio

if TYPE_CHECKING:
    from podyx_desktop.gui.changes import ChangeBus
    from podyx_desktop.gui.tasks import TaskRunner

CURRENCIES = ("EUR", "GBP", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK")
LOCALES = ("en_GB", "en_US", "de_DE", "de_AT", "de_CH", "fr_FR", "nl_NL", "es_ES", "it_IT")
MIN_PASSWORD = 8


def machine_time_zone() -> str:
    """This machine's IANA zone: tzlocal's answer when it is installed, else Qt's."""
    try:
        import tzlocal  # type: ignore[import-not-found]

        name = str(tzlocal.get_localzone_name() or "")
    except Exception:  # not installed, or no answer: Qt asks the system as well
        name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if name in zoneinfo.available_timezones() else "UTC"


class _Seat:
    """The operation's seat before any window exists: the app's runner and bus."""

    def __init__(self, tasks: TaskRunner, bus: ChangeBus) -> None:
        self.tasks = tasks
        self.bus = bus


class FirstRunWindow(QWidget):
    """Create the studio and its owner; ``created`` gives the owner's session."""

    created = Signal(object)  # Created: the owner signed in, and the studio
    demo_requested = Signal()

    def __init__(
        self,
        tasks: TaskRunner,
        bus: ChangeBus,
        *,
        where: str,
        demo_offered: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunWindow")
        self.setWindowTitle(self.tr("Podyx — Create your studio"))
        self._seat = _Seat(tasks, bus)
        self._errors: dict[QWidget, QLabel] = {}

        title = QLabel(self.tr("Create your studio"), self)
        title.setObjectName("PageTitle")
        intro = QLabel(
            self.tr(
                "This database ({where}) has no studio yet. Tell Podyx about your studio and "
                "make the owner's account; you add rooms, services and opening hours next."
            ).format(where=where),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("Muted")
        self.intro = intro

        form_host = QWidget(self)
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = self._line(form, self.tr("Studio &name"))
        self.address = self._line(form, self.tr("&Address"))
        self.postal_code = self._line(form, self.tr("&Postal code"))
        self.city = self._line(form, self.tr("C&ity"))
        self.country = self._line(form, self.tr("C&ountry"))
        self.vat_number = self._line(form, self.tr("&VAT number"))
        self.time_zone = QComboBox(self)
        self.time_zone.setEditable(True)
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        zones = sorted(zoneinfo.available_timezones())
        self.time_zone.addItems(zones)
        completer = QCompleter(zones, self.time_zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone.setCompleter(completer)
        self.time_zone.setCurrentText(machine_time_zone())
        self._row(form, self.tr("&Time zone"), self.time_zone)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self._row(form, self.tr("&Currency"), self.currency)
        self.studio_locale = QComboBox(self)
        self.studio_locale.setEditable(True)
        self.studio_locale.addItems(LOCALES)
        self._row(form, self.tr("&Language and formats"), self.studio_locale)
        self.prices_include_vat = QCheckBox(self.tr("Prices include VAT"), self)
        self.prices_include_vat.setChecked(True)
        form.addRow("", self.prices_include_vat)
        self.vat_rate = QDoubleSpinBox(self)
        self.vat_rate.setRange(0, 100)
        self.vat_rate.setDecimals(2)
        self.vat_rate.setSuffix(" %")
        self.vat_rate.setValue(19.0)
        self._row(form, self.tr("Default VAT &rate"), self.vat_rate)

        owner_title = QLabel(self.tr("The owner's account"), self)
        font = owner_title.font()
        font.setBold(True)
        owner_title.setFont(font)
        owner_title.setContentsMargins(0, 12, 0, 0)
        form.addRow(owner_title)
        self.owner_name = self._line(form, self.tr("Your na&me"))
        self.owner_email = self._line(form, self.tr("&Email"))
        self.owner_phone = self._line(form, self.tr("P&hone"))
        self.password = self._line(form, self.tr("Pass&word"), secret=True)
        self.password_again = self._line(form, self.tr("Password a&gain"), secret=True)

        self.message = QLabel(self)
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem"))
        self.message.hide()
        self.create_button = QPushButton(self.tr("Create the studio"), self)
        self.create_button.setDefault(True)
        self.create_button.setMinimumWidth(self.create_button.sizeHint().width() + 40)
        self.create_button.clicked.connect(self.submit)
        self.demo_button = QPushButton(self.tr("Try the demo studio instead"), self)
        self.demo_button.setVisible(demo_offered)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)

        card = QFrame(self)
        card.setObjectName("Card")
        card.setMaximumWidth(640)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        card_layout.addWidget(title)
        card_layout.addWidget(intro)
        card_layout.addSpacing(8)
        card_layout.addWidget(form_host)
        card_layout.addWidget(self.message)
        card_layout.addLayout(buttons)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget(scroll)
        column = QVBoxLayout(holder)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.addWidget(scroll)
        self.resize(880, 820)

    # --- building -----------------------------------------------------------------

    def _row(self, form: QFormLayout, label: str, field: QWidget) -> None:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        error = QLabel(column)
        error.setObjectName("ErrorText")
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        self._errors[field] = error
        caption = QLabel(label, self)
        caption.setBuddy(field)
        field.setAccessibleName(label.replace("&", ""))
        form.addRow(caption, column)

    def _line(self, form: QFormLayout, label: str, *, secret: bool = False) -> QLineEdit:
        field = QLineEdit(self)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self._row(form, label, field)
        return field

    # --- submitting ---------------------------------------------------------------

    def error_of(self, field: QWidget) -> str:
        """The sentence beside ``field`` ("" when none)."""
        label = self._errors[field]
        return label.text() if not label.isHidden() else ""

    def _say(self, field: QWidget, text: str) -> None:
        label = self._errors[field]
        label.setText(text)
        label.setVisible(bool(text))

    def _check(self) -> bool:
        for label in self._errors.values():
            label.hide()
        problems: list[tuple[QWidget, str]] = []
        required: tuple[tuple[QLineEdit, str], ...] = (
            (self.name, self.tr("Give the studio a name.")),
            (self.owner_name, self.tr("Write your name.")),
            (self.owner_email, self.tr("Write your email address: you sign in with it.")),
        )
        for field, what in required:
            if not field.text().strip():
                problems.append((field, what))
        if self.time_zone.currentText() not in zoneinfo.available_timezones():
            problems.append(
                (self.time_zone, self.tr("Choose a time zone from the list, e.g. Europe/Berlin."))
            )
        currency = self.currency.currentText().strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            problems.append((self.currency, self.tr("A currency is a three-letter code: EUR.")))
        if len(self.password.text()) < MIN_PASSWORD:
            problems.append(
                (
                    self.password,
                    self.tr("A password has at least {n} characters.").format(n=MIN_PASSWORD),
                )
            )
        elif self.password.text() != self.password_again.text():
            problems.append((self.password_again, self.tr("The two passwords differ.")))
        for widget, text in problems:
            self._say(widget, text)
        if problems:
            problems[0][0].setFocus()
        return not problems

    def settings(self) -> StudioSettings:
        return StudioSettings(
            name=self.name.text().strip(),
            time_zone=self.time_zone.currentText(),
            currency=self.currency.currentText().strip().upper(),
            locale=self.studio_locale.currentText().strip(),
            prices_include_vat=self.prices_include_vat.isChecked(),
            default_vat_rate_bp=round(self.vat_rate.value() * 100),
            vat_number=self.vat_number.text().strip(),
            address_line1=self.address.text().strip(),
            postal_code=self.postal_code.text().strip(),
            city=self.city.text().strip(),
            country=self.country.text().strip(),
        )

    @Slot()
    def submit(self) -> None:
        self.message.hide()
        if not self._check():
            return
        owner = NewAccount(
            self.owner_name.text().strip(),
            self.owner_email.text().strip(),
            self.owner_phone.text().strip(),
            self.password.text(),
        )
        self.create_button.setEnabled(False)
        self.create_button.setText(self.tr("Creating…"))
        create_studio(self._seat, self.settings(), owner).success(self._created).failure(
            self._failed
        ).run(self)

    def _created(self, created: Created) -> None:
        self.password.clear()
        self.password_again.clear()
        self.created.emit(created)

    def _failed(self, message: str) -> None:
        self.create_button.setEnabled(True)
        self.create_button.setText(self.tr("Create the studio"))
        self.message.setText(message)
        self.message.show()
