"""The studio server's sessions, tested: refused tokens (signed out, replaced by a
password change, expired, never given), locked accounts and slowed addresses, a live
change feed per client, and free times that reveal only what the caller may see."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

from podyx_desktop.server.app import create_app
from podyx_desktop.server.guard import AddressLimit
from podyx_desktop.services import Services
from tests.conftest import FakeClock
from tests.factories import PASSWORD, Studio
from tests.server.conftest import bearer, sign_in, start_server
from tests.server.security_world import (
    A_EMAIL,
    DAY,
    NEW_PASSWORD,
    Outcome,
    World,
    first_event,
    is_problem,
)

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
