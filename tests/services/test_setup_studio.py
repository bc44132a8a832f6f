"""The studio's own set-up: first run, booking rules and overrides, opening hours and
closed dates, tax and billing details, the receipt series lock, and the audit log's pages."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta

import pytest

from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import PaymentMethod, Role, SeriesKind
from podyx_desktop.domain.errors import Conflict, InvalidInput, NotAllowed
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.paging import PageRequest
from podyx_desktop.domain.policy import BookingPolicy, PolicyOverride
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount, NewRoom, StudioSettings
from podyx_desktop.domain.setup import AuditFilters, TaxSettings
from podyx_desktop.services import Services
from podyx_desktop.services.studio_setup import preview_number
from tests.factories import PASSWORD, Studio

DAY = date(2026, 6, 3)
SETTINGS = StudioSettings("New Studio", "Europe/Berlin", "EUR", country="DE")
OWNER = NewAccount("Olga Owner", "olga@example.com", "+49 30 1111111", PASSWORD)


def test_first_run_creates_the_studio_on_local_sqlite_only(services: Services) -> None:
    setup = services.studio_setup
    if not services.db.is_sqlite:
        with pytest.raises(NotAllowed, match="podyx-admin studio apply"):
            setup.create_studio(Principal.anonymous(), SETTINGS, OWNER)
        return
    signed = setup.create_studio(Principal.anonymous(), SETTINGS, OWNER, "laptop")
    assert signed.principal.role is Role.OWNER and signed.token
    assert services.catalogue.studio(Principal.anonymous()).name == "New Studio"
    status = setup.series_status(signed.principal, SeriesKind.RECEIPT)
    assert status.preview.startswith("R-") and not status.locked
    with pytest.raises(Conflict, match="already has a studio"):
        setup.create_studio(Principal.anonymous(), SETTINGS, OWNER)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)  # a local first run only
def test_a_bad_first_run_leaves_no_studio(services: Services) -> None:
    bad_owner = replace(OWNER, password="short")
    with pytest.raises(InvalidInput):
        services.studio_setup.create_studio(Principal.anonymous(), SETTINGS, bad_owner)
    assert services.studio_setup.create_studio(Principal.anonymous(), SETTINGS, OWNER).token


def test_policies_show_overrides_beside_what_they_inherit(studio: Studio) -> None:
    setup, cat = studio.services.studio_setup, studio.services.catalogue
    setup.set_studio_policy(studio.owner, BookingPolicy(30, 4, 48, 12, 1))
    cat.set_policy_override(
        studio.owner, room_id=studio.room_a, override=PolicyOverride(buffer_minutes=0)
    )
    cat.set_policy_override(
        studio.owner, setup_id=studio.video_setup, override=PolicyOverride(lead_time_hours=24)
    )
    policies = setup.policies(studio.owner)
    assert policies.studio == BookingPolicy(30, 4, 48, 12, 1)
    room = next(v for v in policies.rooms if v.entity_id == studio.room_a)
    assert room.override.buffer_minutes == 0 and room.inherited.buffer_minutes == 30
    assert room.effective.buffer_minutes == 0
    video = next(v for v in policies.setups if v.entity_id == studio.video_setup)
    assert video.inherited.buffer_minutes == 0  # its room's rule
    assert video.effective.lead_time_hours == 24 and video.inherited.lead_time_hours == 4
    setup.clear_policy_override(studio.owner, room_id=studio.room_a)
    room = next(v for v in setup.policies(studio.owner).rooms if v.entity_id == studio.room_a)
    assert room.override == PolicyOverride() and room.effective == policies.studio
    with pytest.raises(InvalidInput, match="cannot be negative"):
        setup.set_studio_policy(studio.owner, BookingPolicy(-1))


def test_opening_hours_several_a_day_and_overlaps_refused(studio: Studio) -> None:
    cat, setup = studio.services.catalogue, studio.services.studio_setup
    hours = [OpeningInterval(0, 9 * 60, 12 * 60), OpeningInterval(0, 13 * 60, 18 * 60)]
    cat.set_opening_hours(studio.owner, hours)
    assert setup.opening_hours(studio.owner) == tuple(hours)
    with pytest.raises(InvalidInput, match="Monday overlap: 09:00–12:00 and 11:00–18:00"):
        cat.set_opening_hours(studio.owner, [hours[0], OpeningInterval(0, 11 * 60, 18 * 60)])
    cat.set_opening_hours(studio.owner, [OpeningInterval(2, 600, 700)], room_id=studio.room_b)
    assert setup.opening_hours(studio.owner, studio.room_b) == (OpeningInterval(2, 600, 700),)


def test_closed_dates_added_listed_and_removed(studio: Studio) -> None:
    cat, setup = studio.services.catalogue, studio.services.studio_setup
    cat.add_closed_date(studio.owner, DAY, "Holiday")
    cat.add_closed_date(studio.owner, DAY + timedelta(days=1), "Repairs", room_id=studio.room_b)
    closed = setup.closed_dates(studio.owner)
    assert [(c.day, c.reason, c.room_name) for c in closed] == [
        (DAY, "Holiday", None),
        (DAY + timedelta(days=1), "Repairs", "Studio B"),
    ]
    setup.remove_closed_date(studio.owner, closed[0].id)
    assert [c.reason for c in setup.closed_dates(studio.owner, first=DAY)] == ["Repairs"]
    entry = studio.services.audit.list_entries(studio.owner, limit=1)[0]
    assert entry.action == "remove_closed_date" and "Holiday" in entry.before


def test_tax_settings_and_billing_details(studio: Studio) -> None:
    setup = studio.services.studio_setup
    tax = TaxSettings(False, 700, "de 987654321", "HRB 12345", "Bank X, IBAN DE00 1234")
    saved = setup.set_tax_settings(studio.owner, tax)
    assert saved == replace(tax, vat_number="DE987654321")
    info = studio.services.catalogue.studio(Principal.anonymous())
    assert info.registration_number == "HRB 12345" and not info.prices_include_vat
    assert info.bank_details.startswith("Bank X")
    with pytest.raises(InvalidInput, match="VAT rate"):
        setup.set_tax_settings(studio.owner, replace(tax, default_vat_rate_bp=20000))
    with pytest.raises(NotAllowed):
        setup.set_tax_settings(studio.desk, tax)


def test_the_series_locks_after_its_first_receipt(studio: Studio) -> None:
    setup, cat = studio.services.studio_setup, studio.services.catalogue
    assert preview_number(SeriesFormat("INV-", min_digits=3), 2026) == "INV-2026-001"
    cat.configure_receipt_series(studio.owner, SeriesKind.RECEIPT, SeriesFormat("INV-"))
    status = setup.series_status(studio.owner, SeriesKind.RECEIPT)
    assert not status.locked and status.reason == ""
    assert status.preview == "INV-2026-00001"
    booked = studio.book(studio.client("Ann"), studio.at(DAY, 10))
    assert booked.purchase is not None
    studio.services.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)
    status = setup.series_status(studio.owner, SeriesKind.RECEIPT)
    assert status.locked and "issued" in status.reason
    assert status.preview == "INV-2026-00002"
    with pytest.raises(Conflict, match="can no longer change"):
        cat.configure_receipt_series(studio.owner, SeriesKind.RECEIPT, SeriesFormat("X-"))


def test_the_audit_log_pages_newest_first_with_filters_and_csv(studio: Studio) -> None:
    audit, cat = studio.services.audit, studio.services.catalogue
    ann = studio.client("Ann")
    for n in range(5):
        cat.add_room(studio.owner, NewRoom(f"Room {n}"))
    booked = studio.book(ann, studio.at(DAY, 10))
    studio.services.bookings.cancel(studio.desk, booked.booking.id, reason="ill")
    first = audit.page(studio.owner, PageRequest("at", descending=True, limit=3))
    assert len(first.rows) == 3 and first.next_after is not None
    second = audit.page(studio.owner, PageRequest("at", True, after=first.next_after, limit=3))
    ids = [e.id for e in first.rows + second.rows]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 6
    rooms = audit.page(studio.owner, filters=AuditFilters(action="create_room"))
    assert len(rooms.rows) == 7  # two of the studio's and five
    assert "create_room" in audit.actions(studio.owner)
    owner_id = studio.owner.user_id
    by_owner = audit.page(studio.owner, filters=AuditFilters(actor_id=owner_id))
    assert {e.actor_id for e in by_owner.rows} == {owner_id}
    about_ann = audit.page(studio.owner, filters=AuditFilters(client_id=ann.account.id))
    assert about_ann.rows and all(
        e.entity in {"user", "booking", "purchase"} for e in about_ann.rows
    )
    today = studio.services.context.now().date()
    assert (
        audit.page(
            studio.owner,
            filters=AuditFilters(first=today - timedelta(days=3), last=today - timedelta(days=2)),
        ).rows
        == ()
    )
    out = io.StringIO()
    count = audit.write_csv(studio.owner, out, AuditFilters(action="create_room"))
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert count == 7 and len(rows) == 8 and rows[0][0] == "id"
    for who in (studio.desk, ann.principal):
        with pytest.raises(NotAllowed):
            audit.page(who)
