"""Bookings: the client's list, what may be done with each one, and doing it.

Clients cancel and reschedule within the cutoffs; staff may act outside them, and every
such bypass lands in the audit log. A client's in-cutoff cancellation returns a bundle
credit, or refunds what was paid as store credit (a credit note); staff choose for late
ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.availability import local_day_bounds, studio_zone, to_utc
from podyx_desktop.domain.enums import (
    BookingStatus,
    PaymentMethod,
    PurchaseKind,
    PurchaseStatus,
    RefundTo,
    Role,
)
from podyx_desktop.domain.errors import Conflict, InvalidInput, NotAllowed, NotFound, RuleViolation
from podyx_desktop.domain.message import m
from podyx_desktop.domain.paging import Page, PageRequest
from podyx_desktop.domain.policy import (
    can_add_addons,
    can_cancel,
    can_reschedule,
    changed_elsewhere,
)
from podyx_desktop.domain.pricing import CartItem, price_cart
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.words import word
from podyx_desktop.services import cart as cart_lines
from podyx_desktop.services import mapping, rules, settlement, waitlist_rules
from podyx_desktop.services.booking_pages import booking_page
from podyx_desktop.services.booking_records import (
    booking_events,
    booking_records,
    client_bookings,
)
from podyx_desktop.services.context import (
    ServiceContext,
    actor,
    audit,
    owned,
    require_client_access,
    require_role,
    require_staff,
    studio,
)
from podyx_desktop.services.purchases import PurchaseService
from podyx_desktop.services.schedule_blocks import ScheduleReads

if TYPE_CHECKING:
    from podyx_desktop.domain.requests import AddonChoice


class BookingService(ScheduleReads):
    def __init__(self, ctx: ServiceContext, purchases: PurchaseService) -> None:
        self._ctx = ctx
        self.purchases = purchases

    # --- shared with checkout and bundles -------------------------------------------

    def insert(
        self,
        session: Session,
        *,
        offer: rules.Offer,
        client: t.User,
        starts_at: datetime,
        ends_at: datetime,
        blocked_until: datetime,
        status: BookingStatus,
        purchase_id: int | None,
        bundle_id: int | None,
        created_by: t.User | None,
        addon_lines: Sequence[tuple[CartItem, int | None]] = (),
    ) -> t.Booking:
        now = self._ctx.now()
        booking = t.Booking(
            client_id=client.id,
            room_id=offer.room.id,
            setup_id=offer.setup.id,
            service_id=offer.service.id,
            starts_at=starts_at,
            ends_at=ends_at,
            blocked_until=blocked_until,
            status=status.value,
            reschedule_count=0,
            bundle_id=bundle_id,
            purchase_id=purchase_id,
            created_by_id=created_by.id if created_by else None,
            created_at=now,
            updated_at=now,
            cancel_reason="",
        )
        for item, addon_purchase in addon_lines:
            booking.addons.append(
                t.BookingAddon(
                    addon_id=item.ref_id,
                    name=item.description,
                    quantity=item.quantity,
                    unit_price_minor=item.unit_price_minor,
                    purchase_id=addon_purchase,
                )
            )
        session.add(booking)
        session.flush()  # PostgreSQL's exclusion constraint fires here
        session.add(
            t.BookingEvent(
                booking_id=booking.id,
                at=now,
                actor_id=created_by.id if created_by else client.id,
                kind="created",
                detail=m("by the studio, for the client") if created_by else "",
                to_starts_at=starts_at,
            )
        )
        return booking

    def _load(self, session: Session, principal: Principal, booking_id: int) -> t.Booking:
        row = session.get(t.Booking, booking_id, options=[selectinload(t.Booking.addons)])
        if row is None:
            raise NotFound(m("That booking does not exist."))
        owned(session, principal, row.client_id, "booking")
        return row

    def _load_for_change(
        self, session: Session, principal: Principal, booking_id: int
    ) -> t.Booking:
        """The booking, locked until this transaction ends, for a change that rests on it.

        Every change of a booking reads it here first, so seats changing one booking take
        turns (PostgreSQL: ``SELECT … FOR UPDATE``; SQLite: ``BEGIN IMMEDIATE`` already
        makes writers take turns) and each decides on what the one before it wrote. What
        the booking looked like before the lock was granted is read too: if another seat
        changed it while this one waited, this seat is told so in words instead of acting
        on a booking it has not seen.
        """
        seen = session.execute(
            select(t.Booking.status, t.Booking.starts_at, t.Booking.reschedule_count).where(
                t.Booking.id == booking_id
            )
        ).first()
        row = session.get(
            t.Booking,
            booking_id,
            options=[selectinload(t.Booking.addons)],
            with_for_update=True,
            populate_existing=True,
        )
        if row is None:
            raise NotFound(m("That booking does not exist."))
        owned(session, principal, row.client_id, "booking")
        if seen is not None and tuple(seen) != (row.status, row.starts_at, row.reschedule_count):
            raise Conflict(changed_elsewhere(BookingStatus(row.status)))
        return row

    def _offer(self, session: Session, row: t.Booking) -> rules.Offer:
        return rules.load_offer(session, studio(session), row.setup_id, row.service_id)

    def _event(
        self,
        session: Session,
        row: t.Booking,
        user: t.User | None,
        kind: str,
        detail: str = "",
        from_at: datetime | None = None,
        to_at: datetime | None = None,
    ) -> None:
        session.add(
            t.BookingEvent(
                booking_id=row.id,
                at=self._ctx.now(),
                actor_id=user.id if user else None,
                kind=kind,
                detail=detail,
                from_starts_at=from_at,
                to_starts_at=to_at,
            )
        )

    # --- reading --------------------------------------------------------------------

    def list_for_client(
        self,
        principal: Principal,
        client_id: int,
        *,
        upcoming: bool | None = None,
        limit: int = 100,
    ) -> list[r.Booking]:
        """A client's bookings: upcoming ones soonest first, past ones latest first.

        At most ``limit`` (the next 100 upcoming, the latest 100 past by default): a list a
        person reads, quick even for a client with thousands of sessions.
        """
        with self._ctx.db.read() as session:
            require_client_access(session, principal, client_id)
            now = self._ctx.now()
            return client_bookings(session, client_id, now, upcoming, limit)

    def get(self, principal: Principal, booking_id: int) -> r.Booking:
        with self._ctx.db.read() as session:
            return booking_records(session, [self._load(session, principal, booking_id)])[0]

    def events(self, principal: Principal, booking_id: int) -> list[r.BookingEvent]:
        with self._ctx.db.read() as session:
            return booking_events(session, self._load(session, principal, booking_id))

    def actions(self, principal: Principal, booking_id: int) -> r.BookingActions:
        """What the caller may do with the booking now, and why not when not."""
        with self._ctx.db.read() as session:
            row = self._load(session, principal, booking_id)
            user = actor(session, principal)
            staff = principal.is_system or (user is not None and Role(user.role).is_staff)
            offer = self._offer(session, row)
            now = self._ctx.now()
            status = BookingStatus(row.status)
            cancel = can_cancel(offer.policy, status, row.starts_at, now)
            move = can_reschedule(offer.policy, status, row.starts_at, now, row.reschedule_count)
            add = can_add_addons(status, row.starts_at, now)
            addons = session.scalars(
                select(t.Addon)
                .join(t.AddonService, t.AddonService.addon_id == t.Addon.id)
                .where(t.AddonService.service_id == row.service_id, t.Addon.active.is_(True))
            ).all()
            already = {a.addon_id for a in row.addons}
            addable = [
                a
                for a in addons
                if a.id not in already
                and (staff or (a.client_can_add_after_booking and not a.hidden_from_clients))
            ]
            add_allowed, add_reason = add.allowed, add.reason
            if add.allowed and not addable:
                add_allowed = False
                add_reason = (
                    m(
                        "Every add-on you can add is already on this session. To change a "
                        "quantity, please contact the studio."
                    )
                    if already
                    else m("No add-ons can be added to this session after booking.")
                )
            open_status = status.is_open and row.starts_at > now
            vat = offer.studio.default_vat_rate_bp
            return r.BookingActions(
                can_cancel=cancel.allowed or (staff and open_status),
                cancel_reason=cancel.reason,
                can_reschedule=move.allowed or (staff and open_status),
                reschedule_reason=move.reason,
                can_add_addons=add_allowed,
                add_addons_reason=add_reason,
                addable_addons=tuple(mapping.addon(a, [row.service_id], vat) for a in addable),
                refund_on_cancel=cancel.allowed,
            )

    def schedule(
        self, principal: Principal, first: date, last: date, room_id: int | None = None
    ) -> list[r.Booking]:
        """Staff: every booking (canceled too) starting between two local days, inclusive."""
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            zone = studio_zone(studio(session).time_zone)
            start, _ = local_day_bounds(first, zone)
            _, end = local_day_bounds(last, zone)
            query = (
                select(t.Booking)
                .where(t.Booking.starts_at >= start, t.Booking.starts_at < end)
                .options(selectinload(t.Booking.addons))
                .order_by(t.Booking.starts_at)
            )
            if room_id is not None:
                query = query.where(t.Booking.room_id == room_id)
            return booking_records(session, session.scalars(query).all())

    # --- changing -------------------------------------------------------------------

    def cancel(
        self,
        principal: Principal,
        booking_id: int,
        *,
        reason: str = "",
        refund: RefundTo | None = None,
        return_credit: bool | None = None,
        only_if: BookingStatus | None = None,
    ) -> r.Booking:
        """Cancel a booking.

        A client may cancel within the cutoff: a bundle credit comes back, money paid comes
        back as store credit, an unpaid purchase is withdrawn. Staff may cancel any open
        booking; past the cutoff they decide (``refund``: managers and owners;
        ``return_credit``), and the bypass is audited. ``only_if``: refused unless the
        locked booking still has that status (the desk refusing a pending booking).
        """
        with self._ctx.db.write() as session:
            if refund is not None:
                # Choosing where money goes back is a refund: managers and owners only.
                require_role(session, principal, Role.MANAGER)
            row = self._load_for_change(session, principal, booking_id)
            waitlist_rules.hold_room(session, row.room_id)  # before the credit and money rows
            if only_if is not None and row.status != only_if.value:
                raise Conflict(changed_elsewhere(BookingStatus(row.status)))
            user = actor(session, principal)
            staff = principal.is_system or (user is not None and Role(user.role).is_staff)
            offer = self._offer(session, row)
            now = self._ctx.now()
            decision = can_cancel(offer.policy, BookingStatus(row.status), row.starts_at, now)
            if not decision.allowed:
                if not staff or not BookingStatus(row.status).is_open:
                    raise RuleViolation(decision.reason or m("This booking cannot be canceled."))
                audit(
                    session,
                    when=now,
                    user=user,
                    action="bypass_rules",
                    entity="booking",
                    entity_id=row.id,
                    before={"status": row.status},
                    after={"status": "canceled"},
                    reason=(
                        m("Late cancellation: {why} {reason}", why=decision.reason, reason=reason)
                        if reason.strip()
                        else m("Late cancellation: {why}", why=decision.reason)
                    ),
                )
            in_cutoff = decision.allowed
            before = row.status
            row.status = BookingStatus.CANCELED.value
            row.cancel_reason = reason.strip()
            row.updated_at = now
            self._event(session, row, user, "canceled", reason.strip())
            if staff:
                audit(
                    session,
                    when=now,
                    user=user,
                    action="cancel_booking",
                    entity="booking",
                    entity_id=row.id,
                    before={"status": before},
                    after={"status": "canceled"},
                    reason=reason,
                )
            give_credit = return_credit if (staff and return_credit is not None) else in_cutoff
            if row.bundle_id is not None:
                settlement.return_credit(session, row, give_credit, now)
            refund_to = (
                refund
                if staff and refund is not None
                else (RefundTo.STORE_CREDIT if in_cutoff else None)
            )
            settlement.settle_purchases(
                self.purchases, session, row, refund_to, user, reason or m("Session canceled")
            )
            session.flush()
            waitlist_rules.settle(session, row.room_id, now)  # the freed time's offers
            return booking_records(session, [row])[0]

    def reschedule(
        self,
        principal: Principal,
        booking_id: int,
        new_starts_at: datetime,
        *,
        bypass_rules: bool = False,
        reason: str = "",
        new_room_id: int | None = None,
    ) -> r.Booking:
        """Move a booking to ``new_starts_at``; with ``new_room_id`` into that room, on its
        active setup that offers the booking's service (refused in words when none does).
        The claim holds the target room's lock, so two seats moving into one time: one wins.
        """
        new_starts_at = to_utc(new_starts_at)
        with self._ctx.db.write() as session:
            row = self._load_for_change(session, principal, booking_id)
            user = actor(session, principal)
            staff = principal.is_system or (user is not None and Role(user.role).is_staff)
            if bypass_rules and not staff:
                raise RuleViolation(
                    m("Only studio staff can move a session outside the studio's rules.")
                )
            offer = self._offer(session, row)
            now = self._ctx.now()
            moves_room = new_room_id is not None and new_room_id != row.room_id
            if moves_room and new_room_id is not None:
                offer = rules.offer_in_room(session, offer, new_room_id)
            decision = can_reschedule(
                offer.policy, BookingStatus(row.status), row.starts_at, now, row.reschedule_count
            )
            if not decision.allowed:
                if not (staff and BookingStatus(row.status).is_open):
                    raise RuleViolation(decision.reason or m("This booking cannot be rescheduled."))
                bypass_rules = True
            if new_starts_at == row.starts_at and not moves_room:
                raise InvalidInput(m("Pick a different time to reschedule to."))
            minutes = waitlist_rules.check_move(
                session, row, offer, new_starts_at, now, bypass_rules
            )
            ends_at, blocked_until = rules.claim_time(
                session,
                offer,
                new_starts_at,
                minutes,
                now,
                bypass_rules=bypass_rules,
                exclude_id=row.id,
            )
            old = row.starts_at
            old_room = row.room_id
            if moves_room:
                row.room_id, row.setup_id = offer.room.id, offer.setup.id
            if row.original_starts_at is None:
                row.original_starts_at = old
            row.starts_at, row.ends_at, row.blocked_until = new_starts_at, ends_at, blocked_until
            row.reschedule_count += 1
            if row.status != BookingStatus.PENDING:
                row.status = BookingStatus.RESCHEDULED.value
            row.updated_at = now
            self._event(
                session, row, user, "rescheduled", reason.strip(), from_at=old, to_at=new_starts_at
            )
            for line in session.scalars(
                select(t.PurchaseLine)
                .join(t.Purchase)
                .where(
                    t.Purchase.id == row.purchase_id,
                    t.Purchase.status == PurchaseStatus.AWAITING_PAYMENT.value,
                )
            ):
                line.supplied_at = new_starts_at
            if bypass_rules:
                audit(
                    session,
                    when=now,
                    user=user,
                    action="bypass_rules",
                    entity="booking",
                    entity_id=row.id,
                    before={"starts_at": old, "room_id": old_room},
                    after={
                        "starts_at": new_starts_at,
                        "room_id": row.room_id,
                        "rule_set_aside": decision.reason or "",
                    },
                    reason=reason.strip(),
                )
            session.flush()
            waitlist_rules.settle(session, old_room, now)  # the time it left
            return booking_records(session, [row])[0]

    def add_addons(
        self,
        principal: Principal,
        booking_id: int,
        choices: Sequence[AddonChoice],
        method: PaymentMethod,
    ) -> r.BookingResult:
        """Add add-ons to an upcoming booking, charged as a new purchase."""
        if not choices:
            raise InvalidInput(m("Choose at least one add-on."))
        with self._ctx.db.write() as session:
            row = self._load_for_change(session, principal, booking_id)
            user = actor(session, principal)
            staff = principal.is_system or (user is not None and Role(user.role).is_staff)
            decision = can_add_addons(BookingStatus(row.status), row.starts_at, self._ctx.now())
            if not decision.allowed:
                raise RuleViolation(decision.reason or m("Add-ons cannot be added now."))
            self.purchases.require_payable(method, staff)
            if method is PaymentMethod.BUNDLE_CREDIT:
                raise InvalidInput(m("Add-ons cannot be paid with bundle credit."))
            already = {a.addon_id for a in row.addons}
            if already & {c.addon_id for c in choices}:
                raise InvalidInput(
                    m(
                        "This session already has that add-on; ask the studio to change the "
                        "quantity."
                    )
                )
            offer = self._offer(session, row)
            try:
                items = cart_lines.addon_items(
                    session, offer, choices, staff=staff, after_booking=True
                )
            except NotAllowed as error:
                raise RuleViolation(error.message) from None
            summary = price_cart(
                items,
                currency=offer.studio.currency,
                prices_include_vat=offer.studio.prices_include_vat,
            )
            client = session.get(t.User, row.client_id)
            assert client is not None
            purchase = self.purchases.record(
                session,
                client=client,
                kind=PurchaseKind.ADDONS,
                summary=summary,
                method=method,
                created_by=user if staff else None,
                supplied_at=row.starts_at,
            )
            for item in items:
                row.addons.append(
                    t.BookingAddon(
                        addon_id=item.ref_id,
                        name=item.description,
                        quantity=item.quantity,
                        unit_price_minor=item.unit_price_minor,
                        purchase_id=purchase.id,
                    )
                )
            row.updated_at = self._ctx.now()
            self._event(
                session,
                row,
                user,
                "addons_added",
                ", ".join(f"{i.quantity} × {i.description}" for i in items),
            )
            session.flush()
            return r.BookingResult(
                booking_records(session, [row])[0],
                self.purchases.get_in_session(session, Principal.system(), purchase.id),
                None,
            )

    def set_outcome(
        self, principal: Principal, booking_id: int, status: BookingStatus, reason: str = ""
    ) -> r.Booking:
        """Staff mark a session completed or a no-show (audited)."""
        if status not in (BookingStatus.COMPLETED, BookingStatus.NO_SHOW):
            raise InvalidInput(m("A session's outcome is completed or no-show."))
        with self._ctx.db.write() as session:
            user = require_staff(session, principal)
            row = self._load_for_change(session, principal, booking_id)
            if not BookingStatus(row.status).is_open:
                raise RuleViolation(
                    m(
                        "This session is {status}; its outcome cannot change.",
                        status=word(row.status),
                    )
                )
            if row.starts_at > self._ctx.now():
                raise RuleViolation(m("A session's outcome can be recorded once it has started."))
            before = row.status
            row.status = status.value
            row.updated_at = self._ctx.now()
            self._event(session, row, user, status.value, reason)
            audit(
                session,
                when=self._ctx.now(),
                user=user,
                action=f"mark_{status.value}",
                entity="booking",
                entity_id=row.id,
                before={"status": before},
                after={"status": status.value},
                reason=reason,
            )
            session.flush()
            return booking_records(session, [row])[0]

    def page(self, principal: Principal, request: PageRequest) -> Page[r.Booking]:
        """Staff: one page of every booking, in the request's sort (``BookingSort``), the
        search matched against the client's name."""
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            return booking_page(session, request)

    def count(self, principal: Principal) -> int:
        with self._ctx.db.read() as session:
            require_staff(session, principal)
            return session.scalar(select(func.count(t.Booking.id))) or 0
