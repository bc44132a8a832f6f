"""Who is asking, and how much: bearer tokens, the per-address sign-in limit, body sizes.

A bearer token is the session token the accounts service hands out at sign-in (the one
the window keeps in the keyring); each request resumes it, so a token revoked by signing
out or by a password change is refused at once, on every server process. The per-address
limit slows guessing from one address across accounts (each account also locks itself
after repeated failures, in the database); it is kept per process, in memory.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import date
from typing import Any

from podyx_desktop.domain.errors import InvalidInput, PodyxError, SessionExpired
from podyx_desktop.domain.principal import Principal

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 64 * 1024  # a client's requests are small: names, times, choices
MAX_INTEGER = 2**63 - 1  # the largest number either database holds
YEARS = range(1000, 9001)  # dates the studio's arithmetic (a day's end, a session's) can take
# control characters (tabs and line breaks aside): PostgreSQL refuses NUL, and none of the
# rest belongs in a name, an address or a note; lone surrogates (JSON's "\ud800") are no
# characters at all, and no database driver can encode them
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class TooManyAttempts(PodyxError):
    """Too many sign-in attempts from one address."""

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(
            f"Too many sign-in attempts from your network. Wait {wait_seconds} seconds and "
            "try again, or ask the studio to help."
        )
        self.wait_seconds = wait_seconds


class AddressLimit:
    """At most ``attempts`` in any ``window`` seconds from one address."""

    def __init__(self, attempts: int = 10, window: float = 60.0) -> None:
        self.attempts = attempts
        self.window = window
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > 100_000:  # forget quiet addresses rather than grow forever
                self._seen = {
                    a: q for a, q in self._seen.items() if q and q[-1] > now - self.window
                }
            times = self._seen.setdefault(address, deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.attempts:
                raise TooManyAttempts(max(1, int(times[0] + self.window - now) + 1))
            times.append(now)


def check_values(data: Any, where: str = "") -> None:
    """Refuse in words what no field of a request may hold, before any service sees it:
    control characters in text, integers beyond what a database column holds, dates at
    the ends of the calendar."""
    if isinstance(data, str):
        if _CONTROL.search(data):
            raise InvalidInput(
                f"The request's {where or 'text'} contains a control character or a broken one. "
                "Remove it and try again.",
                field=where or None,
            )
    elif isinstance(data, int) and not isinstance(data, bool):
        if not -MAX_INTEGER <= data <= MAX_INTEGER:
            raise InvalidInput(
                f"The request's {where or 'number'} is too large.", field=where or None
            )
    elif isinstance(data, date):  # a datetime too
        if data.year not in YEARS:
            raise InvalidInput(
                f"The request's {where or 'date'} is not a date the studio keeps.",
                field=where or None,
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            check_values(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list | tuple):
        for value in data:
            check_values(value, where)


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise SessionExpired("Send the session token as “Authorization: Bearer TOKEN”.")
    return token.strip()


def principal_of(resume: Callable[[str], Any], token: str | None) -> Principal:
    """The caller: anonymous without a token; a refused token raises SessionExpired."""
    if token is None:
        return Principal.anonymous()
    return resume(token).principal


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes before anything reads them (413)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.limit):
                await _too_large(send, self.limit)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await _too_large(send, self.limit)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    import json

    body = json.dumps(
        {
            "type": "about:blank",
            "title": "TooLarge",
            "status": 413,
            "detail": f"The request is larger than the studio server takes ({limit // 1024} KiB).",
            "code": "TooLarge",
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class AccessLog:
    """One line per request (method, path, status, milliseconds to the answer's start, the
    client's address) in ``log`` at INFO; a plain ASGI middleware, so a request does not
    pay for an extra task and stream as through ``@app.middleware("http")``."""

    def __init__(self, app: ASGIApp, log: logging.Logger) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start":
                self._line(scope, int(message["status"]), started)
            await send(message)

        await self.app(scope, receive, answer)

    def _line(self, scope: Scope, status: int, started: float) -> None:
        method, path = scope["method"], scope["path"]
        client = scope.get("client")
        self.log.info(
            "%s %s %s",
            method,
            path,
            status,
            extra={
                "fields": {
                    "method": method,
                    "path": path,
                    "status": status,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "client": client[0] if client else None,
                }
            },
        )
