"""A server process warms up before it accepts requests (server/warm.py)."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from podyx_desktop.server.warm import warm_up
from podyx_desktop.services import Services
from tests.factories import Studio
from tests.server.conftest import start_server


def test_warming_up_builds_every_service_and_fills_the_pool(
    services: Services, studio: Studio
) -> None:
    names = [n for n, m in vars(Services).items() if isinstance(m, cached_property)]
    assert names and not all(name in vars(services) for name in names)
    took = warm_up(services)
    assert took >= 0
    assert all(name in vars(services) for name in names)  # built: imported, not on a request
    assert services.db.engine.pool.checkedin() >= 1  # connections open, back in the pool


def test_a_server_process_is_ready_before_its_first_request(
    services: Services, studio: Studio, tmp_path: Path
) -> None:
    url = services.db.engine.url.render_as_string(hide_password=False)
    server = start_server(url, str(tmp_path / "server.log"))
    try:
        log = server.log()
    finally:
        server.stop()
    ready = log.find("Ready to serve after")
    assert re.search(
        r"Ready to serve after \d+ ms of warming up; [\d,]+ start-up objects frozen", log
    )
    first_request = log.find('"path": "/health"')
    assert ready != -1, log[-2000:]
    assert first_request == -1 or ready < first_request, log[-2000:]
