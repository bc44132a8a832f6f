"""Free start times for a setup, service length and day, for anyone (even signed out)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from podyx_desktop.db import tables as t
from podyx_desktop.domain.availability import Slot
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import rules, waitlist_rules
from podyx_desktop.services.context import ServiceContext, actor, owned, studio

if TYPE_CHECKING:
    from podyx_desktop.domain.requests import AvailabilityQuery


class AvailabilityService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def free_slots(self, principal: Principal, query: AvailabilityQuery) -> list[Slot]:
        """Start times on ``query.day`` (studio zone) at which the whole room is free.

        Anyone may ask (the booking page is public); a signed-in caller is re-checked.
        Rescheduling passes its booking id so the booking's own time counts as free, which
        only the booking's client or staff may do.
        """
        with self._ctx.db.read() as session:
            user = actor(session, principal)
            offer = rules.load_offer(session, studio(session), query.setup_id, query.service_id)
            rules.check_length(offer.service, query.minutes)
            exclude = None
            if query.exclude_booking_id is not None and (user is not None or principal.is_system):
                booking = session.get(t.Booking, query.exclude_booking_id)
                if booking is not None:
                    owned(session, principal, booking.client_id, "booking")
                    exclude = booking.id
            now = self._ctx.now()
            slots = rules.slots_for_day(session, offer, query.minutes, query.day, now, exclude)
            # a time held for a waitlisted client is free only to them
            return waitlist_rules.without_holds(
                session, offer, slots, now, user.id if user is not None else None
            )
