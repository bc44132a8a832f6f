"""Service tests get a small studio on every database backend, and the seat processes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from podyx_desktop.services import Services
from tests.factories import Studio, build_studio
from tests.services.seats import Seats, seats_for_session


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)


@pytest.fixture(scope="session")
def seats() -> Iterator[Seats]:
    """Eight seat processes, started once for the session (spawning costs ~1 s each)."""
    yield from seats_for_session()
