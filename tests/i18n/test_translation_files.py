"""The translation sources: current with the code, and every translation keeps the
``{fields}`` and the ``%n`` of its source (a missing field would lose a value in German, a
field of another name would raise where the sentence is shown)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from podyx_desktop.domain.message import field_names
from podyx_desktop.resources.translations_build import SOURCES
from scripts.translations import LANGUAGES, lupdate_command

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted(SOURCES.glob("podyx_*.ts"))


def messages(ts: Path) -> list[tuple[str, str, list[str]]]:
    """(context, source, translations: one per plural form, or the one) of each message."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for item in context.iter("message"):
            source = item.findtext("source") or ""
            translation = item.find("translation")
            assert translation is not None, (ts.name, source)
            forms = [f.text or "" for f in translation.iter("numerusform")]
            found.append((name, source, forms or [translation.text or ""]))
    return found


def test_both_languages_have_a_source_file() -> None:
    assert {p.stem for p in TS_FILES} == {f"podyx_{code}" for code in LANGUAGES}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_sources_are_current_with_the_code(ts: Path, tmp_path: Path) -> None:
    """lupdate run now finds no sentence the file lacks and none it has in excess."""
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    code = ts.stem.split("_", 1)[1]
    command = lupdate_command(fresh, LANGUAGES[code], plural_only=code == "en")
    subprocess.run(command, check=True, cwd=ROOT)
    kept = {(c, s) for c, s, _ in messages(ts)}
    now = {(c, s) for c, s, _ in messages(fresh)}
    assert now - kept == set(), "new sentences: run `make translations` and translate them"
    assert kept - now == set(), "sentences the code dropped: run `make translations`"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_translation_keeps_the_fields_of_its_source(ts: Path) -> None:
    wrong = []
    for context, source, forms in messages(ts):
        for form in forms:
            if not form:
                continue  # not translated yet: shown in English
            if field_names(form) != field_names(source) or ("%n" in source) != ("%n" in form):
                wrong.append(f"{context}: {source!r} → {form!r}")
    assert wrong == []


def test_the_field_check_catches_a_renamed_field(tmp_path: Path) -> None:
    ts = tmp_path / "podyx_xx.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>X</name>'
        "<message><source>{count} left</source><translation>{anzahl} übrig</translation>"
        "</message></context></TS>",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError):
        test_every_translation_keeps_the_fields_of_its_source(ts)
