"""How a client is found by what the desk types: one folded search key per client.

A client's key is their name, email and phone digits folded the same way the desk's
words are (:func:`fold`: Unicode NFKD, combining marks dropped, casefolded), so "elo"
finds "Élodie" and "muller" finds "Müller" on either database, with an index: SQLite's
FTS5 trigram tokenizer (SQLite 3.40 has no ``remove_diacritics`` for trigrams, hence the
folding here) and PostgreSQL's ``pg_trgm``. :func:`search_words` turns what was typed
into the words that must all match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TRIGRAM = 3  # the shortest word a trigram index can look up
FIELD_SEPARATOR = " | "  # between name, email and phone: no word spans two fields
_PHONE_TERM = re.compile(r"[\d\s()+./-]+")


def fold(text: str) -> str:
    """``text`` without accents, casefolded, its runs of white space made one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def phone_digits(phone: str) -> str:
    """The digits of an E.164 phone number (``+49301234`` → ``49301234``)."""
    return re.sub(r"\D", "", phone)


def search_key(full_name: str, email_key: str, phone: str) -> str:
    """The text a client's search matches: folded name, email and phone digits."""
    return FIELD_SEPARATOR.join((fold(full_name), fold(email_key), phone_digits(phone)))


@dataclass(frozen=True)
class SearchWords:
    """What the desk typed, folded: ``words`` all must match somewhere in the key.

    ``prefix`` (set when every word is shorter than a trigram): match the start of the
    folded name instead, on a B-tree index, since a trigram index cannot look up one or
    two letters. Empty ``words`` and no ``prefix``: no search.
    """

    words: tuple[str, ...] = ()
    prefix: str = ""

    @property
    def long_words(self) -> tuple[str, ...]:
        return tuple(w for w in self.words if len(w) >= TRIGRAM)

    @property
    def short_words(self) -> tuple[str, ...]:
        return tuple(w for w in self.words if len(w) < TRIGRAM)


def search_words(typed: str) -> SearchWords:
    """The words of ``typed``; a term that looks like a phone number is one word of its
    digits without a national leading 0 (``030 1234`` → ``301234``)."""
    folded = fold(typed)
    if not folded:
        return SearchWords()
    if _PHONE_TERM.fullmatch(folded):
        digits = phone_digits(folded).lstrip("0")
        if len(digits) >= TRIGRAM:
            return SearchWords((digits,))
    words = tuple(dict.fromkeys(folded.split()))
    if all(len(w) < TRIGRAM for w in words):
        return SearchWords(words, prefix=folded)
    return SearchWords(words)
