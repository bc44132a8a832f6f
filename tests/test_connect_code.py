"""The studio server's address as people type it, and the connect code that carries it with
the certificate's fingerprint: canonical forms, round trips, typos caught, plain http only
for this computer."""

from __future__ import annotations

import ipaddress
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podyx_desktop.domain.connect_code import (
    TYPO,
    ConnectInfo,
    address_host,
    format_fingerprint,
    looks_like_code,
    make_code,
    normalize_address,
    parse_fingerprint,
    read_address_or_code,
    read_code,
)
from podyx_desktop.domain.errors import InvalidInput

FINGERPRINT = "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0"
COLONS = (
    "0F:1E:2D:3C:4B:5A:69:78:87:96:A5:B4:C3:D2:E1:F0:"
    "01:12:23:34:45:56:67:78:89:9A:AB:BC:CD:DE:EF:F0"
)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("studio.example.com", "https://studio.example.com"),
        ("studio.example.com:8443", "https://studio.example.com:8443"),
        ("https://studio.example.com:8443/", "https://studio.example.com:8443"),
        ("  HTTPS://Studio.Example.COM:443  ", "https://studio.example.com"),
        ("studio.example.com.", "https://studio.example.com"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://127.8.9.10", "http://127.8.9.10"),
        ("http://localhost:8765/", "http://localhost:8765"),
        ("http://[::1]:8765", "http://[::1]:8765"),
        ("http://localhost:80", "http://localhost"),
        ("localhost:80", "https://localhost:80"),
        ("192.168.1.20", "https://192.168.1.20"),
        ("[2001:DB8:0:0::1]:8443", "https://[2001:db8::1]:8443"),
        ("2001:db8::1", "https://[2001:db8::1]"),
        ("bücher.example", "https://xn--bcher-kva.example"),
        ("podyx1-server:443", "https://podyx1-server"),
    ],
)
def test_addresses_are_made_canonical(typed: str, canonical: str) -> None:
    assert normalize_address(typed) == canonical
    assert normalize_address(canonical) == canonical


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "Enter the studio's address"),
        ("   ", "Enter the studio's address"),
        ("studio example.com", "cannot contain spaces"),
        ("http://studio.example.com", "Plain http:// is only allowed"),
        ("http://192.168.1.20:8765", "Plain http:// is only allowed"),
        ("http://[2001:db8::1]", "Plain http:// is only allowed"),
        ("ftp://studio.example.com", "“ftp://” is not possible"),
        ("https://studio.example.com/v1", "without a path"),
        ("https://studio.example.com/?x=1", "without a path"),
        ("studio.example.com#top", "without a path"),
        ("https://ana:secret@studio.example.com", "Leave the user name and password out"),
        ("studio.example.com:", "port “” is not possible"),
        ("studio.example.com:0", "port “0” is not possible"),
        ("studio.example.com:65536", "port “65536” is not possible"),
        ("studio.example.com:https", "port “https” is not possible"),
        ("studio.example.com:٨٠", "port “٨٠” is not possible"),
        ("https://", "has no host name"),
        ("https://:8443", "has no host name"),
        ("studio_1.example.com", "not a valid host name"),
        ("-studio.example.com", "not a valid host name"),
        ("studio..example.com", "not a valid host name"),
        ("300.1.1.1", "not an IP address"),
        ("[::1", "closing “]”"),
        ("[::1]8443", "only “:port” may follow"),
        ("[studio.example.com]", "not an IPv6 address"),
        ("fe80::1%eth0", "with a zone"),
    ],
)
def test_what_cannot_be_an_address_is_refused_in_words(typed: str, said: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        normalize_address(typed)
    assert said in refused.value.message
    assert refused.value.message.endswith(".")
    assert refused.value.field == "address"


def test_fingerprints_read_and_show_in_either_form() -> None:
    assert format_fingerprint(FINGERPRINT) == COLONS
    assert format_fingerprint(COLONS) == COLONS
    assert parse_fingerprint(COLONS) == FINGERPRINT
    assert parse_fingerprint(FINGERPRINT.upper()) == FINGERPRINT
    assert parse_fingerprint(f"sha256 Fingerprint={COLONS}\n") == FINGERPRINT  # openssl's
    assert parse_fingerprint(COLONS.replace(":", " ").lower()) == FINGERPRINT


@pytest.mark.parametrize("text", ["", "ab:cd", FINGERPRINT[:-2], FINGERPRINT + "00", "zz" * 32])
def test_a_wrong_fingerprint_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="32 pairs of hex digits"):
        parse_fingerprint(text)


@pytest.mark.parametrize(
    "address",
    [
        "https://studio.example.com",
        "https://studio.example.com:8443",
        "http://127.0.0.1:8765",
        "http://localhost",
        "https://[2001:db8::1]:8443",
        "http://[::1]:8765",
        "https://[fd00::42]",
        "https://10.0.0.7:65535",
        "https://xn--bcher-kva.example",
    ],
)
def test_a_code_carries_the_address_and_the_fingerprint(address: str) -> None:
    code = make_code(address, COLONS)
    assert re.fullmatch(r"PODYX1(-[A-Z2-7]{1,4})+", code)
    assert all(len(group) == 4 for group in code.split("-")[1:-1])
    assert looks_like_code(code)
    assert read_code(code) == ConnectInfo(address, FINGERPRINT)
    assert read_address_or_code(code) == ConnectInfo(address, FINGERPRINT)


def test_a_code_is_read_however_it_was_typed() -> None:
    code = make_code("studio.example.com:8443", FINGERPRINT)
    expected = ConnectInfo("https://studio.example.com:8443", FINGERPRINT)
    assert read_code(code.lower()) == expected
    assert read_code(code.replace("-", " ")) == expected
    assert read_code("PODYX1-" + code.removeprefix("PODYX1-").replace("-", "")) == expected
    assert read_code(f"  {code[:20]}\n{code[20:]}  ") == expected
    misread = "PODYX1-" + code.removeprefix("PODYX1-").replace("O", "0").replace("I", "1")
    assert read_code(misread) == expected  # base32 has no 0 or 1: read as O and I


def test_every_single_letter_typo_is_caught() -> None:
    code = make_code("https://studio.example.com:8443", FINGERPRINT)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    start = len("PODYX1-")
    for at in range(start, len(code)):
        if code[at] == "-":
            continue
        wrong = letters[(letters.index(code[at]) + 1) % len(letters)]
        with pytest.raises(InvalidInput) as refused:
            read_code(code[:at] + wrong + code[at + 1 :])
        assert refused.value.message == TYPO


def test_swapped_missing_and_extra_letters_are_caught() -> None:
    body = make_code("https://studio.example.com", FINGERPRINT).removeprefix("PODYX1-")
    body = body.replace("-", "")
    typos = set()
    for at in range(len(body) - 1):
        if body[at] != body[at + 1]:
            typos.add(body[:at] + body[at + 1] + body[at] + body[at + 2 :])
        typos.add(body[:at] + body[at + 1 :])
        typos.add(body[:at] + "Q" + body[at:])
    for typo in typos:
        with pytest.raises(InvalidInput) as refused:
            read_code("PODYX1-" + typo)
        assert refused.value.message == TYPO


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("PODYX1-", TYPO),
        ("PODYX1-AAAA", TYPO),
        ("PODYX1-AAAA-8BCD", TYPO),
        ("PODYX0-AAAA", TYPO),
        ("PODYX-AAAA", TYPO),
        ("PODYX2-AAAA-BBBB", "for a newer Podyx Desktop"),
        ("STUDIO-AAAA", "starts with “PODYX1-”"),
    ],
)
def test_what_is_not_a_code_is_refused(text: str, said: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_code(text)
    assert said in refused.value.message


def test_a_code_cannot_smuggle_in_plain_http_to_another_computer() -> None:
    import base64
    import hashlib

    body = bytes([1]) + bytes.fromhex(FINGERPRINT) + b"studio.example.com"
    letters = base64.b32encode(body + hashlib.sha256(body).digest()[:4]).decode().rstrip("=")
    with pytest.raises(InvalidInput, match="Plain http:// is only allowed"):
        read_code("PODYX1-" + letters)


def test_a_plain_address_has_no_fingerprint() -> None:
    assert read_address_or_code("studio.example.com:8443") == ConnectInfo(
        "https://studio.example.com:8443", None
    )
    assert read_address_or_code("podyx1-server.studio.lan").fingerprint is None
    assert not looks_like_code("https://podyx1-server")
    with pytest.raises(InvalidInput, match=re.escape(TYPO)):
        read_address_or_code("podyx1-server")  # a bare one-word name of that shape reads as a code


def test_making_a_code_checks_its_parts() -> None:
    with pytest.raises(InvalidInput, match="Plain http://"):
        make_code("http://studio.example.com", FINGERPRINT)
    with pytest.raises(InvalidInput, match="32 pairs"):
        make_code("studio.example.com", "abcd")


def test_the_host_a_certificate_must_name() -> None:
    assert address_host("https://studio.example.com:8443") == "studio.example.com"
    assert address_host("http://[::1]:8765") == "::1"
    assert address_host("192.168.1.20") == "192.168.1.20"


# --- the round trip, for any address and fingerprint -----------------------------------

LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)
HOSTNAMES = (
    st.lists(LABEL, min_size=1, max_size=4)
    .map(".".join)
    .filter(lambda name: not re.fullmatch(r"[0-9.]+", name))
)
IPV4 = st.ip_addresses(v=4).map(str)
IPV6 = st.ip_addresses(v=6).map(lambda address: f"[{address}]")
HOSTS = st.one_of(HOSTNAMES, IPV4, IPV6, st.just("localhost"))


def _host_is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@given(
    host=HOSTS,
    port=st.none() | st.integers(1, 65535),
    plain=st.booleans(),
    fingerprint=st.binary(min_size=32, max_size=32).map(bytes.hex),
)
def test_any_address_and_fingerprint_survive_a_code(
    host: str, port: int | None, plain: bool, fingerprint: str
) -> None:
    scheme = "http" if plain and _host_is_loopback(host) else "https"
    typed = f"{scheme}://{host}" + (f":{port}" if port else "")
    address = normalize_address(typed)
    code = make_code(typed, format_fingerprint(fingerprint))
    assert read_code(code) == ConnectInfo(address, fingerprint)
    assert read_address_or_code(code.lower()) == ConnectInfo(address, fingerprint)
    assert normalize_address(address) == address
    assert address.startswith(f"{scheme}://")


TYPED = st.text(alphabet=st.sampled_from(list("PODYX1-ABZ2367:/[]. @?#%0é٨\t")), max_size=60)


@given(st.one_of(st.text(max_size=60), TYPED, TYPED.map("PODYX1-".__add__)))
def test_whatever_is_typed_is_read_or_refused_in_words(text: str) -> None:
    for read in (read_address_or_code, read_code, normalize_address, parse_fingerprint):
        try:
            read(text)
        except InvalidInput as refused:
            assert refused.message.endswith(".")
