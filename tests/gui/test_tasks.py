"""The task runner: one serial worker, results and errors back on the GUI thread as words,
no callbacks into deleted widgets, a busy signal only for slow work, a clean stop.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread
from PySide6.QtWidgets import QApplication, QWidget

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.errors import SignInFailed
from podyx_desktop.gui.changes import ChangeBus
from podyx_desktop.gui.tasks import TaskRunner

WAIT = 3_000


class FakeServices:
    """Stands in for Services; records where it was built."""

    def __init__(self) -> None:
        self.thread = threading.current_thread()


@pytest.fixture
def built() -> list[FakeServices]:
    return []


@pytest.fixture
def runner(built: list[FakeServices]) -> Iterator[TaskRunner]:
    def factory() -> Any:
        services = FakeServices()
        built.append(services)
        return services

    tasks = TaskRunner(factory)
    yield tasks
    tasks.shutdown()


def on_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_a_plain_task_runs_in_order_without_building_the_services(
    qtbot: Any, runner: TaskRunner, built: list[FakeServices]
) -> None:
    seen: list[str] = []
    errors: list[str] = []
    runner.run_plain(lambda: "plain", on_success=seen.append)
    empty: dict[str, str] = {}
    runner.run_plain(lambda: empty["missing"], on_error=errors.append)
    qtbot.waitUntil(lambda: bool(seen) and bool(errors), timeout=WAIT)
    assert seen == ["plain"] and built == []  # no services were built for them
    assert errors == ["Something went wrong: 'missing'. The details are in the log."]
    runner.run(lambda services: "served", on_success=seen.append)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT)
    assert seen[1] == "served" and len(built) == 1


def test_success_is_delivered_on_the_gui_thread(
    qtbot: Any, runner: TaskRunner, built: list[FakeServices]
) -> None:
    results: list[tuple[object, bool]] = []
    runner.run(lambda services: services, on_success=lambda v: results.append((v, on_gui_thread())))
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT)
    value, gui = results[0]
    assert gui
    assert value is built[0]
    assert built[0].thread is not threading.main_thread()  # built lazily, on the worker


def test_tasks_run_in_order_on_one_thread(qtbot: Any, runner: TaskRunner) -> None:
    seen: list[tuple[int, int]] = []
    for i in range(20):

        def task(_services: Any, i: int = i) -> tuple[int, int]:
            return i, threading.get_ident()

        runner.run(task, on_success=seen.append)
    qtbot.waitUntil(lambda: len(seen) == 20, timeout=WAIT)
    assert [i for i, _ in seen] == list(range(20))
    assert len({ident for _, ident in seen}) == 1
    assert seen[0][1] != threading.get_ident()


def test_a_podyx_error_gives_its_message(qtbot: Any, runner: TaskRunner) -> None:
    messages: list[str] = []

    def fail(_services: Any) -> None:
        raise SignInFailed()

    runner.run(fail, on_success=lambda _v: messages.append("success?"), on_error=messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=WAIT)
    assert messages == ["The email or password is not correct. Check them and try again."]


def test_an_unexpected_error_is_logged_and_told_in_one_line(
    qtbot: Any, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    messages: list[str] = []

    def crash(_services: Any) -> None:
        raise RuntimeError("the disk is full.\nsecond line")

    with caplog.at_level(logging.ERROR, logger="podyx_desktop.gui.tasks"):
        runner.run(crash, on_error=messages.append)
        qtbot.waitUntil(lambda: bool(messages), timeout=WAIT)
    assert messages == ["Something went wrong: the disk is full. The details are in the log."]
    assert any(record.exc_info for record in caplog.records)  # the traceback is in the log


def test_without_on_error_the_message_goes_to_error_shown(qtbot: Any, runner: TaskRunner) -> None:
    with qtbot.waitSignal(runner.error_shown, timeout=WAIT) as blocker:
        runner.run(lambda _s: 1 // 0)
    assert blocker.args[0].startswith("Something went wrong: integer division or modulo by zero")


def test_a_deleted_owner_gets_no_callback(qtbot: Any, runner: TaskRunner) -> None:
    owner = QWidget()
    called: list[str] = []
    gate = threading.Event()
    runner.run(lambda _s: gate.wait(2), on_success=lambda _v: called.append("yes"), owner=owner)
    shiboken6.delete(owner)
    gate.set()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    assert called == []


class Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[object] = []

    def loaded(self, value: object) -> None:
        self.got.append(value)


def test_a_deleted_widgets_bound_callback_is_not_called(qtbot: Any, runner: TaskRunner) -> None:
    screen = Screen()
    gate = threading.Event()
    runner.run(lambda _s: gate.wait(2), on_success=screen.loaded)
    shiboken6.delete(screen)
    gate.set()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)  # and no RuntimeError raised

    alive = Screen()
    runner.run(lambda _s: 42, on_success=alive.loaded)
    qtbot.waitUntil(lambda: alive.got == [42], timeout=WAIT)
    alive.deleteLater()


def test_busy_only_after_200_ms(qtbot: Any, runner: TaskRunner) -> None:
    changes: list[tuple[bool, float]] = []
    runner.busy_changed.connect(lambda busy: changes.append((busy, time.monotonic())))
    done: list[int] = []
    runner.run(lambda _s: 1, on_success=done.append)  # quick: no busy signal at all
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    qtbot.wait(300)
    assert changes == []

    started = time.monotonic()

    def slow(_services: Any) -> int:
        time.sleep(0.6)
        return 2

    runner.run(slow, on_success=done.append)
    qtbot.waitUntil(lambda: len(changes) == 2, timeout=WAIT)
    (busy, at), (idle, _) = changes
    assert busy is True and idle is False
    assert 0.18 <= at - started < 0.5
    assert not runner.is_busy


def test_shutdown_stops_the_worker_and_refuses_new_work(qtbot: Any, built: list[Any]) -> None:
    tasks = TaskRunner(lambda: FakeServices())  # type: ignore[arg-type,return-value]
    results: list[int] = []
    tasks.run(lambda _s: 1, on_success=results.append)
    qtbot.waitUntil(lambda: results == [1], timeout=WAIT)
    tasks.shutdown()
    tasks.run(lambda _s: 2, on_success=results.append)
    qtbot.wait(50)
    assert results == [1]
    tasks.shutdown()  # twice is fine


def test_a_failing_factory_is_an_error_and_is_retried(qtbot: Any) -> None:
    attempts: list[int] = []

    def factory() -> Any:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("disk not ready")
        return FakeServices()

    tasks = TaskRunner(factory)
    messages: list[str] = []
    results: list[object] = []
    tasks.run(lambda s: s, on_error=messages.append)
    tasks.run(lambda s: s, on_success=results.append)
    qtbot.waitUntil(lambda: bool(messages) and bool(results), timeout=WAIT)
    assert "disk not ready" in messages[0]
    assert isinstance(results[0], FakeServices)
    tasks.shutdown()


def test_the_change_bus(qtbot: Any) -> None:
    bus = ChangeBus()
    with qtbot.waitSignal(bus.changed, timeout=WAIT) as blocker:
        bus.publish(Changes.of(Kind.BOOKINGS, Kind.PURCHASES))
    assert blocker.args == [Changes.of(Kind.BOOKINGS, Kind.PURCHASES)]
    with qtbot.assertNotEmitted(bus.changed):
        bus.publish(Changes())  # nothing changed: nothing to tell


def test_results_that_arrive_together_are_delivered_one_per_turn_of_the_loop(
    qtbot: Any, runner: TaskRunner
) -> None:
    """Three results ready at once (the GUI thread was busy meanwhile) reach their
    callbacks in order, with the event loop turning between two of them: an event the
    first callback posts (as painting and input are posted) is handled before the
    second callback runs, not after all three."""
    seen: list[object] = []
    all_done = threading.Event()

    class Poster(QObject):
        def event(self, event: QEvent) -> bool:
            if event.type() == QEvent.Type.User:
                seen.append("posted")
                return True
            return super().event(event)

    poster = Poster()

    def first(value: int) -> None:
        seen.append(value)
        QCoreApplication.postEvent(poster, QEvent(QEvent.Type.User))

    runner.run_plain(lambda: 1, on_success=first)
    runner.run_plain(lambda: 2, on_success=seen.append)
    runner.run_plain(lambda: 3, on_success=seen.append)
    runner.run_plain(all_done.set)
    assert all_done.wait(WAIT / 1000)  # the GUI thread is held here: all four came in
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    assert seen == [1, "posted", 2, 3]


@pytest.fixture
def painted(qtbot: Any) -> tuple[QWidget, list[str]]:
    """A shown widget that notes each of its paints (its first one done) in the list."""
    events: list[str] = []

    class Painted(QWidget):
        def paintEvent(self, _event: Any) -> None:
            events.append("painted")

    widget = Painted()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: "painted" in events, timeout=WAIT)
    events.clear()
    return widget, events


def _change_and_start_a_task(runner: TaskRunner, widget: QWidget, events: list[str]) -> None:
    widget.update()
    runner.run_plain(lambda: events.append("next task started"))
    time.sleep(0.05)  # the GUI thread's own work: time enough for the worker to start
    events.append("GUI work done")


def test_the_next_task_waits_until_the_gui_thread_has_painted_a_result(
    qtbot: Any, runner: TaskRunner, painted: tuple[QWidget, list[str]]
) -> None:
    """A result's callback changes a widget and starts another task (a write's reload):
    that task starts once the callback has returned and the widget has painted, not
    beside them (the two threads would take turns with the interpreter lock)."""
    widget, events = painted
    runner.run_plain(
        lambda: None, on_success=lambda _: _change_and_start_a_task(runner, widget, events)
    )
    qtbot.waitUntil(lambda: "next task started" in events, timeout=WAIT)
    assert events == ["GUI work done", "painted", "next task started"]


def test_a_gui_turn_holds_the_next_task_until_its_paint(
    qtbot: Any, runner: TaskRunner, painted: tuple[QWidget, list[str]]
) -> None:
    """The same for the GUI thread's own work (a tab built or shown): ``gui_turn``."""
    widget, events = painted
    with runner.gui_turn():
        _change_and_start_a_task(runner, widget, events)
    qtbot.waitUntil(lambda: "next task started" in events, timeout=WAIT)
    assert events == ["GUI work done", "painted", "next task started"]


def test_a_queued_task_waits_until_the_result_before_it_has_been_painted(
    qtbot: Any, runner: TaskRunner, painted: tuple[QWidget, list[str]]
) -> None:
    """Tasks queued together (a write's reloads): the second starts once the first's
    result has been delivered and painted, not while it is; a task without callbacks
    holds nothing back."""
    widget, events = painted

    def delivered(_result: object) -> None:
        widget.update()
        time.sleep(0.02)  # the GUI thread's own work: time enough for the worker to start
        events.append("first delivered")

    runner.run_plain(lambda: None)  # the worker thread up and waiting for tasks
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    runner.run_plain(lambda: None, on_success=delivered)
    runner.run_plain(lambda: events.append("second started"))
    runner.run_plain(lambda: events.append("third started"))
    qtbot.waitUntil(lambda: "third started" in events, timeout=WAIT)
    assert events == ["first delivered", "painted", "second started", "third started"]


class _Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_garbage_is_collected_on_the_gui_thread_while_a_worker_runs(qtbot: Any) -> None:
    """A collection frees what is unreachable, Qt objects' wrappers too, on the thread
    that runs it: while a worker runs, that is the GUI thread, even when the worker makes
    the garbage count pass the thresholds (gui/collector.py)."""
    tasks = TaskRunner(lambda: FakeServices())  # type: ignore[arg-type,return-value]
    assert not gc.isenabled()  # no automatic collection on whichever thread allocates
    gc.collect()  # counts at zero: this thread allocates too little to start one below
    freed_on_gui_thread: list[bool] = []
    node = _Node()
    weakref.finalize(node, lambda: freed_on_gui_thread.append(on_gui_thread()))
    del node
    allocated = threading.Event()
    kept: list[list[int]] = []

    def allocate() -> None:  # enough to start a dozen automatic collections where it runs
        kept.extend([index] for index in range(10_000))
        allocated.set()

    tasks.run_plain(allocate)
    assert allocated.wait(WAIT / 1000)  # (this thread waits without allocating)
    qtbot.waitUntil(lambda: bool(freed_on_gui_thread), timeout=WAIT)
    assert freed_on_gui_thread == [True]
    kept.clear()
    tasks.shutdown()
    assert gc.isenabled()  # the last runner gone: automatic collections again
