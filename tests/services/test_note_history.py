"""Studio notes after they are written: edits keep history, deletion is a retraction
(hidden, kept, audited), and the client's read markers behind the unread badge. Internal
notes never reach a client: not in lists, unread counts, history or the summary PDF."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.documents import render_session_summary
from podyx_desktop.domain.errors import InvalidInput, NotAllowed, NotFound, NotSignedIn
from podyx_desktop.domain.principal import Principal
from tests.conftest import FakeClock
from tests.documents.pdfcheck import Pdf
from tests.factories import Studio

DAY = date(2026, 6, 3)
ANONYMOUS = Principal.anonymous()


def test_edit_keeps_the_earlier_text_and_badges_again(studio: Studio, clock: FakeClock) -> None:
    notes = studio.services.notes
    ana = studio.client("Ana Client")
    booking = studio.book(ana, studio.at(DAY, 10)).booking.id
    note = notes.add_note(
        studio.desk,
        client_id=ana.account.id,
        body="Mix is ready.",
        internal=False,
        booking_id=booking,
    )
    assert notes.unread_counts(ana.principal, ana.account.id) == {booking: 1}
    assert notes.mark_read(ana.principal, booking) == 1
    assert notes.unread_counts(ana.principal, ana.account.id) == {}
    clock.advance(minutes=10)
    edited = notes.edit_note(studio.owner, note.id, body="Mix v2 is ready.")
    assert edited.body == "Mix v2 is ready." and edited.edited_at is not None
    assert edited.read_at is None
    assert notes.unread_counts(studio.desk, ana.account.id) == {booking: 1}
    clock.advance(minutes=10)
    notes.edit_note(studio.desk, note.id, body="Mix v3 is ready.")
    history = notes.note_history(studio.desk, note.id)
    assert [h.body for h in history] == ["Mix v2 is ready.", "Mix is ready."]
    assert [h.replaced_by for h in history] == ["Dana Desk", "Olga Owner"]
    assert history[1].written_at == note.created_at
    with pytest.raises(InvalidInput, match="same as before"):
        notes.edit_note(studio.desk, note.id, body=" Mix v3 is ready. ")
    with pytest.raises(InvalidInput, match="Write something"):
        notes.edit_note(studio.desk, note.id, body=" ")
    [shown] = notes.list_notes(ana.principal, client_id=ana.account.id)
    assert shown.body == "Mix v3 is ready."
    actions = [
        e.action
        for e in studio.services.audit.list_entries(
            Principal.system(), entity="client", entity_id=ana.account.id
        )
    ]
    assert actions.count("edit_note") == 2


def test_clients_cannot_edit_retract_or_read_history(studio: Studio) -> None:
    notes = studio.services.notes
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    booking = studio.book(ana, studio.at(DAY, 10)).booking.id
    note = notes.add_note(
        studio.desk, client_id=ana.account.id, body="Hi", internal=False, booking_id=booking
    )
    for who in (ana.principal, ben.principal):
        with pytest.raises(NotAllowed):
            notes.edit_note(who, note.id, body="x")
        with pytest.raises(NotAllowed):
            notes.retract_note(who, note.id)
        with pytest.raises(NotAllowed):
            notes.note_history(who, note.id)
    with pytest.raises(NotSignedIn):
        notes.retract_note(ANONYMOUS, note.id)
    with pytest.raises(NotFound):
        notes.mark_read(ben.principal, booking)
    with pytest.raises(NotFound):
        notes.unread_counts(ben.principal, ana.account.id)
    assert notes.unread_counts(ana.principal, ana.account.id) == {booking: 1}
    assert notes.mark_read(studio.desk, booking) == 0  # staff reading is not the client's
    assert notes.unread_counts(ana.principal, ana.account.id) == {booking: 1}


def test_a_retracted_note_is_hidden_kept_and_audited(studio: Studio) -> None:
    notes = studio.services.notes
    ana = studio.client("Ana Client")
    booking = studio.book(ana, studio.at(DAY, 10)).booking.id
    note = notes.add_note(
        studio.desk, client_id=ana.account.id, body="Oops", internal=False, booking_id=booking
    )
    notes.retract_note(studio.desk, note.id)
    assert notes.list_notes(ana.principal, client_id=ana.account.id) == []
    assert notes.list_notes(studio.desk, client_id=ana.account.id) == []
    assert notes.unread_counts(ana.principal, ana.account.id) == {}
    assert studio.services.reports.session_summary(ana.principal, booking).notes == ()
    with pytest.raises(NotFound, match="deleted"):
        notes.retract_note(studio.desk, note.id)
    with pytest.raises(NotFound):
        notes.edit_note(studio.desk, note.id, body="x")
    with studio.services.db.read() as session:
        row = session.scalar(select(t.StudioNote).where(t.StudioNote.id == note.id))
        assert row is not None and row.body == "Oops" and row.retracted_at is not None
    [entry, *_] = studio.services.audit.list_entries(
        Principal.system(), entity="client", entity_id=ana.account.id
    )
    assert entry.action == "retract_note" and "Oops" not in entry.before


def test_internal_notes_never_reach_the_client(studio: Studio) -> None:
    notes = studio.services.notes
    ana, ben = studio.client("Ana Client"), studio.client("Ben Client")
    booking = studio.book(ana, studio.at(DAY, 10)).booking.id
    notes.add_note(
        studio.desk,
        client_id=ana.account.id,
        body="Pays late, be firm.",
        internal=True,
        booking_id=booking,
    )
    visible = notes.add_note(
        studio.desk,
        client_id=ana.account.id,
        body="See https://example.com/mix",
        internal=False,
        booking_id=booking,
    )
    # an internal note edited to client-visible and back keeps its old text in history only
    secret = notes.add_note(
        studio.desk, client_id=ana.account.id, body="Secret", internal=True, booking_id=booking
    )
    assert [n.body for n in notes.list_notes(ana.principal, client_id=ana.account.id)] == [
        visible.body
    ]
    assert [
        n.body
        for n in notes.list_notes(ana.principal, client_id=ana.account.id, booking_id=booking)
    ] == [visible.body]
    assert notes.unread_counts(ana.principal, ana.account.id) == {booking: 1}
    assert notes.mark_read(ana.principal, booking) == 1
    with studio.services.db.read() as session:
        internal_read = session.scalars(
            select(t.StudioNote.read_at).where(t.StudioNote.internal.is_(True))
        ).all()
    assert internal_read == [None, None]
    for principal in (ana.principal, studio.desk):
        summary = studio.services.reports.session_summary(principal, booking)
        assert [n.body for n in summary.notes] == [visible.body]
        text = Pdf(render_session_summary(summary)).text
        assert "https://example.com/mix" in text
        assert "Pays late" not in text and "Secret" not in text
    with pytest.raises(NotFound):
        studio.services.reports.session_summary(ben.principal, booking)
    with pytest.raises(NotFound):
        notes.list_notes(ben.principal, client_id=ana.account.id)
    assert notes.unread_counts(ben.principal, ben.account.id) == {}
    notes.edit_note(studio.desk, secret.id, body="Still secret")
    assert "Secret" not in [
        n.body for n in notes.list_notes(ana.principal, client_id=ana.account.id)
    ]
