"""Oversized, malformed and hostile input to the studio server's write routes is refused
in words and changes nothing; where the input is legitimately text (a name that looks
like SQL or like a path), it is stored verbatim as text and harms nothing.

"Changes nothing" is proven on the database itself: the row count of every table and the
newest ``change_log`` id, before and after, and the client's own rows, field by field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from podyx_desktop.db.base import Base
from podyx_desktop.db.tables import Booking, ChangeLog, SharedFile, User
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.services import Services
from tests.factories import PASSWORD, Studio
from tests.server.conftest import bearer, sign_in

DAY = date(2026, 6, 3)
FILE_BYTES = b"RIFF" + bytes(range(256)) * 4
SQL = "'; DROP TABLE users; --"
PATH = "../../etc/passwd"
WINDOWS = "..\\..\\windows\\system32"
LONG = "x" * 10_000
HUGE = 2**63
JSON = {"content-type": "application/json"}


@dataclass
class Scene:
    studio: Studio
    headers: dict[str, str]  # client A's bearer token
    a: int
    b: int
    booking: int  # A's
    b_booking: int
    file: int  # A's stored file
    b_file: int

    @property
    def services(self) -> Services:
        return self.studio.services


@pytest.fixture
def scene(api: TestClient, studio: Studio) -> Scene:
    s = studio.services
    a = s.accounts.sign_up(
        Principal.anonymous(),
        NewAccount("Ada Client", "ada@example.com", "+49 30 5151515", PASSWORD),
    )
    b = s.accounts.sign_up(
        Principal.anonymous(),
        NewAccount("Ben Client", "ben@example.com", "+49 30 6161616", PASSWORD),
    )
    booking = studio.book(a, studio.at(DAY, 10)).booking.id
    b_booking = studio.book(b, studio.at(DAY, 15)).booking.id
    file = s.files.share_file(studio.desk, client_id=a.account.id, name="a.wav", content=FILE_BYTES)
    b_file = s.files.share_file(studio.desk, client_id=b.account.id, name="b.wav", content=b"RIFFb")
    headers = bearer(sign_in(api, "ada@example.com")["token"])
    return Scene(
        studio, headers, a.account.id, b.account.id, booking, b_booking, file.id, b_file.id
    )


def snapshot(services: Services) -> dict[str, Any]:
    """Every table's row count, the newest change_log id, and the rows a write would touch."""
    with services.db.read() as session:
        state: dict[str, Any] = {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }
        state["change_log.newest"] = session.scalar(select(func.max(ChangeLog.id)))
        for entity in (User, Booking, SharedFile):
            rows = session.scalars(select(entity).order_by(entity.id))
            state[f"{entity.__tablename__}.rows"] = [
                {c.key: getattr(row, c.key) for c in entity.__table__.columns} for row in rows
            ]
    return state


def problem_of(response: Any) -> str | None:
    """What is wrong with a refusal, or None: 4xx, a problem document with a sentence."""
    if not 400 <= response.status_code < 500:
        return f"status {response.status_code}: {response.text[:300]}"
    if response.headers.get("content-type") != "application/problem+json":
        return f"content-type {response.headers.get('content-type')}: {response.text[:300]}"
    for leak in ("Traceback", 'File "', "sqlalchemy", "psycopg", "sqlite3"):
        if leak in response.text:
            return f"{leak!r} in {response.text[:300]}"
    detail = response.json().get("detail")
    if not isinstance(detail, str) or len(detail) < 12 or not detail.endswith((".", "?")):
        return f"detail {detail!r} is not a sentence"
    return None


def op(name: str) -> str:
    return f"/v1/ops/{name}"


def profile(full_name: Any = "Ada Client", phone: Any = "+49 30 5151515", **extra: Any) -> Any:
    return {
        "full_name": full_name,
        "phone": phone,
        "shown_name": None,
        "shown_phone": None,
        **extra,
    }


def billing(company: Any = "Ada Audio", vat_id: Any = "", **address: Any) -> dict[str, Any]:
    return {"company": company, "vat_id": vat_id, "address": address}


def new_account(**fields: Any) -> dict[str, Any]:
    new = {
        "full_name": "Nia New",
        "email": "nia@example.com",
        "phone": "+49 30 7171717",
        "password": PASSWORD,
        **fields,
    }
    return {"new": new, "device": ""}


def book(scene: Scene, *, cart: Any = None, **request: Any) -> dict[str, Any]:
    studio = scene.studio
    body = {
        "cart": cart
        or {"setup_id": studio.podcast_setup, "service_id": studio.podcast, "minutes": 120},
        "starts_at": studio.at(DAY, 18).isoformat(),  # free: a refusal is for its own reason
        "payment_method": "pay_later",
        "terms_accepted": True,
        **request,
    }
    return {"request": body}


def refused_bodies(scene: Scene) -> list[tuple[str, str, Any, set[int]]]:
    """(why, route, JSON body, the statuses it may be refused with): each would change
    something if it were taken."""
    s = scene.studio
    cart = {"setup_id": s.podcast_setup, "service_id": s.podcast, "minutes": 120}
    return [
        # SaveProfile
        ("a NUL in a name", op("SaveProfile"), profile("Ada\x00Client"), {422}),
        ("a bell in a name", op("SaveProfile"), profile("Ada\x07"), {422}),
        ("an escape sequence in a name", op("SaveProfile"), profile("\x1b[31mAda"), {422}),
        ("a C1 control in a name", op("SaveProfile"), profile("Ada\x85"), {422}),
        ("a 10,000-character name", op("SaveProfile"), profile(LONG), {422}),
        ("a path as a name of 10,000", op("SaveProfile"), profile(PATH * 700), {422}),
        ("SQL as a phone", op("SaveProfile"), profile(phone="1 OR 1=1"), {422}),
        ("a number as a name", op("SaveProfile"), profile(12345), {422}),
        ("a list as a name", op("SaveProfile"), profile(["Ada"]), {422}),
        ("another client's id", op("SaveProfile"), profile(client_id=scene.b), {404}),
        ("an id of 2**63", op("SaveProfile"), profile(client_id=HUGE), {422}),
        ("an id of -2**63", op("SaveProfile"), profile(client_id=-HUGE), {422}),
        ("an unknown field", op("SaveProfile"), profile(role="owner"), {422}),
        # ChangeEmail
        ("a path as an e-mail", op("ChangeEmail"), {"email": PATH, "password": PASSWORD}, {422}),
        (
            "SQL as an e-mail",
            op("ChangeEmail"),
            {"email": f"{SQL}@example.com", "password": PASSWORD},
            {422},
        ),
        (
            "SQL as the password",
            op("ChangeEmail"),
            {"email": "ada2@example.com", "password": "' OR '1'='1"},
            {422},
        ),
        (
            "a NUL in an e-mail",
            op("ChangeEmail"),
            {"email": "ada\x00@example.com", "password": PASSWORD},
            {422},
        ),
        (
            "a 10,000-character e-mail",
            op("ChangeEmail"),
            {"email": f"{LONG}@example.com", "password": PASSWORD},
            {422},
        ),
        (
            "another client's e-mail",
            op("ChangeEmail"),
            {"email": "ben@example.com", "password": PASSWORD},
            {409},
        ),
        (
            "a password of a wrong type",
            op("ChangeEmail"),
            {"email": "x@example.com", "password": 1},
            {422},
        ),
        ("no password", op("ChangeEmail"), {"email": "ada2@example.com"}, {422}),
        # UpdateBilling
        ("a 10,000-character company", op("UpdateBilling"), billing(LONG), {422}),
        ("a NUL in a company", op("UpdateBilling"), billing("Ada\x00"), {422}),
        ("a NUL in a city", op("UpdateBilling"), billing(city="Ber\x00lin"), {422}),
        ("a 10,000-character VAT id", op("UpdateBilling"), billing(vat_id=LONG), {422}),
        ("an address as text", op("UpdateBilling"), {**billing(), "address": PATH}, {422}),
        ("an unknown address field", op("UpdateBilling"), billing(is_admin=True), {422}),
        ("an unknown field", op("UpdateBilling"), {**billing(), "client_id": scene.b}, {422}),
        # Book
        (
            "a start in the year 9999",
            op("Book"),
            book(scene, starts_at="9999-12-31T23:59:59+00:00"),
            {422},
        ),
        ("a start without a zone", op("Book"), book(scene, starts_at="2026-06-03T18:00:00"), {422}),
        ("a start that is no time", op("Book"), book(scene, starts_at=SQL), {422}),
        ("minutes of 2**63", op("Book"), book(scene, cart={**cart, "minutes": HUGE}), {422}),
        ("negative minutes", op("Book"), book(scene, cart={**cart, "minutes": -120}), {422}),
        ("minutes as a float", op("Book"), book(scene, cart={**cart, "minutes": 120.5}), {422}),
        ("a setup id of 2**63", op("Book"), book(scene, cart={**cart, "setup_id": HUGE}), {422}),
        (
            "a setup id that is SQL",
            op("Book"),
            book(scene, cart={**cart, "setup_id": "1 OR 1=1"}),
            {422},
        ),
        (
            "an add-on quantity of 2**63",
            op("Book"),
            book(scene, cart={**cart, "addons": [{"addon_id": s.extra_mic, "quantity": HUGE}]}),
            {422},
        ),
        (
            "a negative add-on quantity",
            op("Book"),
            book(scene, cart={**cart, "addons": [{"addon_id": s.extra_mic, "quantity": -3}]}),
            {422},
        ),
        ("a price the client sets", op("Book"), book(scene, price_override_minor=0), {403}),
        (
            "the studio's rules bypassed",
            op("Book"),
            book(scene, bypass_rules=True, bypass_reason="x"),
            {403},
        ),
        ("for another client", op("Book"), book(scene, client_id=scene.b), {403}),
        ("a payment method nobody has", op("Book"), book(scene, payment_method="free"), {422}),
        ("SQL as a promo code", op("Book"), book(scene, promo_code=SQL), {422}),
        ("terms not accepted", op("Book"), book(scene, terms_accepted=False), {422}),
        ("an unknown field", op("Book"), {**book(scene), "paid": True}, {422}),
        # CancelBooking
        ("another client's booking", op("CancelBooking"), {"booking_id": scene.b_booking}, {404}),
        ("a booking id of 2**63", op("CancelBooking"), {"booking_id": HUGE}, {422}),
        ("a booking id of 2**70", op("CancelBooking"), {"booking_id": 2**70}, {422}),
        # beyond a 32-bit column: nothing there (SQLite), or a value PostgreSQL refuses
        ("a booking id of 2**40", op("CancelBooking"), {"booking_id": 2**40}, {404, 422}),
        ("a negative booking id", op("CancelBooking"), {"booking_id": -1}, {404}),
        ("SQL as a booking id", op("CancelBooking"), {"booking_id": "1 OR 1=1"}, {422}),
        ("a float booking id", op("CancelBooking"), {"booking_id": scene.booking + 0.5}, {422}),
        ("a null booking id", op("CancelBooking"), {"booking_id": None}, {422}),
        ("a list of booking ids", op("CancelBooking"), {"booking_id": [scene.booking]}, {422}),
        (
            "a NUL in the reason",
            op("CancelBooking"),
            {"booking_id": scene.booking, "reason": "late\x00"},
            {422},
        ),
        (
            "an unknown field",
            op("CancelBooking"),
            {"booking_id": scene.booking, "refund": "all"},
            {422},
        ),
        # SignUp (anonymous; the bearer token is ignored)
        ("a 10,000-character name", op("SignUp"), new_account(full_name=LONG), {422}),
        ("a path as an e-mail", op("SignUp"), new_account(email=PATH), {422}),
        (
            "a NUL in the password",
            op("SignUp"),
            new_account(password="correct\x00horse battery"),
            {422},
        ),
        ("a taken e-mail", op("SignUp"), new_account(email="ben@example.com"), {409}),
        ("a short password", op("SignUp"), new_account(password="1 OR 1=1"), {422}),
        ("an unknown field", op("SignUp"), {**new_account(), "role": "owner"}, {422}),
        ("a role in the account", op("SignUp"), new_account(role="owner"), {422}),
        ("a device that is a list", op("SignUp"), {**new_account(), "device": ["x"]}, {422}),
        # SignIn: guesses against an account nobody has (so no failure is counted)
        (
            "SQL as e-mail and password",
            "/v1/session",
            {"email": SQL, "password": "' OR 1=1 --"},
            {401},
        ),
        (
            "SQL via the op",
            op("SignIn"),
            {"email": SQL, "password": "1 OR 1=1", "device": ""},
            {401},
        ),
        ("a 10,000-character e-mail", "/v1/session", {"email": LONG, "password": "x"}, {422}),
        (
            "a NUL in the e-mail",
            "/v1/session",
            {"email": "a\x00@example.com", "password": "x"},
            {422},
        ),
        (
            "a NUL via the op",
            op("SignIn"),
            {"email": "a\x00b", "password": "x", "device": ""},
            {422},
        ),
        (
            "a system principal asked for",
            "/v1/session",
            {"email": "nobody@example.com", "password": "x", "is_system": True},
            {422},
        ),
        (
            "a password of a wrong type",
            "/v1/session",
            {"email": "nobody@example.com", "password": None},
            {422},
        ),
        # MarkFileOpened
        ("another client's file", op("MarkFileOpened"), {"file_id": scene.b_file}, {404}),
        ("a file id of 2**63", op("MarkFileOpened"), {"file_id": HUGE}, {422}),
        ("a path as a file id", op("MarkFileOpened"), {"file_id": PATH}, {422}),
        ("a negative file id", op("MarkFileOpened"), {"file_id": -1}, {404}),
        ("a float file id", op("MarkFileOpened"), {"file_id": 1.5}, {422}),
        ("a null file id", op("MarkFileOpened"), {"file_id": None}, {422}),
    ]


def test_hostile_bodies_are_refused_in_words_and_change_nothing(
    api: TestClient, scene: Scene
) -> None:
    before = snapshot(scene.services)
    wrong = []
    for why, route, body, statuses in refused_bodies(scene):
        response = api.post(route, json=body, headers=scene.headers)
        problem = problem_of(response)
        if problem or response.status_code not in statuses:
            wrong.append(f"{route}, {why}: {problem or response.status_code} (expected {statuses})")
        after = snapshot(scene.services)
        if after != before:
            changed = [key for key in before if before[key] != after[key]]
            wrong.append(f"{route}, {why}: changed {changed}")
            before = after
    assert not wrong, "\n".join(wrong)
    # and the client is still who she was, signed in, and may book what was refused
    account = api.post(op("GetAccount"), json={}, headers=scene.headers).json()["value"]
    assert (account["full_name"], account["email"]) == ("Ada Client", "ada@example.com")
    booked = api.post(op("Book"), json=book(scene), headers=scene.headers)
    assert booked.status_code == 200, booked.text


def raw_requests(scene: Scene) -> list[tuple[str, bytes, dict[str, str], set[int]]]:
    """Bodies that are no JSON object of the route's fields, each aimed at a real cancel
    of A's booking (taking it would change something)."""
    real = json.dumps({"booking_id": scene.booking}).encode()
    deep_object = b'{"booking_id": ' + b'{"a": ' * 10_000 + b"1" + b"}" * 10_001
    return [
        ("JSON nested 10,000 deep", b"[" * 10_000 + b"]" * 10_000, JSON, {400, 413, 422}),
        ("an object nested 10,000 deep", deep_object, JSON, {400, 413, 422}),
        ("a body over 64 KiB", real[:-1] + b', "reason": "' + b"x" * 70_000 + b'"}', JSON, {413}),
        ("64 KiB of whitespace after it", real + b" " * 66_000, JSON, {413}),
        ("no JSON at all", b"booking_id=%d" % scene.booking, JSON, {400}),
        ("JSON cut short", real[:-3], JSON, {400}),
        ("an empty body", b"", JSON, {422}),
        ("null", b"null", JSON, {422}),
        ("an array", b"[%d]" % scene.booking, JSON, {422}),
        ("a string", b'"%d"' % scene.booking, JSON, {422}),
        ("the right JSON as text/plain", real, {"content-type": "text/plain"}, {422}),
        (
            "the right JSON as a form",
            real,
            {"content-type": "application/x-www-form-urlencoded"},
            {422},
        ),
        (
            "a form",
            b"booking_id=%d" % scene.booking,
            {"content-type": "application/x-www-form-urlencoded"},
            {422},
        ),
        ("the right JSON without a content-type", real, {}, {422}),
        ("NaN as the id", b'{"booking_id": NaN}', JSON, {422}),
        ("1e400 as the id", b'{"booking_id": 1e400}', JSON, {422}),
        (
            "a byte that is no UTF-8",
            b'{"booking_id": %d, "reason": "\xff"}' % scene.booking,
            JSON,
            {400, 422},
        ),
        (
            "a lone surrogate escaped",
            b'{"booking_id": %d, "reason": "\\udc00"}' % scene.booking,
            JSON,
            {422},
        ),
        (
            "a NUL escaped",
            b'{"booking_id": %d, "reason": "\\u0000"}' % scene.booking,
            JSON,
            {422},
        ),
        # duplicate keys: the last one counts (as in every JSON reader Python has), so a
        # proxy that reads the first sees A's booking, but the server acts on B's: refused
        (
            "duplicate keys, another client's booking last",
            b'{"booking_id": %d, "booking_id": %d}' % (scene.booking, scene.b_booking),
            JSON,
            {404},
        ),
        ("a Content-Length that is no number", real, {**JSON, "content-length": "abc"}, {400, 413}),
    ]


def test_malformed_bodies_are_refused_in_words_and_change_nothing(
    api: TestClient, scene: Scene
) -> None:
    before = snapshot(scene.services)
    wrong = []
    for why, content, headers, statuses in raw_requests(scene):
        response = api.post(
            op("CancelBooking"), content=content, headers={**scene.headers, **headers}
        )
        problem = problem_of(response)
        if problem or response.status_code not in statuses:
            wrong.append(f"{why}: {problem or response.status_code} (expected {statuses})")
        after = snapshot(scene.services)
        if after != before:
            wrong.append(f"{why}: changed {[k for k in before if before[k] != after[k]]}")
            before = after
    assert not wrong, "\n".join(wrong)
    # the same route still takes the real request
    taken = api.post(op("CancelBooking"), json={"booking_id": scene.booking}, headers=scene.headers)
    assert taken.status_code == 200, taken.text


def test_text_that_only_looks_hostile_is_stored_verbatim(api: TestClient, scene: Scene) -> None:
    """A name that looks like SQL or a path is a name: stored as given, harming nothing
    (the tables are all there, with the rows they had). So are Unicode format
    characters (joiners, direction marks), which names in several scripts need;
    control characters are what is refused (above)."""
    texts = [
        SQL,
        "Robert'); DROP TABLE bookings;--",
        "1 OR 1=1",
        PATH,
        WINDOWS,
        "%s%s%n",
        "{{7*7}} ${7*7}",
        "<script>alert(1)</script>",
        "Ad\u200da \u200fZ\u202eY",  # a joiner, a right-to-left mark, a direction override
        "Ada 👩‍🎤 Client",
    ]
    wrong = []
    for text in texts:
        before = snapshot(scene.services)
        saved = api.post(op("SaveProfile"), json=profile(text), headers=scene.headers)
        billed = api.post(
            op("UpdateBilling"), json=billing(text[:200], line1=text[:200]), headers=scene.headers
        )
        after = snapshot(scene.services)
        if saved.status_code != 200 or billed.status_code != 200:
            wrong.append(f"{text!r}: {saved.status_code} {billed.status_code} {saved.text[:200]}")
            continue
        account = api.post(op("GetAccount"), json={}, headers=scene.headers).json()["value"]
        if (account["full_name"], account["company"], account["address"]["line1"]) != (
            text,
            text[:200],
            text[:200],
        ):
            wrong.append(f"{text!r} came back as {account['full_name']!r}/{account['company']!r}")
        counts = [
            name for name in before if not name.endswith(".rows") and before[name] != after[name]
        ]
        if set(counts) - {"change_log", "change_log.newest"}:
            wrong.append(f"{text!r}: row counts changed in {counts}")
        users = {row["id"]: row for row in after["users.rows"]}
        others = {row["id"]: row for row in before["users.rows"] if row["id"] != scene.a}
        if any(users[i] != row for i, row in others.items()):
            wrong.append(f"{text!r}: another account changed")
    assert not wrong, "\n".join(wrong)


def test_a_new_account_with_a_hostile_looking_name_is_just_an_account(
    api: TestClient, scene: Scene
) -> None:
    before = snapshot(scene.services)
    created = api.post(op("SignUp"), json={**new_account(full_name=SQL), "device": PATH})
    assert created.status_code == 200, created.text
    assert created.json()["value"]["account"]["full_name"] == SQL
    after = snapshot(scene.services)
    grown = {k for k in before if not k.endswith(".rows") and before[k] != after[k]}
    assert grown <= {"users", "client_totals", "session_tokens", "change_log", "change_log.newest"}
    assert after["users"] == before["users"] + 1
    assert after["bookings"] == before["bookings"]


def test_a_cancel_reason_that_looks_like_sql_is_a_reason(api: TestClient, scene: Scene) -> None:
    before = snapshot(scene.services)
    reason = "'; DELETE FROM bookings; --"
    response = api.post(
        op("CancelBooking"),
        json={"booking_id": scene.booking, "reason": reason},
        headers=scene.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["value"]["status"] == "canceled"
    after = snapshot(scene.services)
    assert after["bookings"] == before["bookings"]
    assert after["users"] == before["users"]
    events = api.post(
        op("BookingDetails"), json={"booking_id": scene.booking}, headers=scene.headers
    )
    assert reason in events.text


# --- downloads ------------------------------------------------------------------------------------


def test_hostile_ranges_are_refused_in_words(api: TestClient, scene: Scene) -> None:
    url = f"/v1/files/{scene.file}"
    size = len(FILE_BYTES)
    for header in (
        "bytes=-5",
        "bytes=999999999-",
        "items=0-",
        "bytes=0-3",
        "bytes=1-2,4-5",
        "bytes=--1",
        f"bytes={size + 1}-",
        "bytes=" + "9" * 5000 + "-",
        "bytes=",
        "=",
    ):
        response = api.get(url, headers={**scene.headers, "range": header})
        assert problem_of(response) is None, (header, problem_of(response))
        assert response.status_code == 416, (header, response.text)
        assert response.headers["content-range"] == f"bytes */{size}", header
    resumed = api.get(url, headers={**scene.headers, "range": "bytes=5-"})
    assert resumed.status_code == 206
    assert resumed.content == FILE_BYTES[5:]
    assert resumed.headers["content-range"] == f"bytes 5-{size - 1}/{size}"
    last = api.get(url, headers={**scene.headers, "range": f"bytes={size - 1}-"})
    assert last.status_code == 206 and last.content == FILE_BYTES[-1:]
    whole = api.get(url, headers=scene.headers)
    assert whole.status_code == 200 and whole.content == FILE_BYTES
    # nothing left after the last byte: the whole file again (never "bytes 14-13/14")
    again = api.get(url, headers={**scene.headers, "range": f"bytes={size}-"})
    assert again.status_code == 200 and again.content == FILE_BYTES
    assert "content-range" not in again.headers


def test_another_clients_file_is_not_found_whatever_is_asked(api: TestClient, scene: Scene) -> None:
    """B's file, to A: not found, with or without a range (a 416 would tell its size)."""
    for headers in (
        {},
        {"range": "bytes=0-"},
        {"range": "bytes=999999999-"},
        {"range": "items=0-"},
    ):
        response = api.get(f"/v1/files/{scene.b_file}", headers={**scene.headers, **headers})
        assert response.status_code == 404, (headers, response.text)
        assert problem_of(response) is None
        assert "content-range" not in response.headers
        assert "b.wav" not in response.text
    for file_id, statuses in (
        ("abc", {422}),
        ("1.5", {422}),
        (str(HUGE), {422}),
        (str(2**40), {404, 422}),
        ("-1", {404}),
        ("..%2F..%2Fetc%2Fpasswd", {404, 422}),
        ("1%00", {404, 422}),
        (f"{scene.file}%20OR%201=1", {404, 422}),
    ):
        response = api.get(f"/v1/files/{file_id}", headers=scene.headers)
        assert response.status_code in statuses, (file_id, response.text)
        assert problem_of(response) is None, (file_id, problem_of(response))


def test_the_servers_own_refusals_are_sentences_too(api: TestClient, scene: Scene) -> None:
    """Addresses, methods and cursors the server has no answer for."""
    before = snapshot(scene.services)
    for method, url, statuses in (
        ("GET", "/v1/sync?cursor=-1", {422}),
        ("GET", "/v1/sync?cursor=abc", {422}),
        ("GET", f"/v1/sync?cursor={HUGE}", {422}),
        ("GET", "/v1/sync?cursor=1%20OR%201=1", {422}),
        ("GET", "/v1/ops/CancelBooking", {405}),
        ("PUT", "/v1/session", {405}),
        ("POST", "/v1/ops/ApprovePayment", {404}),  # the desk's, not on the server
        ("POST", "/v1/ops/RefundPurchase", {404}),
        ("POST", "/v1/ops/../../etc/passwd", {404}),
        ("GET", "/v1/files/../../etc/passwd", {404}),
        ("GET", "/docs", {404}),
        ("GET", "/v2/sync", {404}),
    ):
        response = api.request(method, url, headers=scene.headers, json={})
        assert response.status_code in statuses, (method, url, response.text)
        assert problem_of(response) is None, (method, url, problem_of(response))
    assert snapshot(scene.services) == before
