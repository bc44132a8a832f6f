"""The Set-up and Audit places over the test studio: an edit shows in a client's booking
wizard, a retired service leaves it but stays on the purchase that bought it, who may
set up and manage staff, the last owner kept, and the audit log's filters and CSV."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import NotAllowed
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount, NewRoom
from podyx_desktop.services import Services
from podyx_desktop.views.booking.booking_wizard import BookingWizard
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.staff.audit_place import AuditPlace
from podyx_desktop.views.staff.staff_window import StaffWindow
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.fixtures_tabs import click
from tests.gui.test_sign_in import sign_in, wait_main

WAIT = 15_000
OWNER = "owner@example.com"
DESK = "desk@example.com"
MANAGER = "mia.manager@example.com"


def staff_window(qtbot: Any, app: Any, email: str) -> StaffWindow:
    sign_in(qtbot, app, email, PASSWORD)
    window = wait_main(qtbot, app)
    assert isinstance(window, StaffWindow)
    return window


def wait_tasks(qtbot: Any, app: Any) -> None:
    qtbot.waitUntil(lambda: app.tasks.pending == 0, timeout=WAIT)


def open_wizard(qtbot: Any, ctx: ViewContext) -> BookingWizard:
    wizard = BookingWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.catalogue is not None, timeout=WAIT)
    return wizard


def test_an_edit_shows_in_the_wizard_and_a_retired_service_leaves_it(
    qtbot: Any,
    make_app: Any,
    studio: GuiStudio,
    gui_services: Services,
    factory_studio: Any,
    tab_visitor_context: ViewContext,
) -> None:
    owner = factory_studio.owner
    booked = gui_services.bookings.get(owner, studio.booking_id)
    assert booked.purchase_id is not None
    bought = gui_services.purchases.get(owner, booked.purchase_id)
    app = make_app()
    window = staff_window(qtbot, app, OWNER)
    window.open_setup("services")
    section = window.setup_place.services
    qtbot.waitUntil(lambda: section.items.count() >= 2, timeout=WAIT)
    assert section.select("Podcast recording")
    assert section.name.text() == "Podcast recording"
    section.rate.setText("75.00")
    click(qtbot, section.save_button)
    qtbot.waitUntil(
        lambda: section.message_text == "Saved the service Podcast recording.", timeout=WAIT
    )
    wizard = open_wizard(qtbot, tab_visitor_context)
    assert wizard.catalogue is not None
    podcast = next(s for s in wizard.catalogue.services if s.id == factory_studio.podcast)
    assert podcast.hourly_rate_minor == 7500

    # Retiring it: Ana's upcoming session uses it; it is listed and kept.
    qtbot.waitUntil(lambda: section.select("Podcast recording"), timeout=WAIT)
    click(qtbot, section.retire_button)
    qtbot.waitUntil(lambda: section.retire_box is not None, timeout=WAIT)
    box = section.retire_box
    assert box is not None
    assert "1 future booking(s) use Podcast recording" in box.text()
    assert studio.client_name in box.informativeText()
    anyway = next(b for b in box.buttons() if b.text() == "Retire anyway")
    anyway.click()
    qtbot.waitUntil(lambda: "is retired" in section.message_text, timeout=WAIT)
    qtbot.waitUntil(
        lambda: any(
            "(retired)" in section.items.item(i).text() for i in range(section.items.count())
        ),
        timeout=WAIT,
    )
    later = open_wizard(qtbot, tab_visitor_context)
    assert later.catalogue is not None
    assert factory_studio.podcast not in {s.id for s in later.catalogue.services}
    # The old booking and its purchase keep what was bought, at the price then.
    booking = gui_services.bookings.get(owner, studio.booking_id)
    assert booking.service_name == "Podcast recording"
    assert booking.status is booked.status
    purchase = gui_services.purchases.get(owner, booked.purchase_id)
    assert purchase == bought
    assert any("Podcast recording" in line.description for line in purchase.lines)

    # Restored, it is offered again.
    assert section.select("Podcast recording")
    click(qtbot, section.retire_button)
    qtbot.waitUntil(lambda: "Restored" in section.message_text, timeout=WAIT)
    again = open_wizard(qtbot, tab_visitor_context)
    assert again.catalogue is not None
    assert factory_studio.podcast in {s.id for s in again.catalogue.services}


def test_front_desk_cannot_open_set_up_and_the_services_refuse(
    qtbot: Any, make_app: Any, factory_studio: Any
) -> None:
    app = make_app()
    window = staff_window(qtbot, app, DESK)
    places = window.places
    setup_index = places.indexOf(window.setup_place)
    assert not places.isTabEnabled(setup_index)
    assert places.tabToolTip(setup_index) == "For managers and owners"
    assert not places.isTabEnabled(places.indexOf(window.audit_place))
    assert window.setup_place.sections == {}
    assert "for managers and owners" in window.setup_place.refusal.text()
    with pytest.raises(NotAllowed):
        factory_studio.services.catalogue.add_room(factory_studio.desk, NewRoom("Sneaky"))


def test_only_the_owner_manages_staff_and_the_last_owner_stays(
    qtbot: Any, make_app: Any, gui_services: Services
) -> None:
    gui_services.accounts.create_staff(
        Principal.system(),
        NewAccount("Mia Manager", MANAGER, "+49 30 3333333", PASSWORD),
        Role.MANAGER,
    )
    app = make_app()
    manager = staff_window(qtbot, app, MANAGER)
    assert manager.setup_place.staff is None
    assert "staff" not in manager.setup_place.sections
    assert manager.places.isTabEnabled(manager.places.indexOf(manager.setup_place))
    click(qtbot, manager.log_out_button)
    qtbot.waitUntil(lambda: app.sign_in.isVisible(), timeout=WAIT)

    owner = staff_window(qtbot, app, OWNER)
    owner.open_setup("staff")
    section = owner.setup_place.staff
    assert section is not None
    qtbot.waitUntil(lambda: len(section.members) == 3, timeout=WAIT)
    # The only owner cannot make themself a manager.
    section.select_email(OWNER)
    section.role.setCurrentIndex(section.role.findData(Role.MANAGER))
    click(qtbot, section.change_role_button)
    qtbot.waitUntil(lambda: "at least one active owner" in section.message_text, timeout=WAIT)
    assert section.message.objectName() == "ErrorText"
    # A new front-desk account: the one-time code is shown to hand over.
    section.new_name.setText("Neo Desk")
    section.new_email.setText("neo.desk@example.com")
    section.new_phone.setText("+49 30 4444444")
    click(qtbot, section.create_button)
    qtbot.waitUntil(lambda: "One-time code for Neo Desk" in section.one_time_code, timeout=WAIT)
    qtbot.waitUntil(lambda: len(section.members) == 4, timeout=WAIT)
    # Deactivating the manager.
    section.select_email(MANAGER)
    click(qtbot, section.active_button)
    qtbot.waitUntil(lambda: section.message_text == "Mia Manager is deactivated.", timeout=WAIT)
    members = {m.email: m for m in gui_services.staff.list_staff(Principal.system())}
    assert not members[MANAGER].active and members[OWNER].role is Role.OWNER


def test_policies_show_overrides_beside_the_default_and_clear(
    qtbot: Any, make_app: Any, factory_studio: Any
) -> None:
    from podyx_desktop.domain.policy import PolicyOverride

    factory_studio.services.catalogue.set_policy_override(
        factory_studio.owner,
        room_id=factory_studio.room_b,
        override=PolicyOverride(cancel_cutoff_hours=48),
    )
    app = make_app()
    window = staff_window(qtbot, app, OWNER)
    window.open_setup("policies")
    section = window.setup_place.policies
    qtbot.waitUntil(lambda: section.table.rowCount() > 0, timeout=WAIT)
    column = 1 + list(section.studio_fields).index("cancel_cutoff_hours")
    texts = {
        section.table.item(r, 0).text().strip(): section.table.item(r, column).text()
        for r in range(section.table.rowCount())
    }
    assert "48 (default 24)" in texts.values()
    room_b = next(name for name, text in texts.items() if text == "48 (default 24)")
    section.select_row_named(room_b)
    assert section.override_fields["cancel_cutoff_hours"].value() == 48
    click(qtbot, section.clear_override_button)
    qtbot.waitUntil(
        lambda: "follows the rules it inherits again" in section.message_text, timeout=WAIT
    )
    qtbot.waitUntil(
        lambda: (
            "48 (default 24)"
            not in [section.table.item(r, column).text() for r in range(section.table.rowCount())]
        ),
        timeout=WAIT,
    )


def test_the_audit_log_filters_and_exports_csv(
    qtbot: Any, qtmodeltester: Any, make_app: Any, factory_studio: Any, tmp_path: Path
) -> None:
    services = factory_studio.services
    services.catalogue.add_room(factory_studio.owner, NewRoom("Studio C"))
    app = make_app()
    window = staff_window(qtbot, app, OWNER)
    place = window.audit_place
    assert isinstance(place, AuditPlace)
    window.places.setCurrentWidget(place)
    model = place.model
    qtbot.waitUntil(lambda: model.rowCount() > 1, timeout=WAIT)
    qtmodeltester.check(model)
    everything = model.rowCount()
    qtbot.waitUntil(lambda: place.action.findData("create_room") > 0, timeout=WAIT)
    place.action.setCurrentIndex(place.action.findData("create_room"))
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() >= 1, timeout=WAIT)
    rows = model.rowCount()
    assert rows < everything
    whats = [model.index(r, model.WHAT).data() for r in range(rows)]
    assert all(text.startswith("Room created · Room ") for text in whats)
    assert any("Studio C" in (model.index(r, model.AFTER).data() or "") for r in range(rows))
    # Person: the owner's entries only (the desk made none of these).
    desk_id = factory_studio.desk.user_id
    qtbot.waitUntil(lambda: place.person.findData(desk_id) > 0, timeout=WAIT)
    place.person.setCurrentIndex(place.person.findData(desk_id))
    qtbot.waitUntil(lambda: not model.is_loading, timeout=WAIT)
    assert model.rowCount() == 0

    place.person.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() == rows, timeout=WAIT)
    target = tmp_path / "audit.csv"
    place.export_to(str(target))
    qtbot.waitUntil(lambda: place.status.text().startswith("Wrote"), timeout=WAIT)
    with target.open(encoding="utf-8") as f:
        written = list(csv.DictReader(f))
    assert len(written) == rows
    assert {row["action"] for row in written} == {"create_room"}


def test_addons_bundles_promo_codes_and_the_receipt_preview(
    qtbot: Any,
    make_app: Any,
    gui_services: Services,
    factory_studio: Any,
    tab_visitor_context: ViewContext,
) -> None:
    app = make_app()
    window = staff_window(qtbot, app, OWNER)
    addons = window.setup_place.addons
    window.open_setup("addons")
    qtbot.waitUntil(lambda: addons.select("Engineer"), timeout=WAIT)
    addons.price.setText("45.00")
    click(qtbot, addons.save_button)
    qtbot.waitUntil(lambda: addons.message_text == "Saved the add-on Engineer.", timeout=WAIT)
    wizard = open_wizard(qtbot, tab_visitor_context)
    assert wizard.catalogue is not None
    engineer = next(a for a in wizard.catalogue.addons if a.id == factory_studio.engineer)
    assert engineer.unit_price_minor == 4500

    bundles = window.setup_place.bundles
    window.open_setup("bundles")
    qtbot.waitUntil(lambda: bundles.items.count() >= 1, timeout=WAIT)
    click(qtbot, bundles.new_buttons.itemAt(0).widget())
    bundles.name.setText("Five hours")
    bundles.sessions.setValue(5)
    bundles.minutes.setValue(60)
    bundles.price.setText("250.00")
    bundles.setups.check((factory_studio.podcast_setup,))
    click(qtbot, bundles.save_button)
    qtbot.waitUntil(lambda: bundles.select("Five hours"), timeout=WAIT)
    later = open_wizard(qtbot, tab_visitor_context)
    assert later.catalogue is not None
    assert "Five hours" in {p.name for p in later.catalogue.bundle_products}

    promos = window.setup_place.promos
    window.open_setup("promos")
    qtbot.waitUntil(lambda: promos.items.count() >= 1, timeout=WAIT)
    promos.new_code()
    promos.code.setText("spring5")
    promos.percent.setValue(5)
    click(qtbot, promos.save_button)
    qtbot.waitUntil(lambda: promos.select("SPRING5"), timeout=WAIT)
    assert promos.uses.text() == "0"
    # edited: 8 % off one service only; the record carries its scope back
    assert promos.save_button.isEnabled()
    promos.percent.setValue(8)
    promos.scope.setCurrentIndex(1)  # the first service
    scope = promos.scope.currentData()
    click(qtbot, promos.save_button)
    qtbot.waitUntil(lambda: "Saved the promo code SPRING5" in promos.message.text(), timeout=WAIT)
    saved = next(
        p
        for p in gui_services.catalogue.list_promo_codes(Principal.system())
        if p.code == "SPRING5"
    )
    assert saved.value == 800 and [(k.value, i) for k, i in saved.targets] == [tuple(scope)]
    qtbot.waitUntil(lambda: any(p.value == 800 for p in promos.codes), timeout=WAIT)  # reloaded
    promos.start_new()
    qtbot.waitUntil(lambda: promos.select("SPRING5"), timeout=WAIT)
    assert promos.percent.value() == 8 and promos.scope.currentData() == scope
    click(qtbot, promos.retire_button)
    qtbot.waitUntil(
        lambda: any(
            "SPRING5" in promos.items.item(i).text() and "(retired)" in promos.items.item(i).text()
            for i in range(promos.items.count())
        ),
        timeout=WAIT,
    )

    tax = window.setup_place.tax
    window.open_setup("tax")
    receipts = tax.series[next(iter(tax.series))]
    qtbot.waitUntil(lambda: receipts.prefix.text() != "", timeout=WAIT)
    if not receipts.lock.isHidden():
        assert receipts.lock.text().startswith("locked: ")
        assert not receipts.save_button.isEnabled()
    else:
        receipts.prefix.setText("INV-")
        assert receipts.preview.text().startswith("INV-")


def test_closed_dates_are_added_with_a_reason_and_removed(
    qtbot: Any, make_app: Any, gui_services: Services, factory_studio: Any
) -> None:
    from PySide6.QtCore import QDate

    app = make_app()
    window = staff_window(qtbot, app, OWNER)
    window.open_setup("hours")
    hours = window.setup_place.hours
    qtbot.waitUntil(lambda: any(day.text() for day in hours.days), timeout=WAIT)
    before = hours.closed.count()
    hours.closed_day.setDate(QDate(2031, 12, 25))
    hours.closed_reason.setText("Christmas")
    click(qtbot, hours.add_closed_button)
    qtbot.waitUntil(lambda: hours.closed.count() == before + 1, timeout=WAIT)
    row = next(
        i for i in range(hours.closed.count()) if "2031-12-25" in hours.closed.item(i).text()
    )
    assert hours.closed.item(row).text().endswith("Christmas")
    # the same day again is refused in words
    click(qtbot, hours.add_closed_button)
    qtbot.waitUntil(lambda: "already closed on 2031-12-25" in hours.message_text, timeout=WAIT)
    hours.closed.setCurrentRow(row)
    click(qtbot, hours.remove_closed_button)
    qtbot.waitUntil(lambda: hours.closed.count() == before, timeout=WAIT)
    assert not any(
        e.day.isoformat() == "2031-12-25"
        for e in gui_services.studio_setup.closed_dates(factory_studio.owner)
    )


def test_the_audit_log_shows_before_and_after_as_words() -> None:
    from podyx_desktop.models.audit import change_text

    assert change_text('{"cancel_cutoff_hours": 48, "buffer_minutes": null}') == (
        "cancel cutoff (h): 48, buffer (min): —"
    )
    assert change_text('{"active": false, "ids": [3, 4]}') == "active: no, ids: [3, 4]"
    assert change_text("") == ""
    assert change_text("not json") == "not json"
