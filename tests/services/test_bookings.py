"""Bookings: availability, cancel and reschedule within cutoffs, add-ons, outcomes."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest

from podyx_desktop.domain.enums import (
    BookingStatus,
    PaymentMethod,
    PurchaseKind,
    PurchaseStatus,
    RefundTo,
)
from podyx_desktop.domain.errors import NotFound, RuleViolation, TimeTaken
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import AddonChoice, AvailabilityQuery
from tests.conftest import FakeClock
from tests.factories import Studio

DAY = date(2026, 6, 3)


def test_availability_blocks_the_whole_room_with_buffers(studio: Studio) -> None:
    ann = studio.client()
    studio.book(ann, studio.at(DAY, 10))  # 10:00–12:00 + 15 min buffer in Studio A
    query = AvailabilityQuery(studio.video_setup, studio.podcast, 60, DAY)
    labels = [
        s.local_start.strftime("%H:%M")
        for s in studio.services.availability.free_slots(Principal.anonymous(), query)
    ]
    assert labels[0] == "12:30"  # 12:00 end + 15 min buffer, on the 30-minute grid
    # 09:00–10:00 would leave no 15-minute buffer before the 10:00 session
    assert not {"09:00", "09:30", "10:00", "11:00", "12:00"} & set(labels)
    other_room = AvailabilityQuery(studio.roundtable_setup, studio.podcast, 60, DAY)
    assert "10:00" in [
        s.local_start.strftime("%H:%M")
        for s in studio.services.availability.free_slots(Principal.anonymous(), other_room)
    ]


def test_availability_on_dst_days_in_berlin(studio: Studio, clock: FakeClock) -> None:
    clock.now = datetime(2026, 3, 1, tzinfo=UTC)
    for day, offset_hours in ((date(2026, 3, 29), 2), (date(2026, 10, 25), 1)):
        query = AvailabilityQuery(studio.podcast_setup, studio.podcast, 60, day)
        slots = studio.services.availability.free_slots(Principal.anonymous(), query)
        assert slots[0].local_start.hour == 9
        assert slots[0].starts_at.hour == 9 - offset_hours  # UTC moved with the clocks
        assert slots[-1].local_start.hour == 20


def test_cancel_within_cutoff_refunds_as_store_credit(studio: Studio) -> None:
    ann = studio.client()
    studio.services.purchases.add_store_credit(studio.owner, ann.account.id, 12000, "test")
    result = studio.book(ann, studio.at(DAY, 10), method=PaymentMethod.STORE_CREDIT)
    assert studio.services.accounts.get(ann.principal).store_credit_minor == 0
    actions = studio.services.bookings.actions(ann.principal, result.booking.id)
    assert actions.can_cancel and actions.refund_on_cancel
    canceled = studio.services.bookings.cancel(ann.principal, result.booking.id, reason="ill")
    assert canceled.status is BookingStatus.CANCELED
    assert studio.services.accounts.get(ann.principal).store_credit_minor == 12000
    purchases = studio.services.purchases.list_for_client(ann.principal, ann.account.id)
    credit = next(p for p in purchases if p.kind is PurchaseKind.CREDIT_NOTE)
    assert credit.gross_minor == -12000 and credit.refund_of_number == "R-2026-00001"
    assert credit.receipt_number == "CN-2026-00001"
    # the slot is free again
    studio.book(ann, studio.at(DAY, 10))


def test_cancel_past_the_cutoff_is_refused_with_the_reason(
    studio: Studio, clock: FakeClock
) -> None:
    ann = studio.client()
    result = studio.book(ann, studio.at(DAY, 10))
    clock.now = studio.at(DAY, 10) - timedelta(hours=23)
    actions = studio.services.bookings.actions(ann.principal, result.booking.id)
    assert not actions.can_cancel
    assert (
        actions.cancel_reason
        and "Cancellation closed 24 h before the session" in actions.cancel_reason
    )
    with pytest.raises(RuleViolation, match="Cancellation closed 24 h"):
        studio.services.bookings.cancel(ann.principal, result.booking.id)
    # staff may (a refund: managers and owners), and it is audited as a bypass
    studio.services.bookings.cancel(
        studio.owner, result.booking.id, reason="client called", refund=RefundTo.ORIGINAL_METHOD
    )
    actions_log = [
        e.action for e in studio.services.audit.list_entries(studio.owner, entity="booking")
    ]
    assert "bypass_rules" in actions_log and "cancel_booking" in actions_log


def test_pending_booking_cancel_voids_its_purchase(studio: Studio) -> None:
    ann = studio.client()
    result = studio.book(ann, studio.at(DAY, 10))
    studio.services.bookings.cancel(ann.principal, result.booking.id)
    purchase = studio.services.purchases.get(ann.principal, result.purchase.id)  # type: ignore[union-attr]
    assert purchase.status is PurchaseStatus.VOID and purchase.receipt_number is None


def test_reschedule_keeps_the_original_and_counts(studio: Studio, clock: FakeClock) -> None:
    ann = studio.client()
    studio.services.purchases.add_store_credit(studio.owner, ann.account.id, 12000, "test")
    result = studio.book(ann, studio.at(DAY, 10), method=PaymentMethod.STORE_CREDIT)
    bookings = studio.services.bookings
    moved = bookings.reschedule(ann.principal, result.booking.id, studio.at(DAY, 14))
    assert moved.status is BookingStatus.RESCHEDULED
    assert moved.original_starts_at == studio.at(DAY, 10)
    moved = bookings.reschedule(
        ann.principal, result.booking.id, studio.at(DAY, 11)
    )  # overlaps only itself
    assert moved.reschedule_count == 2 and moved.original_starts_at == studio.at(DAY, 10)
    with pytest.raises(RuleViolation, match="rescheduled 2 times"):
        bookings.reschedule(ann.principal, result.booking.id, studio.at(DAY, 15))
    events = bookings.events(ann.principal, result.booking.id)
    assert [e.kind for e in events] == ["created", "rescheduled", "rescheduled"]
    bob = studio.client("Bob")
    other = studio.book(bob, studio.at(DAY, 16))
    with pytest.raises(TimeTaken):
        bookings.reschedule(bob.principal, other.booking.id, studio.at(DAY, 12))
    clock.now = studio.at(DAY, 16) - timedelta(hours=2)
    assert "Rescheduling closed" in (
        bookings.actions(bob.principal, other.booking.id).reschedule_reason or ""
    )


def test_add_addons_after_booking_is_a_new_purchase(studio: Studio) -> None:
    ann = studio.client()
    result = studio.book(ann, studio.at(DAY, 10))
    actions = studio.services.bookings.actions(ann.principal, result.booking.id)
    assert [a.name for a in actions.addable_addons] == ["Extra mic"]
    added = studio.services.bookings.add_addons(
        ann.principal,
        result.booking.id,
        [AddonChoice(studio.extra_mic, 2)],
        PaymentMethod.PAY_LATER,
    )
    assert added.purchase is not None and added.purchase.kind is PurchaseKind.ADDONS
    assert added.purchase.gross_minor == 2000
    assert [(a.name, a.quantity) for a in added.booking.addons] == [("Extra mic", 2)]
    assert added.booking.price_minor == 14000
    after = studio.services.bookings.actions(ann.principal, result.booking.id)
    assert not after.can_add_addons and after.addable_addons == ()
    with pytest.raises(RuleViolation, match="only be chosen when booking"):
        studio.services.bookings.add_addons(
            ann.principal,
            result.booking.id,
            [AddonChoice(studio.engineer)],
            PaymentMethod.PAY_LATER,
        )


def test_outcomes_are_staff_only_and_after_start(studio: Studio, clock: FakeClock) -> None:
    ann = studio.client()
    result = studio.book(ann, studio.at(DAY, 10))
    with pytest.raises(RuleViolation, match="once it has started"):
        studio.services.bookings.set_outcome(studio.desk, result.booking.id, BookingStatus.NO_SHOW)
    clock.now = studio.at(DAY, 13)
    done = studio.services.bookings.set_outcome(
        studio.desk, result.booking.id, BookingStatus.NO_SHOW, "did not come"
    )
    assert done.status is BookingStatus.NO_SHOW
    assert not studio.services.bookings.actions(ann.principal, result.booking.id).can_cancel


def test_clients_never_see_each_others_bookings(studio: Studio) -> None:
    ann, bob = studio.client("Ann"), studio.client("Bob")
    result = studio.book(ann, studio.at(DAY, 10))
    with pytest.raises(NotFound):
        studio.services.bookings.get(bob.principal, result.booking.id)
    with pytest.raises(NotFound):
        studio.services.bookings.list_for_client(bob.principal, ann.account.id)
    assert studio.services.bookings.list_for_client(bob.principal, bob.account.id) == []
    upcoming = studio.services.bookings.list_for_client(
        ann.principal, ann.account.id, upcoming=True
    )
    assert [b.id for b in upcoming] == [result.booking.id]
    assert (
        studio.services.bookings.list_for_client(ann.principal, ann.account.id, upcoming=False)
        == []
    )


def test_reschedule_into_another_room_picks_its_setup(studio: Studio) -> None:
    ann = studio.client()
    result = studio.book(ann, studio.at(DAY, 10))  # podcast in Studio A
    bookings = studio.services.bookings
    moved = bookings.reschedule(
        studio.owner, result.booking.id, studio.at(DAY, 13), new_room_id=studio.room_b
    )
    assert moved.room_id == studio.room_b and moved.setup_id == studio.roundtable_setup
    assert moved.starts_at == studio.at(DAY, 13)
    # Studio A is free at 10:00 again; Studio B is taken at 13:00
    bob = studio.client("Bob")
    studio.book(bob, studio.at(DAY, 10))
    other = studio.book(bob, studio.at(DAY, 16))
    with pytest.raises(TimeTaken):
        bookings.reschedule(
            studio.owner, other.booking.id, studio.at(DAY, 13), new_room_id=studio.room_b
        )
    # the same time, only another room: a move
    same = bookings.reschedule(
        studio.owner, other.booking.id, studio.at(DAY, 16), new_room_id=studio.room_b
    )
    assert same.room_id == studio.room_b and same.starts_at == studio.at(DAY, 16)


def test_reschedule_into_a_room_without_the_service_is_refused(studio: Studio) -> None:
    ann = studio.client()
    result = studio.book(
        ann, studio.at(DAY, 10), setup=studio.video_setup, service=studio.video, minutes=120
    )
    with pytest.raises(RuleViolation, match="Studio B has no setup offering Video podcast"):
        studio.services.bookings.reschedule(
            studio.owner, result.booking.id, studio.at(DAY, 13), new_room_id=studio.room_b
        )
    assert studio.services.bookings.get(studio.owner, result.booking.id).room_id == studio.room_a


def test_two_seats_moving_into_one_new_room_time_one_wins(studio: Studio) -> None:
    ann, bob = studio.client(), studio.client("Bob")
    first = studio.book(ann, studio.at(DAY, 10))
    second = studio.book(bob, studio.at(DAY, 14))
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def move(booking_id: int) -> None:
        barrier.wait()
        try:
            studio.services.bookings.reschedule(
                studio.owner, booking_id, studio.at(DAY, 17), new_room_id=studio.room_b
            )
            outcomes.append("moved")
        except TimeTaken:
            outcomes.append("taken")

    threads = [threading.Thread(target=move, args=(b.booking.id,)) for b in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["moved", "taken"]
    rooms = [
        studio.services.bookings.get(studio.owner, b.booking.id).room_id for b in (first, second)
    ]
    assert sorted(rooms) == sorted([studio.room_a, studio.room_b])
