"""The studio server's security, tested: every route × every kind of caller (anonymous,
the client, another client, each staff role) against one client's real records; what a
client's copy and change feed hand out; refused tokens; locked accounts and slowed
addresses.

Nothing here mocks our own layers: requests go through the ASGI application (or a real
``podyx-server`` process) to the services and a real database, on both engines.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from podyx_desktop.domain.changes import Changes, Kind
from tests.server.security_routes import CASES, Case
from tests.server.security_world import (
    A_COMPANY,
    A_EMAIL,
    A_MARKERS,
    A_NAME,
    CALLERS,
    FILE_BYTES,
    FILE_NAME,
    INTERNAL_EDIT,
    INTERNAL_NOTE,
    LINK_NAME,
    NEW_PASSWORD,
    STAFF,
    STAFF_ONLY_MARKERS,
    SYSTEM,
    VISIBLE_NOTE,
    Outcome,
    Request,
    World,
    call,
    first_event,
    is_problem,
)


def run_case(api: TestClient, world: World, case: Case, caller: str) -> tuple[Request, Outcome]:
    request = case.request(world, caller)
    headers = world.headers(caller)
    if case.stream:
        return request, first_event(api.app, request["url"], headers)
    return request, call(api, request, headers)


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
