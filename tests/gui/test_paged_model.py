"""The paged table model over the real services on the real task runner: pages arrive as a
view scrolls, one load at a time, sorted and searched in SQL, answers for a replaced sort
dropped; over a generated million bookings it shows the first page having read only that
page, the next page when the view scrolls to the end, and another column's first page."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from sqlalchemy import event, insert

from podyx_desktop.db import tables as t
from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.paging import Page, PageRequest
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import Booking
from podyx_desktop.gui.tasks import TaskRunner
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.models.booking_pages import AllBookingsModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.models.paged import Runner
from podyx_desktop.services import Services
from tests import factories
from tests.conftest import FAST_HASHER
from tests.gui.conftest import GuiStudio, StudioTemplate

BERLIN = DisplayFormat("Europe/Berlin", "en_GB", "EUR")
WAIT = 10_000
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def runner_for(tasks: TaskRunner, owner: QObject | None = None) -> Runner:
    """The thin adapter a view gives the model over the app's task runner."""

    def run(call: Any, on_done: Any, on_error: Any) -> None:
        tasks.run(call, on_success=on_done, on_error=on_error, owner=owner)

    return run


@dataclass
class Pages:
    """The model's page source: ``BookingService.page`` as ``principal``, on the worker,
    noting each request and how many rows its page brought."""

    principal: Principal
    requests: list[PageRequest] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    hold: dict[str, threading.Event] = field(default_factory=dict)  # sort key: go-ahead

    def __call__(self, services: Services, request: PageRequest) -> Page[Booking]:
        self.requests.append(request)
        if (go := self.hold.get(request.sort)) is not None:
            assert go.wait(WAIT / 1000)
        page = services.bookings.page(self.principal, request)
        self.rows.append(len(page.rows))
        return page


def shown_ids(model: AllBookingsModel) -> list[int]:
    return [model.index(row, 0).data(RECORD_ROLE).id for row in range(model.rowCount())]


def sql_ids(path: Any, order_by: str, limit: int, offset: int = 0) -> list[int]:
    """Booking ids straight from the file, for comparison (OFFSET is fine in a check)."""
    with sqlite3.connect(path) as connection:
        return [
            row[0]
            for row in connection.execute(
                "SELECT b.id FROM bookings b JOIN users u ON u.id = b.client_id "
                f"ORDER BY {order_by} LIMIT ? OFFSET ?",
                (limit, offset),
            )
        ]


@pytest.fixture
def desk(studio_template: StudioTemplate) -> Principal:
    return studio_template.catalogue.desk


@pytest.fixture
def tasks(studio: GuiStudio) -> Iterator[TaskRunner]:
    built: list[Services] = []

    def factory() -> Services:
        services = Services(Database(studio.url), hasher=FAST_HASHER)
        built.append(services)
        return services

    runner = TaskRunner(factory)
    yield runner
    runner.shutdown()


@pytest.fixture
def small_list(factory_studio: factories.Studio) -> list[int]:
    """25 bookings more (26 in all) over three clients, with equal start times; ids."""
    ben = factory_studio.client("Ben Bauer", "ben@example.com")
    cleo = factory_studio.client("Cleo Chen", "cleo@example.com")
    ana = factory_studio.services.accounts.sign_in("ana.client@example.com", factories.PASSWORD)
    clients = [ana.account.id, ben.account.id, cleo.account.id]
    statuses = list(BookingStatus)
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    rows = []
    for i in range(25):
        starts = start + timedelta(hours=i % 7)
        rows.append(
            {
                "client_id": clients[i % 3],
                "room_id": factory_studio.room_a,
                "setup_id": factory_studio.podcast_setup,
                "service_id": factory_studio.podcast,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=1),
                "blocked_until": starts + timedelta(hours=1),
                "status": statuses[i % len(statuses)].value,
                "reschedule_count": 0,
                "created_at": start,
                "updated_at": start,
                "cancel_reason": "",
            }
        )
    with factory_studio.services.db.write() as session:
        session.execute(insert(t.Booking), rows)
    return sql_ids(factory_studio.services.db.url.database, "b.id", 100)


def test_the_model_tester_watches_it_page_sort_and_search(
    qtbot: Any,
    qtmodeltester: Any,
    studio: GuiStudio,
    tasks: TaskRunner,
    desk: Principal,
    small_list: list[int],
) -> None:
    model = AllBookingsModel(Pages(desk), runner_for(tasks), BERLIN, page_size=4)
    # The tester's own checks call fetchMore; each page it sees inserted, it asks again.
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(lambda: model.is_complete and not model.is_loading, timeout=WAIT)
    assert shown_ids(model) == sql_ids(studio.path, "b.starts_at DESC, b.id DESC", 100)
    orders = {
        AllBookingsModel.NUMBER: "b.id",
        AllBookingsModel.WHEN: "b.starts_at, b.id",
        AllBookingsModel.CLIENT: "u.full_name, b.id",
        AllBookingsModel.STATUS: "b.status, b.id",
    }
    for column, ascending in orders.items():
        descending = ", ".join(f"{part} DESC" for part in ascending.split(", "))
        for order, order_by in ((ASC, ascending), (DESC, descending)):
            model.sort(column, order)
            qtbot.waitUntil(lambda: model.is_complete and not model.is_loading, timeout=WAIT)
            assert shown_ids(model) == sql_ids(studio.path, order_by, 100), (column, order)
    model.set_filter("  ANA ")
    qtbot.waitUntil(lambda: model.is_complete and not model.is_loading, timeout=WAIT)
    assert model.search == "ANA"
    assert {model.index(r, AllBookingsModel.CLIENT).data() for r in range(model.rowCount())} == {
        "Ana Client"
    }
    assert model.rowCount() == 1 + 9  # the template's booking and every third one added


def test_one_page_loads_at_a_time_and_a_replaced_sort_is_dropped(
    qtbot: Any, studio: GuiStudio, tasks: TaskRunner, desk: Principal, small_list: list[int]
) -> None:
    pages = Pages(desk)
    model = AllBookingsModel(pages, runner_for(tasks), BERLIN, page_size=4)
    loading: list[bool] = []
    model.loading_changed.connect(loading.append)
    assert model.rowCount() == 0 and model.canFetchMore()
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT):
        model.fetchMore()
        model.fetchMore()  # the view asks again while the page is on its way: no second load
        assert model.is_loading
    assert len(pages.requests) == 1 and model.rowCount() == 4
    qtbot.wait(50)
    assert len(pages.requests) == 1

    # A sort replaced while its page is being read: that page is dropped when it comes.
    loaded: list[int] = []
    model.page_loaded.connect(loaded.append)
    go = pages.hold["client"] = threading.Event()
    model.sort(AllBookingsModel.CLIENT, ASC)
    qtbot.waitUntil(lambda: len(pages.requests) == 2, timeout=WAIT)  # on the worker now
    model.sort(AllBookingsModel.NUMBER, DESC)
    go.set()
    qtbot.waitUntil(lambda: len(pages.rows) == 3 and not model.is_loading, timeout=WAIT)
    qtbot.wait(50)
    assert loaded == [4]  # one page shown: the second sort's
    assert shown_ids(model) == sorted(small_list, reverse=True)[:4]
    assert [r.sort for r in pages.requests[1:]] == ["client", "id"]
    assert loading == [True, False, True, False]  # busy once per list shown

    # A sort replaced before the worker reached it: its query is never run.
    busy = threading.Event()
    tasks.run_plain(lambda: busy.wait(WAIT / 1000))
    model.sort(AllBookingsModel.STATUS, ASC)
    model.sort(AllBookingsModel.WHEN, ASC)
    busy.set()
    qtbot.waitUntil(lambda: len(pages.rows) == 4 and not model.is_loading, timeout=WAIT)
    assert [r.sort for r in pages.requests[3:]] == ["starts_at"]
    assert loaded == [4, 4]

    # The same search again, or the sort the rows already have, loads nothing.
    model.set_filter("")
    model.sort(AllBookingsModel.WHEN, ASC)
    qtbot.wait(50)
    assert len(pages.requests) == 4
    # A column the service cannot sort by is ignored.
    model.sort(AllBookingsModel.ROOM, ASC)
    assert (model.sort_column, model.sort_order) == (AllBookingsModel.WHEN, ASC)


def test_a_page_that_cannot_load_says_why_and_stops_asking(
    qtbot: Any, tasks: TaskRunner, client_session: Any, small_list: list[int]
) -> None:
    pages = Pages(client_session.principal)  # a client may not list every booking
    model = AllBookingsModel(pages, runner_for(tasks), BERLIN)
    with qtbot.waitSignal(model.load_failed, timeout=WAIT) as failed:
        model.fetchMore()
    assert "staff" in failed.args[0]
    assert model.error == failed.args[0]
    assert not model.is_loading and not model.canFetchMore()
    model.fetchMore()
    qtbot.wait(50)
    assert len(pages.requests) == 1
    with qtbot.waitSignal(model.load_failed, timeout=WAIT):
        model.reload()  # tries again (and fails again: still a client)
    assert len(pages.requests) == 2


# --- a million bookings ----------------------------------------------------------------

MILLION = 1_000_000
CLIENTS = 50_000


def generate_bookings(path: Any, catalogue: factories.Studio) -> None:
    """50,000 clients and a million bookings in the studio file, with raw SQL.

    Start times in 30-minute steps from 2020, two bookings at each, in an order
    unrelated to their ids; statuses in turn; clients spread evenly. The bookings indexes
    are dropped for the insert and made again after (the same statements): ~5 s in all,
    against ~20 s with the indexes kept up row by row.
    """
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -200000")
    first_client = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM users").fetchone()[0]
    connection.execute(
        """WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :count - 1)
        INSERT INTO users (id, email, email_key, full_name, phone, password_hash, role,
            active, failed_logins, company, vat_id, address_line1, address_line2,
            postal_code, city, country, store_credit_minor, created_at, updated_at)
        SELECT :first + i, printf('client%05d@example.com', i),
            printf('client%05d@example.com', i), printf('Client %05d', (i * 7919) % :count),
            '', '!', 'client', 1, 0, '', '', '', '', '', '', '', 0,
            '2020-01-01 00:00:00.000000', '2020-01-01 00:00:00.000000'
        FROM n""",
        {"count": CLIENTS, "first": first_client},
    )
    indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'index' AND tbl_name = 'bookings' AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in indexes:
        connection.execute(f"DROP INDEX {name}")
    statuses = [s.value for s in BookingStatus]
    status_case = " ".join(f"WHEN {n} THEN '{s}'" for n, s in enumerate(statuses))
    at = "strftime('%Y-%m-%d %H:%M:%S.000000', '2020-01-01', printf('+%d minutes', m + {}))"
    connection.execute(
        f"""WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :count - 1),
        t(i, m) AS (SELECT i, ((i * 7919) % (:count / 2)) * 30 FROM n)
        INSERT INTO bookings (client_id, room_id, setup_id, service_id, starts_at, ends_at,
            blocked_until, status, reschedule_count, created_at, updated_at, cancel_reason)
        SELECT :first + (i * 104729) % :clients, :room, :setup, :service,
            {at.format(0)}, {at.format(60)}, {at.format(75)},
            CASE i % {len(statuses)} {status_case} END,
            0, '2020-01-01 00:00:00.000000', '2020-01-01 00:00:00.000000', ''
        FROM t""",
        {
            "count": MILLION,
            "first": first_client,
            "clients": CLIENTS,
            "room": catalogue.room_a,
            "setup": catalogue.podcast_setup,
            "service": catalogue.podcast,
        },
    )
    for _name, sql in indexes:
        connection.execute(sql)
    connection.commit()
    connection.close()


@dataclass
class Work:
    """SQLite's virtual-machine steps on the worker's connections (counted per 1,000)."""

    thousands: int = 0

    def tick(self) -> int:
        self.thousands += 1
        return 0  # go on

    def watch(self, database: Database) -> None:
        @event.listens_for(database.engine, "connect")
        def _count(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.set_progress_handler(self.tick, 1000)


def full_read_work(path: Any) -> int:
    """What reading every booking once costs, in the same units: the yardstick."""
    work = Work()
    with sqlite3.connect(path) as connection:
        connection.set_progress_handler(work.tick, 1000)
        connection.execute("SELECT max(cancel_reason) FROM bookings").fetchone()
    return work.thousands


@pytest.mark.slow
def test_a_million_bookings_show_their_first_page_without_reading_the_rest(
    qtbot: Any, studio: GuiStudio, studio_template: StudioTemplate, desk: Principal
) -> None:
    started = time.perf_counter()
    generate_bookings(studio.path, studio_template.catalogue)
    generated = time.perf_counter() - started
    full = full_read_work(studio.path)
    assert full > 1000  # over a million steps: each booking read is a few

    work = Work()

    def services() -> Services:
        database = Database(studio.url)
        work.watch(database)
        return Services(database, hasher=FAST_HASHER)

    tasks = TaskRunner(services)
    try:
        pages = Pages(desk)
        view = QTableView()
        qtbot.addWidget(view)
        view.resize(900, 600)
        model = AllBookingsModel(pages, runner_for(tasks, view), BERLIN, parent=view)
        assert pages.requests == []  # a model alone loads nothing

        # Shown, the view asks for rows itself (fetchMore); the first page arrives.
        with qtbot.waitSignal(model.page_loaded, timeout=WAIT):
            view.setModel(model)
            view.show()
        first_page_work = work.thousands
        # The header shows the model's sort (newest first); turning sorting on asks the
        # model for the sort it has: nothing to load.
        view.horizontalHeader().setSortIndicator(AllBookingsModel.WHEN, DESC)
        view.setSortingEnabled(True)
        qtbot.wait(200)  # the view has what it can show: it asks for no more
        assert pages.rows == [200] and model.rowCount() == 200
        assert shown_ids(model) == sql_ids(studio.path, "b.starts_at DESC, b.id DESC", 200)
        assert first_page_work * 50 < full, (first_page_work, full)
        top = model.index(0, AllBookingsModel.CLIENT)
        assert view.visualRect(top).intersects(view.viewport().rect())
        assert top.data() == top.data(RECORD_ROLE).client_name
        assert top.data().startswith("Client ")

        # Scrolled to the end, the view asks for the next page, and gets exactly that.
        scroll = view.verticalScrollBar()
        before = work.thousands
        with qtbot.waitSignal(model.page_loaded, timeout=WAIT):
            scroll.setValue(scroll.maximum())
        next_page_work = work.thousands - before
        qtbot.wait(100)
        assert pages.rows == [200, 200] and model.rowCount() == 400
        assert shown_ids(model)[200:] == sql_ids(
            studio.path, "b.starts_at DESC, b.id DESC", 200, offset=200
        )
        assert next_page_work * 50 < full, (next_page_work, full)

        # A click on the Client header: that column's first page, from the start.
        header = view.horizontalHeader()
        x = header.sectionViewportPosition(AllBookingsModel.CLIENT) + 10
        before = work.thousands
        with qtbot.waitSignal(model.page_loaded, timeout=WAIT):
            QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        client_page_work = work.thousands - before
        qtbot.wait(100)
        order = header.sortIndicatorOrder()
        assert (model.sort_column, model.sort_order) == (AllBookingsModel.CLIENT, order)
        direction = "DESC" if order == DESC else "ASC"
        assert pages.rows == [200, 200, 200] and model.rowCount() == 200
        assert shown_ids(model) == sql_ids(
            studio.path, f"u.full_name {direction}, b.id {direction}", 200
        )
        assert client_page_work * 50 < full, (client_page_work, full)
        names = [model.index(r, AllBookingsModel.CLIENT).data() for r in range(200)]
        assert names == sorted(names, reverse=order == DESC)
    finally:
        tasks.shutdown()
    print(
        f"\ngenerated {MILLION:,} bookings in {generated:.1f} s; reading them all: "
        f"~{full:,}k steps; first page ~{first_page_work}k, next ~{next_page_work}k, "
        f"by client ~{client_page_work}k"
    )
