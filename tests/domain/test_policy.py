"""Booking policies: overrides, cancel and reschedule cutoffs, add-ons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.policy import (
    BookingPolicy,
    Decision,
    PolicyOverride,
    can_add_addons,
    can_cancel,
    can_reschedule,
    resolve_policy,
)

STUDIO = BookingPolicy()
STARTS = datetime(2026, 5, 20, 14, 0, tzinfo=UTC)
OPEN = (BookingStatus.PENDING, BookingStatus.CONFIRMED, BookingStatus.RESCHEDULED)
CLOSED = (BookingStatus.CANCELED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)
SECOND = timedelta(seconds=1)


def test_studio_defaults() -> None:
    assert (STUDIO.buffer_minutes, STUDIO.max_reschedules) == (15, 2)
    assert BookingPolicy() == BookingPolicy(
        buffer_minutes=15,
        lead_time_hours=2,
        cancel_cutoff_hours=24,
        reschedule_cutoff_hours=24,
        max_reschedules=2,
    )


def test_resolve_policy_without_overrides() -> None:
    assert resolve_policy(STUDIO) == STUDIO
    assert resolve_policy(STUDIO, None, None) == STUDIO
    assert resolve_policy(STUDIO, PolicyOverride(), PolicyOverride()) == STUDIO


def test_resolve_policy_room_then_setup() -> None:
    room = PolicyOverride(buffer_minutes=30, cancel_cutoff_hours=48, max_reschedules=1)
    setup = PolicyOverride(cancel_cutoff_hours=12, lead_time_hours=6)
    assert resolve_policy(STUDIO, room) == BookingPolicy(
        buffer_minutes=30,
        lead_time_hours=2,
        cancel_cutoff_hours=48,
        reschedule_cutoff_hours=24,
        max_reschedules=1,
    )
    # the setup's value wins over the room's; the room's other values survive
    assert resolve_policy(STUDIO, room, setup) == BookingPolicy(
        buffer_minutes=30,
        lead_time_hours=6,
        cancel_cutoff_hours=12,
        reschedule_cutoff_hours=24,
        max_reschedules=1,
    )
    # a missing room override leaves the setup's in force
    assert resolve_policy(STUDIO, None, setup).cancel_cutoff_hours == 12
    assert resolve_policy(STUDIO, None, setup).buffer_minutes == 15


def test_resolve_policy_zero_is_an_override_not_inherit() -> None:
    room = PolicyOverride(buffer_minutes=0, max_reschedules=0, lead_time_hours=0)
    policy = resolve_policy(STUDIO, room)
    assert policy.buffer_minutes == 0
    assert policy.max_reschedules == 0
    assert policy.lead_time_hours == 0
    assert resolve_policy(STUDIO, room, PolicyOverride(buffer_minutes=5)).buffer_minutes == 5


def test_resolve_policy_does_not_change_the_studio_policy() -> None:
    studio = BookingPolicy(buffer_minutes=10)
    resolve_policy(studio, PolicyOverride(buffer_minutes=99))
    assert studio.buffer_minutes == 10


def test_decision_constructors() -> None:
    assert Decision.yes() == Decision(True, None)
    assert Decision.no("because") == Decision(False, "because")


# --- cancel -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", OPEN)
def test_cancel_allowed_exactly_at_cutoff(status: BookingStatus) -> None:
    cutoff = STARTS - timedelta(hours=24)
    assert can_cancel(STUDIO, status, STARTS, now=cutoff) == Decision.yes()
    assert can_cancel(STUDIO, status, STARTS, now=cutoff - timedelta(days=10)).allowed


@pytest.mark.parametrize("status", OPEN)
def test_cancel_refused_one_second_after_cutoff(status: BookingStatus) -> None:
    decision = can_cancel(STUDIO, status, STARTS, now=STARTS - timedelta(hours=24) + SECOND)
    assert not decision.allowed
    assert decision.reason is not None
    assert "Cancellation closed 24 h before the session" in decision.reason
    assert "contact the studio" in decision.reason


def test_cancel_cutoff_follows_the_policy() -> None:
    policy = resolve_policy(STUDIO, PolicyOverride(cancel_cutoff_hours=48))
    at = STARTS - timedelta(hours=48)
    assert can_cancel(policy, BookingStatus.CONFIRMED, STARTS, at).allowed
    decision = can_cancel(policy, BookingStatus.CONFIRMED, STARTS, at + SECOND)
    assert not decision.allowed
    assert decision.reason is not None
    assert "Cancellation closed 48 h before the session" in decision.reason


def test_cancel_with_zero_cutoff_until_the_start() -> None:
    policy = BookingPolicy(cancel_cutoff_hours=0)
    assert can_cancel(policy, BookingStatus.CONFIRMED, STARTS, STARTS - SECOND).allowed
    decision = can_cancel(policy, BookingStatus.CONFIRMED, STARTS, STARTS)
    assert not decision.allowed
    assert decision.reason is not None
    assert "already started" in decision.reason


@pytest.mark.parametrize("now", [STARTS, STARTS + timedelta(hours=1)])
def test_cancel_refused_once_started(now: datetime) -> None:
    decision = can_cancel(STUDIO, BookingStatus.CONFIRMED, STARTS, now)
    assert not decision.allowed
    assert decision.reason == "This session has already started; it cannot be canceled."


@pytest.mark.parametrize(
    ("status", "fragment"),
    [
        (BookingStatus.CANCELED, "is canceled"),
        (BookingStatus.COMPLETED, "has taken place"),
        (BookingStatus.NO_SHOW, "no-show"),
    ],
)
def test_cancel_refused_for_closed_statuses(status: BookingStatus, fragment: str) -> None:
    decision = can_cancel(STUDIO, status, STARTS, STARTS - timedelta(days=30))
    assert not decision.allowed
    assert decision.reason is not None
    assert fragment in decision.reason
    assert "cannot be canceled" in decision.reason


# --- reschedule -------------------------------------------------------------------------


@pytest.mark.parametrize("status", OPEN)
def test_reschedule_cutoff_boundary(status: BookingStatus) -> None:
    cutoff = STARTS - timedelta(hours=24)
    assert can_reschedule(STUDIO, status, STARTS, cutoff, 0) == Decision.yes()
    decision = can_reschedule(STUDIO, status, STARTS, cutoff + SECOND, 0)
    assert not decision.allowed
    assert decision.reason is not None
    assert "Rescheduling closed 24 h before the session" in decision.reason


def test_reschedule_max_reschedules() -> None:
    early = STARTS - timedelta(days=7)
    assert can_reschedule(STUDIO, BookingStatus.CONFIRMED, STARTS, early, 0).allowed
    assert can_reschedule(STUDIO, BookingStatus.RESCHEDULED, STARTS, early, 1).allowed
    decision = can_reschedule(STUDIO, BookingStatus.RESCHEDULED, STARTS, early, 2)
    assert not decision.allowed
    assert decision.reason is not None
    assert "rescheduled 2 times" in decision.reason
    assert not can_reschedule(STUDIO, BookingStatus.RESCHEDULED, STARTS, early, 3).allowed


def test_reschedule_with_zero_allowed() -> None:
    policy = resolve_policy(STUDIO, PolicyOverride(max_reschedules=0))
    decision = can_reschedule(
        policy, BookingStatus.CONFIRMED, STARTS, STARTS - timedelta(days=7), 0
    )
    assert not decision.allowed


def test_reschedule_uses_its_own_cutoff() -> None:
    policy = BookingPolicy(cancel_cutoff_hours=48, reschedule_cutoff_hours=6)
    now = STARTS - timedelta(hours=12)
    assert not can_cancel(policy, BookingStatus.CONFIRMED, STARTS, now).allowed
    assert can_reschedule(policy, BookingStatus.CONFIRMED, STARTS, now, 0).allowed
    decision = can_reschedule(
        policy, BookingStatus.CONFIRMED, STARTS, STARTS - timedelta(hours=5), 0
    )
    assert decision.reason is not None
    assert "Rescheduling closed 6 h before the session" in decision.reason


def test_reschedule_refused_once_started() -> None:
    decision = can_reschedule(STUDIO, BookingStatus.CONFIRMED, STARTS, STARTS, 0)
    assert not decision.allowed
    assert decision.reason is not None
    assert "already started" in decision.reason


@pytest.mark.parametrize("status", CLOSED)
def test_reschedule_refused_for_closed_statuses(status: BookingStatus) -> None:
    decision = can_reschedule(STUDIO, status, STARTS, STARTS - timedelta(days=30), 0)
    assert not decision.allowed
    assert decision.reason is not None
    assert "cannot be rescheduled" in decision.reason


# --- add-ons ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", OPEN)
def test_add_addons_until_the_start(status: BookingStatus) -> None:
    assert can_add_addons(status, STARTS, STARTS - SECOND).allowed
    decision = can_add_addons(status, STARTS, STARTS)
    assert not decision.allowed
    assert decision.reason == "Add-ons can only be added before the session starts."


@pytest.mark.parametrize("status", CLOSED)
def test_add_addons_refused_for_closed_statuses(status: BookingStatus) -> None:
    decision = can_add_addons(status, STARTS, STARTS - timedelta(days=1))
    assert not decision.allowed
    assert decision.reason is not None
    assert "cannot be changed" in decision.reason
