"""The studio server's security, tested: every route × every kind of caller (anonymous,
the client, another client, each staff role) against one client's real records; what a
client's copy and change feed hand out; refused tokens; locked accounts and slowed
addresses.

Nothing here mocks our own layers: requests go through the ASGI application (or a real
``podyx-server`` process) to the services and a real database, on both engines.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fastapi.testclient import TestClient

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.enums import PaymentMethod, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Address, SignedIn
from podyx_desktop.domain.requests import AddonChoice, BundlePurchaseRequest, NewAccount
from podyx_desktop.server.app import create_app
from podyx_desktop.server.guard import AddressLimit
from podyx_desktop.services import Services
from tests.conftest import FakeClock
from tests.factories import PASSWORD, Studio
from tests.server.conftest import bearer, sign_in, start_server

DAY = date(2026, 6, 3)  # a Wednesday, two days after the clock's start
NEW_PASSWORD = "another long secret phrase"
CALLERS = ("anonymous", "A", "B", "front_desk", "manager", "owner")
SYSTEM = Principal.system()  # who asks who may hear of a change: the server itself
STAFF = ("front_desk", "manager", "owner")

# what only client A's records say: none of it may reach anyone not entitled to it
A_NAME = "Anouk Zephyrine"
A_EMAIL = "anouk.zephyrine@example.com"
A_PHONE = "+49 30 7070707"
A_COMPANY = "Zephyrine Klangwerk GmbH"
A_VAT = "DE918273645"
VISIBLE_NOTE = "VISIBLE-NOTE-mic-placement-q4k9"
INTERNAL_NOTE = "INTERNAL-NOTE-owes-deposit-x7p2"
INTERNAL_EDIT = "INTERNAL-EDIT-call-before-session-w3m8"
FILE_NAME = "zephyrine-final-mix-r5t1.wav"
FILE_BYTES = b"RIFF" + b"zephyrine-audio-bytes-j6v0" * 100
LINK_NAME = "zephyrine-stems-link-b2n7"
LINK_URL = "https://files.example.com/zephyrine-stems-h8c3"
A_MARKERS = (
    A_NAME,
    A_EMAIL,
    "7070707",
    A_COMPANY,
    A_VAT,
    VISIBLE_NOTE,
    INTERNAL_NOTE,
    FILE_NAME,
    "zephyrine-audio-bytes",
    LINK_NAME,
    LINK_URL,
)
# what no client may ever see, not even A
STAFF_ONLY_MARKERS = (INTERNAL_NOTE, INTERNAL_EDIT)


@dataclass
class World:
    """Client A with records of every kind, client B, and staff of every role."""

    studio: Studio
    a: SignedIn
    b: SignedIn
    emails: dict[str, str]
    ids: dict[str, int]
    passwords: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str | None] = field(default_factory=dict)

    def headers(self, caller: str) -> dict[str, str]:
        token = self.tokens.get(caller)
        return bearer(token) if token else {}

    def sign_in_again(self, api: TestClient, caller: str) -> None:
        if caller != "anonymous":
            self.tokens[caller] = sign_in(api, self.emails[caller], self.passwords[caller])["token"]


def build_world(api: TestClient, studio: Studio) -> World:
    s = studio.services
    a = s.accounts.sign_up(Principal.anonymous(), NewAccount(A_NAME, A_EMAIL, A_PHONE, PASSWORD))
    b = s.accounts.sign_up(
        Principal.anonymous(),
        NewAccount("Bruno Client", "bruno@example.com", "+49 30 8080808", PASSWORD),
    )
    s.accounts.create_staff(
        studio.owner,
        NewAccount("Mara Manager", "manager@example.com", "+49 30 3333333", PASSWORD),
        Role.MANAGER,
    )
    s.accounts.update_billing(
        a.principal,
        company=A_COMPANY,
        vat_id=A_VAT,
        address=Address(line1="Zephyrweg 9", postal_code="10115", city="Berlin", country="DE"),
    )
    booked = studio.book(a, studio.at(DAY, 10), addons=(AddonChoice(studio.extra_mic),))
    assert booked.purchase is not None
    s.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    second = studio.book(a, studio.at(DAY, 15))
    bundle = s.checkout.buy_bundle(
        a.principal,
        BundlePurchaseRequest(studio.bundle_product, PaymentMethod.PAY_LATER, terms_accepted=True),
    )
    assert bundle.purchase is not None
    s.purchases.record_payment(studio.desk, bundle.purchase.id, PaymentMethod.CASH)
    booking = booked.booking.id
    visible = s.notes.add_note(
        studio.desk, client_id=a.account.id, body=VISIBLE_NOTE, internal=False, booking_id=booking
    )
    internal = s.notes.add_note(
        studio.desk, client_id=a.account.id, body=INTERNAL_NOTE, internal=True, booking_id=booking
    )
    stored = s.files.share_file(
        studio.desk, client_id=a.account.id, name=FILE_NAME, content=FILE_BYTES, booking_id=booking
    )
    link = s.files.share_file(
        studio.desk, client_id=a.account.id, name=LINK_NAME, external_url=LINK_URL
    )
    emails = {
        "A": A_EMAIL,
        "B": "bruno@example.com",
        "front_desk": "desk@example.com",
        "manager": "manager@example.com",
        "owner": "owner@example.com",
    }
    world = World(
        studio,
        a,
        b,
        emails,
        ids={
            "a": a.account.id,
            "b": b.account.id,
            "booking": booking,
            "second_booking": second.booking.id,
            "purchase": booked.purchase.id,
            "bundle": bundle.bundle_id,
            "bundle_purchase": bundle.purchase.id,
            "visible_note": visible.id,
            "internal_note": internal.id,
            "file": stored.id,
            "link": link.id,
        },
    )
    world.passwords = {caller: PASSWORD for caller in emails}
    world.tokens = {"anonymous": None}
    for caller in emails:
        world.sign_in_again(api, caller)
    return world


@pytest.fixture
def world(api: TestClient, studio: Studio) -> World:
    return build_world(api, studio)


# --- the route table ----------------------------------------------------------------------

Request = dict[str, Any]  # keyword arguments of TestClient.request (method and url included)


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


# --- calling a route -------------------------------------------------------------------------


@dataclass
class Outcome:
    status: int
    content_type: str
    text: str
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.text)


def call(api: TestClient, request: Request, headers: dict[str, str]) -> Outcome:
    response = api.request(**request, headers=headers)
    return Outcome(
        response.status_code,
        response.headers.get("content-type", ""),
        response.text,
        dict(response.headers),
    )


def first_event(app: Any, path: str, headers: dict[str, str]) -> Outcome:
    """A streaming route driven through ASGI by hand: the status and the first chunk of
    the body, then a disconnect (the TestClient would wait for an endless stream's end)."""
    sent: list[MutableMapping[str, Any]] = []

    async def drive() -> None:
        got_body = anyio.Event()
        asked = False

        async def receive() -> dict[str, Any]:
            nonlocal asked
            if not asked:
                asked = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await got_body.wait()
            return {"type": "http.disconnect"}

        async def send(message: MutableMapping[str, Any]) -> None:
            sent.append(message)
            if message["type"] == "http.response.body" and message.get("body"):
                got_body.set()

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        with anyio.fail_after(10):
            await app(scope, receive, send)

    anyio.run(drive)
    start = next(m for m in sent if m["type"] == "http.response.start")
    response_headers = {k.decode(): v.decode() for k, v in start["headers"]}
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return Outcome(
        start["status"], response_headers.get("content-type", ""), body.decode(), response_headers
    )


def run_case(api: TestClient, world: World, case: Case, caller: str) -> tuple[Request, Outcome]:
    request = case.request(world, caller)
    headers = world.headers(caller)
    if case.stream:
        return request, first_event(api.app, request["url"], headers)
    return request, call(api, request, headers)


def is_problem(outcome: Outcome) -> str | None:
    """What is wrong with an error response, or None: a problem document with a sentence,
    and no trace of the server's insides."""
    if outcome.content_type != "application/problem+json":
        return f"content-type {outcome.content_type!r}"
    for leak in ("Traceback", 'File "', "sqlalchemy", "psycopg", "sqlite3"):
        if leak in outcome.text:
            return f"{leak!r} in {outcome.text[:300]}"
    detail = outcome.json().get("detail")
    if not isinstance(detail, str) or len(detail) < 12 or not detail.rstrip().endswith((".", "?")):
        return f"detail {detail!r} is not a sentence"
    return None


def check_outcome(
    world: World, key: tuple[str, str], caller: str, request: Request, outcome: Outcome
) -> list[str]:
    """Every way the outcome of ``caller`` on route ``key`` is wrong (empty: right)."""
    where = f"{key[0]} {key[1]} as {caller}"
    wrong = []
    expected = CASES[key].expect[caller]
    if outcome.status != expected:
        wrong.append(f"{where}: {outcome.status} (expected {expected}): {outcome.text[:300]}")
    if outcome.status >= 400:
        problem = is_problem(outcome)
        if problem:
            wrong.append(f"{where}: not a problem document: {problem}")
    sent = json.dumps(request.get("json")) + str(request.get("params"))
    if caller not in ("A", *STAFF):
        leaked = [m for m in A_MARKERS if m in outcome.text and m not in sent]
        if leaked:
            wrong.append(f"{where}: A's {leaked} in the answer: {outcome.text[:300]}")
    if caller not in STAFF:
        leaked = [m for m in STAFF_ONLY_MARKERS if m in outcome.text]
        if leaked:
            wrong.append(f"{where}: staff-only {leaked} in the answer")
    staff_feed = caller in STAFF and key[1] in ("/v1/sync", "/v1/changes")
    if staff_feed and "staff seats connect" not in outcome.text:
        wrong.append(f"{where}: staff are not told to connect directly: {outcome.text[:300]}")
    return wrong


def schema_routes(api: TestClient) -> set[tuple[str, str]]:
    paths = api.get("/openapi.json").json()["paths"]
    return {(method.upper(), path) for path, item in paths.items() for method in item}


def test_every_route_of_the_schema_has_a_case(api: TestClient) -> None:
    routes = schema_routes(api)
    assert routes - set(CASES) == set(), "routes without a security case"
    assert set(CASES) - routes == set(), "cases for routes the server no longer has"
    assert len(routes) >= 38


@pytest.mark.parametrize("caller", CALLERS)
def test_every_route_for_every_caller(api: TestClient, world: World, caller: str) -> None:
    """Each route aimed at A's records, as ``caller``: the right status, problem documents
    with sentences, and nothing of A's for anyone not entitled to it."""
    assert schema_routes(api) == set(CASES)
    wrong: list[str] = []
    checked = 0
    for key, case in sorted(CASES.items(), key=lambda kv: kv[1].order):
        request, outcome = run_case(api, world, case, caller)
        checked += 1
        wrong += check_outcome(world, key, caller, request, outcome)
        wrong += check_content(world, key, caller, outcome)
        if key == ("POST", "/v1/ops/SignOut") and caller != "A":
            still = api.post(
                "/v1/ops/GetAccount", json={"client_id": None}, headers=world.headers("A")
            )
            if still.status_code != 200:
                wrong.append(f"SignOut of A's token by {caller} ended A's session")
        if caller in case.revokes and outcome.status < 300:
            if key[1] == "/v1/ops/ChangePassword":
                world.passwords[caller] = NEW_PASSWORD
                fresh = outcome.json()["value"]["token"]
                old = world.headers(caller)
                again = api.post("/v1/ops/CatalogueNow", json={}, headers=old)
                if again.status_code != 401 or again.json()["code"] != "SessionExpired":
                    wrong.append(f"ChangePassword as {caller} left the old token working")
                world.tokens[caller] = fresh
            else:
                world.sign_in_again(api, caller)
    assert checked == len(CASES)
    assert not wrong, "\n".join(wrong)


def check_content(world: World, key: tuple[str, str], caller: str, outcome: Outcome) -> list[str]:
    """What the answers entitled to A's records say (so a 200 is not an empty one)."""
    if outcome.status != 200:
        return []
    path = key[1]
    wrong = []
    text = outcome.text

    def needs(*markers: str) -> None:
        missing = [m for m in markers if m not in text]
        if missing:
            wrong.append(f"{path} as {caller}: {missing} missing from {text[:300]}")

    if caller == "A" or caller in STAFF:
        if path == "/v1/ops/BookingNotes":
            needs(VISIBLE_NOTE, *((INTERNAL_NOTE,) if caller in STAFF else ()))
        elif path == "/v1/ops/ClientFiles":
            needs(FILE_NAME, LINK_NAME)
        elif path == "/v1/ops/GetAccount":
            needs(A_NAME, A_EMAIL)
        elif path == "/v1/files/{file_id}":
            if text.encode() != FILE_BYTES:
                wrong.append(f"{path} as {caller}: not the file's bytes")
        elif path in ("/v1/ops/ClientBookings", "/v1/ops/ClientPurchases"):
            needs(str(world.ids["booking"]))
    if caller == "A" and path == "/v1/sync":
        needs(VISIBLE_NOTE, FILE_NAME, A_COMPANY)
    return wrong


# --- the client's copy ------------------------------------------------------------------------

NEVER_COPIED = (
    "note_revisions",
    "promo_codes",
    "promo_redemptions",
    "session_tokens",
    "audit_log",
    "sign_in_codes",
    "file_chunks",
    "change_log",
)
A_RECORDS = {  # table → the ids in world.ids of A's rows there
    "bookings": ("booking", "second_booking"),
    "purchases": ("purchase", "bundle_purchase"),
    "bundles": ("bundle",),
    "studio_notes": ("visible_note", "internal_note"),
    "shared_files": ("file", "link"),
    "users": ("a",),
}
STAFF_CONTACTS = ("owner@example.com", "desk@example.com", "manager@example.com")
STAFF_PHONES = ("1111111", "2222222", "3333333")


def sync(api: TestClient, world: World, caller: str, cursor: int = 0) -> dict[str, Any]:
    response = api.get("/v1/sync", params={"cursor": cursor}, headers=world.headers(caller))
    assert response.status_code == 200, response.text
    batch: dict[str, Any] = response.json()
    return batch


def named_ids(batch: dict[str, Any], table: str) -> set[int]:
    """Every id of ``table`` the batch names: in its rows, its keep list, its changes."""
    kind = {"studio_notes": "notes", "shared_files": "files"}.get(table, table)
    ids = {row["id"] for row in batch["rows"].get(table, [])}
    ids |= set(batch["keep"].get(table, []))
    ids |= set(batch["changes"].get(kind) or [])
    return ids


def test_another_clients_copy_holds_nothing_of_a(api: TestClient, world: World) -> None:
    batch = sync(api, world, "B")
    assert batch["full"] is True
    text = json.dumps(batch, ensure_ascii=False)
    for table, names in A_RECORDS.items():
        mine = {world.ids[name] for name in names}
        assert not named_ids(batch, table) & mine, f"B's copy names A's {table}"
    for table, rows in batch["rows"].items():
        for row in rows:
            assert row.get("client_id") in (None, world.ids["b"]), (table, row)
    assert [m for m in A_MARKERS if m in text] == []
    assert [m for m in STAFF_CONTACTS + STAFF_PHONES if m in text] == []


def test_a_clients_copy_holds_theirs_and_nothing_internal(api: TestClient, world: World) -> None:
    batch = sync(api, world, "A")
    text = json.dumps(batch, ensure_ascii=False)
    assert VISIBLE_NOTE in text and FILE_NAME in text and A_COMPANY in text
    assert INTERNAL_NOTE not in text
    assert world.ids["internal_note"] not in named_ids(batch, "studio_notes")
    assert world.ids["visible_note"] in named_ids(batch, "studio_notes")
    assert {world.ids["file"], world.ids["link"]} <= named_ids(batch, "shared_files")
    for part in ("rows", "replace", "keep"):
        assert not set(batch[part]) & set(NEVER_COPIED), part
    for table, rows in batch["rows"].items():
        for row in rows:
            assert row.get("client_id") in (None, world.ids["a"]), (table, row)
    assert all(row["content"] is None for row in batch["rows"]["shared_files"])
    assert all(row["promo_id"] is None for row in batch["rows"]["purchases"])
    assert "zephyrine-audio-bytes" not in text
    users = batch["rows"]["users"]
    assert {u["id"] for u in users if u["role"] == "client"} == {world.ids["a"]}
    for user in users:
        assert user["password_hash"] == "!copy", user
        if user["id"] != world.ids["a"]:
            assert user["email"] == f"staff-{user['id']}@studio.invalid", user
            assert user["phone"] == ""
    assert [m for m in STAFF_CONTACTS + STAFF_PHONES if m in text] == []
    assert "bruno" not in text.lower() and "8080808" not in text


def test_a_retracted_note_leaves_the_copy_and_an_internal_one_is_never_named(
    api: TestClient, world: World
) -> None:
    s, desk = world.studio.services, world.studio.desk
    cursor = sync(api, world, "A")["cursor"]
    s.notes.edit_note(desk, world.ids["internal_note"], body=INTERNAL_EDIT)
    s.notes.retract_note(desk, world.ids["visible_note"])
    # B's own note in the same stretch of the log: not A's to hear of either
    b_note = s.notes.add_note(desk, client_id=world.ids["b"], body="Bruno's note", internal=False)

    batch = sync(api, world, "A", cursor)
    assert batch["full"] is False
    text = json.dumps(batch, ensure_ascii=False)
    assert batch["keep"]["studio_notes"] == []  # the retracted note drops out
    assert world.ids["visible_note"] not in {r["id"] for r in batch["rows"].get("studio_notes", [])}
    named = named_ids(batch, "studio_notes")
    assert world.ids["internal_note"] not in named, f"A's copy names the internal note: {text}"
    assert b_note.id not in named, f"A's copy names B's note: {text}"
    assert INTERNAL_NOTE not in text and INTERNAL_EDIT not in text
    assert "note_revisions" not in text


# --- the change feed ----------------------------------------------------------------------------


def test_the_feed_tells_each_client_only_of_their_own(api: TestClient, world: World) -> None:
    audience = world.studio.services.client_copy.audience
    a, b = world.ids["a"], world.ids["b"]

    everyone, own = audience(SYSTEM, Changes.of_ids(Kind.BOOKINGS, [world.ids["booking"]]))
    assert not everyone
    assert set(own) == {a}
    assert own[a].ids[Kind.BOOKINGS] == {world.ids["booking"]}

    everyone, own = audience(
        SYSTEM, Changes.of_ids(Kind.NOTES, [world.ids["visible_note"], world.ids["internal_note"]])
    )
    assert not everyone
    assert own == {a: Changes.of_ids(Kind.NOTES, [world.ids["visible_note"]])}

    everyone, own = audience(SYSTEM, Changes.of_ids(Kind.NOTES, [world.ids["internal_note"]]))
    assert not everyone and own == {}, "an internal note reached someone"

    for kind in (Kind.AUDIT, Kind.SESSIONS):
        everyone, own = audience(SYSTEM, Changes.of(kind))
        assert not everyone and own == {}, kind

    everyone, own = audience(SYSTEM, Changes.of(Kind.CATALOGUE))
    assert Kind.CATALOGUE in everyone.ids and own == {}

    mixed = Changes.of_ids(Kind.FILES, [world.ids["file"]]).merge(
        Changes.of_ids(Kind.CLIENTS, [a, b])
    )
    everyone, own = audience(SYSTEM, mixed)
    assert not everyone
    assert own[b] == Changes.of_ids(Kind.CLIENTS, [b])
    assert own[a] == Changes.of_ids(Kind.FILES, [world.ids["file"]]).merge(
        Changes.of_ids(Kind.CLIENTS, [a])
    )


def test_the_feed_of_what_staff_actually_wrote(api: TestClient, world: World) -> None:
    """The change log's own entries for an internal note's edit reach nobody."""
    from sqlalchemy import select

    from podyx_desktop.db.tables import ChangeLog

    s = world.studio.services
    s.notes.edit_note(world.studio.desk, world.ids["internal_note"], body=INTERNAL_EDIT)
    with s.db.read() as session:
        text = session.scalar(select(ChangeLog.changes).order_by(ChangeLog.id.desc()).limit(1))
    logged = Changes.from_json(text or "")
    assert world.ids["internal_note"] in (logged.ids.get(Kind.NOTES) or ())
    everyone, own = s.client_copy.audience(SYSTEM, logged)
    assert Kind.NOTES not in everyone.ids
    assert all(Kind.NOTES not in heard.ids for heard in own.values())


# --- tokens ---------------------------------------------------------------------------------------


def assert_refused(response: httpx.Response, status: int, code: str | None = None) -> None:
    outcome = Outcome(
        response.status_code,
        response.headers.get("content-type", ""),
        response.text,
        dict(response.headers),
    )
    assert response.status_code == status, response.text
    assert is_problem(outcome) is None, is_problem(outcome)
    if code is not None:
        assert response.json()["code"] == code, response.text


def reads_with(api: TestClient, headers: dict[str, str]) -> list[httpx.Response]:
    """A read of each kind, with these headers: an op, the copy, a file."""
    return [
        api.post("/v1/ops/GetAccount", json={}, headers=headers),
        api.get("/v1/sync", headers=headers),
        api.get("/v1/files/1", headers=headers),
    ]


def test_a_signed_out_token_is_refused(api: TestClient, studio: Studio) -> None:
    ana = studio.client("Ana Client")
    kept = bearer(sign_in(api, ana.account.email)["token"])  # another device of hers
    ended = bearer(sign_in(api, ana.account.email)["token"])
    assert api.delete("/v1/session", headers=ended).status_code == 204
    for response in reads_with(api, ended):
        assert_refused(response, 401, "SessionExpired")
        assert "sign in again" in response.json()["detail"]
    assert_refused(api.delete("/v1/session", headers=ended), 401, "SessionExpired")
    feed = first_event(api.app, "/v1/changes", ended)
    assert (feed.status, feed.json()["code"]) == (401, "SessionExpired")
    assert api.post("/v1/ops/GetAccount", json={}, headers=kept).status_code == 200


def test_a_password_change_ends_every_session(api: TestClient, studio: Studio) -> None:
    ana = studio.client("Ana Client")
    laptop = bearer(sign_in(api, ana.account.email)["token"])
    phone = bearer(sign_in(api, ana.account.email)["token"])
    changed = api.post(
        "/v1/ops/ChangePassword", json={"current": PASSWORD, "new": NEW_PASSWORD}, headers=phone
    )
    assert changed.status_code == 200, changed.text
    fresh = bearer(changed.json()["value"]["token"])
    for old in (laptop, phone):
        for response in reads_with(api, old):
            assert_refused(response, 401, "SessionExpired")
    assert api.post("/v1/ops/GetAccount", json={}, headers=fresh).status_code == 200
    assert_refused(
        api.post("/v1/session", json={"email": ana.account.email, "password": PASSWORD}),
        401,
        "SignInFailed",
    )
    assert sign_in(api, ana.account.email, NEW_PASSWORD)["token"]


def test_an_expired_token_is_refused(api: TestClient, studio: Studio, clock: FakeClock) -> None:
    ana = studio.client("Ana Client")
    headers = bearer(sign_in(api, ana.account.email)["token"])
    days = studio.services.context.token_days
    clock.advance(days=days, seconds=-60)
    assert api.post("/v1/ops/GetAccount", json={}, headers=headers).status_code == 200
    clock.advance(seconds=61)
    for response in reads_with(api, headers):
        assert_refused(response, 401, "SessionExpired")


GARBAGE_AUTHORIZATION = (
    "Bearer not-a-token-anyone-was-given",
    "Bearer " + "A" * 5000,
    "Basic YW5hQGV4YW1wbGUuY29tOnBhc3N3b3Jk",
    "Bearer",
    "Bearer    ",
    "Token abc",
    "bearer\tabc",
)


def test_a_token_nobody_was_given_is_refused(api: TestClient, studio: Studio) -> None:
    for authorization in GARBAGE_AUTHORIZATION:
        for response in reads_with(api, {"Authorization": authorization}):
            assert_refused(response, 401)
            assert response.json()["code"] in ("SessionExpired", "NotSignedIn"), authorization
        # and the sign-in route, which takes no token, is not confused by one
        assert_refused(
            api.post(
                "/v1/session",
                json={"email": "nobody@example.com", "password": "x"},
                headers={"Authorization": authorization},
            ),
            401,
            "SignInFailed",
        )
    for response in reads_with(api, {}):  # no token at all: not signed in
        assert_refused(response, 401, "NotSignedIn")


# --- guessing passwords -----------------------------------------------------------------------------


def test_repeated_wrong_passwords_lock_the_account(
    api: TestClient, studio: Studio, clock: FakeClock
) -> None:
    from podyx_desktop.db.tables import Studio as StudioRow

    ana = studio.client("Ana Client")
    with studio.services.db.read() as session:
        row = session.get(StudioRow, 1)
        assert row is not None
        failures, minutes = row.lockout_failures, row.lockout_minutes
    assert failures >= 2

    def attempt(password: str, email: str = ana.account.email) -> httpx.Response:
        return api.post("/v1/session", json={"email": email, "password": password})

    unknown = attempt("whatever", "nobody.here@example.com")
    for _ in range(failures):
        wrong = attempt("not the password")
        assert_refused(wrong, 401, "SignInFailed")
        # the same words as for an address nobody has: nothing says the account exists
        assert wrong.json()["detail"] == unknown.json()["detail"]
    locked = attempt("still not it")
    assert_refused(locked, 423, "AccountLocked")
    assert "locked" in locked.json()["detail"]
    right = attempt(PASSWORD)
    assert_refused(right, 423, "AccountLocked")
    assert_refused(
        api.post(
            "/v1/ops/SignIn", json={"email": ana.account.email, "password": PASSWORD, "device": ""}
        ),
        423,
        "AccountLocked",
    )
    clock.advance(minutes=minutes, seconds=1)
    assert attempt(PASSWORD).status_code == 200


def test_one_address_is_slowed_and_another_is_not(services: Services, studio: Studio) -> None:
    ana = studio.client("Ana Client")
    app = create_app(services, sign_in_limit=AddressLimit(5))
    guesser = TestClient(app, client=("10.0.0.1", 40000))
    neighbour = TestClient(app, client=("10.0.0.2", 40000))
    body = {"email": ana.account.email, "password": PASSWORD}
    for number in range(5):  # guesses across accounts, none of them locked by it
        guess = {"email": f"guess{number}@example.com", "password": "a guess"}
        assert guesser.post("/v1/session", json=guess).status_code == 401
    slowed = guesser.post("/v1/session", json=body)  # even the right password waits
    assert_refused(slowed, 429, "TooManyAttempts")
    assert "Wait" in slowed.json()["detail"]
    assert 1 <= int(slowed.headers["retry-after"]) <= 60
    # the other routes that take a guess count against the same address
    for name, op_body in (
        ("SignIn", {**body, "device": ""}),
        (
            "SignUp",
            {
                "new": {
                    "full_name": "X",
                    "email": "x@example.com",
                    "phone": "+49 30 1",
                    "password": PASSWORD,
                },
                "device": "",
            },
        ),
        (
            "SetPasswordWithCode",
            {"email": ana.account.email, "code": "X", "new_password": NEW_PASSWORD},
        ),
    ):
        assert_refused(guesser.post(f"/v1/ops/{name}", json=op_body), 429, "TooManyAttempts")
    # a client at another address signs in as usual
    assert neighbour.post("/v1/session", json=body).status_code == 200


def sse_events(stream: httpx.Response) -> Iterator[dict[str, Any]]:
    """The ``data`` of each event of a Server-Sent Events stream, as it arrives."""
    for line in stream.iter_lines():
        if line.startswith("data:"):
            yield json.loads(line[5:].strip())


def assert_studio_wide_or_notes(event: dict[str, Any], own_id: int) -> None:
    """An event of the live test: notes by id, what everyone hears (staff names), or the
    listener's own account (a sign-in at the live server rehashes the test's fast
    password hashes), never another client's record."""
    for kind, ids in event["changes"].items():
        studio_wide = kind in ("staff", "catalogue", "settings") and ids is None
        assert kind == "notes" or studio_wide or (kind == "clients" and ids == [own_id]), event


def test_a_live_feed_tells_each_client_of_their_own_only(
    world: World, services: Services, tmp_path: Path
) -> None:
    """A real ``podyx-server`` over the test's database: A hears of her visible note, never
    of the internal one; B hears of his own note and, before it, nothing of A's."""
    url = services.db.url.render_as_string(hide_password=False)
    server = start_server(url, str(tmp_path / "server.log"))
    desk = world.studio.desk
    try:
        with httpx.Client(base_url=server.url, timeout=httpx.Timeout(10.0)) as http:
            a = bearer(sign_in(http, A_EMAIL)["token"])
            b = bearer(sign_in(http, world.emails["B"])["token"])
            staff = bearer(sign_in(http, world.emails["front_desk"])["token"])
            refused = http.get("/v1/changes", headers=staff)
            assert_refused(refused, 403, "NotAllowed")
            assert "staff seats connect" in refused.json()["detail"]
            assert_refused(http.get("/v1/changes"), 401, "NotSignedIn")
            with (
                http.stream("GET", "/v1/changes", headers=a) as a_stream,
                http.stream("GET", "/v1/changes", headers=b) as b_stream,
            ):
                assert a_stream.status_code == b_stream.status_code == 200
                assert a_stream.headers["content-type"].startswith("text/event-stream")
                a_events, b_events = sse_events(a_stream), sse_events(b_stream)
                assert next(a_events)["changes"] == {}  # where the log stands
                assert next(b_events)["changes"] == {}

                internal = services.notes.add_note(
                    desk, client_id=world.ids["a"], body="internal again", internal=True
                )
                visible = services.notes.add_note(
                    desk, client_id=world.ids["a"], body="see you at ten", internal=False
                )
                bruno = services.notes.add_note(
                    desk, client_id=world.ids["b"], body="bring your mic", internal=False
                )
                heard_by_a: list[int] = []
                while visible.id not in heard_by_a:
                    event = next(a_events)
                    assert_studio_wide_or_notes(event, world.ids["a"])
                    heard_by_a += event["changes"].get("notes", [])
                assert internal.id not in heard_by_a and bruno.id not in heard_by_a
                heard_by_b: list[int] = []
                while bruno.id not in heard_by_b:
                    event = next(b_events)
                    assert_studio_wide_or_notes(event, world.ids["b"])
                    heard_by_b += event["changes"].get("notes", [])
                assert heard_by_b == [bruno.id], f"B heard of {heard_by_b}"

                # A signs out on another device of hers: her open feed hears nothing more
                assert http.delete("/v1/session", headers=a).status_code == 204
                later = services.notes.add_note(
                    desk, client_id=world.ids["a"], body="after sign-out", internal=False
                )
                for event in a_events:  # until the stream ends
                    heard = event["changes"].get("notes", [])
                    assert later.id not in heard, f"a revoked token still hears: {event}"
    finally:
        server.stop()
    assert "Traceback" not in server.log()


def test_free_times_exclude_a_booking_only_for_those_who_may_see_it(
    api: TestClient, world: World
) -> None:
    """Excluding A's booking from the free times (as when she moves it) would show when it
    is: B is told it does not exist, a visitor's exclusion is ignored, A's is taken."""

    def free(caller: str, exclude: int | None) -> Any:
        query = {
            "setup_id": world.studio.podcast_setup,
            "service_id": world.studio.podcast,
            "minutes": 120,
            "day": DAY.isoformat(),
            "exclude_booking_id": exclude,
        }
        response = api.post(
            "/v1/ops/FreeTimes", json={"query": query}, headers=world.headers(caller)
        )
        return response.status_code, response.json()

    plain = free("anonymous", None)
    assert plain[0] == 200
    assert free("anonymous", world.ids["booking"]) == plain
    assert free("B", world.ids["booking"])[0] == 404
    assert free("B", None)[1] == plain[1]
    status, mine = free("A", world.ids["booking"])
    assert status == 200
    starts = {slot["starts_at"] for slot in mine["value"][1]}
    assert starts > {slot["starts_at"] for slot in plain[1]["value"][1]}
