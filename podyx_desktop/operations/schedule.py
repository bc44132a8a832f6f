"""The staff schedule's read: the rooms, hours and closed dates of a run of days, their
bookings (canceled too) and the studio's "now", in one request."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

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
        bookings = services.bookings.schedule(principal, self.first, self.last)
        return ScheduleData(
            first=self.first,
            last=self.last,
            now=services.context.now(),
            frame=frame,
            bookings=tuple(bookings),
        )


def load_schedule(
    seat: Seat, principal: Principal, first_day: date, last_day: date
) -> Op[ScheduleData]:
    return Op(seat, principal, LoadSchedule(first_day, last_day))
