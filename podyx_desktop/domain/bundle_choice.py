"""Which of a client's bundles pays for a session the desk books with bundle credit.

The desk picks "Bundle credit" as the payment method; it does not pick the bundle. Of
the client's bundles that can pay for the session (active, sessions left, the session's
length, and the setup and service among those the bundle covers — none listed: any),
the one that expires first is used, so credit that would lapse is spent before credit
that keeps; bundles that never expire come last, older before newer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import Message, m
from podyx_desktop.domain.records import Bundle

_NEVER = datetime.max


def covers(bundle: Bundle, setup_id: int, service_id: int) -> bool:
    """The bundle may be used on this setup for this service."""
    return (not bundle.setup_ids or setup_id in bundle.setup_ids) and (
        not bundle.service_ids or service_id in bundle.service_ids
    )


def bundle_for_session(
    bundles: Iterable[Bundle], setup_id: int, service_id: int, minutes: int
) -> Bundle:
    """The bundle that pays for a session of ``minutes`` on the setup and service.

    Raises :class:`InvalidInput` with what to do when none can: no bundle with sessions
    left, or only bundles of another length or for other setups and services.
    """
    usable = [b for b in bundles if b.state == "active" and b.sessions_remaining > 0]
    if not usable:
        raise InvalidInput(
            m(
                "This client has no bundle with sessions left. Choose another payment method, "
                "or issue or sell them a bundle first."
            ),
            field="payment_method",
        )
    covering = [b for b in usable if covers(b, setup_id, service_id)]
    if not covering:
        raise InvalidInput(
            m(
                "None of this client's bundles covers this setup and service. Choose one "
                "their bundle covers, or another payment method."
            ),
            field="payment_method",
        )
    fitting = [b for b in covering if b.session_minutes == minutes]
    if not fitting:
        lengths = sorted({b.session_minutes for b in covering})
        raise InvalidInput(
            m(
                "This client's bundle pays for sessions of {hours}: choose that length, or "
                "another payment method.",
                hours=_either(lengths),
            ),
            field="length",
        )
    return min(
        fitting,
        key=lambda b: (
            b.expires_at.replace(tzinfo=None) if b.expires_at is not None else _NEVER,
            b.purchased_at.replace(tzinfo=None),
            b.id,
        ),
    )


def _length(minutes: int) -> Message:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return m("{hours} h {minutes} min", hours=hours, minutes=rest)
    if hours:
        return m("{hours} h", hours=hours)
    return m("{minutes} min", minutes=rest)


def _either(lengths: list[int]) -> Message:
    """``2 h or 3 h or 4 h 30 min``, each part and each "or" translated."""
    said = _length(lengths[0])
    for minutes in lengths[1:]:
        said = m("{first} or {then}", first=said, then=_length(minutes))
    return said
