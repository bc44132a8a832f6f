"""bench/services.py's machinery, run tiny: a generated studio, every operation called
through the services (a failing operation stops the run), the report and the recorded
rows; and the cached SQLite studio poured into PostgreSQL reads back as the same studio.
Only what was called and recorded is asserted, never a timing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.services import main
from bench.services_studio import copy_to_postgres, studio_facts
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import Services

OPERATIONS = (
    "availability", "quote", "book", "cancel", "reschedule", "redeem", "add add-ons",
    "record payment", "refund",
    "upcoming (typ.)", "past (typ.)", "purchases (typ.)", "bundles (typ.)",
    "upcoming (busiest)", "past (busiest)", "purchases (busiest)", "bundles (busiest)",
)  # fmt: skip
TINY = ["--bookings", "400", "--clients", "40", "--repeat", "2", "--budget", "0.05"]


def run_tiny(url: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--database", url, *TINY]) == 0
    return capsys.readouterr().out.splitlines()


def rows_of(lines: list[str]) -> dict[str, list[str]]:
    return {op: line.split() for op in OPERATIONS for line in lines if line.startswith(op + " ")}


@pytest.mark.slow
def test_a_tiny_run_times_every_operation_and_records_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PODYX_BENCH_RESULTS", str(tmp_path / "results"))
    lines = run_tiny(sqlite_url(tmp_path / "bench.sqlite3"), capsys)

    assert lines[0].startswith("load average")
    assert "synchronous=FULL" in lines[1]  # durable commits, as the app runs
    assert any(line.startswith("baseline one indexed page read") for line in lines)
    rows = rows_of(lines)
    assert set(rows) == set(OPERATIONS)
    for name, cells in rows.items():
        assert {"PASS", "FAIL", "noisy"} & set(cells), (name, cells)
    recorded = json.loads((tmp_path / "results" / "services-400-sqlite.json").read_text())
    assert recorded["machine"] == lines[0]
    assert len(recorded["rows"]) == len(OPERATIONS)
    assert all(row["goal"].endswith("(sqlite, 400 bookings)") for row in recorded["rows"])


@pytest.mark.slow
@pytest.mark.postgres
def test_the_studio_poured_into_postgresql_is_the_same_studio(
    postgres_admin_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pg_databases import create_database, drop_database, unique_database_name

    source = sqlite_url(tmp_path / "bench.sqlite3")
    run_tiny(source, capsys)  # generates the studio and books, cancels, refunds in it
    name = unique_database_name("podyx_bench_copy")
    target = create_database(postgres_admin_url, name)
    try:
        copy_to_postgres(source, target)
        lite, pg = Database(source), Database(target)
        try:
            facts = studio_facts(lite)
            assert studio_facts(pg) == facts
            lists = []
            for db in (lite, pg):
                services = Services(db)
                owner = Principal.user(facts.owner_id, Role.OWNER)
                lists.append(
                    [
                        services.bookings.list_for_client(owner, facts.heavy_client_id),
                        services.purchases.list_for_client(owner, facts.heavy_client_id),
                        services.bundles.list_for_client(owner, facts.heavy_client_id),
                    ]
                )
            assert lists[0] == lists[1] and all(lists[0])
        finally:
            lite.dispose()
            pg.dispose()
        # the copy's id sequences continue past the rows: the bench books in it again
        lines = run_tiny(target, capsys)
        assert "fsync=" in lines[1] and "read back with SHOW" in lines[1]
        assert set(rows_of(lines)) == set(OPERATIONS)
    finally:
        drop_database(postgres_admin_url, name)
