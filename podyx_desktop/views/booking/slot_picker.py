"""Pick a day and one of its free start times, as the availability service reports them.

Shared by the booking wizard, the reschedule dialog and the redeem dialog. Days are the
studio's local days; the free times are loaded off the GUI thread whenever the day or
the session (setup, service, length) changes, and stale answers are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QItemSelection, Signal
from PySide6.QtCore import Slot as QtSlot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.availability import Slot
from podyx_desktop.domain.requests import AvailabilityQuery
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.models.slots import SlotsListModel
from podyx_desktop.operations.bookings import load_free_times
from podyx_desktop.views.booking.waitlist_join import WaitlistJoinBox
from podyx_desktop.views.common.context import ViewContext

FIND_FREE_DAYS = 14


@dataclass(frozen=True)
class SessionShape:
    """What to find free times for."""

    setup_id: int
    service_id: int
    minutes: int
    exclude_booking_id: int | None = None


class SlotPicker(QWidget):
    """A calendar and the list of that day's free times."""

    slot_changed = Signal(object)  # Slot | None
    loaded = Signal()  # the free times of the shown day have arrived (or failed)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._shape: SessionShape | None = None
        self._last_request = 0
        self._request = 0  # the request whose answer is awaited; 0 when none
        self._today_known = False
        self._search_days = 0  # how many more days to try when looking for a free one
        self._programmatic = False  # the day is being changed by code, not by the user
        self.skip_starts_at: datetime | None = None  # not offered: the booking's own time
        self.wanted_start: datetime | None = None  # selected once shown (an offer booked)
        self.model = SlotsListModel(DisplayFormat.for_studio(ctx.user.studio), self)

        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setAccessibleName(self.tr("Day of the session"))
        self.calendar.selectionChanged.connect(self._reload)

        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Free start times"))
        self.list.setMinimumWidth(190)
        # Every free time reads alike ("10:00 – 12:00"): Qt measures one item, not each
        # (each a call into Python, waiting for the lock while the worker runs).
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("SlotPickerMessage")
        zone = ctx.user.studio.time_zone
        self.zone_note = QLabel(
            self.tr("Times are in the studio's time zone ({zone}).").format(zone=zone), self
        )
        self.zone_note.setObjectName("Muted")
        self.zone_note.setWordWrap(True)

        times_label = QLabel(self.tr("&Free times"), self)
        times_label.setBuddy(self.list)
        right = QVBoxLayout()
        right.addWidget(times_label)
        right.addWidget(self.list, 1)
        right.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.calendar, 3)
        row.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        # a taken time of the day, and "Join the waitlist" for it
        self.waitlist = WaitlistJoinBox(ctx, self.model.display, self)
        layout.addWidget(self.waitlist)
        layout.addWidget(self.zone_note)
        self.setTabOrder(self.calendar, self.list)

    # --- API ------------------------------------------------------------------------

    def set_shape(self, shape: SessionShape) -> None:
        if shape != self._shape:
            self._shape = shape
            self._programmatic = True
            try:
                self._reload()
            finally:
                self._programmatic = False

    def set_day(self, day: date, *, find_free: bool = False) -> None:
        """Show ``day``; with ``find_free``, move on to the first of the next two weeks'
        days that has a free time, so the client does not start on a full day."""
        self._search_days = FIND_FREE_DAYS if find_free else 0
        self._select(day)

    def _select(self, day: date) -> None:
        qdate = QDate(day.year, day.month, day.day)
        self._programmatic = True
        try:
            if self.calendar.selectedDate() == qdate:
                self._reload()
            else:
                self.calendar.setSelectedDate(qdate)
        finally:
            self._programmatic = False

    def day(self) -> date:
        selected: date = self.calendar.selectedDate().toPython()  # type: ignore[assignment]
        return selected

    def selected_slot(self) -> Slot | None:
        indexes = self.list.selectionModel().selectedRows()
        if not indexes:
            return None
        record = indexes[0].data(RECORD_ROLE)
        return record if isinstance(record, Slot) else None

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))

    @property
    def is_loading(self) -> bool:
        return self._request != 0

    # --- loading --------------------------------------------------------------------

    @QtSlot()
    def _reload(self) -> None:
        if not self._programmatic:
            self._search_days = 0  # the client picked a day: show that one
        self.model.set_rows([])
        self.slot_changed.emit(None)
        if self._shape is None:
            self.message.setText(self.tr("Choose the session first."))
            return
        shape = self._shape
        day = self.day()
        principal = self._ctx.user.principal
        query = AvailabilityQuery(
            shape.setup_id, shape.service_id, shape.minutes, day, shape.exclude_booking_id
        )
        self._last_request += 1
        self._request = request = self._last_request
        self.message.setText(self.tr("Looking for free times…"))
        self.waitlist.load(query)
        texts_of = self.model.texts_of  # the times formatted on the worker
        load_free_times(self._ctx, principal, query).on_worker(
            lambda result: (result, texts_of(result[1]))
        ).success(lambda found: self._show(request, day, *found)).failure(
            lambda message: self._failed(request, message)
        ).run(self)

    def _show(
        self, request: int, day: date, result: tuple[datetime, list[Slot]], texts: list[str]
    ) -> None:
        if request != self._request:
            return
        self._request = 0
        now, slots = result
        if not self._today_known:
            self._today_known = True
            today = self.model.display.local(now).date()
            self._programmatic = True
            try:
                self.calendar.setMinimumDate(QDate(today.year, today.month, today.day))
            finally:
                self._programmatic = False
            if self._request != 0:
                return  # the minimum moved the selected day; its own answer follows
        if not slots and self._search_days > 0:
            self._search_days -= 1
            self._select(day + timedelta(days=1))
            return
        shown = [
            (s, t) for s, t in zip(slots, texts, strict=True) if s.starts_at != self.skip_starts_at
        ]
        slots = [slot for slot, _ in shown]
        self.model.set_rows(slots, [text for _, text in shown])
        if self.wanted_start is not None:
            wanted = [i for i, s in enumerate(slots) if s.starts_at == self.wanted_start]
            if wanted:
                self.wanted_start = None
                self.select_row(wanted[0])
        if slots:
            self.message.setText(
                self.tr("One free start time on this day.")
                if len(slots) == 1
                else self.tr("{count} free start times on this day.").format(count=len(slots))
            )
        else:
            self.message.setText(self.tr("No free times on this day. Try another day."))
        self.loaded.emit()

    def _failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        self._request = 0
        self.message.setText(message)
        self.loaded.emit()

    @QtSlot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.slot_changed.emit(self.selected_slot())
