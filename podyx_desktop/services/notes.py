"""Studio notes on a client or one of their bookings.

Staff write two kinds: updates the client sees (“your edit is ready”) and internal notes
the client never sees. A client reads only their own client-visible notes. Staff edit a
note (the text it replaced is kept in ``note_revisions``) and delete one by retracting it:
the row stays, hidden from every list and document, and the audit log keeps who and when.
The client's read marker (``read_at``) is set when they open the booking (a note on the
client, not on a booking: when they open their Files tab, where such notes are shown); an
edit of a client-visible note clears it, so the changed note is badged again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import InvalidInput, NotFound
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping
from podyx_desktop.services.context import (
    ServiceContext,
    audit,
    is_staff,
    owned,
    require_staff,
)

MAX_NOTE = 20_000
NO_AUTHOR = "The studio"  # notes written from podyx-admin have no author account


def client_row(session: Session, client_id: int) -> t.User:
    """The client ``client_id`` (staff accounts are not clients); NotFound otherwise."""
    client = session.get(t.User, client_id)
    if client is None or client.role != Role.CLIENT.value:
        raise NotFound(m("That client does not exist. Refresh the client list and try again."))
    return client


def check_booking_of(session: Session, booking_id: int | None, client_id: int) -> None:
    """Refuse a booking that does not exist or belongs to someone else."""
    if booking_id is None:
        return
    owner = session.scalar(select(t.Booking.client_id).where(t.Booking.id == booking_id))
    if owner is None:
        raise NotFound(m("That booking does not exist. Refresh and try again."))
    if owner != client_id:
        raise InvalidInput(m("That booking belongs to another client."), field="booking_id")


def _unread_general(client_id: int) -> tuple[Any, ...]:
    """The conditions of a client-visible, live, unread note on ``client_id`` itself."""
    return (
        t.StudioNote.client_id == client_id,
        t.StudioNote.booking_id.is_(None),
        t.StudioNote.internal.is_(False),
        t.StudioNote.retracted_at.is_(None),
        t.StudioNote.read_at.is_(None),
    )


class NoteService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    @staticmethod
    def _clean(body: str) -> str:
        text = body.strip()
        if not text:
            raise InvalidInput(m("Write something in the note first."), field="body")
        if len(text) > MAX_NOTE:
            raise InvalidInput(
                m(
                    "A note can be at most {max_note} characters long. Split it into several.",
                    max_note=MAX_NOTE,
                ),
                field="body",
            )
        return text

    def add_note(
        self,
        principal: Principal,
        *,
        client_id: int,
        body: str,
        internal: bool,
        booking_id: int | None = None,
    ) -> r.StudioNote:
        """Staff write a note; ``internal`` notes are never shown to the client."""
        text = self._clean(body)
        with self._ctx.db.write() as session:
            author = require_staff(session, principal)
            client_row(session, client_id)
            check_booking_of(session, booking_id, client_id)
            now = self._ctx.now()
            row = t.StudioNote(
                client_id=client_id,
                booking_id=booking_id,
                author_id=author.id if author else None,
                created_at=now,
                body=text,
                internal=internal,
            )
            session.add(row)
            session.flush()
            audit(
                session,
                when=now,
                user=author,
                action="add_note",
                entity="client",
                entity_id=client_id,
                after={"note_id": row.id, "booking_id": booking_id, "internal": internal},
            )
            return mapping.studio_note(row, author.full_name if author else NO_AUTHOR)

    def list_notes(
        self,
        principal: Principal,
        *,
        client_id: int,
        booking_id: int | None = None,
        general_only: bool = False,
    ) -> list[r.StudioNote]:
        """A client's notes, newest first (one booking's when ``booking_id`` is given;
        only those on the client, not on a booking, with ``general_only``).

        Staff see every note; the client sees their own client-visible notes; anyone
        else is told the record does not exist.
        """
        with self._ctx.db.read() as session:
            owned(session, principal, client_id, "client record")
            staff = is_staff(session, principal)
            if staff:
                client_row(session, client_id)
            query: Any = (
                select(t.StudioNote, t.User.full_name)
                .outerjoin(t.User, t.User.id == t.StudioNote.author_id)
                .where(t.StudioNote.client_id == client_id)
                .order_by(t.StudioNote.created_at.desc(), t.StudioNote.id.desc())
            )
            if booking_id is not None:
                query = query.where(t.StudioNote.booking_id == booking_id)
            if general_only:
                query = query.where(t.StudioNote.booking_id.is_(None))
            query = query.where(t.StudioNote.retracted_at.is_(None))
            if not staff:
                query = query.where(t.StudioNote.internal.is_(False))
            return [
                mapping.studio_note(row, author or NO_AUTHOR)
                for row, author in session.execute(query)
            ]

    def edit_note(
        self, principal: Principal, note_id: int, *, body: str, internal: bool | None = None
    ) -> r.StudioNote:
        """Staff change a note's text (and, when given, whether it is internal); the text
        it replaced goes into the note's history. A client-visible note becomes unread."""
        text = self._clean(body)
        with self._ctx.db.write() as session:
            author = require_staff(session, principal)
            row = self._live_note(session, note_id, for_update=True)
            keep_internal = row.internal if internal is None else internal
            if text == row.body and keep_internal == row.internal:
                raise InvalidInput(m("The note says the same as before."), field="body")
            now = self._ctx.now()
            session.add(
                t.NoteRevision(
                    note_id=row.id,
                    body=row.body,
                    internal=row.internal,
                    written_at=row.edited_at or row.created_at,
                    replaced_at=now,
                    replaced_by_id=author.id if author else None,
                )
            )
            before = {"internal": row.internal, "length": len(row.body)}
            row.body, row.internal, row.edited_at, row.read_at = text, keep_internal, now, None
            audit(
                session,
                when=now,
                user=author,
                action="edit_note",
                entity="client",
                entity_id=row.client_id,
                before={"note_id": row.id, **before},
                after={"note_id": row.id, "internal": row.internal, "length": len(text)},
            )
            return mapping.studio_note(row, self._author(session, row))

    def retract_note(self, principal: Principal, note_id: int) -> None:
        """Staff delete a note: it is hidden from everyone (the client, staff lists, the
        session summary) but kept, with its history, and the retraction is audited."""
        with self._ctx.db.write() as session:
            author = require_staff(session, principal)
            row = self._live_note(session, note_id, for_update=True)
            now = self._ctx.now()
            row.retracted_at = now
            audit(
                session,
                when=now,
                user=author,
                action="retract_note",
                entity="client",
                entity_id=row.client_id,
                before={"note_id": row.id, "booking_id": row.booking_id, "internal": row.internal},
            )

    def note_history(self, principal: Principal, note_id: int) -> list[r.NoteRevision]:
        """A note's earlier texts, newest first (staff only)."""
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            self._live_note(session, note_id)
            rows = session.execute(
                select(t.NoteRevision, t.User.full_name)
                .outerjoin(t.User, t.User.id == t.NoteRevision.replaced_by_id)
                .where(t.NoteRevision.note_id == note_id)
                .order_by(t.NoteRevision.replaced_at.desc(), t.NoteRevision.id.desc())
            )
            return [
                r.NoteRevision(
                    note_id=rev.note_id,
                    body=rev.body,
                    internal=rev.internal,
                    written_at=rev.written_at,
                    replaced_at=rev.replaced_at,
                    replaced_by=name or NO_AUTHOR,
                )
                for rev, name in rows
            ]

    def unread_counts(self, principal: Principal, client_id: int) -> dict[int, int]:
        """Per booking of ``client_id``: how many client-visible notes the client has not
        read yet (bookings without any are left out)."""
        with self._ctx.db.read() as session:
            owned(session, principal, client_id, "client record")
            rows = session.execute(
                select(t.StudioNote.booking_id, func.count())
                .where(
                    t.StudioNote.client_id == client_id,
                    t.StudioNote.booking_id.is_not(None),
                    t.StudioNote.internal.is_(False),
                    t.StudioNote.retracted_at.is_(None),
                    t.StudioNote.read_at.is_(None),
                )
                .group_by(t.StudioNote.booking_id)
            )
            return {booking: count for booking, count in rows if booking is not None}

    def mark_read(self, principal: Principal, booking_id: int) -> int:
        """The client opened ``booking_id``: its client-visible notes are read. Staff
        looking at a client's booking read nothing for them (0). Returns how many."""
        with self._ctx.db.write() as session:
            owner = session.scalar(select(t.Booking.client_id).where(t.Booking.id == booking_id))
            if owner is None:
                raise NotFound(m("That booking does not exist. Refresh and try again."))
            owned(session, principal, owner, "booking")
            if is_staff(session, principal):
                return 0
            # one conditional write: notes another seat marked meanwhile are not counted again
            marked = session.execute(
                update(t.StudioNote)
                .where(
                    t.StudioNote.booking_id == booking_id,
                    t.StudioNote.internal.is_(False),
                    t.StudioNote.retracted_at.is_(None),
                    t.StudioNote.read_at.is_(None),
                )
                .values(read_at=self._ctx.now())
            )
            return int(marked.rowcount)  # type: ignore[attr-defined]

    def unread_general(self, principal: Principal, client_id: int) -> int:
        """How many client-visible notes on ``client_id`` (not on a booking) the client has
        not read yet."""
        with self._ctx.db.read() as session:
            owned(session, principal, client_id, "client record")
            if is_staff(session, principal):
                client_row(session, client_id)
            count = session.scalar(
                select(func.count()).select_from(t.StudioNote).where(*_unread_general(client_id))
            )
            return int(count or 0)

    def mark_general_read(self, principal: Principal, client_id: int) -> int:
        """The client opened their Files tab: the client-visible notes on them (not on a
        booking) are read. Staff looking at a client read nothing for them (0). Returns
        how many."""
        with self._ctx.db.write() as session:
            owned(session, principal, client_id, "client record")
            if is_staff(session, principal):
                client_row(session, client_id)
                return 0
            # one conditional write: notes another seat marked meanwhile are not counted again
            marked = session.execute(
                update(t.StudioNote)
                .where(*_unread_general(client_id))
                .values(read_at=self._ctx.now())
            )
            return int(marked.rowcount)  # type: ignore[attr-defined]

    @staticmethod
    def _live_note(session: Session, note_id: int, *, for_update: bool = False) -> t.StudioNote:
        query = select(t.StudioNote).where(t.StudioNote.id == note_id)
        if for_update:
            query = query.with_for_update()
        row = session.scalar(query)
        if row is None or row.retracted_at is not None:
            raise NotFound(m("That note does not exist or was deleted. Refresh and try again."))
        return row

    @staticmethod
    def _author(session: Session, row: t.StudioNote) -> str:
        author = session.get(t.User, row.author_id) if row.author_id else None
        return author.full_name if author else NO_AUTHOR
