"""The app's colours: one light and one dark set of named roles, and the code that applies
them — the style sheet (``resources/styles/app.qss`` is a template: ``@role@`` is a role's
colour, ``@ICONS@`` the icon folder) and the application's :class:`QPalette`, so the parts
Qt draws natively (check boxes, spin boxes, scroll bars) match.

The scheme follows the system's (``QStyleHints.colorScheme()``, Qt ≥ 6.5; unknown is light)
and changes with it: :class:`ThemeWatcher` re-applies both and emits ``changed`` so
custom-painted widgets repaint. ``PODYX_COLOR_SCHEME=light|dark`` overrides the system (for
tests and screenshots). This is the only module with colour literals (PDFs, drawn by
``podyx_desktop.documents``, stay light and keep their own).

Colours with transparency are written ``#AARRGGBB``, as :class:`QColor` reads them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Literal, NamedTuple

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette

Scheme = Literal["light", "dark"]
OVERRIDE = "PODYX_COLOR_SCHEME"


class Colours(NamedTuple):
    """One scheme's roles; the field names are the style sheet's ``@role@`` names. (A
    named tuple, not a dataclass: its 70 fields made a dataclass cost ~3 ms to create, on
    the way to the first window.)"""

    window: str  # the page behind cards and tables
    surface: str  # cards, inputs, tables, header
    subtle: str  # alternate rows, table headers, quiet buttons
    hover: str
    pressed: str
    text: str
    muted: str
    heading_text: str  # table headers
    disabled_text: str
    border: str  # lines between areas, cards
    input_border: str  # inputs, buttons, scroll bar handles
    focus: str
    tooltip: str
    tooltip_text: str
    primary: str  # the default button
    primary_hover: str
    primary_text: str
    primary_disabled: str
    primary_disabled_text: str
    link: str  # links and the selected tab
    link_hover: str
    accent_soft: str  # selected rows, demo box, hovered menu item
    accent_border: str
    accent_text: str  # text on accent_soft
    accent_line: str  # a focused default button's ring, a checked segment's border
    list_hover: str
    list_selected: str
    text_selection: str
    progress_track: str
    calendar_disabled: str
    danger: str
    danger_border: str
    danger_hover: str
    success: str
    note_text: str
    note_background: str
    note_border: str
    offline_text: str
    offline_background: str
    offline_border: str
    # booking status pills and schedule blocks: (text, background)
    pending_text: str
    pending_background: str
    confirmed_text: str
    confirmed_background: str
    rescheduled_text: str
    rescheduled_background: str
    canceled_text: str
    canceled_background: str
    completed_text: str
    completed_background: str
    no_show_text: str
    no_show_background: str
    # the staff schedule
    schedule_closed: str
    schedule_closed_day: str
    schedule_line: str
    schedule_label: str
    schedule_separator: str
    schedule_ghost: str
    schedule_ghost_border: str
    schedule_now: str
    schedule_tag_text: str
    schedule_tag_background: str
    # people's initials in the header: the same in both schemes
    avatar_text: str
    avatars: tuple[str, ...]


AVATARS = ("#4f46e5", "#0e7490", "#b45309", "#7c3aed", "#047857", "#be123c")

LIGHT = Colours(
    window="#f6f7f9",
    surface="#ffffff",
    subtle="#f9fafb",
    hover="#f2f4f7",
    pressed="#e4e7ec",
    text="#1f2430",
    muted="#667085",
    heading_text="#475467",
    disabled_text="#98a2b3",
    border="#e4e7ec",
    input_border="#d0d5dd",
    focus="#6366f1",
    tooltip="#1f2430",
    tooltip_text="#ffffff",
    primary="#4f46e5",
    primary_hover="#4338ca",
    primary_text="#ffffff",
    primary_disabled="#a5b4fc",
    primary_disabled_text="#eef2ff",
    link="#4f46e5",
    link_hover="#3730a3",
    accent_soft="#eef2ff",
    accent_border="#c7d2fe",
    accent_text="#3730a3",
    accent_line="#a5b4fc",
    list_hover="#f5f7ff",
    list_selected="#e0e7ff",
    text_selection="#c7d2fe",
    progress_track="#e0e7ff",
    calendar_disabled="#c0c6d0",
    danger="#b42318",
    danger_border="#fda29b",
    danger_hover="#fef3f2",
    success="#067647",
    note_text="#93370d",
    note_background="#fffaeb",
    note_border="#fedf89",
    offline_text="#6b4e00",
    offline_background="#fff4d6",
    offline_border="#f0c36d",
    pending_text="#8a5a00",
    pending_background="#fff1cc",
    confirmed_text="#0f6b3a",
    confirmed_background="#d9f5e4",
    rescheduled_text="#1f4fa3",
    rescheduled_background="#dde8fb",
    canceled_text="#9b1c1c",
    canceled_background="#fde2e2",
    completed_text="#3f4650",
    completed_background="#e8eaee",
    no_show_text="#6b3fa0",
    no_show_background="#efe4fa",
    schedule_closed="#eceef1",
    schedule_closed_day="#dcdfe4",
    schedule_line="#d5d9df",
    schedule_label="#6b7280",
    schedule_separator="#9aa1ab",
    schedule_ghost="#5a5078c8",
    schedule_ghost_border="#2f5fb3",
    schedule_now="#d14343",
    schedule_tag_text="#8a4b08",
    schedule_tag_background="#fff4e0",
    avatar_text="#ffffff",
    avatars=AVATARS,
)

DARK = Colours(
    window="#15171c",
    surface="#1e2128",
    subtle="#23262e",
    hover="#2a2e37",
    pressed="#343844",
    text="#e6e8ee",
    muted="#a3aab8",
    heading_text="#c3c8d2",
    disabled_text="#6b7280",
    border="#2f333d",
    input_border="#454b58",
    focus="#818cf8",
    tooltip="#3a3f4b",
    tooltip_text="#f3f4f7",
    primary="#5048e5",
    primary_hover="#4338ca",
    primary_text="#ffffff",
    primary_disabled="#363a63",
    primary_disabled_text="#9aa0c8",
    link="#a5b4fc",
    link_hover="#c7d2fe",
    accent_soft="#2b2f55",
    accent_border="#4a4f8c",
    accent_text="#c7d2fe",
    accent_line="#6b72c9",
    list_hover="#262a3a",
    list_selected="#323766",
    text_selection="#3f4690",
    progress_track="#2b2f55",
    calendar_disabled="#5a606d",
    danger="#f97066",
    danger_border="#7a2a25",
    danger_hover="#3a1d1c",
    success="#47cd89",
    note_text="#fec84b",
    note_background="#33280c",
    note_border="#6b5316",
    offline_text="#fedf89",
    offline_background="#3a2e0a",
    offline_border="#7a6220",
    pending_text="#fcd37a",
    pending_background="#3f300a",
    confirmed_text="#7ee2a8",
    confirmed_background="#10392a",
    rescheduled_text="#a8c5ff",
    rescheduled_background="#1b2f55",
    canceled_text="#ffaaaa",
    canceled_background="#4a1d1d",
    completed_text="#cdd1d9",
    completed_background="#30343c",
    no_show_text="#d7bcff",
    no_show_background="#36254f",
    schedule_closed="#181a20",
    schedule_closed_day="#2c3039",
    schedule_line="#30343d",
    schedule_label="#a3aab8",
    schedule_separator="#5d6470",
    schedule_ghost="#5a6f8ff0",
    schedule_ghost_border="#8fb0ff",
    schedule_now="#f97066",
    schedule_tag_text="#fcd37a",
    schedule_tag_background="#3f300a",
    avatar_text="#ffffff",
    avatars=AVATARS,
)

SCHEMES: dict[Scheme, Colours] = {"light": LIGHT, "dark": DARK}

# (text role, background role): every pair a person reads, each ≥ 4.5:1 in both schemes
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "surface"),
    ("text", "subtle"),
    ("text", "hover"),
    ("text", "pressed"),
    ("text", "accent_soft"),
    ("text", "list_hover"),
    ("text", "list_selected"),
    ("text", "text_selection"),
    ("muted", "window"),
    ("muted", "surface"),
    ("heading_text", "subtle"),
    ("tooltip_text", "tooltip"),
    ("primary_text", "primary"),
    ("primary_text", "primary_hover"),
    ("link", "surface"),
    ("link", "window"),
    ("link_hover", "surface"),
    ("accent_text", "accent_soft"),
    ("danger", "surface"),
    ("danger", "window"),
    ("danger", "danger_hover"),
    ("success", "surface"),
    ("success", "window"),
    ("note_text", "note_background"),
    ("offline_text", "offline_background"),
    ("pending_text", "pending_background"),
    ("confirmed_text", "confirmed_background"),
    ("rescheduled_text", "rescheduled_background"),
    ("canceled_text", "canceled_background"),
    ("completed_text", "completed_background"),
    ("no_show_text", "no_show_background"),
    ("text", "schedule_closed"),
    ("schedule_label", "surface"),
    ("schedule_tag_text", "schedule_tag_background"),
    *(("avatar_text", f"avatars[{index}]") for index in range(len(AVATARS))),
)

_PLACEHOLDER = re.compile(r"@([a-z_]+)@")
_current: Scheme = "light"
_qcolours: dict[tuple[Scheme, str], QColor] = {}


def role(colours: Colours, name: str) -> str:
    """The colour of role ``name`` (``avatars[2]``: one of the avatar colours)."""
    if name.startswith("avatars["):
        return colours.avatars[int(name[len("avatars[") : -1])]
    value = getattr(colours, name)
    assert isinstance(value, str), name
    return value


def current() -> Colours:
    """The colours of the scheme applied last (light until one is)."""
    return SCHEMES[_current]


def current_name() -> Scheme:
    return _current


def colour(name: str) -> QColor:
    """Role ``name`` of the current scheme as a QColor (cached: painters ask often)."""
    key = (_current, name)
    found = _qcolours.get(key)
    if found is None:
        found = _qcolours[key] = QColor(role(current(), name))
    return QColor(found)


def css(value: str) -> str:
    """A colour as a style sheet writes it: ``#rrggbb``, or ``rgba(…)`` when translucent."""
    if len(value) == 9:  # #AARRGGBB
        q = QColor(value)
        return f"rgba({q.red()}, {q.green()}, {q.blue()}, {q.alpha()})"
    return value


def css_of(name: str) -> str:
    """Role ``name`` of the current scheme for a style sheet or rich text."""
    return css(role(current(), name))


def luminance(value: str) -> float:
    """WCAG relative luminance of an opaque ``#rrggbb`` colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(value)
    r, g, b = (channel(c) for c in (q.redF(), q.greenF(), q.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two opaque colours, 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def system_scheme() -> Scheme:
    """The override if set, else the system's scheme (unknown, or Qt < 6.5: light)."""
    forced = os.environ.get(OVERRIDE, "").strip().lower()
    if forced in SCHEMES:
        return "dark" if forced == "dark" else "light"
    app = QGuiApplication.instance()
    hints = app.styleHints() if isinstance(app, QGuiApplication) else None
    scheme_of = getattr(hints, "colorScheme", None)
    if scheme_of is not None and scheme_of() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def render_stylesheet(template: str, colours: Colours, icons: str) -> str:
    """The style sheet ``template`` with its ``@role@`` placeholders and ``@ICONS@`` filled."""
    filled = _PLACEHOLDER.sub(lambda match: css(role(colours, match.group(1))), template)
    return filled.replace("@ICONS@", icons)


def qpalette(colours: Colours) -> QPalette:
    """The application palette for ``colours``: what Qt draws without the style sheet."""
    palette = QPalette()
    r = QPalette.ColorRole
    for which, name in (
        (r.Window, "window"),
        (r.WindowText, "text"),
        (r.Base, "surface"),
        (r.AlternateBase, "subtle"),
        (r.Text, "text"),
        (r.Button, "surface"),
        (r.ButtonText, "text"),
        (r.BrightText, "primary_text"),
        (r.Highlight, "primary"),
        (r.HighlightedText, "primary_text"),
        (r.ToolTipBase, "tooltip"),
        (r.ToolTipText, "tooltip_text"),
        (r.PlaceholderText, "muted"),
        (r.Link, "link"),
        (r.LinkVisited, "link"),
        (r.Light, "surface"),
        (r.Midlight, "border"),
        (r.Mid, "input_border"),
        (r.Dark, "muted"),
        (r.Shadow, "pressed"),
    ):
        palette.setColor(which, QColor(role(colours, name)))
    disabled = QPalette.ColorGroup.Disabled
    for which in (r.Text, r.WindowText, r.ButtonText):
        palette.setColor(disabled, which, QColor(colours.disabled_text))
    palette.setColor(disabled, r.Base, QColor(colours.hover))
    return palette


class ThemeWatcher(QObject):
    """Applies a scheme to the application and follows the system's changes of scheme.

    ``changed(scheme)`` is emitted after a new scheme is applied: widgets that paint
    with :func:`colour` or keep their own style sheet refresh on it (:func:`on_change`).
    """

    changed = Signal(str)

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.app = app
        self.template: str | None = None
        self.icons = ""
        self.applied: Scheme | None = None
        signal = getattr(app.styleHints(), "colorSchemeChanged", None)
        if signal is not None:
            signal.connect(self.follow_system)

    @Slot(Qt.ColorScheme)
    def follow_system(self, *_args: object) -> None:
        self.apply(system_scheme())

    def apply(self, scheme: Scheme, *, again: bool = False) -> None:
        """Fill the palette (and the style sheet, once loaded) with ``scheme``'s colours."""
        global _current
        if scheme == self.applied and not again:
            return
        _current = self.applied = scheme
        colours = SCHEMES[scheme]
        self.app.setPalette(qpalette(colours))
        set_stylesheet = getattr(self.app, "setStyleSheet", None)
        if self.template is not None and set_stylesheet is not None:
            set_stylesheet(render_stylesheet(self.template, colours, self.icons))
        self.changed.emit(scheme)


_watcher: ThemeWatcher | None = None


def watcher() -> ThemeWatcher | None:
    """The application's watcher (made on first use); None without a QGuiApplication."""
    global _watcher
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return None
    if _watcher is None or _watcher.app is not app:
        _watcher = ThemeWatcher(app)
    return _watcher


def install(app: QGuiApplication, template: str, icons: str) -> ThemeWatcher:
    """Apply the system's (or the overridden) scheme to ``app`` and follow its changes."""
    found = watcher()
    assert found is not None and found.app is app
    found.template, found.icons = template, icons
    found.apply(system_scheme(), again=True)
    return found


def on_change(slot: Callable[[str], object]) -> None:
    """Call ``slot`` after each change of scheme (a QObject's method: Qt disconnects it
    when its object goes)."""
    found = watcher()
    if found is not None:
        found.changed.connect(slot)


def set_scheme(scheme: Scheme) -> None:
    """Ask for ``scheme`` regardless of the system's (tests, screenshots, a setting).

    Where Qt lets the app choose (≥ 6.8) the style hints are told too, so Qt's own
    dialogs agree; the style sheet and palette are applied here either way.
    """
    global _current
    found = watcher()
    if found is None:
        _current = scheme
        return
    set_hint = getattr(found.app.styleHints(), "setColorScheme", None)
    if set_hint is not None and os.environ.get(OVERRIDE) is None:
        set_hint(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    found.apply(scheme)


def follow_system() -> None:
    """Forget a scheme asked for with :func:`set_scheme`: the system's again."""
    found = watcher()
    if found is None:
        return
    set_hint = getattr(found.app.styleHints(), "unsetColorScheme", None)
    if set_hint is not None:
        set_hint()
    found.follow_system()


def field_names() -> list[str]:
    """Every role name (the avatars' one per colour)."""
    names = [name for name in Colours._fields if name != "avatars"]
    return names + [f"avatars[{index}]" for index in range(len(AVATARS))]
