"""The world the security tests attack: one client (A) with real records of every kind
and unique markers in them, another client (B), and a staff member of each role, each
signed in; what must never reach anyone else is listed here."""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import anyio
from fastapi.testclient import TestClient

from podyx_desktop.domain.enums import PaymentMethod, Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Address, SignedIn
from podyx_desktop.domain.requests import AddonChoice, BundlePurchaseRequest, NewAccount
from podyx_desktop.domain.waitlist import WaitlistJoin
from tests.factories import PASSWORD, Studio
from tests.server.conftest import bearer, sign_in

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
    # A waits for a time B took
    taken = studio.book(b, studio.at(DAY, 18), minutes=60).booking
    waits = s.waitlist.join(
        a.principal,
        WaitlistJoin(a.account.id, studio.podcast_setup, studio.podcast, taken.starts_at, 60),
    )
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
            "waitlist": waits.id,
        },
    )
    world.passwords = {caller: PASSWORD for caller in emails}
    world.tokens = {"anonymous": None}
    for caller in emails:
        world.sign_in_again(api, caller)
    return world


Request = dict[str, Any]  # keyword arguments of TestClient.request (method and url included)


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
