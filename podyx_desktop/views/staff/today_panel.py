"""The desk's Today panel: the day's arrivals in order (time, client, service, payment) and
how many bookings await the desk's approval.

Loaded through an operation (``load_today``: the schedule of the studio's today, canceled
sessions left out) and loaded again when a published change touches bookings or
purchases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.desk import AWAITING_DAYS, TodayAtDesk, load_today
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.text_style import bold, wrapped_label

if TYPE_CHECKING:
    from podyx_desktop.domain.changes import Changes
    from podyx_desktop.domain.records import Booking


class TodayPanel(QWidget):
    """Today's sessions and the count of bookings awaiting approval."""

    SHOWS: ClassVar[tuple[Kind, ...]] = (Kind.BOOKINGS, Kind.PURCHASES)
    loaded = Signal()
    booking_chosen = Signal(int)  # the booking id of the arrival double-clicked

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._display = DisplayFormat.for_studio(ctx.user.studio)
        self._loading = 0
        self.today: TodayAtDesk | None = None
        self.title = QLabel(self.tr("Today"), self)
        bold(self.title)
        self.awaiting_label = wrapped_label(self, "", self.tr("Bookings awaiting approval"))
        self.arrivals = QTreeWidget(self)
        self.arrivals.setAccessibleName(self.tr("Today's arrivals"))
        self.arrivals.setRootIsDecorated(False)
        self.arrivals.setHeaderLabels(
            [self.tr("Time"), self.tr("Client"), self.tr("Service"), self.tr("Payment")]
        )
        self.arrivals.itemDoubleClicked.connect(self._double_clicked)
        self.message = wrapped_label(self, "Muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.awaiting_label)
        layout.addWidget(self.arrivals, 1)
        layout.addWidget(self.message)
        ctx.bus.changed.connect(self._on_changed)

    @property
    def is_loading(self) -> bool:
        return self._loading > 0

    def reload(self) -> None:
        self._loading += 1
        load_today(self._ctx, self._ctx.user.principal).success(self._loaded).failure(
            self._failed
        ).run(self)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.SHOWS):
            self.reload()

    def _loaded(self, today: TodayAtDesk) -> None:
        self._loading -= 1
        self.today = today
        d = self._display
        self.title.setText(self.tr("Today, {day}").format(day=d.weekday_day(today.day)))
        self.awaiting_label.setText(
            self.tr("{count} booking(s) awaiting approval (today and the next {days} days)").format(
                count=today.awaiting_approval, days=AWAITING_DAYS
            )
            if today.awaiting_approval
            else self.tr("No bookings await approval.")
        )
        self.arrivals.clear()
        for booking in today.arrivals:
            item = QTreeWidgetItem(
                [
                    f"{d.time(booking.starts_at)} – {d.time(booking.ends_at)}",
                    booking.client_name,
                    f"{booking.service_name} — {booking.room_name}",
                    self.payment_text(booking),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, booking.id)
            self.arrivals.addTopLevelItem(item)
        self.message.setText("" if today.arrivals else self.tr("No sessions today."))
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self._loading -= 1
        self.message.setText(message)
        self.loaded.emit()

    def payment_text(self, booking: Booking) -> str:
        if booking.bundle_id is not None and booking.purchase_id is None:
            return self.tr("Bundle credit")
        if booking.receipt_number:
            return self.tr("Paid ({number})").format(number=booking.receipt_number)
        if booking.status is BookingStatus.PENDING:
            return self.tr("Awaiting approval")
        if booking.purchase_id is not None:
            return self.tr("To pay at the desk")
        return "—"

    @Slot(QTreeWidgetItem, int)
    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.booking_chosen.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
