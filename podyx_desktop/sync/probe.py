"""What is at the address a client typed into "Connect to your studio": the certificate
the server shows (checked against a connect code's fingerprint, or to be shown for the
person to confirm when the system's authorities do not vouch for it) and the studio's
name. Blocking (a worker runs it)."""

from __future__ import annotations

import ssl
from urllib.parse import urlsplit

import httpx

from podyx_desktop.domain.connect_code import StudioProbe, read_address_or_code
from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.domain.message import m
from podyx_desktop.sync.api import CertificateChanged, StudioApi
from podyx_desktop.tls import certificate_fingerprint

TIMEOUT = 6.0


def probe(text: str) -> StudioProbe:
    info = read_address_or_code(text)
    address = info.address
    parts = urlsplit(address)
    pem: str | None = None
    fingerprint: str | None = None
    if parts.scheme == "https":
        host, port = parts.hostname or "", parts.port or 443
        try:
            pem = ssl.get_server_certificate((host, port), timeout=TIMEOUT)
        except (OSError, ssl.SSLError):
            raise PodyxError(
                m(
                    "Nothing answers at {address}. Check the address with your studio, and that "
                    "this computer is online.",
                    address=address,
                )
            ) from None
        fingerprint = certificate_fingerprint(pem.encode("ascii"))
        if info.fingerprint is not None and info.fingerprint != fingerprint:
            raise CertificateChanged(
                m(
                    "The server at {address} shows a certificate that does not match your "
                    "studio's code. Do not connect; ask the studio for a new code.",
                    address=address,
                )
            )
        if info.fingerprint is None and _trusted_by_system(address):
            pem = fingerprint = None  # a certificate from a public authority: no pin needed
    api = StudioApi(address, pinned_pem=pem)
    try:
        studio = api.studio()
    finally:
        api.close()
    return StudioProbe(address, studio.name, pem, fingerprint, info.fingerprint is not None)


def _trusted_by_system(address: str) -> bool:
    try:
        httpx.get(f"{address}/health", timeout=TIMEOUT)
    except httpx.ConnectError:
        return False
    except httpx.HTTPError:
        return True  # it answered over verified TLS, whatever it said
    return True
