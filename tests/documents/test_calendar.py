"""Calendar files read back: with ``icalendar`` (the library that writes them) and with a
second, independent parser (``ics``, which builds the zone from the file's own VTIMEZONE
rather than from the system's zone database), so other calendars read them the same way.

Hand-built records cover the fields and a daylight-saving day; bookings made, rescheduled
and canceled through the services cover the UID, SEQUENCE and STATUS a real booking gets.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import ics
import pytest

from podyx_desktop.documents.calendar import booking_uid, render_calendar
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.records import Address, BookedAddon, Booking, StudioInfo
from podyx_desktop.services import Services
from tests.factories import BERLIN, Studio, build_studio

STUDIO = StudioInfo(
    name="Test Studio",
    time_zone="Europe/Berlin",
    currency="EUR",
    locale="de_DE",
    prices_include_vat=True,
    default_vat_rate_bp=1900,
    vat_number="DE123456789",
    address=Address("Torstraße 1", "", "10119", "Berlin", "DE"),
    email="hello@example.com",
    phone="+493012345678",
    terms="",
    is_demo=False,
)
DST_DAY = date(2027, 3, 28)  # Berlin springs forward at 02:00 to 03:00
STAMP = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def booking(
    booking_id: int = 7,
    *,
    starts_at: datetime,
    minutes: int = 120,
    status: BookingStatus = BookingStatus.CONFIRMED,
    reschedule_count: int = 0,
    original: datetime | None = None,
) -> Booking:
    return Booking(
        id=booking_id,
        client_id=3,
        client_name="Ana Client",
        room_id=1,
        room_name="Studio A",
        setup_id=2,
        setup_name="2-person podcast",
        service_id=1,
        service_name="Podcast recording",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=minutes),
        blocked_until=starts_at + timedelta(minutes=minutes + 15),
        status=status,
        original_starts_at=original,
        reschedule_count=reschedule_count,
        addons=(BookedAddon(1, "Engineer", 2, 4000, None),),
        price_minor=20_000,
        currency="EUR",
        bundle_id=None,
        purchase_id=None,
        receipt_number=None,
        payment_method=None,
        created_at=datetime(2026, 6, 1, 9, 30, 15, 123456, tzinfo=UTC),
    )


def berlin(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def only_event(data: bytes) -> icalendar.Event:
    (event,) = events(data)
    return event


def second_parser(data: bytes) -> list[ics.Event]:
    return sorted(ics.Calendar(data.decode("utf-8")).events, key=lambda e: e.begin)


# --- the file, field by field --------------------------------------------------------------


def test_a_session_in_the_studios_zone_with_its_vtimezone() -> None:
    session = booking(starts_at=berlin(date(2026, 7, 1), 10))
    data = render_calendar([session], STUDIO, name="Test Studio — sessions", stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]) == "-//Podyx//Podyx Desktop//EN"
    assert str(calendar["x-wr-calname"]) == "Test Studio — sessions"
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in zones] == ["Europe/Berlin"]
    event = only_event(data)
    start = event.get("dtstart")
    assert start.params["TZID"] == "Europe/Berlin"
    assert event.decoded("dtstart") == datetime(2026, 7, 1, 10, 0, tzinfo=BERLIN)
    assert event.decoded("dtend") == datetime(2026, 7, 1, 12, 0, tzinfo=BERLIN)
    assert b"DTSTART;TZID=Europe/Berlin:20260701T100000" in data
    assert event.decoded("dtstamp") == STAMP
    assert str(event["uid"]) == "booking-7-20260601T093015Z@podyx-desktop"
    assert str(event["summary"]) == "Podcast recording — Test Studio"
    assert str(event["location"]) == "Studio A (2-person podcast), Torstraße 1, 10119 Berlin, DE"
    description = str(event["description"])
    assert "Setup: Studio A — 2-person podcast" in description
    assert "Add-ons: Engineer × 2" in description
    assert "Status: Confirmed" in description
    assert event.decoded("sequence") == 0
    assert str(event["status"]) == "CONFIRMED"


def test_a_daylight_saving_day_keeps_its_wall_clock_times() -> None:
    # 10:00–12:00 on the spring-forward day is 08:00–10:00 UTC (CEST), not 09:00 (CET);
    # 01:00–04:00 across the skipped hour lasts two hours.
    morning = booking(1, starts_at=berlin(DST_DAY, 10))
    night = booking(2, starts_at=datetime(2027, 3, 28, 0, 0, tzinfo=UTC), minutes=120)
    assert morning.starts_at == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    data = render_calendar([night, morning], STUDIO, name="DST", stamp=STAMP)
    first, second = events(data)
    assert first.decoded("dtstart") == datetime(2027, 3, 28, 1, 0, tzinfo=BERLIN)
    assert first.decoded("dtend") == datetime(2027, 3, 28, 4, 0, tzinfo=BERLIN)
    assert b"DTSTART;TZID=Europe/Berlin:20270328T010000" in data
    assert b"DTEND;TZID=Europe/Berlin:20270328T040000" in data
    assert b"DTSTART;TZID=Europe/Berlin:20270328T100000" in data
    assert second.decoded("dtstart").astimezone(UTC) == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    # The other parser works the instants out from the file's own VTIMEZONE.
    read = second_parser(data)
    assert [e.begin.datetime.astimezone(UTC) for e in read] == [
        datetime(2027, 3, 28, 0, 0, tzinfo=UTC),
        datetime(2027, 3, 28, 8, 0, tzinfo=UTC),
    ]
    assert [e.end.datetime.astimezone(UTC) for e in read] == [
        datetime(2027, 3, 28, 2, 0, tzinfo=UTC),
        datetime(2027, 3, 28, 10, 0, tzinfo=UTC),
    ]


def test_a_fall_back_day_in_another_zone() -> None:
    # New York falls back on 2026-11-01: 01:30 happens twice. RFC 5545 reads a repeated
    # local time as the first one, so a session at the second (06:30 UTC, EST) is written
    # in UTC; its end, 02:30 EST, is not repeated and stays on the studio's clock.
    studio = replace(STUDIO, time_zone="America/New_York")
    session = booking(starts_at=datetime(2026, 11, 1, 6, 30, tzinfo=UTC), minutes=60)
    data = render_calendar([session], studio, name="NY", stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    event = only_event(data)
    assert b"DTSTART:20261101T063000Z" in data
    assert b"DTEND;TZID=America/New_York:20261101T023000" in data
    assert event.decoded("dtstart").astimezone(UTC) == session.starts_at
    assert event.decoded("dtend").astimezone(UTC) == session.ends_at
    (read,) = second_parser(data)
    assert read.begin.datetime.astimezone(UTC) == session.starts_at
    assert read.end.datetime.astimezone(UTC) == session.ends_at
    # the first 01:30 (05:30 UTC, EDT) stays on the wall clock
    earlier = replace(session, starts_at=session.starts_at - timedelta(hours=1))
    data = render_calendar([earlier], studio, name="NY", stamp=STAMP)
    assert b"DTSTART;TZID=America/New_York:20261101T013000" in data
    (read,) = second_parser(data)
    assert read.begin.datetime.astimezone(UTC) == earlier.starts_at


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (BookingStatus.PENDING, "TENTATIVE"),
        (BookingStatus.CONFIRMED, "CONFIRMED"),
        (BookingStatus.RESCHEDULED, "CONFIRMED"),
        (BookingStatus.COMPLETED, "CONFIRMED"),
        (BookingStatus.CANCELED, "CANCELLED"),
    ],
)
def test_statuses(status: BookingStatus, expected: str) -> None:
    session = booking(starts_at=berlin(date(2026, 7, 1), 10), status=status)
    event = only_event(render_calendar([session], STUDIO, name="x", stamp=STAMP))
    assert str(event["status"]) == expected
    assert str(event["transp"]) == ("TRANSPARENT" if expected == "CANCELLED" else "OPAQUE")


def test_sequence_counts_reschedules_and_the_cancellation() -> None:
    start = berlin(date(2026, 7, 1), 10)
    moved = booking(
        starts_at=start,
        status=BookingStatus.RESCHEDULED,
        reschedule_count=2,
        original=berlin(date(2026, 6, 20), 14),
    )
    event = only_event(render_calendar([moved], STUDIO, name="x", stamp=STAMP))
    assert event.decoded("sequence") == 2
    assert "Originally: 2026-06-20 14:00 (Europe/Berlin)" in str(event["description"])
    canceled = replace(moved, status=BookingStatus.CANCELED)
    event = only_event(render_calendar([canceled], STUDIO, name="x", stamp=STAMP))
    assert event.decoded("sequence") == 3
    assert str(event["status"]) == "CANCELLED"


def test_an_empty_file_still_names_the_zone() -> None:
    data = render_calendar([], STUDIO, name="Nothing yet", stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert events(data) == []
    assert second_parser(data) == []


def test_the_uid_ignores_everything_that_may_change() -> None:
    session = booking(starts_at=berlin(date(2026, 7, 1), 10))
    moved = replace(
        session,
        starts_at=session.starts_at + timedelta(days=3),
        ends_at=session.ends_at + timedelta(days=3),
        reschedule_count=1,
        status=BookingStatus.RESCHEDULED,
        room_name="Studio B",
    )
    naive_created = replace(session, created_at=session.created_at.replace(tzinfo=None))
    assert booking_uid(session) == booking_uid(moved) == booking_uid(naive_created)
    assert booking_uid(session) != booking_uid(replace(session, id=8))


def test_the_second_parser_reads_many_sessions() -> None:
    sessions = [
        booking(i, starts_at=berlin(date(2026, 6, 1) + timedelta(days=10 * i), 9 + i % 8))
        for i in range(1, 41)
    ]
    data = render_calendar(sessions, STUDIO, name="Many", stamp=STAMP)
    read = second_parser(data)
    assert len(read) == len(sessions) == len(events(data))
    assert [e.begin.datetime.astimezone(UTC) for e in read] == [s.starts_at for s in sessions]
    assert {e.uid for e in read} == {booking_uid(s) for s in sessions}


# --- from the services: a real booking's life ----------------------------------------------


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)


def test_a_booking_keeps_its_uid_and_raises_its_sequence(studio: Studio) -> None:
    s = studio.services
    ana = studio.client("Ana Client")
    made = studio.book(ana, studio.at(date(2026, 6, 10), 10)).booking
    info = s.catalogue.studio(ana.principal)

    def exported() -> icalendar.Event:
        latest = s.bookings.get(ana.principal, made.id)
        return only_event(render_calendar([latest], info, name="Ana"))

    first = exported()
    again = exported()
    assert str(first["uid"]) == str(again["uid"])
    assert first.decoded("sequence") == 0
    assert str(first["status"]) == "TENTATIVE"  # pay later: awaiting approval

    s.bookings.reschedule(ana.principal, made.id, studio.at(date(2026, 6, 12), 14))
    moved = exported()
    assert str(moved["uid"]) == str(first["uid"])
    assert moved.decoded("sequence") == 1
    assert moved.decoded("dtstart") == datetime(2026, 6, 12, 14, 0, tzinfo=BERLIN)
    assert "Originally: 2026-06-10 10:00" in str(moved["description"])

    s.bookings.cancel(ana.principal, made.id)
    canceled = exported()
    assert str(canceled["uid"]) == str(first["uid"])
    assert str(canceled["status"]) == "CANCELLED"
    assert canceled.decoded("sequence") == 2
    (read,) = second_parser(
        render_calendar([s.bookings.get(ana.principal, made.id)], info, name="Ana")
    )
    assert read.uid == str(first["uid"])
    assert read.status == "CANCELLED"


def test_a_session_booked_on_the_dst_day(studio: Studio) -> None:
    ana = studio.client("Ana Client")
    made = studio.book(ana, studio.at(DST_DAY, 10)).booking
    assert made.starts_at == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    data = render_calendar([made], studio.services.catalogue.studio(ana.principal), name="Ana")
    assert b"DTSTART;TZID=Europe/Berlin:20270328T100000" in data
    assert b"DTEND;TZID=Europe/Berlin:20270328T120000" in data
    (read,) = second_parser(data)
    assert read.begin.datetime.astimezone(UTC) == made.starts_at
    assert read.begin.datetime.astimezone(ZoneInfo("Europe/Berlin")).hour == 10
