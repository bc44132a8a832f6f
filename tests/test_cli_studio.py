"""``podyx-admin studio apply|export``: the studio as a TOML file. The example builds a
two-room studio; applying twice changes nothing; apply → export → apply changes nothing;
bad files are refused with every error's line and key path, and nothing is written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from podyx_desktop.cli.admin import main
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.setup import Retirable
from podyx_desktop.services import Services
from podyx_desktop.services.studio_file import StudioFileInvalid, key_lines, read_studio_file
from tests.conftest import FAST_HASHER

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "studio-example.toml"


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in ("PODYX_DATABASE_URL", "PODYX_LOG_LEVEL", "PGPASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    before = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(before)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def test_the_example_builds_a_two_room_studio_and_applies_twice_to_no_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "studio.db"
    url = sqlite_url(db_path)
    code, out, _ = run(capsys, "--database", url, "studio", "apply", str(EXAMPLE), "--dry-run")
    assert code == 0 and "Would change" in out and "room “Studio B”: create" in out
    assert not db_path.exists()  # a dry run writes nothing, not even the file
    code, out, err = run(capsys, "--database", url, "studio", "apply", str(EXAMPLE))
    assert code == 0, err
    assert "created with 2 rooms, 3 setups, 2 services" in out
    assert "olga@kiez-studio.example: " in out and "one-time codes" in out
    code, out, _ = run(capsys, "--database", url, "studio", "apply", str(EXAMPLE))
    assert code == 0 and "nothing to change" in out
    services = Services(Database(url), hasher=FAST_HASHER)
    catalogue = services.catalogue.get_catalogue(Principal.anonymous())
    assert [r.name for r in catalogue.rooms] == ["Studio A", "Studio B"]
    assert {s.name for s in catalogue.services} == {"Podcast recording", "Video podcast"}
    assert services.studio_setup.tax_settings(Principal.system()).registration_number.startswith(
        "HRB"
    )
    staff = {m.email: m.role.value for m in services.staff.list_staff(Principal.system())}
    assert staff == {"olga@kiez-studio.example": "owner", "dana@kiez-studio.example": "front_desk"}
    policies = services.studio_setup.policies(Principal.system())
    assert next(v for v in policies.rooms if v.name == "Studio B").override.lead_time_hours == 24


def test_apply_export_apply_changes_nothing_and_edits_come_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(tmp_path / "studio.db")
    assert run(capsys, "--database", url, "studio", "apply", str(EXAMPLE))[0] == 0
    services = Services(Database(url), hasher=FAST_HASHER)
    video = next(
        s.id
        for s in services.catalogue.get_catalogue(Principal.system()).services
        if s.name == "Video podcast"
    )
    services.catalogue_edit.retire(Principal.system(), Retirable.SERVICE, video)
    exported = tmp_path / "exported.toml"
    code, out, err = run(capsys, "--database", url, "studio", "export", str(exported))
    assert code == 0, err
    text = exported.read_text(encoding="utf-8")
    assert "active = false" in text and "Studio B" in text
    assert "password" not in text and "code_hash" not in text
    before = digest(tmp_path / "studio.db")
    code, out, _ = run(capsys, "--database", url, "studio", "apply", str(exported))
    assert code == 0 and "nothing to change" in out, out
    assert digest(tmp_path / "studio.db") == before
    # the exported file builds the same studio in a new database
    other = sqlite_url(tmp_path / "other.db")
    assert run(capsys, "--database", other, "studio", "apply", str(exported))[0] == 0
    code, out, _ = run(capsys, "--database", other, "studio", "export")
    assert code == 0 and out.split("\n", 1)[1] == text.split("\n", 1)[1]
    # a changed rate in the file is one change
    changed = exported.with_name("changed.toml")
    changed.write_text(text.replace("hourly_rate_minor = 6000", "hourly_rate_minor = 6500"))
    code, out, _ = run(capsys, "--database", url, "studio", "apply", str(changed))
    assert code == 0 and "hourly_rate_minor 6000 → 6500" in out
    assert out.count("\n  ") == 1, out


BAD = """\
[studio]
name = "Bad"
time_zone = "Mars/Olympus"
currency = "EUR"
colour = "red"

[opening_hours]
monday = ["09:00-13:00", "12:00-18:00"]

[[rooms]]
key = "a"
name = "A"

  [[rooms.setups]]
  key = "s1"
  name = "S1"

[[services]]
key = "p"
name = "Podcast"
hourly_rate_minor = "sixty"
min_minutes = 60
max_minutes = 120
step_minutes = 30
setups = ["s1", "nope"]
"""


def test_a_bad_file_is_refused_with_every_error_and_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, encoding="utf-8")
    db_path = tmp_path / "studio.db"
    code, out, err = run(capsys, "--database", sqlite_url(db_path), "studio", "apply", str(bad))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].endswith("The studio file has 5 problems; nothing was changed.")
    assert f"{bad}:5: studio.colour: unknown key." in err
    assert f"{bad}:3: studio.time_zone: “Mars/Olympus” is not a time zone." in err
    assert f"{bad}:8: opening_hours.monday: Two opening intervals on Monday overlap" in err
    assert f"{bad}:21: services[0].hourly_rate_minor: must be a whole number, not text." in err
    assert f"{bad}:25: services[0].setups[1]: no setup has the key “nope”." in err
    assert not db_path.exists()


def test_an_existing_studio_is_untouched_by_a_refused_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(tmp_path / "studio.db")
    assert run(capsys, "--database", url, "studio", "apply", str(EXAMPLE))[0] == 0
    before = digest(tmp_path / "studio.db")
    broken = EXAMPLE.read_text(encoding="utf-8").replace(
        'setups = ["video_set"]', 'setups = ["video_set", "ghost"]'
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(broken, encoding="utf-8")
    code, _, err = run(capsys, "--database", url, "studio", "apply", str(bad))
    assert code == 2 and "no setup has the key “ghost”" in err
    assert digest(tmp_path / "studio.db") == before


def test_not_toml_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[studio]\nname = = "x"\n', encoding="utf-8")
    code, _, err = run(
        capsys, "--database", sqlite_url(tmp_path / "s.db"), "studio", "apply", str(bad)
    )
    assert code == 2 and f"{bad}:2: not valid TOML" in err


def test_a_locked_series_cannot_change_through_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(tmp_path / "studio.db")
    assert run(capsys, "--database", url, "studio", "apply", str(EXAMPLE))[0] == 0
    database = Database(url)
    with database.write() as session:
        from podyx_desktop.db import tables as t

        session.get(t.ReceiptSeries, 1).locked = True  # type: ignore[union-attr]
    changed = tmp_path / "series.toml"
    changed.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace('prefix = "R-"', 'prefix = "INV-"')
    )
    code, _, err = run(capsys, "--database", url, "studio", "apply", str(changed))
    assert code == 2 and "receipts.receipt: the series is locked" in err, err
    assert f"{changed}:" in err


def test_key_lines_follow_arrays_of_tables() -> None:
    lines = key_lines(BAD)
    assert lines[("rooms", 0, "setups", 0, "name")] == 16
    assert lines[("services", 0, "setups")] == 25
    with pytest.raises(StudioFileInvalid) as refused:
        read_studio_file(BAD.replace('colour = "red"\n', ""))
    assert len(refused.value.errors) == 4


def test_the_cli_needs_an_action(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--database", sqlite_url(tmp_path / "s.db"), "studio")
    assert code == 2 and "studio apply FILE.toml" in err


@pytest.mark.postgres
def test_apply_and_export_on_postgresql(
    postgres_admin_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pg_databases import create_database, drop_database, unique_database_name

    name = unique_database_name("podyx_studio")
    url = create_database(postgres_admin_url, name)
    try:
        code, out, err = run(capsys, "--database", url, "studio", "apply", str(EXAMPLE))
        assert code == 0, err
        assert "created with 2 rooms" in out
        exported = tmp_path / "exported.toml"
        assert run(capsys, "--database", url, "studio", "export", str(exported))[0] == 0
        code, out, _ = run(capsys, "--database", url, "studio", "apply", str(exported))
        assert code == 0 and "nothing to change" in out, out
    finally:
        drop_database(postgres_admin_url, name)
