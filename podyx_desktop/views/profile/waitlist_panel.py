"""The client's waitlist, under their sessions: each time they wait for (and their place in
line), and an offer — a time that freed and is held for them until a moment shown in the
studio's zone — with "Book it". Leaving the list is one click.

"Book it" books the way the client would have: a plain wait opens the booking wizard on
that time (add-ons, review, payment as usual); a wait to move a session reschedules it;
a wait with a bundle redeems it. :attr:`WaitlistPanel.offered` is emitted for every offer
the panel sees for the first time (a tray can tell the client). While the client waits,
the panel asks every minute that holds which ran out be passed on (the services keep no
timer), which also makes a hold that ran out read as passed.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.records import Booking
from podyx_desktop.domain.waitlist import WaitlistEntry, WaitStatus
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.bookings import reschedule_booking
from podyx_desktop.operations.bundles import redeem_bundle
from podyx_desktop.operations.waitlist import (
    leave_waitlist,
    load_my_waitlist,
    pass_expired_holds,
)
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.profile.profile_tab import ProfileSubject

PASS_EVERY_MS = 60_000

if TYPE_CHECKING:
    from podyx_desktop.domain.records import BookingResult


class WaitlistPanel(QGroupBox):
    """A client's waitlist entries; hidden while there are none."""

    offered = Signal(object)  # WaitlistEntry: an offer seen for the first time
    SHOWS = (Kind.WAITLIST,)

    def __init__(self, ctx: ViewContext, client_id: int, *, is_self: bool, parent: QWidget) -> None:
        super().__init__(self.tr("Your waitlist") if is_self else self.tr("Waitlist"), parent)
        self._ctx = ctx
        self.client_id = client_id
        self.is_self = is_self
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.entries: list[WaitlistEntry] = []
        self._seen_offers: set[int] = set()
        self._request = 0
        self.wizard: QWidget | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Times you are waiting for"))
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(self._selection_changed)
        self.book_button = QPushButton(self.tr("&Book it"), self)
        self.book_button.setAccessibleName(self.tr("Book the time held for you"))
        self.book_button.clicked.connect(self.book_selected)
        self.book_button.setVisible(is_self)
        self.leave_button = QPushButton(self.tr("Leave the &waitlist"), self)
        self.leave_button.setAccessibleName(self.tr("Leave the waitlist for this time"))
        self.leave_button.clicked.connect(self.leave_selected)
        self.message = QLabel(self)
        self.message.setObjectName("Muted")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.book_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.pass_timer = QTimer(self)
        self.pass_timer.setInterval(PASS_EVERY_MS)
        self.pass_timer.timeout.connect(self.pass_expired)
        self.setVisible(False)
        self._selection_changed(-1)
        ctx.bus.changed.connect(self._on_changed)

    @classmethod
    def of(
        cls,
        ctx: ViewContext,
        subject: ProfileSubject | None,
        parent: QWidget,
        relay: SignalInstance | None = None,
    ) -> WaitlistPanel | None:
        """The panel of ``subject``'s waitlist (None for a visitor, who has none), at the
        end of ``parent``'s layout; its offers also go to ``relay``."""
        if subject is None:
            return None
        panel = cls(ctx, subject.client_id, is_self=subject.is_self, parent=parent)
        layout = parent.layout()
        if layout is not None:
            layout.addWidget(panel)
        if relay is not None:
            panel.offered.connect(relay)
        return panel

    # --- loading ----------------------------------------------------------------------

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.SHOWS):
            self.reload()

    def reload(self) -> None:
        self._request += 1
        request = self._request
        load_my_waitlist(self._ctx, self._ctx.user.principal, self.client_id).success(
            lambda result: self._loaded(request, result)
        ).failure(self.message.setText).run(self)

    def _loaded(self, request: int, result: tuple[datetime, list[WaitlistEntry]]) -> None:
        if request != self._request:
            return
        _now, entries = result
        selected = self.selected_entry()
        self.entries = entries
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(self.entry_text(entry), self.list)
            item.setData(256, entry.id)
        ids = [e.id for e in entries]
        if selected is not None and selected.id in ids:
            self.list.setCurrentRow(ids.index(selected.id))
        elif entries:
            offers = [i for i, e in enumerate(entries) if e.is_offer]
            self.list.setCurrentRow(offers[0] if offers else 0)
        self.setVisible(bool(entries))
        waiting = any(e.status.is_active for e in entries)
        if waiting and not self.pass_timer.isActive():
            self.pass_timer.start()
        elif not waiting:
            self.pass_timer.stop()
        for entry in entries:
            if entry.is_offer and entry.id not in self._seen_offers:
                self._seen_offers.add(entry.id)
                self.offered.emit(entry)

    def entry_text(self, entry: WaitlistEntry) -> str:
        when = self.display.time_range(entry.starts_at, entry.ends_at)
        where = f"{entry.room_name} — {entry.service_name}"
        if entry.status is WaitStatus.OFFERED and entry.hold_until is not None:
            return self.tr(
                "{when}, {where}: it is free — held for you until {until} ({zone})"
            ).format(
                when=when,
                where=where,
                until=self.display.time(entry.hold_until),
                zone=self.display.time_zone,
            )
        if entry.status is WaitStatus.PASSED:
            return self.tr("{when}, {where}: the hold ran out").format(when=when, where=where)
        return self.tr("{when}, {where}: waiting, number {place} in line").format(
            when=when, where=where, place=entry.position or 1
        )

    @Slot()
    def pass_expired(self) -> None:
        """Ask that holds which ran out pass on (their changes reload the screens)."""
        pass_expired_holds(self._ctx, self._ctx.user.principal).success(
            lambda _made: self.reload()
        ).failure(self.message.setText).run(self)

    # --- acting -----------------------------------------------------------------------

    def selected_entry(self) -> WaitlistEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    @Slot(int)
    def _selection_changed(self, _row: int) -> None:
        entry = self.selected_entry()
        offer = entry is not None and entry.is_offer
        self.book_button.setEnabled(offer)
        self.book_button.setToolTip(
            "" if offer else self.tr("Only a time held for you can be booked from here.")
        )
        self.leave_button.setEnabled(entry is not None and entry.status.is_active)

    @Slot()
    def book_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or not entry.is_offer:
            return
        principal = self._ctx.user.principal
        self.book_button.setEnabled(False)
        if entry.booking_id is not None:
            self.message.setText(self.tr("Moving your session…"))
            reschedule_booking(self._ctx, principal, entry.booking_id, entry.starts_at).success(
                self._moved
            ).failure(self._failed).run(self)
        elif entry.bundle_id is not None:
            self.message.setText(self.tr("Booking with your bundle…"))
            # imported here: the requests are not on the start-up path (the views' prewarm
            # imports them on the worker, after the main window's first paint)
            from podyx_desktop.domain.requests import RedeemRequest

            request = RedeemRequest(
                entry.bundle_id, entry.setup_id, entry.starts_at, entry.service_id
            )
            redeem_bundle(self._ctx, principal, request).success(self._redeemed).failure(
                self._failed
            ).run(self)
        else:
            from podyx_desktop.views.booking.booking_wizard import BookingWizard

            wizard = BookingWizard(self._ctx, self.window())
            wizard.book_offer(entry)
            self.wizard = wizard
            wizard.open()
            self._selection_changed(self.list.currentRow())

    def _moved(self, booking: Booking) -> None:
        self.message.setText(
            self.tr("Your session is now on {when}.").format(
                when=self.display.time_range(booking.starts_at, booking.ends_at)
            )
        )

    def _redeemed(self, result: BookingResult) -> None:
        booking = result.booking
        self.message.setText(
            self.tr("Booked with your bundle: {when}.").format(
                when=self.display.time_range(booking.starts_at, booking.ends_at)
            )
        )

    def _failed(self, message: str) -> None:
        self.message.setText(message)
        self._selection_changed(self.list.currentRow())

    @Slot()
    def leave_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.leave_button.setEnabled(False)
        leave_waitlist(self._ctx, self._ctx.user.principal, entry.id).success(
            lambda _left: self.message.setText(self.tr("You left the waitlist for that time."))
        ).failure(self._failed).run(self)
