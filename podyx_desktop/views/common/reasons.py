"""Every action shows why it is unavailable: beside its button (a label), in the button's
tooltip and in its accessible description, which screen readers read with it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QLabel

Button = TypeVar("Button", bound=QAbstractButton)


def show_reason(button: QAbstractButton, label: QLabel, allowed: bool, reason: str) -> None:
    """``button`` on when ``allowed``; else off, with ``reason`` (may be "": none known
    yet) beside it in ``label``, in its tooltip and its accessible description."""
    text = "" if allowed else reason
    button.setEnabled(allowed)
    label.setText(text)
    button.setToolTip(text)
    button.setAccessibleDescription(text)


def show_decisions(
    buttons: tuple[Button, ...],
    reasons: Mapping[Button, QLabel],
    decisions: list[tuple[bool, str]],
    *,
    known: bool,
) -> None:
    """Each action's button on or off, with the reason it is off beside it (its label in
    ``reasons``) — none while what it acts on is not ``known``. ``decisions`` are in the
    order of ``buttons``."""
    for button, (allowed, reason) in zip(buttons, decisions, strict=True):
        show_reason(button, reasons[button], allowed, reason if known else "")
