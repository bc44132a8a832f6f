"""Save sessions as a calendar file (``.ics``): one booking ("Add to calendar…"), a
client's upcoming sessions ("Export my sessions…") and, for staff, a room's week.

The same flow as a PDF (:mod:`~podyx_desktop.views.common.document_actions`): suggest a
file name, ask where with the native save dialog, render and write on the task runner's
worker, then say where it is and offer to open it (the system hands a ``.ics`` file to
the person's calendar, which imports it). The requests and the download itself are in
:mod:`~podyx_desktop.views.common.calendar_download`, imported on the first save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Slot
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QWidget

from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.reasons import show_reason

if TYPE_CHECKING:
    from podyx_desktop.domain.records import Booking
    from podyx_desktop.views.common.calendar_download import CalendarDownload


class ProfileOwner(Protocol):
    """The profile tab the export serves: whose sessions, and its wording for the viewer."""

    @property
    def client_id(self) -> int | None: ...

    def words(self, own: str, other: str, **values: object) -> str: ...


class UpcomingExport(QObject):
    """ "Export my sessions…" beside the upcoming list, with the reason it is unavailable
    (nothing upcoming); and "Add to calendar…" for the session the tab shows."""

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget,
        row: QBoxLayout,
        upcoming: QAbstractItemModel,
        owner: ProfileOwner,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._upcoming = upcoming
        self._owner = owner
        self._parent = parent
        self._downloads: CalendarDownload | None = None
        text = owner.words(self.tr("E&xport my sessions…"), self.tr("E&xport sessions…"))
        self.button = QPushButton(text, parent)
        self.button.setAccessibleName(self.tr("Export the upcoming sessions as a calendar file"))
        self.reason = QLabel(parent)
        self.reason.setObjectName("Muted")
        row.addWidget(self.button)
        row.addWidget(self.reason)
        self.button.clicked.connect(self.export)
        for signal in (upcoming.modelReset, upcoming.rowsInserted, upcoming.rowsRemoved):
            signal.connect(self._update)
        self._update()

    @Slot()
    @Slot(QModelIndex, int, int)
    def _update(self, *_args: object) -> None:
        if self._owner.client_id is None:
            reason = self.tr("Sign in to export your sessions.")
        elif not self._upcoming.rowCount():
            reason = self.tr("No upcoming sessions to export.")
        else:
            reason = ""
        show_reason(self.button, self.reason, not reason, reason)

    @property
    def downloads(self) -> CalendarDownload:
        """The saves' flow, made on the first save (its modules are imported then)."""
        if self._downloads is None:
            from podyx_desktop.views.common.calendar_download import CalendarDownload

            self._downloads = CalendarDownload(self._ctx, self._parent)
        return self._downloads

    @Slot()
    def export(self) -> None:
        client_id = self._owner.client_id
        if client_id is not None and self._upcoming.rowCount():
            from podyx_desktop.views.common.calendar_download import upcoming_calendar_request

            self.downloads.start(upcoming_calendar_request(self._ctx, client_id))

    def follow(self, button: QPushButton, selected: Callable[[], Booking | None]) -> None:
        """``button`` ("Add to calendar…") saves the session ``selected`` gives."""

        def add() -> None:
            booking = selected()
            if booking is not None:
                from podyx_desktop.views.common.calendar_download import booking_calendar_request

                self.downloads.start(booking_calendar_request(self._ctx, booking))

        button.clicked.connect(add)
