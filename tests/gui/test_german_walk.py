"""The window in German, walked screen by screen as a user would see it: nothing readable
may be left in English, except the names the studio and its clients gave (rooms,
services, people). Both windows: the client's (sign-in, every tab, the booking wizard's
steps, the booking dialogs) and the staff's (every place, every set-up section)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import String, create_engine, select

from podyx_desktop.db.base import Base
from podyx_desktop.services import Services
from tests.gui.conftest import GuiStudio
from tests.gui.german_walk import _words, english_words, language_words, visible_texts
from tests.gui.test_setup_place import OWNER, staff_window, wait_tasks
from tests.gui.test_sign_in import sign_in, wait_main

WAIT = 15_000
NAME_COLUMNS = {"name", "full_name", "email", "title", "description", "label", "code"}


def names_in(url: str) -> set[str]:
    """Every word of a name stored in the studio (rooms, services, add-ons, people …)."""
    engine = create_engine(url)
    words: set[str] = set()
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if column.name in NAME_COLUMNS and isinstance(column.type, String):
                    for (value,) in connection.execute(select(column)):
                        words |= _words(value or "")
    engine.dispose()
    return words


class Walk:
    def __init__(self, qtbot: Any, app: Any, studio: GuiStudio) -> None:
        self.qtbot, self.app = qtbot, app
        self.allowed = names_in(studio.url)
        self.words = language_words()
        self.problems: list[str] = []
        self.seen = 0
        # windows another test left open are not this walk's (the order of tests varies)
        self.others = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()} - {
            id(app.sign_in)
        }

    def settle(self) -> None:
        wait_tasks(self.qtbot, self.app)
        self.qtbot.wait(50)
        wait_tasks(self.qtbot, self.app)

    def look(self, screen: str, *roots: QWidget) -> None:
        """Read ``roots`` (default: every visible window) and note English words."""
        self.settle()
        windows = roots or tuple(
            w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in self.others
        )
        for root in windows:
            texts = visible_texts(root)
            self.seen += len(texts)
            for problem in english_words(texts, self.allowed, self.words):
                self.problems.append(f"{screen}: {problem}")

    def verdict(self) -> None:
        assert self.seen > 100  # the walk read the screens
        assert self.problems == [], "\n".join(self.problems)


@pytest.fixture
def german(ui_settings: Any) -> None:
    ui_settings.language = "de"


def test_the_client_window_in_german(
    qtbot: Any, german: None, make_app: Any, studio: GuiStudio, gui_services: Services
) -> None:
    app = make_app()
    assert app.language.code == "de"
    walk = Walk(qtbot, app, studio)
    qtbot.waitUntil(lambda: app.sign_in.sign_in_button.isEnabled(), timeout=WAIT)
    walk.look("sign-in", app.sign_in)
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    for index in range(window.tabs.count()):
        window.show_tab(index)
        qtbot.waitUntil(lambda: window.current_tab_built, timeout=WAIT)
        walk.look(f"tab {index}")
    window.show_tab(0)
    bookings = window.bookings_tab
    walk.look("bookings, a session selected")
    bookings.past_button.click()
    walk.look("bookings, past")
    bookings.upcoming_button.click()
    bookings.upcoming_view.selectRow(0)
    bookings.open_reschedule()
    walk.look("reschedule")
    for dialog in QApplication.topLevelWidgets():
        if dialog is not window and dialog.isVisible() and dialog is not app.sign_in:
            dialog.close()
    window.open_booking_wizard()
    qtbot.waitUntil(lambda: window.wizard is not None and window.wizard.isVisible(), timeout=WAIT)
    wizard = window.wizard
    for step in range(3):
        walk.look(f"wizard step {step + 1}", wizard)
        if not wizard.button(wizard.WizardButton.NextButton).isEnabled():
            break
        wizard.next()
    wizard.close()
    walk.verdict()


def test_the_staff_window_in_german(
    qtbot: Any,
    german: None,
    make_app: Any,
    studio: GuiStudio,
    factory_studio: Any,
) -> None:
    app = make_app()
    walk = Walk(qtbot, app, studio)
    window = staff_window(qtbot, app, OWNER)
    for index in range(window.places.count()):
        window.places.setCurrentIndex(index)
        walk.look(f"place {window.places.tabText(index)}")
    for key in list(window.setup_place.sections):
        window.open_setup(key)
        walk.look(f"set-up {key}")
    window.open_new_booking()
    walk.look("new booking")
    walk.verdict()
