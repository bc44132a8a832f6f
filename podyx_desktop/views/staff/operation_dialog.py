"""What the desk's small dialogs share (a booking's, a client's, a payment's): run one
operation once, say it is saving, then close with the desk's feedback sentence — or show
the refusal in the services' words and let the person try again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from podyx_desktop.domain.principal import Principal
from podyx_desktop.operations.base import Op
from podyx_desktop.views.common.context import ViewContext


class OperationDialog(QDialog):
    """Subclasses build their form and set ``confirm_button`` and ``error_label`` (and
    ``_ctx``); ``confirm`` checks what was typed and calls :meth:`submit`."""

    succeeded = Signal(str)  # the feedback sentence for the desk

    _ctx: ViewContext
    confirm_button: QPushButton
    error_label: QLabel

    def principal(self) -> Principal:
        return self._ctx.user.principal

    @Slot()
    def confirm(self) -> None:
        raise NotImplementedError

    def submit(self, op: Op[Any], feedback: str) -> None:
        """Run ``op`` once (the button is off until its answer)."""
        self.confirm_button.setEnabled(False)
        self.error_label.setText(self.tr("Saving…"))
        op.success(lambda _value: self._succeeded(feedback)).failure(self._failed).run(self)

    def _succeeded(self, feedback: str) -> None:
        self.error_label.clear()
        self.succeeded.emit(feedback)
        self.accept()

    def _failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.confirm_button.setEnabled(True)
