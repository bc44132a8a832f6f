"""The studio server's API: health, signing in and out, the named requests through the
services' own checks, problem documents, and the schema."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from fastapi.testclient import TestClient

from podyx_desktop.server.ops import BY_NAME, SERVER_REQUESTS
from tests.documents.pdfcheck import Pdf
from tests.factories import Studio
from tests.server.conftest import bearer, sign_in


def test_health_answers_when_the_database_does(api: TestClient) -> None:
    response = api.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_every_request_is_one_access_line_with_its_status_and_time(
    api: TestClient, studio: Studio, caplog: pytest.LogCaptureFixture
) -> None:
    ana = studio.client("Ana Client")
    token = sign_in(api, ana.account.email)["token"]
    with caplog.at_level(logging.INFO, logger="podyx_desktop.server.access"):
        api.get("/health")
        api.post(
            "/v1/ops/ClientBookings", json={"client_id": ana.account.id}, headers=bearer(token)
        )
        api.post("/v1/ops/ClientBookings", json={"client_id": ana.account.id})
    lines = [r for r in caplog.records if r.name == "podyx_desktop.server.access"]
    fields = [r.fields for r in lines]  # type: ignore[attr-defined]
    assert [(f["method"], f["path"], f["status"]) for f in fields] == [
        ("GET", "/health", 200),
        ("POST", "/v1/ops/ClientBookings", 200),
        ("POST", "/v1/ops/ClientBookings", 401),  # no token: refused, and logged
    ]
    assert all(f["ms"] >= 0 and f["client"] for f in fields)
    assert lines[1].getMessage() == "POST /v1/ops/ClientBookings 200"


def test_a_client_signs_in_reads_books_and_signs_out(api: TestClient, studio: Studio) -> None:
    ana = studio.client("Ana Client")
    me = sign_in(api, ana.account.email)
    headers = bearer(me["token"])
    assert me["account"]["id"] == ana.account.id

    bookings = api.post(
        "/v1/ops/ClientBookings", json={"client_id": ana.account.id}, headers=headers
    )
    assert bookings.status_code == 200
    assert bookings.json()["value"] == [[], []]

    assert api.delete("/v1/session", headers=headers).status_code == 204
    again = api.post("/v1/ops/ClientBookings", json={"client_id": ana.account.id}, headers=headers)
    assert again.status_code == 401
    assert again.json()["code"] == "SessionExpired"
    assert "sign in again" in again.json()["detail"]


def test_a_document_in_the_language_the_window_sends(api: TestClient, studio: Studio) -> None:
    """A client at home: the window's language crosses the wire with the request."""
    ana = studio.client("Ana Client")
    booking = studio.book(ana, studio.at(date(2026, 6, 10), 10))
    headers = bearer(sign_in(api, ana.account.email)["token"])
    texts = {}
    for language in ("de", "en"):
        body = {"booking_id": booking.booking.id, "language": language}
        response = api.post("/v1/ops/SessionSummaryPdf", json=body, headers=headers)
        assert response.status_code == 200, response.text
        pdf, _changes = BY_NAME["SessionSummaryPdf"].load_result(response.json())
        texts[language] = Pdf(pdf).text
    assert "Terminübersicht" in texts["de"] and "Session summary" not in texts["de"]
    assert "Session summary" in texts["en"] and "Terminübersicht" not in texts["en"]


def test_another_clients_records_are_not_found(api: TestClient, studio: Studio) -> None:
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    headers = bearer(sign_in(api, ben.account.email)["token"])
    response = api.post(
        "/v1/ops/ClientBookings", json={"client_id": ana.account.id}, headers=headers
    )
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"].endswith("is not yours.")


def test_bad_input_is_a_sentence_and_no_stack_trace(api: TestClient, studio: Studio) -> None:
    headers = bearer(sign_in(api, studio.client().account.email)["token"])
    cases = [
        ({"client_id": "seven"}, 422, "client_id"),
        ({"client_id": 1, "more": True}, 422, "more"),
        ({}, 422, "client_id"),
    ]
    for body, status, word in cases:
        response = api.post("/v1/ops/ClientBookings", json=body, headers=headers)
        assert response.status_code == status
        assert word in response.json()["detail"]
        assert "Traceback" not in response.text
    not_json = api.post(
        "/v1/ops/ClientBookings",
        content=b"{not json",
        headers={**headers, "content-type": "application/json"},
    )
    assert not_json.status_code == 400
    assert not_json.json()["detail"] == "The request's body is not valid JSON."
    deep = api.post(
        "/v1/ops/ClientBookings",
        content=b"[" * 30_000 + b"]" * 30_000,
        headers={**headers, "content-type": "application/json"},
    )
    assert deep.status_code in (400, 413)
    huge = api.post(
        "/v1/ops/ClientBookings",
        content=b"x" * 100_000,
        headers={**headers, "content-type": "application/json"},
    )
    assert huge.status_code == 413
    assert "KiB" in huge.json()["detail"]


def test_the_schema_names_every_request_and_its_answer(api: TestClient) -> None:
    schema = api.get("/openapi.json").json()
    paths = schema["paths"]
    for wire in SERVER_REQUESTS:
        route = paths[f"/v1/ops/{wire.name}"]["post"]
        body = route["requestBody"]["content"]["application/json"]["schema"]
        assert body["$ref"].endswith(f"/{wire.name}")
        answer = route["responses"]["200"]["content"]["application/json"]["schema"]
        assert answer["$ref"].endswith(f"/{wire.name}Result")
    assert {"/health", "/v1/session", "/v1/sync", "/v1/changes", "/v1/files/{file_id}"} <= set(
        paths
    )
    # what the window may not do at the desk is not there at all
    assert "/v1/ops/ApprovePayment" not in paths
    assert "/v1/ops/RefundPurchase" not in paths


def test_the_schema_kept_in_the_repository_is_the_one_the_server_generates() -> None:
    """docs/openapi.json is the API's contract: change it deliberately, with
    ``python -m podyx_desktop.server.schema > docs/openapi.json``."""
    import json
    from pathlib import Path

    from podyx_desktop.server.schema import schema

    kept = json.loads((Path(__file__).parents[2] / "docs" / "openapi.json").read_text())
    assert kept == json.loads(json.dumps(schema())), (
        "the API changed: review it, then python -m podyx_desktop.server.schema > docs/openapi.json"
    )
    assert kept["info"]["title"] == "Podyx studio server"
    assert all(path == "/health" or path.startswith("/v1/") for path in kept["paths"])
