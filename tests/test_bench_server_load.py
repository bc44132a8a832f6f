"""bench/server_load.py's machinery, run tiny: a studio, a few simulated clients against
two real ``podyx-server`` processes on one SQLite file, the staff seat, the checks in the
database. Only correctness counters are asserted, never a timing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.server_load import migrate, report, run_load
from podyx_desktop.db.engine import sqlite_url


@pytest.mark.slow
def test_a_tiny_load_run_books_cancels_and_loses_nothing(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "load.sqlite3")
    migrate(url)

    outcome = run_load(
        url, clients=4, seconds=3, think=0.3, kill=False, rooms=3, log_dir=str(tmp_path)
    )

    stats = outcome.stats
    assert stats.clients_looping == 4
    assert sum(stats.errors.values()) == 0, (stats.error_samples, report(outcome))
    assert stats.acked_books > 0  # the clients did book through the servers
    assert outcome.lost == 0, outcome.lost_samples
    assert outcome.double_bookings == 0
    assert len(stats.feed_latency) > 0  # the change feed named the bookings to their owners
    assert "lost acknowledged writes" in report(outcome)
