"""``podyx-admin``: the command line for IT and support.

Create or upgrade a database, check it, back it up while it is in use, load a demo
studio, show the resolved configuration, self-test an installation, and make the studio
server's trial certificate and connect code. Each command is a
:class:`~podyx_desktop.cli.common.Command` listed in :data:`COMMANDS`; heavy imports
(SQLAlchemy, the services) happen inside the commands, so ``podyx-admin --help`` starts
at once. Whatever goes wrong is one line on stderr starting with ``podyx-admin:``, never
a traceback.

Exit codes: 0 done; 1 ``check`` or ``selftest`` found problems; 2 the command could not
be done (bad input, an unreachable or unusable database) and nothing was changed;
130 interrupted; 141 the output pipe was closed (``| head``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from contextlib import suppress

from podyx_desktop import __version__
from podyx_desktop.cli.backup import BACKUP
from podyx_desktop.cli.common import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    PROG,
    Command,
    Invocation,
    describe_error,
    open_database,
    schema_revision,
)
from podyx_desktop.cli.config_report import config_report
from podyx_desktop.cli.export import EXPORT
from podyx_desktop.cli.selftest import SELFTEST
from podyx_desktop.cli.server_cert import SERVER
from podyx_desktop.cli.studio import STUDIO
from podyx_desktop.cli.totals import run_check_totals
from podyx_desktop.db.config import (
    resolve,
)
from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.log_files import console_handler, start_log_file

log = logging.getLogger(__name__)


# --- init ---------------------------------------------------------------------------


def run_init(invocation: Invocation) -> int:
    from podyx_desktop.db.migrate import head_revision, upgrade_to_head

    with open_database(invocation, create=True) as database:
        before = schema_revision(database)
        head = head_revision()
        if before == head:
            print(f"{database.display_url} is up to date (schema {head}); nothing to do.")
            return EXIT_OK
        backup = upgrade_to_head(database)
    if before is None:
        print(f"Created the Podyx database {database.display_url} (schema {head}).")
    else:
        print(f"Upgraded {database.display_url} from schema {before} to {head}.")
        if backup is not None:
            print(f"A backup was taken first: {backup}")
    return EXIT_OK


# --- check --------------------------------------------------------------------------


def run_check(invocation: Invocation) -> int:
    from podyx_desktop.db.migrate import check_database

    if invocation.args.what == "totals":
        return run_check_totals(invocation)
    if invocation.args.repair:
        raise PodyxError("--repair goes with “check totals”: podyx-admin check totals --repair")

    with open_database(invocation) as database:
        schema_revision(database)
        report = check_database(database)
    print(f"Database: {database.display_url}")
    print(f"Schema: {report.revision or 'none'} (this app: {report.head})")
    if report.ok:
        print("OK")
        return EXIT_OK
    for problem in report.problems:
        print(f"Problem: {problem}")
    return EXIT_PROBLEMS


def check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what", nargs="?", choices=["totals"], help="totals: the client list's kept totals"
    )
    parser.add_argument(
        "--repair", action="store_true", help="with totals: write the recomputed values"
    )


# --- demo ---------------------------------------------------------------------------


def run_demo(invocation: Invocation) -> int:
    from sqlalchemy import inspect, text

    from podyx_desktop.db.migrate import upgrade_to_head
    from podyx_desktop.demo.load import load_demo
    from podyx_desktop.services import Services

    with open_database(invocation, create=True) as database:
        schema_revision(database)
        with database.engine.connect() as connection:
            has_studio = "studio" in inspect(connection).get_table_names() and bool(
                connection.execute(text("SELECT count(*) FROM studio")).scalar()
            )
        if has_studio:
            raise PodyxError(
                f"{database.display_url} already has a studio; the demo is only loaded into an "
                "empty database. Name a new file, e.g. --database sqlite:///podyx-demo.sqlite3."
            )
        upgrade_to_head(database)
        started = time.perf_counter()
        logins = load_demo(Services(database))
        elapsed = time.perf_counter() - started
    print(f"Loaded “{logins.studio}” into {database.display_url} in {elapsed:.1f} s.")
    print("Sign in with any of these accounts:")
    print()
    print(logins.table())
    return EXIT_OK


# --- config -------------------------------------------------------------------------


def run_config(invocation: Invocation) -> int:
    for line in config_report(invocation.config):
        print(line)
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    Command("init", "create the database, or upgrade it (backing it up first)", run_init),
    Command(
        "check",
        "check the schema version and the data's integrity; “check totals [--repair]”: the "
        "client list's kept totals against the purchases, bookings and bundles",
        run_check,
        check_arguments,
    ),
    BACKUP,
    Command("demo", "create a database with a demo studio and print its logins", run_demo),
    Command("config", "show the configuration and where each value came from", run_config),
    SELFTEST,
    EXPORT,  # export receipts|summaries: podyx_desktop/cli_export.py
    STUDIO,  # studio apply|export: podyx_desktop/cli/studio.py
    SERVER,  # server cert|code: podyx_desktop/cli/server_cert.py
)


# --- the command line -----------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    # --database and --log-level work before or after the command name
    common = argparse.ArgumentParser(add_help=False)
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Set up, check and back up Podyx Desktop databases.",
        epilog="Exit codes: 0 done, 1 problems found, 2 could not be done (nothing changed), "
        "130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, default=None)
    _global_options(common, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name, help=command.help, description=command.help, parents=[common]
        )
        if command.arguments is not None:
            command.arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        default=default,
        help="sqlite:///PATH, postgresql://USER@HOST:PORT/DB or a file path "
        "(default: PODYX_DATABASE_URL, the settings, or the user's data folder)",
    )
    parser.add_argument(
        "--log-level",
        metavar="LEVEL",
        default=default,
        help="DEBUG, INFO, WARNING (default), ERROR or CRITICAL",
    )


CONSOLE_FORMAT = f"{PROG}: %(levelname)s: %(message)s"


def _fail(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        _fail(f"name a command: {', '.join(c.name for c in COMMANDS)}. See `{PROG} --help`.")
        return EXIT_FAILED
    package_log = logging.getLogger("podyx_desktop")
    level_before = package_log.level  # restored: main() may run inside another program
    try:
        config = resolve(
            {"database_url": args.database, "log_level": args.log_level}, flags_beat_lock=True
        )
        root = logging.getLogger()
        if not root.handlers:  # the console shows the configured level
            root.addHandler(console_handler(config.log_level.value, CONSOLE_FORMAT))
        package_log.setLevel(config.log_level.value)
        log_file = start_log_file(PROG)  # INFO and above, whatever the console shows
        log.info("%s %s: %s (log file %s)", PROG, __version__, args.command, log_file)
        if args.command != "config":
            for warning in config.warnings:
                log.warning(warning)
        code: int = args.run(Invocation(args, config))
        return code
    except KeyboardInterrupt:
        _fail("interrupted.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as shells expect
        with suppress(OSError, ValueError):  # what is still buffered goes nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # every error ends as one line; DEBUG logs the details
        log.debug("%s failed", args.command, exc_info=True)
        _fail(describe_error(error))
        return EXIT_FAILED
    finally:
        package_log.setLevel(level_before)


if __name__ == "__main__":
    sys.exit(main())
