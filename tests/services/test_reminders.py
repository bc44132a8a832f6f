"""Reminders before a session, with the FakeClock (no sleeps): due only for confirmed
sessions within the lead, once each (across a restart: new Services over the same
database), the nearest lead only, none for a lead the client booked inside, again for a
moved session's new time; a client sees only their own."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.errors import NotFound
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER, FakeClock
from tests.factories import Studio

DAY = date(2026, 6, 10)  # a Wednesday; the clock starts on Monday 1 June, 08:00 Berlin
LEADS = (1440, 60)


def _confirmed(studio: Studio, client: SignedIn, hour: int, day: date = DAY) -> int:
    booked = studio.book(client, studio.at(day, hour))
    assert booked.purchase is not None
    studio.services.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    return int(booked.booking.id)


def _due(services: Services, client: SignedIn) -> list[tuple[int, int]]:
    return [(r.booking_id, r.lead_minutes) for r in services.reminders.due(client.principal, LEADS)]


def test_due_once_at_each_lead_and_not_twice_after_a_restart(
    studio: Studio, clock: FakeClock
) -> None:
    client = studio.client()
    booking = _confirmed(studio, client, 14)
    start = studio.at(DAY, 14)
    services = studio.services
    assert _due(services, client) == []  # nine days ahead
    clock.now = start - timedelta(hours=24, minutes=1)
    assert _due(services, client) == []  # 24 h and a minute before
    clock.now = start - timedelta(hours=24)
    assert _due(services, client) == [(booking, 1440)]
    taken = services.reminders.take_due(client.principal, LEADS)
    assert [(r.booking_id, r.lead_minutes, r.session.starts_at) for r in taken] == [
        (booking, 1440, start)
    ]
    assert _due(services, client) == []
    # a restart: new Services (a new process would build them alike) over the same database
    restarted = Services(services.context.db, clock=clock, hasher=FAST_HASHER)
    assert _due(restarted, client) == []
    assert restarted.reminders.take_due(client.principal, LEADS) == []
    assert restarted.reminders.mark_shown(client.principal, booking, 1440) is False
    clock.now = start - timedelta(hours=1)
    assert [r.lead_minutes for r in restarted.reminders.take_due(client.principal, LEADS)] == [60]
    again = Services(services.context.db, clock=clock, hasher=FAST_HASHER)
    assert again.reminders.take_due(client.principal, LEADS) == []
    clock.now = start  # started: nothing more
    assert _due(again, client) == []


def test_only_confirmed_sessions_are_reminded(studio: Studio, clock: FakeClock) -> None:
    client = studio.client()
    pending = studio.book(client, studio.at(DAY, 10)).booking.id
    canceled = _confirmed(studio, client, 14)
    studio.services.bookings.cancel(client.principal, canceled)
    confirmed = _confirmed(studio, client, 18)
    clock.now = studio.at(DAY, 9, 30)
    # the pending one is 30 minutes away, the confirmed one 8.5 hours (its day-before lead)
    assert _due(studio.services, client) == [(confirmed, 1440)]
    nxt = studio.services.reminders.next_session(client.principal)
    assert nxt is not None and (nxt.booking_id, nxt.confirmed) == (pending, False)


def test_a_computer_that_was_off_shows_only_the_nearest_lead(
    studio: Studio, clock: FakeClock
) -> None:
    client = studio.client()
    booking = _confirmed(studio, client, 14)
    clock.now = studio.at(DAY, 13, 30)
    assert _due(studio.services, client) == [(booking, 60)]
    assert studio.services.reminders.mark_shown(client.principal, booking, 60) is True
    assert _due(studio.services, client) == []  # not the day-before one afterwards either


def test_no_reminder_for_a_lead_the_client_booked_inside(
    studio: Studio, clock: FakeClock
) -> None:
    client = studio.client()
    clock.now = studio.at(DAY, 8)
    booking = _confirmed(studio, client, 16)  # booked 8 hours ahead
    assert _due(studio.services, client) == []
    clock.now = studio.at(DAY, 15)
    assert _due(studio.services, client) == [(booking, 60)]


def test_a_moved_session_is_reminded_of_for_its_new_time(
    studio: Studio, clock: FakeClock
) -> None:
    client = studio.client()
    booking = _confirmed(studio, client, 14)
    clock.now = studio.at(DAY, 13)
    assert studio.services.reminders.mark_shown(client.principal, booking, 60) is True
    clock.now = studio.at(date(2026, 6, 1), 12)
    studio.services.bookings.reschedule(client.principal, booking, studio.at(DAY, 18))
    clock.now = studio.at(DAY, 17)
    assert _due(studio.services, client) == [(booking, 60)]


def test_a_client_sees_and_marks_only_their_own(studio: Studio, clock: FakeClock) -> None:
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    booking = _confirmed(studio, ana, 14)
    clock.now = studio.at(DAY, 13)
    assert _due(studio.services, ben) == []
    with pytest.raises(NotFound):
        studio.services.reminders.mark_shown(ben.principal, booking, 60)
    assert studio.services.reminders.due(studio.desk, LEADS) == []  # staff have none
    assert studio.services.reminders.take_due(ana.principal, LEADS) != []


def test_leads_not_offered_are_ignored(studio: Studio, clock: FakeClock) -> None:
    client = studio.client()
    _confirmed(studio, client, 14)
    clock.now = studio.at(DAY, 13, 59)
    assert studio.services.reminders.due(client.principal, (1,)) == []
    assert studio.services.reminders.due(client.principal, ()) == []

