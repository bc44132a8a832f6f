"""Text that only looks hostile (SQL-looking or path-like names and reasons) is stored
verbatim and harms nothing; hostile download ranges and another client's file are refused
in words; the server's own refusals are sentences too."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.server.hostile_scene import (
    FILE_BYTES,
    HUGE,
    PATH,
    SQL,
    WINDOWS,
    Scene,
    billing,
    new_account,
    op,
    problem_of,
    profile,
    snapshot,
)


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
