"""The demo studio's script: its catalogue, its people and eight weeks of their sessions.

:data:`STUDIO` describes the studio, its catalogue and its people for
:mod:`podyx_desktop.demo.builder`; the plans after it (bundles, sessions) are the demo's own
story, which :mod:`podyx_desktop.demo.load` plays through the services. Days are counted
from today (negative: the past); hours are the studio's local wall-clock hours, taken as
"at or after" (the demo books the first free time from there).
"""

from __future__ import annotations

import io
import math
import struct
import wave
from dataclasses import dataclass
from functools import cache

from podyx_desktop.demo.builder import (
    AddonSpec,
    ClosedDaySpec,
    Person,
    ProductSpec,
    PromoSpec,
    RoomSpec,
    ServiceSpec,
    SetupSpec,
    StaffSpec,
    StudioSpec,
)
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PaymentMethod, PromoKind, PromoTarget, Role
from podyx_desktop.domain.requests import StudioSettings

DEMO_PASSWORD = "podyx-demo-2026"
TIME_ZONE = "Europe/Berlin"

SETTINGS = StudioSettings(
    name="Podyx Demo Studio",
    time_zone=TIME_ZONE,
    currency="EUR",
    locale="de_DE",
    prices_include_vat=True,
    default_vat_rate_bp=1900,
    vat_number="DE 312 456 789",
    address_line1="Torstraße 118",
    address_line2="Hinterhaus, 2. OG",
    postal_code="10119",
    city="Berlin",
    country="DE",
    email="hello@podyx-demo.example",
    phone="+49 30 23125600",
    terms=(
        "Sessions can be canceled or moved free of charge up to 24 hours before they start; "
        "later cancellations are charged in full. Bundles are valid for the days stated from "
        "purchase. Files are kept for 90 days after a session. Prices include 19 % VAT."
    ),
    buffer_minutes=15,
    lead_time_hours=2,
    cancel_cutoff_hours=24,
    reschedule_cutoff_hours=24,
    max_reschedules=2,
    is_demo=True,
)

ROOMS = (
    RoomSpec(
        "room_a",
        "Studio A",
        "Our large live room with a window to the control room.",
        (
            SetupSpec(
                "podcast", "2-person podcast", "Two Shure SM7B mics, a table and headphones."
            ),
            SetupSpec(
                "video", "Video set", "Three cameras, lights and a backdrop for video podcasts."
            ),
        ),
    ),
    RoomSpec(
        "room_b",
        "Studio B",
        "A quiet, treated room for roundtables and interviews.",
        (SetupSpec("roundtable", "4-person roundtable", "Four mics around a round table."),),
    ),
)

SERVICES = (
    ServiceSpec(
        "podcast_service",
        "Podcast recording",
        6000,
        60,
        240,
        30,
        ("podcast", "video", "roundtable"),
        "Audio recording of your show, multitrack and a rough mix to take home.",
    ),
    ServiceSpec(
        "video_service",
        "Video podcast",
        12000,
        120,
        480,
        60,
        ("video",),
        "Multi-camera video recording with sound; camera files and a rough cut.",
    ),
)

ADDONS = (
    AddonSpec(
        "engineer",
        "Engineer",
        4000,
        ("podcast_service", "video_service"),
        "A sound engineer runs the session (per hour).",
        max_quantity=4,
    ),
    AddonSpec(
        "extra_mic",
        "Extra mic",
        1000,
        ("podcast_service", "video_service"),
        "One more microphone and headphones for a guest.",
        max_quantity=4,
        client_can_add_after_booking=True,
    ),
    AddonSpec(
        "video_edit",
        "Video edit",
        15000,
        ("video_service",),
        "An edited episode with titles, delivered within five working days.",
        client_can_add_after_booking=True,
    ),
    AddonSpec(
        "staff_hour",
        "Staff discount hour",
        2000,
        ("podcast_service",),
        "An extra hour at the staff rate; offered by the front desk only.",
        max_quantity=2,
        hidden_from_clients=True,
    ),
)

PRODUCTS = (
    ProductSpec(
        "five",
        "5 × 2 h podcast",
        5,
        120,
        50000,
        ("podcast", "roundtable"),
        ("podcast_service",),
        180,
        "Five two-hour podcast sessions, valid for six months.",
    ),
    ProductSpec(
        "ten",
        "10 × 2 h podcast",
        10,
        120,
        90000,
        ("podcast", "roundtable"),
        ("podcast_service",),
        365,
        "Ten two-hour podcast sessions, valid for a year.",
    ),
    ProductSpec(
        "trial",
        "3 × 1 h trial",
        3,
        60,
        15000,
        ("podcast",),
        ("podcast_service",),
        30,
        "Three one-hour sessions to try the studio, valid for 30 days.",
    ),
)

PROMOS = (  # days from today
    PromoSpec("WELCOME10", PromoKind.PERCENT, 1000, max_uses_per_client=1),
    PromoSpec("SPRING25", PromoKind.FIXED, 2500, from_day=-75, to_day=-30, max_uses=100),
    PromoSpec("VIDEO15", PromoKind.PERCENT, 1500, ((PromoTarget.SERVICE, "video_service"),)),
)

STAFF = (
    StaffSpec(Role.OWNER, "Katrin Vogel", "owner@podyx-demo.example", "+49 30 23125601"),
    StaffSpec(Role.MANAGER, "Jonas Albrecht", "manager@podyx-demo.example", "+49 30 23125602"),
    StaffSpec(Role.FRONT_DESK, "Mara Schulz", "desk@podyx-demo.example", "+49 30 23125603"),
)

CLIENTS = (
    Person("Đorđe Šćepanović", "dorde.scepanovic@example.com", "+381 64 1234567"),
    Person("Ελένη Παπαδοπούλου", "eleni.papadopoulou@example.com", "+30 694 123 4567"),
    Person("Иван Петров", "ivan.petrov@example.com", "+7 912 345 67 89"),
    Person("Zoë Łukasiewicz", "zoe.lukasiewicz@example.com", "+48 512 345 678"),
    Person("Mateo Núñez", "mateo.nunez@example.com", "+34 612 34 56 78"),
    Person("Siobhán Ó Briain", "siobhan.obriain@example.com", "+353 85 123 4567"),
    Person("Anna Schmidt", "anna.schmidt@example.com", "+49 151 23456789"),
    Person("Lukas Müller", "lukas.mueller@example.com", "+49 30 23125678"),
    Person("Sarah Johnson", "sarah.johnson@example.com", "+44 20 7946 0958"),
    Person("Emily Carter", "emily.carter@example.com", "+1 415 555 2671"),
    Person("Camille Dubois", "camille.dubois@example.com", "+33 6 12 34 56 78"),
    Person("Ayşe Yılmaz", "ayse.yilmaz@example.com", "+90 532 123 45 67"),
    Person("João Silva", "joao.silva@example.com", "+351 912 345 678"),
    Person("Sanne de Vries", "sanne.devries@example.com", "+31 6 12345678"),
    Person("Björn Lindqvist", "bjorn.lindqvist@example.com", "+46 70 123 45 67"),
    Person("Giulia Rossi", "giulia.rossi@example.com", "+39 312 345 6789"),
    Person("Tomáš Dvořák", "tomas.dvorak@example.com", "+420 601 123 456"),
    Person("Олена Коваленко", "olena.kovalenko@example.com", "+380 50 123 4567"),
    Person("Nguyễn Thị Minh Anh", "minhanh.nguyen@example.com", "+84 91 234 56 78"),
    Person("Jonas Becker", "jonas.becker@example.com", "+49 170 2345678"),
)


STUDIO = StudioSpec(
    SETTINGS,
    opening_hours=tuple(OpeningInterval(day, 9 * 60, 21 * 60) for day in range(6)),  # Mon–Sat
    # the first Wednesday ten days or more from today
    closed_days=(ClosedDaySpec(10, "Staff training day", weekday=2),),
    rooms=ROOMS,
    services=SERVICES,
    addons=ADDONS,
    products=PRODUCTS,
    promos=PROMOS,
    staff=STAFF,
    clients=CLIENTS,
)


@dataclass(frozen=True)
class BundlePlan:
    client: int  # index into CLIENTS
    day: int
    product: str
    how: str  # "desk" (sold at the desk by card), "transfer" (bought online), "issue"
    promo: str | None = None
    sessions: int | None = None  # issued bundles only
    reason: str = ""
    refund_after_days: int | None = None


BUNDLES = (
    BundlePlan(2, -58, "trial", "issue", reason="Welcome trial for a new show"),
    BundlePlan(0, -52, "five", "desk", promo="WELCOME10"),
    BundlePlan(1, -42, "ten", "transfer"),
    BundlePlan(
        7,
        -36,
        "five",
        "desk",
        reason="Moving abroad; unused bundle refunded.",
        refund_after_days=15,
    ),
    BundlePlan(3, -25, "five", "issue", sessions=2, reason="Prize: podcast competition winner"),
)

PAYMENT = {
    "desk": PaymentMethod.CARD_AT_DESK,
    "cash": PaymentMethod.CASH,
    "later": PaymentMethod.PAY_LATER,
    "transfer": PaymentMethod.BANK_TRANSFER,
    "credit": PaymentMethod.STORE_CREDIT,
}


@dataclass(frozen=True)
class SessionPlan:
    client: int
    day: int
    hour: int
    setup: str = "podcast"
    service: str = "podcast_service"
    minutes: int = 120
    pay: str = "later"  # a PAYMENT key, or "bundle" (the client's bundle of BUNDLES)
    addons: tuple[tuple[str, int], ...] = ()
    promo: str | None = None
    # what happens next: "" (completed if past), "no_show", "notes" (completed, with notes
    # and files), "canceled" (by the client), "staff_cancel", "rescheduled" (by the
    # client), "addon" (the client adds mics later), "unpaid" (a transfer never recorded)
    then: str = ""
    reason: str = ""
    price_override_minor: int | None = None
    bypass_at: tuple[int, int] | None = None  # staff book outside the rules at (hour, min)


SESSIONS = (
    # the past eight weeks
    SessionPlan(2, -52, 10, minutes=60, pay="bundle"),
    SessionPlan(
        5,
        -54,
        14,
        setup="roundtable",
        minutes=180,
        pay="desk",
        addons=(("engineer", 3),),
        then="notes",
    ),
    SessionPlan(8, -51, 11),
    SessionPlan(
        9,
        -49,
        16,
        setup="video",
        service="video_service",
        minutes=180,
        pay="desk",
        addons=(("engineer", 3), ("video_edit", 1)),
    ),
    SessionPlan(0, -47, 10, pay="bundle", then="notes"),
    SessionPlan(10, -46, 13, promo="SPRING25"),
    SessionPlan(11, -44, 18, minutes=90, pay="desk", then="no_show"),
    SessionPlan(4, -40, 12, pay="transfer", then="canceled", reason="Our guest cancelled."),
    SessionPlan(
        12, -39, 15, setup="roundtable", minutes=240, pay="desk", addons=(("extra_mic", 2),)
    ),
    SessionPlan(13, -37, 10, then="staff_cancel", reason="The client called in sick."),
    SessionPlan(1, -35, 11, pay="bundle"),
    SessionPlan(
        14,
        -33,
        17,
        setup="video",
        service="video_service",
        pay="transfer",
        promo="VIDEO15",
        then="notes",
    ),
    SessionPlan(6, -31, 9, minutes=60, promo="WELCOME10"),
    SessionPlan(15, -29, 14, pay="desk", then="rescheduled", reason="Guest arrives later."),
    SessionPlan(0, -27, 10, pay="bundle"),
    SessionPlan(16, -24, 19, minutes=90, pay="cash"),
    SessionPlan(3, -20, 12, pay="bundle"),
    SessionPlan(17, -18, 11, setup="roundtable", minutes=150, then="notes"),
    SessionPlan(1, -16, 15, pay="bundle"),
    SessionPlan(
        18,
        -13,
        13,
        setup="video",
        service="video_service",
        minutes=240,
        pay="desk",
        addons=(("engineer", 4),),
    ),
    SessionPlan(19, -11, 10, pay="transfer"),
    SessionPlan(0, -9, 16, pay="bundle", then="no_show"),
    SessionPlan(7, -7, 12, minutes=60, pay="desk"),
    SessionPlan(5, -5, 14, setup="roundtable", minutes=180),
    SessionPlan(
        8,
        -3,
        18,
        pay="desk",
        addons=(("staff_hour", 1),),
        price_override_minor=9000,
        reason="Regular client rate",
    ),
    SessionPlan(9, -2, 11, setup="video", service="video_service"),
    # upcoming
    SessionPlan(0, 6, 10, pay="bundle"),
    SessionPlan(1, 4, 14, pay="bundle"),
    SessionPlan(1, 12, 14, pay="bundle", then="canceled", reason="Holiday plans changed."),
    SessionPlan(3, 8, 11, pay="bundle"),
    SessionPlan(4, 3, 15, minutes=60, pay="credit"),
    SessionPlan(6, 2, 10),
    SessionPlan(8, 5, 17, then="addon"),
    SessionPlan(
        10,
        9,
        12,
        setup="video",
        service="video_service",
        minutes=180,
        pay="transfer",
        then="unpaid",
    ),
    SessionPlan(12, 7, 13, setup="roundtable", minutes=240, pay="desk"),
    SessionPlan(14, 10, 16, pay="desk", then="rescheduled", reason="Clash with a work trip."),
    SessionPlan(16, 3, 19, minutes=90, pay="cash"),
    SessionPlan(19, 14, 11, then="canceled", reason="Recording postponed."),
    SessionPlan(9, 1, 15, setup="video", service="video_service", pay="desk", promo="VIDEO15"),
    SessionPlan(17, 11, 10, pay="transfer"),
    SessionPlan(
        15,
        5,
        0,
        minutes=60,
        pay="desk",
        bypass_at=(21, 30),
        reason="Late-night live show; agreed with the manager.",
    ),
)

# The files it names are shared with the same booking (load.notes_and_files): the Files tab
# lists them, and so does the session summary; the link is clickable in the booking's notes.
VISIBLE_NOTE = (
    "Thanks for a great session, {name}! The rough mix and the final edit are shared with "
    "this session: see your Files tab or the session summary. The final edit is also here: "
    "{link}"
)
INTERNAL_NOTE = "Prefers the SM7B mics and a ten-minute sound check. Usually pays by card."
GENERAL_NOTE = (
    "Hi {name}, from next month the studio opens at 8:00 on Saturdays. Parking and door "
    "codes: https://example.com/podyx-demo/arriving"
)


@cache
def demo_wav() -> bytes:
    """Half a second of a quiet 440 Hz tone: a small, real audio file to download."""
    rate = 8000
    frames = b"".join(
        struct.pack("<h", int(1200 * math.sin(2 * math.pi * 440 * i / rate)))
        for i in range(rate // 2)
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()
