"""The schedule's lean read carries what the full read says, on both engines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.errors import NotAllowed
from podyx_desktop.domain.requests import AddonChoice
from tests.factories import Studio

DAY = date(2026, 6, 10)


def test_the_lean_read_equals_the_full_read_on_its_fields(studio: Studio) -> None:
    ann, bob = studio.client(), studio.client("Bob Client")
    studio.book(ann, studio.at(DAY, 10), addons=(AddonChoice(studio.extra_mic, 2),))
    studio.book(
        bob,
        studio.at(DAY, 14),
        addons=(AddonChoice(studio.extra_mic), AddonChoice(studio.engineer)),
    )
    canceled = studio.book(bob, studio.at(DAY + timedelta(days=1), 10))
    studio.services.bookings.cancel(studio.desk, canceled.booking.id)
    studio.book(ann, studio.at(DAY, 18), service=studio.podcast, method=PaymentMethod.PAY_LATER)
    last = date(2026, 6, 12)
    bookings = studio.services.bookings
    full = bookings.schedule(studio.desk, DAY, last)
    lean = bookings.schedule_blocks(studio.desk, DAY, last)
    assert len(full) == len(lean) == 4
    assert [b.id for b in lean] == [b.id for b in full]
    for entry, booking in zip(lean, full, strict=True):
        assert entry.room_id == booking.room_id
        assert entry.starts_at == booking.starts_at
        assert entry.ends_at == booking.ends_at
        assert entry.blocked_until == booking.blocked_until
        assert entry.status is booking.status
        assert entry.client_name == booking.client_name
        assert entry.service_name == booking.service_name
        assert entry.addons == tuple((a.name, a.quantity) for a in booking.addons)
    assert "2 × " in lean[0].addons_text and lean[1].addons_text.count(", ") == 1
    # the days outside are not read
    assert bookings.schedule_blocks(studio.desk, date(2026, 6, 13), date(2026, 6, 14)) == []


def test_the_lean_read_is_for_staff(studio: Studio) -> None:
    ann = studio.client()
    with pytest.raises(NotAllowed):
        studio.services.bookings.schedule_blocks(ann.principal, DAY, DAY)
