"""``podyx-server``: serve the studio's database to clients at home.

    podyx-server --database URL --listen HOST:PORT [--cert FILE --key FILE]
                 [--workers N] [--trust-proxy ADDRESS] [--log-level LEVEL]

Plain HTTP only on a loopback address (behind a reverse proxy on the same machine, or for
a trial); any other address needs a certificate and its key. The database must exist and
be at this version's schema (``podyx-admin init`` / ``upgrade``); it is checked before the
server listens, so a wrong URL is one sentence, not a traceback per request.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from podyx_desktop import __version__
from podyx_desktop.domain.connect_code import is_loopback

PROG = "podyx-server"
DEFAULT_LISTEN = "127.0.0.1:8765"
EXIT_FAILED = 2


class JsonLines(logging.Formatter):
    """One JSON object a line: time, level, logger, message (and the traceback, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def log_config(level: str) -> dict[str, object]:
    """uvicorn's and ours, as JSON lines on stderr (journald keeps them)."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonLines"}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            "podyx_desktop": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }


def split_listen(text: str) -> tuple[str, int]:
    host, sep, port = text.strip().rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536 or not host:
        raise ValueError(f"“{text}” is not HOST:PORT; for example --listen 127.0.0.1:8765.")
    return host.strip("[]"), int(port)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG, description="The Podyx studio server for clients at home."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database", metavar="URL", default=os.environ.get("PODYX_DATABASE_URL"))
    parser.add_argument("--listen", metavar="HOST:PORT", default=DEFAULT_LISTEN)
    parser.add_argument("--cert", metavar="FILE", help="TLS certificate (PEM)")
    parser.add_argument("--key", metavar="FILE", help="the certificate's private key (PEM)")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="server processes")
    parser.add_argument(
        "--trust-proxy",
        metavar="ADDRESS",
        help="a reverse proxy whose X-Forwarded-For names the client (e.g. 127.0.0.1)",
    )
    parser.add_argument(
        "--sign-in-attempts",
        type=int,
        default=10,
        metavar="N",
        help="sign-in attempts one address may make a minute (default 10)",
    )
    parser.add_argument("--log-level", default="INFO", metavar="LEVEL")
    return parser.parse_args(list(argv))


def check(args: argparse.Namespace) -> tuple[str, int]:
    """The address to listen on, after refusing what cannot work, in words."""
    if not args.database:
        raise ValueError("Name the studio's database: --database URL (or PODYX_DATABASE_URL).")
    host, port = split_listen(args.listen)
    if bool(args.cert) != bool(args.key):
        raise ValueError("Give both --cert FILE and --key FILE, or neither.")
    if not args.cert and not is_loopback(host):
        raise ValueError(
            f"Plain HTTP is only served on a loopback address, not {host}. Give --cert and "
            "--key (podyx-admin server cert makes a trial pair), or listen on 127.0.0.1 "
            "behind a reverse proxy that serves HTTPS."
        )
    for path in (args.cert, args.key):
        if path and not os.path.isfile(path):
            raise ValueError(f"There is no file {path}.")
    if args.workers < 1 or args.workers > 64:
        raise ValueError("--workers takes a number from 1 to 64.")
    if args.log_level.upper() not in logging.getLevelNamesMapping():
        raise ValueError("--log-level takes DEBUG, INFO, WARNING or ERROR.")
    check_database(args.database)
    return host, port


def check_database(url: str) -> None:
    from podyx_desktop.db.engine import Database
    from podyx_desktop.db.migrate import head_revision
    from podyx_desktop.domain.errors import PodyxError

    try:
        database = Database(url)
        with database.engine.connect() as connection:
            from sqlalchemy import text

            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except PodyxError as error:
        raise ValueError(error.message) from None
    except Exception as error:
        raise ValueError(
            f"Cannot open the studio's database ({type(error).__name__}). Check the URL, "
            "that the database server runs, and that podyx-admin init has created it."
        ) from None
    if revision != head_revision():
        raise ValueError(
            f"The database is at schema {revision}, this server needs {head_revision()}: "
            "run podyx-admin init (it upgrades the schema, with a backup first)."
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        host, port = check(args)
    except ValueError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_FAILED
    import uvicorn

    os.environ["PODYX_DATABASE_URL"] = args.database
    os.environ["PODYX_SIGN_IN_ATTEMPTS"] = str(args.sign_in_attempts)
    level = args.log_level.upper()
    uvicorn.run(
        "podyx_desktop.server.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=args.workers,
        ssl_certfile=args.cert,
        ssl_keyfile=args.key,
        proxy_headers=bool(args.trust_proxy),
        forwarded_allow_ips=args.trust_proxy or None,
        log_config=log_config(level),
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=5,
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
