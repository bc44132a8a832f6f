"""Operations on sessions: a client's lists and a booking's details, the catalogue and free
times the booking steps read, quotes, and the writes — book, cancel, reschedule, add
add-ons."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from collections.abc import Sequence

    from podyx_desktop.domain.availability import Slot
    from podyx_desktop.domain.enums import PaymentMethod
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import (
        Booking,
        BookingActions,
        BookingEvent,
        BookingResult,
        Catalogue,
    )
    from podyx_desktop.domain.requests import (
        AddonChoice,
        AvailabilityQuery,
        BookingRequest,
        Quote,
        SessionCart,
    )
    from podyx_desktop.services import Services


# --- reads ------------------------------------------------------------------------------


class ClientBookings(NamedTuple):
    """A client's upcoming and past sessions."""

    client_id: int

    def run(self, services: Services, principal: Principal) -> tuple[list[Booking], list[Booking]]:
        bookings = services.bookings
        return (
            bookings.list_for_client(principal, self.client_id, upcoming=True),
            bookings.list_for_client(principal, self.client_id, upcoming=False),
        )


class BookingDetails(NamedTuple):
    """What may be done with a booking now, and its history."""

    booking_id: int

    def run(
        self, services: Services, principal: Principal
    ) -> tuple[BookingActions, list[BookingEvent]]:
        return (
            services.bookings.actions(principal, self.booking_id),
            services.bookings.events(principal, self.booking_id),
        )


class CatalogueNow(NamedTuple):
    """What can be booked, and the studio's "now" (a calendar starts on the studio's
    today)."""

    def run(self, services: Services, principal: Principal) -> tuple[Catalogue, datetime]:
        return services.catalogue.get_catalogue(principal), services.context.now()


class FreeTimes(NamedTuple):
    query: AvailabilityQuery

    def run(self, services: Services, principal: Principal) -> tuple[datetime, list[Slot]]:
        return services.context.now(), services.availability.free_slots(principal, self.query)


class QuoteSession(NamedTuple):
    cart: SessionCart
    promo_code: str | None

    def run(self, services: Services, principal: Principal) -> Quote:
        return services.checkout.quote(principal, self.cart, self.promo_code)


# --- writes -----------------------------------------------------------------------------


class Book(NamedTuple):
    request: BookingRequest

    def run(self, services: Services, principal: Principal) -> BookingResult:
        return services.checkout.book(principal, self.request)


class CancelBooking(NamedTuple):
    booking_id: int
    reason: str = ""

    def run(self, services: Services, principal: Principal) -> Booking:
        return services.bookings.cancel(principal, self.booking_id, reason=self.reason)


class RescheduleBooking(NamedTuple):
    booking_id: int
    starts_at: datetime

    def run(self, services: Services, principal: Principal) -> Booking:
        return services.bookings.reschedule(principal, self.booking_id, self.starts_at)


class AddAddons(NamedTuple):
    booking_id: int
    choices: tuple[AddonChoice, ...]
    method: PaymentMethod

    def run(self, services: Services, principal: Principal) -> BookingResult:
        return services.bookings.add_addons(principal, self.booking_id, self.choices, self.method)


# --- the operations views call ----------------------------------------------------------


def load_client_bookings(
    seat: Seat, principal: Principal, client_id: int
) -> Op[tuple[list[Booking], list[Booking]]]:
    return Op(seat, principal, ClientBookings(client_id))


def load_booking_details(
    seat: Seat, principal: Principal, booking_id: int
) -> Op[tuple[BookingActions, list[BookingEvent]]]:
    return Op(seat, principal, BookingDetails(booking_id))


def load_catalogue(seat: Seat, principal: Principal) -> Op[tuple[Catalogue, datetime]]:
    return Op(seat, principal, CatalogueNow())


def load_free_times(
    seat: Seat, principal: Principal, query: AvailabilityQuery
) -> Op[tuple[datetime, list[Slot]]]:
    return Op(seat, principal, FreeTimes(query))


def quote_session(
    seat: Seat, principal: Principal, cart: SessionCart, promo_code: str | None
) -> Op[Quote]:
    return Op(seat, principal, QuoteSession(cart, promo_code))


def book(seat: Seat, principal: Principal, request: BookingRequest) -> Op[BookingResult]:
    return Op(seat, principal, Book(request))


def cancel_booking(
    seat: Seat, principal: Principal, booking_id: int, reason: str = ""
) -> Op[Booking]:
    return Op(seat, principal, CancelBooking(booking_id, reason))


def reschedule_booking(
    seat: Seat, principal: Principal, booking_id: int, starts_at: datetime
) -> Op[Booking]:
    return Op(seat, principal, RescheduleBooking(booking_id, starts_at))


def add_addons(
    seat: Seat,
    principal: Principal,
    booking_id: int,
    choices: Sequence[AddonChoice],
    method: PaymentMethod,
) -> Op[BookingResult]:
    return Op(seat, principal, AddAddons(booking_id, tuple(choices), method))
