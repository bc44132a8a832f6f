"""The studio's one vocabulary: every word for a status, kind or method, and every rule for
writing money, dates, times and durations, shared by the views, the models and the documents.

One place to translate: each word is marked with :func:`QT_TRANSLATE_NOOP` (so Qt's
``pyside6-lupdate`` extracts it with its context) and translated when it is looked up, through
the single hook :func:`set_translator`. The default hook returns the English text; the GUI
installs ``QCoreApplication.translate``.

The tables are keyed by the enums' string values (``BookingStatus`` and friends are
``StrEnum``), so this module imports nothing of the domain and ``domain.enums`` can take its
English labels from here without an import cycle.

Qt-free and I/O-free. Babel is imported on first use, not by importing this module: the first
window paints sooner. Amounts are integer minor units; datetimes are shown in the studio's IANA
zone (aware UTC expected, naive taken as UTC).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

if TYPE_CHECKING:  # zoneinfo and decimal when first used: the window paints without them
    from zoneinfo import ZoneInfo

    from babel import Locale

log = logging.getLogger(__name__)

Translator: TypeAlias = Callable[[str, str], str]
LocaleLike: TypeAlias = "str | Locale | None"

FALLBACK_LOCALE = "en"


# --- the one hook ------------------------------------------------------------------------


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for extraction under ``context``; the translation happens at lookup."""
    return text


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(translator: Translator | None) -> None:
    """Install ``translator(context, text)`` for every word; ``None`` restores English."""
    global _translator
    _translator = translator or _identity


def translate(context: str, text: str) -> str:
    """``text`` (an English source marked under ``context``) through the installed hook."""
    return _translator(context, text)


def humanize(key: str) -> str:
    """A key nobody has named yet, made readable: ``engineer_swapped`` → ``Engineer swapped``."""
    return key.replace("_", " ").strip().capitalize()


class Words(NamedTuple):
    """One closed set of words: English sources under one translation context."""

    context: str
    sources: Mapping[str, str]
    # what an unknown key reads as; a hint has nothing to say about a status it does not know
    fallback: Callable[[str], str] = humanize

    def source(self, key: str) -> str:
        """The English word for ``key`` (for text that is stored, not shown)."""
        text = self.sources.get(key)
        return self.fallback(key) if text is None else text

    def text(self, key: str) -> str:
        """The word for ``key``, translated through the hook."""
        text = self.sources.get(key)
        return self.fallback(key) if text is None else translate(self.context, text)

    def text_in(self, key: str, translator: Translator) -> str:
        """The word for ``key`` through ``translator`` rather than the hook (a document in
        a language of its own)."""
        text = self.sources.get(key)
        return self.fallback(key) if text is None else translator(self.context, text)

    def __contains__(self, key: object) -> bool:
        return key in self.sources


def _nothing(key: str) -> str:
    return ""


# --- the words ---------------------------------------------------------------------------
# Tables and pills say a status in one word; documents and tooltips say more. Each form is
# its own named entry so no screen changes what it prints.

BOOKING_STATUS = Words("BookingStatus", {
    "pending": QT_TRANSLATE_NOOP("BookingStatus", "Pending"),
    "confirmed": QT_TRANSLATE_NOOP("BookingStatus", "Confirmed"),
    "rescheduled": QT_TRANSLATE_NOOP("BookingStatus", "Rescheduled"),
    "canceled": QT_TRANSLATE_NOOP("BookingStatus", "Canceled"),
    "completed": QT_TRANSLATE_NOOP("BookingStatus", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("BookingStatus", "No-show"),
})  # fmt: skip

BOOKING_STATUS_LONG = Words("BookingStatusLong", {
    "pending": QT_TRANSLATE_NOOP("BookingStatusLong", "Pending — awaiting payment approval"),
    "confirmed": QT_TRANSLATE_NOOP("BookingStatusLong", "Confirmed"),
    "rescheduled": QT_TRANSLATE_NOOP("BookingStatusLong", "Rescheduled — confirmed at a new time"),
    "canceled": QT_TRANSLATE_NOOP("BookingStatusLong", "Canceled"),
    "completed": QT_TRANSLATE_NOOP("BookingStatusLong", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("BookingStatusLong", "No-show"),
})  # fmt: skip

BOOKING_STATUS_HINT = Words("BookingStatusHint", {
    "pending": QT_TRANSLATE_NOOP("BookingStatusHint", "Awaiting payment approval by the studio."),
    "confirmed": QT_TRANSLATE_NOOP("BookingStatusHint", "Your session is confirmed."),
    "rescheduled": QT_TRANSLATE_NOOP("BookingStatusHint", "Confirmed at a new time."),
    "canceled": QT_TRANSLATE_NOOP("BookingStatusHint", "This session was canceled."),
    "completed": QT_TRANSLATE_NOOP("BookingStatusHint", "This session has taken place."),
    "no_show": QT_TRANSLATE_NOOP("BookingStatusHint", "Marked as a no-show."),
}, fallback=_nothing)  # fmt: skip

PURCHASE_STATUS = Words("PurchaseStatus", {
    "awaiting_payment": QT_TRANSLATE_NOOP("PurchaseStatus", "Awaiting payment"),
    "paid": QT_TRANSLATE_NOOP("PurchaseStatus", "Paid"),
    "refunded": QT_TRANSLATE_NOOP("PurchaseStatus", "Refunded"),
    "void": QT_TRANSLATE_NOOP("PurchaseStatus", "Void"),
})  # fmt: skip

# The purchases table names what was paid for; a document's column is narrower.
PURCHASE_KIND_LONG = Words("PurchaseKindLong", {
    "booking": QT_TRANSLATE_NOOP("PurchaseKindLong", "Session payment"),
    "bundle": QT_TRANSLATE_NOOP("PurchaseKindLong", "Bundle purchase"),
    "addons": QT_TRANSLATE_NOOP("PurchaseKindLong", "Add-on charge"),
    "credit_note": QT_TRANSLATE_NOOP("PurchaseKindLong", "Refund (credit note)"),
})  # fmt: skip

PURCHASE_KIND = Words("PurchaseKind", {
    "booking": QT_TRANSLATE_NOOP("PurchaseKind", "Session"),
    "bundle": QT_TRANSLATE_NOOP("PurchaseKind", "Bundle"),
    "addons": QT_TRANSLATE_NOOP("PurchaseKind", "Add-ons"),
    "credit_note": QT_TRANSLATE_NOOP("PurchaseKind", "Credit note"),
})  # fmt: skip

PAYMENT_METHOD = Words("PaymentMethod", {
    "card_at_desk": QT_TRANSLATE_NOOP("PaymentMethod", "Card at the front desk"),
    "cash": QT_TRANSLATE_NOOP("PaymentMethod", "Cash at the front desk"),
    "bank_transfer": QT_TRANSLATE_NOOP("PaymentMethod", "Bank transfer"),
    "store_credit": QT_TRANSLATE_NOOP("PaymentMethod", "Store credit"),
    "bundle_credit": QT_TRANSLATE_NOOP("PaymentMethod", "Bundle credit"),
    "pay_later": QT_TRANSLATE_NOOP("PaymentMethod", "Pay later"),
})  # fmt: skip

BUNDLE_STATE = Words("BundleState", {
    "active": QT_TRANSLATE_NOOP("BundleState", "Active"),
    "awaiting_payment": QT_TRANSLATE_NOOP("BundleState", "Awaiting payment"),
    "expired": QT_TRANSLATE_NOOP("BundleState", "Expired"),
    "refunded": QT_TRANSLATE_NOOP("BundleState", "Refunded"),
    "used_up": QT_TRANSLATE_NOOP("BundleState", "Used up"),
})  # fmt: skip

# A booking's history: the details pane is terse, a session summary names each event fully.
BOOKING_EVENT = Words("BookingEvent", {
    "created": QT_TRANSLATE_NOOP("BookingEvent", "Booked"),
    "rescheduled": QT_TRANSLATE_NOOP("BookingEvent", "Rescheduled"),
    "canceled": QT_TRANSLATE_NOOP("BookingEvent", "Canceled"),
    "confirmed": QT_TRANSLATE_NOOP("BookingEvent", "Confirmed"),
    "completed": QT_TRANSLATE_NOOP("BookingEvent", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("BookingEvent", "No-show"),
    "addons_added": QT_TRANSLATE_NOOP("BookingEvent", "Add-ons added"),
    "price_overridden": QT_TRANSLATE_NOOP("BookingEvent", "Price changed"),
})  # fmt: skip

BOOKING_EVENT_LONG = Words("BookingEventLong", {
    "created": QT_TRANSLATE_NOOP("BookingEventLong", "Booked"),
    "confirmed": QT_TRANSLATE_NOOP("BookingEventLong", "Confirmed"),
    "approved": QT_TRANSLATE_NOOP("BookingEventLong", "Payment approved"),
    "rescheduled": QT_TRANSLATE_NOOP("BookingEventLong", "Rescheduled"),
    "canceled": QT_TRANSLATE_NOOP("BookingEventLong", "Canceled"),
    "cancelled": QT_TRANSLATE_NOOP("BookingEventLong", "Canceled"),
    "completed": QT_TRANSLATE_NOOP("BookingEventLong", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("BookingEventLong", "Marked as no-show"),
    "addons_added": QT_TRANSLATE_NOOP("BookingEventLong", "Add-ons added"),
    "price_overridden": QT_TRANSLATE_NOOP("BookingEventLong", "Price changed by the studio"),
    "paid": QT_TRANSLATE_NOOP("BookingEventLong", "Paid"),
    "refunded": QT_TRANSLATE_NOOP("BookingEventLong", "Refunded"),
})  # fmt: skip

# A bundle's ledger: the client's view speaks of what they did, a statement of the bundle.
BUNDLE_LEDGER = Words("BundleLedger", {
    "purchased": QT_TRANSLATE_NOOP("BundleLedger", "Bought"),
    "issued": QT_TRANSLATE_NOOP("BundleLedger", "Issued by the studio"),
    "redeemed": QT_TRANSLATE_NOOP("BundleLedger", "Session booked"),
    "credit_returned": QT_TRANSLATE_NOOP("BundleLedger", "Credit returned"),
    "credit_kept": QT_TRANSLATE_NOOP("BundleLedger", "Credit kept (late cancellation)"),
})  # fmt: skip

BUNDLE_LEDGER_LONG = Words("BundleLedgerLong", {
    "purchased": QT_TRANSLATE_NOOP("BundleLedgerLong", "Bundle purchased"),
    "issued": QT_TRANSLATE_NOOP("BundleLedgerLong", "Bundle issued"),
    "redeemed": QT_TRANSLATE_NOOP("BundleLedgerLong", "Session redeemed"),
    "credit_returned": QT_TRANSLATE_NOOP("BundleLedgerLong", "Credit returned"),
    "credit_kept": QT_TRANSLATE_NOOP("BundleLedgerLong", "Credit kept (late cancellation)"),
    "expired": QT_TRANSLATE_NOOP("BundleLedgerLong", "Expired"),
})  # fmt: skip


# The lookups views, models and documents call; each reads one table, so a form is chosen by
# name (``event_kind_long_text``) and never by a second copy of the words.
booking_status_text = BOOKING_STATUS.text  # ``Pending``: tables and the status pill
booking_status_long_text = BOOKING_STATUS_LONG.text  # ``Pending — awaiting …``: documents
booking_status_hint = BOOKING_STATUS_HINT.text  # a sentence for tooltips and the details pane
purchase_status_text = PURCHASE_STATUS.text
purchase_kind_text = PURCHASE_KIND_LONG.text  # ``Session payment``: the purchases table
purchase_kind_short_text = PURCHASE_KIND.text  # ``Session``: a document's narrow column
bundle_state_text = BUNDLE_STATE.text
event_kind_text = BOOKING_EVENT.text  # ``No-show``: the details pane's history
event_kind_long_text = BOOKING_EVENT_LONG.text  # ``Marked as no-show``: a session summary
ledger_kind_text = BUNDLE_LEDGER.text  # ``Bought``: the client's bundle view
ledger_kind_long_text = BUNDLE_LEDGER_LONG.text  # ``Bundle purchased``: a statement


def payment_method_text(method: str | None) -> str:
    """A payment method's name; nothing when a booking or purchase records none."""
    return "" if method is None else PAYMENT_METHOD.text(method)


# --- locale and zone ---------------------------------------------------------------------

# The window's language ("en", "de"), set by the GUI; empty (the command line, the server):
# values are written in the studio's locale.
_display_language = ""
_system_locale = ""
_usual_locale = ""


def set_display_language(language: str, system_locale: str = "", usual: str = "") -> None:
    """Write dates, times, money and numbers for a window that speaks ``language``
    (``usual``: its locale when neither the system's nor the studio's speaks it)."""
    global _display_language, _system_locale, _usual_locale
    _display_language, _system_locale, _usual_locale = language, system_locale, usual


def display_locale(studio_locale: str) -> str:
    """The locale a window writes values in: one that speaks the window's language — the
    system's (a Swiss German desktop: ``de_CH``), else the studio's (``de_AT``), else the
    language's usual one — so that an English window never shows German dates. Without a
    window language, the studio's locale as it is."""
    return window_locale(studio_locale, _display_language, _system_locale, _usual_locale)


def window_locale(studio_locale: str, language: str, system_locale: str, usual: str) -> str:
    """:func:`display_locale` for a window in ``language`` (see
    :func:`set_display_language`)."""
    if not language:
        return studio_locale or FALLBACK_LOCALE
    for candidate in (system_locale, studio_locale):
        name = (candidate or "").replace("-", "_")
        if name.split("_")[0].lower() == language and name not in ("C", "POSIX"):
            return name
    return usual or language


def parse_locale(name: LocaleLike) -> Locale:
    """A babel locale for ``name`` (``de_DE``, ``sr-Latn-RS`` …); English when unknown."""
    from babel import Locale

    if isinstance(name, Locale):
        return name
    return _parse_locale(name or "")


@lru_cache(maxsize=32)
def _parse_locale(name: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    if name:
        try:
            return Locale.parse(name.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            log.warning("Unknown locale %r; using English instead.", name)
    return Locale.parse(FALLBACK_LOCALE)


@lru_cache(maxsize=32)
def parse_zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; UTC (with a warning) when it is not a known zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        log.warning("Unknown time zone %r; showing times in UTC.", name)
        return ZoneInfo("UTC")


def local_datetime(moment: datetime, zone: str | ZoneInfo) -> datetime:
    """``moment`` in ``zone``; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(parse_zone(zone) if isinstance(zone, str) else zone)


def _local_day(value: date | datetime, zone: str | ZoneInfo) -> date:
    return local_datetime(value, zone).date() if isinstance(value, datetime) else value


# --- money -------------------------------------------------------------------------------


def money_text(minor: int, currency: str, locale: LocaleLike) -> str:
    """``12050, "EUR", "en_IE"`` → ``€120.50``; ``"de_DE"`` → ``120,50 €``; ``JPY`` has no
    minor digits, so ``1235`` → ``¥1,235``."""
    ahead = _ahead.get(_money_key(minor, currency, locale))
    if ahead is not None:
        return ahead
    return _money(minor, currency, parse_locale(locale))


# Babel is slow per call and screens and documents repeat themselves (prices, dates of a
# day's sessions): the results are pure functions of their arguments, so they are kept.
@lru_cache(maxsize=8192)
def _money(minor: int, currency: str, locale: Locale) -> str:
    from decimal import Decimal

    from babel.numbers import format_currency, get_currency_precision

    amount = Decimal(minor).scaleb(-get_currency_precision(currency))
    return str(format_currency(amount, currency, locale=locale))


# --- dates and times ---------------------------------------------------------------------

DATE = "medium"  # 2 Jun 2026, 02.06.2026
LONG_DATE = "full"  # Tuesday, 2 June 2026
WEEKDAY_DATE = "EEE, d MMM y"  # Tue, 2 Jun 2026


def date_text(
    value: date | datetime, zone: str | ZoneInfo, locale: LocaleLike, form: str = DATE
) -> str:
    """The local date of ``value`` in the studio's zone, in a babel ``form`` or pattern."""
    return _date(_local_day(value, zone), form, parse_locale(locale))


@lru_cache(maxsize=4096)
def _date(day: date, form: str, locale: Locale) -> str:
    from babel.dates import format_date

    return str(format_date(day, form, locale=locale))


def time_text(moment: datetime, zone: str | ZoneInfo, locale: LocaleLike) -> str:
    """The locale's short time in the studio's zone; on the hour that happens twice (clocks
    go back) with its UTC offset, so the two are told apart."""
    from babel.dates import format_time

    local = local_datetime(moment, zone)
    text = str(format_time(local.time(), "short", locale=parse_locale(locale)))
    if is_repeated_hour(local):
        offset = local.strftime("%z")
        text += f" (UTC{offset[:3]}:{offset[3:]})"
    return text


def date_time_text(moment: datetime, zone: str | ZoneInfo, locale: LocaleLike) -> str:
    """Date and time in the studio's zone, joined the locale's way (``2 Jun 2026, 10:00``)."""
    from babel.dates import get_datetime_format

    loc = parse_locale(locale)
    pattern = str(get_datetime_format("medium", locale=loc))
    day, time = date_text(moment, zone, loc), time_text(moment, zone, loc)
    return pattern.replace("{1}", day).replace("{0}", time)


def time_range_text(
    starts_at: datetime, ends_at: datetime, zone: str | ZoneInfo, locale: LocaleLike
) -> str:
    """``14:00 – 16:00``; the end's date is added when it falls on another local day."""
    start, end = local_datetime(starts_at, zone), local_datetime(ends_at, zone)
    same_day = end.date() == start.date()
    end_text = (
        time_text(ends_at, zone, locale) if same_day else date_time_text(ends_at, zone, locale)
    )
    return f"{time_text(starts_at, zone, locale)} – {end_text}"


def day_time_range_text(
    starts_at: datetime, ends_at: datetime, zone: str | ZoneInfo, locale: LocaleLike
) -> str:
    """``Tue, 2 Jun 2026, 10:00 – 12:00``: a session's day with its weekday, then its times."""
    ahead = _ahead.get(_range_key(starts_at, ends_at, zone, locale))
    if ahead is not None:
        return ahead
    day = date_text(starts_at, zone, locale, WEEKDAY_DATE)
    return f"{day}, {time_range_text(starts_at, ends_at, zone, locale)}"


# --- texts formatted ahead -----------------------------------------------------------------

# Session times and prices another process formatted before this one needed them (the early
# reads, gui/early.py), by the arguments of the call that makes each: the same call here
# returns it, so a window whose first rows are all here paints them before babel is even
# imported. The texts are pure functions of those arguments, so they never go stale.
AheadKey: TypeAlias = tuple[object, ...]
_ahead: dict[AheadKey, str] = {}


def format_ahead(
    sessions: Iterable[tuple[datetime, datetime, int, str]], zone: str, locale: str
) -> dict[AheadKey, str]:
    """What :func:`day_time_range_text` and :func:`money_text` make of each session's
    (starts, ends, price, currency), keyed for :func:`formatted_ahead`."""
    texts: dict[AheadKey, str] = {}
    for starts_at, ends_at, minor, currency in sessions:
        key = _range_key(starts_at, ends_at, zone, locale)
        texts[key] = day_time_range_text(starts_at, ends_at, zone, locale)
        texts[_money_key(minor, currency, locale)] = money_text(minor, currency, locale)
    return texts


def _money_key(minor: int, currency: str, locale: LocaleLike) -> AheadKey:
    return ("money", minor, currency, str(locale))


def _range_key(
    starts_at: datetime, ends_at: datetime, zone: str | ZoneInfo, locale: LocaleLike
) -> AheadKey:
    return ("day_time_range", starts_at, ends_at, str(zone), str(locale))


def formatted_ahead(texts: Mapping[AheadKey, str]) -> None:
    """Take the texts :func:`format_ahead` made (in another process)."""
    _ahead.update(texts)


def is_repeated_hour(local: datetime) -> bool:
    """True when ``local``'s wall-clock time happens twice in its zone (the fall-back hour)."""
    naive = local.replace(tzinfo=None)
    zone = local.tzinfo

    def round_trips(fold: int) -> bool:
        aware = naive.replace(tzinfo=zone, fold=fold)
        return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive

    first = naive.replace(tzinfo=zone, fold=0).utcoffset()
    second = naive.replace(tzinfo=zone, fold=1).utcoffset()
    # a gap (spring forward) also has two offsets, but its times never round-trip
    return first != second and round_trips(0) and round_trips(1)


def duration_text(minutes: int, translator: Translator | None = None) -> str:
    """``150`` → ``2 h 30 min``, translated (through ``translator`` when given)."""
    word = translator or translate
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        text = word("Duration", QT_TRANSLATE_NOOP("Duration", "{hours} h {minutes} min"))
    elif hours:
        text = word("Duration", QT_TRANSLATE_NOOP("Duration", "{hours} h"))
    else:
        text = word("Duration", QT_TRANSLATE_NOOP("Duration", "{minutes} min"))
    return text.format(hours=hours, minutes=rest)
