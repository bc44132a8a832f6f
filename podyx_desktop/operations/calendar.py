"""Calendar files (``.ics``): one session, a client's upcoming sessions, a room's days.

Each request reads through services that check the principal (a client only their own
bookings; a room's schedule staff only) and renders with
:func:`podyx_desktop.documents.calendar.render_calendar` on the worker; the views save the
bytes with :func:`~podyx_desktop.operations.documents.save_document`, which writes the
file off the GUI thread as well. The events' descriptions are in the request's
``language`` ("en", "de"; ``""``: the studio's), as a PDF's are.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.domain.message import m

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

# A client's upcoming sessions in one file: more than anyone books ahead.
UPCOMING_LIMIT = 1000


class BookingCalendar(NamedTuple):
    """One session as a calendar file (a canceled one too: importing it cancels the event)."""

    booking_id: int
    language: str = ""  # "en", "de"; "": the studio's

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents.calendar import render_calendar

        booking = services.bookings.get(principal, self.booking_id)
        studio = services.catalogue.studio(principal)
        name = f"{studio.name} — {booking.service_name}"
        return render_calendar([booking], studio, name=name, language=self.language)


class UpcomingCalendar(NamedTuple):
    """A client's upcoming sessions, canceled ones included (so that importing the file
    also takes them out of a calendar that had them)."""

    client_id: int
    language: str = ""  # "en", "de"; "": the studio's

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents.calendar import render_calendar

        bookings = services.bookings.list_for_client(
            principal, self.client_id, upcoming=True, limit=UPCOMING_LIMIT
        )
        studio = services.catalogue.studio(principal)
        name = m("{studio} — sessions", studio=studio.name)
        return render_calendar(bookings, studio, name=name, language=self.language)


class RoomCalendar(NamedTuple):
    """Staff: one room's sessions on the local days ``first``…``last`` (inclusive),
    canceled ones included."""

    room_id: int
    first: date
    last: date
    language: str = ""  # "en", "de"; "": the studio's

    def run(self, services: Services, principal: Principal) -> bytes:
        from podyx_desktop.documents.calendar import render_calendar

        frame = services.catalogue.schedule_frame(principal, self.first, self.last)
        bookings = services.bookings.schedule(principal, self.first, self.last, self.room_id)
        room = next((room.name for room in frame.rooms if room.id == self.room_id), "")
        studio = services.catalogue.studio(principal)
        name = m(
            "{studio} — {room} {first}–{last}",
            studio=studio.name,
            room=room or m("room"),
            first=self.first.isoformat(),
            last=self.last.isoformat(),
        )
        return render_calendar(bookings, studio, name=name, language=self.language)
