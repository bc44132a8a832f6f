"""The studio server as IT runs it: real ``podyx-server`` processes on loopback.

TLS with a certificate from ``podyx-admin server cert``, pinned by the window on first use
(a connect code's fingerprint checked, a different certificate refused); plain HTTP only
on loopback; ``/health`` 503 with a sentence when the database is gone; two processes over
one PostgreSQL serving the same client (a token from one works on the other, a write
through one reaches the other's change feed); a download resuming after a dropped
connection and checked against its SHA-256.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from podyx_desktop.cli.admin import main as admin
from podyx_desktop.db.engine import Database
from podyx_desktop.db.migrate import upgrade_to_head
from podyx_desktop.domain.connect_code import make_code
from podyx_desktop.domain.errors import SessionExpired
from podyx_desktop.operations.files import SaveFile, Transfer, register
from podyx_desktop.services import Services
from podyx_desktop.sync.api import CertificateChanged, StudioApi, StudioUnreachable
from podyx_desktop.sync.connection import Connection
from podyx_desktop.sync.downloads import download
from podyx_desktop.sync.local_copy import LocalCopy
from podyx_desktop.sync.probe import probe
from podyx_desktop.tls import certificate_fingerprint
from tests.conftest import FAST_HASHER
from tests.factories import PASSWORD, build_studio
from tests.pg_databases import create_database, unique_database_name
from tests.server.conftest import LiveServer, free_port, start_server


@pytest.fixture
def studio_file(tmp_path: Path, sqlite_template: Path) -> Iterator[tuple[str, Services, Any]]:
    path = tmp_path / "studio.sqlite3"
    path.write_bytes(sqlite_template.read_bytes())
    url = f"sqlite:///{path}"
    services = Services(Database(url), hasher=FAST_HASHER)
    studio = build_studio(services)
    yield url, services, studio
    services.db.dispose()


def _certificate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    out = tmp_path / "tls"
    assert admin(["server", "cert", "--out", str(out), "--host", "127.0.0.1"]) == 0
    capsys.readouterr()
    return out / "podyx-server.crt", out / "podyx-server.key"


def test_tls_is_pinned_on_first_use_and_a_changed_certificate_is_refused(
    tmp_path: Path, studio_file: tuple[str, Services, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _services, studio = studio_file
    cert, key = _certificate(tmp_path, capsys)
    port = free_port()
    server = _start_tls(url, tmp_path, port, cert, key)
    try:
        address = f"https://127.0.0.1:{port}"
        # a plain address: the window shows the fingerprint to compare, then pins it
        found = probe(address)
        assert found.studio_name == "Test Studio"
        assert found.fingerprint == certificate_fingerprint(cert.read_bytes())
        assert found.pem is not None and not found.from_code
        # the studio's code carries the fingerprint: checked, no question to ask
        code = make_code(address, found.fingerprint)
        assert probe(code).from_code
        # the pinned certificate is the only one trusted: requests work over it
        client = studio.client("Ana Client")
        api = StudioApi(address, pinned_pem=found.pem)
        signed_in = api.sign_in(client.account.email, PASSWORD, "test")
        assert signed_in.account.id == client.account.id
        assert api.batch(0)["rows"]["users"][0]["id"] == client.account.id
        api.close()
    finally:
        server.stop()

    # the studio's certificate is replaced (or someone is in between): refused in words
    other_cert, other_key = _certificate(tmp_path / "other", capsys)
    server = _start_tls(url, tmp_path, port, other_cert, other_key)
    try:
        api = StudioApi(f"https://127.0.0.1:{port}", pinned_pem=found.pem)
        with pytest.raises(CertificateChanged, match="different certificate"):
            api.studio()
        api.close()
        with pytest.raises(CertificateChanged, match="does not match your studio's code"):
            probe(code)
    finally:
        server.stop()


def _start_tls(url: str, tmp_path: Path, port: int, cert: Path, key: Path) -> LiveServer:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log_path = tmp_path / f"tls-{port}-{time.monotonic_ns()}.log"
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "podyx_desktop.server.cli", "--database", url,
             "--listen", f"127.0.0.1:{port}", "--cert", str(cert), "--key", str(key)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
    server = LiveServer(f"https://127.0.0.1:{port}", url, process, str(log_path))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, server.log()
        try:
            httpx.get(f"{server.url}/health", verify=False, timeout=1)
            return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.stop()
    raise AssertionError(server.log())


def test_plain_http_is_refused_off_loopback_and_a_bad_database_is_one_sentence(
    studio_file: tuple[str, Services, Any], tmp_path: Path
) -> None:
    url = studio_file[0]
    for argv, words in (
        (["--database", url, "--listen", "0.0.0.0:8765"], "only served on a loopback address"),
        (["--database", url, "--listen", "nowhere"], "is not HOST:PORT"),
        (["--database", url, "--cert", str(tmp_path / "x.crt")], "both --cert FILE and --key"),
        (["--database", f"sqlite:///{tmp_path}/absent/no.sqlite3"], "Cannot open the studio's"),
        (["--listen", "127.0.0.1:1"], "Name the studio's database"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "podyx_desktop.server.cli", *argv],
            capture_output=True,
            text=True,
            timeout=60,
            env={k: v for k, v in os.environ.items() if k != "PODYX_DATABASE_URL"},
        )
        assert done.returncode == 2, done
        assert words in done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1


@pytest.mark.postgres
def test_two_processes_over_one_postgresql_serve_the_same_client(
    postgres_admin_url: str, tmp_path: Path
) -> None:
    url = create_database(postgres_admin_url, unique_database_name("podyx_two_servers"))
    database = Database(url)
    upgrade_to_head(database)
    services = Services(database, hasher=FAST_HASHER)
    studio = build_studio(services)
    ana = studio.client("Ana Client")
    first = start_server(url, str(tmp_path / "first.log"))
    second = start_server(url, str(tmp_path / "second.log"))
    try:
        on_first = StudioApi(first.url)
        token = on_first.sign_in(ana.account.email, PASSWORD, "test").token
        on_second = StudioApi(second.url, token=token)  # the same token, another process
        cursor = int(on_second.batch(0)["cursor"])
        heard: list[dict[str, Any]] = []
        stop = threading.Event()
        feed = threading.Thread(
            target=lambda: _follow(on_second, heard, stop), name="feed", daemon=True
        )
        feed.start()
        _wait(lambda: len(heard) >= 1)  # the feed's first event: where the log stands
        from datetime import timedelta

        day = studio.services.context.now().date() + timedelta(days=3)
        booked = studio.book(ana, studio.at(day, 10))
        # a write through the first process reaches the second process's feed
        from podyx_desktop.operations.bookings import CancelBooking
        from podyx_desktop.server.ops import BY_NAME

        on_first.token = token
        on_first.call(BY_NAME["CancelBooking"], CancelBooking(booked.booking.id))
        _wait(lambda: any(booked.booking.id in (e["changes"].get("bookings") or []) for e in heard))
        changed = on_second.batch(cursor)
        statuses = {row["id"]: row["status"] for row in changed["rows"]["bookings"]}
        assert statuses[booked.booking.id] == "canceled"
        # signing out on one process ends the token on both
        on_first.sign_out()
        with pytest.raises(SessionExpired, match=r"sign in again"):
            on_second.batch(0)
        stop.set()
        on_second.stop_changes()
    finally:
        first.stop()
        second.stop()
        database.dispose()


def _follow(api: StudioApi, heard: list[dict[str, Any]], stop: threading.Event) -> None:
    with contextlib.suppress(StudioUnreachable):
        api.changes(heard.append, stop.is_set)


def _wait(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


class DropOnce(httpx.BaseTransport):
    """The network dropping a download once, after ``after`` bytes (then it works)."""

    def __init__(self, after: int) -> None:
        self._real = httpx.HTTPTransport()
        self._after = after
        self.dropped = 0
        self.ranges: list[str | None] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._real.handle_request(request)
        if not request.url.path.startswith("/v1/files/"):
            return response
        self.ranges.append(request.headers.get("range"))
        if self.dropped:
            return response
        self.dropped += 1
        stream = response.stream
        after = self._after

        class Cut(httpx.SyncByteStream):
            def __iter__(self) -> Iterator[bytes]:
                sent = 0
                for chunk in stream:  # type: ignore[union-attr]
                    if sent + len(chunk) > after:
                        yield chunk[: after - sent]
                        raise httpx.ReadError("connection reset by peer")
                    sent += len(chunk)
                    yield chunk

            def close(self) -> None:
                stream.close()  # type: ignore[union-attr]

        return httpx.Response(
            response.status_code, headers=response.headers, stream=Cut(), request=request
        )


def test_a_download_resumes_after_a_dropped_connection(
    qapp: Any, studio_file: tuple[str, Services, Any], tmp_path: Path
) -> None:
    from podyx_desktop.gui.changes import ChangeBus

    url, services, studio = studio_file
    ana = studio.client("Ana Client")
    content = os.urandom(3 * 1024 * 1024 + 12345)
    source = tmp_path / "final mix.wav"
    source.write_bytes(content)
    shared = services.files.share_file(
        studio.desk, client_id=ana.account.id, name=source.name, source=source
    )
    server = start_server(url, str(tmp_path / "server.log"))
    try:
        transport = DropOnce(after=1024 * 1024 + 77)
        api = StudioApi(server.url, transport=transport)
        signed_in = api.sign_in(ana.account.email, PASSWORD, "test")
        copy = LocalCopy(tmp_path / "copy.sqlite3")
        connection = Connection(api, copy, ChangeBus())
        connection.open_for(ana.account.id, signed_in.token)
        folder = tmp_path / "downloads"
        folder.mkdir()
        progress: list[int] = []
        transfer = register(Transfer(progress=lambda done, _total: progress.append(done)))
        saved = download(
            connection, signed_in.principal, SaveFile(shared.id, str(folder), transfer.id)
        )
        assert Path(saved.path).read_bytes() == content
        assert saved.sha256 == hashlib.sha256(content).hexdigest()
        assert transport.dropped == 1
        # resumed from what had arrived, not from the start
        first, resumed = transport.ranges
        assert first is None and resumed is not None
        assert 0 < int(resumed.removeprefix("bytes=").removesuffix("-")) <= 1024 * 1024 + 77
        assert sorted(p.name for p in folder.iterdir()) == ["final mix.wav"]  # no .part left
        assert progress[-1] == len(content)
        # opened: its "new" badge is gone at the studio
        assert services.files.list_files(ana.principal, ana.account.id)[0].opened
        connection.stop()
        copy.remove()
        api.close()
    finally:
        server.stop()


@pytest.mark.postgres
def test_health_says_so_when_the_database_does_not_answer(postgres_admin_url: str) -> None:
    from fastapi.testclient import TestClient

    from podyx_desktop.server.app import create_app

    url = create_database(postgres_admin_url, unique_database_name("podyx_health"))
    database = Database(url)
    upgrade_to_head(database)
    app = create_app(Services(database))
    with TestClient(app) as client:
        assert client.get("/health").status_code == 200
        from tests.pg_databases import drop_database

        database.dispose()
        drop_database(postgres_admin_url, url.rsplit("/", 1)[1])
        response = client.get("/health")
        assert response.status_code == 503
        assert response.json()["detail"] == "The studio server cannot reach its database."
        assert "Traceback" not in response.text
