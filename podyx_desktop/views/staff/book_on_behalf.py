"""The desk books a session on a client's behalf: step one picks the client (or creates
one and shows the one-time code), step two the session, time and payment, then Book.

Opened from the staff window's "New booking…" action (Ctrl+N), from an empty time
clicked on the schedule (its room and time preselected) and from a client's "Book for
this client…" in the Clients place (the client preselected). The booking operation publishes
its changes, so the schedule and the client's tabs reload by themselves.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.operations.desk_booking import book_on_behalf
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.staff.book_on_behalf_client import ClientStep
from podyx_desktop.views.staff.book_on_behalf_session import SessionStep

if TYPE_CHECKING:
    from podyx_desktop.domain.records import BookingResult
    from podyx_desktop.views.common.context import ViewContext


class BookOnBehalfDialog(QDialog):
    """Pick the client, then the session; Book makes it once."""

    booked = Signal(object)  # BookingResult

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget | None = None,
        *,
        room_id: int | None = None,
        starts_at: datetime | None = None,
        client: tuple[int, str] | None = None,
    ) -> None:
        """``client`` (id, name) preselects the client: the dialog opens on the session
        step for them (Back still leads to the search)."""
        super().__init__(parent)
        self.setObjectName("BookOnBehalfDialog")
        self.setWindowTitle(self.tr("New booking"))
        self._ctx = ctx
        self._client: tuple[int, str] | None = None
        self.result_value: BookingResult | None = None
        self.client_step = ClientStep(ctx, self)
        self.session_step = SessionStep(ctx, room_id, starts_at, self)
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self.client_step)
        self.steps.addWidget(self.session_step)
        self.for_client = QLabel(self)
        self.for_client.setObjectName("Muted")
        self.message = wrapped_label(self, "ErrorText", self.tr("Booking message"))
        self.message.hide()
        self.back_button = QPushButton(self.tr("&Back"), self)
        self.book_button = QPushButton(self.tr("&Book"), self)
        self.book_button.setObjectName("PrimaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.book_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.for_client)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.client_step.chosen.connect(self.choose_client)
        self.session_step.ready_changed.connect(self._update_buttons)
        self.back_button.clicked.connect(self.show_client_step)
        self.cancel_button.clicked.connect(self.reject)
        self.book_button.clicked.connect(self.book)
        if client is None:
            self.show_client_step()
        else:
            self.choose_client(*client)
        self.resize(900, 760)

    @property
    def client(self) -> tuple[int, str] | None:
        """The chosen client's id and name."""
        return self._client

    @Slot()
    def show_client_step(self) -> None:
        self.steps.setCurrentWidget(self.client_step)
        self.for_client.hide()
        self.message.hide()
        self._update_buttons()
        self.client_step.search.setFocus()
        self.client_step.run_search()

    @Slot(int, str)
    def choose_client(self, client_id: int, name: str) -> None:
        first = self._client is None
        self._client = (client_id, name)
        self.for_client.setText(self.tr("Booking for {name}").format(name=name))
        self.for_client.show()
        self.steps.setCurrentWidget(self.session_step)
        if first:
            self.session_step.load()
        self._update_buttons()

    @Slot(bool)
    def _update_buttons(self, _ready: bool = False) -> None:
        on_session = self.steps.currentWidget() is self.session_step
        self.back_button.setVisible(on_session)
        self.book_button.setVisible(on_session)
        self.book_button.setEnabled(on_session and self.session_step.is_ready())

    @Slot()
    def book(self) -> None:
        """Book the session (once: the button stays off until the answer comes)."""
        if self._client is None or not self.book_button.isEnabled():
            return
        request = self.session_step.request(self._client[0])
        if request is None:
            return
        self.message.hide()
        self.book_button.setEnabled(False)
        book_on_behalf(self._ctx, self._ctx.user.principal, request).success(self._booked).failure(
            self._failed
        ).run(self)

    def _booked(self, result: BookingResult) -> None:
        self.result_value = result
        self.booked.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
        self._update_buttons()
