"""A document's language: which one, the locale its values are written in, and its words.

PDFs and calendar files are written in a language of their own — the client's window's
for what a client makes there, the studio's for what staff and the command line make
(docs/rules.md, "The documents' language") — not in whatever language the window that
asked for them shows. So documents do not translate through the process's translator
(Qt's, installed by the window): they read the shipped translation sources
(``podyx_desktop/resources/translations/podyx_<lang>.ts``, the same ones lupdate keeps
current) with ElementTree, once per language, and translate with what they read:

* :meth:`Catalog.message` — a :class:`~podyx_desktop.domain.message.Message`'s template
  (``Message.render(catalog.message)``), with plural forms;
* :meth:`Catalog.word` — the vocabulary's words (``Words.text_in(key, catalog.word)``).

Plural forms: German and English have two, the singular for exactly one. English reads
the sources as they are (``(s)`` is its plural ending, see ``domain/message.py``); a
sentence without a translation reads in English too. Qt-free (the documents may not import
Qt): the ``.ts`` is plain XML.
"""

from __future__ import annotations

import logging
import re
import string
import threading

from podyx_desktop.domain.languages import ENGLISH, NAMES, USUAL_LOCALE, language_of_locale
from podyx_desktop.domain.message import field_names
from podyx_desktop.domain.stored_sentences import STORED

log = logging.getLogger(__name__)

LANGUAGES = tuple(NAMES)  # what documents are written in: what the window speaks


def studio_language(studio_locale: str) -> str:
    """The studio's language: its locale's, when documents speak it; else English."""
    return language_of_locale(studio_locale)


def document_language(language: str, studio_locale: str) -> str:
    """``language`` when documents speak it; else (``""``, unknown) the studio's."""
    return language if language in LANGUAGES else studio_language(studio_locale)


def document_locale(language: str, studio_locale: str) -> str:
    """The locale values are written in: the studio's when it speaks ``language`` (an
    Austrian studio's German documents: ``de_AT``), else the language's usual one — so an
    English document of a German studio never prints German dates."""
    name = (studio_locale or "").replace("-", "_")
    if name.split("_")[0].lower() == language and name not in ("C", "POSIX"):
        return name
    return USUAL_LOCALE.get(language, USUAL_LOCALE[ENGLISH])


# (context, source, comment) → the translation: one text, or the plural forms
Entries = dict[tuple[str, str, str], tuple[str, ...]]


class Catalog:
    """One language's translations, read from its ``.ts`` source."""

    def __init__(self, language: str, entries: Entries | None = None) -> None:
        self.language = language
        self._entries: Entries = entries or {}
        self._stored: dict[str, str] = {}
        self._compiled: list[tuple[re.Pattern[str], str]] | None = None
        self._words: dict[str, str] | None = None  # source → translation, for fields

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, context: str, source: str, note: str = "", count: int = -1) -> str:
        """The translation of ``source``, the form for ``count`` when it has plural forms
        (``count`` -1: none); ``source`` itself when there is none."""
        forms = self._entries.get((context, source, note))
        if not forms:
            return source
        plural = len(forms) > 1 and count >= 0
        return (forms[plural_form(self.language, count)] if plural else forms[0]) or source

    def message(self, source: str, note: str, count: int) -> str:
        """A message's template (``Message.render(catalog.message)``)."""
        return self.lookup("", source, note, count)

    def word(self, context: str, text: str) -> str:
        """A vocabulary word (``Words.text_in(key, catalog.word)``)."""
        return self.lookup(context, text)

    def stored(self, text: str) -> str:
        """A sentence the services stored as English text (``domain.stored_sentences``: a
        credit note's line, a booking event's detail, a ledger note) in this language: the
        stored source it equals or matches, its fields translated when one equals a word
        of the app's; else ``text`` as it is (a name, a reason somebody typed)."""
        if self.language == ENGLISH or not text.strip():
            return text
        found = self._stored.get(text)
        if found is None:
            found = self._stored[text] = self._translate_stored(text)
        return found

    def _translate_stored(self, text: str) -> str:
        forms = self._entries.get(("", text, ""))
        if text in STORED and forms and len(forms) == 1 and forms[0]:
            return forms[0]
        for pattern, translation in self._patterns():
            match = pattern.fullmatch(text)
            if match is not None:
                fields = {name: self._field(value) for name, value in match.groupdict().items()}
                try:
                    return translation.format_map(fields)
                except (KeyError, IndexError, ValueError):
                    return text
        return text

    def _field(self, value: str) -> str:
        """A stored sentence's field: a word or sentence of the app's that it equals
        (a payment method, a status), else as it is."""
        if self._words is None:  # by source, once: the first context's translation wins
            self._words = {}
            for (_context, source, _note), forms in self._entries.items():
                if len(forms) == 1 and forms[0] and not field_names(source):
                    self._words.setdefault(source, forms[0])
        return self._words.get(value, value)

    def _patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """The stored sentences with ``{fields}`` as patterns, the most literal text first."""
        if self._compiled is None:
            found = []
            for (context, source, _note), forms in self._entries.items():
                names = field_names(source)
                if source not in STORED or context or not names or len(forms) != 1:
                    continue
                parts = [p for p in string.Formatter().parse(source)]
                if any(spec or conversion for _, _, spec, conversion in parts):
                    continue
                if len(names) != sum(1 for _, name, _, _ in parts if name):
                    continue  # a field used twice
                regex = "".join(
                    re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
                    for literal, name, _, _ in parts
                )
                literal_length = sum(len(literal) for literal, _, _, _ in parts)
                found.append((literal_length, re.compile(regex, re.S), forms[0]))
            found.sort(key=lambda item: -item[0])
            self._compiled = [(pattern, translation) for _, pattern, translation in found]
        return self._compiled


def plural_form(language: str, count: int) -> int:
    """Which of a language's plural forms ``count`` takes: English and German have two,
    the first for exactly one (Qt's numerus rules for both)."""
    return 0 if count == 1 else 1


_lock = threading.Lock()
_loaded: dict[str, Catalog] = {}


def catalog(language: str) -> Catalog:
    """The catalog of ``language`` (read once; English needs no file: its sources)."""
    if language not in LANGUAGES or language == ENGLISH:
        return Catalog(ENGLISH)
    with _lock:
        found = _loaded.get(language)
        if found is None:
            found = _loaded[language] = Catalog(language, _read(language))
        return found


def _read(language: str) -> Entries:
    # imported here: the window imports this module while it starts (its hooks), and
    # reads a catalog only when a document or a stored sentence first needs one
    import xml.etree.ElementTree as ET
    from importlib import resources

    name = f"podyx_{language}.ts"
    try:
        data = (resources.files("podyx_desktop.resources") / "translations" / name).read_bytes()
        return parse_ts(data)
    except (OSError, ET.ParseError) as error:
        log.warning("Cannot read the translations %s (%s); documents are in English.", name, error)
        return {}


def parse_ts(data: bytes) -> Entries:
    """The finished translations of a ``.ts`` file (unfinished ones are left out: they
    read in English, as in the window)."""
    import xml.etree.ElementTree as ET

    entries: Entries = {}
    for context in ET.fromstring(data).iter("context"):
        name = context.findtext("name") or ""
        for item in context.iter("message"):
            translation = item.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            key = (name, item.findtext("source") or "", item.findtext("comment") or "")
            entries[key] = forms or (translation.text or "",)
    return entries
