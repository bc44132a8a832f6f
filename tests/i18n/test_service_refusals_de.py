"""The services' refusals reach the window in German: real service calls on a real SQLite
database (and, over the studio server, a real server in this process), shown through
``gui.tasks.user_message`` with the project's own compiled ``podyx_de.ts``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from podyx_desktop.domain import message
from podyx_desktop.domain.bundle_choice import bundle_for_session
from podyx_desktop.domain.errors import (
    AccountLocked,
    PodyxError,
    RuleViolation,
    SignInFailed,
    TimeTaken,
)
from podyx_desktop.domain.message import Message, shown
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.promo import PromoRefusal
from podyx_desktop.domain.records import Bundle
from podyx_desktop.domain.requests import NewAccount, NewSetup, SessionCart
from podyx_desktop.gui.tasks import user_message
from podyx_desktop.operations.bookings import QuoteSession
from podyx_desktop.resources.translations_build import SOURCES
from podyx_desktop.server.app import create_app
from podyx_desktop.server.guard import AddressLimit
from podyx_desktop.server.ops import BY_NAME
from podyx_desktop.services import Services
from podyx_desktop.services.validation import clean_email
from podyx_desktop.sync.api import StudioApi
from tests.conftest import FAST_HASHER, FakeClock
from tests.factories import PASSWORD, Studio, build_studio

DAY = date(2026, 6, 3)


@pytest.fixture
def german(translate_with: Callable[[Path], None]) -> None:
    """The window's German, compiled from the project's own translation source."""
    translate_with(SOURCES / "podyx_de.ts")


@pytest.fixture
def studio(sqlite_database, clock: FakeClock) -> Studio:  # type: ignore[no-untyped-def]
    return build_studio(Services(sqlite_database, clock=clock, hasher=FAST_HASHER))


def refusal(call, *args, **kwargs) -> PodyxError:  # type: ignore[no-untyped-def]
    with pytest.raises(PodyxError) as raised:
        call(*args, **kwargs)
    error = raised.value
    assert isinstance(error.message, Message), f"an English f-string: {error.message!r}"
    return error


def test_a_cancel_after_the_cutoff_is_refused_in_german(
    studio: Studio, clock: FakeClock, german: None
) -> None:
    ann = studio.client()
    booked = studio.book(ann, studio.at(DAY, 10))
    clock.now = studio.at(DAY, 10) - timedelta(hours=23)
    error = refusal(studio.services.bookings.cancel, ann.principal, booked.booking.id)
    assert isinstance(error, RuleViolation)
    assert str(error) == (
        "Cancellation closed 24 h before the session. Please contact the studio."
    )  # logs and the command line stay English
    assert user_message(error) == (
        "Stornierungen waren bis 24 Std. vor dem Termin möglich. "
        "Bitte wenden Sie sich an das Studio."
    )
    # the reason the window shows beside the disabled button, from a record
    actions = studio.services.bookings.actions(ann.principal, booked.booking.id)
    assert message.shown(actions.cancel_reason or "") == user_message(error)


def test_a_refusal_with_a_translated_word_inside_reads_german(
    studio: Studio, clock: FakeClock, german: None
) -> None:
    ann = studio.client()
    booked = studio.book(ann, studio.at(DAY, 10))
    studio.services.bookings.cancel(ann.principal, booked.booking.id)
    error = refusal(
        studio.services.bookings.reschedule, ann.principal, booked.booking.id, studio.at(DAY, 15)
    )
    assert isinstance(error, RuleViolation)
    assert str(error) == "This session is canceled; it cannot be rescheduled."
    # the verb ("rescheduled") is a sentence of its own, translated inside this one
    assert (
        user_message(error) == "Dieser Termin ist storniert; er kann nicht mehr verschoben werden."
    )


def test_a_taken_time_is_refused_in_german(studio: Studio, german: None) -> None:
    studio.book(studio.client("Ann"), studio.at(DAY, 10))
    bob = studio.client("Bob")
    error = refusal(studio.book, bob, studio.at(DAY, 10))
    assert isinstance(error, TimeTaken)
    assert (
        user_message(error)
        == "Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere Zeit."
    )


def test_a_wrong_password_and_a_locked_account_in_german(studio: Studio, german: None) -> None:
    studio.client("Ann", "ann@example.com")
    for _ in range(5):
        error = refusal(studio.services.accounts.sign_in, "ann@example.com", "wrong password!")
        assert isinstance(error, SignInFailed)
    assert user_message(error) == (
        "E-Mail-Adresse oder Passwort sind nicht korrekt. "
        "Prüfen Sie beides und versuchen Sie es erneut."
    )
    locked = refusal(studio.services.accounts.sign_in, "ann@example.com", PASSWORD)
    assert isinstance(locked, AccountLocked)
    assert str(locked).startswith("This account is locked")
    assert user_message(locked) == (
        "Dieses Konto ist nach zu vielen fehlgeschlagenen Anmeldungen gesperrt. Versuchen Sie "
        "es in 15 Minuten erneut, oder bitten Sie das Studio um Hilfe."
    )


def test_a_sign_up_with_a_bad_phone_number_keeps_its_field_in_german(
    studio: Studio, german: None
) -> None:
    error = refusal(
        studio.services.accounts.sign_up,
        Principal.anonymous(),
        NewAccount("Ann", "ann@example.com", "12", PASSWORD),
    )
    assert user_message(error) == (
        "„12“ ist keine gültige Telefonnummer. Prüfen Sie die Ziffern und die Ländervorwahl."
    )


def test_a_refusal_on_the_studio_server_reaches_the_client_window_in_german(
    studio: Studio, clock: FakeClock, german: None
) -> None:
    ann = studio.client("Ann", "ann@example.com")
    booked = studio.book(ann, studio.at(DAY, 10))
    clock.now = studio.at(DAY, 10) - timedelta(hours=23)
    app = create_app(studio.services, sign_in_limit=AddressLimit(1000))
    with TestClient(app) as server:
        # the client's own API object, talking HTTP to the server in this process
        api = StudioApi("http://testserver", transport=server._transport)
        try:
            wrong = refusal(api.sign_in, "ann@example.com", "wrong password!", "laptop")
            assert user_message(wrong) == (
                "E-Mail-Adresse oder Passwort sind nicht korrekt. "
                "Prüfen Sie beides und versuchen Sie es erneut."
            )
            api.sign_in("ann@example.com", PASSWORD, "laptop")
            late = refusal(
                api.request, "POST", "/v1/ops/CancelBooking", json={"booking_id": booked.booking.id}
            )
            assert isinstance(late, RuleViolation)
            assert user_message(late) == (
                "Stornierungen waren bis 24 Std. vor dem Termin möglich. "
                "Bitte wenden Sie sich an das Studio."
            )
        finally:
            api.close()


def test_a_reason_inside_a_record_from_the_studio_server_reads_german(
    studio: Studio, german: None
) -> None:
    """A quote answered by the server carries its promo refusal as a sentence with its id,
    not as the English text JSON alone would leave."""
    studio.client("Ann", "ann@example.com")
    cart = SessionCart(studio.podcast_setup, studio.podcast, 120)
    app = create_app(studio.services, sign_in_limit=AddressLimit(1000))
    with TestClient(app) as server:
        api = StudioApi("http://testserver", transport=server._transport)
        try:
            api.sign_in("ann@example.com", PASSWORD, "laptop")
            quote, _changes = api.call(BY_NAME["QuoteSession"], QuoteSession(cart, "nope"))
        finally:
            api.close()
    assert quote.promo_refusal is PromoRefusal.UNKNOWN
    assert isinstance(quote.promo_message, Message)
    assert str(quote.promo_message) == "There is no promo code “NOPE”. Check the spelling."
    assert shown(quote.promo_message) == (
        "Es gibt keinen Aktionscode „NOPE“. Prüfen Sie die Schreibweise."
    )
    assert (
        quote.summary.gross_minor > 0 and quote.summary.lines
    )  # the rest of the record came through as before


def test_a_taken_setup_name_names_its_room_in_german(studio: Studio, german: None) -> None:
    error = refusal(
        studio.services.catalogue.add_setup,
        studio.owner,
        NewSetup(studio.room_a, "2-person podcast", ""),
    )
    assert str(error) == (
        "There is already a setup in “Studio A” called “2-person podcast”. Choose another name."
    )
    assert user_message(error) == (
        "Es gibt bereits einen Aufbau in „Studio A“ namens „2-person podcast“. "
        "Wählen Sie einen anderen Namen."
    )


def _bundle(minutes: int) -> Bundle:
    bought = datetime(2026, 6, 1, 9, tzinfo=UTC)
    return Bundle(
        minutes, 1, 1, "Five sessions", 5, 3, minutes, bought, None, None, "", (), (), "active"
    )


def test_a_bundle_of_other_lengths_names_them_in_german(german: None) -> None:
    """The lengths a bundle pays for, and the "or" between them, are translated too."""
    error = refusal(bundle_for_session, [_bundle(120), _bundle(270), _bundle(60)], 1, 1, 90)
    assert str(error.message) == (
        "This client's bundle pays for sessions of 1 h or 2 h or 4 h 30 min: choose that "
        "length, or another payment method."
    )
    assert user_message(error) == (
        "Das Paket dieses Kunden bezahlt Termine von 1 Std. oder 2 Std. oder 4 Std. 30 Min.: "
        "Wählen Sie diese Dauer oder eine andere Zahlungsart."
    )


@pytest.mark.parametrize(
    ("typed", "german_reason"),
    [
        ("ann.example.com", "Es fehlt das @, wie in name@example.com."),
        ("@example.com", "Vor dem @ fehlt der erste Teil."),
        ("ann@example", "Nach dem @ folgt eine Domain wie example.com."),
        ("ann smith@example.com", "Prüfen Sie sie auf Tippfehler und Leerzeichen"),
    ],
)
def test_a_mistyped_email_is_refused_in_german(
    typed: str, german_reason: str, german: None
) -> None:
    error = refusal(clean_email, typed)
    assert user_message(error).startswith(f"„{typed}“ ist keine gültige E-Mail-Adresse")
    assert german_reason in user_message(error)
