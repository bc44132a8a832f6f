"""Checkout: quotes, promo refusals, payment methods, sign-up inside the booking."""

from __future__ import annotations

from datetime import date

import pytest

from podyx_desktop.db import tables as t
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseStatus
from podyx_desktop.domain.errors import (
    Conflict,
    InvalidInput,
    NoCreditLeft,
    NotAllowed,
    NotSignedIn,
    PaymentRequired,
    PromoRefused,
    RuleViolation,
    TimeTaken,
)
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.promo import PromoRefusal
from podyx_desktop.domain.requests import (
    AddonChoice,
    BookingRequest,
    NewAccount,
    SessionCart,
    StudioSettings,
)
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)


def cart(studio: Studio, minutes: int = 120, addons: tuple[AddonChoice, ...] = ()) -> SessionCart:
    return SessionCart(studio.podcast_setup, studio.podcast, minutes, addons)


def test_quote_lines_vat_and_total_inclusive(studio: Studio) -> None:
    ann = studio.client()
    quote = studio.services.checkout.quote(
        ann.principal, cart(studio, 120, (AddonChoice(studio.engineer, 2),))
    )
    summary = quote.summary
    assert [line.gross_minor for line in summary.lines] == [12000, 8000]
    assert summary.gross_minor == 20000
    assert summary.vat[0].rate_bp == 1900
    assert summary.vat[0].vat_minor == 1916 + 1277  # per line, half up: 12000*19/119, 8000*19/119
    assert summary.net_minor + summary.vat_minor == summary.gross_minor


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("NOPE", PromoRefusal.UNKNOWN),
        ("LATER", PromoRefusal.NOT_YET_VALID),
        ("OLD", PromoRefusal.EXPIRED),
        ("VIDEO15", PromoRefusal.NOT_ELIGIBLE),
    ],
)
def test_quote_explains_refused_codes(studio: Studio, code: str, reason: PromoRefusal) -> None:
    ann = studio.client()
    quote = studio.services.checkout.quote(ann.principal, cart(studio), code)
    assert quote.promo_refusal is reason
    assert quote.promo_message and code in quote.promo_message
    assert quote.summary.discount_minor == 0


def test_promo_used_up_and_already_used(studio: Studio) -> None:
    ann, bob = studio.client("Ann"), studio.client("Bob")
    first = studio.book(ann, studio.at(DAY, 10), promo="welcome10")
    assert first.purchase is not None and first.purchase.promo_code == "WELCOME10"
    assert first.purchase.discount_minor == 1200
    quote = studio.services.checkout.quote(ann.principal, cart(studio), "WELCOME10")
    assert quote.promo_refusal is PromoRefusal.ALREADY_USED
    with pytest.raises(PromoRefused, match="already used"):
        studio.book(ann, studio.at(DAY, 14), promo="WELCOME10")
    studio.book(ann, studio.at(DAY, 14), promo="ONCE")
    assert (
        studio.services.checkout.quote(bob.principal, cart(studio), "ONCE").promo_refusal
        is PromoRefusal.USED_UP
    )


def test_first_time_client_signs_up_inside_the_booking(studio: Studio) -> None:
    request = BookingRequest(
        cart(studio),
        studio.at(DAY, 10),
        PaymentMethod.PAY_LATER,
        terms_accepted=True,
        new_account=NewAccount(
            "Ελένη Παπαδοπούλου", "eleni@example.gr", "+30 21 0123 4567", PASSWORD
        ),
    )
    result = studio.services.checkout.book(Principal.anonymous(), request)
    assert result.signed_in is not None
    assert result.booking.client_name == "Ελένη Παπαδοπούλου"
    assert result.booking.status is BookingStatus.PENDING
    studio.services.accounts.resume(result.signed_in.token)


def test_a_failed_booking_leaves_nothing_behind(studio: Studio) -> None:
    ann = studio.client()
    studio.book(ann, studio.at(DAY, 10))
    request = BookingRequest(
        cart(studio),
        studio.at(DAY, 11),
        PaymentMethod.PAY_LATER,
        terms_accepted=True,
        new_account=NewAccount("New Person", "new@example.com", "+49 30 7654321", PASSWORD),
    )
    with pytest.raises(TimeTaken, match="just taken"):
        studio.services.checkout.book(Principal.anonymous(), request)
    with studio.services.db.read() as session:
        assert session.query(t.User).filter_by(email="new@example.com").count() == 0
        assert session.query(t.Purchase).count() == 1


def test_signed_out_visitor_must_sign_up_and_accept_terms(studio: Studio) -> None:
    with pytest.raises(NotSignedIn):
        studio.services.checkout.book(
            Principal.anonymous(),
            BookingRequest(cart(studio), studio.at(DAY, 10), PaymentMethod.PAY_LATER, True),
        )
    ann = studio.client()
    with pytest.raises(InvalidInput, match="terms"):
        studio.services.checkout.book(
            ann.principal, BookingRequest(cart(studio), studio.at(DAY, 10), PaymentMethod.PAY_LATER)
        )


def test_rules_refuse_bad_times(studio: Studio) -> None:
    ann = studio.client()
    with pytest.raises(RuleViolation, match="in advance"):
        studio.book(ann, studio.services.context.now())
    with pytest.raises(RuleViolation, match="opening hours"):
        studio.book(ann, studio.at(DAY, 20))  # would end at 22:00, after closing
    with pytest.raises(InvalidInput, match="steps of 30"):
        studio.book(ann, studio.at(DAY, 10), minutes=100)
    with pytest.raises(InvalidInput, match="not offered"):
        studio.book(ann, studio.at(DAY, 10), addons=(AddonChoice(studio.secret_addon),))
    studio.book(ann, studio.at(DAY, 10))
    with pytest.raises(
        TimeTaken
    ):  # the buffer after 12:00 blocks 12:00 on another setup of the room
        studio.book(ann, studio.at(DAY, 12), setup=studio.video_setup)
    studio.book(ann, studio.at(DAY, 12), setup=studio.roundtable_setup)  # another room is free


def test_payment_methods(studio: Studio) -> None:
    ann = studio.client()
    with pytest.raises(PaymentRequired):
        studio.book(ann, studio.at(DAY, 10), method=PaymentMethod.CASH)
    with pytest.raises(NoCreditLeft):
        studio.book(ann, studio.at(DAY, 10), method=PaymentMethod.STORE_CREDIT)
    studio.services.purchases.add_store_credit(studio.owner, ann.account.id, 20000, "goodwill")
    paid = studio.book(ann, studio.at(DAY, 10), method=PaymentMethod.STORE_CREDIT)
    assert paid.booking.status is BookingStatus.CONFIRMED
    assert paid.purchase is not None and paid.purchase.receipt_number == "R-2026-00001"
    assert studio.services.accounts.get(ann.principal).store_credit_minor == 8000
    pending = studio.book(ann, studio.at(DAY, 14), method=PaymentMethod.BANK_TRANSFER)
    assert pending.booking.status is BookingStatus.PENDING
    assert pending.purchase is not None and pending.purchase.receipt_number is None
    approved = studio.services.purchases.record_payment(
        studio.desk, pending.purchase.id, PaymentMethod.BANK_TRANSFER
    )
    assert approved.status is PurchaseStatus.PAID and approved.receipt_number == "R-2026-00002"
    assert (
        studio.services.bookings.get(ann.principal, pending.booking.id).status
        is BookingStatus.CONFIRMED
    )


def test_staff_book_on_behalf_with_bypass_and_price_override_audited(studio: Studio) -> None:
    ann = studio.client()
    request = BookingRequest(
        cart(studio),
        studio.at(DAY, 7),
        PaymentMethod.CASH,
        client_id=ann.account.id,
        bypass_rules=True,
        bypass_reason="early bird session",
        price_override_minor=5000,
    )
    result = studio.services.checkout.book(studio.desk, request)
    assert result.booking.status is BookingStatus.CONFIRMED
    assert result.purchase is not None and result.purchase.gross_minor == 5000
    entries = studio.services.audit.list_entries(
        studio.owner, entity="booking", entity_id=result.booking.id
    )
    assert (
        entries
        and entries[0].action == "price_override"
        and entries[0].reason == "early bird session"
    )
    with pytest.raises(NotAllowed):
        studio.services.checkout.book(ann.principal, request)


def test_past_purchases_keep_their_prices(studio: Studio) -> None:
    ann = studio.client()
    booked = studio.book(ann, studio.at(DAY, 10))
    studio.services.catalogue.set_service_rate(studio.owner, studio.podcast, 9000)
    again = studio.services.purchases.get(ann.principal, booked.purchase.id)  # type: ignore[union-attr]
    assert again.gross_minor == 12000
    assert studio.services.checkout.quote(ann.principal, cart(studio)).summary.gross_minor == 18000


def test_vat_exclusive_studio(studio: Studio) -> None:
    current = studio.services.catalogue.studio(studio.owner)
    settings = StudioSettings(
        name=current.name,
        time_zone=current.time_zone,
        currency=current.currency,
        locale=current.locale,
        prices_include_vat=False,
        default_vat_rate_bp=1900,
    )
    studio.services.catalogue.configure_studio(studio.owner, settings)
    ann = studio.client()
    quote = studio.services.checkout.quote(ann.principal, cart(studio))
    assert (
        quote.summary.net_minor == 12000
        and quote.summary.vat_minor == 2280
        and quote.summary.gross_minor == 14280
    )


def test_duplicate_email_at_checkout_is_a_conflict(studio: Studio) -> None:
    studio.client("Ann", "ann@example.com")
    request = BookingRequest(
        cart(studio),
        studio.at(DAY, 10),
        PaymentMethod.PAY_LATER,
        terms_accepted=True,
        new_account=NewAccount("Ann", "ann@example.com", "+49 30 7654321", PASSWORD),
    )
    with pytest.raises(Conflict, match="Sign in instead"):
        studio.services.checkout.book(Principal.anonymous(), request)
