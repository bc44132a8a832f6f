"""Every character of a name is kept: shipped font, a system fallback, or a logged warning."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from podyx_desktop.documents import render_receipt, render_session_summary, samples
from podyx_desktop.documents.fonts import (
    BOLD,
    FONTS_DIR,
    MISSING,
    REGULAR,
    FontCandidate,
    FontSet,
    system_fallback_candidates,
)

from .pdfcheck import Pdf, normalise

CJK_NAME = "王小明"
CUNEIFORM = "\U00012000"  # no font on any ordinary machine has it


def machine_font_for(char: str) -> str | None:
    """Independently of FontSet: the first candidate font file on this machine with ``char``."""
    for candidate in system_fallback_candidates():
        if not candidate.path.is_file():
            continue
        try:
            font = TTFont("probe", str(candidate.path), subfontIndex=candidate.index)
        except (TTFError, OSError, ValueError):
            continue
        if ord(char) in font.face.charToGlyph:
            return str(font.face.name, "latin-1")
    return None


def test_shipped_fonts_and_licence_are_there() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert (FONTS_DIR / name).is_file(), name
    fonts = FontSet(fallback_candidates=())
    for char in "ĐđŠšĆćČčŽžőŐłŁ€ΕλένηΠαπαδοπούλουИванПетров":
        assert fonts.font_for(char) == REGULAR, char
        assert fonts.font_for(char, bold=True) == BOLD, char


def test_cjk_name_renders_if_the_machine_has_a_font_else_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="podyx_desktop.documents")
    pdf = Pdf(render_receipt(samples.receipt(CJK_NAME), samples.studio()))
    assert CJK_NAME in pdf.text  # kept either way
    fallback = machine_font_for(CJK_NAME[0])
    if fallback is not None:
        embedded = [font.base_font for font in pdf.fonts()]
        assert any(fallback in name for name in embedded), embedded
        assert all(font.embedded for font in pdf.fonts())
        assert "U+738B" not in caplog.text
    else:
        assert "No installed font can draw U+738B" in caplog.text


def test_without_any_fallback_the_text_is_kept_and_a_warning_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="podyx_desktop.documents")
    name = f"{CJK_NAME} Petrov"
    fonts = FontSet(fallback_candidates=())
    pdf = Pdf(render_receipt(samples.receipt(name), samples.studio(), fonts=fonts))
    assert name in pdf.text  # the characters stay in the PDF's text
    assert "No installed font can draw U+738B '王', U+5C0F '小', U+660E '明'" in caplog.text
    assert fonts.uncovered == set(CJK_NAME)
    assert "Total paid: 161,99 €" in pdf.text  # the rest renders as usual


def test_a_character_no_font_has_is_warned_about(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="podyx_desktop.documents")
    name = f"Ivan {CUNEIFORM} Petrov 🎙"
    pdf = Pdf(render_session_summary(samples.session_summary(name)))
    assert "U+12000" in caplog.text
    assert normalise(name) in pdf.text  # beyond U+FFFF too (UTF-16 ToUnicode)


def test_markup_escapes_xml_and_keeps_line_breaks() -> None:
    fonts = FontSet(fallback_candidates=())
    assert fonts.markup("<b>Tom & Jerry</b>") == "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"
    assert fonts.markup("one\ntwo") == "one<br/>two"
    assert fonts.markup("a\tb") == "a b"  # control characters print as spaces
    assert fonts.markup("one\r\ntwo\rthree") == "one<br/>two<br/>three"


def test_markup_wraps_runs_in_other_fonts() -> None:
    fonts = FontSet(fallback_candidates=())
    marked = fonts.markup(f"A {CUNEIFORM}{CUNEIFORM} B")
    assert marked == f'A <font name="{MISSING}">{CUNEIFORM}{CUNEIFORM} </font>B'


def test_xml_in_names_prints_literally() -> None:
    name = "Tom & <Jerry> \"Ltd\""
    text = Pdf(render_receipt(samples.receipt(name), samples.studio())).text
    assert name in text


def test_unusable_candidates_are_skipped(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    fonts = FontSet(fallback_candidates=(FontCandidate(broken),
                                         FontCandidate(Path("/nonexistent/font.ttf"))))
    assert fonts.font_for(CJK_NAME[0]) is None
