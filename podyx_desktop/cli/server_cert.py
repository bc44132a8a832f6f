"""``podyx-admin server cert`` and ``podyx-admin server code``: the studio server's trial
certificate, and the connect code clients at home type into the window (docs/server.md).

``cert --out DIR`` writes ``DIR/podyx-server.crt`` and ``DIR/podyx-server.key``: a
self-signed ECDSA P-256 certificate naming every ``--host`` (DNS names and IP addresses),
valid for ``--days`` (825). The key file is readable by its owner only. Existing files are
left alone unless ``--force``. It prints the certificate's SHA-256 fingerprint, and with
``--address URL`` the connect code. ``code --address URL --cert FILE`` prints the connect
code of an existing certificate (a real CA's too).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from podyx_desktop.cli.common import EXIT_FAILED, EXIT_OK, PROG, Command, Invocation
from podyx_desktop.domain.connect_code import (
    address_host,
    format_fingerprint,
    make_code,
    normalize_address,
    normalize_host,
)
from podyx_desktop.domain.errors import InvalidInput, PodyxError
from podyx_desktop.tls import certificate_fingerprint

HELP = "the studio server's trial TLS certificate (cert) and its connect code (code)"
CERT_FILE = "podyx-server.crt"
KEY_FILE = "podyx-server.key"
DEFAULT_DAYS = 825
MAX_DAYS = 3650
BACKDATE = timedelta(minutes=5)  # a client whose clock is a little behind still accepts it


def server_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="server_action", metavar="ACTION")
    cert = actions.add_parser(
        "cert",
        help="write a self-signed certificate and key for podyx-server to DIR",
        description="Write DIR/podyx-server.crt and DIR/podyx-server.key (readable by you "
        "only): a self-signed certificate, which the clients' windows pin by its SHA-256 "
        "fingerprint (a connect code carries it). With a CA's certificate, clients need "
        "only the address.",
    )
    cert.add_argument("--out", metavar="DIR", type=Path, required=True, help="where to write")
    cert.add_argument(
        "--host",
        metavar="NAME",
        action="append",
        dest="hosts",
        help="a DNS name or IP address the server is reached by; repeat for each "
        "(default: this computer's name, localhost and 127.0.0.1)",
    )
    cert.add_argument(
        "--days",
        metavar="N",
        type=int,
        default=DEFAULT_DAYS,
        help=f"how long it is valid (default {DEFAULT_DAYS})",
    )
    cert.add_argument(
        "--address",
        metavar="URL",
        help="the server's address as clients reach it: also print the connect code",
    )
    cert.add_argument(
        "--force", action="store_true", help="replace an existing certificate and key in DIR"
    )
    code = actions.add_parser(
        "code",
        help="print the connect code for the server at URL with certificate FILE",
        description="Print the connect code clients type into the window: the server's "
        "address and its certificate's fingerprint.",
    )
    code.add_argument("--address", metavar="URL", required=True, help="e.g. studio.example.com")
    code.add_argument("--cert", metavar="FILE", type=Path, required=True, help="PEM or DER")


def run_server(invocation: Invocation) -> int:
    action = getattr(invocation.args, "server_action", None)
    if action == "cert":
        return _cert(invocation.args)
    if action == "code":
        return _code(invocation.args)
    print(
        f"{PROG}: name an action: `server cert --out DIR` or "
        "`server code --address URL --cert FILE`.",
        file=sys.stderr,
    )
    return EXIT_FAILED


def _cert(args: argparse.Namespace) -> int:
    days: int = args.days
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"--days is a number of days from 1 to {MAX_DAYS}, e.g. --days 825.")
    address = normalize_address(args.address) if args.address else None
    hosts = _hosts(args.hosts)
    out: Path = args.out
    cert_path, key_path = out / CERT_FILE, out / KEY_FILE
    if not args.force:
        existing = [str(path) for path in (cert_path, key_path) if path.exists()]
        if existing:
            raise PodyxError(
                f"{' and '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
                "nothing was written. Choose another --out folder, or add --force to replace "
                "them (clients that pinned the old certificate must then connect anew)."
            )
    if out.exists() and not out.is_dir():
        raise PodyxError(f"{out} is a file, not a folder. Name a folder with --out.")
    certificate_pem, key_pem, not_after = build_certificate(hosts, days)
    out.mkdir(parents=True, exist_ok=True)
    _write(key_path, key_pem, mode=0o600)
    _write(cert_path, certificate_pem, mode=0o644)
    fingerprint = certificate_fingerprint(certificate_pem)
    print(f"Wrote {cert_path} and {key_path} (the key: keep it secret; only you can read it).")
    print(f"Names: {', '.join(hosts)}")
    print(f"Valid until: {not_after:%Y-%m-%d %H:%M} UTC")
    print(f"SHA-256 fingerprint: {format_fingerprint(fingerprint)}")
    if address is not None:
        _warn_unnamed(address, hosts)
        print(f"Connect code: {make_code(address, fingerprint)}")
    return EXIT_OK


def _code(args: argparse.Namespace) -> int:
    address = normalize_address(args.address)
    path: Path = args.cert
    fingerprint = certificate_fingerprint(path.read_bytes())
    print(make_code(address, fingerprint))
    return EXIT_OK


def _hosts(given: list[str] | None) -> list[str]:
    """The names the certificate holds, canonical and each once, in the order given."""
    if given:
        names = [normalize_host(name) for name in given]
    else:
        names = [name for name in (_this_computer(), "localhost", "127.0.0.1") if name]
    return list(dict.fromkeys(names))


def _this_computer() -> str | None:
    try:
        return normalize_host(socket.gethostname())
    except (InvalidInput, OSError):  # a name that cannot be a DNS name is left out
        return None


def _warn_unnamed(address: str, hosts: list[str]) -> None:
    host = address_host(address)
    if host not in hosts:
        print(
            f"{PROG}: note: the certificate does not name {host}; the window pins it by its "
            f"fingerprint, but browsers and other tools will warn. Add --host {host} to name it.",
            file=sys.stderr,
        )


def build_certificate(hosts: list[str], days: int) -> tuple[bytes, bytes, datetime]:
    """A self-signed ECDSA P-256 server certificate naming ``hosts`` (the first is its
    common name): the certificate and unencrypted PKCS #8 key as PEM, and its end."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, hosts[0][:64]),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Podyx studio server"),
        ]
    )
    not_before = datetime.now(UTC).replace(microsecond=0) - BACKDATE
    not_after = not_before + timedelta(days=days)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return certificate.public_bytes(serialization.Encoding.PEM), key_pem, not_after


def _write(path: Path, data: bytes, *, mode: int) -> None:
    """Write ``path`` whole or not at all; the file has ``mode`` from its creation on."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where the folder's rights apply
            os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


SERVER = Command("server", HELP, run_server, server_arguments)
