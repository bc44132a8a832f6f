"""What the hostile-input tests aim at: clients A and B with a booking and a stored file
each, A signed in; a snapshot of the database to prove a refusal changed nothing; the
request bodies the write routes take."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

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


def build_scene(api: TestClient, studio: Studio) -> Scene:
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
