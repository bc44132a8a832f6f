"""Operations of the studio's desk on one booking: what may be done with it now, approving
or refusing a pending payment, cancelling with the money decision, recording the outcome,
a manager's new price, moving it; and the day's arrivals.

The services check every role again (front desk, manager, owner); the desk's widgets only
show what they would refuse.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseStatus, RefundTo
from podyx_desktop.domain.errors import InvalidInput, RuleViolation
from podyx_desktop.domain.message import m
from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import Booking, BookingActions, Purchase
    from podyx_desktop.services import Services

# Pending bookings counted on the Today panel: today and the days after it.
AWAITING_DAYS = 30


class DeskState(NamedTuple):
    """One booking as the desk acts on it: the booking, what the services allow with it,
    its purchase (None when a bundle credit paid) and the studio's now."""

    booking: Booking
    actions: BookingActions
    purchase: Purchase | None
    now: datetime


class TodayAtDesk(NamedTuple):
    """The studio's day: its sessions in order (canceled ones left out) and how many
    bookings from today on await the desk's approval."""

    day: date
    arrivals: list[Booking]
    awaiting_approval: int


# --- reads ------------------------------------------------------------------------------


class LoadDeskState(NamedTuple):
    booking_id: int

    def run(self, services: Services, principal: Principal) -> DeskState:
        booking = services.bookings.get(principal, self.booking_id)
        purchase = (
            services.purchases.get(principal, booking.purchase_id)
            if booking.purchase_id is not None
            else None
        )
        return DeskState(
            booking,
            services.bookings.actions(principal, self.booking_id),
            purchase,
            services.context.now(),
        )


class LoadToday(NamedTuple):
    def run(self, services: Services, principal: Principal) -> TodayAtDesk:
        from podyx_desktop.domain.availability import studio_zone

        zone = studio_zone(services.catalogue.studio(principal).time_zone)
        today = services.context.now().astimezone(zone).date()
        ahead = services.bookings.schedule(principal, today, today + timedelta(AWAITING_DAYS))
        arrivals = [
            b
            for b in ahead
            if b.starts_at.astimezone(zone).date() == today
            and b.status is not BookingStatus.CANCELED
        ]
        awaiting = sum(1 for b in ahead if b.status is BookingStatus.PENDING)
        return TodayAtDesk(today, arrivals, awaiting)


# --- writes -----------------------------------------------------------------------------


class ApprovePayment(NamedTuple):
    """Record the payment of a pending purchase with the method actually used: the receipt
    is issued and a pending booking confirmed."""

    purchase_id: int
    method: PaymentMethod

    def run(self, services: Services, principal: Principal) -> Purchase:
        return services.purchases.record_payment(principal, self.purchase_id, self.method)


class RefuseBooking(NamedTuple):
    """Refuse a pending booking (pay later, bank transfer that never came): it is canceled
    with the reason, its time freed and its open payment withdrawn."""

    booking_id: int
    reason: str

    def run(self, services: Services, principal: Principal) -> Booking:
        if not self.reason.strip():
            raise InvalidInput(m("Give the client a reason for the refusal."), field="reason")
        return services.bookings.cancel(
            principal,
            self.booking_id,
            reason=self.reason.strip(),
            only_if=BookingStatus.PENDING,
        )


class CancelAtDesk(NamedTuple):
    """Cancel with the desk's decision for a late cancellation: ``refund`` None keeps the
    charge (or the studio's in-cutoff default); ``return_credit`` None keeps the default."""

    booking_id: int
    reason: str
    refund: RefundTo | None = None
    return_credit: bool | None = None

    def run(self, services: Services, principal: Principal) -> Booking:
        return services.bookings.cancel(
            principal,
            self.booking_id,
            reason=self.reason.strip(),
            refund=self.refund,
            return_credit=self.return_credit,
        )


class RecordOutcome(NamedTuple):
    booking_id: int
    status: BookingStatus
    reason: str = ""

    def run(self, services: Services, principal: Principal) -> Booking:
        return services.bookings.set_outcome(principal, self.booking_id, self.status, self.reason)


class OverridePrice(NamedTuple):
    purchase_id: int
    new_total_minor: int
    reason: str

    def run(self, services: Services, principal: Principal) -> Purchase:
        return services.purchases.override_price(
            principal, self.purchase_id, self.new_total_minor, self.reason
        )


class MoveBooking(NamedTuple):
    """Move a session to another start, in its room or (``room_id``) another one;
    ``bypass_rules`` with a reason for a move outside the studio's rules (audited)."""

    booking_id: int
    starts_at: datetime
    bypass_rules: bool = False
    reason: str = ""
    room_id: int | None = None

    def run(self, services: Services, principal: Principal) -> Booking:
        if self.bypass_rules and not self.reason.strip():
            raise InvalidInput(
                m("Give a reason for moving the session outside the studio's rules."),
                field="reason",
            )
        return services.bookings.reschedule(
            principal,
            self.booking_id,
            self.starts_at,
            bypass_rules=self.bypass_rules,
            reason=self.reason.strip(),
            new_room_id=self.room_id,
        )


# --- the operations views call ----------------------------------------------------------


def load_desk_state(seat: Seat, principal: Principal, booking_id: int) -> Op[DeskState]:
    return Op(seat, principal, LoadDeskState(booking_id))


def load_today(seat: Seat, principal: Principal) -> Op[TodayAtDesk]:
    return Op(seat, principal, LoadToday())


def approve_payment(
    seat: Seat, principal: Principal, purchase_id: int, method: PaymentMethod
) -> Op[Purchase]:
    return Op(seat, principal, ApprovePayment(purchase_id, method))


def refuse_booking(seat: Seat, principal: Principal, booking_id: int, reason: str) -> Op[Booking]:
    return Op(seat, principal, RefuseBooking(booking_id, reason))


def cancel_at_desk(
    seat: Seat,
    principal: Principal,
    booking_id: int,
    reason: str,
    *,
    refund: RefundTo | None = None,
    return_credit: bool | None = None,
) -> Op[Booking]:
    return Op(seat, principal, CancelAtDesk(booking_id, reason, refund, return_credit))


def record_outcome(
    seat: Seat, principal: Principal, booking_id: int, status: BookingStatus
) -> Op[Booking]:
    return Op(seat, principal, RecordOutcome(booking_id, status))


def override_price(
    seat: Seat, principal: Principal, purchase_id: int, new_total_minor: int, reason: str
) -> Op[Purchase]:
    return Op(seat, principal, OverridePrice(purchase_id, new_total_minor, reason))


class DragOutcome(NamedTuple):
    """A drop's answer: the moved booking, or the studio rule that refused it (which the
    desk may then set aside with a reason). A taken time is an error, not a refusal: no
    reason moves a session over another."""

    booking: Booking | None
    refused_by_rule: str | None = None


class DragMove(NamedTuple):
    """A block dropped on the schedule: a move within the studio's rules."""

    booking_id: int
    starts_at: datetime
    room_id: int | None = None

    def run(self, services: Services, principal: Principal) -> DragOutcome:
        try:
            moved = MoveBooking(self.booking_id, self.starts_at, room_id=self.room_id).run(
                services, principal
            )
        except RuleViolation as refusal:  # its transaction was rolled back: nothing moved
            return DragOutcome(None, refusal.message)
        return DragOutcome(moved)


def drag_move(
    seat: Seat, principal: Principal, booking_id: int, starts_at: datetime, room_id: int
) -> Op[DragOutcome]:
    return Op(seat, principal, DragMove(booking_id, starts_at, room_id))


def move_booking(
    seat: Seat,
    principal: Principal,
    booking_id: int,
    starts_at: datetime,
    *,
    bypass_rules: bool = False,
    reason: str = "",
    room_id: int | None = None,
) -> Op[Booking]:
    return Op(seat, principal, MoveBooking(booking_id, starts_at, bypass_rules, reason, room_id))


def awaiting_payment(purchase: Purchase | None) -> bool:
    return purchase is not None and purchase.status is PurchaseStatus.AWAITING_PAYMENT
