"""Fonts for PDF documents: the shipped DejaVu Sans, system fallbacks, per-character runs.

Every document is set in DejaVu Sans (shipped in the package's ``resources/fonts``, embedded as a
subset), which covers accented Latin, Greek and Cyrillic. A character it lacks (Chinese,
Japanese, Korean …) is set in the first TrueType font found on the machine that has it:
:meth:`FontSet.markup` splits text into runs by font and wraps the others in
``<font name=…>`` for platypus paragraphs. When no font has a character, the text is
kept (it still copies and searches as itself) and prints as the font's empty box, and a
warning is logged: a character is never dropped silently.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from podyx_desktop import resources

log = logging.getLogger(__name__)

FONTS_DIR = resources.path("fonts")
REGULAR = "PodyxSans"
BOLD = "PodyxSans-Bold"
MISSING = "PodyxSans-Missing"
_REGULAR_FILE = "DejaVuSans.ttf"
_BOLD_FILE = "DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class FontCandidate:
    """A font file that may be on the machine; ``index`` picks a face in a ``.ttc``."""

    path: Path
    index: int = 0


def system_fallback_candidates() -> tuple[FontCandidate, ...]:
    """TrueType fonts worth trying for characters DejaVu Sans lacks, best first.

    Only TrueType outlines work with reportlab; fonts with PostScript (CFF) outlines,
    such as Noto Sans CJK, are tried and skipped. ``PODYX_PDF_FONTS`` (paths separated
    by the OS path separator) puts the IT department's own choice first.
    """
    extra = [
        FontCandidate(Path(p)) for p in os.environ.get("PODYX_PDF_FONTS", "").split(os.pathsep) if p
    ]
    if sys.platform == "win32":
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        names = [
            "msyh.ttc",
            "YuGothM.ttc",
            "meiryo.ttc",
            "malgun.ttf",
            "simsun.ttc",
            "msgothic.ttc",
            "Nirmala.ttf",
            "seguisym.ttf",
            "arialuni.ttf",
        ]
        found = [FontCandidate(fonts / name) for name in names]
    elif sys.platform == "darwin":
        found = [
            FontCandidate(Path("/System/Library/Fonts/PingFang.ttc")),
            FontCandidate(Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf")),
            FontCandidate(Path("/Library/Fonts/Arial Unicode.ttf")),
            FontCandidate(Path("/System/Library/Fonts/AppleSDGothicNeo.ttc")),
        ]
    else:
        share = Path("/usr/share/fonts")
        found = [
            FontCandidate(share / "truetype/droid/DroidSansFallbackFull.ttf"),
            FontCandidate(Path("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf")),
            FontCandidate(share / "truetype/wqy/wqy-microhei.ttc"),
            FontCandidate(share / "truetype/wqy/wqy-zenhei.ttc"),
            FontCandidate(share / "truetype/arphic/uming.ttc"),
            FontCandidate(share / "truetype/unfonts-core/UnDotum.ttf"),
            FontCandidate(share / "opentype/noto/NotoSansCJK-Regular.ttc"),
            FontCandidate(share / "truetype/noto/NotoSansCJK-Regular.ttc"),
        ]
    return tuple(extra + found)


_lock = threading.RLock()
_registered: set[str] = set()
# (path, index) → the registered font, or None once it proved unusable.
_fallbacks: dict[tuple[str, int], TTFont | None] = {}


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16 surrogate pairs.

    reportlab writes such a character as five hex digits, which PDF readers reject, so an
    emoji or a rare CJK ideograph would not copy or search. This writes what the PDF
    specification asks for (UTF-16BE) and is otherwise the same CMap.
    """
    chars = "\n".join(
        f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
        for index, code in enumerate(subset)
    )
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            chars,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _register_family(
    name: str,
    path: Path,
    *,
    bold_name: str | None = None,
    index: int = 0,
    face_name: bytes | None = None,
) -> TTFont:
    font = TTFont(name, str(path), subfontIndex=index)
    if face_name is not None:
        # reportlab shares one font object between registrations of the same face name;
        # a distinct name keeps this copy (and its character map) separate.
        font.face.name = face_name
    pdfmetrics.registerFont(font)
    _map_family(name, bold_name or name)
    _registered.add(name)
    return font


def _map_family(name: str, bold: str) -> None:
    # Every face is its own family (no italics shipped), so a run in any font inside a
    # bold paragraph, or <b> around it, always resolves to a registered font.
    for is_bold in (0, 1):
        for is_italic in (0, 1):
            addMapping(name, is_bold, is_italic, bold if is_bold else name)


def _ensure_primary() -> None:
    with _lock:
        if REGULAR in _registered:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        regular, bold = FONTS_DIR / _REGULAR_FILE, FONTS_DIR / _BOLD_FILE
        if not regular.is_file() or not bold.is_file():
            raise FileNotFoundError(
                f"The PDF fonts are missing from {FONTS_DIR}; reinstall Podyx Desktop."
            )
        _register_family(BOLD, bold)
        _register_family(REGULAR, regular, bold_name=BOLD)
        # A second copy of the regular face whose character map learns the characters
        # no font has, mapped to glyph 0 (the empty box): the PDF keeps their Unicode
        # (so the text copies and searches correctly) while the page shows the box.
        _register_family(MISSING, regular, face_name=b"DejaVuSans-Missing")


def _load_fallback(candidate: FontCandidate) -> TTFont | None:
    key = (str(candidate.path), candidate.index)
    with _lock:
        if key in _fallbacks:
            return _fallbacks[key]
        font: TTFont | None = None
        if candidate.path.is_file():
            name = f"PodyxFallback{len(_fallbacks) + 1}"
            try:
                font = _register_family(name, candidate.path, index=candidate.index)
            except (TTFError, OSError, ValueError) as error:
                log.info("Font %s cannot be used in PDFs: %s", candidate.path, error)
        _fallbacks[key] = font
        return font


def _covers(font: TTFont, char: str) -> bool:
    return ord(char) in font.face.charToGlyph


@lru_cache(maxsize=16384)
def _plain(text: str, bold: bool) -> str | None:
    """See :meth:`FontSet.plain`; the fonts' character maps never change once loaded."""
    if "\n" in text or "\r" in text:
        return None
    cmap = pdfmetrics.getFont(BOLD if bold else REGULAR).face.charToGlyph
    chars = []
    for char in text:
        if char.isspace() or not char.isprintable():
            chars.append(" ")  # as in markup(); the paragraph then collapses spaces
        elif ord(char) in cmap:
            chars.append(char)
        else:
            return None
    return " ".join("".join(chars).split())


class FontSet:
    """Picks a font for every character of a text, and remembers what it could not cover."""

    def __init__(self, fallback_candidates: Sequence[FontCandidate] | None = None) -> None:
        _ensure_primary()
        self._regular = pdfmetrics.getFont(REGULAR)
        self._bold = pdfmetrics.getFont(BOLD)
        self._missing = pdfmetrics.getFont(MISSING)
        self._candidates = tuple(
            system_fallback_candidates() if fallback_candidates is None else fallback_candidates
        )
        self._chosen: dict[str, str | None] = {}
        self.uncovered: set[str] = set()

    @property
    def regular(self) -> str:
        return REGULAR

    @property
    def bold(self) -> str:
        return BOLD

    def font_for(self, char: str, *, bold: bool = False) -> str | None:
        """The font name that draws ``char`` (bold when asked and possible), or ``None``."""
        if bold and _covers(self._bold, char):
            return BOLD
        if _covers(self._regular, char):
            return REGULAR
        if char not in self._chosen:
            self._chosen[char] = self._fallback_for(char)
        return self._chosen[char]

    def _fallback_for(self, char: str) -> str | None:
        for candidate in self._candidates:
            font = _load_fallback(candidate)
            if font is not None and _covers(font, char):
                return str(font.fontName)
        return None

    def fallback_fonts_used(self) -> set[str]:
        return {name for name in self._chosen.values() if name is not None}

    def plain(self, text: str, *, bold: bool = False) -> str | None:
        """``text`` as one line, spaces collapsed as a paragraph would show it, when the
        primary face (bold when asked) draws all of it and it has no line break; else
        ``None``: then it needs :meth:`markup` and a paragraph."""
        return _plain(text, bold)

    def markup(self, text: str, *, bold: bool = False) -> str:
        """``text`` as paragraph markup: XML-escaped, runs in other fonts wrapped, ``\\n`` → ``<br/>``."""
        primary = BOLD if bold else REGULAR
        runs: list[tuple[str, list[str]]] = []
        missing: list[str] = []
        for char in text.replace("\r\n", "\n").replace("\r", "\n"):
            if char == "\n":
                runs.append(("<br/>", []))
                continue
            if char.isspace() or not char.isprintable():
                font = runs[-1][0] if runs and runs[-1][0] != "<br/>" else primary
                char = " " if not char.isprintable() else char
            else:
                found = self.font_for(char, bold=bold)
                if found is None:
                    missing.append(char)
                    self._mark_missing(char)
                    found = MISSING
                font = found
            if runs and runs[-1][0] == font:
                runs[-1][1].append(char)
            else:
                runs.append((font, [char]))
        if missing:
            self._warn(text, missing)
        return "".join(self._wrap(font, chars, primary) for font, chars in runs)

    @staticmethod
    def _wrap(font: str, chars: list[str], primary: str) -> str:
        if font == "<br/>":
            return "<br/>"
        body = escape("".join(chars))
        return body if font == primary else f'<font name="{font}">{body}</font>'

    def _mark_missing(self, char: str) -> None:
        code = ord(char)
        face = self._missing.face
        with _lock:
            if code not in face.charToGlyph:
                face.charToGlyph[code] = 0
                face.charWidths[code] = face.defaultWidth
        self.uncovered.add(char)

    def _warn(self, text: str, missing: Iterable[str]) -> None:
        codes = ", ".join(f"U+{ord(c):04X} {c!r}" for c in dict.fromkeys(missing))
        log.warning(
            "No installed font can draw %s in %r: the PDF keeps the text but prints a box "
            "for it. Install a font that covers it or name one in PODYX_PDF_FONTS.",
            codes,
            text,
        )
