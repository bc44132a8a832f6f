"""Service tests get a small studio on every database backend."""

from __future__ import annotations

import pytest

from podyx_desktop.services import Services
from tests.factories import Studio, build_studio


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)
