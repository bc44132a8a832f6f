"""Seats: separate interpreters acting on one database at the same moment.

Each seat is its own process with its own engine and connections, as a second (third …)
front-desk seat against the studio's shared PostgreSQL would be. The seats start once per
test session and are reused: every round hands each seat one job, all of them wait on one
barrier, and each reports what its service call returned or which domain error it got.
Anything else (a raw database error, a crash) comes back as ``("crash", …)``.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services

WORKERS = 8
Outcome = tuple[str, str]
Job = Callable[["Services", "Principal", dict[str, Any]], str]


def _book(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    return str(services.checkout.book(principal, args["request"]).booking.id)


def _redeem(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    return str(services.bundles.redeem(principal, args["request"]).booking.id)


def _buy(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    bought = services.checkout.buy_bundle(principal, args["request"])
    assert bought.purchase is not None
    return bought.purchase.receipt_number or ""


def _cancel(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    booking = services.bookings.cancel(principal, args["booking_id"], reason=args.get("reason", ""))
    return booking.status.value


def _refund(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    credit = services.purchases.refund(
        principal, args["purchase_id"], args["to"], "Refund test", args.get("amount_minor")
    )
    return (credit.receipt_number or "") if credit is not None else "withdrawn"


def _pay(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    paid = services.purchases.record_payment(principal, args["purchase_id"], args["method"])
    return paid.receipt_number or ""


def _override(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    repriced = services.purchases.override_price(
        principal, args["purchase_id"], args["total"], "Regular client"
    )
    return str(repriced.gross_minor)


def _issue(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    bundle = services.bundles.issue(principal, args["client_id"], args["product_id"], "Goodwill")
    return str(bundle.id)


def _grant(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    account = services.purchases.add_store_credit(
        principal, args["client_id"], args["amount"], "Goodwill"
    )
    return str(account.store_credit_minor)


def _addons(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    result = services.bookings.add_addons(
        principal, args["booking_id"], args["choices"], args["method"]
    )
    assert result.purchase is not None
    return str(result.purchase.id)


def _reschedule(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    moved = services.bookings.reschedule(principal, args["booking_id"], args["starts_at"])
    return moved.starts_at.isoformat()


def _outcome(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    marked = services.bookings.set_outcome(principal, args["booking_id"], args["status"])
    return marked.status.value


def _email(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    return services.accounts.change_email(principal, args["email"], args["password"]).email


def _move_room(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    moved = services.bookings.reschedule(
        principal, args["booking_id"], args["starts_at"], new_room_id=args["room_id"]
    )
    return str(moved.room_id)


def _code(services: Services, _principal: Principal, args: dict[str, Any]) -> str:
    signed = services.accounts.set_password_with_code(args["email"], args["code"], args["new"])
    return signed.account.email


def _mark_received(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    outcome = services.payment_queue.mark_transfers_received(principal, args["purchase_ids"])
    marked = ",".join(f"{pid}={number}" for pid, number in outcome.marked)
    return f"{marked}|{outcome.approved_elsewhere}|{len(outcome.refused)}"


def _revoke(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    services.files.revoke(principal, args["file_id"])
    return "revoked"


def _demote(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    from podyx_desktop.domain.enums import Role

    member = services.staff.change_role(principal, args["target_id"], Role(args["to"]))
    return member.role.value


def _clients(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    from podyx_desktop.domain.paging import ClientSort, PageRequest

    page = services.clients.client_page(principal, PageRequest(ClientSort.LAST_VISIT, True))
    return str(len(page.rows))


def _share_path(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    shared = services.files.share_file(
        principal, client_id=args["client_id"], name=args["name"], source=args["path"]
    )
    return shared.sha256


def _save_file(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    import hashlib

    _info, path = services.files.save_to(principal, args["file_id"], args["folder"])
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _issue_slow_commit(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    """``_issue`` with a pause of up to 30 ms between the last statement (the change log's
    row) and the COMMIT: how a busy server commits, widened so that commit order shows."""
    import random
    import time

    from sqlalchemy import event
    from sqlalchemy.orm import Session

    def pause(_session: Session) -> None:
        time.sleep(random.uniform(0, 0.03))

    event.listen(Session, "before_commit", pause)
    try:
        return _issue(services, principal, args)
    finally:
        event.remove(Session, "before_commit", pause)


def _mark_read(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    return str(services.notes.mark_read(principal, args["booking_id"]))


def _mark_general_read(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    return str(services.notes.mark_general_read(principal, args["client_id"]))


def _remind(services: Services, principal: Principal, args: dict[str, Any]) -> str:
    shown = services.reminders.take_due(principal, args["leads"])
    return ",".join(f"{r.booking_id}@{r.lead_minutes}" for r in shown)


JOBS: dict[str, Job] = {
    "remind": _remind,
    "issue_slow_commit": _issue_slow_commit,
    "mark_read": _mark_read,
    "mark_general_read": _mark_general_read,
    "share_path": _share_path,
    "save_file": _save_file,
    "book": _book,
    "redeem": _redeem,
    "buy": _buy,
    "cancel": _cancel,
    "refund": _refund,
    "pay": _pay,
    "override": _override,
    "issue": _issue,
    "grant": _grant,
    "addons": _addons,
    "reschedule": _reschedule,
    "outcome": _outcome,
    "email": _email,
    "move_room": _move_room,
    "code": _code,
    "mark_received": _mark_received,
    "demote": _demote,
    "revoke": _revoke,
    "clients": _clients,
}


def _seat(tasks: Any, barrier: Any, results: Any) -> None:
    """One seat's life: take a job, wait for the others, do it, report, repeat."""
    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.enums import Role
    from podyx_desktop.domain.errors import PodyxError
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.services import Services
    from tests.conftest import FAST_HASHER

    while (task := tasks.get()) is not None:
        url, now, args = task
        outcomes: list[Outcome] = []
        db: Database | None = None
        try:
            db = Database(url)
            services = Services(db, clock=functools.partial(_fixed, now), hasher=FAST_HASHER)
            principal = Principal.user(args["user_id"], Role(args["role"]))
            with db.engine.connect():  # connect before the barrier: contend on rows, not logins
                pass
            barrier.wait(timeout=60)
            for _ in range(args.get("repeat", 1)):
                try:
                    outcomes.append(("ok", JOBS[args["job"]](services, principal, args)))
                except PodyxError as error:
                    outcomes.append((type(error).__name__, error.message))
        except Exception as error:  # report crashes instead of hanging the parent
            outcomes.append(("crash", repr(error)))
        finally:
            if db is not None:
                db.dispose()
            results.put(outcomes)


class Seats:
    """``count`` seat processes, started once and given one job each per round."""

    def __init__(self, count: int = WORKERS) -> None:
        context = mp.get_context("spawn")
        self.count = count
        self._barrier = context.Barrier(count)
        self._results = context.Queue()
        self._tasks = [context.Queue() for _ in range(count)]
        self._processes = [
            context.Process(target=_seat, args=(tasks, self._barrier, self._results), daemon=True)
            for tasks in self._tasks
        ]
        for process in self._processes:
            process.start()

    def run(
        self, job: str, database: Database, now: datetime, per_seat: list[dict[str, Any]]
    ) -> list[Outcome]:
        """Every seat does ``job`` (or its own ``"job"``) with its arguments, all at once."""
        assert len(per_seat) == self.count, "every seat takes part in every round"
        url = database.url.render_as_string(hide_password=False)
        for tasks, args in zip(self._tasks, per_seat, strict=True):
            tasks.put((url, now, {"job": job, **args}))
        collected: list[Outcome] = []
        for _ in per_seat:
            collected.extend(self._results.get(timeout=180))
        if self._barrier.broken:  # a seat crashed before the start: let the next round start
            self._barrier.reset()
        return collected

    def close(self) -> None:
        for tasks in self._tasks:
            tasks.put(None)
        for process in self._processes:
            process.join(timeout=30)
        for process in self._processes:
            assert process.exitcode == 0, process.exitcode


def seats_for_session() -> Iterator[Seats]:
    seats = Seats()
    yield seats
    seats.close()


def tally(outcomes: list[Outcome]) -> dict[str, int]:
    """How many seats got each answer: ``{"ok": 1, "Conflict": 7}``."""
    counts: dict[str, int] = {}
    for kind, _ in outcomes:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _fixed(moment: datetime) -> datetime:
    """A clock that stays at ``moment`` (the round's "now", the same in every seat)."""
    return moment
