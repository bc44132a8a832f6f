"""The studio server's ASGI application: a versioned JSON API over the studio's services.

- ``GET /health``: 200 when the database answers, 503 with a sentence when not.
- ``GET /v1/studio``: the studio's public card (name, zone, currency), for the window's
  "Connect to your studio".
- ``POST /v1/session`` signs in (the per-address limit applies), ``DELETE /v1/session``
  signs out (revokes the bearer token).
- ``POST /v1/ops/{Name}``: one route per request a client's window sends
  (:data:`~podyx_desktop.server.ops.SERVER_REQUESTS`), its body and answer typed from the
  request class, run through the same services and principal checks as in the window.
- ``GET /v1/sync?cursor=N``: the caller's own records changed since ``N``.
- ``GET /v1/changes``: Server-Sent Events, the changes the caller may hear of.
- ``GET /v1/files/{id}``: a shared file's bytes (``Range`` resumes a dropped download).

Every error is a problem document with a sentence (:mod:`.problems`); every request is
logged as one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.exc import DataError
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from podyx_desktop import __version__
from podyx_desktop.domain.errors import NotAllowed, NotSignedIn, PodyxError, SessionExpired
from podyx_desktop.domain.principal import Principal
from podyx_desktop.operations.accounts import SignIn, SignOut
from podyx_desktop.operations.base import execute
from podyx_desktop.server import problems
from podyx_desktop.server.feed import ChangeHub
from podyx_desktop.server.guard import (
    MAX_INTEGER,
    AccessLog,
    AddressLimit,
    BodyLimit,
    bearer_token,
    check_values,
    principal_of,
)
from podyx_desktop.server.ops import SERVER_REQUESTS, Wire, dump_studio
from podyx_desktop.server.warm import warm_up
from podyx_desktop.services import Services
from podyx_desktop.services.client_copy import STAFF_REFUSED

log = logging.getLogger("podyx_desktop.server")
access = logging.getLogger("podyx_desktop.server.access")

API_VERSION = "v1"
LIMITED = frozenset({"SignIn", "SignUp", "SetPasswordWithCode"})  # guessable: per address
PASSWORD_CHECKS = 4  # sign-ins hashing at once, per process


class SignInBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(max_length=320)
    password: str = Field(max_length=1024)
    device: str = Field(default="", max_length=200)


class Health(BaseModel):
    status: str
    version: str


def create_app(
    services: Services, *, sign_in_limit: AddressLimit | None = None, own_process: bool = False
) -> FastAPI:
    """The application over ``services`` (one per process; it holds no client state).
    ``own_process``: the process serves nothing else (``podyx-server``), so what its
    start-up made can be frozen out of the garbage collector's way."""
    hub = ChangeHub(services)
    limit = sign_in_limit or AddressLimit()
    hashing = asyncio.Semaphore(PASSWORD_CHECKS)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(lambda: warm_up(services, freeze=own_process))  # before listening
        hub.start()
        try:
            yield
        finally:
            await hub.stop()

    app = FastAPI(
        title="Podyx studio server",
        version=__version__,
        summary="What a client's Podyx window does at the studio, over HTTPS.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = hub
    app.add_exception_handler(PodyxError, problems.podyx_error)
    app.add_exception_handler(RequestValidationError, problems.invalid_request)
    app.add_exception_handler(HTTPException, problems.http_error)
    app.add_exception_handler(DataError, problems.refused_value)
    app.add_exception_handler(Exception, problems.unexpected)
    app.add_middleware(BodyLimit)
    app.add_middleware(AccessLog, log=access)

    def caller(authorization: Annotated[str | None, Header()] = None) -> Principal:
        return principal_of(services.accounts.resume, bearer_token(authorization))

    def address(request: Request) -> str:
        return request.client.host if request.client else "unknown"

    # --- the studio and its health -------------------------------------------------

    @app.get("/health", response_model=Health, tags=["server"])
    def health() -> Any:
        from sqlalchemy import text

        try:
            with services.db.read() as session:
                session.execute(text("SELECT 1"))
        except Exception:
            log.warning("health: the database does not answer", exc_info=True)
            return problems.problem(
                503, "The studio server cannot reach its database.", "DatabaseUnreachable"
            )
        return Health(status="ok", version=__version__)

    @app.get(f"/{API_VERSION}/studio", tags=["studio"])
    def studio() -> Any:
        return dump_studio(services.catalogue.studio(Principal.anonymous()))

    # --- signing in and out --------------------------------------------------------

    sign_in_wire = next(w for w in SERVER_REQUESTS if w.cls is SignIn)

    @app.post(
        f"/{API_VERSION}/session",
        tags=["session"],
        response_model=sign_in_wire.result_model,
        summary="Sign in; the answer's token is the bearer token of the next requests",
    )
    async def sign_in(body: SignInBody, request: Request) -> Any:
        limit.check(address(request))
        check_values(body.model_dump())
        # Argon2 takes ~0.1 s of CPU and 64 MiB, inside a database transaction: a few at a
        # time, the rest wait here without a thread or a pooled connection (500 at once
        # held all 15 connections and the other requests timed out on the pool)
        async with hashing:
            return await run_in_threadpool(
                _run,
                services,
                sign_in_wire,
                Principal.anonymous(),
                SignIn(body.email, body.password, body.device),
            )

    @app.delete(
        f"/{API_VERSION}/session", tags=["session"], summary="Sign out: the token stops working"
    )
    def sign_out(
        principal: Principal = Depends(caller),
        authorization: Annotated[str | None, Header()] = None,
    ) -> Any:
        if principal.is_anonymous:
            raise NotSignedIn()
        execute(services, principal, SignOut(bearer_token(authorization)))
        return Response(status_code=204)

    # --- the named requests --------------------------------------------------------

    for wire in SERVER_REQUESTS:
        _add_op(app, services, wire, caller, limit, address)

    # --- the client's copy, the change feed, files -----------------------------------

    @app.get(f"/{API_VERSION}/sync", tags=["copy"], summary="Your records changed since a cursor")
    def sync(
        principal: Principal = Depends(caller),
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
    ) -> Any:
        return services.client_copy.batch(principal, cursor).to_data()

    @app.get(f"/{API_VERSION}/changes", tags=["copy"], summary="Server-Sent Events: your changes")
    async def changes(
        principal: Principal = Depends(caller),
        authorization: Annotated[str | None, Header()] = None,
        cursor: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    ) -> Any:
        """``cursor``: the copy's; the first event then also says (``since``) whether
        anything of the caller's changed after it, so a copy that missed nothing while it
        was away need not sync (a restarted server's clients all come back at once)."""
        if principal.is_anonymous or principal.user_id is None:
            raise NotSignedIn()
        if principal.is_staff:  # as /v1/sync: the feed tells a copy what to fetch
            raise NotAllowed(STAFF_REFUSED)
        client_id = principal.user_id
        token = bearer_token(authorization) or ""

        async def events() -> AsyncIterator[dict[str, str]]:
            first = True
            async for event in hub.listen(client_id):
                if first:  # the token was resumed a moment ago, to open the feed
                    first = False
                    if cursor is not None:
                        event = await asyncio.to_thread(_caught_up, event, cursor)
                else:
                    try:  # signed out or the password changed meanwhile: the feed ends
                        await asyncio.to_thread(services.accounts.resume, token)
                    except SessionExpired:
                        return
                yield {"event": "changes", "data": json.dumps(event, separators=(",", ":"))}

        def _caught_up(event: dict[str, Any], since: int) -> dict[str, Any]:
            heard = hub.heard_since(client_id, since, int(event["cursor"]))
            if heard is None:  # that part of the log is gone: the copy syncs as before
                return event
            return {"cursor": event["cursor"], "since": since, "changes": heard.to_data()}

        return EventSourceResponse(events(), ping=15)

    @app.get(f"/{API_VERSION}/files/{{file_id}}", tags=["files"], summary="A shared file's bytes")
    def file(
        file_id: Annotated[int, Path(ge=-MAX_INTEGER, le=MAX_INTEGER)],
        principal: Principal = Depends(caller),
        range_header: Annotated[str | None, Header(alias="range")] = None,
    ) -> Any:
        info = services.files.stored(principal, file_id)
        start = _range_start(range_header, info.size_bytes)
        headers = {
            "accept-ranges": "bytes",
            "content-length": str(info.size_bytes - start),
            "x-podyx-sha256": info.sha256 or "",
            "content-disposition": "attachment",
        }
        status = 200
        if start:
            status = 206
            headers["content-range"] = f"bytes {start}-{info.size_bytes - 1}/{info.size_bytes}"
        chunks: Iterator[bytes] = services.files.chunks_from(principal, file_id, start)
        return StreamingResponse(
            chunks, status_code=status, media_type="application/octet-stream", headers=headers
        )

    return app


def _run(services: Services, wire: Wire, principal: Principal, request: Any) -> JSONResponse:
    outcome = execute(services, principal, request)
    return JSONResponse(wire.dump_result(outcome.value, outcome.changes))


def _add_op(
    app: FastAPI,
    services: Services,
    wire: Wire,
    caller: Callable[..., Principal],
    limit: AddressLimit,
    address: Callable[[Request], str],
) -> None:
    body_model = wire.body_model

    # the caller is resumed in the endpoint's own thread (a dependency would be a second
    # hop to the thread pool for every request)
    def endpoint(request: Request, authorization: str | None = None, body: Any = None) -> Any:
        principal = caller(authorization)
        if wire.signed_in and principal.is_anonymous:
            raise NotSignedIn()
        if wire.name in LIMITED:
            limit.check(address(request))
        if body is None:  # no body at all: the request as if it were "{}"
            try:
                body = body_model.model_validate({})
            except ValidationError as error:
                raise RequestValidationError(error.errors()) from None
        data = body.model_dump(mode="python")
        check_values(data)
        return _run(services, wire, principal, wire.parse(data))

    # the body's type is the request's own model (FastAPI reads annotations)
    endpoint.__annotations__ = {
        "request": Request,
        "authorization": Annotated[str | None, Header()],
        "body": body_model,
        "return": Any,
    }
    app.post(
        f"/{API_VERSION}/ops/{wire.name}",
        tags=["anonymous" if not wire.signed_in else ("writes" if wire.writes else "reads")],
        summary=(wire.cls.__doc__ or wire.name).strip().splitlines()[0],
        response_model=wire.result_model,
        name=wire.name,
    )(endpoint)


def _range_start(header: str | None, size: int) -> int:
    """The offset of ``Range: bytes=N-`` (the only form a resuming download sends): N names
    a byte of the file; N equal to its size (nothing left: the window lost the connection
    after the last byte) is ignored and the whole file sent again, as a server may."""
    if not header:
        return 0
    unit, _, spec = header.partition("=")
    first, dash, last = spec.strip().partition("-")
    # ASCII digits, as many as a size can have (int() refuses over 4,300 of them: a 500)
    digits = first.isascii() and first.isdigit() and len(first) <= 19
    if unit.strip() != "bytes" or not dash or last or not digits:
        raise problems.RangeNotSatisfiable("Ask for a range as “bytes=N-”.", size)
    start = int(first)
    if start == size:
        return 0
    if start > size:
        raise problems.RangeNotSatisfiable(
            f"The file has {size} bytes; ask for a range that starts before its end.", size
        )
    return start


def app_from_environment() -> FastAPI:
    """uvicorn's factory: the database from ``PODYX_DATABASE_URL`` (set by ``podyx-server``)."""
    from podyx_desktop.db.engine import Database

    url = os.environ.get("PODYX_DATABASE_URL", "")
    attempts = int(os.environ.get("PODYX_SIGN_IN_ATTEMPTS", "10"))
    return create_app(
        Services(Database(url)), sign_in_limit=AddressLimit(attempts), own_process=True
    )
