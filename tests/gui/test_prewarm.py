"""The main window's tabs and dialogs are imported on the worker before anyone asks for
them: while the person types their password (``warm_up_sign_in``), or, after a remembered
sign-in, once the window has painted (``prewarm_later_views``). Checked in a fresh
interpreter, since this test process has imported every view long ago."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from podyx_desktop.db.engine import sqlite_url
from tests.gui.conftest import GuiStudio

WAIT = 5_000

ROOT = Path(__file__).resolve().parents[2]
LATER_VIEWS = (
    "podyx_desktop.views.client.main_window",
    "podyx_desktop.views.profile.bookings_tab",
    "podyx_desktop.views.profile.bundles_tab",
    "podyx_desktop.views.profile.purchases_tab",
    "podyx_desktop.views.profile.account_tab",
    "podyx_desktop.views.profile.files_tab",
    "podyx_desktop.views.booking.booking_wizard",
    "podyx_desktop.views.profile.reschedule_dialog",
)


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_warming_up_the_sign_in_imports_every_view_and_freezes_them(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "empty.sqlite3")
    out = run(
        "import gc, sys\n"
        "from podyx_desktop.db.engine import Database\n"
        "from podyx_desktop.services import Services\n"
        "from podyx_desktop.gui.launch import warm_up_sign_in\n"
        f"names = {LATER_VIEWS!r}\n"
        "print('BEFORE', [n for n in names if n in sys.modules])\n"
        f"warm_up_sign_in(Services(Database({url!r})))\n"
        "print('AFTER', [n for n in names if n not in sys.modules])\n"
        "print('FROZEN', gc.get_freeze_count() > 0)\n"
    )
    assert "BEFORE []" in out
    assert "AFTER []" in out  # every one of them imported
    assert "FROZEN True" in out


def test_prewarming_after_a_remembered_sign_in_needs_no_services() -> None:
    out = run(
        "import sys\n"
        "from podyx_desktop.gui.launch import prewarm_later_views\n"
        "prewarm_later_views()\n"
        f"print('MISSING', [n for n in {LATER_VIEWS[1:]!r} if n not in sys.modules])\n"
        "print('SQLALCHEMY', 'sqlalchemy.orm' in sys.modules)\n"
    )
    assert "MISSING []" in out
    # a plain task: the services (and SQLAlchemy's ORM) are not built for it
    assert "SQLALCHEMY False" in out


def test_a_tab_built_for_a_switch_shows_a_turn_of_the_event_loop_later(
    qtbot: Any, make_app: Any, studio: GuiStudio
) -> None:
    """Built, polished and painted in one turn, a tab was the session's longest stall
    (bench/gui_lag.py): a switch builds it, and it shows in a later turn."""
    from podyx_desktop.views.client.opening import BUNDLES
    from tests.gui.test_sign_in import sign_in, wait_main

    app = make_app()
    sign_in(qtbot, app, studio.client_email, studio.client_password)
    window = wait_main(qtbot, app)
    qtbot.waitUntil(lambda: window.current_tab_built, timeout=WAIT)
    window.show_tab(BUNDLES)
    tab = window.bundles_tab  # built by the switch: the same tab
    assert not window.current_tab_built
    assert tab.isHidden()  # still the switch's turn
    assert not tab.is_built  # its details are built in a later turn, then it shows
    qtbot.waitUntil(lambda: window.current_tab_built, timeout=WAIT)
    assert tab.isVisible() and tab.is_built
    assert window.bundles_tab is tab
