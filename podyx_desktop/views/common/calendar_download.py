"""The ``.ics`` side of :mod:`~podyx_desktop.views.common.calendar_actions`: the requests
for one booking, a client's upcoming sessions and a room's week, and
:class:`CalendarDownload`, which saves them. Imported when a calendar is first saved (the
Bookings tab's export button is on its first paint; the document machinery is not).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

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

    SUFFIX = SUFFIX  # the module's: ".ics"

    def file_filter(self) -> str:
        return self.tr("Calendar files (*.ics)")

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
