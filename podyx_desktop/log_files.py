"""The log file support can ask for: one rotating file per program in the user's log
folder (platformdirs), with no secrets in it.

``podyx-desktop.log`` and ``podyx-admin.log`` (1 MB each, five older files kept) take
INFO and above from every Podyx module whatever the console shows, so a window started
without a console still leaves a trace. Every line passes :func:`redact` first: a
password in a database URL or a ``password=…`` pair never reaches the file. ``PODYX_LOG_DIR``
moves the folder (tests, portable installs). ``podyx-admin selftest --report FILE`` zips
the folder's logs with the configuration and the self-test's results.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from podyx_desktop import APP_NAME, ORGANIZATION

LOG_DIR_ENV = "PODYX_LOG_DIR"
MAX_BYTES = 1_000_000
BACKUPS = 5
FILE_FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"

# scheme://user:PASSWORD@host — the password part, whatever the scheme
_URL_PASSWORD = re.compile(r"(?P<head>[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)[^@\s]*(?P<at>@)")
# password=…, passwd: …, token=…, secret="…" (DSNs, query strings, reprs)
_PAIR = re.compile(
    r"(?P<key>\b(?:password|passwd|pwd|token|secret)\b['\"]?\s*[=:]\s*)(?P<quote>['\"]?)"
    r"[^\s'\",&;)]+(?P=quote)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """``text`` with passwords and tokens replaced by ``***``."""
    text = _URL_PASSWORD.sub(r"\g<head>***\g<at>", text)
    return _PAIR.sub(r"\g<key>\g<quote>***\g<quote>", text)


class RedactSecrets(logging.Filter):
    """Rewrites each record's final message (and traceback text) through :func:`redact`."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def log_folder() -> Path:
    """Where the log files go: ``$PODYX_LOG_DIR``, else the user's log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, ORGANIZATION)


def start_log_file(program: str) -> Path | None:
    """Send INFO and above of every Podyx module to ``<log folder>/<program>.log``.

    Returns the file, or None when it cannot be written (said once on stderr; the
    program goes on without it). Calling it again for the same file adds nothing.
    """
    path = log_folder() / f"{program}.log"
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        print(f"{program}: cannot write the log file {path}: {error.strerror}", file=sys.stderr)
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FILE_FORMAT))
    handler.addFilter(RedactSecrets())
    root.addHandler(handler)
    package = logging.getLogger("podyx_desktop")
    if package.getEffectiveLevel() > logging.INFO:
        package.setLevel(logging.INFO)  # the file wants INFO; consoles keep their own level
    return path


def console_handler(level: str, fmt: str) -> logging.Handler:
    """A stderr handler at ``level`` (the console shows what the user asked for)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(fmt))
    handler.addFilter(RedactSecrets())
    return handler
