"""The theme: every colour comes from the palette module, text is readable (WCAG ≥ 4.5:1)
in the light and the dark scheme, a change of scheme restyles the app and repaints what
draws itself, and accessible names carry no mnemonic ampersands."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from podyx_desktop import resources
from podyx_desktop.domain.availability import OpeningInterval
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.schedule import ScheduleData, ScheduleFrame, ScheduleRoom, lay_out
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.views.common import palette
from podyx_desktop.views.common.widgets import StatusBadge, status_colours
from podyx_desktop.views.staff.schedule.canvas import ScheduleCanvas
from podyx_desktop.views.staff.staff_window import StaffWindow
from tests.factories import PASSWORD
from tests.gui.conftest import GuiStudio
from tests.gui.test_sign_in import sign_in, wait_main

PACKAGE = Path(palette.__file__).resolve().parents[2]
# PDFs stay light whatever the screen's scheme: documents/ keeps its own colours
EXEMPT = {PACKAGE / "documents", Path(palette.__file__).resolve()}
COLOUR_LITERAL = re.compile(
    r"(?<![\w/&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b"  # #rgb, #rrggbb
    r"|\bQColor\(\s*(?:\d|[\"'])"  # QColor(80, …), QColor("#…"), QColor("red")
    r"|\brgba?\s*\("  # rgb(…), rgba(…)
    r"|\bQt\.GlobalColor\.(?!transparent\b)\w+"  # Qt.GlobalColor.white …
)
WAIT = 10_000


def _exempt(path: Path) -> bool:
    return any(path == skip or skip in path.parents for skip in EXEMPT)


def test_no_colour_literal_outside_the_palette_module() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in {".py", ".qss"} or _exempt(path):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if COLOUR_LITERAL.search(line):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert found == []


def test_the_literal_check_sees_the_usual_forms() -> None:
    for literal in (
        "color: #fff;",
        'QColor("#d14343")',
        "QColor(80, 120, 200, 90)",
        "background: rgba(255, 255, 255, 200);",
        "Qt.GlobalColor.white",
    ):
        assert COLOUR_LITERAL.search(literal), literal
    for fine in (
        "napari/napari#8584",
        "Qt.GlobalColor.transparent",
        "QColor(background)",
        "Rock & Roll #1",
        "&#8230;",
    ):
        assert not COLOUR_LITERAL.search(fine), fine


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_pair_reads_at_least_4_5_to_1(scheme: palette.Scheme) -> None:
    colours = palette.SCHEMES[scheme]
    low = {
        (text, background): round(ratio, 2)
        for text, background in palette.TEXT_PAIRS
        if (
            ratio := palette.contrast(
                palette.role(colours, text), palette.role(colours, background)
            )
        )
        < 4.5
    }
    assert low == {}
    # a sanity check of the formula: black on white is 21:1, a colour on itself 1:1
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast("#4f46e5", "#4f46e5") == pytest.approx(1)


def test_both_schemes_fill_every_role_of_the_template() -> None:
    template = resources.path("styles", "app.qss").read_text(encoding="utf-8")
    used = set(re.findall(r"@([a-z_]+)@", template))
    assert used <= set(palette.field_names())
    for colours in palette.SCHEMES.values():
        filled = palette.render_stylesheet(template, colours, "/icons")
        assert "@" not in filled
        assert "url(/icons/arrow-up.svg)" in filled
        for name in palette.field_names():
            assert QColor(palette.role(colours, name)).isValid(), name


@pytest.fixture
def themed(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The app's style sheet loaded (light), and everything as it was afterwards."""
    from podyx_desktop.gui.entry import load_stylesheet

    monkeypatch.setenv(palette.OVERRIDE, "light")
    before_palette, before_sheet = QGuiApplication.palette(), qapp.styleSheet()
    load_stylesheet(qapp)
    yield qapp
    watcher = palette.watcher()
    assert watcher is not None
    watcher.template, watcher.applied = None, None
    palette.set_scheme("light")
    qapp.setStyleSheet(before_sheet)
    qapp.setPalette(before_palette)


def _colours_in(widget: QWidget) -> set[str]:
    image = widget.grab().toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_the_override_and_a_change_of_scheme_restyle_the_app(
    qtbot: Any, themed: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert palette.current_name() == "light"
    light_sheet = themed.styleSheet()
    assert palette.LIGHT.window in light_sheet and palette.DARK.window not in light_sheet
    assert QGuiApplication.palette().color(QPalette.ColorRole.Base).name() == "#ffffff"
    badge = StatusBadge(BookingStatus.CONFIRMED)
    qtbot.addWidget(badge)
    badge.resize(120, 24)
    assert palette.LIGHT.confirmed_background in badge.styleSheet()

    changes: list[str] = []
    watcher = palette.watcher()
    assert watcher is not None
    watcher.changed.connect(changes.append)
    # the system turns dark (the override says so, as PODYX_COLOR_SCHEME=dark would at start)
    monkeypatch.setenv(palette.OVERRIDE, "dark")
    watcher.follow_system()
    assert changes == ["dark"] and palette.current_name() == "dark"
    dark_sheet = themed.styleSheet()
    assert palette.DARK.window in dark_sheet and palette.LIGHT.window not in dark_sheet
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    assert base.name() == palette.DARK.surface
    assert palette.DARK.confirmed_background in badge.styleSheet()
    assert status_colours(BookingStatus.CONFIRMED) == (
        palette.DARK.confirmed_text,
        palette.DARK.confirmed_background,
    )
    assert palette.DARK.confirmed_background in _colours_in(badge)

    # and back, through a direct call
    palette.set_scheme("light")
    assert changes == ["dark", "light"]
    assert themed.styleSheet() == light_sheet
    assert palette.LIGHT.confirmed_background in _colours_in(badge)


def test_the_schedule_canvas_paints_in_the_new_colours(qtbot: Any, themed: QApplication) -> None:
    from tests.domain.test_schedule_layout import booking

    frame = ScheduleFrame(
        "Europe/Berlin",
        (
            ScheduleRoom(
                1, "Studio A", 15, tuple(OpeningInterval(d, 9 * 60, 18 * 60) for d in range(7))
            ),
        ),
        (),
    )
    day = date(2026, 10, 20)
    start = datetime(2026, 10, 20, 10, 0, tzinfo=ZoneInfo("Europe/Berlin")).astimezone(UTC)
    shown = booking(1, 1, start, 120)
    data = ScheduleData(day, day, start, frame, (shown,))
    canvas = ScheduleCanvas(DisplayFormat("Europe/Berlin", "en_GB", "EUR"))
    qtbot.addWidget(canvas)
    canvas.resize(600, 700)
    canvas.set_layout(data, lay_out(data, [day], [1]), [("Studio A", "")])
    canvas.show()
    block = f"{shown.status.value}_background"

    def painted() -> set[str]:
        return _colours_in(canvas)

    light = painted()
    assert {palette.LIGHT.surface, palette.role(palette.LIGHT, block)} <= light
    palette.set_scheme("dark")  # the application's palette changes: the canvas repaints
    dark = painted()
    assert {palette.DARK.surface, palette.role(palette.DARK, block)} <= dark
    assert palette.LIGHT.surface not in dark
    assert palette.role(palette.LIGHT, block) not in dark


# --- accessible names -------------------------------------------------------------------

MNEMONIC = re.compile(r"&(?=\S)")  # "&Save": a mnemonic; "Rock & Roll": an ampersand
OWNER = "owner@example.com"


def _mnemonic_names(window: QWidget) -> list[str]:
    """Names with a mnemonic: set on a widget, or what assistive technology is told."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        told = QAccessible.queryAccessibleInterface(widget)
        names = {widget.accessibleName()}
        if told is not None and told.isValid():
            names.add(told.text(QAccessible.Text.Name))
        found += [
            f"{type(widget).__name__} {widget.objectName()!r}: {name!r}"
            for name in names
            if MNEMONIC.search(name)
        ]
    return sorted(found)


def test_the_check_finds_a_mnemonic_in_an_accessible_name(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    QPushButton("&Save", holder)  # Qt tells its name without the "&"
    QLabel("Rock & Roll", holder)
    assert _mnemonic_names(holder) == []
    QLineEdit(holder).setAccessibleName("&Email")
    assert _mnemonic_names(holder) == ["QLineEdit '': '&Email'"]


def test_the_client_windows_accessible_names_have_no_mnemonic_ampersands(
    qtbot: Any, make_app: Any, studio: GuiStudio
) -> None:
    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    for index in range(window.tabs.count()):  # a tab is built when first shown
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.current_tab_built, timeout=WAIT)
    assert _mnemonic_names(window) == []


def test_the_staff_windows_accessible_names_have_no_mnemonic_ampersands(
    qtbot: Any, make_app: Any, studio: GuiStudio
) -> None:
    app = make_app()
    sign_in(qtbot, app, OWNER, PASSWORD)  # the owner: the set-up place too
    window = wait_main(qtbot, app)
    assert isinstance(window, StaffWindow)
    for index in range(window.places.count()):
        window.places.setCurrentIndex(index)
        qtbot.wait(100)
    assert window.setup_place.findChildren(QLineEdit)  # its sections were built
    assert _mnemonic_names(window) == []
