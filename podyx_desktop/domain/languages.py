"""The languages Podyx speaks — the window's and the documents' — and the locale each
writes values in when neither the system's nor the studio's locale speaks it.

Qt-free and tiny: the window reads it before its first paint (``gui/translation.py``),
the documents when they pick a language (``documents/language.py``)."""

from __future__ import annotations

ENGLISH = "en"
# each language in its own words, as the Account tab offers them
NAMES = {"en": "English", "de": "Deutsch"}
USUAL_LOCALE = {"en": "en_GB", "de": "de_DE"}


def language_of_locale(locale_name: str) -> str:
    """The language of a locale name (``de_AT``, ``de-CH``, ``en``) when Podyx speaks it,
    else English."""
    code = (locale_name or "").replace("-", "_").split("_")[0].lower()
    return code if code in NAMES else ENGLISH


def language_to_show(setting: str, system_locale: str) -> str:
    """The language a window shows: the setting when Podyx speaks it, else the system
    locale's language when Podyx speaks that, else English."""
    return setting if setting in NAMES else language_of_locale(system_locale)
