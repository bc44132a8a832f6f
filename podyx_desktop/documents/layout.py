"""The page every document shares: studio header with logo, "Page n of m" footer, styles.

Documents build a list of platypus flowables with the helpers here (:class:`Styles`,
:func:`data_table`, :func:`field_table`) and hand them to :func:`build_pdf`, which lays
them out on A4 (Letter for US and Canadian locales) and returns the PDF bytes.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from podyx_desktop.documents.bidi import BidiText, has_rtl
from podyx_desktop.documents.fonts import REGULAR, FontSet
from podyx_desktop.documents.formatting import Formatter
from podyx_desktop.documents.language import (
    ENGLISH,
    Catalog,
    catalog,
    document_language,
    document_locale,
)
from podyx_desktop.documents.text import Line
from podyx_desktop.domain.message import Message, m
from podyx_desktop.domain.records import StudioInfo
from podyx_desktop.domain.vocabulary import Words

log = logging.getLogger(__name__)

MARGIN = 16 * mm
HEADER_HEIGHT = 24 * mm
FOOTER_HEIGHT = 10 * mm
LOGO_BOX = 18 * mm
INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5b636e")
RULE = colors.HexColor("#c9cfd6")
SHADE = colors.HexColor("#eef1f4")
ACCENT = colors.HexColor("#0b5cad")
WARNING = colors.HexColor("#a3330b")
CELL_PADDING = 3  # points, each side of a data table's cell


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of one document, all in the embedded fonts."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    total: ParagraphStyle
    banner: ParagraphStyle
    studio: ParagraphStyle
    small_right: ParagraphStyle

    @classmethod
    def create(cls, fonts: FontSet) -> Styles:
        """The styles for ``fonts``, made once per pair of face names and then shared
        (styles are never changed after creation)."""
        key = (fonts.regular, fonts.bold)
        with _cache_lock:
            styles = _STYLES.get(key)
            if styles is None:
                styles = _STYLES[key] = cls._make(*key)
            return styles

    @classmethod
    def _make(cls, regular: str, bold: str) -> Styles:
        body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12, textColor=INK)
        cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
        cell_head = ParagraphStyle("cell_head", parent=cell, fontName=bold, textColor=INK)
        small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED)
        return cls(
            title=ParagraphStyle(
                "title", parent=body, fontName=bold, fontSize=18, leading=22, spaceAfter=1 * mm
            ),
            subtitle=ParagraphStyle("subtitle", parent=body, textColor=MUTED, spaceAfter=4 * mm),
            heading=ParagraphStyle(
                "heading",
                parent=body,
                fontName=bold,
                fontSize=10.5,
                leading=14,
                spaceBefore=5 * mm,
                spaceAfter=1.5 * mm,
                textColor=ACCENT,
            ),
            body=body,
            small=small,
            label=ParagraphStyle("label", parent=cell, textColor=MUTED),
            cell=cell,
            cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
            cell_head=cell_head,
            cell_head_right=ParagraphStyle("cell_head_right", parent=cell_head, alignment=TA_RIGHT),
            total=ParagraphStyle(
                "total", parent=body, fontName=bold, fontSize=12, leading=16, alignment=TA_RIGHT
            ),
            banner=ParagraphStyle(
                "banner",
                parent=body,
                fontName=bold,
                fontSize=13,
                leading=17,
                textColor=WARNING,
                alignment=TA_LEFT,
            ),
            studio=ParagraphStyle("studio", parent=body, fontName=bold, fontSize=12, leading=15),
            small_right=ParagraphStyle("small_right", parent=small, alignment=TA_RIGHT),
        )

    def bold_of(self, style: ParagraphStyle, bold: str) -> ParagraphStyle:
        """``style`` in the bold face ``bold`` (made once, then shared)."""
        key = (id(style), bold)
        with _cache_lock:
            found = _BOLD_STYLES.get(key)
            if found is None or found[0] is not style:
                found = _BOLD_STYLES[key] = (
                    style,
                    ParagraphStyle(f"{style.name}_bold", parent=style, fontName=bold),
                )
            return found[1]


_cache_lock = threading.Lock()
_STYLES: dict[tuple[str, str], Styles] = {}
# id(style) → (style, its bold copy); the style is kept so its id is never reused.
_BOLD_STYLES: dict[tuple[int, str], tuple[ParagraphStyle, ParagraphStyle]] = {}


@dataclass(frozen=True)
class Context:
    """What every document builder needs: fonts, formats, styles and its language's words."""

    fonts: FontSet
    fmt: Formatter
    styles: Styles
    catalog: Catalog

    @property
    def language(self) -> str:
        return self.catalog.language

    def text(self, text: str) -> str:
        """``text`` in the document's language: a :class:`Message` translated, any other
        text (a name, a number) as it is."""
        return text.render(self.catalog.message) if isinstance(text, Message) else text

    def word(self, words: Words, key: str) -> str:
        """One of the vocabulary's words in the document's language."""
        return words.text_in(key, self.catalog.word)

    def para(
        self, text: str, style: ParagraphStyle | None = None, *, bold: bool = False
    ) -> Flowable:
        """Plain ``text`` (a :class:`Message`: in the document's language) in ``style``: a
        cheap :class:`Line` when the style's face draws all of it and it has no line break
        (it still wraps if too wide), otherwise a paragraph (escaped, per-character fonts)."""
        text = self.text(text)
        chosen = style or self.styles.body
        if bold and chosen.fontName != self.fonts.bold:
            chosen = self.styles.bold_of(chosen, self.fonts.bold)
        is_bold = chosen.fontName == self.fonts.bold
        if has_rtl(text):  # Arabic or Hebrew: shaped, each line in visual order
            return BidiText(text, chosen, partial(self._one_line, style=chosen, bold=is_bold))
        return self._one_line(text, style=chosen, bold=is_bold)

    def _one_line(self, text: str, *, style: ParagraphStyle, bold: bool) -> Flowable:
        line = self.fonts.plain(text, bold=bold)
        if line is not None:
            return Line(line, style)
        return Paragraph(self.fonts.markup(text, bold=bold), style)


def make_context(
    studio: StudioInfo,
    locale: str | None,
    fonts: FontSet | None = None,
    currency: str | None = None,
    language: str | None = None,
) -> Context:
    """The context of one document in ``language`` ("en", "de"; one documents do not speak:
    the studio's), its values in that language's locale (:func:`document_locale`) unless
    ``locale`` names one. Without a language: English, values in the studio's own locale."""
    chosen = fonts or FontSet()
    if language is None:
        words, values = catalog(ENGLISH), locale or studio.locale
    else:
        words = catalog(document_language(language, studio.locale))
        values = locale or document_locale(words.language, studio.locale)
    formatter = Formatter.for_studio(studio, values, currency, words=words.word)
    return Context(chosen, formatter, Styles.create(chosen), words)


def usable_width(page_size: tuple[float, float]) -> float:
    return page_size[0] - 2 * MARGIN


def page_size_for(fmt: Formatter) -> tuple[float, float]:
    return LETTER if fmt.locale.territory in ("US", "CA") else A4


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A table style whose plain-string cells use the embedded font, not Helvetica."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def data_table(
    header: Sequence[Flowable],
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    total_rows: int = 0,
) -> Table:
    """A ruled table with a shaded, repeated header; the last ``total_rows`` rows in bold rule."""
    table = Table([list(header), *[list(r) for r in rows]], colWidths=list(widths), repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_rows and rows:
        commands.append(("LINEABOVE", (0, -total_rows), (-1, -total_rows), 0.8, INK))
        commands.append(("BACKGROUND", (0, -total_rows), (-1, -1), SHADE))
    table.setStyle(table_style(*commands))
    return table


def heading_width(ctx: Context, text: str) -> float:
    """The width a column needs for its heading ``text`` (a message: in the document's
    language) on one line: narrow columns widen where a translation is longer."""
    style = ctx.styles.cell_head
    return stringWidth(ctx.text(text), style.fontName, style.fontSize) + 2 * CELL_PADDING


def field_table(ctx: Context, fields: Sequence[tuple[str, str]], widths: Sequence[float]) -> Table:
    """Label/value pairs in two columns, values wrapping; empty values are left out."""
    rows = [
        [ctx.para(label, ctx.styles.label), ctx.para(value, ctx.styles.cell)]
        for label, value in fields
        if value
    ]
    table = Table(rows or [["", ""]], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        )
    )
    return table


def columns(
    left: Sequence[Flowable], right: Sequence[Flowable], width: float, split: float = 0.5
) -> Table:
    """Two blocks side by side (e.g. seller and buyer)."""
    table = Table(
        [[list(left), list(right)]], colWidths=[width * split, width * (1 - split)], hAlign="LEFT"
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        )
    )
    return table


def heading(ctx: Context, text: str) -> list[Flowable]:  # text: a Message, translated
    """A section heading that starts a new page rather than sit alone at a page's foot.

    (``keepWithNext`` would move a whole long table to the next page with it.)
    """
    return [CondPageBreak(32 * mm), ctx.para(text, ctx.styles.heading)]


def rule() -> HRFlowable:
    """A thin horizontal line across the text width."""
    return HRFlowable(
        width="100%", thickness=0.4, color=RULE, spaceBefore=2 * mm, spaceAfter=1.5 * mm
    )


class _NumberedCanvas(Canvas):
    """Defers each page's footer to ``save`` so it can say "Page n of m"."""

    def __init__(
        self, *args: Any, footer: str, font: str, pages: Callable[[int, int], str], **kwargs: Any
    ) -> None:
        # Without this every page would also reference a non-embedded Helvetica.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or font
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._page_of = pages
        self._footer_font = font
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _height = self._pagesize
        y = MARGIN - 2 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
        self.setFillColor(MUTED)
        self.setFont(self._footer_font, 7.5)
        self.drawString(MARGIN, y, self._footer)
        self.drawRightString(width - MARGIN, y, self._page_of(number, total))
        self.restoreState()


class _Header:
    """Draws the studio's logo, name, address and contact at the top of every page."""

    def __init__(self, ctx: Context, studio: StudioInfo) -> None:
        self._ctx = ctx
        self._logo = _logo_reader(studio.logo_png)
        styles = ctx.styles
        address = ", ".join(ctx.fmt.address_lines(studio.address))
        contact = "  ·  ".join(p for p in (studio.email, studio.phone) if p)
        number = studio.vat_number
        vat = ctx.text(m("VAT number {number}", number=number)) if number else ""
        self._left = [ctx.para(studio.name, styles.studio), ctx.para(address, styles.small)]
        self._right = [ctx.para(line, styles.small_right) for line in (contact, vat) if line]

    def __call__(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = doc.pagesize
        top = height - MARGIN + 4 * mm
        x = MARGIN
        canvas.saveState()
        if self._logo is not None:
            canvas.drawImage(
                self._logo,
                x,
                top - LOGO_BOX,
                LOGO_BOX,
                LOGO_BOX,
                preserveAspectRatio=True,
                anchor="nw",
                mask="auto",
            )
            x += LOGO_BOX + 4 * mm
        right_width = 62 * mm
        left_width = width - MARGIN - right_width - x
        y = top
        for flowable in self._left:
            _w, h = flowable.wrapOn(canvas, left_width, HEADER_HEIGHT)
            y -= h
            flowable.drawOn(canvas, x, y)
        y = top
        for flowable in self._right:
            _w, h = flowable.wrapOn(canvas, right_width, HEADER_HEIGHT)
            y -= h
            flowable.drawOn(canvas, width - MARGIN - right_width, y)
        rule_y = height - MARGIN - HEADER_HEIGHT + 4 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, rule_y, width - MARGIN, rule_y)
        canvas.restoreState()


_LOGOS: dict[bytes, ImageReader] = {}  # SHA-256 of the PNG → its decoded image
_LOGOS_KEPT = 8


def _logo_reader(png: bytes | None) -> ImageReader | None:
    """The decoded logo, decoded once per distinct image (a broken one is warned each time)."""
    if not png:
        return None
    key = hashlib.sha256(png).digest()
    with _cache_lock:
        reader = _LOGOS.get(key)
    if reader is not None:
        return reader
    try:
        reader = ImageReader(BytesIO(png))
        reader.getSize()
        reader.getRGBData()  # decoded now, once, rather than on every page drawn
    except Exception as error:  # reportlab raises bare Exceptions for bad images
        log.warning("The studio logo is not a readable image and is left out: %s", error)
        return None
    with _cache_lock:
        if len(_LOGOS) >= _LOGOS_KEPT:
            _LOGOS.pop(next(iter(_LOGOS)))
        _LOGOS[key] = reader
    return reader


def build_pdf(
    ctx: Context, studio: StudioInfo, story: Sequence[Flowable], *, title: str, footer: str
) -> bytes:
    """Lays ``story`` out under the studio header and returns the finished PDF (``title``
    and ``footer``: messages, in the document's language)."""
    title, footer = ctx.text(title), ctx.text(footer)
    buffer = BytesIO()
    page_size = page_size_for(ctx.fmt)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_HEIGHT,
        bottomMargin=MARGIN + FOOTER_HEIGHT,
        title=title,
        author=studio.name,
        subject=title,
        creator="Podyx Desktop",
        lang=str(ctx.fmt.locale).replace("_", "-"),
        initialFontName=ctx.fonts.regular,
    )
    header = _Header(ctx, studio)

    def pages(number: int, total: int) -> str:
        return ctx.text(m("Page {number} of {total}", number=number, total=total))

    canvas_maker = partial(_NumberedCanvas, footer=footer, font=ctx.fonts.regular, pages=pages)
    doc.build(list(story), onFirstPage=header, onLaterPages=header, canvasmaker=canvas_maker)
    return buffer.getvalue()
