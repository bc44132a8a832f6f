"""Checking what a manager types into the catalogue, before any database work.

Each ``clean_*`` function takes a request and returns the column values to store, or
raises :class:`InvalidInput` with a sentence that names the field to correct. Nothing
here touches the database: what needs it (unique names, existing ids) is checked by
:mod:`podyx_desktop.services.catalogue` inside its transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, fields
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies

from podyx_desktop.domain.availability import OpeningInterval, studio_zone, to_utc
from podyx_desktop.domain.enums import PromoKind
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import m
from podyx_desktop.domain.policy import PolicyOverride
from podyx_desktop.domain.promo import normalise_code
from podyx_desktop.domain.words import word
from podyx_desktop.services import validation

if TYPE_CHECKING:
    from podyx_desktop.domain.requests import (
        NewAddon,
        NewBundleProduct,
        NewPromoCode,
        NewService,
        StudioSettings,
    )

MAX_VAT_BP = 10_000
PROMO_CODE = re.compile(r"[\w-]{1,40}")
POLICY_FIELDS = tuple(f.name for f in fields(PolicyOverride))
# the studio row's text columns and their lengths (PostgreSQL enforces them)
STUDIO_TEXT = {
    "name": 200,
    "vat_number": 40,
    "address_line1": 200,
    "address_line2": 200,
    "postal_code": 20,
    "city": 100,
    "email": 254,
    "phone": 20,
    "terms": None,
    "registration_number": 60,
    "bank_details": 1000,
}


def clean_settings(settings: StudioSettings) -> dict[str, Any]:
    """The studio row's column values."""
    values = asdict(settings)
    for name, limit in STUDIO_TEXT.items():
        values[name] = values[name].strip()
        if limit is not None and len(values[name]) > limit:
            label = name.replace("_", " ").replace("line", "line ")
            raise InvalidInput(
                m(
                    "The studio's {label} can be at most {limit} characters long.",
                    label=word(label),
                    limit=limit,
                ),
                field=name,
            )
    if not values["name"]:
        raise InvalidInput(m("Enter the studio's name."), field="name")
    values["time_zone"] = studio_zone(settings.time_zone.strip()).key
    values["currency"] = clean_currency(settings.currency)
    values["locale"] = clean_locale(settings.locale)
    check_vat(settings.default_vat_rate_bp, "default_vat_rate_bp")
    country = values["country"].upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise InvalidInput(m("Enter the country as a two-letter code such as DE or GB."), "country")
    values["country"] = country
    if values["email"]:
        values["email"] = validation.clean_email(values["email"])
    if values["phone"]:
        values["phone"] = validation.clean_phone(values["phone"], country or None)
    values["vat_number"] = values["vat_number"].upper().replace(" ", "")
    check_policy(PolicyOverride(**{name: values[name] for name in POLICY_FIELDS}))
    return values


def clean_currency(code: str) -> str:
    currency = code.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", currency) or currency not in list_currencies():
        raise InvalidInput(
            m(
                "“{code}” is not a currency code. Use an ISO 4217 code such as EUR, GBP or USD.",
                code=code,
            ),
            field="currency",
        )
    return currency


def clean_locale(code: str) -> str:
    try:
        return str(Locale.parse(code.strip().replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        raise InvalidInput(
            m(
                "“{code}” is not a locale this installation of Podyx formats. "
                "Use a code such as en_GB or de_DE.",
                code=code,
            ),
            field="locale",
        ) from None


def check_vat(rate_bp: int | None, field: str = "vat_rate_bp") -> None:
    if rate_bp is not None and not 0 <= rate_bp <= MAX_VAT_BP:
        raise InvalidInput(
            m("A VAT rate is between 0 % and 100 % (0 to 10000 basis points)."), field=field
        )


def check_policy(override: PolicyOverride) -> dict[str, int | None]:
    """The override's values by column name; none may be negative."""
    values = asdict(override)
    for name, value in values.items():
        if value is not None and value < 0:
            raise InvalidInput(m("The {name} cannot be negative.", name=word(name)), field=name)
    return values


def clean_name(name: str, what: str, limit: int = 100) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > limit:
        raise InvalidInput(
            m("Give the {what} a name of 1 to {limit} characters.", what=word(what), limit=limit),
            field="name",
        )
    return cleaned


def clean_reason(reason: str, limit: int = 200) -> str:
    cleaned = " ".join(reason.split())
    if len(cleaned) > limit:
        raise InvalidInput(
            m("A reason can be at most {limit} characters long.", limit=limit), field="reason"
        )
    return cleaned


def clean_service(new: NewService) -> dict[str, Any]:
    if new.hourly_rate_minor < 0:
        raise InvalidInput(m("The hourly rate cannot be negative."), field="hourly_rate_minor")
    if new.min_minutes <= 0 or new.step_minutes <= 0 or new.min_minutes > new.max_minutes:
        raise InvalidInput(
            m(
                "A service needs a positive minimum length no longer than its maximum, and a "
                "positive step."
            ),
            field="min_minutes",
        )
    if (new.max_minutes - new.min_minutes) % new.step_minutes:
        raise InvalidInput(
            m(
                "Steps of {step_minutes} minutes must lead from the minimum length "
                "({min_minutes}) to the maximum ({max_minutes}) exactly.",
                step_minutes=new.step_minutes,
                min_minutes=new.min_minutes,
                max_minutes=new.max_minutes,
            ),
            field="step_minutes",
        )
    check_vat(new.vat_rate_bp)
    if not new.setup_ids:
        raise InvalidInput(m("Choose at least one setup to offer the service on."), "setup_ids")
    values = _columns(new, "setup_ids")
    values["name"] = clean_name(new.name, "service")
    return values


def clean_addon(new: NewAddon) -> dict[str, Any]:
    if new.unit_price_minor < 0:
        raise InvalidInput(m("An add-on's price cannot be negative."), field="unit_price_minor")
    if new.max_quantity < 1:
        raise InvalidInput(m("The maximum quantity is at least 1."), field="max_quantity")
    check_vat(new.vat_rate_bp)
    if not new.service_ids:
        raise InvalidInput(
            m("Choose at least one service to offer the add-on with."), "service_ids"
        )
    values = _columns(new, "service_ids")
    values["name"] = clean_name(new.name, "add-on")
    return values


def clean_bundle_product(new: NewBundleProduct) -> dict[str, Any]:
    if new.sessions <= 0 or new.session_minutes <= 0:
        raise InvalidInput(
            m("A bundle needs at least one session and a positive session length."), "sessions"
        )
    if new.price_minor < 0:
        raise InvalidInput(m("A bundle's price cannot be negative."), field="price_minor")
    if new.validity_days is not None and new.validity_days <= 0:
        raise InvalidInput(
            m("A bundle is valid for at least one day (leave it empty for no expiry)."),
            field="validity_days",
        )
    check_vat(new.vat_rate_bp)
    if not new.setup_ids:
        raise InvalidInput(m("Choose at least one setup the bundle can be used on."), "setup_ids")
    values = _columns(new, "setup_ids", "service_ids")
    values["name"] = clean_name(new.name, "bundle")
    return values


def clean_promo(new: NewPromoCode) -> dict[str, Any]:
    """The promo code row's values; the code is stored normalised (trimmed, upper case)."""
    code = normalise_code(new.code)
    if not PROMO_CODE.fullmatch(code):
        raise InvalidInput(
            m("A promo code is 1 to 40 letters, digits, dashes or underscores, without spaces."),
            field="code",
        )
    if new.kind is PromoKind.PERCENT and not 1 <= new.value <= MAX_VAT_BP:
        raise InvalidInput(
            m("A percentage discount is between 0.01 % and 100 % (1 to 10000 basis points)."),
            field="value",
        )
    if new.kind is PromoKind.FIXED and new.value <= 0:
        raise InvalidInput(m("A fixed discount must be more than zero."), field="value")
    valid_from = to_utc(new.valid_from, "valid_from") if new.valid_from else None
    valid_to = to_utc(new.valid_to, "valid_to") if new.valid_to else None
    if valid_from and valid_to and valid_from >= valid_to:
        raise InvalidInput(m("A promo code must become valid before it expires."), "valid_to")
    for name in ("max_uses", "max_uses_per_client"):
        limit = getattr(new, name)
        if limit is not None and limit < 1:
            raise InvalidInput(m("A use limit is at least 1 (leave it empty for none)."), name)
    values = _columns(new, "targets")
    values.update(code=code, kind=new.kind.value, uses=0, active=True)
    values.update(valid_from=valid_from, valid_to=valid_to)
    return values


def check_opening_hours(intervals: Sequence[OpeningInterval]) -> list[OpeningInterval]:
    """The intervals in weekday order; two on one day must not overlap."""
    ordered = sorted(intervals, key=lambda i: (i.weekday, i.open_minute))
    for first, second in pairwise(ordered):
        if first.weekday == second.weekday and second.open_minute < first.close_minute:
            day = WEEKDAYS[first.weekday]
            raise InvalidInput(
                m(
                    "Two opening intervals on {day} overlap: {open_minute}–"
                    "{close_minute} and {open_minute2}–"
                    "{close_minute2}. Merge them into one.",
                    day=day,
                    open_minute=_hhmm(first.open_minute),
                    close_minute=_hhmm(first.close_minute),
                    open_minute2=_hhmm(second.open_minute),
                    close_minute2=_hhmm(second.close_minute),
                ),
                field="intervals",
            )
    return ordered


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _columns(request: Any, *links: str) -> dict[str, Any]:
    """A request's fields as column values, without its link lists; text trimmed."""
    values = {k: v for k, v in asdict(request).items() if k not in links}
    if "description" in values:
        values["description"] = values["description"].strip()
    values.setdefault("active", True)
    return values
