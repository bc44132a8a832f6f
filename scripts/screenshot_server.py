"""The screens of a client at home (``scripts/screenshots.py``): "Connect to your studio"
over a studio server with a trial certificate, and the window offline with its banner.

A real ``podyx-server`` runs on loopback over the demo studio for these shots."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
from PySide6.QtWidgets import QWidget
from screenshot_session import SIGN_IN_SIZE, WINDOW_SIZE, Screen, Session

from podyx_desktop.gui.app import DesktopApp
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.views.start.connect_dialog import ConnectDialog


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server(session: Session, *, tls: bool) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    extra: list[str] = []
    scheme = "http"
    if tls:
        out = session.folder / "tls"
        if not (out / "podyx-server.crt").exists():
            subprocess.run(
                [sys.executable, "-m", "podyx_desktop.cli.admin", "server", "cert", "--out",
                 str(out), "--host", "127.0.0.1"],
                check=True, capture_output=True,
            )  # fmt: skip
        extra = ["--cert", str(out / "podyx-server.crt"), "--key", str(out / "podyx-server.key")]
        scheme = "https"
    process = subprocess.Popen(
        [sys.executable, "-m", "podyx_desktop.server.cli", "--database", session.url,
         "--listen", f"127.0.0.1:{port}", "--log-level", "WARNING", *extra],
        env={**os.environ}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    address = f"{scheme}://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{address}/health", verify=False, timeout=1)
            return process, address
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.1)


def client_connect(session: Session) -> QWidget:
    """The dialog after looking the studio up: its name and the certificate's fingerprint."""
    process, address = _server(session, tls=True)
    session.servers.append(process)
    desktop = session.new_desktop()
    desktop.connect_to_studio()
    dialog = desktop.sign_in.findChild(ConnectDialog)
    assert dialog is not None
    dialog.resize(620, 380)
    dialog.address.setText(address.removeprefix("https://"))
    dialog.look_up()
    session.wait_until(dialog.connect_button.isEnabled)
    session.settle()
    return dialog


def client_offline(session: Session) -> QWidget:
    """Signed in through the studio server, which then stops: the window stays readable."""
    process, address = _server(session, tls=False)
    session.servers.append(process)
    settings = UiSettings()
    settings.studio_server, settings.studio_server_pin = address, ""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.services import Services

    url = session.url
    desktop = DesktopApp(
        lambda: Services(Database(url)),
        settings=settings,
        studio_server=(address, ""),
        copies=session.folder / "copies",
    )
    session.desktops.append(desktop)
    desktop.sign_in.resize(*SIGN_IN_SIZE)
    desktop.start()
    session.wait_until(desktop.sign_in.sign_in_button.isEnabled)
    screen = desktop.sign_in
    screen.email.setText(session.client_email)
    screen.password.setText(session.client_password)
    screen.sign_in_button.click()
    session.wait_until(lambda: desktop.main_window is not None)
    window = session.main_window(desktop)
    window.resize(*WINDOW_SIZE)
    session.wait_until(lambda: window.current_tab_built)
    session.idle(desktop)
    process.terminate()
    process.wait(10)
    session.wait_until(lambda: window.offline_banner.isVisible(), timeout=30)
    settings.studio_server, settings.studio_server_pin = "", ""
    session.settle(0.5)
    return window


SERVER_SCREENS: list[tuple[str, Screen]] = [
    ("client-connect", client_connect),
    ("client-offline", client_offline),
]
