"""The client list's search (folded words through FTS5 trigram / pg_trgm, short queries on
the name's start) and its keyset pages in every order, on both engines."""

from __future__ import annotations

from datetime import timedelta

import pytest

from podyx_desktop.domain.client_search import search_key, search_words
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.paging import ClientSort, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import NewAccount
from podyx_desktop.services import clients as clients_module
from tests.conftest import FakeClock
from tests.factories import PASSWORD, Studio

PEOPLE = (
    ("Élodie Durand", "elodie@example.fr", "+33 1 42 68 53 00"),
    ("Jörg Müller", "joerg@example.de", "+49 30 1234567"),
    ("Zoë Ångström", "zoe@example.se", "+46 8 123 456 78"),
    ("Ana Muller", "ana@example.com", "+49 89 7654321"),
    ("Bob Builder", "BOB@Example.com", "+44 20 7946 0958"),
)


@pytest.fixture(params=["few", "many"])
def matches(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a search runs: its matches read first (few), or the walk down the list's
    order with the words checked on each row (more than FEW_MATCHES, here 1)."""
    if request.param == "many":
        monkeypatch.setattr(clients_module, "FEW_MATCHES", 1)
    return str(request.param)


def sign_up(studio: Studio, name: str, email: str, phone: str) -> int:
    new = NewAccount(name, email, phone, PASSWORD)
    return studio.services.accounts.sign_up(Principal.anonymous(), new).account.id


def names(studio: Studio, search: str, sort: ClientSort = ClientSort.NAME) -> list[str]:
    page = studio.services.clients.client_page(studio.desk, PageRequest(sort, search=search))
    return [row.full_name for row in page.rows]


def test_folding() -> None:
    assert search_key("Élodie Müller", "elodie@example.fr", "+4930123") == (
        "elodie muller | elodie@example.fr | 4930123"
    )
    assert search_words("  ÉLO  ").words == ("elo",)
    assert search_words("030 123-45").words == ("3012345",)  # one phone number, 0 dropped
    assert search_words("el").prefix == "el"
    assert search_words("jo mu").prefix == "jo mu"
    assert search_words("jo müller").words == ("jo", "muller")


def test_search_folds_accents_and_matches_every_word(studio: Studio, matches: str) -> None:
    for person in PEOPLE:
        sign_up(studio, *person)
    assert names(studio, "elo") == ["Élodie Durand"]
    assert names(studio, "ÉLODIE") == ["Élodie Durand"]
    assert names(studio, "muller") == ["Ana Muller", "Jörg Müller"]
    assert names(studio, "müller") == ["Ana Muller", "Jörg Müller"]
    assert names(studio, "angstr") == ["Zoë Ångström"]
    assert names(studio, "zoe ang") == ["Zoë Ångström"]
    # every word must match: name and email, in any order
    assert names(studio, "muller joerg") == ["Jörg Müller"]
    assert names(studio, "muller nobody") == []
    # a short word beside a long one narrows what the long one found
    assert names(studio, "mül an") == ["Ana Muller"]
    assert names(studio, "mu an") == []  # all short: the start of a name, which none is
    # email, case-insensitive
    assert names(studio, "bob@exa") == ["Bob Builder"]
    assert names(studio, "example.se") == ["Zoë Ångström"]


def test_search_by_phone_digits(studio: Studio, matches: str) -> None:
    for person in PEOPLE:
        sign_up(studio, *person)
    assert names(studio, "0301234") == ["Jörg Müller"]  # national 0 dropped
    assert names(studio, "301234") == ["Jörg Müller"]
    assert names(studio, "030 123-4567") == ["Jörg Müller"]
    assert names(studio, "+49 30 123") == ["Jörg Müller"]
    assert names(studio, "7946 0958") == ["Bob Builder"]
    assert names(studio, "12") == []  # two digits: the start of a name, which none is


def test_short_queries_match_the_start_of_the_name(studio: Studio, matches: str) -> None:
    for person in PEOPLE:
        sign_up(studio, *person)
    assert names(studio, "e") == ["Élodie Durand"]
    assert names(studio, "ZO") == ["Zoë Ångström"]
    assert names(studio, "du") == []  # inside the name: three letters needed
    assert names(studio, "dur") == ["Élodie Durand"]


def test_a_changed_name_is_found_by_its_new_name(studio: Studio, matches: str) -> None:
    client = sign_up(studio, "Ana Client", "ana.client@example.com", "+49 30 5555555")
    assert names(studio, "ana") == ["Ana Client"]
    studio.services.accounts.change_name(studio.owner, "Anaïs Nouveau", user_id=client)
    assert names(studio, "ana") == ["Anaïs Nouveau"]
    assert names(studio, "nouv") == ["Anaïs Nouveau"]
    assert names(studio, "client ana") == ["Anaïs Nouveau"]  # the email still says so


@pytest.mark.parametrize("sort", list(ClientSort))
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_pages_through_every_client_once(
    studio: Studio, clock: FakeClock, sort: ClientSort, descending: bool
) -> None:
    ids = [
        sign_up(studio, f"Client {i % 4} Zed", f"c{i}@example.com", f"+49 30 {7000000 + i % 3}")
        for i in range(11)
    ]
    # some totals, some visits, some bundles, with ties
    for i, client_id in enumerate(ids[:6]):
        who = studio.services.accounts.get(studio.owner, client_id)
        assert who.id == client_id
        if i % 2:
            studio.services.bundles.issue(studio.owner, client_id, studio.bundle_product, "gift")
        signed = studio.services.accounts.sign_in(f"c{i}@example.com", PASSWORD)
        day = (clock.now + timedelta(days=1 + i)).date()
        booked = studio.book(signed, studio.at(day, 10))
        if i % 3 == 0 and booked.purchase is not None:
            studio.services.purchases.record_payment(
                studio.owner, booked.purchase.id, PaymentMethod.CASH
            )
    clock.advance(days=4)  # three of the sessions have begun
    clients = studio.services.clients
    request: PageRequest | None = PageRequest(sort, descending, limit=3)
    seen: list[int] = []
    keys: list[object] = []
    while request is not None:
        page = clients.client_page(studio.desk, request)
        seen += [row.id for row in page.rows]
        keys += [_key(row, sort) for row in page.rows]
        request = request.following(page)
    assert sorted(seen) == sorted(ids) and len(seen) == len(ids)
    assert keys == sorted(keys, reverse=descending)


def _key(row: object, sort: ClientSort) -> object:
    from datetime import UTC, datetime

    value = {
        ClientSort.NAME: lambda r: r.full_name.lower(),
        ClientSort.EMAIL: lambda r: r.email.lower(),
        ClientSort.PHONE: lambda r: r.phone,
        ClientSort.TOTAL_SPENT: lambda r: r.total_spent_minor,
        ClientSort.PURCHASES: lambda r: r.purchases,
        ClientSort.BOOKINGS: lambda r: r.bookings,
        ClientSort.ACTIVE_BUNDLES: lambda r: r.active_bundles,
        ClientSort.LAST_VISIT: lambda r: r.last_visit or datetime(1970, 1, 1, tzinfo=UTC),
    }[sort](row)
    return (value, row.id)  # type: ignore[attr-defined]


def test_a_bad_sort_is_refused_in_words(studio: Studio) -> None:
    with pytest.raises(InvalidInput, match="cannot be sorted"):
        studio.services.clients.client_page(studio.desk, PageRequest("shoe_size"))
