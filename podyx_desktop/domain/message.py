"""Sentences for a user that keep their id and fields, so the window shows them in the
user's language.

A service says ``m("{room} is closed on {day}.", room=name, day=day)`` where it used to
say ``f"{name} is closed on {day}."``. The result is a :class:`Message`: a ``str`` (the
English sentence, so logs, the command line and every caller that treats it as text keep
working) that also carries its **source** — the English template, which is its id in the
translation files — and its **fields**. Where it is shown, :func:`shown` looks the source
up through the installed translator and fills the fields in, translating fields that are
messages themselves (a field name, a status word).

Counts: ``mn("%n session(s) left.", "", n)`` marks a sentence with plural forms (the
second argument is a note that tells two equal sources apart, usually empty: lupdate
marks a sentence as plural only when it sees three arguments, as in Qt's ``tr``). Qt's
translator picks the German form; English (and any language without a translation) reads
``(s)`` as the plural ending: ``1 session left``, ``3 sessions left``.

``pyside6-lupdate`` extracts the sources with ``-tr-function-alias tr+=m,tr+=mn``
(``scripts/translations.py``) under the context :data:`CONTEXT`. Qt-free: the GUI installs
the translator with :func:`set_translator`; without one (the command line, the server)
sentences read in English.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

CONTEXT = ""  # lupdate files sentences marked by m()/mn() outside any class under ""

# translate(source, note, count) -> the template in the user's language (count -1: none)
Translate: TypeAlias = Callable[[str, str, int], str]


def _english(source: str, note: str, count: int) -> str:
    return source


_translate: Translate = _english

_PLURAL = re.compile(r"\((s|es)\)")


def set_translator(translate: Translate | None) -> None:
    """Install ``translate(source, note, count)``; ``None`` restores English."""
    global _translate
    _translate = translate or _english


def field_names(template: str) -> set[str]:
    """The ``{fields}`` a template fills in (``%n`` is not one of them)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Message(str):
    """An English sentence (``str(message)``) with its source and fields kept."""

    source: str
    note: str
    number: int | None  # the count of a plural sentence (``str.count`` is taken)
    fields: Mapping[str, Any]

    def __new__(
        cls, source: str, note: str = "", count: int | None = None, /, **fields: Any
    ) -> Message:
        made = super().__new__(cls, _render(source, note, count, fields, _english))
        made.source, made.note, made.number, made.fields = source, note, count, fields
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (worker processes) keep the fields
        return (_rebuild, (self.source, self.note, self.number, dict(self.fields)))

    def shown(self) -> str:
        """The sentence in the language of the installed translator."""
        return _render(self.source, self.note, self.number, self.fields, _translate)

    def render(self, translate: Translate) -> str:
        """The sentence through ``translate`` rather than the installed translator (a
        document in a language of its own: ``documents/language.py``)."""
        return _render(self.source, self.note, self.number, self.fields, translate)

    def to_data(self) -> dict[str, Any]:
        """A JSON-able form (the studio server sends it beside the English text)."""
        fields = {k: _data(v) for k, v in self.fields.items()}
        return {"source": self.source, "note": self.note, "count": self.number, "fields": fields}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Message:
        fields = {
            k: cls.from_data(v) if isinstance(v, Mapping) and "source" in v else v
            for k, v in dict(data.get("fields") or {}).items()
        }
        return cls(str(data["source"]), str(data.get("note") or ""), data.get("count"), **fields)


def _data(value: Any) -> Any:
    """A field as JSON can carry it: a message as its data, a number or text as it is,
    anything else (a path, an error, a date) as its text."""
    if isinstance(value, Message):
        return value.to_data()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _rebuild(source: str, note: str, count: int | None, fields: dict[str, Any]) -> Message:
    return Message(source, note, count, **fields)


def _render(
    source: str,
    note: str,
    count: int | None,
    fields: Mapping[str, Any],
    translate: Translate,
) -> str:
    template = translate(source, note, -1 if count is None else count)
    if count is not None:
        template = template.replace("%n", str(count))
        if _PLURAL.search(template):  # no plural forms for this language: English's rule
            template = _PLURAL.sub("" if count == 1 else r"\1", template)
    values = {
        k: (v.render(translate) if translate is not _english else str(v))
        if isinstance(v, Message)
        else v
        for k, v in fields.items()
    }
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
        if template is source:
            raise
        return _render(source, note, count, fields, _english)


def m(source: str, /, **fields: Any) -> Message:
    """Mark a sentence for translation and fill its ``{fields}``."""
    return Message(source, "", None, **fields)


def mn(source: str, note: str, count: int, /, **fields: Any) -> Message:
    """A sentence with a count: ``%n`` is the count, ``(s)`` the English plural ending;
    ``note`` tells equal sources apart for translators (usually empty)."""
    return Message(source, note, count, **fields)


def _as_stored(text: str) -> str:
    return text


_stored: Callable[[str], str] = _as_stored


def set_stored_translator(translate: Callable[[str], str] | None) -> None:
    """Install how text the services stored in English reads in the window's language
    (the GUI installs the documents' catalog: ``documents.language.Catalog.stored``)."""
    global _stored
    _stored = translate or _as_stored


def shown_stored(text: str) -> str:
    """Text kept in the database as English (an event's detail, a ledger note), in the
    window's language when it is one of the app's sentences; else as it is."""
    return _stored(text) if text else text


def shown(text: str) -> str:
    """``text`` as the user reads it: a message translated, any other text as it is."""
    return text.shown() if isinstance(text, Message) else text
