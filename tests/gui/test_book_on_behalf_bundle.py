"""The desk books on a client's behalf paid with bundle credit, through the dialog's
widgets (real database): the client's bundle that covers the session pays for it (one
session fewer in the client's own Bundles tab), also outside the studio's rules with a
reason (audited); without a bundle, or with add-ons, the dialog says what to do."""

from __future__ import annotations

from typing import Any

from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.services import Services
from podyx_desktop.views.profile.bundles_tab import BundlesTab
from podyx_desktop.views.staff.book_on_behalf import BookOnBehalfDialog
from tests.factories import PASSWORD, Studio
from tests.gui.conftest import next_day_at
from tests.gui.fixtures_tabs import click

WAIT = 10_000


def open_for_ana(qtbot: Any, ctx: Any, **preset: Any) -> BookOnBehalfDialog:
    dialog = BookOnBehalfDialog(ctx, **preset)
    qtbot.addWidget(dialog)
    dialog.show()
    step = dialog.client_step
    step.search.setText("ana")
    qtbot.waitUntil(lambda: not step.is_searching and step.matches.count() == 1, timeout=WAIT)
    click(qtbot, step.choose_button)
    session = dialog.session_step
    qtbot.waitUntil(lambda: session.service.count() > 0, timeout=WAIT)
    return dialog


def choose(combo: Any, text: str) -> None:
    index = next(i for i in range(combo.count()) if text in combo.itemText(i))
    combo.setCurrentIndex(index)


def podcast_two_hours_with_bundle_credit(dialog: BookOnBehalfDialog) -> None:
    session = dialog.session_step
    choose(session.setup, "2-person podcast")
    choose(session.service, "Podcast recording")
    session.length.setCurrentIndex(session.length.findData(120))
    session.payment.setCurrentIndex(session.payment.findData(PaymentMethod.BUNDLE_CREDIT))


def issue_bundle(studio: Studio, client: SignedIn) -> int:
    bundle = studio.services.bundles.issue(
        Principal.system(), client.account.id, studio.bundle_product, "loyalty"
    )
    return bundle.id


def test_bundle_credit_outside_the_rules_takes_one_session_and_the_client_sees_it(
    qtbot: Any,
    tab_context_for: Any,
    gui_services: Services,
    factory_studio: Studio,
    client_session: SignedIn,
) -> None:
    bundle_id = issue_bundle(factory_studio, client_session)
    desk = gui_services.accounts.sign_in("desk@example.com", PASSWORD)
    when = next_day_at(9, 7)  # before opening: outside the rules
    dialog = open_for_ana(qtbot, tab_context_for(desk), starts_at=when)
    podcast_two_hours_with_bundle_credit(dialog)
    session = dialog.session_step
    assert not session.addons.isEnabled()  # bundle credit pays for the session only
    assert "session only" in session.addons.toolTip()
    click(qtbot, session.bypass)
    session.reason.setText("early start agreed with the band")
    qtbot.waitUntil(dialog.book_button.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(dialog.booked, timeout=WAIT):
        click(qtbot, dialog.book_button)
    result = dialog.result_value
    assert result is not None and result.purchase is None
    assert result.booking.bundle_id == bundle_id and result.booking.starts_at == when
    entries = gui_services.audit.list_entries(
        Principal.system(), entity="booking", entity_id=result.booking.id
    )
    assert [(e.action, e.reason) for e in entries] == [
        ("bypass_rules", "early start agreed with the band")
    ]

    tab = BundlesTab(tab_context_for(client_session))
    qtbot.addWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: len(tab.bundles()) == 1, timeout=WAIT)
    shown = tab.bundles()[0]
    assert shown is not None and (shown.id, shown.sessions_remaining) == (bundle_id, 2)


def test_without_a_bundle_the_dialog_says_what_to_do(
    qtbot: Any, tab_context_for: Any, gui_services: Services, client_session: SignedIn
) -> None:
    desk = gui_services.accounts.sign_in("desk@example.com", PASSWORD)
    dialog = open_for_ana(qtbot, tab_context_for(desk))
    podcast_two_hours_with_bundle_credit(dialog)
    session = dialog.session_step
    session.slots.set_day(next_day_at(6, 10).date())
    qtbot.waitUntil(
        lambda: not session.slots.is_loading and session.slots.model.rowCount() > 0,
        timeout=WAIT,
    )
    session.slots.select_row(0)
    qtbot.waitUntil(dialog.book_button.isEnabled, timeout=WAIT)
    click(qtbot, dialog.book_button)
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT)
    assert "no bundle with sessions left" in dialog.message.text()
    assert dialog.isVisible() and dialog.result_value is None
    booked = gui_services.bookings.list_for_client(
        client_session.principal, client_session.account.id
    )
    assert len(booked) == 1  # only the studio's one booking of Ana: nothing half-written


def test_a_bundle_of_another_length_is_named(
    qtbot: Any,
    tab_context_for: Any,
    gui_services: Services,
    factory_studio: Studio,
    client_session: SignedIn,
) -> None:
    issue_bundle(factory_studio, client_session)
    desk = gui_services.accounts.sign_in("desk@example.com", PASSWORD)
    dialog = open_for_ana(qtbot, tab_context_for(desk))
    podcast_two_hours_with_bundle_credit(dialog)
    session = dialog.session_step
    other = next(i for i in range(session.length.count()) if session.length.itemData(i) != 120)
    session.length.setCurrentIndex(other)
    session.slots.set_day(next_day_at(6, 10).date())
    qtbot.waitUntil(
        lambda: not session.slots.is_loading and session.slots.model.rowCount() > 0,
        timeout=WAIT,
    )
    session.slots.select_row(0)
    qtbot.waitUntil(dialog.book_button.isEnabled, timeout=WAIT)
    click(qtbot, dialog.book_button)
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT)
    assert "pays for sessions of 2 h" in dialog.message.text()
