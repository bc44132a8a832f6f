"""The studio server's API, as the window calls it: one HTTPS connection pool, the bearer
token, the pinned certificate, and the server's problem documents turned back into the
errors the services would have raised in-process (same class, same sentence).

Blocking calls (httpx); the remote backend runs them off the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from podyx_desktop.domain import errors
from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.domain.message import Message, m
from podyx_desktop.domain.records import SignedIn, StudioInfo
from podyx_desktop.server.ops import BY_NAME, Wire, load_studio

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(15.0, connect=5.0)
USER_AGENT = "Podyx Desktop"


class StudioUnreachable(PodyxError):
    """The studio server did not answer (offline, the server down, a broken network)."""


class CertificateChanged(PodyxError):
    """The server showed a certificate other than the one pinned on first use."""


def tls_context(pinned_pem: str | None) -> ssl.SSLContext | bool:
    """Trust exactly the pinned certificate when there is one (a studio's self-signed
    certificate, accepted once by its fingerprint); else the system's authorities."""
    if not pinned_pem:
        return True
    context = ssl.create_default_context(cadata=pinned_pem)
    context.check_hostname = False  # the pin is stronger than a name: it is this one certificate
    return context


def error_of(response: httpx.Response) -> PodyxError:
    """The error a problem document names, with its sentence."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    detail = body.get("detail") if isinstance(body, dict) else None
    code = body.get("code") if isinstance(body, dict) else None
    if not isinstance(detail, str) or not detail:
        detail = m(
            "The studio server answered {status_code}; try again later.",
            status_code=response.status_code,
        )
    message = body.get("message") if isinstance(body, dict) else None
    if isinstance(message, dict) and isinstance(message.get("source"), str):
        # the sentence's id and fields, for the window's language; one this version
        # cannot fill in stays the English text
        with contextlib.suppress(KeyError, IndexError, ValueError, TypeError):
            detail = Message.from_data(message)
    cls = getattr(errors, code, None) if isinstance(code, str) else None
    if isinstance(cls, type) and issubclass(cls, PodyxError):
        if cls is errors.PromoRefused:
            return errors.PromoRefused(detail, str(body.get("reason", "")))
        if cls is errors.InvalidInput:
            return errors.InvalidInput(detail, body.get("field"))
        try:
            return cls(detail)
        except TypeError:
            return PodyxError(detail)
    if response.status_code == 401:
        return errors.SessionExpired(detail)
    return PodyxError(detail)


class StudioApi:
    """One studio server: ``address`` (``https://host:port``), the session token once
    signed in."""

    def __init__(
        self,
        address: str,
        *,
        pinned_pem: str | None = None,
        token: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.address = address.rstrip("/")
        self.token = token
        # made on first use, off the GUI thread (an SSL context loads certificates)
        self._pinned_pem = pinned_pem
        self._transport = transport
        self._made: httpx.Client | None = None
        self._verify: ssl.SSLContext | bool | None = None
        self._lock = threading.RLock()
        self._feed: httpx.Client | None = None

    @property
    def _client(self) -> httpx.Client:
        with self._lock:
            if self._made is None:
                self._made = self._new_client(self._transport)
            return self._made

    def _new_client(self, transport: httpx.BaseTransport | None = None) -> httpx.Client:
        with self._lock:
            if self._verify is None:
                self._verify = tls_context(self._pinned_pem)
        return httpx.Client(
            base_url=self.address,
            verify=self._verify,
            timeout=TIMEOUT,
            headers={"user-agent": USER_AGENT},
            transport=transport,
            # idle connections go before the server's keep-alive (uvicorn: 5 s) closes them,
            # so a request is never sent on a connection being closed
            limits=httpx.Limits(keepalive_expiry=2.0),
        )

    def close(self) -> None:
        self.stop_changes()
        if self._made is not None:
            self._made.close()

    def stop_changes(self) -> None:
        """End :meth:`changes` from another thread (its connection is closed under it)."""
        feed, self._feed = self._feed, None
        if feed is not None:
            feed.close()

    def unreachable(self) -> StudioUnreachable:
        return StudioUnreachable(
            m(
                "Podyx cannot reach your studio at {address} right now, so nothing was "
                "changed. What you have is still here to read; try again once you are connected.",
                address=self.address,
            )
        )

    def no_answer(self) -> StudioUnreachable:
        """The request went out but no answer came: whether it was done is not known."""
        return StudioUnreachable(
            m(
                "Your studio at {address} stopped answering before it replied. If you were "
                "changing something, check whether it was saved once you are connected again: "
                "your lists will show it.",
                address=self.address,
            )
        )

    def _headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"} if self.token else {}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, path, headers=self._headers(), **kwargs)
        except httpx.HTTPError as error:
            if isinstance(error, httpx.ConnectError) and "CERTIFICATE" in str(error).upper():
                raise CertificateChanged(
                    m(
                        "The studio server at {address} showed a different certificate "
                        "from the one this computer trusted before. Nothing was sent. Ask the "
                        "studio whether they changed it, then connect again.",
                        address=self.address,
                    )
                ) from None
            log.info("the studio server did not answer: %s", error)
            if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
                raise self.unreachable() from None  # the request never left
            raise self.no_answer() from None
        if response.status_code >= 400:
            raise error_of(response)
        return response

    # --- the API ----------------------------------------------------------------------

    def studio(self) -> StudioInfo:
        return load_studio(self.request("GET", "/v1/studio").json())

    def call(self, wire: Wire, request: Any) -> tuple[Any, Changes]:
        response = self.request("POST", f"/v1/ops/{wire.name}", json=wire.dump_request(request))
        return wire.load_result(response.json())

    def sign_in(self, email: str, password: str, device: str) -> SignedIn:
        response = self.request(
            "POST", "/v1/session", json={"email": email, "password": password, "device": device}
        )
        signed_in, _changes = BY_NAME["SignIn"].load_result(response.json())
        self.token = signed_in.token
        assert isinstance(signed_in, SignedIn)
        return signed_in

    def sign_out(self) -> None:
        if self.token:
            self.request("DELETE", "/v1/session")
        self.token = None

    def batch(self, cursor: int) -> dict[str, Any]:
        data: dict[str, Any] = self.request("GET", "/v1/sync", params={"cursor": cursor}).json()
        return data

    @contextmanager
    def download(self, file_id: int, start: int) -> Iterator[tuple[httpx.Response, int]]:
        """The file's bytes from ``start`` (the server resumes with ``Range``), and the
        offset it actually starts at (0 when it sends the whole file again)."""
        headers = self._headers()
        if start:
            headers["range"] = f"bytes={start}-"
        try:
            with self._client.stream(
                "GET",
                f"/v1/files/{file_id}",
                headers=headers,
                timeout=httpx.Timeout(60.0, connect=5.0),
            ) as response:
                if response.status_code >= 400:
                    response.read()
                    raise error_of(response)
                yield response, (start if response.status_code == 206 else 0)
        except httpx.HTTPError:
            raise self.unreachable() from None

    def changes(
        self,
        on_event: Callable[[dict[str, Any]], None],
        stop: Callable[[], bool],
        cursor: int | None = None,
    ) -> None:
        """Follow the change feed until it ends, ``stop()`` says so, or the connection
        drops (StudioUnreachable); each event's data goes to ``on_event``. ``cursor``: the
        copy's, so that the first event says whether anything changed since."""
        import json

        from httpx_sse import connect_sse

        feed = self._feed = self._new_client()
        try:
            with connect_sse(
                feed,
                "GET",
                "/v1/changes",
                params={"cursor": cursor} if cursor else None,
                headers=self._headers(),
                timeout=httpx.Timeout(None, connect=5.0, read=45.0),
            ) as source:
                if source.response.status_code >= 400:
                    source.response.read()
                    raise error_of(source.response)
                for event in source.iter_sse():
                    if stop():
                        return
                    if event.event == "changes" and event.data:
                        on_event(json.loads(event.data))
        except (httpx.HTTPError, RuntimeError, OSError, ValueError):
            if stop():
                return
            raise self.unreachable() from None
        finally:
            feed.close()
