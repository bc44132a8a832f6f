"""Calendar files (iCalendar, ``.ics``) of sessions: one booking, a client's upcoming ones,
or a room's schedule.

Built from booking records with the ``icalendar`` library. Times are stored in UTC and
written in the studio's zone (``DTSTART;TZID=Europe/Berlin:…``) with that zone's
VTIMEZONE, so a calendar in any zone shows the session at the right instant and a
daylight-saving day keeps its wall-clock times. Each booking keeps one UID for good, and
its SEQUENCE rises when it is rescheduled (and once more when it is canceled), so
importing a newer file updates the event instead of adding a second one
(docs/rules.md, "Calendar files").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from podyx_desktop.documents.language import ENGLISH, Catalog, catalog, document_language
from podyx_desktop.domain import vocabulary as v
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.message import Message, m
from podyx_desktop.domain.records import Booking, StudioInfo

PRODUCT_ID = "-//Podyx//Podyx Desktop//EN"
UID_DOMAIN = "podyx-desktop"

# RFC 5545's event statuses: a booking awaiting payment approval is not certain yet.
_EVENT_STATUS = {
    BookingStatus.PENDING: "TENTATIVE",
    BookingStatus.CONFIRMED: "CONFIRMED",
    BookingStatus.RESCHEDULED: "CONFIRMED",
    BookingStatus.COMPLETED: "CONFIRMED",
    BookingStatus.NO_SHOW: "CONFIRMED",
    BookingStatus.CANCELED: "CANCELLED",
}


def _utc(moment: datetime) -> datetime:
    """``moment`` as aware UTC (records carry aware UTC; a naive one is taken as UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    """``moment`` on the studio's wall clock, or in UTC when that wall-clock time happens
    twice and ``moment`` is the second one: RFC 5545 reads a repeated local time as its
    first occurrence, so only UTC can name the second."""
    local = _utc(moment).astimezone(zone)
    if local.fold and local.utcoffset() != local.replace(fold=0).utcoffset():
        return _utc(moment)
    return local


def booking_uid(booking: Booking) -> str:
    """The booking's UID, the same in every file ever made of it: its id and the second
    it was created (ids alone could meet another studio's in one person's calendar)."""
    created = _utc(booking.created_at).strftime("%Y%m%dT%H%M%SZ")
    return f"booking-{booking.id}-{created}@{UID_DOMAIN}"


def booking_sequence(booking: Booking) -> int:
    """RFC 5545's revision number: one per reschedule, and one for the cancellation (a
    calendar replaces an event only with a higher or equal SEQUENCE)."""
    canceled = 1 if booking.status is BookingStatus.CANCELED else 0
    return booking.reschedule_count + canceled


def _location(booking: Booking, studio: StudioInfo) -> str:
    return ", ".join([f"{booking.room_name} ({booking.setup_name})", *studio.address.lines()])


def _description(booking: Booking, zone: ZoneInfo, words: Catalog) -> str:
    setup = f"{booking.room_name} — {booking.setup_name}"
    lines = [m("Setup: {setup}", setup=setup)]
    if booking.addons:
        addons = ", ".join(f"{addon.name} × {addon.quantity}" for addon in booking.addons)
        lines.append(m("Add-ons: {addons}", addons=addons))
    status = v.BOOKING_STATUS_LONG.text_in(booking.status, words.word)
    lines.append(m("Status: {status}", status=status))
    if booking.status is BookingStatus.CANCELED and booking.cancel_reason:
        lines.append(m("Reason: {reason}", reason=booking.cancel_reason))
    if booking.original_starts_at is not None:
        original = _utc(booking.original_starts_at).astimezone(zone)
        when = f"{original:%Y-%m-%d %H:%M} ({zone.key})"
        lines.append(m("Originally: {when}", when=when))
    lines.append(m("Booking {number}", number=booking.id))
    return "\n".join(line.render(words.message) for line in lines)


def booking_event(
    booking: Booking, studio: StudioInfo, stamp: datetime, words: Catalog | None = None
) -> Event:
    """One VEVENT: the session in the studio's zone, with its UID, SEQUENCE and STATUS;
    its description in the language of ``words`` (default English)."""
    zone = ZoneInfo(studio.time_zone)
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("dtstamp", _utc(stamp))
    event.add("created", _utc(booking.created_at))
    event.add("dtstart", _in_zone(booking.starts_at, zone))
    event.add("dtend", _in_zone(booking.ends_at, zone))
    event.add("summary", f"{booking.service_name} — {studio.name}")
    event.add("location", _location(booking, studio))
    event.add("description", _description(booking, zone, words or catalog(ENGLISH)))
    event.add("sequence", booking_sequence(booking))
    event.add("status", _EVENT_STATUS[booking.status])
    # A canceled session no longer blocks the person's time.
    event.add("transp", "TRANSPARENT" if booking.status is BookingStatus.CANCELED else "OPAQUE")
    return event


def render_calendar(
    bookings: Sequence[Booking],
    studio: StudioInfo,
    *,
    name: str,
    stamp: datetime | None = None,
    language: str | None = None,
) -> bytes:
    """``bookings`` as one iCalendar file named ``name`` (X-WR-CALNAME; a message: in the
    file's language), with the studio's VTIMEZONE; ``stamp`` (DTSTAMP, default now) is
    when the file was made. The events' descriptions are in ``language`` ("en", "de"; an
    unknown one: the studio's; none: English)."""
    zone = ZoneInfo(studio.time_zone)  # an unknown zone fails here, before anything is built
    words = catalog(ENGLISH if language is None else document_language(language, studio.locale))
    if isinstance(name, Message):
        name = name.render(words.message)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone.key)
    made = stamp or datetime.now(UTC)
    # The zone's rules over the years the sessions span (and one either side), not every
    # transition since 1970: a smaller file, read the same way.
    days = [_utc(b.starts_at).date() for b in bookings] or [_utc(made).date()]
    calendar.add_component(
        Timezone.from_tzid(
            zone.key,
            first_date=date(min(days).year - 1, 1, 1),
            last_date=date(max(days).year + 2, 1, 1),
        )
    )
    for booking in bookings:
        calendar.add_component(booking_event(booking, studio, made, words))
    return calendar.to_ical()
