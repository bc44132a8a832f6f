"""The staff schedule's lean read: what the canvas draws of each booking, in two queries.

The schedule of a busy week holds thousands of bookings; building a full
:class:`~podyx_desktop.domain.records.Booking` (prices, receipts, purchases) for each is
what made it slow. This read selects plain columns — the booking joined to its client's
and service's names by id — and the add-ons' names and quantities of the same range in a
second query, with no ORM objects and no per-row queries. The details pane loads the full
booking of the one selected.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.domain.availability import local_day_bounds, studio_zone
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.schedule import ScheduleBooking
from podyx_desktop.services.context import ServiceContext, require_staff, studio


class ScheduleReads:
    """Mixed into :class:`~podyx_desktop.services.bookings.BookingService`."""

    _ctx: ServiceContext

    def schedule_blocks(
        self, principal: Principal, first: date, last: date
    ) -> list[ScheduleBooking]:
        """Staff: every booking (canceled too) starting between two local days, inclusive,
        as the schedule draws it, in order of start."""
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            zone = studio_zone(studio(session).time_zone)
            start, _ = local_day_bounds(first, zone)
            _, end = local_day_bounds(last, zone)
            rows = session.execute(
                select(
                    t.Booking.id,
                    t.Booking.room_id,
                    t.Booking.starts_at,
                    t.Booking.ends_at,
                    t.Booking.blocked_until,
                    t.Booking.status,
                    t.User.full_name,
                    t.Service.name,
                )
                .join(t.User, t.User.id == t.Booking.client_id)
                .join(t.Service, t.Service.id == t.Booking.service_id)
                .where(t.Booking.starts_at >= start, t.Booking.starts_at < end)
                .order_by(t.Booking.starts_at, t.Booking.id)
            ).all()
            # the add-ons of the same range: joined on it, so no list of ids is bound
            addons: dict[int, list[tuple[str, int]]] = {}
            for booking_id, name, quantity in session.execute(
                select(t.BookingAddon.booking_id, t.BookingAddon.name, t.BookingAddon.quantity)
                .join(t.Booking, t.Booking.id == t.BookingAddon.booking_id)
                .where(t.Booking.starts_at >= start, t.Booking.starts_at < end)
                .order_by(t.BookingAddon.id)
            ):
                addons.setdefault(booking_id, []).append((name, quantity))
        return [
            ScheduleBooking(
                id=booking_id,
                room_id=room_id,
                starts_at=starts_at,
                ends_at=ends_at,
                blocked_until=blocked_until,
                status=BookingStatus(status),
                client_name=client_name,
                service_name=service_name,
                addons=tuple(addons.get(booking_id, ())),
            )
            for (
                booking_id,
                room_id,
                starts_at,
                ends_at,
                blocked_until,
                status,
                client_name,
                service_name,
            ) in rows
        ]
