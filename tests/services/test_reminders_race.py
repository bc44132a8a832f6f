"""Exactly once, reminders: eight computers of one client (separate processes) ask for the
due reminders at the same moment, on a SQLite file and on PostgreSQL; each reminder is
won by exactly one of them, and a second round (the same moment, as after a restart)
wins nothing."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod
from tests.factories import Studio
from tests.services.invariants import seat
from tests.services.seats import WORKERS, Seats

pytestmark = pytest.mark.slow
DAY = date(2026, 6, 10)


def test_each_reminder_is_shown_on_exactly_one_computer(
    studio: Studio, database: Database, seats: Seats
) -> None:
    client = studio.client()
    bookings = []
    for hour in (10, 13, 16):
        booked = studio.book(client, studio.at(DAY, hour))
        assert booked.purchase is not None
        studio.services.purchases.record_payment(
            studio.desk, booked.purchase.id, PaymentMethod.CASH
        )
        bookings.append(booked.booking.id)
    now = studio.at(DAY, 9, 30)  # all three within the day-before lead, the first within 1 h
    jobs = [seat(client.principal, leads=(1440, 60)) for _ in range(WORKERS)]
    outcomes = seats.run("remind", database, now, jobs)
    assert all(kind == "ok" for kind, _ in outcomes), outcomes
    won = Counter(item for _, text in outcomes for item in text.split(",") if item)
    assert won == {
        f"{bookings[0]}@60": 1,
        f"{bookings[1]}@1440": 1,
        f"{bookings[2]}@1440": 1,
    }, outcomes
    again = seats.run("remind", database, now, jobs)
    assert again == [("ok", "")] * WORKERS, again
    with database.read() as session:
        rows = session.scalar(select(func.count()).select_from(t.ReminderShown))
    assert rows == 3
