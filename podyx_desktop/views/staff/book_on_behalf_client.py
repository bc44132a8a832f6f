"""The first step of booking on a client's behalf: find the client (the search runs as
the desk types, after a short pause, off the GUI thread) or create one at the desk and
show the one-time code to hand over."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.operations.desk_booking import search_clients
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.staff.client_form import CodeCard, NewClientForm

if TYPE_CHECKING:
    from podyx_desktop.domain.records import ClientSummary
    from podyx_desktop.operations.desk_booking import DeskClient
    from podyx_desktop.views.common.context import ViewContext

# How long the search waits after the last key before it asks.
SEARCH_PAUSE_MS = 300


class ClientStep(QWidget):
    """Search and pick a client, or create one; ``chosen`` names the client picked."""

    chosen = Signal(int, str)  # client id, name

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._request = 0  # the search whose answer is awaited (older ones are dropped)
        heading = QLabel(self.tr("Who is the booking for?"), self)
        heading.setObjectName("PageTitle")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, email or phone"))
        self.search.setAccessibleName(self.tr("Search clients"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget(self)
        self.matches.setAccessibleName(self.tr("Matching clients"))
        self.status = wrapped_label(self, "Muted", self.tr("Search status"))
        self.choose_button = QPushButton(self.tr("&Choose this client"), self)
        self.choose_button.setObjectName("PrimaryButton")
        self.choose_button.setEnabled(False)
        self.new_client_button = QPushButton(self.tr("&New client…"), self)

        self.new_form = NewClientForm(ctx, self)
        # The form's fields, as this step's own (tests and the screenshots use these).
        self.full_name = self.new_form.full_name
        self.email = self.new_form.email
        self.phone = self.new_form.phone
        self.create_button = self.new_form.create_button
        self.new_message = self.new_form.message
        self.new_form.hide()

        self.code_box = CodeCard(self)
        self.code_label = self.code_box.code_label
        self.continue_button = QPushButton(self.tr("Con&tinue to the session"), self.code_box)
        self.continue_button.setObjectName("PrimaryButton")
        self.code_box.layout_.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.code_box.hide()
        self._created: DeskClient | None = None

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_client_button)
        buttons.addStretch(1)
        buttons.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.new_form)
        layout.addWidget(self.code_box)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.matches.currentItemChanged.connect(
            lambda current, _previous: self.choose_button.setEnabled(current is not None)
        )
        self.matches.itemActivated.connect(lambda _item: self.choose())
        self.choose_button.clicked.connect(self.choose)
        self.new_client_button.clicked.connect(self.show_new_client)
        self.new_form.created.connect(self._created_client)
        self.continue_button.clicked.connect(self._continue_with_created)

    # --- searching ----------------------------------------------------------------------

    @property
    def is_searching(self) -> bool:
        return self._request != 0 or self._pause.isActive()

    @Slot()
    def run_search(self) -> None:
        """Ask for the clients matching the search text (the newest answer wins)."""
        self._pause.stop()
        self._request += 1
        request = self._request
        self.status.setText(self.tr("Searching…"))
        search_clients(self._ctx, self._ctx.user.principal, self.search.text().strip()).success(
            lambda found: self._show(request, found)
        ).failure(lambda message: self._failed(request, message)).run(self)

    def _show(self, request: int, found: list[ClientSummary]) -> None:
        if request != self._request:
            return
        self._request = 0
        self.matches.clear()
        for client in found:
            item = QListWidgetItem(f"{client.full_name} · {client.email} · {client.phone}")
            item.setData(Qt.ItemDataRole.UserRole, (client.id, client.full_name))
            self.matches.addItem(item)
        if found:
            self.matches.setCurrentRow(0)
        self.status.setText(
            self.tr("No client matches. Check the spelling, or create a new client.")
            if not found
            else self.tr("{count} clients match.").format(count=len(found))
        )

    def _failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        self._request = 0
        self.status.setText(message)

    @Slot()
    def choose(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        client_id, name = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(int(client_id), str(name))

    # --- a new client ---------------------------------------------------------------------

    @Slot()
    def show_new_client(self) -> None:
        self.new_form.show()
        self.full_name.setFocus()

    def create_client(self) -> None:
        """Create the account (once: the button stays off until the answer comes)."""
        self.new_form.create_client()

    @Slot(object)
    def _created_client(self, made: DeskClient) -> None:
        self._created = made
        self.new_form.hide()
        self.code_box.show_code(made.code)
        self.continue_button.setFocus()

    @Slot()
    def _continue_with_created(self) -> None:
        if self._created is not None:
            account = self._created.account
            self.chosen.emit(account.id, account.full_name)
