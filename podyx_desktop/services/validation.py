"""Validating what people type: names, emails, phone numbers and passwords.

Emails are checked with email-validator (syntax only: no DNS look-ups, the app may be
offline) and compared case-insensitively. Phones are parsed with phonenumbers, using the
studio's country for numbers without a +country prefix, and stored in E.164. Both are
imported on first use (~50 ms the desktop app's start-up does not need).
"""

from __future__ import annotations

import logging

from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import Message, m

log = logging.getLogger(__name__)

MIN_PASSWORD = 10
MAX_PASSWORD = 256


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput(m("Please enter your full name."), field="full_name")
    if len(cleaned) > 200:
        raise InvalidInput(m("A name can be at most 200 characters long."), field="full_name")
    return cleaned


def clean_email(email: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    text = email.strip()
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        log.info("email refused: %s", error)  # the library's own words, English only
        raise InvalidInput(_email_problem(text), field="email") from None
    return result.normalized


def _email_problem(text: str) -> Message:
    """What is wrong with an address, said from its shape (email-validator's reasons
    are English sentences no translation file can hold)."""
    name, at, domain = text.rpartition("@")
    if not at:
        return m(
            "“{email}” is not a valid email address: it needs an @, as in name@example.com.",
            email=text,
        )
    if not name:
        return m(
            "“{email}” is not a valid email address: the part before the @ is missing.", email=text
        )
    if "." not in domain.strip("."):
        return m(
            "“{email}” is not a valid email address: after the @ comes a domain such as "
            "example.com.",
            email=text,
        )
    return m(
        "“{email}” is not a valid email address. Check it for typos and spaces: it should "
        "look like name@example.com.",
        email=text,
    )


def email_key(email: str) -> str:
    return email.casefold()


def clean_phone(phone: str, default_region: str | None) -> str:
    import phonenumbers

    text = phone.strip()
    if not text:
        raise InvalidInput(m("Please enter a phone number."), field="phone")
    try:
        parsed = phonenumbers.parse(text, (default_region or None) or None)
    except phonenumbers.NumberParseException:
        raise InvalidInput(
            m(
                "“{text}” is not a phone number. Enter it with the country code, "
                "e.g. +49 30 1234567.",
                text=text,
            ),
            field="phone",
        ) from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidInput(
            m(
                "“{text}” is not a valid phone number. Check the digits and the country code.",
                text=text,
            ),
            field="phone",
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            m(
                "Choose a password of at least {min_password} characters.",
                min_password=MIN_PASSWORD,
            ),
            field="password",
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(
            m("A password can be at most {max_password} characters.", max_password=MAX_PASSWORD),
            field="password",
        )
    if password.strip() == "" or len(set(password)) < 4:
        raise InvalidInput(
            m("That password is too easy to guess; mix more characters."), field="password"
        )
