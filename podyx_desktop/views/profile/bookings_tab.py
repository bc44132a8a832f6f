"""The Bookings tab: upcoming and past sessions, the selected one's details, and what the
client may do with it (cancel, reschedule, add add-ons) — or, in words, why not. Every read
and write runs through the task runner; it reloads when bookings change, on any seat.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.message import shown
from podyx_desktop.domain.records import Booking
from podyx_desktop.models.bookings import BookingsTableModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.bookings import (
    cancel_booking,
    load_booking_details,
    load_client_bookings,
)
from podyx_desktop.operations.notes import load_booking_notes, load_unread_notes
from podyx_desktop.views.common.calendar_actions import UpcomingExport
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.paint import FirstPaint, next_turn
from podyx_desktop.views.common.reasons import show_decisions
from podyx_desktop.views.common.status_delegate import StatusBadgeDelegate
from podyx_desktop.views.common.tables import current_record, record_table, select_where
from podyx_desktop.views.common.text_style import set_role, wrapped_label
from podyx_desktop.views.common.widgets import ask_destructive, error_box
from podyx_desktop.views.profile.bookings_lists import Loaded, prepare_details_side, with_texts
from podyx_desktop.views.profile.profile_tab import ProfileSubject, ProfileTab

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from podyx_desktop.domain.records import BookingActions, BookingEvent, StudioNote
    from podyx_desktop.views.common.document_actions import DocumentDownload
    from podyx_desktop.views.profile.addons_dialog import AddonsDialog
    from podyx_desktop.views.profile.booking_details import BookingDetailsPane
    from podyx_desktop.views.profile.reschedule_dialog import RescheduleDialog
    from podyx_desktop.views.profile.waitlist_panel import WaitlistPanel

# The details side is built (and the first session selected) once the list has painted,
# or after this long if it has not (a window that opens minimised may not paint).
SELECT_FALLBACK_MS = 500


class BookingsTab(ProfileTab):
    SHOWS = (Kind.BOOKINGS, Kind.CATALOGUE)  # its rows name the room, setup and service
    # the client's unread notes from the studio, all bookings together (the tab's badge)
    unread_changed = Signal(int)
    waitlist_offered = Signal(object)  # WaitlistEntry: a time held for the client (a tray)
    """Upcoming and past sessions on the left; the selected one's details on the right.

    Built in two steps so the GUI thread is never blocked for long and the lists show
    first: the lists (and the models the tab loads into) at once; once they have painted,
    the details side's modules load on the worker, then the side is built and the first
    session selected (the side has nothing to show before a selection).
    """

    # The details side: built after the lists (``_build_details_side``); reading any of
    # these first builds it at once. ``_BUILT_LATER`` names these annotations only.
    details: BookingDetailsPane
    downloads: DocumentDownload
    cancel_button: QPushButton
    reschedule_button: QPushButton
    addons_button: QPushButton
    cancel_reason: QLabel
    reschedule_reason: QLabel
    addons_reason: QLabel
    reasons: dict[QPushButton, QLabel]  # each action's button: the label beside it
    feedback: QLabel
    waitlist_panel: WaitlistPanel | None  # the client's waitlist and offers (none: a visitor)

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget | None = None,
        *,
        subject: ProfileSubject | None = None,
        initial: Loaded | None = None,
    ) -> None:
        """``initial``: the lists as ``bookings_lists.prefetch`` loaded them, shown at once;
        the tab does not load them again (without it, call :meth:`reload`)."""
        super().__init__(ctx, parent, subject=subject, object_name="BookingsTab")
        self._actions: BookingActions | None = None
        self.unread: dict[int, int] = {}  # booking id -> unread notes (the rows' badges)
        self._details_of: Booking | None = None  # the record whose details are shown
        self.cancel_confirmation: QMessageBox | None = None
        self.reschedule_dialog: RescheduleDialog | None = None
        self.addons_dialog: AddonsDialog | None = None
        self.display = display = DisplayFormat.for_studio(ctx.user.studio)

        # Every widget is created in its final parent: moving a widget under a new parent
        # makes the style sheet polish it (and everything inside it) again, which cost
        # more than building the tab itself.
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter)
        left = QWidget(splitter)
        right = QWidget(splitter)

        # --- the two lists behind a segmented switch -----------------------------------
        self.upcoming_button = QPushButton(self.tr("&Upcoming"), left)
        self.past_button = QPushButton(self.tr("&Past"), left)
        self._switch = QButtonGroup(self)
        for index, button in enumerate((self.upcoming_button, self.past_button)):
            button.setCheckable(True)
            button.setObjectName("Segment")
            self._switch.addButton(button, index)
        self.upcoming_button.setChecked(True)
        for button in (self.upcoming_button, self.past_button):
            # Checked segments are bold: leave room for the bold text (about 10 % wider).
            width = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            button.setMinimumWidth(int(width * 1.1) + 40)
        self.upcoming_button.setAccessibleName(self.tr("Show upcoming sessions"))
        self.past_button.setAccessibleName(self.tr("Show past sessions"))

        self.upcoming_model = BookingsTableModel(display, self)
        self.past_model = BookingsTableModel(display, self)
        self.stack = QStackedWidget(left)
        self.upcoming_view = record_table(
            self.upcoming_model, self.tr("Upcoming sessions"), self.stack, stretch_column=1
        )
        self.past_view = record_table(
            self.past_model, self.tr("Past sessions"), self.stack, stretch_column=1
        )
        self.status_delegate = StatusBadgeDelegate(self)
        for view in (self.upcoming_view, self.past_view):
            view.setItemDelegateForColumn(BookingsTableModel.STATUS, self.status_delegate)
        self.stack.addWidget(self.upcoming_view)
        self.stack.addWidget(self.past_view)
        self._switch.idClicked.connect(self._show_list)
        for view in (self.upcoming_view, self.past_view):
            view.selectionModel().selectionChanged.connect(self._selection_changed)
            view.clicked.connect(self._row_clicked)  # opening a booking reads its notes
        self._auto_selecting = 0  # selections the tab makes itself do not open a booking
        self.list_message = QLabel(left)
        self.list_message.setWordWrap(True)
        self.list_message.setObjectName("Muted")
        self.zone_note = QLabel(
            self.tr("Times are in the studio's time zone ({zone}).").format(zone=display.time_zone),
            left,
        )
        self.zone_note.setObjectName("Muted")

        # --- layout of the lists ----------------------------------------------------------
        switch_row = QHBoxLayout()
        switch_row.setSpacing(0)
        switch_row.addWidget(self.upcoming_button)
        switch_row.addWidget(self.past_button)
        switch_row.addStretch(1)
        self.calendar = UpcomingExport(ctx, left, switch_row, self.upcoming_model, self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(switch_row)
        left_layout.addWidget(self.stack, 1)
        left_layout.addWidget(self.list_message)
        left_layout.addWidget(self.zone_note)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([2000, 1000])  # proportions of the first layout
        splitter.setChildrenCollapsible(False)
        self._select_when_built = initial is not None
        if initial is not None:
            self._show_lists(initial)

        # --- the details side, once the lists have painted (reading one of its widgets
        # builds it at once): the first selection waits for that paint anyway, since it
        # loads the details on the worker (importing SQLAlchemy after a quick start).
        self._right: QWidget | None = right
        viewport = self.current_view().viewport()
        FirstPaint(viewport, self._after_lists_painted, fallback_ms=SELECT_FALLBACK_MS)

    if not TYPE_CHECKING:  # (so that mypy still reports a misspelt attribute)

        def __getattr__(self, name: str) -> Any:
            # Only reached for attributes not set yet: the details side, not built yet.
            if name in _BUILT_LATER and self.__dict__.get("_right") is not None:
                self._build_details_side()
                return getattr(self, name)
            return super().__getattr__(name)

    def _build_details_side(self) -> None:
        """The selected session's details, what may be done with it, and the feedback."""
        right, self._right = self._right, None
        if right is None:
            return  # built already
        from podyx_desktop.views.common.document_actions import DocumentDownload
        from podyx_desktop.views.profile.booking_details import BookingDetailsPane
        from podyx_desktop.views.profile.waitlist_panel import WaitlistPanel

        display = self.display
        self.details = BookingDetailsPane(display, right)
        self.downloads = DocumentDownload(self._ctx, self)
        self.details.download_button.clicked.connect(self.download_summary)
        self.calendar.follow(self.details.calendar_button, self.selected_booking)
        self.cancel_button = QPushButton(self.tr("&Cancel booking…"), right)
        self.reschedule_button = QPushButton(self.tr("&Reschedule…"), right)
        self.addons_button = QPushButton(self.tr("Add add-&ons…"), right)
        self.cancel_reason = wrapped_label(right, "Muted")
        self.reschedule_reason = wrapped_label(right, "Muted")
        self.addons_reason = wrapped_label(right, "Muted")
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.reschedule_button.clicked.connect(self.open_reschedule)
        self.addons_button.clicked.connect(self.open_addons)
        self.feedback = QLabel(right)
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("Feedback")
        self.reasons = {
            self.cancel_button: self.cancel_reason,
            self.reschedule_button: self.reschedule_reason,
            self.addons_button: self.addons_reason,
        }
        actions = QGridLayout()
        actions.setColumnStretch(1, 1)
        for row, (button, reason) in enumerate(self.reasons.items()):
            actions.addWidget(button, row, 0)
            actions.addWidget(reason, row, 1)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.feedback)
        self.waitlist_panel = WaitlistPanel.of(
            self._ctx, self.subject, right, self.waitlist_offered
        )
        details = self.details
        chain: list[QWidget] = [self.upcoming_button, self.past_button, self.upcoming_view]
        chain += [self.past_view, details.download_button, details.calendar_button]
        chain += [details.history, self.cancel_button, self.reschedule_button, self.addons_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._show_actions(None)

    def _after_lists_painted(self) -> None:
        display = self.display  # the side's modules and babel's data load on the worker
        done = self._details_side_ready
        run = self._ctx.tasks.run_plain
        run(lambda: prepare_details_side(display), on_success=done, on_error=done, owner=self)

    def _details_side_ready(self, _result: object = None) -> None:
        self._build_details_side()
        # The first session in the next turn: each is about a frame (bench/gui_lag.py).
        next_turn(self, self._side_built)

    def _side_built(self) -> None:
        if self._select_when_built:  # the lists came first: show the first session
            self._select_when_built = False
            self._select_after_load(self.selected_booking(), waitlist=True)
        elif self.waitlist_panel is not None:
            self.waitlist_panel.reload()

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        client_id = self.client_id
        if client_id is None:
            self.upcoming_model.set_rows([])
            self.past_model.set_rows([])
            self.list_message.setText(self.tr("Sign in to see your bookings."))
            return
        principal = self._ctx.user.principal
        display = self.display
        self._loading += 1
        if not self.upcoming_model.rowCount() and not self.past_model.rowCount():
            self.list_message.setText(
                self.words(
                    self.tr("Loading your sessions…"), self.tr("Loading the sessions of {name}…")
                )
            )

        texts_of = self.upcoming_model.row_texts  # plain Python: safe on the worker
        load_client_bookings(self._ctx, principal, client_id).on_worker(
            lambda lists: with_texts(lists, display, texts_of)
        ).success(self._loaded).failure(self._load_failed).run(self)
        load_unread_notes(self._ctx, principal, client_id).success(self._show_unread).run(self)

    # --- studio notes: on the selected booking, and the unread badges ----------------------

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.SHOWS):
            self.reload_when_shown()
        elif changes.touches(Kind.NOTES):  # a note written, edited, retracted or read
            self._load_notes(mark_read=False)

    def _load_notes(self, *, mark_read: bool) -> None:
        """The selected booking's notes (``mark_read``: the client opened it) and the
        unread counts; without a selection, the counts."""
        client_id = self.client_id
        if client_id is None:
            return
        principal = self._ctx.user.principal
        booking = self.selected_booking() if "details" in self.__dict__ else None
        if booking is None:
            load_unread_notes(self._ctx, principal, client_id).success(self._show_unread).run(self)
            return
        subject = self.subject
        own = subject is not None and subject.is_self
        booking_id = booking.id
        load_booking_notes(
            self._ctx, principal, client_id, booking_id, mark_read=mark_read and own
        ).success(lambda result: self._notes_loaded(booking_id, *result)).run(self)

    def _notes_loaded(
        self, booking_id: int, notes: list[StudioNote], unread: dict[int, int]
    ) -> None:
        current = self.selected_booking()
        if current is not None and current.id == booking_id:
            self.details.show_notes(notes)
        self._show_unread(unread)

    def _show_unread(self, unread: dict[int, int]) -> None:
        self.unread = unread
        self.upcoming_model.set_unread(unread)
        self.past_model.set_unread(unread)
        self.unread_changed.emit(sum(unread.values()))

    def _loaded(self, result: Loaded) -> None:
        self._loading -= 1
        selected = self.selected_booking()
        self._show_lists(result)
        if self.__dict__.get("_right") is not None:
            # The details side is not built yet: it selects the first session when it is
            # (``_side_built``), rather than being built in this turn with the lists.
            self._select_when_built = True
            return
        self._select_after_load(selected)

    def _show_lists(self, result: Loaded) -> None:
        self.upcoming_model.set_rows(result.upcoming, result.upcoming_texts)
        self.past_model.set_rows(result.past, result.past_texts)
        self._update_list_message()

    def _select_after_load(self, selected: Booking | None, *, waitlist: bool = False) -> None:
        """Select ``selected`` again, or else the first session, and show its details."""
        self._auto_selecting += 1
        try:
            self._reselect(selected)
        finally:
            self._auto_selecting -= 1
        if waitlist and self.waitlist_panel is not None:
            self.waitlist_panel.reload()

    def _reselect(self, selected: Booking | None) -> None:
        if selected is not None and self.select_booking(selected.id):
            return
        # Nothing (or a booking now gone) was selected: show the first session's details.
        view = self.current_view()
        if view.model().rowCount():
            view.selectRow(0)  # the selection signal shows its details
        else:
            self._selection_changed()

    def _load_failed(self, message: str) -> None:
        self._loading -= 1
        self.list_message.setText(message)

    def _update_list_message(self) -> None:
        upcoming = self.stack.currentIndex() == 0
        model = self.upcoming_model if upcoming else self.past_model
        if model.rowCount():
            self.list_message.clear()
        elif upcoming:
            self.list_message.setText(
                self.tr("No upcoming sessions. Use “New booking” to book one.")
            )
        else:
            self.list_message.setText(self.tr("No past sessions yet."))

    # --- selection ----------------------------------------------------------------------

    def current_view(self) -> QTableView:
        return self.upcoming_view if self.stack.currentIndex() == 0 else self.past_view

    @Slot(int)
    def _show_list(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self._update_list_message()
        self._selection_changed()

    def show_past(self) -> None:
        self.past_button.setChecked(True)
        self._show_list(1)

    def show_upcoming(self) -> None:
        self.upcoming_button.setChecked(True)
        self._show_list(0)

    def selected_booking(self) -> Booking | None:
        record = current_record(self.current_view())
        return record if isinstance(record, Booking) else None

    def select_booking(self, booking_id: int) -> bool:
        """Select the booking in whichever list holds it (switching lists if needed)."""
        for index, view in enumerate((self.upcoming_view, self.past_view)):
            if select_where(view, lambda r: isinstance(r, Booking) and r.id == booking_id):
                if self.stack.currentIndex() != index:
                    (self.show_upcoming if index == 0 else self.show_past)()
                self._selection_changed()
                return True
        self._selection_changed()
        return False

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_args: QItemSelection) -> None:
        booking = self.selected_booking()
        if booking is not None and booking == self._details_of:
            return  # the same record, its details shown or on their way
        self._details_of = booking
        self.details.show_booking(booking)
        self._show_actions(None)
        if booking is None:
            return
        principal = self._ctx.user.principal
        booking_id = booking.id
        texts_of = self.details.history_model.texts_of  # formatted on the worker
        load_booking_details(self._ctx, principal, booking_id).on_worker(
            lambda result: (*result, texts_of(result[1]))
        ).success(lambda result: self._details_loaded(booking_id, *result)).failure(
            self._details_failed
        ).run(self)
        self._load_notes(mark_read=not self._auto_selecting)  # the client opened it

    @Slot(QModelIndex)
    def _row_clicked(self, *_args: object) -> None:
        booking = self.selected_booking()
        if booking is not None and self.unread.get(booking.id):
            self._load_notes(mark_read=True)

    def _details_loaded(
        self, booking_id: int, actions: BookingActions, events: list[BookingEvent], texts: list[str]
    ) -> None:
        current = self.selected_booking()
        if current is None or current.id != booking_id:
            return
        self.details.show_history(events, texts)
        self._show_actions(actions)

    def _details_failed(self, message: str) -> None:
        self._details_of = None  # selecting the row again retries
        self.feedback.setText(message)

    def _show_actions(self, actions: BookingActions | None) -> None:
        self._actions = a = actions
        decisions = (
            [
                (a.can_cancel, shown(a.cancel_reason or "")),
                (a.can_reschedule, shown(a.reschedule_reason or "")),
                (a.can_add_addons, shown(a.add_addons_reason or "")),
            ]
            if a is not None
            else [(False, "")] * len(self.reasons)
        )
        show_decisions(tuple(self.reasons), self.reasons, decisions, known=a is not None)
        # Red only while it can be used: the shared style has no disabled danger look.
        set_role(self.cancel_button, "DangerButton" if a is not None and a.can_cancel else "")

    # --- actions -----------------------------------------------------------------------

    @Slot()
    def ask_cancel(self) -> None:
        booking = self.selected_booking()
        if booking is None or self._actions is None or not self._actions.can_cancel:
            return
        self.cancel_confirmation = ask_destructive(
            self,
            self.tr("Cancel booking"),
            self.words(
                self.tr("Cancel your session on {when}?"),
                self.tr("Cancel the session of {name} on {when}?"),
                when=self.upcoming_model.display.time_range(booking.starts_at, booking.ends_at),
            ),
            self._refund_sentence(booking, self._actions),
            self.tr("Cancel booking"),
            self.tr("Keep booking"),
            lambda confirmed: self._cancel_answered(booking, confirmed),
        )

    def _refund_sentence(self, booking: Booking, actions: BookingActions) -> str:
        if not actions.refund_on_cancel:
            return self.tr("This is a late cancellation; the studio decides about any refund.")
        if booking.bundle_id is not None and booking.purchase_id is None:
            return self.words(
                self.tr("The session goes back to your bundle."),
                self.tr("The session goes back to the bundle of {name}."),
            )
        if booking.receipt_number:
            return self.words(
                self.tr("What you paid comes back to you as store credit."),
                self.tr("What {name} paid comes back to them as store credit."),
            )
        return self.tr("Nothing has been charged; the open payment is withdrawn.")

    def _cancel_answered(self, booking: Booking, confirmed: bool) -> None:
        self.cancel_confirmation = None
        if not confirmed:
            return
        principal = self._ctx.user.principal
        self.cancel_button.setEnabled(False)
        cancel_booking(self._ctx, principal, booking.id).success(self._canceled).failure(
            self._action_failed
        ).run(self)

    def _canceled(self, booking: Booking) -> None:
        self.feedback.setText(
            self.words(
                self.tr("Your session on {when} was canceled."),
                self.tr("The session of {name} on {when} was canceled."),
                when=self.upcoming_model.display.date_time(booking.starts_at),
            )
        )

    def _action_failed(self, message: str) -> None:
        self.feedback.setText(message)
        error_box(self, message, self.tr("Bookings"))
        self._details_of = None  # what may be done has perhaps changed: ask again
        self._selection_changed()

    @Slot()
    def open_reschedule(self) -> None:
        booking = self.selected_booking()
        if booking is None or self._actions is None or not self._actions.can_reschedule:
            return
        from podyx_desktop.views.profile.reschedule_dialog import (
            RescheduleDialog,  # see opening.later_imports
        )

        dialog = RescheduleDialog(self._ctx, booking, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.rescheduled.connect(self._rescheduled)
        self.reschedule_dialog = dialog
        dialog.open()

    @Slot(object)
    def _rescheduled(self, booking: Booking) -> None:
        self.reschedule_dialog = None
        self.feedback.setText(
            self.words(
                self.tr("Your session is now on {when}."),
                self.tr("The session of {name} is now on {when}."),
                when=self.upcoming_model.display.time_range(booking.starts_at, booking.ends_at),
            )
        )

    @Slot()
    def open_addons(self) -> None:
        booking = self.selected_booking()
        actions = self._actions
        if booking is None or actions is None or not actions.can_add_addons:
            return
        from podyx_desktop.views.profile.addons_dialog import (
            AddonsDialog,  # see opening.later_imports
        )

        dialog = AddonsDialog(self._ctx, booking, actions.addable_addons, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.added.connect(self._addons_added)
        self.addons_dialog = dialog
        dialog.open()

    @Slot()
    def download_summary(self) -> None:
        booking = self.selected_booking()
        if booking is not None:
            from podyx_desktop.views.common.document_actions import summary_request

            self.downloads.start(summary_request(self._ctx, booking))

    @Slot(object)
    def _addons_added(self, booking: Booking) -> None:
        self.addons_dialog = None
        self.feedback.setText(
            self.words(
                self.tr("Add-ons added to your session."),
                self.tr("Add-ons added to the session of {name}."),
            )
        )


_BUILT_LATER = frozenset(BookingsTab.__annotations__)
