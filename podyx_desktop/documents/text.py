"""A cheap stand-in for a one-line platypus ``Paragraph`` of plain text.

Most text on a document is short and plain: amounts, dates, labels, names. Parsing each
as paragraph markup and breaking it into lines costs far more than drawing it, so
:class:`Line` draws such text directly, placed exactly where a one-line ``Paragraph``
in the same style would put it. Text that turns out wider than its space becomes a real
``Paragraph`` (and wraps) at layout time; text the primary font cannot draw, or with
line breaks, never gets here (see :meth:`podyx_desktop.documents.fonts.FontSet.plain`).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

_FUZZ = 1e-6
_NO_ROOM = 0x7FFFFFFF
_FILLS: dict[tuple[float, ...], str] = {}


def _fill(color: Color) -> str:
    """The PDF operator that sets ``color`` (RGB, or CMYK) as the fill colour."""
    key = color.cmyk() if hasattr(color, "cyan") else color.rgb()
    found = _FILLS.get(key)
    if found is None:
        found = _FILLS[key] = f"{fp_str(*key)} {'k' if len(key) == 4 else 'rg'}"
    return found


class Line(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """``text`` (already whitespace-normalised, all in ``style.fontName``) on one line."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._text_width: float | None = None
        self._paragraph: Paragraph | None = None

    def __repr__(self) -> str:
        return f"Line({self.text!r}, {self.style.name!r})"

    @property
    def text_width(self) -> float:
        if self._text_width is None:
            self._text_width = stringWidth(self.text, self.style.fontName, self.style.fontSize)
        return self._text_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        style = self.style
        if availWidth < _FUZZ:
            return 0, _NO_ROOM
        room = availWidth - style.leftIndent - style.firstLineIndent - style.rightIndent
        if self._paragraph is not None or self.text_width > room + _FUZZ:
            if self._paragraph is None:  # too wide for one line: wrap like a paragraph
                self._paragraph = Paragraph(escape(self.text), style)
            width, height = self._paragraph.wrap(availWidth, availHeight)
            self.width, self.height = width, height
            return width, height
        self.width = availWidth
        self.height = style.leading if self.text else 0
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if self._paragraph is not None:
            return list(self._paragraph.split(availWidth, availHeight))
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """Draws at (``x``, ``y``) without the translate and state copies of a flowable."""
        if self._paragraph is not None:
            self._paragraph.drawOn(canvas, x, y, _sW)
            return
        if not self.text:
            return
        style = self.style
        x += style.leftIndent + style.firstLineIndent
        room = self.width - style.leftIndent - style.firstLineIndent - style.rightIndent
        if style.alignment == TA_RIGHT:
            x += room - self.text_width
        elif style.alignment == TA_CENTER:
            x += (room - self.text_width) / 2
        font = getFont(style.fontName)
        doc = canvas._doc  # the document the subsets belong to
        size = fp_str(style.fontSize)
        # reportlab's documented way to set text in a subsetted TrueType font.
        runs = " ".join(
            f"{font.getSubsetInternalName(subset, doc)} {size} Tf ({escapePDF(chunk)}) Tj"
            for subset, chunk in font.splitString(self.text, doc)
        )
        # q … Q keeps the colour to this text, as a paragraph's saveState does.
        canvas.addLiteral(
            f"q {_fill(style.textColor)} BT 1 0 0 1 "
            f"{fp_str(x, y + self.height - style.fontSize)} Tm {runs} ET Q"
        )

    def draw(self) -> None:  # drawOn above does the drawing; kept for Flowable's contract
        self.drawOn(self.canv, 0, 0)
