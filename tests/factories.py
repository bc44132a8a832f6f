"""A small studio for service tests, built through the services as an operator would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PaymentMethod, PromoKind, PromoTarget, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import (
    AddonChoice,
    BookingRequest,
    NewAccount,
    NewAddon,
    NewBundleProduct,
    NewPromoCode,
    NewRoom,
    NewService,
    NewSetup,
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


def build_studio(services: Services, *, prices_include_vat: bool = True) -> Studio:
    system = Principal.system()
    cat = services.catalogue
    cat.configure_studio(
        system,
        StudioSettings(
            name="Test Studio",
            time_zone="Europe/Berlin",
            currency="EUR",
            locale="de_DE",
            prices_include_vat=prices_include_vat,
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
    )
    cat.set_opening_hours(system, [OpeningInterval(d, 9 * 60, 21 * 60) for d in range(7)])
    room_a = cat.add_room(system, NewRoom("Studio A")).id
    room_b = cat.add_room(system, NewRoom("Studio B")).id
    podcast_setup = cat.add_setup(system, NewSetup(room_a, "2-person podcast")).id
    video_setup = cat.add_setup(system, NewSetup(room_a, "Video set")).id
    roundtable_setup = cat.add_setup(system, NewSetup(room_b, "Roundtable")).id
    podcast = cat.add_service(
        system,
        NewService(
            "Podcast recording", 6000, 60, 240, 30, (podcast_setup, video_setup, roundtable_setup)
        ),
    ).id
    video = cat.add_service(
        system, NewService("Video podcast", 12000, 120, 480, 60, (video_setup,), vat_rate_bp=700)
    ).id
    engineer = cat.add_addon(
        system, NewAddon("Engineer", 4000, (podcast, video), max_quantity=4)
    ).id
    extra_mic = cat.add_addon(
        system,
        NewAddon("Extra mic", 1000, (podcast,), max_quantity=4, client_can_add_after_booking=True),
    ).id
    secret = cat.add_addon(
        system, NewAddon("Staff hour", 100, (podcast,), hidden_from_clients=True)
    ).id
    product = cat.add_bundle_product(
        system,
        NewBundleProduct(
            "3 × 2 h podcast", 3, 120, 30000, (podcast_setup, roundtable_setup), (podcast,), 90
        ),
    ).id
    cat.add_promo_code(
        system, NewPromoCode("WELCOME10", PromoKind.PERCENT, 1000, max_uses_per_client=1)
    )
    cat.add_promo_code(
        system,
        NewPromoCode("VIDEO15", PromoKind.PERCENT, 1500, targets=((PromoTarget.SERVICE, video),)),
    )
    cat.add_promo_code(system, NewPromoCode("ONCE", PromoKind.FIXED, 500, max_uses=1))
    start = services.context.now()
    cat.add_promo_code(
        system,
        NewPromoCode("LATER", PromoKind.PERCENT, 500, valid_from=start + timedelta(days=10)),
    )
    cat.add_promo_code(
        system,
        NewPromoCode(
            "OLD",
            PromoKind.PERCENT,
            500,
            valid_from=start - timedelta(days=30),
            valid_to=start - timedelta(days=1),
        ),
    )
    owner = services.accounts.create_staff(
        system,
        NewAccount("Olga Owner", "owner@example.com", "+49 30 1111111", PASSWORD),
        Role.OWNER,
    )
    desk = services.accounts.create_staff(
        system,
        NewAccount("Dana Desk", "desk@example.com", "+49 30 2222222", PASSWORD),
        Role.FRONT_DESK,
    )
    return Studio(
        services=services,
        owner=Principal.user(owner.id, Role.OWNER),
        desk=Principal.user(desk.id, Role.FRONT_DESK),
        room_a=room_a,
        room_b=room_b,
        podcast_setup=podcast_setup,
        video_setup=video_setup,
        roundtable_setup=roundtable_setup,
        podcast=podcast,
        video=video,
        engineer=engineer,
        extra_mic=extra_mic,
        secret_addon=secret,
        bundle_product=product,
    )
