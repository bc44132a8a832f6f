"""Opening the database for an export, and the streamed CSV export: ``podyx-admin export purchases --from DAY --to DAY --csv FILE``
(every receipt and credit note issued between two local days as one CSV file), read a chunk at a
time (``ExportService.stream_purchases_between``) and written row by row, so the process's
memory stays flat however many purchases the days hold (``export receipts`` streams the
same way). The file is written beside its name and renamed into place when complete.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from podyx_desktop.cli.common import PROG, check_sqlite_file
from podyx_desktop.domain.errors import DatabaseProblem, PodyxError

if TYPE_CHECKING:
    from podyx_desktop.db.engine import Database
    from podyx_desktop.services import Services


def export_purchases_csv(services: Services, first: date, last: date, file: str) -> str:
    """Write the CSV and return the line to print (``Exported 120 purchases to FILE``)."""
    from podyx_desktop.documents.purchases_csv import write_purchases_csv, write_text_atomically
    from podyx_desktop.domain.principal import Principal

    path = Path(file).expanduser()
    if path.is_dir():
        raise PodyxError(
            f"{path} is a folder; give the CSV file's name, e.g. {path / 'purchases.csv'}."
        )
    if not path.parent.is_dir():
        raise PodyxError(f"The folder {path.parent} does not exist; create it first.")
    try:
        system = Principal.system()
        zone = services.catalogue.studio(system).time_zone
        rows = services.exports.stream_purchases_between(system, first, last)
        try:
            written = write_text_atomically(path, lambda out: write_purchases_csv(rows, out, zone))
        finally:
            rows.close()  # ends its read transaction
    finally:
        services.db.dispose()
    noun = "purchase" if written == 1 else "purchases"
    return f"Exported {written} {noun} to {path}"


def open_services(database_url: str) -> Services:
    """The services over an existing database of this version's schema, or a refusal."""
    from podyx_desktop.db.config import clean_database_url, hide_password
    from podyx_desktop.db.engine import Database, parse_url
    from podyx_desktop.services import Services

    try:
        raw = clean_database_url(database_url)
    except ValueError as error:
        raise DatabaseProblem(
            f"The database URL “{hide_password(database_url)}” cannot be used: {error}"
        ) from None
    url = parse_url(raw)
    if url.get_backend_name() == "sqlite":
        check_sqlite_file(Path(url.database or ""), must_exist=True)  # never creates one
    database = Database(raw)
    try:
        require_current_schema(database)
    except BaseException:
        database.dispose()
        raise
    return Services(database)


def require_current_schema(database: Database) -> None:
    from podyx_desktop.db.migrate import head_revision, refuse_newer, schema_state

    state = schema_state(database)
    refuse_newer(state)
    if state.revision is None:
        raise DatabaseProblem(
            f"{database.display_url} is not a Podyx database yet. Create it with "
            f"`{PROG} init`, or name another with --database."
        )
    if state.revision != head_revision():
        raise DatabaseProblem(
            f"{database.display_url} has schema {state.revision}; this app needs "
            f"{head_revision()}. Upgrade it with `{PROG} init` (a backup is taken first)."
        )
