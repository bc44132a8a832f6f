"""``podyx-admin selftest``: is this installation able to run Podyx against its database?

Reads only: opens the database and reads the studio and its catalogue, then checks what
the app relies on beside it (time zone data, Argon2id, phone number data, the PDF fonts,
the keyring). Renders nothing heavy. Every check runs even when an earlier one fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from podyx_desktop.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Command,
    Invocation,
    describe_error,
    open_database,
    schema_revision,
)
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

    backend = keyring.get_keyring()
    if isinstance(backend, FailKeyring):
        return "no keyring backend: sign-ins are not remembered and passwords are asked for"
    return f"{type(backend).__module__}.{type(backend).__name__}"


def run_checks(database: Database) -> list[CheckResult]:
    checks: list[tuple[str, Callable[[], str]]] = [
        ("database", lambda: _schema(database)),
        ("studio", lambda: _studio(database)),
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
    with open_database(invocation) as database:
        schema_revision(database)  # a database newer than the app is refused outright
        results = run_checks(database)
    for result in results:
        print(f"{'ok  ' if result.ok else 'FAIL'}  {result.name}: {result.detail}")
    failures = sum(not result.ok for result in results)
    if failures:
        print(f"{failures} of {len(results)} checks failed.")
        return EXIT_PROBLEMS
    print("OK")
    return EXIT_OK


SELFTEST = Command("selftest", "check that this installation can run Podyx", run_selftest)
