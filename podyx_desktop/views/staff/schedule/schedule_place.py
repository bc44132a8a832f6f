"""The staff's Schedule place: a day of every room, or a week of one room (or of all,
compact), the chosen booking's details beside it, live.

It reads through :func:`~podyx_desktop.operations.schedule.load_schedule` and reloads when
a published change touches bookings, the catalogue, the settings or clients, keeping the
selected booking and the scroll position.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import ClassVar

from PySide6.QtCore import QDate, QLocale, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.records import Booking, BookingEvent
from podyx_desktop.domain.schedule import ScheduleBooking, ScheduleData, lay_out, week_of
from podyx_desktop.domain.vocabulary import display_locale
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.desk import DragOutcome, drag_move, move_booking
from podyx_desktop.operations.schedule import load_schedule, load_schedule_booking
from podyx_desktop.views.common.calendar_download import CalendarDownload, room_calendar_request
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.reasons import show_reason
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.profile.booking_details import BookingDetailsPane
from podyx_desktop.views.staff.desk_actions import DeskActionsPane
from podyx_desktop.views.staff.note_dialogs import NotesPanel
from podyx_desktop.views.staff.schedule.canvas import ScheduleCanvas
from podyx_desktop.views.staff.schedule.waitlist_view import TimeWaitlist
from podyx_desktop.views.staff.today_panel import TodayPanel

ALL_ROOMS = -1  # the room chooser's "All rooms (compact)"


class SchedulePlace(QWidget):
    """The schedule with its navigation, and the details pane."""

    SHOWS: ClassVar[tuple[Kind, ...]] = (Kind.BOOKINGS, Kind.CATALOGUE, Kind.SETTINGS, Kind.CLIENTS)

    selection_changed = Signal(object)  # Booking | None (the full one, once loaded)
    open_requested = Signal(object)  # ScheduleBooking
    empty_time_clicked = Signal(int, object)  # room id, aware UTC datetime
    loaded = Signal()

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SchedulePlace")
        self._ctx = ctx
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.data: ScheduleData | None = None
        self.week_mode = False
        self._generation = 0
        self.loads = 0
        self.day = self._today()

        self.previous_button = QPushButton(self.tr("◀"), self)
        self.previous_button.setAccessibleName(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous day or week"))
        self.next_button = QPushButton(self.tr("▶"), self)
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next day or week"))
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(
            QLocale(display_locale(ctx.user.studio.locale)).dateFormat(
                QLocale.FormatType.ShortFormat
            )
        )
        self.date_edit.setAccessibleName(self.tr("Date shown"))
        self.day_button = QPushButton(self.tr("&Day"), self)
        self.week_button = QPushButton(self.tr("&Week"), self)
        modes = QButtonGroup(self)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            modes.addButton(button)
        self.day_button.setChecked(True)
        self.room_choice = QComboBox(self)
        self.room_choice.setAccessibleName(self.tr("Room shown in the week"))
        self.room_choice.setEnabled(False)
        self.room_choice.hide()  # the week's choice
        self.show_canceled = QCheckBox(self.tr("Show &canceled"), self)
        #: The week's room as a calendar file (.ics), with the reason when unavailable.
        self.export_button = QPushButton(self.tr("E&xport room calendar…"), self)
        self.export_button.setAccessibleName(self.tr("Export the room's week as a calendar file"))
        self.export_reason = QLabel(self)
        self.export_reason.setObjectName("Muted")
        self.calendar_downloads = CalendarDownload(ctx, self)
        self.heading = QLabel(self)
        self.heading.setObjectName("PageTitle")
        self.message = wrapped_label(self, "Muted", self.tr("Schedule message"))

        self.canvas = ScheduleCanvas(self.display, self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setAccessibleName(self.tr("Schedule"))

        self.details = BookingDetailsPane(self.display, self)
        self.details.download_button.hide()  # the summary's download comes with the actions
        self.details.calendar_button.hide()  # a room's week is exported from the bar
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details, 1)
        #: The session's notes (internal ones marked): add, edit with history, delete.
        self.notes_panel = NotesPanel(ctx, side)
        side_layout.addWidget(self.notes_panel)
        #: Who waits for the chosen session's time, in line order.
        self.waitlist = TimeWaitlist(ctx, side)
        side_layout.addWidget(self.waitlist)
        #: The desk's actions on the selected booking, with the reason any is unavailable.
        self.desk_actions = DeskActionsPane(ctx, side)
        side_layout.addWidget(self.desk_actions)
        #: Today's arrivals and the count awaiting approval; a double click shows one.
        self.today_panel = TodayPanel(ctx, side)
        side_layout.addWidget(self.today_panel)
        self._wanted: int | None = None  # a booking to select once its day has loaded

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button, self.date_edit):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.day_button)
        bar.addWidget(self.week_button)
        bar.addWidget(self.room_choice)
        bar.addWidget(self.export_button)
        bar.addWidget(self.export_reason)
        bar.addStretch(1)
        bar.addWidget(self.show_canceled)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.scroll_area, 1)
        left_layout.addWidget(self.message)
        # The details, the actions with their reasons and today's arrivals are taller than
        # a laptop's screen together: the side scrolls.
        side_scroll = QScrollArea(self)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setWidget(side)
        side_scroll.setMinimumWidth(420)
        side_scroll.setAccessibleName(self.tr("The chosen session and today's arrivals"))
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.date_edit.dateChanged.connect(self._date_picked)
        self.day_button.clicked.connect(lambda: self.set_week_mode(False))
        self.week_button.clicked.connect(lambda: self.set_week_mode(True))
        self.room_choice.currentIndexChanged.connect(lambda _i: self._relayout())
        self.show_canceled.toggled.connect(lambda _on: self._relayout())
        self.export_button.clicked.connect(self.export_room_calendar)
        self.canvas.selection_changed.connect(self._selected)
        self.today_panel.booking_chosen.connect(self.show_today_booking)
        self.canvas.open_requested.connect(self.open_requested)
        self.canvas.open_requested.connect(self._open)
        self.canvas.empty_time_clicked.connect(self.empty_time_clicked)
        self.canvas.move_requested.connect(self.move_by_drag)
        self.notice: QMessageBox | None = None
        self.bypass_button: QAbstractButton | None = None
        self.bypass_prompt: QInputDialog | None = None
        self._refused_drop: tuple[int, int, datetime] | None = None  # booking, room, start
        self._moved_note: str | None = None
        ctx.bus.changed.connect(self._on_changed)
        self._set_date_edit()
        self._update_export()
        self.reload()

    # --- what is shown ----------------------------------------------------------------

    def _today(self) -> date:
        from datetime import UTC

        return datetime.now(UTC).astimezone(self.display.zone).date()

    def days(self) -> list[date]:
        return week_of(self.day) if self.week_mode else [self.day]

    def step(self, direction: int) -> None:
        self.show_day(self.day + timedelta(days=(7 if self.week_mode else 1) * direction))

    @Slot()
    def go_today(self) -> None:
        self.show_day(self._today())

    def show_day(self, day: date) -> None:
        if day == self.day:
            return
        self.day = day
        self._set_date_edit()
        self.reload()

    def set_week_mode(self, on: bool) -> None:
        self.week_button.setChecked(on)
        self.day_button.setChecked(not on)
        self.room_choice.setEnabled(on)
        self.room_choice.setVisible(on)
        if on != self.week_mode:
            self.week_mode = on
            self._update_export()
            self.reload()

    def choose_room(self, room_id: int) -> None:
        """In the week view, show ``room_id`` (``ALL_ROOMS``: all, compact)."""
        index = self.room_choice.findData(room_id)
        if index >= 0:
            self.room_choice.setCurrentIndex(index)

    def _set_date_edit(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.day.year, self.day.month, self.day.day))
        self.date_edit.blockSignals(False)

    @Slot(QDate)
    def _date_picked(self, value: QDate) -> None:
        self.show_day(date(value.year(), value.month(), value.day()))

    # --- loading ----------------------------------------------------------------------

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.SHOWS):
            self.reload()

    def reload(self) -> None:
        days = self.days()
        self._generation += 1
        generation = self._generation
        if self.data is None:
            self.message.setText(self.tr("Loading the schedule…"))
        load_schedule(self._ctx, self._ctx.user.principal, days[0], days[-1]).success(
            lambda data: self._loaded(generation, data)
        ).failure(self.message.setText).run(self)

    def _loaded(self, generation: int, data: ScheduleData) -> None:
        if generation != self._generation:
            return  # a newer day or mode was asked for meanwhile
        self.data = data
        self.loads += 1
        self._fill_rooms(data)
        self._relayout()
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.select(wanted)
        self.loaded.emit()

    def _fill_rooms(self, data: ScheduleData) -> None:
        wanted = self.room_choice.currentData()
        self.room_choice.blockSignals(True)
        self.room_choice.clear()
        for room in data.rooms:
            self.room_choice.addItem(room.name, room.id)
        self.room_choice.addItem(self.tr("All rooms (compact)"), ALL_ROOMS)
        index = self.room_choice.findData(wanted) if wanted is not None else 0
        self.room_choice.setCurrentIndex(max(index, 0))
        self.room_choice.blockSignals(False)

    def _relayout(self) -> None:
        self._update_export()
        data = self.data
        if data is None:
            return
        scroll = self.scroll_area.verticalScrollBar().value()
        days = [d for d in self.days() if data.first <= d <= data.last] or [data.first]
        all_rooms = [room.id for room in data.rooms]
        chosen = self.room_choice.currentData()
        room_ids = all_rooms if not self.week_mode or chosen in (None, ALL_ROOMS) else [chosen]
        layout = lay_out(data, days, room_ids, show_canceled=self.show_canceled.isChecked())
        names = {room.id: room.name for room in data.rooms}
        compact = self.week_mode and len(room_ids) > 1
        titles = []
        for column in layout.columns:
            day = self.display.weekday_day(column.day) if self.week_mode else ""
            room = names.get(column.room_id, "")
            if self.week_mode and not compact:
                room = ""
            titles.append((room, day))
        self.canvas.set_layout(data, layout, titles)
        self.scroll_area.verticalScrollBar().setValue(scroll)
        if self.week_mode:
            self.heading.setText(
                self.tr("Week of {day}").format(day=self.display.weekday_day(days[0]))
            )
        else:
            self.heading.setText(self.display.weekday_day(days[0]))
        shown = [b for b in layout.blocks]
        if self._moved_note is not None:
            self.message.setText(self._moved_note)
            self._moved_note = None
            return
        self.message.setText(
            self.tr("Sessions shown: {count}").format(count=len(shown)) if shown else
            self.tr("No sessions on these days.")
        )  # fmt: skip

    # --- a room's week as a calendar file ----------------------------------------------

    def _update_export(self) -> None:
        if self.data is None:
            reason = self.tr("Loading the schedule…")
        elif not self.week_mode:
            reason = self.tr("Show a week and choose a room to export its calendar.")
        elif self.room_choice.currentData() in (None, ALL_ROOMS):
            reason = self.tr("Choose one room to export its calendar.")
        else:
            reason = ""
        show_reason(self.export_button, self.export_reason, not reason, reason)

    @Slot()
    def export_room_calendar(self) -> None:
        """The shown room's week, canceled sessions included, saved as a ``.ics`` file."""
        room_id = self.room_choice.currentData()
        if not self.export_button.isEnabled() or room_id in (None, ALL_ROOMS):
            return
        days = self.days()
        request = room_calendar_request(
            self._ctx, room_id, self.room_choice.currentText(), days[0], days[-1]
        )
        self.calendar_downloads.start(request)

    # --- moving by drag ---------------------------------------------------------------

    @Slot(int, int, object)
    def move_by_drag(self, booking_id: int, room_id: int, starts_at: datetime) -> None:
        """Run the desk's move within the studio's rules. A refusal leaves the block where
        it was and says why; when a studio rule refused it (not a taken time), the notice
        offers to move it outside the rules with a reason, as the Move dialog does."""
        self.message.setText(self.tr("Moving the session…"))
        self._refused_drop = None
        when = self.display.date_time(starts_at)

        def dropped(outcome: DragOutcome) -> None:
            if outcome.booking is not None:
                self._moved(when)
                return
            self._refused_drop = (booking_id, room_id, starts_at)
            self._move_refused(outcome.refused_by_rule or "", bypassable=True)

        drag_move(self._ctx, self._ctx.user.principal, booking_id, starts_at, room_id).success(
            dropped
        ).failure(self._move_refused).run(self)

    def _moved(self, when: str) -> None:
        self._moved_note = self.tr("The session is now on {when}.").format(when=when)
        self.message.setText(self._moved_note)

    def _move_refused(self, reason: str, bypassable: bool = False) -> None:
        self.canvas.update()  # it never moved: the block is drawn where it was
        text = self.tr("The session was not moved: {reason}").format(reason=reason)
        self.message.setText(text)
        if self.notice is None:
            self.notice = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Move"),
                "",
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.notice.setModal(False)
            self.bypass_button = self.notice.addButton(
                self.tr("Move &outside the rules…"), QMessageBox.ButtonRole.ActionRole
            )
            self.bypass_button.setToolTip(
                self.tr("Move it there anyway, with a reason kept in the audit log")
            )
            self.bypass_button.clicked.connect(self.ask_bypass_reason)
        if self.bypass_button is not None:
            self.bypass_button.setVisible(bypassable)
        self.notice.setText(text)
        self.notice.show()

    @Slot()
    def ask_bypass_reason(self) -> None:
        """Ask why the refused drop should go outside the studio's rules, then move it."""
        if self._refused_drop is None:
            return
        prompt = QInputDialog(self)
        prompt.setWindowTitle(self.tr("Move outside the rules"))
        prompt.setLabelText(
            self.tr("Why move the session outside the studio's rules? (kept in the audit log)")
        )
        prompt.setOkButtonText(self.tr("&Move"))
        prompt.textValueSelected.connect(self._move_outside_rules)
        prompt.finished.connect(prompt.deleteLater)
        self.bypass_prompt = prompt
        prompt.open()

    @Slot(str)
    def _move_outside_rules(self, reason: str) -> None:
        if self._refused_drop is None:
            return
        booking_id, room_id, starts_at = self._refused_drop
        self._refused_drop = None
        self.message.setText(self.tr("Moving the session…"))
        when = self.display.date_time(starts_at)
        move_booking(
            self._ctx,
            self._ctx.user.principal,
            booking_id,
            starts_at,
            bypass_rules=True,
            reason=reason,
            room_id=room_id,
        ).success(lambda _booking: self._moved(when)).failure(self._move_refused).run(self)

    # --- the selection ----------------------------------------------------------------

    @property
    def selected_booking(self) -> ScheduleBooking | None:
        return self.canvas.selected_booking

    def select(self, booking_id: int | None) -> None:
        self.canvas.select(booking_id)

    @Slot(object)
    def _open(self, booking: ScheduleBooking) -> None:
        """Enter or a double click on a session: to its actions (once they have loaded,
        the first one allowed takes the keyboard; else the history)."""
        self.select(booking.id)
        actions = self.desk_actions

        def focus_first_allowed() -> None:
            allowed = [button for button in actions.buttons() if button.isEnabled()]
            (allowed[0] if allowed else self.details.history).setFocus()

        def when_loaded() -> None:
            actions.state_loaded.disconnect(when_loaded)
            focus_first_allowed()

        if actions.state is not None and actions.booking_id == booking.id:
            focus_first_allowed()
        else:
            actions.state_loaded.connect(when_loaded)

    @Slot(int)
    def show_today_booking(self, booking_id: int) -> None:
        """Today's day view with ``booking_id`` selected (from the Today panel)."""
        if not self.week_mode and self.day == self._today() and self.data is not None:
            self.select(booking_id)
            return
        self._wanted = booking_id
        self.set_week_mode(False)
        self.go_today()

    @Slot(object)
    def _selected(self, entry: ScheduleBooking | None) -> None:
        """The canvas chose ``entry``: the desk's actions follow at once; the details pane
        shows the full booking and its history once loaded (then ``selection_changed``)."""
        self.desk_actions.show_booking(entry.id if entry is not None else None)
        self.waitlist.show_time(entry)
        if entry is None:
            self.details.show_booking(None)
            self.notes_panel.show_booking(None, None)
            self.selection_changed.emit(None)
            return
        if self.details.booking is not None and self.details.booking.id != entry.id:
            self.details.show_booking(None)  # not another booking's details meanwhile
        booking_id = entry.id
        load_schedule_booking(self._ctx, self._ctx.user.principal, booking_id).success(
            lambda details: self._details_loaded(booking_id, *details)
        ).failure(self.message.setText).run(self)

    def _details_loaded(
        self, booking_id: int, booking: Booking, events: list[BookingEvent]
    ) -> None:
        if self.canvas.selected_id != booking_id:
            return  # another booking was chosen meanwhile
        self.details.show_booking(booking)  # (it clears the history)
        self.details.show_history(events)
        about = f"{booking.client_name}: {booking.service_name}, " + self.display.time_range(
            booking.starts_at, booking.ends_at
        )
        self.notes_panel.show_booking(booking.id, booking.client_id, about)
        self.selection_changed.emit(booking)
