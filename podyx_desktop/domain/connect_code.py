"""The studio server's address, and the connect code that carries it with the certificate.

A client at home reaches the studio through ``podyx-server`` over HTTPS (docs/server.md).
The window takes either the server's address or a *connect code* the studio hands out:
the address plus the SHA-256 fingerprint of the server's TLS certificate, which the window
pins. Everything here is text in, text out; nothing connects anywhere.

Addresses: :func:`normalize_address` turns what a person types (``studio.example.com``,
``studio.example.com:8443``, ``https://studio.example.com:8443/``,
``http://127.0.0.1:8765``) into one base URL, ``https://host[:port]``. The scheme is https
unless ``http://`` is written, and plain http is refused except for this machine
(127.0.0.0/8, ::1, ``localhost``). The default port of the scheme is dropped.

Connect codes: ``PODYX1-`` then groups of four base32 letters (RFC 4648 alphabet, no
padding) joined by dashes, e.g. ``PODYX1-AEZH-…-Q3XA``. They encode::

    flags (1 byte: bit 0 = http)  fingerprint (32 bytes)  host[:port] (ASCII)  check (4 bytes)

where *check* is the first four bytes of the SHA-256 of what precedes it, so a mistyped,
missing or swapped letter is caught. Reading ignores case, spaces and dashes, and reads
``0`` as ``O`` and ``1`` as ``I`` (base32 has neither digit).

Fingerprints are kept as 64 lower-case hex digits; :func:`format_fingerprint` shows them
as ``AB:CD:…`` and :func:`parse_fingerprint` reads either form back.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
from dataclasses import dataclass

from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import m

PREFIX = "PODYX1"
GROUP = 4
FINGERPRINT_BYTES = 32
CHECK_BYTES = 4
FLAG_HTTP = 0x01
DEFAULT_PORTS = {"https": 443, "http": 80}

TYPO = m("The code has a typo: check it against the one the studio gave you.")
EXAMPLE = m("e.g. studio.example.com or https://studio.example.com:8443")

_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
_CODE_SHAPE = re.compile(r"PODYX\d+[\s-][A-Z0-9\s-]*")
_FINGERPRINT_LABEL = re.compile(r"^(sha-?256)?\s*(fingerprint)?\s*[=:]?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ConnectInfo:
    """Where the studio's server is, and (from a connect code) its certificate's SHA-256
    fingerprint in lower-case hex; None when only an address was given."""

    address: str
    fingerprint: str | None = None


# --- addresses ----------------------------------------------------------------------


def normalize_address(text: str) -> str:
    """The canonical base URL ``scheme://host[:port]`` of what a person typed.

    Raises :class:`InvalidInput` with a sentence saying what to change.
    """
    raw = text.strip()
    if not raw:
        raise InvalidInput(
            m("Enter the studio's address, {example}.", example=EXAMPLE), field="address"
        )
    if any(ch.isspace() for ch in raw):
        raise InvalidInput(
            m(
                "The address cannot contain spaces; type it as one word, {example}.",
                example=EXAMPLE,
            ),
            field="address",
        )
    scheme, rest = _split_scheme(raw)
    if rest.endswith("/"):
        rest = rest[:-1]
    if "@" in rest:
        raise InvalidInput(
            m("Leave the user name and password out of the address; you sign in in the window."),
            field="address",
        )
    if any(ch in rest for ch in "/?#\\"):
        raise InvalidInput(
            m(
                "Give only the studio's address, without a path or anything after it, "
                "e.g. https://studio.example.com:8443."
            ),
            field="address",
        )
    host_text, port = _split_port(rest)
    host = normalize_host(host_text)
    if scheme == "http" and not is_loopback(host):
        raise InvalidInput(
            m(
                "Plain http:// is only allowed for a server on this computer (localhost, "
                "127.0.0.1); a studio's server is reached with https://. Use https:// or the "
                "connect code the studio gave you."
            ),
            field="address",
        )
    shown = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        shown = f"{shown}:{port}"
    return f"{scheme}://{shown}"


def normalize_host(text: str) -> str:
    """A host name in lower case (international names in their ``xn--`` form) or an IP
    address in its canonical form (IPv6 without brackets). Raises :class:`InvalidInput`."""
    host = text.strip()
    if host.startswith("[") and host.endswith("]"):
        return _ipv6(host[1:-1])
    if ":" in host:
        return _ipv6(host)
    if not host:
        raise InvalidInput(
            m("The address has no host name, {example}.", example=EXAMPLE), field="address"
        )
    if re.fullmatch(r"[0-9.]+", host):
        try:
            return str(ipaddress.IPv4Address(host))
        except ValueError:
            raise InvalidInput(
                m(
                    "“{host}” is not an IP address: four numbers from 0 to 255 with dots, "
                    "e.g. 192.168.1.20.",
                    host=host,
                ),
                field="address",
            ) from None
    name = host.lower().removesuffix(".")
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            raise InvalidInput(
                m("“{host}” is not a valid host name. Check the spelling.", host=host),
                field="address",
            ) from None
    labels = name.split(".")
    if len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise InvalidInput(
            m(
                "“{host}” is not a valid host name: use letters, digits, dots and dashes, "
                "{example}.",
                host=host,
                example=EXAMPLE,
            ),
            field="address",
        )
    return name


def address_host(address: str) -> str:
    """The canonical host of an address (IPv6 without brackets): what a certificate names."""
    rest = normalize_address(address).split("://", 1)[1]
    if rest.startswith("["):
        return rest[1 : rest.index("]")]
    return rest.split(":", 1)[0]


def is_loopback(host: str) -> bool:
    """Whether a canonical host (see :func:`normalize_host`) is this computer."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _split_scheme(raw: str) -> tuple[str, str]:
    if "://" not in raw:
        return "https", raw
    scheme, rest = raw.split("://", 1)
    scheme = scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InvalidInput(
            m(
                "Podyx reaches the studio with https:// (“{scheme}://” is not possible); "
                "give its address, {example}.",
                scheme=scheme,
                example=EXAMPLE,
            ),
            field="address",
        )
    return scheme, rest


def _split_port(rest: str) -> tuple[str, int | None]:
    if rest.startswith("["):
        end = rest.find("]")
        if end < 0:
            raise InvalidInput(
                m(
                    "An IPv6 address in square brackets needs its closing “]”, e.g. "
                    "https://[2001:db8::1]:8443."
                ),
                field="address",
            )
        host, after = rest[: end + 1], rest[end + 1 :]
        if not after:
            return host, None
        if not after.startswith(":"):
            raise InvalidInput(
                m(
                    "After an IPv6 address in square brackets only “:port” may follow, e.g. "
                    "https://[2001:db8::1]:8443."
                ),
                field="address",
            )
        return host, _port(after[1:])
    if rest.count(":") > 1:  # a bare IPv6 address: no port possible
        return rest, None
    if ":" in rest:
        host, port = rest.split(":", 1)
        return host, _port(port)
    return rest, None


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
        raise InvalidInput(
            m(
                "The port “{text}” is not possible: it is a number from 1 to 65535, "
                "e.g. studio.example.com:8443.",
                text=text,
            ),
            field="address",
        )
    return int(text)


def _ipv6(text: str) -> str:
    try:
        address = ipaddress.IPv6Address(text)
    except ValueError:
        raise InvalidInput(
            m(
                "“{text}” is not an IPv6 address. Check it, and write it in square brackets "
                "when a port follows, e.g. https://[2001:db8::1]:8443.",
                text=text,
            ),
            field="address",
        ) from None
    if address.scope_id:
        raise InvalidInput(
            m(
                "An IPv6 address with a zone (“%…”) cannot be used; give the studio's host "
                "name or a global address."
            ),
            field="address",
        )
    return address.compressed


# --- fingerprints -------------------------------------------------------------------


def parse_fingerprint(text: str) -> str:
    """64 lower-case hex digits from ``AB:CD:…``, plain hex, or OpenSSL's
    ``sha256 Fingerprint=AB:CD:…``. Raises :class:`InvalidInput`."""
    digits = _FINGERPRINT_LABEL.sub("", text.strip())
    digits = re.sub(r"[\s:-]", "", digits).lower()
    if len(digits) != 2 * FINGERPRINT_BYTES or not re.fullmatch(r"[0-9a-f]+", digits):
        raise InvalidInput(
            m(
                "A certificate's SHA-256 fingerprint is 32 pairs of hex digits (0–9, A–F), "
                "like AB:CD:…; check it against the one the studio gave you."
            ),
            field="fingerprint",
        )
    return digits


def format_fingerprint(fingerprint: str) -> str:
    """``AB:CD:…``: the fingerprint (either form) in upper case, pairs joined by colons."""
    digits = parse_fingerprint(fingerprint).upper()
    return ":".join(digits[i : i + 2] for i in range(0, len(digits), 2))


# --- connect codes ------------------------------------------------------------------


def make_code(address: str, fingerprint: str) -> str:
    """The connect code for the server at ``address`` whose certificate has ``fingerprint``
    (hex, either form)."""
    url = normalize_address(address)
    scheme, host_port = url.split("://", 1)
    flags = FLAG_HTTP if scheme == "http" else 0
    body = bytes([flags]) + bytes.fromhex(parse_fingerprint(fingerprint)) + host_port.encode()
    payload = body + _check(body)
    letters = base64.b32encode(payload).decode("ascii").rstrip("=")
    groups = [letters[i : i + GROUP] for i in range(0, len(letters), GROUP)]
    return "-".join([PREFIX, *groups])


def read_code(text: str) -> ConnectInfo:
    """The address and fingerprint a connect code carries. Raises :class:`InvalidInput`."""
    upper = text.strip().upper()
    version = re.match(r"PODYX\s*(\d+)[\s-]", upper)
    if version is None:
        if upper.startswith("PODYX"):
            raise InvalidInput(TYPO, field="code")
        raise InvalidInput(
            m(
                "A connect code starts with “PODYX1-”; check it against the one the studio "
                "gave you."
            ),
            field="code",
        )
    if version.group(1) != PREFIX.removeprefix("PODYX"):
        if int(version.group(1)) > 1:
            raise InvalidInput(
                m(
                    "This connect code is for a newer Podyx Desktop. Install the newer version, "
                    "or connect with the studio's address."
                ),
                field="code",
            )
        raise InvalidInput(TYPO, field="code")
    cleaned = re.sub(r"[\s-]", "", upper[version.end() :])
    letters = cleaned.replace("0", "O").replace("1", "I")
    payload = _b32decode(letters)
    body, check = payload[:-CHECK_BYTES], payload[-CHECK_BYTES:]
    if len(body) <= 1 + FINGERPRINT_BYTES or _check(body) != check:
        raise InvalidInput(TYPO, field="code")
    flags, fingerprint = body[0], body[1 : 1 + FINGERPRINT_BYTES]
    try:
        host_port = body[1 + FINGERPRINT_BYTES :].decode("ascii")
    except UnicodeDecodeError:
        raise InvalidInput(TYPO, field="code") from None
    if flags & ~FLAG_HTTP:
        raise InvalidInput(
            m(
                "This connect code asks for something this Podyx Desktop does not know. Install "
                "the newest version, or connect with the studio's address."
            ),
            field="code",
        )
    scheme = "http" if flags & FLAG_HTTP else "https"
    return ConnectInfo(normalize_address(f"{scheme}://{host_port}"), fingerprint.hex())


def looks_like_code(text: str) -> bool:
    """Whether ``text`` is meant as a connect code rather than an address: it starts with
    ``PODYX`` and a version number then a dash or space, and has no dot, colon or slash (so a host
    named ``podyx1-…`` is written with its domain, a port or ``https://``)."""
    return _CODE_SHAPE.fullmatch(text.strip().upper()) is not None


def read_address_or_code(text: str) -> ConnectInfo:
    """What the window's "studio" field holds: a connect code (address and fingerprint) or
    a plain address (fingerprint None). Raises :class:`InvalidInput`."""
    if looks_like_code(text):
        return read_code(text)
    return ConnectInfo(normalize_address(text))


def _check(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()[:CHECK_BYTES]


def _b32decode(letters: str) -> bytes:
    """The bytes of unpadded base32, refusing any string that is not exactly what
    :func:`make_code` would write for them (a last letter's unused bits included)."""
    if not re.fullmatch(r"[A-Z2-7]*", letters) or len(letters) % 8 in (1, 3, 6):
        raise InvalidInput(TYPO, field="code")
    padded = letters + "=" * (-len(letters) % 8)
    try:
        payload = base64.b32decode(padded)
    except ValueError:
        raise InvalidInput(TYPO, field="code") from None
    if base64.b32encode(payload).decode("ascii").rstrip("=") != letters:
        raise InvalidInput(TYPO, field="code")
    return payload


@dataclass(frozen=True)
class StudioProbe:
    """What "Connect to your studio" found at an address, for the person to confirm:
    the studio's name, and the certificate to pin (None when the system's authorities
    vouch for it, or on a loopback address over plain HTTP) with its fingerprint."""

    address: str
    studio_name: str
    pem: str | None
    fingerprint: str | None  # lower-case hex, of ``pem``
    from_code: bool  # the fingerprint was checked against a connect code
