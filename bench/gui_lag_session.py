"""The scripted session of bench/gui_lag.py, step by step, driven through the widgets as a
client would (clicks with ``QTest``), each step named on the probe so the report can say
where the GUI thread stalled.

sign in (the app's real hasher) → within 300 ms of the main window showing, every tab in
turn → open the booking wizard → book (setup, service, add-ons, a free time, review, pay
later) → cancel that booking → reschedule the paid one → redeem a bundle credit →
download a receipt (the save dialog answered by a stand-in: it is Qt's native dialog).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QFileDialog, QWizard

from bench.gui_lag_studio import SessionStudio

WAIT_S = 30.0
TAB_SPACING_MS = 50  # five switches, 50 ms apart: all within 300 ms of the window showing
# A person's next action comes at least this long after their last one (faster than anyone
# clicks): the event loop turns in between, as it does between a person's clicks. Two
# actions made in one turn would be measured as one stall of both handlers together.
ACTION_PAUSE_MS = 50


def wait_until(predicate: Callable[[], bool], what: str, timeout: float = WAIT_S) -> None:
    """Run the event loop (as pytest-qt's waitUntil does) until ``predicate`` holds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        QTest.qWait(5)


def pause() -> None:
    """The time between two actions of a person (:data:`ACTION_PAUSE_MS`)."""
    QTest.qWait(ACTION_PAUSE_MS)


def click(button: QAbstractButton) -> None:
    pause()
    if not (button.isVisible() and button.isEnabled()):
        raise RuntimeError(f"{button.text()!r} cannot be clicked (hidden or disabled)")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def click_row(view: QAbstractItemView, row: int = 0) -> None:
    wait_until(lambda: view.model().rowCount() > row, "rows to click")
    pause()
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def pick_slot(tasks: Any, picker: Any, day: date, row: int = 0) -> None:
    wait_until(lambda: tasks.pending == 0, "the picker's loads")
    pause()
    picker.set_day(day)
    wait_until(lambda: tasks.pending == 0 and picker.model.rowCount() > row, "free times")
    pause()
    index = picker.model.index(row, 0)
    QTest.mouseClick(
        picker.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=picker.list.visualRect(index).center(),
    )
    if picker.selected_slot() is None:
        raise RuntimeError("no free time could be selected")


class SaveTo:
    """Stands in for ``QFileDialog.getSaveFileName`` (a native dialog): answers ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, _parent: Any, _title: str, _start: str, filters: str, *_a: Any) -> Any:
        return str(self.path), filters


def run_session(app: Any, studio: SessionStudio, mark: Callable[[str], None], folder: Path) -> None:
    """The whole session; ``mark(step)`` names the step the probe is in."""
    from podyx_desktop.views.booking.booking_wizard import BookingWizard
    from podyx_desktop.views.client.main_window import MainWindow

    mark("sign-in (real hasher) until the window shows")
    screen = app.sign_in
    screen.email.setText(studio.email)
    screen.password.setText(studio.password)
    if screen.remember.isChecked():
        click(screen.remember)
    click(screen.sign_in_button)
    wait_until(lambda: app.main_window is not None and app.main_window.isVisible(), "the window")
    window = app.main_window
    assert isinstance(window, MainWindow)
    tasks = window.context.tasks

    for index in (1, 2, 3, 4, 0):
        QTest.qWait(TAB_SPACING_MS)
        mark(f"tab {window.tabs.tabText(index).replace('&', '')}")
        window.tabs.setCurrentIndex(index)
    mark("tabs loading")
    wait_until(lambda: window.all_tabs_built and tasks.pending == 0, "every tab loaded")
    QTest.qWait(300)

    mark("open the booking wizard")
    click(window.new_booking_button)
    wizard = window.wizard
    assert isinstance(wizard, BookingWizard)
    wait_until(lambda: wizard.setup_page.model.rowCount() > 0, "the wizard's setups")
    mark("book: choose and pay later")

    def next_page() -> None:
        button = wizard.button(QWizard.WizardButton.NextButton)
        wait_until(button.isEnabled, "Next")
        click(button)

    click_row(wizard.setup_page.list)
    next_page()
    click_row(wizard.service_page.list)
    next_page()
    next_page()  # no add-ons
    pick_slot(tasks, wizard.time_page.picker, studio.free_day)
    next_page()
    wait_until(lambda: tasks.pending == 0, "the quote")
    click(wizard.review_page.terms.check)
    next_page()
    mark("book: the booking")
    click(wizard.button(QWizard.WizardButton.CommitButton))
    wait_until(lambda: wizard.currentId() == BookingWizard.DONE, "the booking")
    assert wizard.booking_result is not None
    booked_id = wizard.booking_result.booking.id
    click(wizard.button(QWizard.WizardButton.FinishButton))
    wait_until(lambda: tasks.pending == 0, "the reload after booking")

    mark("cancel")
    pause()
    window.show_tab(0)
    tab = window.bookings_tab
    wait_until(lambda: tab.select_booking(booked_id), "the new booking listed")
    wait_until(lambda: tab.cancel_button.isEnabled(), "cancel allowed")
    click(tab.cancel_button)
    box = tab.cancel_confirmation
    assert box is not None
    click(next(b for b in box.buttons() if b.text() == "Cancel booking"))
    wait_until(lambda: "was canceled" in tab.feedback.text(), "the cancellation")
    wait_until(lambda: tasks.pending == 0, "the reload after cancelling")

    mark("reschedule")
    wait_until(lambda: tab.select_booking(studio.confirmed_booking_id), "the paid booking")
    wait_until(lambda: tab.reschedule_button.isEnabled(), "reschedule allowed")
    click(tab.reschedule_button)
    dialog = tab.reschedule_dialog
    assert dialog is not None
    pick_slot(tasks, dialog.picker, studio.free_day, row=1)
    click(dialog.confirm_button)
    wait_until(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), "rescheduled")
    wait_until(lambda: tasks.pending == 0, "the reload after rescheduling")

    mark("redeem a bundle credit")
    pause()
    window.show_tab(1)
    bundles = window.bundles_tab
    wait_until(lambda: bundles.select_bundle(studio.bundle_id), "the bundle")
    wait_until(lambda: bundles.redeem_button.isEnabled(), "redeem allowed")
    click(bundles.redeem_button)
    redeem = bundles.redeem_dialog
    assert redeem is not None
    pick_slot(tasks, redeem.picker, studio.free_day, row=2)
    click(redeem.next_button)
    click(redeem.confirm_button)
    wait_until(lambda: not shiboken6.isValid(redeem) or not redeem.isVisible(), "redeemed")
    wait_until(lambda: tasks.pending == 0, "the reload after redeeming")

    mark("download a receipt")
    pause()
    window.show_tab(2)
    purchases = window.purchases_tab
    wait_until(lambda: purchases.model.rowCount() > 0 and tasks.pending == 0, "purchases")
    row = next(
        (
            r
            for r in range(purchases.model.rowCount())
            if getattr(purchases.model.record(r), "receipt_number", None)
        ),
        None,
    )
    if row is None:
        raise RuntimeError("the client has no purchase with a receipt")
    click_row(purchases.view, row)
    wait_until(lambda: "receipt" in purchases.download_button.text(), "a receipt to download")
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = SaveTo(folder / "receipt.pdf")  # type: ignore[method-assign]
    try:
        click(purchases.download_button)
        wait_until(lambda: purchases.downloads.offer is not None, "the receipt written")
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
    offer = purchases.downloads.offer
    close = next(b for b in offer.buttons() if b.text().replace("&", "") == "Close")
    click(close)
    wait_until(lambda: tasks.pending == 0, "the last tasks")
    mark("done")
