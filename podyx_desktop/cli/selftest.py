"""``podyx-admin selftest``: is this installation able to run Podyx against its database?

Reads only: opens the database and reads the studio and its catalogue, then checks what
the app relies on beside it (time zone data, Argon2id, phone number data, the PDF fonts,
the keyring). Renders nothing heavy. Every check runs even when an earlier one fails.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from podyx_desktop import __version__
from podyx_desktop.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Command,
    Invocation,
    describe_error,
    open_database,
    schema_revision,
)
from podyx_desktop.cli.config_report import config_report
from podyx_desktop.domain.errors import DatabaseProblem, PodyxError

if TYPE_CHECKING:
    from podyx_desktop.db.engine import Database


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def _schema(database: Database) -> str:
    from podyx_desktop.db.migrate import head_revision

    revision, head = schema_revision(database), head_revision()
    if revision != head:
        raise PodyxError(
            f"the schema is {revision or 'missing'}, this app needs {head}. Run "
            "`podyx-admin init` (a backup is taken first)."
        )
    return f"{database.display_url}, schema {revision}"


def _studio(database: Database) -> str:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

    services = Services(database)
    try:
        catalogue = services.catalogue.get_catalogue(Principal.system())
    except DatabaseProblem:
        raise
    except PodyxError:
        return "no studio set up yet (`podyx-admin demo` loads a demo studio)"
    bookings = services.bookings.count(Principal.system())
    return (
        f"“{catalogue.studio.name}”: {len(catalogue.rooms)} rooms, {len(catalogue.setups)} "
        f"setups, {len(catalogue.services)} services, {bookings} bookings"
    )


def _time_zones() -> str:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    ZoneInfo("America/New_York")
    return f"IANA time zone data found ({berlin.key} and others)"


def _password_hashing() -> str:
    from argon2 import PasswordHasher

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if not hasher.verify(hasher.hash("selftest password"), "selftest password"):
        raise PodyxError("Argon2id did not verify its own hash")
    return "Argon2id hashes and verifies"


def _phone_numbers() -> str:
    import phonenumbers

    if not phonenumbers.is_valid_number(phonenumbers.parse("+49 30 23125600")):
        raise PodyxError("the phone number data is missing or damaged")
    return "phone number data found"


def _fonts() -> str:
    from podyx_desktop.documents import fonts

    missing = [
        name
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
        if not (fonts.FONTS_DIR / name).is_file()
    ]
    if missing:
        raise PodyxError(f"missing in {fonts.FONTS_DIR}: {', '.join(missing)}")
    return f"PDF fonts found in {fonts.FONTS_DIR}"


def _keyring() -> str:
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    from podyx_desktop.os_keyring import use_system_keyring

    use_system_keyring()  # the backend the app would use
    backend = keyring.get_keyring()
    if isinstance(backend, FailKeyring):
        return "no keyring backend: sign-ins are not remembered and passwords are asked for"
    return f"{type(backend).__module__}.{type(backend).__name__}"


def run_checks(database: Database | None) -> list[CheckResult]:
    """Every check; without a database (it did not open), only those that need none."""
    checks: list[tuple[str, Callable[[], str]]] = []
    if database is not None:
        checks += [
            ("database", lambda: _schema(database)),
            ("studio", lambda: _studio(database)),
        ]
    checks += [
        ("time zones", _time_zones),
        ("password hashing", _password_hashing),
        ("phone numbers", _phone_numbers),
        ("PDF fonts", _fonts),
        ("keyring", _keyring),
    ]
    results = []
    for name, check in checks:
        try:
            results.append(CheckResult(name, True, check()))
        except Exception as error:  # report every failure, then go on with the next check
            results.append(CheckResult(name, False, describe_error(error)))
    return results


def run_selftest(invocation: Invocation) -> int:
    report = invocation.args.report
    try:
        with open_database(invocation) as database:
            schema_revision(database)  # a database newer than the app is refused outright
            results = run_checks(database)
    except PodyxError as error:
        if report is None:
            raise
        # support needs the report most when the database does not open
        results = [CheckResult("database", False, describe_error(error)), *run_checks(None)]
    lines = [f"{'ok  ' if r.ok else 'FAIL'}  {r.name}: {r.detail}" for r in results]
    failures = sum(not result.ok for result in results)
    lines.append(f"{failures} of {len(results)} checks failed." if failures else "OK")
    for line in lines:
        print(line)
    if report is not None:
        written = write_report(Path(report), lines, config_report(invocation.config))
        print(f"Support report written to {written}: send it to whoever supports your studio.")
    return EXIT_PROBLEMS if failures else EXIT_OK


def versions() -> list[str]:
    """This program's and its main libraries' versions, and the platform."""
    import platform
    import sqlite3
    from importlib.metadata import PackageNotFoundError, version

    lines = [
        f"Podyx Desktop {__version__}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"platform {platform.platform()}",
        f"SQLite {sqlite3.sqlite_version}",
    ]
    for package in (
        "PySide6-Essentials", "SQLAlchemy", "alembic", "psycopg", "reportlab", "keyring",
        "argon2-cffi", "babel", "platformdirs", "icalendar", "fastapi", "uvicorn", "httpx",
    ):  # fmt: skip
        try:
            lines.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            lines.append(f"{package}: not installed as a distribution (frozen bundle?)")
    return lines


def write_report(path: Path, checks: list[str], configuration: list[str]) -> Path:
    """A zip for support: the log files, the configuration (secrets hidden), versions and
    the self-test's results. Log lines were redacted when written; they are redacted
    again here, in case a file came from an older version."""
    from podyx_desktop.log_files import log_folder, redact

    path = path.expanduser()
    if path.suffix.lower() != ".zip":
        path = path.with_suffix(path.suffix + ".zip") if path.suffix else path.with_suffix(".zip")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr("selftest.txt", "\n".join(checks) + "\n")
            bundle.writestr("configuration.txt", "\n".join(configuration) + "\n")
            bundle.writestr("versions.txt", "\n".join(versions()) + "\n")
            folder = log_folder()
            for log_file in sorted(folder.glob("*.log*")) if folder.is_dir() else []:
                text = log_file.read_text(encoding="utf-8", errors="replace")
                bundle.writestr(f"logs/{log_file.name}", redact(text))
    except OSError as error:
        raise PodyxError(
            f"The report cannot be written to {path} ({error.strerror or error}). "
            "Choose a folder you can write to."
        ) from None
    return path


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--report",
        metavar="FILE",
        help="also write a zip for support: logs, configuration (no secrets), versions, "
        "and these results",
    )


SELFTEST = Command(
    "selftest", "check that this installation can run Podyx", run_selftest, _arguments
)
