"""The staff schedule's read: the rooms, hours and closed dates of a run of days, their
bookings (canceled too, as lean records: what the canvas draws) and the studio's "now", in
one request; and the full booking the details pane shows, with its history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.domain.records import Booking, BookingEvent
from podyx_desktop.domain.schedule import ScheduleData
from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services


class LoadSchedule(NamedTuple):
    """Staff: the schedule of local days ``first``…``last`` (inclusive), every room."""

    first: date
    last: date

    def run(self, services: Services, principal: Principal) -> ScheduleData:
        frame = services.catalogue.schedule_frame(principal, self.first, self.last)
        bookings = services.bookings.schedule_blocks(principal, self.first, self.last)
        return ScheduleData(
            first=self.first,
            last=self.last,
            now=services.context.now(),
            frame=frame,
            bookings=tuple(bookings),
        )


class ScheduleBookingDetails(NamedTuple):
    """Staff: the full booking selected on the schedule, and its history."""

    booking_id: int

    def run(self, services: Services, principal: Principal) -> tuple[Booking, list[BookingEvent]]:
        return (
            services.bookings.get(principal, self.booking_id),
            services.bookings.events(principal, self.booking_id),
        )


def load_schedule(
    seat: Seat, principal: Principal, first_day: date, last_day: date
) -> Op[ScheduleData]:
    return Op(seat, principal, LoadSchedule(first_day, last_day))


def load_schedule_booking(
    seat: Seat, principal: Principal, booking_id: int
) -> Op[tuple[Booking, list[BookingEvent]]]:
    return Op(seat, principal, ScheduleBookingDetails(booking_id))
