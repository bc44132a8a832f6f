"""Emphasis without per-widget style sheets (each one costs a style-sheet parse and a
polish of its own): bold through the widget's font, colours and sizes through the object
names the application's style sheet already styles (``PageTitle``, ``ErrorText``,
``SuccessText``, ``Muted``, ``DangerButton``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def bold(widget: QWidget) -> QWidget:
    """Make ``widget``'s text bold (the style sheet sets sizes, not weights)."""
    font = widget.font()
    font.setBold(True)
    widget.setFont(font)
    return widget


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` the style of the object name ``role`` ("" for the plain style)."""
    if widget.objectName() == role:
        return
    widget.setObjectName(role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def wrapped_label(parent: QWidget, role: str, accessible_name: str = "") -> QLabel:
    """An empty, word-wrapping label in the style of ``role`` (``ErrorText`` for the
    messages under a form, ``Muted`` for notes)."""
    label = QLabel(parent)
    label.setObjectName(role)
    label.setWordWrap(True)
    if accessible_name:
        label.setAccessibleName(accessible_name)
    return label
