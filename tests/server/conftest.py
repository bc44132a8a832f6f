"""The studio server under test: in-process (FastAPI's TestClient over the test's own
services, on both engines) and as a real ``podyx-server`` process on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from podyx_desktop.domain.records import SignedIn
from podyx_desktop.server.app import create_app
from podyx_desktop.server.guard import AddressLimit
from podyx_desktop.services import Services
from tests.factories import PASSWORD, Studio, build_studio


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)


@pytest.fixture
def api(services: Services, studio: Studio) -> Iterator[TestClient]:
    """The server's application in this process, over the test's studio."""
    with TestClient(create_app(services, sign_in_limit=AddressLimit(1000))) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def sign_in(api: TestClient | httpx.Client, email: str, password: str = PASSWORD) -> dict[str, Any]:
    response = api.post("/v1/session", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    value: dict[str, Any] = response.json()["value"]
    return value


def token_of(signed_in: SignedIn) -> dict[str, str]:
    return bearer(signed_in.token)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LiveServer:
    """A ``podyx-server`` process on loopback."""

    url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log_path: str

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def log(self) -> str:
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()


def start_server(
    database_url: str, log_path: str, *, port: int | None = None, extra: tuple[str, ...] = ()
) -> LiveServer:
    port = port or free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("PODYX_DATABASE_URL", None)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "podyx_desktop.server.cli",
                "--database",
                database_url,
                "--listen",
                f"127.0.0.1:{port}",
                "--sign-in-attempts",
                "1000",
                *extra,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", database_url, process, log_path)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"podyx-server exited: {server.log()}")
        try:
            if httpx.get(f"{server.url}/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.stop()
    raise AssertionError(f"podyx-server did not answer in 30 s: {server.log()}")


@pytest.fixture
def world(api: TestClient, studio: Studio) -> Any:
    """Client A's records, client B and a staff member of each role, all signed in (the
    security tests' world: tests/server/security_world.py)."""
    from tests.server.security_world import build_world

    return build_world(api, studio)


@pytest.fixture
def scene(api: TestClient, studio: Studio) -> Any:
    """Clients A and B with a booking and a stored file each, A signed in (the
    hostile-input tests' scene: tests/server/hostile_scene.py)."""
    from tests.server.hostile_scene import build_scene

    return build_scene(api, studio)
