"""The desk's actions on the client shown in the Clients place: book for them, issue a
bundle, record a payment, refund, add store credit, edit their details, unlock the
account, issue a new one-time code — each disabled with the reason in words when it
cannot be used now (as the booking's desk actions show them).

The pane loads what it decides on (the account's lockout and code, the client's
purchases) through ``load_client_desk``, reloads when a published change touches clients
or purchases, and after each action shows a line of feedback. The services check every
role again; the pane only shows what they would refuse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.enums import Role
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.clients import ClientDesk, load_client_desk, unlock_client
from podyx_desktop.views.common.reasons import show_decisions
from podyx_desktop.views.common.text_style import wrapped_label
from podyx_desktop.views.staff.client_dialogs import payable, refundable

if TYPE_CHECKING:
    from podyx_desktop.domain.changes import Changes
    from podyx_desktop.domain.records import Account, ClientAccountState
    from podyx_desktop.views.common.context import ViewContext


# The buttons stand in rows of this many, each with its reason beside it.
COLUMNS = 4


class ClientActionsPane(QWidget):
    """The buttons of the desk for the client shown (``show_client``)."""

    SHOWS: ClassVar[tuple[Kind, ...]] = (Kind.CLIENTS, Kind.PURCHASES)
    book_requested = Signal(int, str)  # client id, name
    state_loaded = Signal()  # the client's desk state arrived (or failed to)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.client: Account | None = None
        self.desk: ClientDesk | None = None
        self.dialog: QDialog | None = None
        self._loading = 0
        self.book_button = QPushButton(self.tr("Boo&k for this client…"), self)
        self.book_button.setObjectName("PrimaryButton")
        self.bundle_button = QPushButton(self.tr("&Issue a bundle…"), self)
        self.payment_button = QPushButton(self.tr("Record a pa&yment…"), self)
        self.refund_button = QPushButton(self.tr("Re&fund…"), self)
        self.credit_button = QPushButton(self.tr("Add store &credit…"), self)
        self.edit_button = QPushButton(self.tr("&Edit details…"), self)
        self.unlock_button = QPushButton(self.tr("U&nlock account"), self)
        self.code_button = QPushButton(self.tr("New one-time &code…"), self)
        self.note_button = QPushButton(self.tr("Write a no&te…"), self)  # on the client
        self.reasons: dict[QPushButton, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        for index, button in enumerate(self.buttons()):
            reason = wrapped_label(self, "Muted")
            self.reasons[button] = reason
            row, column = index // COLUMNS, 2 * (index % COLUMNS)
            grid.addWidget(button, row, column)
            grid.addWidget(reason, row, column + 1)
            grid.setColumnStretch(column + 1, 1)
        self.book_button.clicked.connect(self._book)
        self.bundle_button.clicked.connect(self.open_bundle)
        self.payment_button.clicked.connect(self.open_payment)
        self.refund_button.clicked.connect(self.open_refund)
        self.credit_button.clicked.connect(self.open_credit)
        self.edit_button.clicked.connect(self.open_edit)
        self.unlock_button.clicked.connect(self.unlock)
        self.code_button.clicked.connect(self.open_code)
        self.note_button.clicked.connect(self.open_note)
        self.account_line = wrapped_label(self, "Muted", self.tr("The client's account"))
        self.feedback = wrapped_label(self, "Feedback", self.tr("What the last action did"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.feedback)
        ctx.bus.changed.connect(self._on_changed)
        self._show_desk(None)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.book_button,
            self.bundle_button,
            self.payment_button,
            self.refund_button,
            self.credit_button,
            self.edit_button,
            self.unlock_button,
            self.code_button,
            self.note_button,
        )

    @property
    def is_loading(self) -> bool:
        return self._loading > 0

    @property
    def is_manager(self) -> bool:
        return self._ctx.user.principal.at_least(Role.MANAGER)

    # --- loading ----------------------------------------------------------------------

    def show_client(self, client: Account) -> None:
        """Act on ``client``; what the actions depend on loads off the GUI thread."""
        if self.client is None or client.id != self.client.id:
            self.feedback.clear()
            self._show_desk(None)
        self.client = client
        self.reload()

    def reload(self) -> None:
        client = self.client
        if client is None:
            return
        self._loading += 1
        load_client_desk(self._ctx, self._ctx.user.principal, client.id).success(
            lambda desk: self._loaded(client.id, desk)
        ).failure(lambda message: self._load_failed(client.id, message)).run(self)

    def _loaded(self, client_id: int, desk: ClientDesk) -> None:
        self._loading -= 1
        if self.client is not None and client_id == self.client.id:
            self.client = desk.state.account
            self._show_desk(desk)
        self.state_loaded.emit()

    def _load_failed(self, client_id: int, message: str) -> None:
        self._loading -= 1
        if self.client is not None and client_id == self.client.id:
            self._show_desk(None)
            self.feedback.setText(message)
        self.state_loaded.emit()

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if self.client is not None and changes.touches(*self.SHOWS):
            self.reload()

    # --- what may be done -------------------------------------------------------------

    def _show_desk(self, desk: ClientDesk | None) -> None:
        self.desk = desk
        show_decisions(self.buttons(), self.reasons, self._decisions(desk), known=desk is not None)
        self.account_line.setText(self._account_text(desk.state) if desk else "")

    def _decisions(self, desk: ClientDesk | None) -> list[tuple[bool, str]]:
        if desk is None:
            return [(False, "")] * len(self.buttons())
        purchases = desk.purchases
        managers = self.is_manager
        any_payable = any(payable(p) for p in purchases)
        any_refundable = any(refundable(p) for p in purchases)
        locked = desk.state.locked_until is not None
        return [
            (True, ""),
            (True, ""),
            (any_payable, self.tr("Nothing awaits payment: every purchase is paid or closed.")),
            (
                managers and any_refundable,
                self.tr("Refunds are for managers and owners.")
                if not managers
                else self.tr("Nothing paid is left to refund."),
            ),
            (managers, self.tr("Store credit is added by managers and owners.")),
            (True, ""),
            (locked, self.tr("The account is not locked.")),
            (True, ""),
            (True, ""),
        ]

    def _account_text(self, state: ClientAccountState) -> str:
        parts = [
            self.tr("Store credit: {amount}").format(
                amount=self.display.money(state.account.store_credit_minor)
            )
        ]
        if state.locked_until is not None:
            parts.append(
                self.tr("Locked after failed sign-ins until {time}").format(
                    time=self.display.date_time(state.locked_until)
                )
            )
        if not state.has_password:
            parts.append(self.tr("No password yet (made at the desk)"))
        if state.code_expires_at is not None and not state.code_used:
            parts.append(
                self.tr("One-time code valid until {time}").format(
                    time=self.display.date_time(state.code_expires_at)
                )
            )
        return " · ".join(parts)

    # --- actions ----------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        succeeded = getattr(dialog, "succeeded", None)
        if succeeded is not None:
            succeeded.connect(self._succeeded)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    @Slot(int)
    def _dialog_closed(self, _code: int) -> None:
        self.dialog = None

    @Slot()
    def _book(self) -> None:
        if self.client is not None:
            self.book_requested.emit(self.client.id, self.client.full_name)

    @Slot()
    def open_bundle(self) -> None:
        from podyx_desktop.views.staff.client_dialogs import IssueBundleDialog

        if self.client is not None and self.bundle_button.isEnabled():
            self._open(IssueBundleDialog(self._ctx, self.client, self))

    @Slot()
    def open_payment(self) -> None:
        from podyx_desktop.views.staff.client_dialogs import RecordPaymentDialog

        if self.client and self.desk and self.payment_button.isEnabled():
            self._open(RecordPaymentDialog(self._ctx, self.client, self.desk.purchases, self))

    @Slot()
    def open_refund(self) -> None:
        from podyx_desktop.views.staff.client_dialogs import RefundDialog

        if self.client and self.desk and self.refund_button.isEnabled():
            self._open(RefundDialog(self._ctx, self.client, self.desk.purchases, self))

    @Slot()
    def open_credit(self) -> None:
        from podyx_desktop.views.staff.client_dialogs import StoreCreditDialog

        if self.client is not None and self.credit_button.isEnabled():
            self._open(StoreCreditDialog(self._ctx, self.client, self))

    @Slot()
    def open_edit(self) -> None:
        from podyx_desktop.views.staff.client_dialogs import EditClientDialog

        if self.client is not None and self.edit_button.isEnabled():
            self._open(EditClientDialog(self._ctx, self.client, self))

    @Slot()
    def open_code(self) -> None:
        from podyx_desktop.views.staff.client_dialogs import NewCodeDialog

        if self.client is not None and self.code_button.isEnabled():
            self._open(NewCodeDialog(self._ctx, self.client, self))

    @Slot()
    def open_note(self) -> None:
        """A note on the client, not on one booking (internal, or for the client)."""
        from podyx_desktop.views.staff.note_dialogs import NoteDialog

        client = self.client
        if client is None:
            return
        about = self.tr("A note on {name} (not on one session).").format(name=client.full_name)
        dialog = NoteDialog(
            self._ctx, client_id=client.id, booking_id=None, about=about, parent=self
        )
        dialog.saved.connect(lambda _note: self._succeeded(self.tr("Note added.")))
        self._open(dialog)

    @Slot()
    def unlock(self) -> None:
        client = self.client
        if client is None or not self.unlock_button.isEnabled():
            return
        self.unlock_button.setEnabled(False)
        done = self.tr("The account of {name} is unlocked; they can sign in again.").format(
            name=client.full_name
        )
        unlock_client(self._ctx, self._ctx.user.principal, client.id).success(
            lambda _state: self._succeeded(done)
        ).failure(self._failed).run(self)

    @Slot(str)
    def _succeeded(self, feedback: str) -> None:
        # The operation publishes its Changes next; the pane reloads on them.
        self.feedback.setText(feedback)

    def _failed(self, message: str) -> None:
        self.feedback.setText(message)
        self.reload()
