"""The audit log for managers and owners, a page at a time (``AuditService.page``): When
(the studio's local date and time), Who, What (the action and what it was about), Before,
After, Reason. Newest first; the filters narrow it in SQL."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import Qt

from podyx_desktop.domain.audit_words import action_text, change_text, entity_text
from podyx_desktop.domain.paging import Page, PageRequest
from podyx_desktop.domain.records import AuditEntry
from podyx_desktop.models.paged import PagedTableModel


def action_words(action: str) -> str:
    """``change_opening_hours`` → "Opening hours changed" (translated)."""
    return action_text(action)


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
            entity = entity_text(record.entity)
            about = f"{entity} {record.entity_id}" if record.entity_id else entity
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
