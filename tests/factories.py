"""A small studio for service tests: :data:`TEST_STUDIO`, built through the services by the
studio builder (:mod:`podyx_desktop.demo.builder`) as an operator would."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from podyx_desktop.demo.builder import (
    AddonSpec,
    ProductSpec,
    PromoSpec,
    RoomSpec,
    ServiceSpec,
    SetupSpec,
    StaffSpec,
    StudioSpec,
    create_studio,
)
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PaymentMethod, PromoKind, PromoTarget, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import (
    AddonChoice,
    BookingRequest,
    NewAccount,
    SessionCart,
    StudioSettings,
)
from podyx_desktop.services import Services

BERLIN = ZoneInfo("Europe/Berlin")
PASSWORD = "correct horse battery"


@dataclass
class Studio:
    services: Services
    owner: Principal
    desk: Principal
    room_a: int
    room_b: int
    podcast_setup: int
    video_setup: int
    roundtable_setup: int
    podcast: int
    video: int
    engineer: int
    extra_mic: int
    secret_addon: int
    bundle_product: int

    def client(self, name: str = "Ana Client", email: str | None = None) -> SignedIn:
        email = email or f"{name.lower().replace(' ', '.')}@example.com"
        return self.services.accounts.sign_up(
            Principal.anonymous(), NewAccount(name, email, "+49 30 12345678", PASSWORD)
        )

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        """A Berlin wall-clock time as an aware UTC datetime."""
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN).astimezone(UTC)

    def book(
        self,
        who: SignedIn,
        starts_at: datetime,
        *,
        minutes: int = 120,
        setup: int | None = None,
        service: int | None = None,
        method: PaymentMethod = PaymentMethod.PAY_LATER,
        addons: tuple[AddonChoice, ...] = (),
        promo: str | None = None,
    ):  # type: ignore[no-untyped-def]
        cart = SessionCart(setup or self.podcast_setup, service or self.podcast, minutes, addons)
        return self.services.checkout.book(
            who.principal,
            BookingRequest(cart, starts_at, method, terms_accepted=True, promo_code=promo),
        )


TEST_STUDIO = StudioSpec(
    StudioSettings(
        name="Test Studio",
        time_zone="Europe/Berlin",
        currency="EUR",
        locale="de_DE",
        prices_include_vat=True,
        default_vat_rate_bp=1900,
        vat_number="DE123456789",
        address_line1="Torstraße 1",
        postal_code="10119",
        city="Berlin",
        country="DE",
        buffer_minutes=15,
        lead_time_hours=2,
        cancel_cutoff_hours=24,
        reschedule_cutoff_hours=24,
        max_reschedules=2,
    ),
    opening_hours=tuple(OpeningInterval(d, 9 * 60, 21 * 60) for d in range(7)),
    rooms=(
        RoomSpec(
            "room_a",
            "Studio A",
            setups=(
                SetupSpec("podcast_setup", "2-person podcast"),
                SetupSpec("video_setup", "Video set"),
            ),
        ),
        RoomSpec("room_b", "Studio B", setups=(SetupSpec("roundtable_setup", "Roundtable"),)),
    ),
    services=(
        ServiceSpec(
            "podcast",
            "Podcast recording",
            6000,
            60,
            240,
            30,
            ("podcast_setup", "video_setup", "roundtable_setup"),
        ),
        ServiceSpec(
            "video", "Video podcast", 12000, 120, 480, 60, ("video_setup",), vat_rate_bp=700
        ),
    ),
    addons=(
        AddonSpec("engineer", "Engineer", 4000, ("podcast", "video"), max_quantity=4),
        AddonSpec(
            "extra_mic",
            "Extra mic",
            1000,
            ("podcast",),
            max_quantity=4,
            client_can_add_after_booking=True,
        ),
        AddonSpec("secret_addon", "Staff hour", 100, ("podcast",), hidden_from_clients=True),
    ),
    products=(
        ProductSpec(
            "bundle_product",
            "3 × 2 h podcast",
            3,
            120,
            30000,
            ("podcast_setup", "roundtable_setup"),
            ("podcast",),
            90,
        ),
    ),
    promos=(  # days from the services' clock when the studio is built
        PromoSpec("WELCOME10", PromoKind.PERCENT, 1000, max_uses_per_client=1),
        PromoSpec("VIDEO15", PromoKind.PERCENT, 1500, targets=((PromoTarget.SERVICE, "video"),)),
        PromoSpec("ONCE", PromoKind.FIXED, 500, max_uses=1),
        PromoSpec("LATER", PromoKind.PERCENT, 500, from_day=10),
        PromoSpec("OLD", PromoKind.PERCENT, 500, from_day=-30, to_day=-1),
    ),
    staff=(
        StaffSpec(Role.OWNER, "Olga Owner", "owner@example.com", "+49 30 1111111"),
        StaffSpec(Role.FRONT_DESK, "Dana Desk", "desk@example.com", "+49 30 2222222"),
    ),
)


def build_studio(services: Services, *, prices_include_vat: bool = True) -> Studio:
    """:data:`TEST_STUDIO` (no clients yet: a test signs up the ones it needs)."""
    settings = replace(TEST_STUDIO.settings, prices_include_vat=prices_include_vat)
    built = create_studio(services, replace(TEST_STUDIO, settings=settings), password=PASSWORD)
    ids = built.ids
    return Studio(
        services=services,
        owner=built.staff_member(Role.OWNER),
        desk=built.staff_member(Role.FRONT_DESK),
        room_a=ids["room_a"],
        room_b=ids["room_b"],
        podcast_setup=ids["podcast_setup"],
        video_setup=ids["video_setup"],
        roundtable_setup=ids["roundtable_setup"],
        podcast=ids["podcast"],
        video=ids["video"],
        engineer=ids["engineer"],
        extra_mic=ids["extra_mic"],
        secret_addon=ids["secret_addon"],
        bundle_product=ids["bundle_product"],
    )
