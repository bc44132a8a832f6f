"""One place to translate: a translator installed in the vocabulary changes what the views
and the models print (not the documents: they have a language of their own, read from the
same translation files), and Qt's own tools find and translate every word."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from podyx_desktop.documents import render_session_summary, samples
from podyx_desktop.domain import vocabulary as v
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.models.bookings import BookingsTableModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.views.common.formatting import duration_text
from podyx_desktop.views.common.widgets import StatusBadge, status_text
from tests.documents.pdfcheck import Pdf
from tests.gui.fixtures_tabs import sample_bookings

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = ROOT / "podyx_desktop" / "domain" / "vocabulary.py"
QT_TOOLS = Path(sys.executable).parent

GERMAN = {
    ("BookingStatus", "Rescheduled"): "Verschoben",
    ("BookingStatusLong", "Rescheduled — confirmed at a new time"): "Verschoben — neu bestätigt",
    ("Duration", "{hours} h"): "{hours} Std.",
}


@pytest.fixture
def german() -> Iterator[None]:
    v.set_translator(lambda context, text: GERMAN.get((context, text), text))
    try:
        yield
    finally:
        v.set_translator(None)


def test_one_translator_changes_views_and_models(qapp: QApplication, german: None) -> None:
    # views
    assert status_text(BookingStatus.RESCHEDULED) == "Verschoben"
    badge = StatusBadge(BookingStatus.RESCHEDULED)
    assert badge.text() == "Verschoben"
    assert duration_text(120) == "2 Std."
    # models
    model = BookingsTableModel(DisplayFormat("Europe/Berlin", "en_GB", "EUR"))
    model.set_rows(sample_bookings())
    assert model.index(1, model.STATUS).data(Qt.ItemDataRole.DisplayRole) == "Verschoben"
    # documents: in their own language (docs/rules.md, "The documents' language"), never
    # through the window's translator; German ones from the shipped translations
    text = Pdf(render_session_summary(samples.session_summary(), language="en")).text
    assert "Status Rescheduled — confirmed at a new time" in text and "Verschoben" not in text
    assert "(2 h, Europe/Zagreb time)" in text
    text = Pdf(render_session_summary(samples.session_summary(), language="de")).text
    assert "Status Verschoben — zu einer neuen Zeit bestätigt" in text
    assert "(2 Std., Zeitzone Europe/Zagreb)" in text


def _all_sources() -> set[tuple[str, str]]:
    words = [value for value in vars(v).values() if isinstance(value, v.Words)]
    sources = {(w.context, text) for w in words for text in w.sources.values()}
    durations = ("{hours} h {minutes} min", "{hours} h", "{minutes} min")
    return sources | {("Duration", text) for text in durations}


def _lupdate(ts: Path) -> ET.ElementTree[ET.Element]:
    done = subprocess.run(
        [str(QT_TOOLS / "pyside6-lupdate"), str(VOCABULARY), "-ts", str(ts)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return ET.parse(ts)


def test_lupdate_extracts_every_word_of_the_vocabulary(tmp_path: Path) -> None:
    tree = _lupdate(tmp_path / "podyx_de.ts")
    found = {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }
    assert found == _all_sources()


def test_a_qt_translation_reaches_the_vocabulary_through_the_apps_hook(
    qapp: QApplication, tmp_path: Path
) -> None:
    ts = tmp_path / "podyx_de.ts"
    tree = _lupdate(ts)
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name", ""), message.findtext("source", ""))
            translation = message.find("translation")
            if key in GERMAN and translation is not None:
                translation.text = GERMAN[key]
                translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "podyx_de.qm"
    done = subprocess.run(
        [str(QT_TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(qm)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]

    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    v.set_translator(QCoreApplication.translate)  # as podyx_desktop.gui.app.main does
    try:
        assert status_text(BookingStatus.RESCHEDULED) == "Verschoben"
        assert v.duration_text(180) == "3 Std."
        assert v.booking_status_text(BookingStatus.CONFIRMED) == "Confirmed"  # untranslated
    finally:
        v.set_translator(None)
        QCoreApplication.removeTranslator(translator)
    assert status_text(BookingStatus.RESCHEDULED) == "Rescheduled"
