"""The staff schedule's lean read: what the canvas draws of each booking, in two queries.

The schedule of a busy week holds thousands of bookings; building a full
:class:`~podyx_desktop.domain.records.Booking` (prices, receipts, purchases) for each is
what made it slow. This read selects plain columns — the booking joined to its client's
and service's names by id — and the add-ons' names and quantities of the same range in a
second query, with no ORM objects and no per-row queries (Core statements on the session's
connection; on SQLite each stored time is parsed by one C call, see ``db/types.py``). The
details pane loads the full booking of the one selected.
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
            # Core statements on the session's connection: no ORM row handling for rows
            # that become plain tuples anyway.
            connection = session.connection()
            booking, user, service = t.Booking.__table__, t.User.__table__, t.Service.__table__
            rows = connection.execute(
                select(
                    booking.c.id,
                    booking.c.room_id,
                    booking.c.starts_at,
                    booking.c.ends_at,
                    booking.c.blocked_until,
                    booking.c.status,
                    user.c.full_name,
                    service.c.name,
                )
                .join(user, user.c.id == booking.c.client_id)
                .join(service, service.c.id == booking.c.service_id)
                .where(booking.c.starts_at >= start, booking.c.starts_at < end)
                .order_by(booking.c.starts_at, booking.c.id)
            ).all()
            # the add-ons of the same range: joined on it, so no list of ids is bound
            addon = t.BookingAddon.__table__
            addons: dict[int, list[tuple[str, int]]] = {}
            for booking_id, name, quantity in connection.execute(
                select(addon.c.booking_id, addon.c.name, addon.c.quantity)
                .join(booking, booking.c.id == addon.c.booking_id)
                .where(booking.c.starts_at >= start, booking.c.starts_at < end)
                .order_by(addon.c.id)
            ).all():
                addons.setdefault(booking_id, []).append((name, quantity))
        statuses = {status.value: status for status in BookingStatus}
        return [
            ScheduleBooking(
                booking_id,
                room_id,
                starts_at,
                ends_at,
                blocked_until,
                statuses[status],
                client_name,
                service_name,
                tuple(addons.get(booking_id, ())),
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
