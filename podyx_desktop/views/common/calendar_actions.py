"""Save sessions as a calendar file (``.ics``): one booking ("Add to calendar…"), a
client's upcoming sessions ("Export my sessions…") and, for staff, a room's week.

The same flow as a PDF (:mod:`~podyx_desktop.views.common.document_actions`): suggest a
file name, ask where with the native save dialog, render and write on the task runner's
worker, then say where it is and offer to open it (the system hands a ``.ics`` file to
the person's calendar, which imports it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QLabel, QPushButton, QWidget

from podyx_desktop.domain.records import Booking
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.calendar import BookingCalendar, RoomCalendar, UpcomingCalendar
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.document_actions import (
    DocumentDownload,
    DocumentRequest,
    document_language,
    safe_file_name,
)
from podyx_desktop.views.common.widgets import error_box

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

SUFFIX = ".ics"


def booking_calendar_request(ctx: ViewContext, booking: Booking) -> DocumentRequest:
    day = DisplayFormat.for_studio(ctx.user.studio).local(booking.starts_at).date()
    stem = translate("CalendarDownload", "Session {date} {service}").format(
        date=day.isoformat(), service=booking.service_name
    )
    return DocumentRequest(
        translate("CalendarDownload", "Add to calendar"),
        safe_file_name(stem, SUFFIX),
        ctx.user.principal,
        BookingCalendar(booking.id, document_language(ctx)),
    )


def upcoming_calendar_request(ctx: ViewContext, client_id: int) -> DocumentRequest:
    stem = translate("CalendarDownload", "{studio} sessions").format(studio=ctx.user.studio.name)
    return DocumentRequest(
        translate("CalendarDownload", "Export sessions"),
        safe_file_name(stem, SUFFIX),
        ctx.user.principal,
        UpcomingCalendar(client_id, document_language(ctx)),
    )


def room_calendar_request(
    ctx: ViewContext, room_id: int, room_name: str, first: date, last: date
) -> DocumentRequest:
    stem = translate("CalendarDownload", "{room} {first} to {last}").format(
        room=room_name, first=first.isoformat(), last=last.isoformat()
    )
    return DocumentRequest(
        translate("CalendarDownload", "Export room calendar"),
        safe_file_name(stem, SUFFIX),
        ctx.user.principal,
        RoomCalendar(room_id, first, last, document_language(ctx)),
    )


class CalendarDownload(DocumentDownload):
    """A :class:`DocumentDownload` of ``.ics`` files."""

    def ask_path(self, request: DocumentRequest) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self._widget,
            request.title,
            str(self.start_folder() / request.file_name),
            self.tr("Calendar files (*.ics)"),
        )
        if path and not Path(path).suffix:
            path += SUFFIX
        return path

    def _offer_answered(self, path: Path, open_it: bool) -> None:
        self.offer = None
        if open_it and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.error = error_box(
                self._widget,
                self.tr(
                    "No calendar program to open it was found. The file is in {folder}: "
                    "import it in your calendar."
                ).format(folder=str(path.parent)),
                self.tr("Calendar"),
            )


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
        self.downloads = CalendarDownload(ctx, parent)
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

    def _update(self, *_args: object) -> None:
        if self._owner.client_id is None:
            reason = self.tr("Sign in to export your sessions.")
        elif not self._upcoming.rowCount():
            reason = self.tr("No upcoming sessions to export.")
        else:
            reason = ""
        self.button.setEnabled(not reason)
        self.reason.setText(reason)
        self.button.setToolTip(reason)
        self.button.setAccessibleDescription(reason)

    def export(self) -> None:
        client_id = self._owner.client_id
        if client_id is not None and self._upcoming.rowCount():
            self.downloads.start(upcoming_calendar_request(self._ctx, client_id))

    def follow(self, button: QPushButton, selected: Callable[[], Booking | None]) -> None:
        """``button`` ("Add to calendar…") saves the session ``selected`` gives."""

        def add() -> None:
            booking = selected()
            if booking is not None:
                self.downloads.start(booking_calendar_request(self._ctx, booking))

        button.clicked.connect(add)
