"""``podyx-admin check totals [--repair]``: the client list's kept totals against the data.

Every client's total spent, purchases, bookings, active bundles and last visit are kept
in ``client_totals`` by database triggers (migration 0006). This recomputes each from the
purchases, bookings and bundles (:meth:`TotalsService.check`, as the system), prints every
difference as a sentence, and with ``--repair`` writes the recomputed values. Exit 0: no
differences (or all repaired); 1: differences found and left; 2: could not check.
"""

from __future__ import annotations

from datetime import datetime

from podyx_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PROBLEMS,
    Invocation,
    open_database,
    schema_revision,
)

LABELS = {
    "spent_minor": "total spent (in minor units, e.g. cents)",
    "purchases": "number of purchases",
    "bookings": "number of bookings",
    "active_bundles": "number of active bundles",
    "last_visit": "last visit",
    "search_key": "search key",
}


def _value(value: object) -> str:
    if isinstance(value, datetime):
        return "none" if value.year == 1970 else value.strftime("%Y-%m-%d %H:%M UTC")
    return "nothing" if value is None else str(value)


def run_check_totals(invocation: Invocation) -> int:
    from podyx_desktop.db.migrate import head_revision
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

    repair = bool(getattr(invocation.args, "repair", False))
    with open_database(invocation) as database:
        revision = schema_revision(database)
        if revision != head_revision():
            print(
                f"{database.display_url} has schema {revision or 'none'}, this app "
                f"{head_revision()}: upgrade it first with “podyx-admin init”."
            )
            return EXIT_FAILED
        found = Services(database).totals.check(Principal.system(), repair=repair)
    as_of = f" (active bundles and last visits as of {_value(found.as_of)})" if found.as_of else ""
    print(
        f"Checked the kept totals of {found.clients:,} accounts against their purchases, "
        f"bookings and bundles{as_of}."
    )
    for difference in found.differences:
        who = f"{difference.full_name} (account {difference.client_id})"
        if difference.column == "row":
            print(f"{who} has no totals row.")
            continue
        label = LABELS.get(difference.column, difference.column)
        print(
            f"{who}: the {label} is kept as {_value(difference.kept)}, "
            f"but the records give {_value(difference.actual)}."
        )
    if not found.differences:
        print("OK: every kept total matches.")
        return EXIT_OK
    clients = len({d.client_id for d in found.differences})
    if found.repaired:
        print(f"Repaired the totals of {clients:,} accounts from their records.")
        return EXIT_OK
    print(
        f"{len(found.differences):,} differences in {clients:,} accounts. Run "
        "“podyx-admin check totals --repair” to write the recomputed values."
    )
    return EXIT_PROBLEMS
