"""The waitlist over the studio server: a client at home sees the taken times, joins, reads
their entries and offers, and leaves; another client's entries are not found; the feed
tells only the entry's client; the desk's view of a time's line is not served."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.principal import Principal
from tests.factories import Studio
from tests.server.conftest import bearer, sign_in

DAY = date(2026, 6, 10)


def test_a_client_at_home_joins_reads_and_leaves(api: TestClient, studio: Studio) -> None:
    ana, ben, cleo = (studio.client(n) for n in ("Ana Client", "Ben Client", "Cleo Client"))
    taken = studio.book(ana, studio.at(DAY, 10)).booking
    query = {
        "setup_id": studio.podcast_setup,
        "service_id": studio.podcast,
        "minutes": 120,
        "day": DAY.isoformat(),
        "exclude_booking_id": None,
    }
    times = api.post("/v1/ops/TakenTimes", json={"query": query})  # a visitor may look
    assert times.status_code == 200, times.text
    assert studio.at(DAY, 10).isoformat().replace("+00:00", "Z") in {
        s["starts_at"].replace("+00:00", "Z") for s in times.json()["value"]
    }

    headers = bearer(sign_in(api, ben.account.email)["token"])
    join = {
        "client_id": ben.account.id,
        "setup_id": studio.podcast_setup,
        "service_id": studio.podcast,
        "starts_at": studio.at(DAY, 10).isoformat(),
        "minutes": 120,
    }
    joined = api.post("/v1/ops/JoinWaitlist", json=join, headers=headers)
    assert joined.status_code == 200, joined.text
    entry = joined.json()["value"]
    assert entry["status"] == "waiting" and entry["position"] == 1
    assert "waitlist" in joined.json()["changes"]
    again = api.post("/v1/ops/JoinWaitlist", json=join, headers=headers)
    assert again.status_code == 409
    assert "already on the waitlist" in again.json()["detail"]
    free = api.post(
        "/v1/ops/JoinWaitlist",
        json={**join, "starts_at": studio.at(DAY, 15).isoformat()},
        headers=headers,
    )
    assert free.status_code in (409, 422) and "book it now" in free.json()["detail"]

    mine = api.post("/v1/ops/MyWaitlist", json={"client_id": ben.account.id}, headers=headers)
    assert mine.status_code == 200
    assert [e["id"] for e in mine.json()["value"][1]] == [entry["id"]]
    cleo_headers = bearer(sign_in(api, cleo.account.email)["token"])
    theirs = api.post(
        "/v1/ops/MyWaitlist", json={"client_id": ben.account.id}, headers=cleo_headers
    )
    assert theirs.status_code == 404
    steal = api.post("/v1/ops/LeaveWaitlist", json={"entry_id": entry["id"]}, headers=cleo_headers)
    assert steal.status_code == 404

    # the time frees: the feed tells Ben, and nobody else, of his entry
    _canceled, changes = studio.services.call(
        lambda: studio.services.bookings.cancel(ana.principal, taken.id)
    )
    everyone, own = studio.services.client_copy.audience(Principal.system(), changes)
    assert not everyone.touches(Kind.WAITLIST)
    assert own[ben.account.id].touches(Kind.WAITLIST)
    assert cleo.account.id not in own
    batch = studio.services.client_copy.batch(ben.principal, 0)
    assert [row["id"] for row in batch.rows["waitlist_entries"]] == [entry["id"]]
    offered = api.post("/v1/ops/MyWaitlist", json={"client_id": ben.account.id}, headers=headers)
    assert offered.json()["value"][1][0]["status"] == "offered"
    assert api.post("/v1/ops/PassExpiredHolds", json={}, headers=headers).status_code == 200

    left = api.post("/v1/ops/LeaveWaitlist", json={"entry_id": entry["id"]}, headers=headers)
    assert left.status_code == 200 and left.json()["value"]["status"] == "left"
    assert Changes.from_data(left.json()["changes"]).touches(Kind.WAITLIST)


def test_the_desks_view_of_a_times_line_is_not_served(api: TestClient) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    assert "/v1/ops/TimeWaitlist" not in paths
    assert "/v1/ops/SetHoldMinutes" not in paths
    assert "/v1/ops/JoinWaitlist" in paths
