"""The audit log for managers and owners, a page at a time (``AuditService.page``): When
(the studio's local date and time), Who, What (the action and what it was about), Before,
After, Reason. Newest first; the filters narrow it in SQL."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import Qt

from podyx_desktop.domain.paging import Page, PageRequest
from podyx_desktop.domain.records import AuditEntry
from podyx_desktop.models.paged import PagedTableModel


def change_text(stored: str) -> str:
    """An entry's before or after as words: ``{"status": "void", "note": null}`` →
    "status: void, note: —"; text that is not a JSON object is shown as it is."""
    import json

    try:
        values = json.loads(stored) if stored else None
    except ValueError:
        return stored
    if not isinstance(values, dict):
        return stored if values is None else str(values)

    def word(value: object) -> str:
        if value is None:
            return "—"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    return ", ".join(f"{key.replace('_', ' ')}: {word(value)}" for key, value in values.items())


def action_words(action: str) -> str:
    """``change_opening_hours`` → "change opening hours"."""
    return action.replace("_", " ")


class AuditModel(PagedTableModel[AuditEntry]):
    """When, Who, What, Before, After, Reason."""

    WHEN, WHO, WHAT, BEFORE, AFTER, REASON = range(6)
    SORT_KEYS: ClassVar[Mapping[int, str]] = {WHEN: "at"}
    DEFAULT_SORT: ClassVar[tuple[int, Qt.SortOrder]] = (WHEN, Qt.SortOrder.DescendingOrder)

    def show_source(self, source: Callable[[Any, PageRequest], Page[AuditEntry]]) -> None:
        """Read the log from ``source`` (another set of filters), from its first page."""
        self._source = source
        self.reload()

    def column_titles(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Before"),
            self.tr("After"),
            self.tr("Reason"),
        ]

    def column_text(self, record: AuditEntry, column: int) -> str:
        if column == self.WHEN:
            return self.display.date_time(record.at)
        if column == self.WHO:
            return record.actor_name or self.tr("(the system)")
        if column == self.WHAT:
            about = f"{record.entity} {record.entity_id}" if record.entity_id else record.entity
            return f"{action_words(record.action)} · {about}"
        if column == self.BEFORE:
            return change_text(record.before)
        if column == self.AFTER:
            return change_text(record.after)
        if column == self.REASON:
            return record.reason
        return ""

    def column_tooltip(self, record: AuditEntry, column: int) -> str | None:
        if column in (self.BEFORE, self.AFTER):
            return self.column_text(record, column) or None
        return None
