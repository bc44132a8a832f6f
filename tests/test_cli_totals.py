"""``podyx-admin check totals [--repair]``: finds a tampered client total, says it in
words, and mends it with ``--repair`` (in-process through ``main``, on a SQLite file)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount, StudioSettings
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER
from tests.test_cli import isolated, run  # noqa: F401 (the autouse fixture)


@pytest.fixture
def client_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int]:
    path = tmp_path / "studio" / "podyx.sqlite3"
    assert run(capsys, "--database", sqlite_url(path), "init")[0] == 0
    database = Database(sqlite_url(path))
    services = Services(database, hasher=FAST_HASHER)
    settings = StudioSettings(name="Tonstudio Süd", time_zone="Europe/Berlin", currency="EUR")
    services.catalogue.configure_studio(Principal.system(), settings)
    account = NewAccount("Jörg Müller", "joerg@example.com", "+49 30 1234567", "a long password")
    signed = services.accounts.sign_up(Principal.anonymous(), account)
    database.dispose()
    return path, signed.account.id


def test_check_totals_ok(client_file: tuple[Path, int], capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = client_file
    code, out, _ = run(capsys, "--database", sqlite_url(path), "check", "totals")
    assert code == 0
    assert "Checked the kept totals of 1 accounts" in out
    assert out.splitlines()[-1] == "OK: every kept total matches."


def test_check_totals_finds_and_repairs_a_tampered_total(
    client_file: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, client_id = client_file
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE client_totals SET spent_minor = 4200, bookings = 3 WHERE client_id = ?",
            (client_id,),
        )
    connection.close()
    url = sqlite_url(path)
    code, out, _ = run(capsys, "--database", url, "check", "totals")
    assert code == 1
    assert (
        f"Jörg Müller (account {client_id}): the total spent (in minor units, e.g. cents) is "
        "kept as 4200, but the records give 0." in out
    )
    assert f"Jörg Müller (account {client_id}): the number of bookings is kept as 3" in out
    assert "Run “podyx-admin check totals --repair”" in out
    code, out, _ = run(capsys, "--database", url, "check", "totals", "--repair")
    assert code == 0 and "Repaired the totals of 1 accounts from their records." in out
    code, out, _ = run(capsys, "--database", url, "check", "totals")
    assert code == 0 and out.splitlines()[-1] == "OK: every kept total matches."


def test_repair_without_totals_is_refused(
    client_file: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = client_file
    code, _out, err = run(capsys, "--database", sqlite_url(path), "check", "--repair")
    assert code == 2 and "--repair goes with “check totals”" in err
