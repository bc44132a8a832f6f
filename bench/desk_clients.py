"""How fast the staff's client list is at a million bookings: paging, searching, money.

The studio (:mod:`bench.generate`, by default 1,000,000 bookings and 50,000 clients) is
generated once and cached between runs (:mod:`bench.studio_cache`: a SQLite file under
``~/.cache/podyx-bench/``, or with ``--database`` a database named by the generator's
parameters on that PostgreSQL server), then upgraded to the app's schema. As the
studio's owner, through the services as the desk's worker calls them:

* **first page** of :meth:`ClientService.client_page` in every :class:`ClientSort`,
  ascending and descending; goal for the service part ≤ 30 ms (the desk's goal, list
  open ≤ 150 ms, includes painting);
* **search** — a three-letter word, two words, a phone number typed with a national 0,
  two letters; the first page; goal ≤ 30 ms (keystroke to rows on screen ≤ 100 ms);
* **record a payment** and **refund** (store credit) of a generated purchase, median at
  the service; goal ≤ 10 ms;
* the **baseline**, in the same run: one indexed page of the ``users`` table
  (``SELECT … WHERE role = 'client' ORDER BY full_name LIMIT n``) in a ``db.read()``.

Each figure is the median of ``--rounds`` calls after one warm-up. PASS/FAIL is printed
for information; the script always exits 0, and no test asserts a time.

Then the GUI's figures (:func:`gui_figures`, bench/desk_clients_gui.py in a child
process): the list opened and painted (≤ 150 ms), a keystroke to rows on screen (≤ 100
ms), the client with the most bookings opened (≤ 150 ms), RSS after opening the list,
searching and opening clients (≤ 250 MB), and a bare ``QTableView``'s baseline. The
MB figures print in the ms column with "(MB)" in their name.

Usage::

    python bench/desk_clients.py [--bookings N] [--clients N] [--rounds K]
                                 [--database postgresql+psycopg://user@host/postgres]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select, text, update

from bench.studio_cache import StudioKey, cache_folder, cached_postgres, cached_sqlite
from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.db.migrate import upgrade_to_head
from podyx_desktop.domain.enums import PaymentMethod, PurchaseKind, PurchaseStatus, RefundTo, Role
from podyx_desktop.domain.paging import ClientSort, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import Services

LIST_GOAL_MS = 30.0  # the service's share of "open the list ≤ 150 ms"
SEARCH_GOAL_MS = 30.0  # the service's share of "keystroke to rows ≤ 100 ms"
MONEY_GOAL_MS = 10.0


@dataclass(frozen=True)
class Figure:
    name: str
    median_ms: float
    goal_ms: float | None
    note: str = ""

    def line(self) -> str:
        goal = f"≤ {self.goal_ms:5.0f} ms" if self.goal_ms is not None else "          "
        verdict = (
            "" if self.goal_ms is None else ("PASS" if self.median_ms <= self.goal_ms else "FAIL")
        )
        return f"  {self.name:<34} {self.median_ms:8.2f} ms  {goal}  {verdict:<4}  {self.note}"


def median_ms(call: Callable[[], object], rounds: int) -> float:
    call()  # warm-up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def median_each_ms(call: Callable[[Any], object], items: Iterator[Any], rounds: int) -> float:
    """Median of ``call(item)`` for ``rounds`` fresh items (a payment consumes its purchase)."""
    times = []
    for _ in range(rounds):
        item = next(items)
        started = time.perf_counter()
        call(item)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def describe(db: Database) -> str:
    with db.engine.connect() as connection:
        if db.is_sqlite:
            import sqlite3

            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
            sync = connection.exec_driver_sql("PRAGMA synchronous").scalar()
            return f"SQLite {sqlite3.sqlite_version} (journal_mode={mode}, synchronous={sync})"
        version = connection.execute(text("SHOW server_version")).scalar()
        fsync = connection.execute(text("SHOW fsync")).scalar()
        commit = connection.execute(text("SHOW synchronous_commit")).scalar()
        return f"PostgreSQL {version} (fsync={fsync}, synchronous_commit={commit})"


def purchases(db: Database, status: PurchaseStatus, want: int) -> Iterator[int]:
    """Generated booking purchases in ``status``, newest first (each used once)."""
    with db.read() as session:
        ids = session.scalars(
            select(t.Purchase.id)
            .where(t.Purchase.status == status.value, t.Purchase.kind == PurchaseKind.BOOKING)
            .order_by(t.Purchase.id.desc())
            .limit(want)
        ).all()
    if len(ids) < want:
        raise SystemExit(f"the studio has only {len(ids)} {status.value} purchases left")
    return iter(ids)


def service_figures(services: Services, owner: Principal, rounds: int, size: int) -> list[Figure]:
    db = services.db
    figures: list[Figure] = []

    def baseline() -> None:
        with db.read() as session:
            session.execute(
                select(t.User.id, t.User.full_name, t.User.email, t.User.phone)
                .where(t.User.role == Role.CLIENT.value)
                .order_by(t.User.full_name)
                .limit(size)
            ).all()

    figures.append(
        Figure(
            "baseline: users page",
            median_ms(baseline, rounds),
            None,
            f"SELECT … ORDER BY full_name LIMIT {size}",
        )
    )
    for sort in ClientSort:
        for descending in (False, True):
            request = PageRequest(sort, descending, limit=size)
            ms = median_ms(lambda r=request: services.clients.client_page(owner, r), rounds)
            arrow = "↓" if descending else "↑"
            figures.append(Figure(f"first page by {sort.value} {arrow}", ms, LIST_GOAL_MS))
    second = services.clients.client_page(owner, PageRequest(ClientSort.NAME, limit=size))
    following = PageRequest(ClientSort.NAME, limit=size).following(second)
    if following is not None:
        ms = median_ms(lambda: services.clients.client_page(owner, following), rounds)
        figures.append(Figure("second page by name ↑", ms, LIST_GOAL_MS))
    with db.read() as session:
        phone = (
            session.scalar(
                select(t.User.phone)
                .where(t.User.role == Role.CLIENT.value)
                .order_by(t.User.id)
                .offset(1234)
                .limit(1)
            )
            or "+4930000000"
        )
    typed_phone = "0" + phone[3:5] + " " + phone[5:9]  # +49 30 2001234… → "030 2001"
    for label, search in (
        ("search 3 letters “mül”", "mül"),
        ("search 3 letters “kir” (first name)", "kir"),
        ("search 2 words “ana mül”", "ana mül"),
        ("search in every email “bench”", "bench"),
        (f"search phone “{typed_phone}”", typed_phone),
        ("search 2 letters “ki”", "ki"),
        ("search nobody “xqz”", "xqz"),
    ):
        request = PageRequest(ClientSort.NAME, search=search, limit=size)
        found = len(services.clients.client_page(owner, request).rows)
        ms = median_ms(lambda r=request: services.clients.client_page(owner, r), rounds)
        figures.append(Figure(label, ms, SEARCH_GOAL_MS, f"{found} rows"))
    request = PageRequest(ClientSort.TOTAL_SPENT, True, search="mül", limit=size)
    ms = median_ms(lambda: services.clients.client_page(owner, request), rounds)
    figures.append(Figure("search “mül” by total spent ↓", ms, SEARCH_GOAL_MS))

    def write_baseline() -> None:
        with db.write() as session:
            session.execute(
                update(t.User)
                .where(t.User.id == owner.user_id)
                .values(updated_at=datetime.now(UTC))
            )

    figures.append(
        Figure(
            "baseline: one-row write",
            median_ms(write_baseline, rounds),
            None,
            "UPDATE one user row in db.write() (the commit's cost)",
        )
    )
    unpaid = purchases(db, PurchaseStatus.AWAITING_PAYMENT, rounds)
    ms = median_each_ms(
        lambda pid: services.purchases.record_payment(owner, pid, PaymentMethod.CARD_AT_DESK),
        unpaid,
        rounds,
    )
    figures.append(Figure("record a payment", ms, MONEY_GOAL_MS, "purchases.record_payment"))
    paid = purchases(db, PurchaseStatus.PAID, rounds)
    ms = median_each_ms(
        lambda pid: services.purchases.refund(owner, pid, RefundTo.STORE_CREDIT, "bench"),
        paid,
        rounds,
    )
    figures.append(Figure("refund (store credit)", ms, MONEY_GOAL_MS, "purchases.refund"))
    return figures


def gui_figures(url: str, rounds: int) -> list[Figure]:
    """The GUI's figures, from bench/desk_clients_gui.py run in a process of its own (so
    its RSS is the app's, not this bench's): the list opened and painted, a keystroke to
    rows on screen, the busiest client opened, RSS, and a bare QTableView's baseline."""
    import json
    import subprocess

    script = Path(__file__).with_name("desk_clients_gui.py")
    done = subprocess.run(
        [sys.executable, str(script), url, "--rounds", str(max(3, rounds // 3))],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return [Figure("GUI figures: the child failed", float("nan"), None, tail[0])]
    figures = []
    for name, value, goal, unit, note in json.loads(done.stdout.strip().splitlines()[-1])[
        "figures"
    ]:
        if unit == "MB":
            figures.append(Figure(f"{name} (MB)", value, goal, note))
        else:
            figures.append(Figure(name, value, goal, note))
    return figures


def run(url: str, args: argparse.Namespace) -> None:
    db = Database(url)
    try:
        started = time.perf_counter()
        backup = upgrade_to_head(db, backup_dir=cache_folder() / "upgrade-backups")
        if backup is not None:  # a cached studio needs no copy of its older schema
            backup.unlink()
        upgraded = time.perf_counter() - started
        with db.read() as session:
            owner_id = session.scalar(select(t.User.id).where(t.User.role == Role.OWNER.value))
            bookings = session.scalar(select(text("count(*)")).select_from(t.Booking))
            clients = session.scalar(
                select(text("count(*)")).select_from(t.User).where(t.User.role == Role.CLIENT.value)
            )
        assert owner_id is not None
        owner = Principal.user(owner_id, Role.OWNER)
        services = Services(db)
        figures = service_figures(services, owner, args.rounds, args.page_size)
        if not args.no_gui:
            figures += gui_figures(url, args.rounds)
        print(f"Client list at {bookings:,} bookings / {clients:,} clients — {describe(db)}")
        print(
            f"  (schema upgrade check {upgraded:.1f} s; median of {args.rounds} calls; "
            f"pages of {args.page_size})"
        )
        for figure in figures:
            print(figure.line())
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bookings", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--page-size", type=int, default=50)
    parser.add_argument(
        "--database", help="a PostgreSQL server URL (its maintenance database); default SQLite"
    )
    parser.add_argument("--no-gui", action="store_true", help="the services' figures only")
    args = parser.parse_args(argv)
    key = StudioKey(args.bookings, args.clients)
    url = cached_postgres(args.database, key) if args.database else cached_sqlite(key)
    run(url, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
