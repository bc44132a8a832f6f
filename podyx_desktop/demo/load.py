"""A demo studio to try Podyx with: ``podyx-admin demo`` loads it into an empty database.

Everything is made through the services, as the people in it would: the studio, its
catalogue and its accounts by :func:`~podyx_desktop.demo.builder.create_studio`, then eight
weeks of bookings, payments, bundles, cancellations, refunds, notes and files by clients
and staff, on a clock the demo moves forward day by day, and finally upcoming sessions
booked up to today. Every account shares one password, printed with the logins. The
scripted studio itself (description, plans) is in :mod:`podyx_desktop.demo.data`.
"""

from __future__ import annotations

import heapq
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from podyx_desktop.demo import data
from podyx_desktop.demo.builder import create_studio
from podyx_desktop.domain.enums import BookingStatus, PaymentMethod, PurchaseStatus, RefundTo, Role
from podyx_desktop.domain.errors import DatabaseProblem, PodyxError
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Booking, SignedIn
from podyx_desktop.domain.requests import (
    AddonChoice,
    AvailabilityQuery,
    BookingRequest,
    BundlePurchaseRequest,
    RedeemRequest,
    SessionCart,
)
from podyx_desktop.services import Services

log = logging.getLogger(__name__)

DEMO_PASSWORD = data.DEMO_PASSWORD
HISTORY_DAYS = 62  # the demo's story starts this long before today
NOTICE_DAYS = 4  # sessions are booked this long before they take place


@dataclass(frozen=True)
class DemoLogin:
    role: str
    name: str
    email: str
    password: str


@dataclass(frozen=True)
class DemoLogins:
    studio: str
    logins: tuple[DemoLogin, ...]

    def table(self) -> str:
        """The logins as an aligned plain-text table, for a terminal or a printout."""
        rows: list[tuple[str, ...]] = [("Role", "Name", "Email", "Password")]
        rows += [(x.role, x.name, x.email, x.password) for x in self.logins]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        rows.insert(1, tuple("-" * width for width in widths))
        return "\n".join(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in rows
        )


@dataclass
class DemoClock:
    """The demo's clock: services read it; the demo moves it forward, never back."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


def load_demo(services: Services, *, now: datetime | None = None) -> DemoLogins:
    """Build the demo studio in an empty database; refuse one that already has a studio.

    ``services`` gives the database and the password hasher; the demo runs its own
    services over them with a clock that walks from eight weeks ago up to ``now``
    (default: the services' own clock).
    """
    system = Principal.system()
    try:
        existing = services.catalogue.studio(system)
    except DatabaseProblem:
        raise
    except PodyxError:
        pass  # no studio yet: the demo may go ahead
    else:
        raise PodyxError(
            f"This database already has a studio (“{existing.name}”); the demo is only loaded "
            "into an empty database. Use a new database file, e.g. --database sqlite:///demo.sqlite3."
        )
    today = (now or services.context.now()).astimezone(UTC)
    builder = _DemoBuilder(services, today)
    return builder.build()


class _DemoBuilder:
    def __init__(self, services: Services, today: datetime) -> None:
        self.today = today
        self.zone = ZoneInfo(data.TIME_ZONE)
        self.clock = DemoClock(today - timedelta(days=HISTORY_DAYS))
        self.s = Services(services.db, clock=self.clock, hasher=services.context.hasher)
        self.system = Principal.system()
        self.staff: dict[Role, Principal] = {}
        self.clients: list[SignedIn] = []
        self.ids: dict[str, int] = {}  # catalogue keys of demo_data to ids
        self.bundle_of: dict[int, int] = {}  # client index to the bundle they redeem
        self._queue: list[tuple[datetime, int, Callable[[], object]]] = []
        self._order = itertools.count()

    # --- time -----------------------------------------------------------------------

    def local_day(self, offset: int) -> date:
        return self.today.astimezone(self.zone).date() + timedelta(days=offset)

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=self.zone).astimezone(UTC)

    def later(self, when: datetime, action: Callable[[], object]) -> None:
        """Do ``action`` when the clock reaches ``when`` (at the latest today)."""
        due = min(max(when, self.clock.now), self.today)
        heapq.heappush(self._queue, (due, next(self._order), action))

    def advance(self, to: datetime) -> None:
        """Move the clock to ``to``, doing every follow-up that falls due on the way."""
        to = min(to, self.today)
        while self._queue and self._queue[0][0] <= to:
            due, _, action = heapq.heappop(self._queue)
            self.clock.now = max(self.clock.now, due)
            action()
        self.clock.now = max(self.clock.now, to)

    # --- the whole story ------------------------------------------------------------

    def build(self) -> DemoLogins:
        self.set_up_studio()
        steps: list[tuple[datetime, int, Callable[[], object]]] = []
        for number, bundle in enumerate(data.BUNDLES):
            when = self.at(self.local_day(bundle.day), 11)
            steps.append((when, number, partial(self.bundle, bundle)))
        for number, plan in enumerate(data.SESSIONS, start=len(steps)):
            when = self.at(self.local_day(plan.day) - timedelta(days=NOTICE_DAYS), 9, 30)
            steps.append((when, number, partial(self.session, plan)))
        for when, _, step in sorted(steps, key=lambda s: (s[0], s[1])):
            self.advance(when)
            step()
        self.advance(self.today)
        self.clock.now = self.today
        return self.logins()

    def set_up_studio(self) -> None:
        """The catalogue and the staff at the story's start; the clients sign up an hour
        or so apart (anchored on today: the promo codes' dates and the closed day)."""
        built = create_studio(
            self.s,
            data.STUDIO,
            password=DEMO_PASSWORD,
            now=self.today,
            device="Demo",
            before_each_client=lambda: self.advance(self.clock.now + timedelta(hours=1, minutes=7)),
        )
        self.ids.update(built.ids)
        self.staff = {principal.role: principal for principal in built.staff if principal.role}
        self.clients = list(built.clients)

    # --- bundles ----------------------------------------------------------------------

    def bundle(self, plan: data.BundlePlan) -> None:
        client = self.clients[plan.client]
        desk, manager = self.staff[Role.FRONT_DESK], self.staff[Role.MANAGER]
        product_id = self.ids[plan.product]
        if plan.how == "issue":
            issued = self.s.bundles.issue(
                desk, client.account.id, product_id, plan.reason, plan.sessions
            )
            self.bundle_of[plan.client] = issued.id
            return
        if plan.how == "desk":
            request = BundlePurchaseRequest(
                product_id,
                PaymentMethod.CARD_AT_DESK,
                promo_code=plan.promo,
                client_id=client.account.id,
            )
            result = self.s.checkout.buy_bundle(desk, request)
        else:
            request = BundlePurchaseRequest(
                product_id, PaymentMethod.BANK_TRANSFER, terms_accepted=True, promo_code=plan.promo
            )
            result = self.s.checkout.buy_bundle(client.principal, request)
        self.bundle_of[plan.client] = result.bundle_id
        assert result.purchase is not None
        purchase_id = result.purchase.id
        if plan.how == "transfer":
            self.later(
                self.clock.now + timedelta(days=1),
                lambda: self.pay(purchase_id, PaymentMethod.BANK_TRANSFER),
            )
        if plan.refund_after_days is not None:
            self.later(
                self.clock.now + timedelta(days=plan.refund_after_days),
                lambda: self.refund(manager, purchase_id, plan.reason),
            )

    def pay(self, purchase_id: int, method: PaymentMethod) -> None:
        desk = self.staff[Role.FRONT_DESK]
        if self.s.purchases.get(desk, purchase_id).status == PurchaseStatus.AWAITING_PAYMENT:
            self.s.purchases.record_payment(desk, purchase_id, method)

    def refund(self, who: Principal, purchase_id: int, reason: str) -> None:
        self.s.purchases.refund(who, purchase_id, RefundTo.ORIGINAL_METHOD, reason)

    # --- sessions ---------------------------------------------------------------------

    def free_start(self, plan: data.SessionPlan) -> datetime:
        """The first free start at or after the plan's hour, that day or the days after."""
        if plan.bypass_at is not None:
            return self.at(self.local_day(plan.day), *plan.bypass_at)
        query_day = self.local_day(plan.day)
        for _ in range(7):
            query = AvailabilityQuery(
                self.ids[plan.setup], self.ids[plan.service], plan.minutes, query_day
            )
            slots = self.s.availability.free_slots(self.system, query)
            if slots:
                fitting = [s for s in slots if s.local_start.hour >= plan.hour]
                return (fitting or slots)[0].starts_at
            query_day += timedelta(days=1)
        raise PodyxError(f"The demo found no free time near {plan.day} days from today.")

    def session(self, plan: data.SessionPlan) -> None:
        client = self.clients[plan.client]
        desk = self.staff[Role.FRONT_DESK]
        starts_at = self.free_start(plan)
        if plan.pay == "bundle":
            request = RedeemRequest(
                self.bundle_of[plan.client],
                self.ids[plan.setup],
                starts_at,
                self.ids[plan.service],
            )
            booking = self.s.bundles.redeem(client.principal, request).booking
        else:
            cart = SessionCart(
                self.ids[plan.setup],
                self.ids[plan.service],
                plan.minutes,
                tuple(AddonChoice(self.ids[key], qty) for key, qty in plan.addons),
            )
            method = data.PAYMENT[plan.pay]
            staff_booking = plan.pay in ("desk", "cash")
            booking = self.s.checkout.book(
                desk if staff_booking else client.principal,
                BookingRequest(
                    cart,
                    starts_at,
                    method,
                    terms_accepted=True,
                    promo_code=plan.promo,
                    client_id=client.account.id if staff_booking else None,
                    bypass_rules=plan.bypass_at is not None,
                    bypass_reason=plan.reason if plan.bypass_at is not None else "",
                    price_override_minor=plan.price_override_minor,
                ),
            ).booking
            if plan.pay == "transfer" and plan.then != "unpaid" and booking.purchase_id:
                purchase_id = booking.purchase_id
                self.later(
                    self.clock.now + timedelta(days=1),
                    lambda: self.pay(purchase_id, PaymentMethod.BANK_TRANSFER),
                )
        self.follow_up(plan, client, booking)

    def follow_up(self, plan: data.SessionPlan, client: SignedIn, booking: Booking) -> None:
        soon = self.clock.now + timedelta(days=1, hours=2)
        desk = self.staff[Role.FRONT_DESK]
        if plan.then == "canceled":
            self.later(
                soon,
                lambda: self.s.bookings.cancel(client.principal, booking.id, reason=plan.reason),
            )
        elif plan.then == "staff_cancel":
            self.later(soon, lambda: self.s.bookings.cancel(desk, booking.id, reason=plan.reason))
        elif plan.then == "rescheduled":
            self.later(soon, lambda: self.reschedule(plan, client, booking))
        else:
            if plan.then == "addon":
                choice = (AddonChoice(self.ids["extra_mic"], 2),)
                self.later(
                    self.clock.now + timedelta(hours=3),
                    lambda: self.s.bookings.add_addons(
                        client.principal, booking.id, choice, PaymentMethod.PAY_LATER
                    ),
                )
            self.schedule_outcome(plan, client, booking)

    def reschedule(self, plan: data.SessionPlan, client: SignedIn, booking: Booking) -> None:
        local = booking.starts_at.astimezone(self.zone)
        day = local.date() + timedelta(days=2)
        for _ in range(7):
            query = AvailabilityQuery(booking.setup_id, booking.service_id, booking.minutes, day)
            slots = self.s.availability.free_slots(client.principal, query)
            fitting = [s for s in slots if s.local_start.hour >= local.hour]
            if fitting or slots:
                new_start = (fitting or slots)[0].starts_at
                break
            day += timedelta(days=1)
        else:
            raise PodyxError("The demo found no free time to move a session to.")
        moved = self.s.bookings.reschedule(
            client.principal, booking.id, new_start, reason=plan.reason
        )
        self.schedule_outcome(plan, client, moved)

    def schedule_outcome(self, plan: data.SessionPlan, client: SignedIn, booking: Booking) -> None:
        """After a past session: take payment at the desk if still due, then record it."""
        if booking.ends_at >= self.today:
            return
        desk = self.staff[Role.FRONT_DESK]

        def outcome() -> None:
            if plan.then == "no_show":
                self.s.bookings.set_outcome(desk, booking.id, BookingStatus.NO_SHOW, plan.reason)
                self.s.notes.add_note(
                    desk,
                    client_id=client.account.id,
                    body=f"No-show on {booking.starts_at.astimezone(self.zone):%d.%m.%Y}. "
                    "Ask for payment up front next time.",
                    internal=True,
                )
                return
            if booking.purchase_id is not None:
                self.pay(booking.purchase_id, PaymentMethod.CARD_AT_DESK)
            self.s.bookings.set_outcome(desk, booking.id, BookingStatus.COMPLETED)
            if plan.then == "notes":
                self.notes_and_files(client, booking)

        self.later(booking.ends_at + timedelta(minutes=20), outcome)

    def notes_and_files(self, client: SignedIn, booking: Booking) -> None:
        desk = self.staff[Role.FRONT_DESK]
        first_name = client.account.full_name.split()[0]
        client_id = client.account.id
        final_edit = f"https://files.example.com/podyx-demo/{booking.id}/final-edit.mp4"
        self.s.notes.add_note(
            desk,
            client_id=client_id,
            booking_id=booking.id,
            internal=False,
            body=data.VISIBLE_NOTE.format(name=first_name, link=final_edit),
        )
        self.s.notes.add_note(
            desk, client_id=client_id, booking_id=booking.id, internal=True, body=data.INTERNAL_NOTE
        )
        if not self.s.notes.list_notes(desk, client_id=client_id, general_only=True):
            # one note on the client rather than a session: the Files tab shows it
            self.s.notes.add_note(
                desk,
                client_id=client_id,
                internal=False,
                body=data.GENERAL_NOTE.format(name=first_name),
            )
        day = f"{booking.starts_at.astimezone(self.zone):%Y-%m-%d}"
        self.s.files.share_file(
            desk,
            client_id=client_id,
            booking_id=booking.id,
            name=f"Session {day} – rough mix.wav",
            content=data.demo_wav(),
            media_type="audio/wav",
        )
        self.s.files.share_file(
            desk,
            client_id=client_id,
            booking_id=booking.id,
            name=f"Session {day} – final edit.mp4",
            external_url=final_edit,
            size_bytes=734_003_200,
        )

    # --- the result -----------------------------------------------------------------

    def logins(self) -> DemoLogins:
        people = [
            DemoLogin(member.role.value.replace("_", " "), member.name, member.email, DEMO_PASSWORD)
            for member in data.STAFF
        ]
        people += [
            DemoLogin("client", signed.account.full_name, signed.account.email, DEMO_PASSWORD)
            for signed in self.clients
        ]
        return DemoLogins(data.SETTINGS.name, tuple(people))
