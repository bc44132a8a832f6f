"""Who may have which calendar file: the requests run as the window runs them (their
``run`` with the services), and the services they read through check the principal."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import pytest

from podyx_desktop.domain.errors import NotAllowed, NotFound, NotSignedIn
from podyx_desktop.domain.principal import Principal
from podyx_desktop.operations.calendar import BookingCalendar, RoomCalendar, UpcomingCalendar
from podyx_desktop.services import Services
from tests.factories import Studio, build_studio

REFUSED = (NotSignedIn, NotAllowed, NotFound)
DAY = date(2026, 6, 10)


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)


def uids(data: bytes) -> list[str]:
    return [str(e["uid"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]


def test_a_client_gets_their_own_sessions_only(studio: Studio) -> None:
    s = studio.services
    ana, eve = studio.client("Ana Client"), studio.client("Eve Other")
    first = studio.book(ana, studio.at(DAY, 10)).booking
    second = studio.book(ana, studio.at(DAY, 15)).booking
    studio.book(eve, studio.at(DAY, 18))
    s.bookings.cancel(ana.principal, second.id)

    one = BookingCalendar(first.id).run(s, ana.principal)
    assert len(uids(one)) == 1 and uids(one)[0].startswith(f"booking-{first.id}-")
    upcoming = UpcomingCalendar(ana.account.id, "en").run(s, ana.principal)
    calendar = icalendar.Calendar.from_ical(upcoming)
    statuses = {str(e["uid"]).split("-")[1]: str(e["status"]) for e in calendar.walk("VEVENT")}
    assert statuses == {str(first.id): "TENTATIVE", str(second.id): "CANCELLED"}
    assert str(calendar["x-wr-calname"]) == "Test Studio — sessions"
    # in the language the window asks for; without one, the studio's (de_DE: German)
    for language in ("de", ""):
        german = icalendar.Calendar.from_ical(
            UpcomingCalendar(ana.account.id, language).run(s, ana.principal)
        )
        assert str(german["x-wr-calname"]) == "Test Studio — Termine"
        descriptions = [str(e["description"]) for e in german.walk("VEVENT")]
        assert all("Aufbau: " in d and "Buchung " in d for d in descriptions)
        assert not any("Setup:" in d or "Status:" not in d for d in descriptions)
        assert any("Status: Storniert" in d for d in descriptions)

    for principal in (eve.principal, Principal.anonymous()):
        with pytest.raises(REFUSED):
            BookingCalendar(first.id).run(s, principal)
        with pytest.raises(REFUSED):
            UpcomingCalendar(ana.account.id).run(s, principal)
    # staff may export a client's sessions for them
    assert len(uids(UpcomingCalendar(ana.account.id).run(s, studio.desk))) == 2


def test_a_rooms_calendar_is_for_staff(studio: Studio) -> None:
    s = studio.services
    ana = studio.client("Ana Client")
    in_a = studio.book(ana, studio.at(DAY, 10)).booking
    studio.book(ana, studio.at(DAY, 14), setup=studio.roundtable_setup)  # room B
    studio.book(ana, studio.at(date(2026, 6, 20), 10))  # room A, outside the days asked

    data = RoomCalendar(studio.room_a, DAY, DAY + timedelta(days=6)).run(s, studio.desk)
    calendar = icalendar.Calendar.from_ical(data)
    assert [u.split("-")[1] for u in uids(data)] == [str(in_a.id)]
    assert str(calendar["x-wr-calname"]) == "Test Studio — Studio A 2026-06-10–2026-06-16"
    assert [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]

    for principal in (ana.principal, Principal.anonymous()):
        with pytest.raises(REFUSED):
            RoomCalendar(studio.room_a, DAY, DAY).run(s, principal)
