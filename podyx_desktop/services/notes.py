"""Studio notes on a client or one of their bookings.

Staff write two kinds: updates the client sees (“your edit is ready”) and internal notes
the client never sees. A client reads only their own client-visible notes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.enums import Role
from podyx_desktop.domain.errors import InvalidInput, NotFound
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
        raise NotFound("That client does not exist. Refresh the client list and try again.")
    return client


def check_booking_of(session: Session, booking_id: int | None, client_id: int) -> None:
    """Refuse a booking that does not exist or belongs to someone else."""
    if booking_id is None:
        return
    owner = session.scalar(select(t.Booking.client_id).where(t.Booking.id == booking_id))
    if owner is None:
        raise NotFound("That booking does not exist. Refresh and try again.")
    if owner != client_id:
        raise InvalidInput("That booking belongs to another client.", field="booking_id")


class NoteService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

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
        text = body.strip()
        if not text:
            raise InvalidInput("Write something in the note first.", field="body")
        if len(text) > MAX_NOTE:
            raise InvalidInput(
                f"A note can be at most {MAX_NOTE} characters long. Split it into several.",
                field="body",
            )
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
        self, principal: Principal, *, client_id: int, booking_id: int | None = None
    ) -> list[r.StudioNote]:
        """A client's notes, newest first (one booking's when ``booking_id`` is given).

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
            if not staff:
                query = query.where(t.StudioNote.internal.is_(False))
            return [
                mapping.studio_note(row, author or NO_AUTHOR)
                for row, author in session.execute(query)
            ]
