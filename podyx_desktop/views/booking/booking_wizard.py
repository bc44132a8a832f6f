"""The booking wizard: setup → service and length → add-ons → date and free time →
review (price, promo code, VAT, terms; the account form for a first-time client) →
payment → booked.

The wizard owns a :class:`BookingDraft` the pages fill in. It loads the catalogue (and the
services' "now", so the calendar starts on the studio's today) once, off the GUI thread.
On success it publishes the changed entities and emits ``booked`` with the
:class:`~podyx_desktop.domain.records.BookingResult`; the shell signs a new client in
from ``result.signed_in``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtCore import Slot as QtSlot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from podyx_desktop.domain.availability import Slot
from podyx_desktop.domain.money import prorate_minutes
from podyx_desktop.domain.records import (
    BookingResult,
    Catalogue,
    Service,
    Setup,
    SignedIn,
)
from podyx_desktop.domain.vocabulary import display_locale
from podyx_desktop.domain.waitlist import WaitlistEntry
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.models.catalogue import ServicesListModel, SetupsListModel
from podyx_desktop.models.display import DisplayFormat, duration_text
from podyx_desktop.operations.bookings import load_catalogue
from podyx_desktop.views.booking.addon_picker import AddonPicker
from podyx_desktop.views.booking.booking_review import DonePage, PaymentPage, ReviewPage
from podyx_desktop.views.booking.draft import BookingDraft
from podyx_desktop.views.booking.slot_picker import SessionShape, SlotPicker
from podyx_desktop.views.common.context import UserSession, ViewContext
from podyx_desktop.views.common.formatting import money_text
from podyx_desktop.views.common.paint import FirstPaint, next_turn

CHECKOUT_PAGES_FALLBACK_MS = 300  # a wizard that does not paint builds them anyway


class _ListPage(QWizardPage):
    """A page choosing one record from a list view."""

    def validatePage(self) -> bool:
        # QWizard.next() (a shortcut, a script) does not check isComplete(); do it here.
        return self.isComplete()

    def _list(self, model: SetupsListModel | ServicesListModel, name: str) -> QListView:
        view = QListView(self)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSpacing(4)
        view.setWordWrap(True)
        return view

    @staticmethod
    def _selected(view: QListView) -> object | None:
        rows = view.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None


class SetupPage(_ListPage):
    def __init__(self, wizard: BookingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Where"))
        self.setSubTitle(self.tr("Choose a room and setup."))
        self.model = SetupsListModel(wizard.display, self)
        self.list = self._list(self.model, self.tr("Rooms and setups"))
        self.list.selectionModel().selectionChanged.connect(self._changed)
        self.message = QLabel(self.tr("Loading the studio's rooms…"), self)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)

    def show_catalogue(self, catalogue: Catalogue) -> None:
        offered = {sid for service in catalogue.services for sid in service.setup_ids}
        self.model.set_rows([s for s in catalogue.setups if s.id in offered])
        self.message.setText("" if self.model.rowCount() else self.tr("Nothing can be booked yet."))

    @QtSlot(QItemSelection, QItemSelection)
    def _changed(self, *_args: QItemSelection) -> None:
        record = self._selected(self.list)
        self._wizard.draft.setup = record if isinstance(record, Setup) else None
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.draft.setup is not None


class ServicePage(_ListPage):
    def __init__(self, wizard: BookingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("What and how long"))
        self.setSubTitle(self.tr("Choose the service and the length of your session."))
        self.model = ServicesListModel(wizard.display, self)
        self.list = self._list(self.model, self.tr("Services"))
        self.list.selectionModel().selectionChanged.connect(self._service_changed)
        self.length = QComboBox(self)
        self.length.setAccessibleName(self.tr("Session length"))
        self.length.currentIndexChanged.connect(self._length_changed)
        length_label = QLabel(self.tr("&Length:"), self)
        length_label.setBuddy(self.length)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(length_label)
        layout.addWidget(self.length)

    def initializePage(self) -> None:
        draft = self._wizard.draft
        catalogue = self._wizard.catalogue
        if catalogue is None or draft.setup is None:
            return
        chosen = draft.service.id if draft.service else None
        self.model.set_rows([s for s in catalogue.services if draft.setup.id in s.setup_ids])
        row = self.model.row_of(chosen) if chosen is not None else -1
        self.list.setCurrentIndex(self.model.index(max(row, 0), 0))

    @QtSlot(QItemSelection, QItemSelection)
    def _service_changed(self, *_args: QItemSelection) -> None:
        record = self._selected(self.list)
        service = record if isinstance(record, Service) else None
        draft = self._wizard.draft
        draft.service = service
        previous = draft.minutes
        self.length.blockSignals(True)
        self.length.clear()
        if service is not None:
            studio = self._wizard.ctx.user.studio
            for minutes in service.lengths():
                price = money_text(
                    prorate_minutes(service.hourly_rate_minor, minutes),
                    studio.currency,
                    display_locale(studio.locale),
                )
                self.length.addItem(f"{duration_text(minutes)} — {price}", minutes)
            index = self.length.findData(previous)
            self.length.setCurrentIndex(index if index >= 0 else 0)
        self.length.blockSignals(False)
        self._length_changed()

    @QtSlot(int)
    def _length_changed(self, *_args: int) -> None:
        data = self.length.currentData()
        self._wizard.draft.minutes = int(data) if data is not None else 0
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        draft = self._wizard.draft
        return draft.service is not None and draft.minutes > 0


class AddonsPage(QWizardPage):
    def __init__(self, wizard: BookingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Add-ons"))
        self.setSubTitle(self.tr("Anything extra for your session? You can skip this step."))
        studio = wizard.ctx.user.studio
        self.picker = AddonPicker(studio.currency, display_locale(studio.locale), self)
        self.picker.changed.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addStretch(1)

    def initializePage(self) -> None:
        catalogue = self._wizard.catalogue
        service = self._wizard.draft.service
        if catalogue is None or service is None:
            return
        self.picker.set_addons([a for a in catalogue.addons if service.id in a.service_ids])

    @QtSlot()
    def _changed(self) -> None:
        self._wizard.draft.addons = self.picker.chosen_addons()


class TimePage(QWizardPage):
    def __init__(self, wizard: BookingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("When"))
        self.setSubTitle(self.tr("Pick a day, then one of its free start times."))
        self.picker = SlotPicker(wizard.ctx, self)
        self.picker.slot_changed.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)

    def initializePage(self) -> None:
        draft = self._wizard.draft
        if draft.setup is None or draft.service is None:
            return
        self.picker.set_shape(SessionShape(draft.setup.id, draft.service.id, draft.minutes))
        offer = self._wizard.offer
        if offer is not None and draft.slot is None:
            self.picker.wanted_start = offer.starts_at  # selected once its day is shown
            self.picker.set_day(self._wizard.display.local(offer.starts_at).date())
        elif self._wizard.today is not None and draft.slot is None:
            self.picker.set_day(
                self._wizard.display.local(self._wizard.today).date(), find_free=True
            )

    @QtSlot(object)
    def _changed(self, slot: Slot | None) -> None:
        self._wizard.draft.slot = slot
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.draft.slot is not None

    def validatePage(self) -> bool:
        return self.isComplete()


class BookingWizard(QWizard):
    booked = Signal(object)  # BookingResult
    # built once the wizard has painted (see ``_build_next_later_page``)
    review_page: ReviewPage
    payment_page: PaymentPage
    done_page: DonePage

    SETUP, SERVICE, ADDONS, TIME, REVIEW, PAYMENT, DONE = range(7)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.draft = BookingDraft()
        self.catalogue: Catalogue | None = None
        self.today: datetime | None = None
        self.booking_result: BookingResult | None = None
        self.offer: WaitlistEntry | None = None  # a waitlist offer being booked
        # A visitor's account, created by booking or signed in to halfway through
        self.signed_in: SignedIn | None = None
        self.setWindowTitle(self.tr("Book a session"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setup_page = SetupPage(self)
        self.service_page = ServicePage(self)
        self.addons_page = AddonsPage(self)
        for page_id, page in enumerate((self.setup_page, self.service_page, self.addons_page)):
            self.setPage(page_id, page)
        # The later pages (the time step's, the checkout's: review, payment, done) are
        # built once the wizard has painted, one per event-loop turn: building all seven
        # at once stalled the GUI thread for one long turn (bench/gui_lag.py); at the
        # latest when the step before them is reached, or when one is asked for.
        self._time_page: TimePage | None = None
        self._later_step = 0  # how many of them are built
        FirstPaint(self, self._build_later_pages, fallback_ms=CHECKOUT_PAGES_FALLBACK_MS)
        self.resize(840, 660)
        self._load()

    @property
    def time_page(self) -> TimePage:
        if self._time_page is None:
            self._build_next_later_page(at_once=True, until=1)
        assert self._time_page is not None
        return self._time_page

    def _build_later_pages(self) -> None:
        self._build_next_later_page(at_once=False)

    def _build_next_later_page(self, *, at_once: bool, until: int = 5) -> None:
        """The later pages not built yet: one per event-loop turn (the time step's and
        the review page are the costliest), or, when ``at_once``, the first ``until``
        steps now."""
        while self._later_step < until:
            step, self._later_step = self._later_step, self._later_step + 1
            if step == 0:
                self._time_page = TimePage(self)
                self.setPage(self.TIME, self._time_page)
            elif step == 1:
                self.review_page = ReviewPage(self)
                self.setPage(self.REVIEW, self.review_page)
            elif step == 2:
                self.review_page.build_content()
            elif step == 3:
                self.payment_page = PaymentPage(self)
                self.setPage(self.PAYMENT, self.payment_page)
            else:
                self.done_page = DonePage(self)
                self.setPage(self.DONE, self.done_page)
            if not at_once:
                next_turn(self, lambda: self._build_next_later_page(at_once=False))
                return

    def initializePage(self, page_id: int) -> None:
        if page_id >= self.ADDONS:  # the next step must be there
            self._build_next_later_page(at_once=True, until=1 if page_id == self.ADDONS else 5)
        super().initializePage(page_id)

    @property
    def is_visitor(self) -> bool:
        return self.ctx.user.account is None

    def _load(self) -> None:
        principal = self.ctx.user.principal
        load_catalogue(self.ctx, principal).success(self._loaded).failure(
            self.setup_page.message.setText
        ).run(self)

    def _loaded(self, result: tuple[Catalogue, datetime]) -> None:
        self.catalogue, self.today = result
        self.setup_page.show_catalogue(self.catalogue)
        if self.offer is not None:
            self._start_at_offer(self.offer)

    def book_offer(self, entry: WaitlistEntry) -> None:
        """Book a time offered from the waitlist: its setup, service and length chosen and
        the time picked (the client still chooses add-ons, reviews and pays as usual)."""
        self.offer = entry
        if self.catalogue is not None:
            self._start_at_offer(entry)

    def _start_at_offer(self, entry: WaitlistEntry) -> None:
        catalogue = self.catalogue
        assert catalogue is not None
        setup = next((s for s in catalogue.setups if s.id == entry.setup_id), None)
        service = next((s for s in catalogue.services if s.id == entry.service_id), None)
        if setup is None or service is None:
            return  # no longer offered: the client picks as usual
        self.draft.setup, self.draft.service, self.draft.minutes = setup, service, entry.minutes
        self.setStartId(self.ADDONS)
        self.restart()

    @QtSlot(object)
    def sign_in_at_checkout(self, signed_in: SignedIn) -> None:
        """A visitor whose email has an account signed in: book as them, cart kept."""
        self.signed_in = signed_in
        self.ctx.user = UserSession(
            signed_in.principal, signed_in.account, self.ctx.user.studio, signed_in.token
        )
        self.review_page.show_signed_in(signed_in.account)
        self.payment_page.method.show_for(self.ctx.user)

    def finish_booking(self, result: BookingResult) -> None:
        """Called by the payment page when the booking succeeded."""
        self.booking_result = result
        if result.signed_in is not None:
            self.signed_in = result.signed_in
        self.booked.emit(result)
        self.next()
