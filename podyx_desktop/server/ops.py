"""The named requests a client's window may send to the studio server, and how each one
crosses the wire.

A request of :mod:`podyx_desktop.operations` is a ``NamedTuple`` of plain values whose
``run`` is annotated with what it answers; pydantic validates the one from JSON and
serializes the other, on the server and in the window alike (:func:`wire_of`), so the
API's schema is generated from the same classes the window runs in-process.

:data:`SERVER_REQUESTS` is the allow-list: what a client's window needs and nothing of
the desk's. Each entry says whether it needs a signed-in caller and whether the window
may answer it from its synced copy (:attr:`Wire.local`) instead of asking the server.
"""

from __future__ import annotations

import copy
import datetime as _datetime
import typing
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model

from podyx_desktop.domain import (
    availability,
    changes,
    enums,
    policy,
    pricing,
    promo,
    records,
    records_more,
    reminders,
    requests,
    waitlist,
)
from podyx_desktop.domain.changes import Changes
from podyx_desktop.domain.message import Message
from podyx_desktop.domain.principal import Principal
from podyx_desktop.operations import (
    accounts,
    bookings,
    bundles,
    calendar,
    desk_booking,
    documents,
    files,
    notes,
)
from podyx_desktop.operations import reminders as reminder_ops
from podyx_desktop.operations import waitlist as waitlist_ops


@dataclass(frozen=True)
class Wire:
    """How one request class crosses the wire."""

    cls: type
    signed_in: bool  # refused to an anonymous caller before it runs
    local: bool  # the window answers it from its copy of the client's records
    writes: bool  # changes the studio's records: never from the copy, never offline

    @property
    def name(self) -> str:
        return self.cls.__name__

    @property
    def body_model(self) -> type[BaseModel]:
        """The request's JSON body: its fields, nothing else."""
        return _body_model(self.cls)

    @property
    def result_model(self) -> type[BaseModel]:
        """The answer: ``value`` (what ``run`` returns) and the ``changes`` it made."""
        return _result_model(self.cls)

    def parse(self, data: Any) -> Any:
        """The request from its JSON body (pydantic's ValidationError when it does not fit)."""
        body = self.body_model.model_validate(data)
        return self.cls(*(getattr(body, name) for name in self.cls._fields))  # type: ignore[attr-defined]

    def dump_request(self, request: Any) -> dict[str, Any]:
        return self.body_model.model_validate(request._asdict()).model_dump(mode="json")

    def dump_result(self, value: Any, changes: Changes) -> dict[str, Any]:
        """The answer as JSON; sentences inside it (a quote's promo refusal) also travel
        with their id and fields under ``messages``, so the window shows them in its
        language (JSON alone would leave the English text)."""
        messages = [
            {"path": list(path), "message": message.to_data()}
            for path, message in messages_in(value)
        ]
        return self.result_model(
            value=value, changes=changes.to_data(), messages=messages
        ).model_dump(mode="json")

    def load_result(self, data: Any) -> tuple[Any, Changes]:
        result = self.result_model.model_validate(data)
        value = result.value  # type: ignore[attr-defined]
        for sent in result.messages:  # type: ignore[attr-defined]
            value = put_message(value, tuple(sent["path"]), Message.from_data(sent["message"]))
        return value, Changes.from_data(result.changes)  # type: ignore[attr-defined]


def _wire(cls: type, *, signed_in: bool = True, local: bool = False, writes: bool = False) -> Wire:
    return Wire(cls, signed_in, local, writes)


SERVER_REQUESTS: tuple[Wire, ...] = (
    # signing in and up (anonymous)
    _wire(accounts.SignIn, signed_in=False, writes=True),
    _wire(accounts.SignUp, signed_in=False, writes=True),
    _wire(accounts.CheckNewAccount, signed_in=False),
    _wire(desk_booking.SetPasswordWithCode, signed_in=False, writes=True),
    # the account
    _wire(accounts.SignOut, writes=True),
    _wire(accounts.GetAccount, local=True),
    _wire(accounts.SaveProfile, writes=True),
    _wire(accounts.ChangeEmail, writes=True),
    _wire(accounts.ChangePassword, writes=True),
    _wire(accounts.UpdateBilling, writes=True),
    # bookings and the booking steps
    _wire(bookings.ClientBookings, local=True),
    _wire(bookings.BookingDetails, local=True),
    _wire(bookings.CatalogueNow, signed_in=False, local=True),  # visitors book too
    _wire(bookings.FreeTimes, signed_in=False),
    _wire(bookings.QuoteSession, signed_in=False),
    _wire(bookings.Book, writes=True),
    _wire(bookings.CancelBooking, writes=True),
    _wire(bookings.RescheduleBooking, writes=True),
    _wire(bookings.AddAddons, writes=True),
    # bundles and purchases
    _wire(bundles.ClientBundles, local=True),
    _wire(bundles.BundleLedger, local=True),
    _wire(bundles.ClientPurchases, local=True),
    _wire(bundles.Redeem, writes=True),
    _wire(bundles.QuoteBundle),
    _wire(bundles.BuyBundle, writes=True),
    # documents (the copy renders them too, offline)
    _wire(documents.ReceiptPdf, local=True),
    _wire(documents.SessionSummaryPdf, local=True),
    _wire(documents.BundleStatementPdf, local=True),
    _wire(calendar.BookingCalendar, local=True),
    _wire(calendar.UpcomingCalendar, local=True),
    # notes and files (a file's content comes from GET /v1/files/{id})
    _wire(notes.BookingNotes, local=True),
    _wire(notes.UnreadNotes, local=True),
    _wire(notes.GeneralNotes, local=True),
    _wire(files.ClientFiles, local=True),
    _wire(files.MarkFileOpened, writes=True),
    # the waitlist (a time's line and position are the studio's: never from the copy)
    _wire(waitlist_ops.TakenTimes, signed_in=False),
    _wire(waitlist_ops.JoinWaitlist, writes=True),
    _wire(waitlist_ops.LeaveWaitlist, writes=True),
    _wire(waitlist_ops.MyWaitlist),
    _wire(waitlist_ops.PassExpiredHolds, writes=True),
    # reminders: which were shown is the studio's (one computer of the client shows each).
    # Checking records a reminder as shown, nothing the client's copy holds: not "writes",
    # so a client at home does not sync its copy after every minute's check.
    _wire(reminder_ops.CheckReminders),
    _wire(reminder_ops.DueReminders),
    _wire(reminder_ops.MarkReminderShown),
)

BY_NAME: dict[str, Wire] = {wire.name: wire for wire in SERVER_REQUESTS}


def wire_of(request: Any) -> Wire | None:
    """The wire of a request instance; None for one the server does not take."""
    wire = BY_NAME.get(type(request).__name__)
    return wire if wire is not None and wire.cls is type(request) else None


# --- sentences inside an answer ------------------------------------------------------------

_Path = tuple[str | int, ...]


def messages_in(value: Any) -> list[tuple[_Path, Message]]:
    """Every :class:`Message` inside an answer (records, named tuples, lists, dicts with
    text or number keys), with the path that leads to it. Every answer is walked, so the
    walk stays cheap: plain values end it at once, a record's field names are looked up
    once per class."""
    found: list[tuple[_Path, Message]] = []
    _collect(value, (), found)
    return found


_PLAIN = (str, bytes, int, float, bool, _datetime.date, _datetime.datetime, type(None))


def _collect(value: Any, path: _Path, found: list[tuple[_Path, Message]]) -> None:
    kind = type(value)
    if kind is Message:
        found.append((path, value))
    elif kind in _PLAIN:
        return
    elif isinstance(value, Message):  # a subclass
        found.append((path, value))
    elif is_dataclass(value) and not isinstance(value, type):
        for name in _field_names(kind):  # type: ignore[arg-type]
            _collect(getattr(value, name), (*path, name), found)
    elif isinstance(value, tuple) and hasattr(value, "_fields"):
        for name in value._fields:
            _collect(getattr(value, name), (*path, name), found)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _collect(item, (*path, index), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str | int):
                _collect(item, (*path, key), found)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(cls))


def put_message(value: Any, path: _Path, message: Message) -> Any:
    """``value`` with the text at ``path`` replaced by ``message`` (records are frozen:
    the ones on the way are copied). A path that does not fit changes nothing."""
    if not path:
        return message if isinstance(value, str) and value == str(message) else value
    head, rest = path[0], path[1:]
    if is_dataclass(value) and not isinstance(value, type) and isinstance(head, str):
        if head not in {field.name for field in fields(value)}:
            return value
        changed = copy.copy(value)
        object.__setattr__(changed, head, put_message(getattr(value, head), rest, message))
        return changed
    if isinstance(value, tuple) and hasattr(value, "_fields") and head in value._fields:
        return value._replace(**{str(head): put_message(getattr(value, str(head)), rest, message)})  # type: ignore[attr-defined]
    if isinstance(value, list | tuple) and isinstance(head, int) and 0 <= head < len(value):
        items = list(value)
        items[head] = put_message(items[head], rest, message)
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict) and head in value:
        return {**value, head: put_message(value[head], rest, message)}
    return value


# --- the types behind the annotations ---------------------------------------------------


def _namespace() -> dict[str, Any]:
    """Every name the requests' annotations use (they are strings: the modules import
    the records for type checking only)."""
    names: dict[str, Any] = {
        "datetime": _datetime.datetime,
        "date": _datetime.date,
        "Services": object,  # run's own parameters: never sent
        "Principal": Principal,
    }
    for module in (
        records,
        records_more,
        requests,
        enums,
        changes,
        availability,
        policy,
        pricing,
        promo,
        reminders,
        waitlist,
    ):
        names.update({k: v for k, v in vars(module).items() if isinstance(v, type)})
    for module in (
        accounts,
        bookings,
        bundles,
        calendar,
        desk_booking,
        documents,
        files,
        notes,
        reminder_ops,
        waitlist_ops,
    ):
        names.update({k: v for k, v in vars(module).items() if isinstance(v, type)})
    return names


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, _namespace())


# bytes (a PDF) travel as base64 text; nothing unknown is accepted
_CONFIG = ConfigDict(extra="forbid", ser_json_bytes="base64", val_json_bytes="base64")


@cache
def _body_model(cls: type) -> type[BaseModel]:
    hints = _hints(cls)
    defaults = cls._field_defaults  # type: ignore[attr-defined]
    fields: dict[str, Any] = {
        name: (hints[name], defaults.get(name, ...))
        for name in cls._fields  # type: ignore[attr-defined]
    }
    return create_model(cls.__name__, __config__=_CONFIG, __doc__=cls.__doc__, **fields)


@cache
def _result_model(cls: type) -> type[BaseModel]:
    returns = typing.get_type_hints(cls.run, _namespace())["return"]  # type: ignore[attr-defined]
    return create_model(
        f"{cls.__name__}Result",
        __config__=_CONFIG,
        value=(returns, ...),
        changes=(dict[str, list[int] | None], {}),
        messages=(list[dict[str, Any]], []),
    )


@cache
def _studio_model() -> type[BaseModel]:
    return create_model("Studio", __config__=_CONFIG, studio=(records.StudioInfo, ...))


def dump_studio(info: records.StudioInfo) -> dict[str, Any]:
    """The studio's public card as JSON (its logo in base64)."""
    return _studio_model()(studio=info).model_dump(mode="json")


def load_studio(data: Any) -> records.StudioInfo:
    studio: records.StudioInfo = _studio_model().model_validate(data).studio  # type: ignore[attr-defined]
    return studio
