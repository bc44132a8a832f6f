"""Right-to-left text prints in visual order, Arabic shaped (joined), in every document.

The expected strings are written out by hand: the presentation forms DejaVu Sans draws,
in the order they stand on the page from left to right. The page is read back with
pypdf's layout mode, which keeps that order (its default mode reverses right-to-left
runs into logical order again).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from podyx_desktop.documents import (
    render_bundle_statement,
    render_receipt,
    render_session_summary,
    samples,
)
from podyx_desktop.documents.bidi import base_direction, has_rtl, visual
from podyx_desktop.domain.records import StudioNote

from .pdfcheck import Pdf

# "محمد" joined: meem initial, hah medial, meem medial, dal final; drawn right to left.
MOHAMMAD = "\ufeaa\ufee4\ufea4\ufee3"
# "فاطمة": feh initial, alef final, tah initial, meem medial, teh marbuta final (as drawn,
# the other way round); "الزهراء": alef, lam initial, zain final, heh initial, reh final,
# alef, hamza.
FATIMA = "\ufe94\ufee4\ufec3\ufe8e\ufed3"
AL_ZAHRA = "\ufe80\ufe8d\ufeae\ufeeb\ufeb0\ufedf\ufe8d"
SARAH_COHEN = "ןהכ הרש"  # "שרה כהן": Hebrew has no joining, only the order turns

NAMES = [
    pytest.param("محمد Müller", f"Müller {MOHAMMAD}", id="arabic-and-latin"),
    pytest.param("שרה כהן", SARAH_COHEN, id="hebrew"),
    pytest.param("فاطمة الزهراء", f"{AL_ZAHRA} {FATIMA}", id="arabic"),
    pytest.param("Anna שרה כהן", f"Anna {SARAH_COHEN}", id="latin-then-hebrew"),
]


@pytest.mark.parametrize(("name", "drawn"), NAMES)
def test_visual_order_of_names(name: str, drawn: str) -> None:
    assert visual(name) == drawn


def test_left_to_right_text_is_left_exactly_as_it_is() -> None:
    for text in ("Đorđe Šćepanović", "Иван Петров", "王小明", "Podcast — 2 h"):
        assert not has_rtl(text)
        assert visual(text) is text
    assert base_direction("12 محمد") == "R" and base_direction("Anna שרה") == "L"


@pytest.mark.parametrize(("name", "drawn"), NAMES)
def test_a_receipt_prints_the_client_name_in_visual_order(name: str, drawn: str) -> None:
    pdf = Pdf(render_receipt(samples.rtl_receipt(name), samples.studio()))
    lines = pdf.drawn_lines()
    assert any(line.endswith(drawn) for line in lines), lines  # the buyer column, right
    assert name not in pdf.drawn_text  # never in logical (reversed-looking) order


def test_a_receipt_shapes_the_address_lines_and_the_note() -> None:
    pdf = Pdf(render_receipt(samples.rtl_receipt(), samples.studio()))
    text = pdf.drawn_text
    # company "استوديو الصوت الحديث" and city "دبي" after the postal code, shaped
    assert "\ufe9a\ufef3\ufeaa\ufea4\ufedf\ufe8d" in text  # الحديث
    assert "\ufef2\ufe91\ufea9 00000" in text  # "00000 دبي": the RTL line puts the city left
    # the Hebrew line description and the second line of the note, as drawn
    assert "ףסונ ןופורקימ" in text
    assert ".האבה םעפב הארתנ ,הבר הדות" in text
    # the mixed description: Arabic on the right, the Latin run kept left to right
    assert "h, Studio A 2 — \ufe96\ufeb3\ufe8e\ufedb\ufea9\ufeee\ufe91 \ufede\ufef4\ufea0\ufeb4\ufe97" in text


def test_a_wrapped_right_to_left_paragraph_reads_from_its_first_line_down() -> None:
    words = [f"מילה{n}" for n in ("אחת", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע")]
    note = " ".join(words * 6)
    purchase = replace(samples.rtl_receipt("שרה כהן"), note=note)
    lines = Pdf(render_receipt(purchase, samples.studio())).drawn_lines()
    note_lines = [line for line in lines if "הלימ" in line]
    assert len(note_lines) > 1  # it wrapped
    # every line ends (on the right) with a word of the note's logical start of that line
    first = note_lines[0].split()
    assert first[-1] == words[0][::-1]  # the note's first word, rightmost on the first line
    assert note_lines[-1].split()[0] == words[-1][::-1]  # its last word, leftmost at the end
    assert sum(len(line.split()) for line in note_lines) == len(words) * 6  # none lost


def test_the_session_summary_and_statement_print_names_and_notes_in_visual_order() -> None:
    summary = samples.session_summary("محمد Müller", include_internal=False)
    note = StudioNote(3, 101, 7, "שרה כהן", summary.notes[0].created_at, "תודה רבה", False)
    summary = replace(summary, notes=(*summary.notes, note))
    text = Pdf(render_session_summary(summary)).drawn_text
    assert f"Müller {MOHAMMAD}" in text
    assert SARAH_COHEN in text and "הבר הדות" in text
    statement = samples.bundle_statement("שרה כהן")
    assert SARAH_COHEN in Pdf(render_bundle_statement(statement)).drawn_text


def test_a_studio_with_a_right_to_left_name_has_it_in_the_header() -> None:
    studio = samples.studio(name="استوديو محمد")
    text = Pdf(render_receipt(samples.receipt(info=studio), studio)).drawn_text
    assert f"{MOHAMMAD} \ufeee\ufef3\ufea9\ufeee\ufe98\ufeb3\ufe8d" in text
