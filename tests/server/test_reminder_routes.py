"""Reminders over the studio server (FakeClock, no sleeps): a client at home checks and
gets a due reminder once; their other computer, asking next, gets none; the next session
comes along; another client's booking cannot be marked."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from podyx_desktop.domain.enums import PaymentMethod
from tests.conftest import FakeClock
from tests.factories import Studio
from tests.server.conftest import bearer, sign_in

DAY = date(2026, 6, 10)


def test_a_client_at_home_gets_a_reminder_once_over_their_computers(
    api: TestClient, studio: Studio, clock: FakeClock
) -> None:
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    booked = studio.book(ana, studio.at(DAY, 14))
    assert booked.purchase is not None
    studio.services.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    booking = booked.booking.id
    clock.now = studio.at(DAY, 13, 15)
    home = bearer(sign_in(api, ana.account.email)["token"])
    office = bearer(sign_in(api, ana.account.email)["token"])  # a second computer

    checked = api.post("/v1/ops/CheckReminders", json={"leads": [1440, 60]}, headers=home)
    assert checked.status_code == 200, checked.text
    value = checked.json()["value"]
    assert [(r["session"]["booking_id"], r["lead_minutes"]) for r in value["shown"]] == [
        (booking, 60)
    ]
    assert value["next_session"]["booking_id"] == booking
    assert value["next_session"]["confirmed"] is True
    again = api.post("/v1/ops/CheckReminders", json={"leads": [1440, 60]}, headers=office)
    assert again.status_code == 200 and again.json()["value"]["shown"] == []

    due = api.post("/v1/ops/DueReminders", json={"leads": [60]}, headers=office)
    assert due.status_code == 200 and due.json()["value"] == []
    marked = api.post(
        "/v1/ops/MarkReminderShown",
        json={"booking_id": booking, "lead_minutes": 60},
        headers=office,
    )
    assert marked.status_code == 200 and marked.json()["value"] is False
    bens = bearer(sign_in(api, ben.account.email)["token"])
    refused = api.post(
        "/v1/ops/MarkReminderShown",
        json={"booking_id": booking, "lead_minutes": 1440},
        headers=bens,
    )
    assert refused.status_code == 404
