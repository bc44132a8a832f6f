"""Operations on reminders: a computer's periodic look (the reminders it won and the next
session), and the two steps it is made of for callers that want them apart."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.reminders import Reminder, ReminderCheck
    from podyx_desktop.services import Services


class CheckReminders(NamedTuple):
    """Record and return the due reminders this computer shows (each once over all the
    client's computers), with the client's next session. ``leads``: minutes before."""

    leads: tuple[int, ...]

    def run(self, services: Services, principal: Principal) -> ReminderCheck:
        return services.reminders.check(principal, self.leads)


class DueReminders(NamedTuple):
    """The caller's reminders due now at ``leads`` (not recorded as shown)."""

    leads: tuple[int, ...]

    def run(self, services: Services, principal: Principal) -> list[Reminder]:
        return services.reminders.due(principal, self.leads)


class MarkReminderShown(NamedTuple):
    """Record a reminder as shown; True if this call recorded it (show it)."""

    booking_id: int
    lead_minutes: int

    def run(self, services: Services, principal: Principal) -> bool:
        return services.reminders.mark_shown(principal, self.booking_id, self.lead_minutes)


def check_reminders(seat: Seat, principal: Principal, leads: tuple[int, ...]) -> Op[ReminderCheck]:
    return Op(seat, principal, CheckReminders(leads))
