"""Below the free times: the day's taken times and "Join the waitlist" for one of them.

Part of the :class:`~.slot_picker.SlotPicker`, so the booking wizard, the reschedule
dialog and the redeem dialog all offer it. The picker loads the taken times with the free
ones; the owner says for whom (a client's own window: the client; staff rescheduling or
redeeming for a client: that client) and what the wait is for (a booking to move, a
bundle to redeem). A visitor is told to sign in; a day with no taken time says so. In
the desk's own dialogs, which name no client, it is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtCore import Slot as QtSlot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from podyx_desktop.domain.availability import Slot
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.requests import AvailabilityQuery
from podyx_desktop.domain.waitlist import WaitlistEntry
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.waitlist import JoinWaitlist, join_waitlist, load_taken_times
from podyx_desktop.views.common.context import ViewContext


class WaitlistJoinBox(QWidget):
    """A taken time of the shown day, and the button that puts the client in line for it."""

    joined = Signal(object)  # WaitlistEntry

    def __init__(self, ctx: ViewContext, display: DisplayFormat, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._display = display
        self._query: AvailabilityQuery | None = None
        self._request = 0
        self.booking_id: int | None = None
        self.bundle_id: int | None = None
        user = ctx.user
        own = user.account is not None and user.principal.role is Role.CLIENT
        self.client_id: int | None = user.account.id if own and user.account else None
        self.times = QComboBox(self)
        self.times.setAccessibleName(self.tr("Taken times"))
        self.join_button = QPushButton(self.tr("&Join the waitlist"), self)
        self.join_button.setAccessibleName(self.tr("Join the waitlist for the taken time"))
        self.join_button.clicked.connect(self.join)
        self.reason = QLabel(self)
        self.reason.setObjectName("Muted")
        self.reason.setWordWrap(True)
        label = QLabel(self.tr("&Taken — wait for it:"), self)
        label.setBuddy(self.times)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.times, 1)
        row.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.reason)
        self._set_times([])
        # staff book for a client through the desk's own dialogs: shown once a client is set
        self.setVisible(user.principal.role is None or not user.principal.role.is_staff)

    def set_origin(
        self, client_id: int, *, booking_id: int | None = None, bundle_id: int | None = None
    ) -> None:
        """Wait for ``client_id`` (staff acting for a client), to move ``booking_id`` or to
        redeem ``bundle_id``."""
        self.client_id, self.booking_id, self.bundle_id = client_id, booking_id, bundle_id
        self._update_button()
        self.setVisible(True)

    def load(self, query: AvailabilityQuery) -> None:
        """The taken times of ``query``'s day (a newer call drops an older answer)."""
        self._query = query
        self._request += 1
        request = self._request
        self._set_times([])
        time_range = self._display.time_range  # the times formatted on the worker
        load_taken_times(self._ctx, self._ctx.user.principal, query).on_worker(
            lambda slots: [(slot, time_range(slot.starts_at, slot.ends_at)) for slot in slots]
        ).success(lambda times: self._loaded(request, times)).failure(
            lambda message: self._failed(request, message)
        ).run(self)

    def _loaded(self, request: int, times: list[tuple[Slot, str]]) -> None:
        if request == self._request:
            self._set_times(times)

    def _failed(self, request: int, message: str) -> None:
        if request == self._request:
            self._set_times([])
            self.reason.setText(message)

    def _set_times(self, times: list[tuple[Slot, str]]) -> None:
        """Offer ``times``: each taken slot with its text (babel is slow on the GUI
        thread: 43 times took 12 ms of its CPU in bench/gui_lag.py's redeem step)."""
        self.times.clear()
        for slot, text in times:
            self.times.addItem(text, slot)
        self.times.setEnabled(bool(times))
        self._update_button()

    def _update_button(self) -> None:
        reason = ""
        if self.client_id is None:
            reason = self.tr("Sign in to join the waitlist for a taken time.")
        elif self.times.count() == 0:
            reason = self.tr("No taken times on this day: every time shown above is free.")
        self.join_button.setEnabled(not reason)
        self.join_button.setToolTip(reason)
        self.reason.setText(reason)

    def selected_time(self) -> Slot | None:
        slot = self.times.currentData()
        return slot if isinstance(slot, Slot) else None

    @QtSlot()
    def join(self) -> None:
        slot = self.selected_time()
        query = self._query
        if slot is None or query is None or self.client_id is None:
            return
        request = JoinWaitlist(
            self.client_id,
            query.setup_id,
            query.service_id,
            slot.starts_at,
            query.minutes,
            self.booking_id,
            self.bundle_id,
        )
        self.join_button.setEnabled(False)
        self.reason.setText(self.tr("Joining the waitlist…"))
        join_waitlist(self._ctx, self._ctx.user.principal, request).success(self._joined).failure(
            self._join_failed
        ).run(self)

    def _joined(self, entry: WaitlistEntry) -> None:
        self._update_button()
        self.reason.setText(
            self.tr(
                "You are on the waitlist for {when} ({place} in line). We will tell you if "
                "it frees up."
            ).format(
                when=self._display.time_range(entry.starts_at, entry.ends_at),
                place=entry.position or 1,
            )
        )
        self.joined.emit(entry)

    def _join_failed(self, message: str) -> None:
        self._update_button()
        self.reason.setText(message)
