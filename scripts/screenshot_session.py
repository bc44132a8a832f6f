"""What every screen of ``scripts/screenshots.py`` is driven with: the demo studio, and
helpers that start the app over it, wait for it and sign in."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from podyx_desktop.gui.app import DesktopApp
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.views.client.main_window import MainWindow

WINDOW_SIZE = (1180, 760)
SIGN_IN_SIZE = (900, 720)


@dataclass
class Session:
    """What every screen function gets: the demo studio and helpers to drive the app."""

    app: QApplication
    url: str
    client_email: str
    client_password: str
    folder: Path
    out: Path  # where the screenshots (and the PDF previews made with them) are written
    desktops: list[DesktopApp] = field(default_factory=list)
    servers: list[Any] = field(default_factory=list)  # podyx-server processes of a shot

    def wait_until(self, condition: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the screen did not get ready in time")
            self.app.processEvents()
            time.sleep(0.01)

    def settle(self, seconds: float = 0.4) -> None:
        """Let queued work, repaints and animations finish."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)

    def idle(self, desktop: DesktopApp) -> None:
        self.wait_until(lambda: desktop.tasks.pending == 0)
        self.settle()

    def new_desktop(self) -> DesktopApp:
        """A fresh app window flow over the demo studio, started and ready to sign in."""
        from podyx_desktop.db.engine import Database
        from podyx_desktop.services import Services

        url = self.url
        desktop = DesktopApp(
            lambda: Services(Database(url)), settings=UiSettings(), database_url=lambda: url
        )
        self.desktops.append(desktop)
        desktop.sign_in.resize(*SIGN_IN_SIZE)
        desktop.start()
        desktop.sign_in.resize(*SIGN_IN_SIZE)
        self.wait_until(lambda: desktop.sign_in.sign_in_button.isEnabled())
        self.idle(desktop)
        return desktop

    def signed_in(self) -> DesktopApp:
        """A fresh app, signed in as the demo client, main window on screen."""
        desktop = self.new_desktop()
        screen = desktop.sign_in
        screen.email.setText(self.client_email)
        screen.password.setText(self.client_password)
        screen.sign_in_button.click()
        self.wait_until(lambda: desktop.main_window is not None)
        window = desktop.main_window
        assert isinstance(window, MainWindow)
        window.resize(*WINDOW_SIZE)
        self.wait_until(lambda: window.current_tab_built)
        self.idle(desktop)
        return desktop

    def main_window(self, desktop: DesktopApp) -> Any:
        window = desktop.main_window
        assert window is not None
        return window

    def close_all(self) -> None:
        for desktop in self.desktops:
            desktop.shutdown()
        self.desktops.clear()
        for process in self.servers:
            if process.poll() is None:
                process.terminate()
                process.wait(10)
        self.servers.clear()
        self.settle(0.1)


Screen = Callable[[Session], QWidget]
