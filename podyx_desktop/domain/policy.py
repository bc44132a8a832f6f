"""Booking rules: studio-wide values, overridden per room and then per setup.

Cutoffs are measured from the session's start: a client may cancel while
``now <= starts_at - cancel_cutoff_hours`` (likewise for rescheduling).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.message import m, mn
from podyx_desktop.domain.words import word


@dataclass(frozen=True)
class BookingPolicy:
    buffer_minutes: int = 15
    lead_time_hours: int = 2
    cancel_cutoff_hours: int = 24
    reschedule_cutoff_hours: int = 24
    max_reschedules: int = 2


@dataclass(frozen=True)
class PolicyOverride:
    """A room's or a setup's deviations from the studio policy; None means "inherit"."""

    buffer_minutes: int | None = None
    lead_time_hours: int | None = None
    cancel_cutoff_hours: int | None = None
    reschedule_cutoff_hours: int | None = None
    max_reschedules: int | None = None


def resolve_policy(studio: BookingPolicy, *overrides: PolicyOverride | None) -> BookingPolicy:
    """Apply overrides in order (room, then setup): the last non-None value wins."""
    policy = studio
    for override in overrides:
        if override is None:
            continue
        changes = {
            f.name: getattr(override, f.name)
            for f in fields(override)
            if getattr(override, f.name) is not None
        }
        policy = replace(policy, **changes)
    return policy


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str | None = None

    @classmethod
    def yes(cls) -> Decision:
        return cls(True)

    @classmethod
    def no(cls, reason: str) -> Decision:
        return cls(False, reason)


def _status_reason(status: BookingStatus, verb: str) -> str | None:
    if status is BookingStatus.CANCELED:
        return m("This session is canceled; it cannot be {verb}.", verb=word(verb))
    if status is BookingStatus.COMPLETED:
        return m("This session has taken place; it cannot be {verb}.", verb=word(verb))
    if status is BookingStatus.NO_SHOW:
        return m("This session was marked as a no-show; it cannot be {verb}.", verb=word(verb))
    return None


def can_cancel(
    policy: BookingPolicy, status: BookingStatus, starts_at: datetime, now: datetime
) -> Decision:
    reason = _status_reason(status, "canceled")
    if reason:
        return Decision.no(reason)
    if now >= starts_at:
        return Decision.no(m("This session has already started; it cannot be canceled."))
    if now > starts_at - timedelta(hours=policy.cancel_cutoff_hours):
        return Decision.no(
            m(
                "Cancellation closed {cancel_cutoff_hours} h before the session. "
                "Please contact the studio.",
                cancel_cutoff_hours=policy.cancel_cutoff_hours,
            )
        )
    return Decision.yes()


def can_reschedule(
    policy: BookingPolicy,
    status: BookingStatus,
    starts_at: datetime,
    now: datetime,
    reschedule_count: int,
) -> Decision:
    reason = _status_reason(status, "rescheduled")
    if reason:
        return Decision.no(reason)
    if now >= starts_at:
        return Decision.no(m("This session has already started; it cannot be rescheduled."))
    if now > starts_at - timedelta(hours=policy.reschedule_cutoff_hours):
        return Decision.no(
            m(
                "Rescheduling closed {reschedule_cutoff_hours} h before the session. "
                "Please contact the studio.",
                reschedule_cutoff_hours=policy.reschedule_cutoff_hours,
            )
        )
    if reschedule_count >= policy.max_reschedules:
        return Decision.no(
            mn(
                "This session has been rescheduled %n time(s), the most the studio "
                "allows. Please contact the studio.",
                "",
                reschedule_count,
            )
        )
    return Decision.yes()


def can_add_addons(status: BookingStatus, starts_at: datetime, now: datetime) -> Decision:
    reason = _status_reason(status, "changed")
    if reason:
        return Decision.no(reason)
    if now >= starts_at:
        return Decision.no(m("Add-ons can only be added before the session starts."))
    return Decision.yes()


def changed_elsewhere(status: BookingStatus) -> str:
    """What a seat is told when another seat changed the booking while it waited."""
    if status is BookingStatus.CANCELED:
        return m("This booking was canceled a moment ago on another seat.")
    if status is BookingStatus.COMPLETED:
        return m("This session was marked completed a moment ago on another seat.")
    if status is BookingStatus.NO_SHOW:
        return m("This session was marked a no-show a moment ago on another seat.")
    if status is BookingStatus.CONFIRMED:
        return m(
            "This booking was confirmed a moment ago on another seat. "
            "Look at it again before changing it."
        )
    return m(
        "This booking was moved a moment ago on another seat. Look at it again before changing it."
    )
