"""What a server process does before it accepts its first request.

A process that starts while its clients are already there — restarted after a crash or an
upgrade, the other processes carrying on — gets all of them back within seconds: their
change feeds reconnect and every copy syncs. Without this, the first of those requests
would each import a service, configure the ORM's mappers, compile their statements and
open pooled connections, all at once, while the others queue behind them. uvicorn runs the
application's start-up before it listens, so meanwhile the other processes (or the
reverse proxy's retry) serve everyone.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from podyx_desktop.services import Services

log = logging.getLogger(__name__)

CONNECTIONS = 5  # the pool's steady size: opened now, not by the first requests


def warm_up(services: Services, *, freeze: bool = False) -> float:
    """Import every service, configure the mappers, open the pool's connections and run
    the statement every request starts with (a token's resume) once; returns the seconds
    it took (logged).

    ``freeze`` (a process of its own, as ``podyx-server`` runs it): then hide what start-up
    made from the garbage collector (``gc.freeze``). Modules, classes, mappers and pydantic
    models are hundreds of thousands of objects that live as long as the process; a full
    collection walked them all, holding the GIL for 100–200 ms, in a restarted process's
    first seconds, while its clients came back (seen with ``gc.callbacks`` in
    ``bench/server_load.py`` runs)."""
    from sqlalchemy import text
    from sqlalchemy.orm import configure_mappers

    from podyx_desktop.domain import records_more  # noqa: F401  (answers name its records)
    from podyx_desktop.domain.errors import PodyxError
    from podyx_desktop.services import Services as ServicesClass

    started = time.perf_counter()
    for name, member in vars(ServicesClass).items():
        if isinstance(member, cached_property):
            getattr(services, name)
    configure_mappers()
    engine = services.db.engine
    connections = [engine.connect() for _ in range(CONNECTIONS)]
    try:
        for connection in connections:
            connection.execute(text("SELECT 1"))
    finally:
        for connection in connections:
            connection.close()
    with contextlib.suppress(PodyxError):  # refused, as expected: its statement is cached now
        services.accounts.resume("no such token")
    frozen = ""
    if freeze:
        gc.collect()  # the garbage goes first: frozen objects are never freed
        gc.freeze()
        frozen = f"; {gc.get_freeze_count():,} start-up objects frozen"
    took = time.perf_counter() - started
    log.info("Ready to serve after %.0f ms of warming up%s", took * 1000, frozen)
    return took
