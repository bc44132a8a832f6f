"""The studio server's TLS certificate as the desktop window and ``podyx-admin`` see it.

The window pins the server's certificate by the SHA-256 of its DER bytes (what
``ssl.SSLSocket.getpeercert(binary_form=True)`` returns, and what a connect code carries:
:mod:`podyx_desktop.domain.connect_code`). No Qt and no network here.
"""

from __future__ import annotations

from podyx_desktop.domain.errors import InvalidInput

PEM_MARKER = b"-----BEGIN CERTIFICATE-----"


def certificate_fingerprint(pem_or_der: bytes) -> str:
    """The SHA-256 fingerprint, 64 lower-case hex digits, of a certificate given as PEM (its
    first certificate; text around it is ignored) or DER. Raises :class:`InvalidInput` for
    anything that is not an X.509 certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    try:
        if PEM_MARKER in pem_or_der:
            start = pem_or_der.index(PEM_MARKER)
            certificate = x509.load_pem_x509_certificate(pem_or_der[start:])
        else:
            certificate = x509.load_der_x509_certificate(pem_or_der)
    except ValueError:
        raise InvalidInput(
            "This is not a TLS certificate (PEM or DER). Give the server's certificate file, "
            "e.g. podyx-server.crt, not its key.",
            field="certificate",
        ) from None
    return certificate.fingerprint(hashes.SHA256()).hex()
