"""``podyx-admin studio apply FILE.toml [--dry-run]`` and ``podyx-admin studio export [FILE]``:
the studio as a declarative file for IT (``docs/studio-file.md``).

``apply`` creates the studio (an empty database: schema included) or brings it in line
with the file and prints each change; new staff get one-time codes, printed once.
``--dry-run`` prints the changes and writes nothing. An invalid file is refused with every
problem's line and key path, and nothing is written (exit 2). ``export`` writes the
current studio (staff without secrets) to FILE or standard output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from podyx_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    PROG,
    Command,
    Invocation,
    open_database,
    target,
)

HELP = "create or update the studio from a TOML file, or export it as one"


def studio_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="studio_action", metavar="ACTION")
    apply = actions.add_parser("apply", help="create or update the studio from FILE.toml")
    apply.add_argument("file", metavar="FILE.toml", type=Path)
    apply.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    export = actions.add_parser("export", help="write the studio as TOML to FILE (or stdout)")
    export.add_argument("file", metavar="FILE", type=Path, nargs="?")


def run_studio(invocation: Invocation) -> int:
    action = getattr(invocation.args, "studio_action", None)
    if action == "apply":
        return _apply(invocation)
    if action == "export":
        return _export(invocation)
    print(
        f"{PROG}: name an action: `studio apply FILE.toml` or `studio export [FILE]`.",
        file=sys.stderr,
    )
    return EXIT_FAILED


def _apply(invocation: Invocation) -> int:
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import upgrade_to_head
    from podyx_desktop.services import Services
    from podyx_desktop.services.studio_apply import apply_studio_file
    from podyx_desktop.services.studio_file import StudioFileInvalid, read_studio_file

    path: Path = invocation.args.file
    dry_run: bool = invocation.args.dry_run
    source = path.read_text(encoding="utf-8")
    try:
        file = read_studio_file(source)
    except StudioFileInvalid as refused:
        _refuse(path, refused)
        return EXIT_FAILED
    where = target(invocation)
    if dry_run and where.sqlite_path is not None and not where.sqlite_path.exists():
        database = Database(where.connect_url)  # never connected: the file is not created
        report = apply_studio_file(Services(database), file, dry_run=True, empty=True)
    else:
        with open_database(invocation, create=not dry_run) as database:
            if not dry_run:
                upgrade_to_head(database)
            try:
                report = apply_studio_file(Services(database), file, dry_run=dry_run)
            except StudioFileInvalid as refused:
                _refuse(path, refused)
                return EXIT_FAILED
    if not report.changes:
        print(f"{database.display_url} already matches {path}; nothing to change.")
        return EXIT_OK
    verb = "Would change" if dry_run else "Changed"
    print(f"{verb} {database.display_url} from {path}:")
    for change in report.changes:
        print(f"  {change}")
    if report.codes:
        print("New staff sign in once with these one-time codes (shown only now):")
        for email, code in report.codes:
            print(f"  {email}: {code}")
    if dry_run:
        print("Dry run: nothing was written.")
    return EXIT_OK


def _refuse(path: Path, refused: object) -> None:
    from podyx_desktop.services.studio_file import StudioFileInvalid

    assert isinstance(refused, StudioFileInvalid)
    print(f"{PROG}: {path}: {refused.message}", file=sys.stderr)
    for error in refused.errors:
        where = f"{path}:{error.line}" if error.line else str(path)
        key = f" {error.path}:" if error.path else ""
        print(f"{where}:{key} {error.message}", file=sys.stderr)


def _export(invocation: Invocation) -> int:
    import tomli_w

    from podyx_desktop.services import Services
    from podyx_desktop.services.studio_export import export_studio

    target: Path | None = invocation.args.file
    with open_database(invocation) as database:
        text = tomli_w.dumps(export_studio(Services(database)))
    header = "# Podyx studio file: `podyx-admin studio apply` reads it (docs/studio-file.md).\n"
    if target is None:
        sys.stdout.write(header + text)
    else:
        target.write_text(header + text, encoding="utf-8")
        print(f"Wrote the studio of {database.display_url} to {target}.")
    return EXIT_OK


STUDIO = Command("studio", HELP, run_studio, studio_arguments)
