"""Notes on a client, not on one booking: the client sees the client-visible ones (in
their Files tab), newest first; they are unread until the client opens that tab, and
marking them read is one conditional write. Internal notes never reach the client."""

from __future__ import annotations

from datetime import date

import pytest

from podyx_desktop.domain.errors import NotFound, NotSignedIn
from podyx_desktop.domain.principal import Principal
from podyx_desktop.operations.notes import GeneralNotes
from tests.conftest import FakeClock
from tests.factories import Studio

DAY = date(2026, 6, 3)
ANONYMOUS = Principal.anonymous()


def _write(
    studio: Studio,
    client_id: int,
    body: str,
    *,
    internal: bool = False,
    booking_id: int | None = None,
) -> int:
    return studio.services.notes.add_note(
        studio.desk, client_id=client_id, body=body, internal=internal, booking_id=booking_id
    ).id


def test_general_notes_list_only_notes_on_the_client(studio: Studio, clock: FakeClock) -> None:
    notes = studio.services.notes
    ana = studio.client("Ana Client")
    booking = studio.book(ana, studio.at(DAY, 10)).booking.id
    first = _write(studio, ana.account.id, "Welcome to the studio.")
    clock.advance(minutes=5)
    _write(studio, ana.account.id, "Prefers the big room.", internal=True)
    clock.advance(minutes=5)
    _write(studio, ana.account.id, "Your mix is ready.", booking_id=booking)
    clock.advance(minutes=5)
    second = _write(studio, ana.account.id, "See https://example.com/guide")

    mine = notes.list_notes(ana.principal, client_id=ana.account.id, general_only=True)
    assert [n.id for n in mine] == [second, first]  # newest first, no booking note
    assert all(n.booking_id is None and not n.internal for n in mine)
    assert mine[0].author_name == "Dana Desk"

    staff = notes.list_notes(studio.desk, client_id=ana.account.id, general_only=True)
    assert [n.body for n in staff] == [
        "See https://example.com/guide",
        "Prefers the big room.",
        "Welcome to the studio.",
    ]
    # without general_only, as before: every note of the client
    assert len(notes.list_notes(ana.principal, client_id=ana.account.id)) == 3


def test_unread_until_the_client_marks_them_read(studio: Studio) -> None:
    notes = studio.services.notes
    ana = studio.client("Ana Client")
    booking = studio.book(ana, studio.at(DAY, 10)).booking.id
    assert notes.unread_general(ana.principal, ana.account.id) == 0
    _write(studio, ana.account.id, "One")
    _write(studio, ana.account.id, "Two")
    _write(studio, ana.account.id, "Internal", internal=True)
    _write(studio, ana.account.id, "On the booking", booking_id=booking)
    assert notes.unread_general(ana.principal, ana.account.id) == 2
    assert notes.unread_general(studio.desk, ana.account.id) == 2
    # the booking's count is separate and untouched
    assert notes.unread_counts(ana.principal, ana.account.id) == {booking: 1}

    # staff looking at the client read nothing for them
    assert notes.mark_general_read(studio.desk, ana.account.id) == 0
    assert notes.unread_general(ana.principal, ana.account.id) == 2

    assert notes.mark_general_read(ana.principal, ana.account.id) == 2
    # a second marker (another seat a moment later) counts nothing again
    assert notes.mark_general_read(ana.principal, ana.account.id) == 0
    assert notes.unread_general(ana.principal, ana.account.id) == 0
    assert notes.unread_counts(ana.principal, ana.account.id) == {booking: 1}
    read = notes.list_notes(ana.principal, client_id=ana.account.id, general_only=True)
    assert all(n.read_at is not None for n in read)
    # the internal note was never marked (it is not the client's to read)
    internal = [n for n in notes.list_notes(studio.desk, client_id=ana.account.id) if n.internal]
    assert internal[0].read_at is None


def test_an_edit_badges_the_note_again_and_a_retraction_hides_it(studio: Studio) -> None:
    notes = studio.services.notes
    ana = studio.client("Ana Client")
    note = _write(studio, ana.account.id, "Bring your headphones.")
    assert notes.mark_general_read(ana.principal, ana.account.id) == 1
    notes.edit_note(studio.desk, note, body="Bring your own headphones.")
    assert notes.unread_general(ana.principal, ana.account.id) == 1
    notes.retract_note(studio.desk, note)
    assert notes.unread_general(ana.principal, ana.account.id) == 0
    assert notes.list_notes(ana.principal, client_id=ana.account.id, general_only=True) == []


def test_a_note_made_internal_leaves_the_client(studio: Studio) -> None:
    notes = studio.services.notes
    ana = studio.client("Ana Client")
    note = _write(studio, ana.account.id, "Visible at first.")
    notes.edit_note(studio.desk, note, body="Staff only now.", internal=True)
    assert notes.list_notes(ana.principal, client_id=ana.account.id, general_only=True) == []
    assert notes.unread_general(ana.principal, ana.account.id) == 0
    assert notes.mark_general_read(ana.principal, ana.account.id) == 0


def test_principals(studio: Studio) -> None:
    notes = studio.services.notes
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    _write(studio, ana.account.id, "For Ana.")
    for call in (
        lambda p: notes.list_notes(p, client_id=ana.account.id, general_only=True),
        lambda p: notes.unread_general(p, ana.account.id),
        lambda p: notes.mark_general_read(p, ana.account.id),
    ):
        with pytest.raises(NotFound):
            call(ben.principal)
        with pytest.raises(NotSignedIn):
            call(ANONYMOUS)
    # staff asking about someone who is not a client
    staff_id = studio.services.accounts.get(studio.desk).id
    for call in (
        lambda p: notes.unread_general(p, staff_id),
        lambda p: notes.mark_general_read(p, staff_id),
    ):
        with pytest.raises(NotFound):
            call(studio.owner)
    # nothing of Ana's was marked by those attempts
    assert notes.unread_general(ana.principal, ana.account.id) == 1
    assert notes.list_notes(ben.principal, client_id=ben.account.id, general_only=True) == []


def test_the_operation_lists_then_marks_for_the_client_only(studio: Studio) -> None:
    ana = studio.client("Ana Client")
    _write(studio, ana.account.id, "Hello https://example.com")
    _write(studio, ana.account.id, "Internal", internal=True)
    services = studio.services

    listed, unread = GeneralNotes(ana.account.id, True).run(services, studio.desk)
    assert len(listed) == 2 and unread == 1  # staff see both, and mark nothing

    listed, unread = GeneralNotes(ana.account.id, False).run(services, ana.principal)
    assert [n.body for n in listed] == ["Hello https://example.com"] and unread == 1

    listed, unread = GeneralNotes(ana.account.id, True).run(services, ana.principal)
    assert [n.read_at for n in listed] == [None]  # as listed: shown "New" this once
    assert unread == 0
    listed, unread = GeneralNotes(ana.account.id, True).run(services, ana.principal)
    assert listed[0].read_at is not None and unread == 0
