"""bench/server_load.py's set-up: its constants, the studio and its 500 accounts, the
`podyx-server` processes and the nginx in front of them (``--proxy``)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

READ_GOAL_MS = 50.0
WRITE_GOAL_MS = 150.0
FEED_GOAL_S = 2.0
PASSWORD = "load test password 1"
ROOMS = 40
# a client's mean pause between actions: ~50 requests/s from 500 clients; at 6 s (~150
# offered) two shared cores saturate
THINK_S = 20.0
BOOK_DAYS = (2, 45)  # clients book this many days ahead (inside the cancel cutoff)
RETRY_WAITS = (0.1, 0.2, 0.5, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0)  # ~26 s
REQUEST_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
KEEPALIVE_S = 2.0  # the client's idle connections; uvicorn closes them after 5 s
SIGN_IN_TIMEOUT = httpx.Timeout(300.0, connect=30.0)  # 500 at once queue for Argon2
FEED_TIMEOUT = httpx.Timeout(30.0, connect=5.0, read=60.0)  # the server pings every 15 s
SETUP_ALLOWANCE_S = 900  # migrations, studio, accounts, sign-ins: the hard timeout's extra

RESTART_SPAN_S = 10  # after the kill, what the report shows apart as "the restart"
READS = ("ClientBookings", "FreeTimes", "sync")
WRITES = ("Book", "CancelBooking")


# --- the studio ---------------------------------------------------------------------------


def load_studio_spec(rooms: int) -> Any:
    """A studio with ``rooms`` rooms of one setup each, open 8–22 every day, one service."""
    from podyx_desktop.demo.builder import RoomSpec, ServiceSpec, SetupSpec, StaffSpec, StudioSpec
    from podyx_desktop.domain.availability import OpeningInterval
    from podyx_desktop.domain.enums import Role
    from podyx_desktop.domain.requests import StudioSettings

    settings = StudioSettings(
        name="Load Studio",
        time_zone="Europe/Berlin",
        currency="EUR",
        locale="de_DE",
        prices_include_vat=True,
        default_vat_rate_bp=1900,
        vat_number="DE123456789",
        address_line1="Torstraße 1",
        postal_code="10119",
        city="Berlin",
        country="DE",
        buffer_minutes=15,
        lead_time_hours=2,
        cancel_cutoff_hours=24,
        reschedule_cutoff_hours=24,
        max_reschedules=2,
    )
    room_specs = tuple(
        RoomSpec(f"room{i}", f"Room {i + 1}", setups=(SetupSpec(f"setup{i}", f"Setup {i + 1}"),))
        for i in range(rooms)
    )
    return StudioSpec(
        settings,
        opening_hours=tuple(OpeningInterval(d, 8 * 60, 22 * 60) for d in range(7)),
        rooms=room_specs,
        services=(
            ServiceSpec(
                "podcast",
                "Podcast recording",
                6000,
                60,
                240,
                30,
                tuple(f"setup{i}" for i in range(rooms)),
            ),
        ),
        staff=(StaffSpec(Role.OWNER, "Olga Owner", "owner@example.com", "+49 30 1111111"),),
    )


@dataclass
class Prepared:
    url: str
    setups: list[int]
    service: int
    owner: Any  # the owner's Principal (the staff seat)
    emails: list[str]
    seconds: float


def prepare(url: str, clients: int, rooms: int) -> Prepared:
    """The studio and ``clients`` accounts in the migrated, empty database at ``url``."""
    from argon2 import PasswordHasher

    from podyx_desktop.db.engine import Database
    from podyx_desktop.demo.builder import create_studio
    from podyx_desktop.domain.enums import Role
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.requests import NewAccount
    from podyx_desktop.services import Services

    started = time.perf_counter()
    db = Database(url)
    try:
        services = Services(db, hasher=cheap_hasher(PasswordHasher))
        built = create_studio(services, load_studio_spec(rooms), password=PASSWORD)
        emails = []
        for i in range(clients):
            email = f"client{i:04d}@example.com"
            services.accounts.sign_up(
                Principal.anonymous(),
                NewAccount(f"Client {i:04d}", email, f"+49 30 {2000000 + i}", PASSWORD),
            )
            emails.append(email)
        return Prepared(
            url,
            [built.ids[f"setup{i}"] for i in range(rooms)],
            built.ids["podcast"],
            built.staff_member(Role.OWNER),
            emails,
            time.perf_counter() - started,
        )
    finally:
        db.dispose()


def cheap_hasher(cls: Any) -> Any:
    return cls(time_cost=1, memory_cost=1024, parallelism=1)


# --- the servers -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    name: str
    port: int
    database_url: str
    log_path: str
    process: subprocess.Popen[bytes] | None = None
    behind_proxy: bool = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait_s: float = 60.0) -> float:
        """Start the process; the seconds until ``/health`` answered 200."""
        started = time.monotonic()
        self.launch()
        return self.wait_ready(started, wait_s)

    def launch(self) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("PODYX_DATABASE_URL", None)
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "podyx_desktop.server.cli",
                    "--database",
                    self.database_url,
                    "--listen",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    "1",
                    "--log-level",
                    "WARNING",
                    *(["--trust-proxy", "127.0.0.1"] if self.behind_proxy else []),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )

    def wait_ready(self, started: float, wait_s: float = 60.0) -> float:
        assert self.process is not None
        while time.monotonic() - started < wait_s:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not answer in {wait_s:g} s:\n{self.log_tail()}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def log_tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                return "".join(handle.readlines()[-lines:])
        return ""


NGINX_CONF = """
worker_processes 1;
user root;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream podyx {{
{upstreams}
        keepalive 64;
        keepalive_timeout 2s;  # below uvicorn's 5 s keep-alive
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://podyx;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
        }}
        location /v1/changes {{
            proxy_pass http://podyx;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_buffering off;
            proxy_read_timeout 1h;
        }}
    }}
}}
"""


@dataclass
class Proxy:
    """nginx in front of the servers, as docs/server.md sets it up: one address for every
    client; a request whose server cannot be reached goes to the other (a write only when
    it was not sent); a server that failed rests for 5 s."""

    port: int
    folder: str
    servers: list[Server]
    process: subprocess.Popen[bytes] | None = None
    name: str = "proxy"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(self.folder, sub), exist_ok=True)
        upstreams = "\n".join(
            f"        server 127.0.0.1:{s.port} max_fails=1 fail_timeout=5s;" for s in self.servers
        )
        conf = os.path.join(self.folder, "nginx.conf")
        with open(conf, "w", encoding="utf-8") as handle:
            handle.write(NGINX_CONF.format(dir=self.folder, port=self.port, upstreams=upstreams))
        self.process = subprocess.Popen(
            [nginx, "-c", conf, "-p", self.folder],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("nginx did not answer in 20 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
