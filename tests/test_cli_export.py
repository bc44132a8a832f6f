"""``export receipts|summaries``: PDFs in bulk, and every bad input refused before writing.

The commands run through a small argparse harness (``podyx-admin`` wires them in the same
way: :func:`add_export_commands` on its sub-commands, :func:`run_export` with the
configured URL), on a SQLite file filled through the services.
"""

from __future__ import annotations

import argparse
import io
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from podyx_desktop.cli import admin as cli
from podyx_desktop.cli.export import (
    EXPORT,
    ProgressBar,
    add_export_commands,
    run_export,
    safe_name,
)
from podyx_desktop.db.engine import Database, sqlite_url
from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, SeriesKind
from podyx_desktop.domain.errors import InvalidInput, NotSignedIn
from podyx_desktop.domain.numbering import SeriesFormat
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Purchase
from podyx_desktop.services import Services
from tests.conftest import FAST_HASHER, FakeClock
from tests.documents.pdfcheck import Pdf
from tests.factories import build_studio

# The test clock starts on Monday 2026-06-01, 08:00 in Berlin (the studio's zone).
MONDAY, TUESDAY, WEDNESDAY = date(2026, 6, 1), date(2026, 6, 2), date(2026, 6, 3)
FRIDAY = date(2026, 6, 5)


@dataclass
class Filled:
    """A SQLite studio with purchases on Monday (2 receipts) and Tuesday (1 receipt, 1
    credit note), one unpaid booking, and bookings on Wednesday and Friday."""

    url: str
    path: Path
    receipts: dict[date, list[Purchase]]  # by local issue day
    bookings: dict[date, list[int]]  # by local start day
    services: Services


@pytest.fixture
def filled(sqlite_database: Database) -> Filled:
    clock = FakeClock()
    services = Services(sqlite_database, clock=clock, hasher=FAST_HASHER)
    studio = build_studio(services)
    # "R/" is legal in a prefix but not in a file name: the export sanitises it.
    services.catalogue.configure_receipt_series(
        Principal.system(), SeriesKind.RECEIPT, SeriesFormat("R/")
    )
    ana = studio.client("Ana Client")
    services.purchases.add_store_credit(studio.owner, ana.account.id, 100_000, "x")
    monday_1 = studio.book(ana, studio.at(WEDNESDAY, 10), method=PaymentMethod.STORE_CREDIT)
    monday_2 = studio.book(ana, studio.at(WEDNESDAY, 14), method=PaymentMethod.STORE_CREDIT)
    studio.book(ana, studio.at(FRIDAY, 10), method=PaymentMethod.PAY_LATER)  # no receipt
    clock.advance(days=1)
    tuesday = studio.book(ana, studio.at(FRIDAY, 14), method=PaymentMethod.STORE_CREDIT)
    services.bookings.cancel(ana.principal, monday_2.booking.id, reason="ill")  # credit note
    purchases = services.purchases.list_for_client(ana.principal, ana.account.id)
    (credit,) = [p for p in purchases if p.kind is PurchaseKind.CREDIT_NOTE]
    get = services.purchases.get
    assert monday_1.purchase and monday_2.purchase and tuesday.purchase
    return Filled(
        url=sqlite_url(sqlite_database.url.database or ""),
        path=Path(sqlite_database.url.database or ""),
        receipts={
            MONDAY: [
                get(ana.principal, monday_1.purchase.id),
                get(ana.principal, monday_2.purchase.id),
            ],
            TUESDAY: [get(ana.principal, tuesday.purchase.id), credit],
        },
        bookings={
            WEDNESDAY: [monday_1.booking.id, monday_2.booking.id],
            FRIDAY: sorted(b.id for b in services.bookings.schedule(studio.desk, FRIDAY, FRIDAY)),
        },
        services=services,
    )


def parser() -> argparse.ArgumentParser:
    """What podyx-admin does with the commands, in miniature."""
    top = argparse.ArgumentParser(prog="podyx-admin")
    sub = top.add_subparsers(dest="command")
    add_export_commands(sub)
    return top


def export(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    args = parser().parse_args(["export", *argv])
    code = run_export(args, url)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def assert_refused(code: int, out: str, err: str) -> None:
    """Exit code 2, exactly one line on stderr, nothing on stdout."""
    assert code == 2, (out, err)
    assert err.startswith("podyx-admin: ") and err.count("\n") == 1, err
    assert out == ""


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# --- exporting ------------------------------------------------------------------------


def test_receipts_of_two_days(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out" / "receipts"  # created, parents too
    code, out, err = export(
        capsys,
        filled.url,
        "receipts",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-02",
        "--language",
        "en",
        str(out_dir),
    )
    assert code == 0, err
    expected = filled.receipts[MONDAY] + filled.receipts[TUESDAY]
    assert out == f"Exported 4 receipts to {out_dir} (1 of them credit note)\n"
    assert err == ""  # not a terminal: no progress bar
    names = {p.receipt_number.replace("/", "_") + ".pdf": p for p in expected if p.receipt_number}
    assert sorted(os.listdir(out_dir)) == sorted(names)
    assert any(name.startswith("R_2026-") for name in names)  # "R/2026-00001" sanitised
    for name, purchase in names.items():
        pdf = Pdf((out_dir / name).read_bytes())
        assert purchase.receipt_number is not None
        assert purchase.receipt_number in pdf.text
        assert f"Total {'credited' if purchase.gross_minor < 0 else 'paid'}" in pdf.text


def test_one_day_only_and_the_same_files_again(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    argv = ("receipts", "--from", "2026-06-02", "--to", "2026-06-02", str(out_dir))
    code, out, _err = export(capsys, filled.url, *argv)
    assert code == 0 and out.startswith("Exported 2 receipts")
    first = sorted(os.listdir(out_dir))
    assert len(first) == 2
    code, out, _err = export(capsys, filled.url, *argv)  # again: replaced, nothing left over
    assert code == 0 and sorted(os.listdir(out_dir)) == first


def test_no_receipts_in_the_range(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = export(
        capsys,
        filled.url,
        "receipts",
        "--from",
        "2026-05-01",
        "--to",
        "2026-05-31",
        str(tmp_path / "may"),
    )
    assert code == 0 and out == f"Exported 0 receipts to {tmp_path / 'may'}\n"
    assert os.listdir(tmp_path / "may") == []


def test_session_summaries(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    code, out, err = export(
        capsys,
        filled.url,
        "summaries",
        "--from",
        "2026-06-03",
        "--to",
        "2026-06-05",
        "--language",
        "en",
        str(out_dir),
    )
    assert code == 0, err
    ids = [(WEDNESDAY, i) for i in filled.bookings[WEDNESDAY]] + [
        (FRIDAY, i) for i in filled.bookings[FRIDAY]
    ]
    assert out == f"Exported {len(ids)} session summaries to {out_dir}\n"
    assert sorted(os.listdir(out_dir)) == sorted(f"session-{i}-{d}.pdf" for d, i in ids)
    for day, booking_id in ids:
        text = Pdf((out_dir / f"session-{booking_id}-{day}.pdf").read_bytes()).text
        assert f"Session summary Booking {booking_id}" in text


def test_rendering_on_two_processes(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = export(
        capsys,
        filled.url,
        "receipts",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-02",
        "--jobs",
        "2",
        str(tmp_path / "out"),
    )
    assert code == 0, err
    assert out.startswith("Exported 4 receipts")
    assert len(os.listdir(tmp_path / "out")) == 4
    for name in os.listdir(tmp_path / "out"):
        assert Pdf((tmp_path / "out" / name).read_bytes()).page_count == 1


def test_the_documents_language(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--language de`` writes German; without it, the studio's language (de_DE: German);
    ``--language en`` English with English dates, and a language Podyx lacks is refused."""
    days = ("--from", "2026-06-01", "--to", "2026-06-02")
    texts = {}
    for name, option in (("de", ("--language", "de")), ("default", ()), ("en", ("--language", "en"))):
        out_dir = tmp_path / name
        code, _out, err = export(capsys, filled.url, "receipts", *days, *option, str(out_dir))
        assert code == 0, err
        texts[name] = " ".join(Pdf(f.read_bytes()).text for f in sorted(out_dir.iterdir()))
    for german in (texts["de"], texts["default"]):
        assert "Belegnummer" in german and "Bezahlter Gesamtbetrag:" in german
        assert "Gutgeschriebener Gesamtbetrag:" in german and "Seite 1 von 1" in german
        assert "01.06.2026" in german  # de_DE: the studio's locale speaks German
        assert "Receipt number" not in german and "Total paid" not in german
    assert "Receipt number" in texts["en"] and "1 Jun 2026" in texts["en"]  # en_GB
    assert "Belegnummer" not in texts["en"] and "01.06.2026" not in texts["en"]

    code, _out, err = export(
        capsys, filled.url, "summaries", "--from", "2026-06-03", "--to", "2026-06-03",
        "--language", "de", str(tmp_path / "summaries"),
    )  # fmt: skip
    assert code == 0, err
    for pdf in (tmp_path / "summaries").iterdir():
        text = Pdf(pdf.read_bytes()).text
        assert "Terminübersicht Buchung" in text and "Mittwoch, 3. Juni 2026" in text
        assert "Session summary" not in text

    with pytest.raises(SystemExit):  # argparse refuses it, with the choices
        parser().parse_args(["export", "receipts", *days, "--language", "fr", "x"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal(
    filled: Filled,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    args = parser().parse_args(
        ["export", "receipts", "--from", "2026-06-01", "--to", "2026-06-02", str(tmp_path / "o")]
    )
    assert run_export(args, filled.url) == 0
    shown = terminal.getvalue()
    assert shown.startswith("\r[------------------------------] 0/4")
    assert shown.endswith("\r[##############################] 4/4\n")
    assert capsys.readouterr().out.startswith("Exported 4 receipts")


def test_the_progress_bar_draws_in_place() -> None:
    stream, now = io.StringIO(), [0.0]
    bar = ProgressBar(stream, 120, clock=lambda: now[0])
    bar.update(1)  # within 0.1 s of the last draw: skipped
    now[0] = 1.0
    bar.update(37)
    bar.update(120)  # the last one is always drawn
    bar.close()
    assert stream.getvalue().split("\r")[1:] == [
        "[------------------------------] 0/120",
        "[#########---------------------] 37/120",
        "[##############################] 120/120\n",
    ]


def test_safe_file_names() -> None:
    assert safe_name("R-2026-00041", "x") == "R-2026-00041"
    assert safe_name("RČ/2026:7", "x") == "R_2026_7"
    assert safe_name("../..", "purchase-5") == "purchase-5"
    assert safe_name("CON", "x") == "_CON"


def test_the_service_is_for_staff_and_counts_by_local_day(filled: Filled) -> None:
    exports = filled.services.exports
    system = Principal.system()
    monday = exports.purchases_between(system, MONDAY, MONDAY)
    assert [p.receipt_number for p in monday] == [p.receipt_number for p in filled.receipts[MONDAY]]
    assert all(p.paid_at and p.paid_at < datetime(2026, 6, 1, 22, tzinfo=UTC) for p in monday)
    assert exports.bookings_between(system, WEDNESDAY, WEDNESDAY) == filled.bookings[WEDNESDAY]
    with pytest.raises(NotSignedIn):
        exports.purchases_between(Principal.anonymous(), MONDAY, MONDAY)
    with pytest.raises(InvalidInput):
        exports.bookings_between(system, FRIDAY, MONDAY)


# --- refusals: one line, exit 2, nothing written ------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2026-13-01", "2026-06-02", "--from “2026-13-01” is not a date"),
        ("yesterday", "2026-06-02", "--from “yesterday” is not a date"),
        ("2026-06-01", "2026-6-2", "--to “2026-6-2” is not a date"),
        ("2026-06-03", "2026-06-02", "--from 2026-06-03 is after --to 2026-06-02"),
    ],
)
def test_bad_days(
    filled: Filled,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    first: str,
    last: str,
    message: str,
) -> None:
    out_dir = tmp_path / "out"
    code, out, err = export(
        capsys, filled.url, "receipts", "--from", first, "--to", last, str(out_dir)
    )
    assert_refused(code, out, err)
    assert message in err
    assert not out_dir.exists()


def test_a_folder_that_is_a_file(
    filled: Filled, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    before = files_under(tmp_path)
    for where in (a_file, a_file / "sub"):
        code, out, err = export(
            capsys, filled.url, "receipts", "--from", "2026-06-01", "--to", "2026-06-02", str(where)
        )
        assert_refused(code, out, err)
        assert "is a file" in err
    assert files_under(tmp_path) == before and a_file.read_text() == "keep me"


def test_a_folder_that_cannot_be_created(
    filled: Filled, capsys: pytest.CaptureFixture[str]
) -> None:
    where = Path("/proc/podyx-export-test/receipts")  # not even root can create this
    code, out, err = export(
        capsys, filled.url, "receipts", "--from", "2026-06-01", "--to", "2026-06-02", str(where)
    )
    assert_refused(code, out, err)
    assert "Cannot write to the folder /proc/podyx-export-test/receipts" in err
    assert not where.parent.exists()


def test_a_folder_that_refuses_writes(
    filled: Filled,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What a read-only folder does for a user who is not root, simulated for root too."""

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("podyx_desktop.cli.export.tempfile.mkstemp", refuse)
    where = tmp_path / "new" / "receipts"
    code, out, err = export(
        capsys, filled.url, "receipts", "--from", "2026-06-01", "--to", "2026-06-02", str(where)
    )
    assert_refused(code, out, err)
    assert f"Cannot write to the folder {where} (Permission denied)" in err
    assert not (tmp_path / "new").exists()  # the folders made for the export are gone again


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://someone@localhost/podyx", "does not support"),
        ("sqlite://", "needs a SQLite file"),
        ("{missing}", "There is no database at"),
        ("{not_sqlite}", "is not a SQLite database file"),
        ("{empty}", "is not a Podyx database yet"),
    ],
)
def test_a_bad_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, message: str
) -> None:
    (tmp_path / "plain.txt").write_text("not a database")
    sqlite3.connect(tmp_path / "empty.sqlite3").close()  # a SQLite file, no tables
    url = url.format(
        missing=sqlite_url(tmp_path / "missing" / "podyx.sqlite3"),
        not_sqlite=sqlite_url(tmp_path / "plain.txt"),
        empty=sqlite_url(tmp_path / "empty.sqlite3"),
    )
    before = files_under(tmp_path)
    out_dir = tmp_path / "out"
    code, out, err = export(
        capsys, url, "receipts", "--from", "2026-06-01", "--to", "2026-06-02", str(out_dir)
    )
    assert_refused(code, out, err)
    assert message in err
    assert files_under(tmp_path) == before  # no folder, no database file created


def test_an_unreachable_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = export(
        capsys,
        "postgresql://nobody@127.0.0.1:1/x",
        "summaries",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-02",
        str(tmp_path / "out"),
    )
    assert_refused(code, out, err)
    assert "Cannot reach the PostgreSQL server at 127.0.0.1:1" in err
    assert not (tmp_path / "out").exists()


# --- wired into podyx-admin ------------------------------------------------------------


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in ("PODYX_DATABASE_URL", "PODYX_LOG_LEVEL", "PGPASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "machine-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    before = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(before)


def test_as_a_podyx_admin_command(
    filled: Filled,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    isolated: None,
) -> None:
    assert EXPORT in cli.COMMANDS
    out_dir = tmp_path / "cli-out"
    code = cli.main(
        [
            "export",
            "receipts",
            "--from",
            "2026-06-01",
            "--to",
            "2026-06-01",
            str(out_dir),
            "--database",
            str(filled.path),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out == f"Exported 2 receipts to {out_dir}\n"
    code = cli.main(
        [
            "--database",
            str(filled.path),
            "export",
            "summaries",
            "--from",
            "2026-06-05",
            "--to",
            "2026-06-01",
            str(out_dir),
        ]
    )
    out, err = capsys.readouterr()
    assert_refused(code, out, err)
    assert "--from 2026-06-05 is after --to 2026-06-01" in err
