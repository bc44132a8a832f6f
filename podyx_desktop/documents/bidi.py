"""Right-to-left text (Arabic, Hebrew, and mixed with Latin) in the order a PDF draws it.

reportlab draws characters in the order it is given them, so a name stored in logical
order ("محمد Müller") would print reversed and, in Arabic, with every letter in its
isolated form. reportlab 5's own support is not used: it needs the optional ``rlbidi``
and ``uharfbuzz`` packages, works only inside platypus paragraphs whose style fixes one
direction (``wordWrap="RTL"``), not in the plain :class:`~podyx_desktop.documents.text.Line`
most text is drawn with, and writes shaped glyph ids whose text does not read back.

Instead, text with a right-to-left character is shaped with ``arabic-reshaper`` (Arabic
letters become their joined presentation forms, which DejaVu Sans has) and put in visual
order with ``python-bidi`` (the Unicode bidirectional algorithm), each paragraph with the
direction of its first strong character. A paragraph that needs more than one line is
broken into lines in logical order first and each line is then reordered, so it reads
from its first line down. Vowel marks (harakat) are left out, as reportlab cannot place
them over their letter without shaping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

# Hebrew to Arabic Extended, the presentation forms, the RTL scripts of the SMP, and the
# right-to-left marks and embeddings: text without any of these is left exactly as it is.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
# DejaVu Sans has the lam-alef ligatures but not the one for "Allah".
_RESHAPER = ArabicReshaper(configuration={"arabic ligature allah": False})


def has_rtl(text: str) -> bool:
    """True when ``text`` has a right-to-left character and so needs :func:`visual`."""
    return _RTL.search(text) is not None


def base_direction(text: str) -> str:
    """``"R"`` or ``"L"``: the direction of the first strong character (``"L"`` if none)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "L"


def shape(text: str) -> str:
    """Arabic letters in ``text`` as their joined presentation forms, still in logical order."""
    return str(_RESHAPER.reshape(text))


def reorder(shaped: str, direction: str) -> str:
    """One line of shaped text in visual (left-to-right drawing) order."""
    return str(get_display(shaped, base_dir=direction))


@lru_cache(maxsize=4096)
def visual(text: str) -> str:
    """``text`` shaped and in visual order, each of its lines on its own."""
    if not has_rtl(text):
        return text
    return "\n".join(
        reorder(shape(line), base_direction(line))
        for line in text.replace("\r\n", "\n").split("\n")
    )


def visual_lines(text: str, room: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` broken into lines no wider than ``room`` (where words allow), each in visual
    order; words are collapsed to single spaces, as a paragraph shows them."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        direction = base_direction(paragraph)
        current: list[str] = []
        for word in shape(paragraph).split():
            if current and measure(" ".join([*current, word])) > room:
                lines.append(reorder(" ".join(current), direction))
                current = []
            current.append(word)
        lines.append(reorder(" ".join(current), direction))
    return lines


class BidiText(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Text with right-to-left characters: broken into lines in logical order, each line
    drawn in visual order by the flowable ``make_line`` builds for it."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        make_line: Callable[[str], Flowable],
        lines: list[Flowable] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._make_line = make_line
        self._lines = lines
        self._laid_out_for: float | None = None if lines is None else -1.0
        self._heights: list[float] = []

    def __repr__(self) -> str:
        return f"BidiText({self.text!r}, {self.style.name!r})"

    def _lay_out(self, width: float) -> list[Flowable]:
        if self._lines is None or (self._laid_out_for not in (width, -1.0)):
            style = self.style
            room = width - style.leftIndent - style.firstLineIndent - style.rightIndent
            font, size = style.fontName, style.fontSize
            texts = visual_lines(self.text, room, lambda s: stringWidth(s, font, size))
            self._lines = [self._make_line(line) for line in texts]
            self._laid_out_for = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._lay_out(availWidth)
        self._heights = [line.wrap(availWidth, availHeight)[1] for line in lines]
        self.width, self.height = availWidth, sum(self._heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        lines = self._lines or []
        used, fits = 0.0, 0
        for height in self._heights:
            if used + height > availHeight:
                break
            used += height
            fits += 1
        if fits == 0 or fits == len(lines):
            return []
        return [
            BidiText(self.text, self.style, self._make_line, lines[:fits]),
            BidiText(self.text, self.style, self._make_line, lines[fits:]),
        ]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        top = y + self.height
        for line, height in zip(self._lines or [], self._heights, strict=False):
            top -= height
            line.drawOn(canvas, x, top)

    def draw(self) -> None:  # drawOn above does the drawing; kept for Flowable's contract
        self.drawOn(self.canv, 0, 0)
