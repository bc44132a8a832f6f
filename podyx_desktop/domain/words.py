"""English words the services put into a sentence (a kind of record, a status, a role), as
messages, so that the window shows them in its language (:mod:`podyx_desktop.domain.message`).

The services keep passing plain words around (``owned(..., "booking")``); the sentence that
fills one in looks it up here with :func:`word`. Each entry is marked with ``m()`` where it
is defined, so ``lupdate`` finds it.
"""

from __future__ import annotations

from podyx_desktop.domain.message import Message, m

_WORDS: dict[str, Message] = {
    # kinds of record
    "booking": m("booking"),
    "bundle": m("bundle"),
    "purchase": m("purchase"),
    "file": m("file"),
    "client record": m("client record"),
    "room": m("room"),
    "setup": m("setup"),
    "service": m("service"),
    "add-on": m("add-on"),
    "promo code": m("promo code"),
    "receipt": m("receipt"),
    "credit note": m("credit note"),
    "bundle product": m("bundle product"),
    "a room": m("a room"),
    "a service": m("a service"),
    "an add-on": m("an add-on"),
    "a bundle": m("a bundle"),
    # the studio's details and booking rules, as named in a sentence
    "name": m("name"),
    "vat number": m("vat number"),
    "address line 1": m("address line 1"),
    "address line 2": m("address line 2"),
    "postal code": m("postal code"),
    "city": m("city"),
    "email": m("email"),
    "phone": m("phone"),
    "registration number": m("registration number"),
    "bank details": m("bank details"),
    "buffer minutes": m("buffer minutes"),
    "lead time hours": m("lead time hours"),
    "cancel cutoff hours": m("cancel cutoff hours"),
    "reschedule cutoff hours": m("reschedule cutoff hours"),
    "max reschedules": m("max reschedules"),
    # what a password is asked for
    "change your email": m("change your email"),
    "change it": m("change it"),
    # statuses and what cannot be done to a session any more
    "pending": m("pending"),
    "confirmed": m("confirmed"),
    "canceled": m("canceled"),
    "completed": m("completed"),
    "no show": m("no show"),
    "rescheduled": m("rescheduled"),
    "changed": m("changed"),
    # staff roles
    "front desk": m("front desk"),
    "manager": m("manager"),
    "owner": m("owner"),
    "client": m("client"),
}


def word(text: str) -> str:
    """``text`` as a message when it is one of the words above (``_`` read as a space);
    a message already stays as it is."""
    if isinstance(text, Message):
        return text
    plain = text.replace("_", " ")
    return _WORDS.get(plain, plain)
