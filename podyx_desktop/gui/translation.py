"""The window's language: which one, its translation files, and the locale that goes with it.

One language per user of the window (Account → Language, stored with the window's
settings; by default the system's when the app has it, else English). Installed before the
first window is built, so every ``tr()`` reads translated from the start:

* ``podyx_<lang>.qm`` — the app's own sentences, compiled by ``scripts/translations.py``
  from the ``.ts`` sources in ``podyx_desktop/resources/translations`` (English has one too:
  only its plural forms);
* ``qtbase_<lang>.qm`` — Qt's own words (the buttons of message boxes, the file dialog),
  from Qt's translations folder;
* the hooks of :mod:`podyx_desktop.domain.vocabulary` (status words) and
  :mod:`podyx_desktop.domain.message` (the services' sentences), and the locale dates,
  times, money and numbers are written in (:func:`vocabulary.set_display_language`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from podyx_desktop.domain.languages import ENGLISH, NAMES, USUAL_LOCALE, language_to_show

log = logging.getLogger(__name__)

LANGUAGES = NAMES  # what the app speaks, in its own words
DEFAULT_LANGUAGE = ENGLISH
_installed = DEFAULT_LANGUAGE  # the language the window shows (Language.install)


def language_of(setting: str, system: str | None = None) -> str:
    """The language to show: the setting when the app speaks it, else the system's
    language when the app speaks that, else English."""
    return language_to_show(setting, system if system is not None else QLocale.system().name())


def translations_folder() -> Path:
    from podyx_desktop import resources

    return resources.path("translations")


def _translate_message(source: str, note: str, count: int) -> str:
    return QCoreApplication.translate("", source, note or None, count)


class Language:
    """The installed language (kept so its translators live as long as the app)."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.translators: list[QTranslator] = []

    def install(self, app: QCoreApplication) -> Language:
        """Load and install the translation files (on the GUI thread, before the first
        window is built; loading a ``.qm`` maps a file: well under a millisecond)."""
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators = []
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        wanted = [(f"podyx_{self.code}", str(translations_folder()))]
        if self.code != "en":
            wanted.append((f"qtbase_{self.code}", qt_folder))
        for name, folder in wanted:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                self.translators.append(translator)
            else:
                log.warning("No translation file %s.qm in %s; showing English.", name, folder)
        QLocale.setDefault(QLocale(display_locale_name(self.code)))
        global _installed
        _installed = self.code
        return self

    def uninstall(self) -> None:
        """Take the translations out again (the app shuts down; a test ends)."""
        app = QCoreApplication.instance()
        for translator in self.translators:
            if app is not None:
                app.removeTranslator(translator)
        self.translators = []
        global _installed
        _installed = DEFAULT_LANGUAGE
        remove_hooks()


def window_language() -> str:
    """The code of the language the window shows ("en", "de"): what a client's documents
    are written in (docs/rules.md, "The documents' language")."""
    return _installed


def display_locale_name(code: str) -> str:
    system = QLocale.system().name()
    return system if system.split("_")[0] == code else USUAL_LOCALE.get(code, code)


def install_hooks(code: str) -> None:
    """Let the domain's words and the services' sentences translate through Qt, and write
    values in the language's locale (on the worker: the vocabulary need not be imported
    before the first paint)."""
    from podyx_desktop.documents.language import catalog
    from podyx_desktop.domain import message, vocabulary

    vocabulary.set_translator(QCoreApplication.translate)
    message.set_translator(_translate_message)
    # the catalog is read when a stored sentence is first shown, not at start-up
    message.set_stored_translator(lambda text: catalog(code).stored(text))
    vocabulary.set_display_language(code, QLocale.system().name(), USUAL_LOCALE.get(code, ""))


def remove_hooks() -> None:
    """English again, values in the studio's locale: what the command line sees."""
    from podyx_desktop.domain import message, vocabulary

    vocabulary.set_translator(None)
    message.set_translator(None)
    message.set_stored_translator(None)
    vocabulary.set_display_language("")


def install_language(app: QCoreApplication, setting: str) -> Language:
    """Install the translations of the language ``setting`` resolves to."""
    return Language(language_of(setting)).install(app)
