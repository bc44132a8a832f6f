"""The window's language: chosen in Account, installed before the first window, and the
locale values are written in follows it (one locale per user)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from podyx_desktop.domain import vocabulary
from podyx_desktop.domain.message import shown
from podyx_desktop.gui.translation import language_of, window_language
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.views.profile.this_computer import LanguageChoice


def test_the_language_is_the_setting_else_the_system_s_else_english() -> None:
    assert language_of("de", "en_US") == "de"
    assert language_of("", "de_AT") == "de"
    assert language_of("", "fr_FR") == "en"
    assert language_of("", "C") == "en"
    assert language_of("xx", "de-CH") == "de"


def test_values_are_written_in_a_locale_of_the_window_s_language() -> None:
    try:
        vocabulary.set_display_language("en", "C", "en_GB")
        assert vocabulary.display_locale("de_DE") == "en_GB"
        vocabulary.set_display_language("en", "en_US", "en_GB")
        assert vocabulary.display_locale("de_DE") == "en_US"
        vocabulary.set_display_language("de", "C", "de_DE")
        assert vocabulary.display_locale("de_AT") == "de_AT"
        assert vocabulary.display_locale("en_IE") == "de_DE"
    finally:
        vocabulary.set_display_language("")
    assert vocabulary.display_locale("de_DE") == "de_DE"  # no window: the studio's


def test_choosing_german_in_account_takes_effect_at_the_next_start(
    qtbot: Any, make_app: Any, ui_settings: UiSettings
) -> None:
    choice = LanguageChoice(settings=ui_settings)
    qtbot.addWidget(choice)
    assert choice.currentData() == ""  # as the system
    with qtbot.waitSignal(choice.noted) as noted:
        choice.setCurrentIndex(choice.findData("de"))
    assert noted.args == ["Podyx speaks the language you chose when you next start it."]
    assert UiSettings().language == "de"

    app = make_app()
    assert app.language.code == "de"
    assert window_language() == "de"  # what the client's documents are written in
    # Qt's own words in German (message boxes' buttons)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    # the domain's hooks follow on the worker: dates in German for a studio in English
    qtbot.waitUntil(lambda: vocabulary.display_locale("en_IE").startswith("de"))
    qtbot.waitUntil(lambda: app.studio is not None)
    written = DisplayFormat.for_studio(app.studio)
    assert written.locale.startswith("de")
    assert written.day(date(2026, 12, 10)) == "10.12.2026"
    assert shown("Anything") == "Anything"
    app.shutdown()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert vocabulary.display_locale("en_IE") == "en_IE"
