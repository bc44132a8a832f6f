"""Operations on the waitlist: the times of a day worth waiting for, joining and leaving,
the client's entries (and their offers), passing holds that ran out, a time's line for
staff, and the studio's hold length."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.availability import Slot
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.requests import AvailabilityQuery
    from podyx_desktop.domain.waitlist import WaitlistEntry
    from podyx_desktop.services import Services


class TakenTimes(NamedTuple):
    """The day's start times the studio offers but that are taken (worth waiting for)."""

    query: AvailabilityQuery

    def run(self, services: Services, principal: Principal) -> list[Slot]:
        return services.waitlist.taken_times(principal, self.query)


class JoinWaitlist(NamedTuple):
    client_id: int
    setup_id: int
    service_id: int
    starts_at: datetime
    minutes: int
    booking_id: int | None = None  # from a reschedule: the booking to move there
    bundle_id: int | None = None  # from a bundle: the bundle to redeem

    def run(self, services: Services, principal: Principal) -> WaitlistEntry:
        from podyx_desktop.domain.waitlist import WaitlistJoin

        return services.waitlist.join(principal, WaitlistJoin(*self))


class LeaveWaitlist(NamedTuple):
    entry_id: int

    def run(self, services: Services, principal: Principal) -> WaitlistEntry:
        return services.waitlist.leave(principal, self.entry_id)


class MyWaitlist(NamedTuple):
    """A client's entries still waiting or offered, and the studio's "now"."""

    client_id: int

    def run(self, services: Services, principal: Principal) -> tuple[datetime, list[WaitlistEntry]]:
        return services.context.now(), services.waitlist.mine(principal, self.client_id)


class PassExpiredHolds(NamedTuple):
    """Offer the times whose holds ran out to the next in line (anyone signed in)."""

    def run(self, services: Services, principal: Principal) -> int:
        return services.waitlist.pass_expired(principal)


class TimeWaitlist(NamedTuple):
    """Staff: who waits for a time of a room, in line order."""

    room_id: int
    start: datetime
    end: datetime

    def run(self, services: Services, principal: Principal) -> list[WaitlistEntry]:
        return services.waitlist.for_time(principal, self.room_id, self.start, self.end)


class LoadHoldMinutes(NamedTuple):
    def run(self, services: Services, principal: Principal) -> int:
        return services.waitlist.hold_minutes(principal)


class SetHoldMinutes(NamedTuple):
    minutes: int

    def run(self, services: Services, principal: Principal) -> int:
        return services.waitlist.set_hold_minutes(principal, self.minutes)


def load_taken_times(seat: Seat, principal: Principal, query: AvailabilityQuery) -> Op[list[Slot]]:
    return Op(seat, principal, TakenTimes(query))


def join_waitlist(seat: Seat, principal: Principal, request: JoinWaitlist) -> Op[WaitlistEntry]:
    return Op(seat, principal, request)


def leave_waitlist(seat: Seat, principal: Principal, entry_id: int) -> Op[WaitlistEntry]:
    return Op(seat, principal, LeaveWaitlist(entry_id))


def load_my_waitlist(
    seat: Seat, principal: Principal, client_id: int
) -> Op[tuple[datetime, list[WaitlistEntry]]]:
    return Op(seat, principal, MyWaitlist(client_id))


def pass_expired_holds(seat: Seat, principal: Principal) -> Op[int]:
    return Op(seat, principal, PassExpiredHolds())


def load_time_waitlist(
    seat: Seat, principal: Principal, room_id: int, start: datetime, end: datetime
) -> Op[list[WaitlistEntry]]:
    return Op(seat, principal, TimeWaitlist(room_id, start, end))
