"""``views.common.paint.next_turn``: work split into turns lets due timers (and input)
run between the turns, and is dropped with its owner."""

from __future__ import annotations

import itertools
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer

from podyx_desktop.views.common.paint import next_turn

WAIT = 3_000


def test_a_chain_of_turns_lets_a_due_timer_run_between_its_turns(qtbot: Any) -> None:
    """Each turn blocks the GUI thread past the 10 ms timer's due time; the timer runs
    before the next turn (``QTimer.singleShot(0, …)`` posts events, which Qt delivers
    before timers, those posted meanwhile included: the turns ran back to back)."""
    events: list[str] = []
    owner = QObject()
    ticker = QTimer(owner)
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: events.append("tick"))

    def turn(number: int) -> None:
        events.append(f"turn {number}")
        time.sleep(0.03)  # the GUI thread's own work, beyond the timer's interval
        if number < 3:
            next_turn(owner, lambda: turn(number + 1))

    ticker.start()
    next_turn(owner, lambda: turn(1))
    qtbot.waitUntil(lambda: "turn 3" in events and events[-1] == "tick", timeout=WAIT)
    ticker.stop()
    turns = [i for i, event in enumerate(events) if event.startswith("turn")]
    assert len(turns) == 3
    for before, after in itertools.pairwise(turns):
        assert "tick" in events[before + 1 : after], events


def test_a_turn_is_dropped_with_its_owner(qtbot: Any) -> None:
    called: list[str] = []
    owner = QObject()
    next_turn(owner, lambda: called.append("called"))
    owner.deleteLater()
    keeper = QObject()
    next_turn(keeper, lambda: called.append("the next one"))
    qtbot.waitUntil(lambda: "the next one" in called, timeout=WAIT)
    assert called == ["the next one"]
