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
