"""Errors as JSON problem documents (RFC 9457) with a sentence, and nothing else.

A service's :class:`~podyx_desktop.domain.errors.PodyxError` keeps its own sentence and
names its class in ``code`` (the window raises the same class again); a request that
does not fit its schema says which field and how; anything unexpected is logged with its
traceback here and leaves as a sentence with a reference to that log line.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from podyx_desktop.domain import errors as e
from podyx_desktop.domain.message import Message
from podyx_desktop.server.guard import TooManyAttempts

log = logging.getLogger("podyx_desktop.server")

PROBLEM_TYPE = "application/problem+json"


class RangeNotSatisfiable(e.InvalidInput):
    """A ``Range`` the file cannot answer (416, with the file's size)."""

    def __init__(self, message: str, size: int) -> None:
        super().__init__(message)
        self.size = size


# the most specific class first
STATUS: tuple[tuple[type[e.PodyxError], int], ...] = (
    (e.SessionExpired, 401),
    (e.NotSignedIn, 401),
    (e.SignInFailed, 401),
    (e.AccountLocked, 423),
    (TooManyAttempts, 429),
    (RangeNotSatisfiable, 416),
    (e.NotAllowed, 403),
    (e.NotFound, 404),
    (e.DatabaseBusy, 503),
    (e.TimeTaken, 409),
    (e.NoCreditLeft, 409),
    (e.Conflict, 409),
    (e.PaymentRequired, 402),
    (e.DatabaseProblem, 503),
    (e.InvalidInput, 422),
    (e.RuleViolation, 422),
    (e.PromoRefused, 422),
)


def problem(
    status: int, detail: str, code: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body = {"type": "about:blank", "title": code, "status": status, "detail": detail, "code": code}
    body.update(extra)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_TYPE)


def status_of(error: e.PodyxError) -> int:
    for cls, status in STATUS:
        if isinstance(error, cls):
            return status
    return 400


def podyx_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, e.PodyxError)
    extra: dict[str, Any] = {}
    field = getattr(error, "field", None)
    if isinstance(field, str):
        extra["field"] = field
    reason = getattr(error, "reason", None)
    if isinstance(reason, str):
        extra["reason"] = reason
    if isinstance(error.message, Message):  # its id and fields, for the window's language
        extra["message"] = error.message.to_data()
    headers = None
    if isinstance(error, TooManyAttempts):
        headers = {"Retry-After": str(error.wait_seconds)}
    elif isinstance(error, RangeNotSatisfiable):
        headers = {"Content-Range": f"bytes */{error.size}"}
    return problem(status_of(error), error.message, type(error).__name__, headers, **extra)


def invalid_request(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    first = error.errors()[0] if error.errors() else {}
    if first.get("type") == "json_invalid":
        return problem(400, "The request's body is not valid JSON.", "InvalidRequest")
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("body",))
    message = str(first.get("msg", "is not valid"))
    detail = (
        f"The request was not understood: {where}: {message}."
        if where
        else f"The request was not understood: {message}."
    )
    return problem(422, detail, "InvalidRequest")


def http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    sentences = {
        404: "There is nothing at this address on the studio server.",
        405: "This address does not take that method.",
        400: "The request's body is not valid JSON.",
    }
    detail = sentences.get(error.status_code) or str(error.detail)
    code = "InvalidRequest" if error.status_code == 400 else "HttpError"
    return problem(error.status_code, detail, code, headers=getattr(error, "headers", None))


def refused_value(_request: Request, error: Exception) -> JSONResponse:
    """A value the database refuses (too long for its column, out of its range): the write
    was rolled back; the service should have said so in its own words."""
    assert isinstance(error, DataError)
    reference = secrets.token_hex(4)
    log.warning("the database refused a value (reference %s)", reference, exc_info=error)
    return problem(
        422,
        "A value in the request is too long or out of range for the studio's records.",
        "InvalidRequest",
        reference=reference,
    )


def unexpected(_request: Request, error: Exception) -> JSONResponse:
    if isinstance(error, RecursionError):
        return problem(400, "The request is nested too deeply to read.", "InvalidRequest")
    if isinstance(error, PoolTimeout):
        # every database connection of this process stayed busy: overloaded, not broken
        log.warning("no database connection was free in time: %s", error)
        return problem(
            503,
            "The studio server is busy. Try again in a moment.",
            "ServerBusy",
            headers={"Retry-After": "2"},
        )
    reference = secrets.token_hex(4)
    log.error("unexpected error (reference %s)", reference, exc_info=error)
    return problem(
        500,
        f"Something went wrong on the studio server. The studio can look it up in the "
        f"server's log under reference {reference}.",
        "ServerError",
        reference=reference,
    )
