"""``podyx-admin server cert`` and ``server code``: the studio server's trial certificate as
cryptography reads it back (names, validity, key, file modes), the fingerprint and connect
code it prints, and what it refuses in one line without writing anything."""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import stat
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID
from keyring.backends.fail import Keyring as FailKeyring

from podyx_desktop.cli.admin import COMMANDS, main
from podyx_desktop.cli.server_cert import SERVER
from podyx_desktop.domain.connect_code import ConnectInfo, format_fingerprint, read_code
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.tls import certificate_fingerprint

ADDRESS = "https://studio.example.com:8443"


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in ("PODYX_DATABASE_URL", "PODYX_LOG_LEVEL", "PGPASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "machine-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    before = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(before)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def assert_refused(code: int, out: str, err: str) -> None:
    assert code == 2, (out, err)
    assert err.startswith("podyx-admin: ") and err.count("\n") == 1, err
    assert out == ""


def printed(out: str, label: str) -> str:
    match = re.search(rf"^{label}: (.+)$", out, re.MULTILINE)
    assert match is not None, out
    return match.group(1)


def load(folder: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate((folder / "podyx-server.crt").read_bytes())


def names(certificate: x509.Certificate) -> list[str]:
    san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return [str(name.value) for name in san]


def test_the_server_command_is_registered() -> None:
    assert SERVER in COMMANDS


def test_a_certificate_for_the_hosts_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "tls" / "new"  # made as needed
    started = datetime.now(UTC)
    code, out, err = run(
        capsys,
        "server",
        "cert",
        "--out",
        str(out_dir),
        "--host",
        "Studio.Example.COM",
        "--host",
        "192.168.1.20",
        "--host",
        "[2001:db8::1]",
        "--host",
        "studio.example.com",  # once is enough
        "--days",
        "90",
        "--address",
        ADDRESS,
    )
    assert code == 0, err
    assert err == ""  # the address's host is named: no note
    certificate = load(out_dir)

    san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["studio.example.com"]
    assert san.get_values_for_type(x509.IPAddress) == [
        ipaddress.ip_address("192.168.1.20"),
        ipaddress.ip_address("2001:db8::1"),
    ]
    assert certificate.subject == certificate.issuer  # self-signed
    public_key = certificate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    assert public_key.curve.name == "secp256r1"
    public_key.verify(
        certificate.signature,
        certificate.tbs_certificate_bytes,
        ec.ECDSA(hashes.SHA256()),
    )
    assert not certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.SERVER_AUTH in usage

    before, after = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    assert after - before == timedelta(days=90)
    assert started - timedelta(minutes=10) <= before <= started
    assert printed(out, "Valid until") == f"{after:%Y-%m-%d %H:%M} UTC"

    key = serialization.load_pem_private_key(
        (out_dir / "podyx-server.key").read_bytes(), password=None
    )
    assert key.public_key() == public_key  # the key that goes with the certificate

    pem = (out_dir / "podyx-server.crt").read_bytes()
    fingerprint = certificate.fingerprint(hashes.SHA256()).hex()
    assert certificate_fingerprint(pem) == fingerprint
    assert certificate_fingerprint(certificate.public_bytes(serialization.Encoding.DER)) == (
        fingerprint
    )
    assert printed(out, "SHA-256 fingerprint") == format_fingerprint(fingerprint)
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", printed(out, "SHA-256 fingerprint"))
    assert read_code(printed(out, "Connect code")) == ConnectInfo(ADDRESS, fingerprint)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_only_the_owner_can_read_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = os.umask(0)  # the most permissive umask still gives 0600
    try:
        code, _, err = run(capsys, "server", "cert", "--out", str(tmp_path))
    finally:
        os.umask(previous)
    assert code == 0, err
    assert stat.S_IMODE((tmp_path / "podyx-server.key").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "podyx-server.crt").stat().st_mode) == 0o644
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "podyx-server.crt",
        "podyx-server.key",
    ]  # no temporary file left behind


def test_by_default_it_names_this_computer_and_loopback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket, "gethostname", lambda: "Front-Desk")
    code, out, err = run(capsys, "server", "cert", "--out", str(tmp_path))
    assert code == 0, err
    certificate = load(tmp_path)
    assert names(certificate) == ["front-desk", "localhost", "127.0.0.1"]
    assert certificate.not_valid_after_utc - certificate.not_valid_before_utc == timedelta(days=825)
    assert "Connect code" not in out
    assert printed(out, "Names") == "front-desk, localhost, 127.0.0.1"


def test_a_computer_name_that_is_no_dns_name_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket, "gethostname", lambda: "FRONT_DESK")
    code, _, err = run(capsys, "server", "cert", "--out", str(tmp_path))
    assert code == 0, err
    assert names(load(tmp_path)) == ["localhost", "127.0.0.1"]


def test_an_address_the_certificate_does_not_name_gets_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "server", "cert", "--out", str(tmp_path), "--host", "localhost",
        "--address", "other.example.com",
    )  # fmt: skip
    assert code == 0
    assert err.startswith("podyx-admin: note: the certificate does not name other.example.com")
    info = read_code(printed(out, "Connect code"))
    assert info.address == "https://other.example.com"


def test_existing_files_are_not_replaced_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "server", "cert", "--out", str(tmp_path))[0] == 0
    first = {path.name: path.read_bytes() for path in tmp_path.iterdir()}

    assert_refused(*run(capsys, "server", "cert", "--out", str(tmp_path)))
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == first

    (tmp_path / "podyx-server.crt").unlink()  # the key alone is enough to refuse
    code, out, err = run(capsys, "server", "cert", "--out", str(tmp_path))
    assert_refused(code, out, err)
    assert "podyx-server.key already exists" in err and "--force" in err
    assert not (tmp_path / "podyx-server.crt").exists()

    code, out, err = run(capsys, "server", "cert", "--out", str(tmp_path), "--force")
    assert code == 0, err
    assert (tmp_path / "podyx-server.key").read_bytes() != first["podyx-server.key"]
    fingerprint = certificate_fingerprint((tmp_path / "podyx-server.crt").read_bytes())
    assert printed(out, "SHA-256 fingerprint") == format_fingerprint(fingerprint)


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--host", "studio example.com"], "not a valid host name"),
        (["--host", "300.1.1.1"], "not an IP address"),
        (["--days", "0"], "--days is a number of days from 1 to 3650"),
        (["--days", "5000"], "--days is a number of days from 1 to 3650"),
        (["--address", "http://studio.example.com"], "Plain http:// is only allowed"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    extra: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "tls"
    code, out, err = run(capsys, "server", "cert", "--out", str(out_dir), *extra)
    assert_refused(code, out, err)
    assert said in err
    assert not out_dir.exists()


def test_a_file_where_the_folder_should_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tls").write_text("")
    code, out, err = run(capsys, "server", "cert", "--out", str(tmp_path / "tls"))
    assert_refused(code, out, err)
    assert "is a file, not a folder" in err


def test_the_code_of_an_existing_certificate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "server", "cert", "--out", str(tmp_path), "--host", "localhost")[0] == 0
    certificate = tmp_path / "podyx-server.crt"
    fingerprint = certificate_fingerprint(certificate.read_bytes())
    der = tmp_path / "server.der"
    der.write_bytes(load(tmp_path).public_bytes(serialization.Encoding.DER))
    chain = tmp_path / "fullchain.pem"  # a CA's file: this certificate first, then others
    chain.write_bytes(b"# issued today\n" + certificate.read_bytes() * 2)

    for given in (certificate, der, chain):
        code, out, err = run(
            capsys, "server", "code", "--address", "http://127.0.0.1:8765", "--cert", str(given)
        )
        assert code == 0, err
        assert out.count("\n") == 1
        assert read_code(out.strip()) == ConnectInfo("http://127.0.0.1:8765", fingerprint)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["server"], "name an action"),
        (["server", "code", "--address", "localhost", "--cert", "KEY"], "not a TLS certificate"),
        (["server", "code", "--address", "localhost", "--cert", "MISSING"], "missing.crt"),
        (["server", "code", "--address", "https://x/y", "--cert", "CERT"], "without a path"),
    ],
)
def test_what_the_code_command_refuses(
    argv: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "server", "cert", "--out", str(tmp_path))[0] == 0
    paths = {
        "KEY": str(tmp_path / "podyx-server.key"),
        "CERT": str(tmp_path / "podyx-server.crt"),
        "MISSING": str(tmp_path / "missing.crt"),
    }
    code, out, err = run(capsys, *(paths.get(part, part) for part in argv))
    assert_refused(code, out, err)
    assert said in err


def test_the_fingerprint_of_what_is_no_certificate() -> None:
    with pytest.raises(InvalidInput, match="not a TLS certificate"):
        certificate_fingerprint(b"")
    with pytest.raises(InvalidInput, match="not a TLS certificate"):
        certificate_fingerprint(b"-----BEGIN CERTIFICATE-----\nnot base64\n")
