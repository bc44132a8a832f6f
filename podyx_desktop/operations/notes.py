"""Operations on studio notes: the client's booking notes (opening a booking marks them
read), the notes on the client (opening the Files tab marks them read) and unread counts;
the staff's add, edit (with history) and retract."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import NoteRevision, StudioNote
    from podyx_desktop.services import Services


class BookingNotes(NamedTuple):
    """A booking's notes (the client sees only theirs, never internal ones), newest first;
    ``mark_read``: the client opened it, so its notes are read from now on. With the
    client's unread counts per booking, after that."""

    client_id: int
    booking_id: int
    mark_read: bool

    def run(
        self, services: Services, principal: Principal
    ) -> tuple[list[StudioNote], dict[int, int]]:
        notes = services.notes
        listed = notes.list_notes(principal, client_id=self.client_id, booking_id=self.booking_id)
        if self.mark_read and any(n.read_at is None and not n.internal for n in listed):
            notes.mark_read(principal, self.booking_id)
        return listed, notes.unread_counts(principal, self.client_id)


class UnreadNotes(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> dict[int, int]:
        return services.notes.unread_counts(principal, self.client_id)


class GeneralNotes(NamedTuple):
    """The notes on the client, not on a booking (the client sees only client-visible
    ones), newest first; ``mark_read``: the client opened their Files tab, so these notes
    are read from now on. With how many of them the client has not read, after that."""

    client_id: int
    mark_read: bool

    def run(self, services: Services, principal: Principal) -> tuple[list[StudioNote], int]:
        notes = services.notes
        listed = notes.list_notes(principal, client_id=self.client_id, general_only=True)
        if self.mark_read and any(n.read_at is None and not n.internal for n in listed):
            notes.mark_general_read(principal, self.client_id)
        return listed, notes.unread_general(principal, self.client_id)


class AddNote(NamedTuple):
    client_id: int
    body: str
    internal: bool
    booking_id: int | None

    def run(self, services: Services, principal: Principal) -> StudioNote:
        return services.notes.add_note(
            principal,
            client_id=self.client_id,
            body=self.body,
            internal=self.internal,
            booking_id=self.booking_id,
        )


class EditNote(NamedTuple):
    note_id: int
    body: str
    internal: bool

    def run(self, services: Services, principal: Principal) -> StudioNote:
        return services.notes.edit_note(
            principal, self.note_id, body=self.body, internal=self.internal
        )


class RetractNote(NamedTuple):
    note_id: int

    def run(self, services: Services, principal: Principal) -> None:
        services.notes.retract_note(principal, self.note_id)


class NoteHistory(NamedTuple):
    note_id: int

    def run(self, services: Services, principal: Principal) -> list[NoteRevision]:
        return services.notes.note_history(principal, self.note_id)


def load_booking_notes(
    seat: Seat, principal: Principal, client_id: int, booking_id: int, *, mark_read: bool
) -> Op[tuple[list[StudioNote], dict[int, int]]]:
    return Op(seat, principal, BookingNotes(client_id, booking_id, mark_read))


def load_unread_notes(seat: Seat, principal: Principal, client_id: int) -> Op[dict[int, int]]:
    return Op(seat, principal, UnreadNotes(client_id))


def load_general_notes(
    seat: Seat, principal: Principal, client_id: int, *, mark_read: bool
) -> Op[tuple[list[StudioNote], int]]:
    return Op(seat, principal, GeneralNotes(client_id, mark_read))


def add_note(
    seat: Seat,
    principal: Principal,
    client_id: int,
    body: str,
    *,
    internal: bool,
    booking_id: int | None,
) -> Op[StudioNote]:
    return Op(seat, principal, AddNote(client_id, body, internal, booking_id))


def edit_note(
    seat: Seat, principal: Principal, note_id: int, body: str, *, internal: bool
) -> Op[StudioNote]:
    return Op(seat, principal, EditNote(note_id, body, internal))


def retract_note(seat: Seat, principal: Principal, note_id: int) -> Op[None]:
    return Op(seat, principal, RetractNote(note_id))


def load_note_history(seat: Seat, principal: Principal, note_id: int) -> Op[list[NoteRevision]]:
    return Op(seat, principal, NoteHistory(note_id))
