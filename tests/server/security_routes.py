"""The security matrix's table: for every route of the studio server, the request aimed at
client A's records and the status each kind of caller must get."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from tests.factories import PASSWORD
from tests.server.security_world import (
    A_EMAIL,
    A_NAME,
    A_PHONE,
    CALLERS,
    DAY,
    NEW_PASSWORD,
    STAFF,
    Request,
    World,
)

# --- the route table ----------------------------------------------------------------------


def _aimed(staff: int = 200, b: int = 404) -> dict[str, int]:
    """A route aimed at one of A's records: A and staff may, B is told it does not exist."""
    return {"anonymous": 401, "A": 200, "B": b, **dict.fromkeys(STAFF, staff)}


def _own(status: int = 200) -> dict[str, int]:
    """A route about the caller's own account or the studio's offer: any signed-in caller."""
    return {"anonymous": 401, **dict.fromkeys(CALLERS[1:], status)}


def _everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(CALLERS, status)


def _op(name: str, body: Callable[[World, str], dict[str, Any]]) -> Callable[[World, str], Request]:
    return lambda w, caller: {
        "method": "POST",
        "url": f"/v1/ops/{name}",
        "json": body(w, caller),
    }


def _get(url: Callable[[World], str]) -> Callable[[World, str], Request]:
    return lambda w, caller: {"method": "GET", "url": url(w)}


def _cart(w: World, **extra: Any) -> dict[str, Any]:
    return {
        "setup_id": w.studio.podcast_setup,
        "service_id": w.studio.podcast,
        "minutes": 120,
        **extra,
    }


def _at(w: World, day: date, hour: int) -> str:
    return w.studio.at(day, hour).isoformat()


LATER = date(2026, 6, 4)


@dataclass(frozen=True)
class Case:
    request: Callable[[World, str], Request]
    expect: dict[str, int]
    order: int = 0  # reads first, then writes, then what ends a session
    revokes: frozenset[str] = frozenset()  # callers whose token the request ends
    stream: bool = False  # Server-Sent Events: read the first event only


SESSION_END = 2
CASES: dict[tuple[str, str], Case] = {
    ("GET", "/health"): Case(_get(lambda w: "/health"), _everyone(200)),
    ("GET", "/v1/studio"): Case(_get(lambda w: "/v1/studio"), _everyone(200)),
    # a guess at A's password: refused, and the same words whether the account exists or not
    ("POST", "/v1/session"): Case(
        lambda w, c: {
            "method": "POST",
            "url": "/v1/session",
            "json": {"email": A_EMAIL, "password": "not her password"},
        },
        _everyone(401),
    ),
    ("DELETE", "/v1/session"): Case(
        lambda w, c: {"method": "DELETE", "url": "/v1/session"},
        {**_own(204)},
        order=SESSION_END,
        revokes=frozenset(CALLERS[1:]),
    ),
    ("POST", "/v1/ops/SignIn"): Case(
        _op("SignIn", lambda w, c: {"email": A_EMAIL, "password": "a guess", "device": ""}),
        _everyone(401),
    ),
    ("POST", "/v1/ops/SignUp"): Case(
        _op(
            "SignUp",
            lambda w, c: {
                "new": {
                    "full_name": "Nina New",
                    "email": "nina.new@example.com",
                    "phone": "+49 30 4545454",
                    "password": PASSWORD,
                },
                "device": "",
            },
        ),
        _everyone(200),
        order=1,
    ),
    # whether A's address is registered: what sign-up would say anyway (no more than that)
    ("POST", "/v1/ops/CheckNewAccount"): Case(
        _op("CheckNewAccount", lambda w, c: {"email": A_EMAIL, "phone": A_PHONE}),
        _everyone(200),
    ),
    ("POST", "/v1/ops/SetPasswordWithCode"): Case(
        _op(
            "SetPasswordWithCode",
            lambda w, c: {"email": A_EMAIL, "code": "ABCD-EFGH", "new_password": NEW_PASSWORD},
        ),
        _everyone(422),
    ),
    # another caller's attempt to end A's session changes nothing (A's token keeps working)
    ("POST", "/v1/ops/SignOut"): Case(
        _op("SignOut", lambda w, c: {"token": w.tokens["A"]}),
        _own(200),
        order=SESSION_END,
        revokes=frozenset({"A"}),
    ),
    ("POST", "/v1/ops/GetAccount"): Case(
        _op("GetAccount", lambda w, c: {"client_id": w.ids["a"]}), _aimed()
    ),
    ("POST", "/v1/ops/SaveProfile"): Case(
        _op(
            "SaveProfile",
            lambda w, c: {
                "full_name": f"{A_NAME} Renamed",
                "phone": A_PHONE,
                "shown_name": None,
                "shown_phone": A_PHONE,
                "client_id": w.ids["a"],
            },
        ),
        _aimed(),
        order=1,
    ),
    # taking A's address: refused to everyone but A (for whom it changes nothing)
    ("POST", "/v1/ops/ChangeEmail"): Case(
        _op("ChangeEmail", lambda w, c: {"email": A_EMAIL, "password": w.passwords.get(c, "")}),
        {**_aimed(staff=409, b=409)},
        order=1,
    ),
    ("POST", "/v1/ops/ChangePassword"): Case(
        _op(
            "ChangePassword",
            lambda w, c: {"current": w.passwords.get(c, PASSWORD), "new": NEW_PASSWORD},
        ),
        _own(200),
        order=SESSION_END,
        revokes=frozenset(CALLERS[1:]),
    ),
    ("POST", "/v1/ops/UpdateBilling"): Case(
        _op(
            "UpdateBilling",
            lambda w, c: {"company": "Own Company", "vat_id": "", "address": {"city": "Bonn"}},
        ),
        _own(200),
        order=1,
    ),
    ("POST", "/v1/ops/ClientBookings"): Case(
        _op("ClientBookings", lambda w, c: {"client_id": w.ids["a"]}), _aimed()
    ),
    ("POST", "/v1/ops/BookingDetails"): Case(
        _op("BookingDetails", lambda w, c: {"booking_id": w.ids["booking"]}), _aimed()
    ),
    # the booking steps: visitors book too
    ("POST", "/v1/ops/CatalogueNow"): Case(_op("CatalogueNow", lambda w, c: {}), _everyone(200)),
    ("POST", "/v1/ops/FreeTimes"): Case(
        _op(
            "FreeTimes",
            lambda w, c: {
                "query": {
                    "setup_id": w.studio.podcast_setup,
                    "service_id": w.studio.podcast,
                    "minutes": 120,
                    "day": DAY.isoformat(),
                    "exclude_booking_id": w.ids["booking"],
                }
            },
        ),
        {**_aimed(), "anonymous": 200},  # a visitor's exclude_booking_id is ignored
    ),
    ("POST", "/v1/ops/QuoteSession"): Case(
        _op("QuoteSession", lambda w, c: {"cart": _cart(w), "promo_code": None}),
        _everyone(200),
    ),
    # booking on A's behalf: staff may, B may not
    ("POST", "/v1/ops/Book"): Case(
        _op(
            "Book",
            lambda w, c: {
                "request": {
                    "cart": _cart(w),
                    "starts_at": _at(w, LATER, 10),
                    "payment_method": "pay_later",
                    "terms_accepted": True,
                    "client_id": w.ids["a"],
                }
            },
        ),
        _aimed(b=403),
        order=1,
    ),
    ("POST", "/v1/ops/RescheduleBooking"): Case(
        _op(
            "RescheduleBooking",
            lambda w, c: {
                "booking_id": w.ids["second_booking"],
                "starts_at": _at(w, LATER, 15),
            },
        ),
        _aimed(),
        order=1,
    ),
    ("POST", "/v1/ops/AddAddons"): Case(
        _op(
            "AddAddons",
            lambda w, c: {
                "booking_id": w.ids["second_booking"],
                "choices": [{"addon_id": w.studio.extra_mic}],
                "method": "pay_later",
            },
        ),
        _aimed(),
        order=1,
    ),
    ("POST", "/v1/ops/CancelBooking"): Case(
        _op("CancelBooking", lambda w, c: {"booking_id": w.ids["second_booking"]}),
        _aimed(),
        order=1,
    ),
    ("POST", "/v1/ops/ClientBundles"): Case(
        _op("ClientBundles", lambda w, c: {"client_id": w.ids["a"]}), _aimed()
    ),
    ("POST", "/v1/ops/BundleLedger"): Case(
        _op("BundleLedger", lambda w, c: {"bundle_id": w.ids["bundle"]}), _aimed()
    ),
    ("POST", "/v1/ops/ClientPurchases"): Case(
        _op("ClientPurchases", lambda w, c: {"client_id": w.ids["a"]}), _aimed()
    ),
    ("POST", "/v1/ops/Redeem"): Case(
        _op(
            "Redeem",
            lambda w, c: {
                "request": {
                    "bundle_id": w.ids["bundle"],
                    "setup_id": w.studio.podcast_setup,
                    "starts_at": _at(w, LATER, 18),
                }
            },
        ),
        _aimed(),
        order=1,
    ),
    ("POST", "/v1/ops/QuoteBundle"): Case(
        _op(
            "QuoteBundle", lambda w, c: {"product_id": w.studio.bundle_product, "promo_code": None}
        ),
        _own(),
    ),
    ("POST", "/v1/ops/BuyBundle"): Case(
        _op(
            "BuyBundle",
            lambda w, c: {
                "request": {
                    "product_id": w.studio.bundle_product,
                    "payment_method": "pay_later",
                    "terms_accepted": True,
                    "client_id": w.ids["a"],
                }
            },
        ),
        _aimed(b=403),
        order=1,
    ),
    ("POST", "/v1/ops/ReceiptPdf"): Case(
        _op("ReceiptPdf", lambda w, c: {"purchase_id": w.ids["purchase"]}), _aimed()
    ),
    ("POST", "/v1/ops/SessionSummaryPdf"): Case(
        _op("SessionSummaryPdf", lambda w, c: {"booking_id": w.ids["booking"]}), _aimed()
    ),
    ("POST", "/v1/ops/BundleStatementPdf"): Case(
        _op("BundleStatementPdf", lambda w, c: {"bundle_id": w.ids["bundle"]}), _aimed()
    ),
    ("POST", "/v1/ops/BookingNotes"): Case(
        _op(
            "BookingNotes",
            lambda w, c: {
                "client_id": w.ids["a"],
                "booking_id": w.ids["booking"],
                "mark_read": True,
            },
        ),
        _aimed(),
    ),
    ("POST", "/v1/ops/UnreadNotes"): Case(
        _op("UnreadNotes", lambda w, c: {"client_id": w.ids["a"]}), _aimed()
    ),
    ("POST", "/v1/ops/GeneralNotes"): Case(
        _op("GeneralNotes", lambda w, c: {"client_id": w.ids["a"], "mark_read": True}), _aimed()
    ),
    ("POST", "/v1/ops/BookingCalendar"): Case(
        _op("BookingCalendar", lambda w, c: {"booking_id": w.ids["booking"]}), _aimed()
    ),
    ("POST", "/v1/ops/UpcomingCalendar"): Case(
        _op("UpcomingCalendar", lambda w, c: {"client_id": w.ids["a"]}), _aimed()
    ),
    ("POST", "/v1/ops/ClientFiles"): Case(
        _op("ClientFiles", lambda w, c: {"client_id": w.ids["a"]}), _aimed()
    ),
    ("POST", "/v1/ops/MarkFileOpened"): Case(
        _op("MarkFileOpened", lambda w, c: {"file_id": w.ids["file"]}), _aimed(), order=1
    ),
    # the waitlist: A waits for a time B took
    ("POST", "/v1/ops/TakenTimes"): Case(
        _op(
            "TakenTimes",
            lambda w, c: {
                "query": {
                    "setup_id": w.studio.podcast_setup,
                    "service_id": w.studio.podcast,
                    "minutes": 60,
                    "day": DAY.isoformat(),
                    "exclude_booking_id": w.ids["booking"],
                }
            },
        ),
        {**_aimed(), "anonymous": 200},  # a visitor's exclude_booking_id is ignored
    ),
    ("POST", "/v1/ops/MyWaitlist"): Case(
        _op("MyWaitlist", lambda w, c: {"client_id": w.ids["a"]}), _aimed()
    ),
    # A already waits for that time: A and staff are told so; B may not act for A
    ("POST", "/v1/ops/JoinWaitlist"): Case(
        _op(
            "JoinWaitlist",
            lambda w, c: {
                "client_id": w.ids["a"],
                "setup_id": w.studio.podcast_setup,
                "service_id": w.studio.podcast,
                "starts_at": w.studio.at(DAY, 18).isoformat(),
                "minutes": 60,
            },
        ),
        {**_aimed(staff=409), "A": 409},
        order=1,
    ),
    ("POST", "/v1/ops/LeaveWaitlist"): Case(
        _op("LeaveWaitlist", lambda w, c: {"entry_id": w.ids["waitlist"]}), _aimed(), order=1
    ),
    ("POST", "/v1/ops/PassExpiredHolds"): Case(
        _op("PassExpiredHolds", lambda w, c: {}), _own(200), order=1
    ),
    # reminders: any signed-in caller asks for their own (staff have none); marking one
    # shown is A's own booking's
    ("POST", "/v1/ops/CheckReminders"): Case(
        _op("CheckReminders", lambda w, c: {"leads": [1440, 60]}), _own(200), order=1
    ),
    ("POST", "/v1/ops/DueReminders"): Case(
        _op("DueReminders", lambda w, c: {"leads": [1440, 60]}), _own(200)
    ),
    ("POST", "/v1/ops/MarkReminderShown"): Case(
        _op(
            "MarkReminderShown",
            lambda w, c: {"booking_id": w.ids["booking"], "lead_minutes": 60},
        ),
        _aimed(staff=404),
        order=1,
    ),
    ("GET", "/v1/sync"): Case(
        lambda w, c: {"method": "GET", "url": "/v1/sync", "params": {"cursor": 0}},
        {"anonymous": 401, "A": 200, "B": 200, **dict.fromkeys(STAFF, 403)},
    ),
    ("GET", "/v1/changes"): Case(
        _get(lambda w: "/v1/changes"),
        {"anonymous": 401, "A": 200, "B": 200, **dict.fromkeys(STAFF, 403)},
        stream=True,
    ),
    ("GET", "/v1/files/{file_id}"): Case(_get(lambda w: f"/v1/files/{w.ids['file']}"), _aimed()),
}
