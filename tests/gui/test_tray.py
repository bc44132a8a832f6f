"""The client's tray and reminders, offscreen, with an injected clock (no sleeps):

- without a tray (offscreen has none): a due reminder shows once in the window's banner;
  asking again, and a "restart" (a new window over the same database), shows it no more;
- with a tray (its availability forced): the reminder goes to the tray, the menu names the
  next session, a waitlist offer is told too; closing the window by hand with "Keep
  Podyx in the tray" hides it and keeps the app, without the setting it closes, a close
  from the code (signing out) always closes; Quit quits;
- the window attaches the tray by itself after its first paint;
- Account → On this computer saves the reminders' leads and the tray setting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent

from podyx_desktop.db.engine import Database
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.records import SignedIn
from podyx_desktop.domain.requests import BookingRequest, SessionCart
from podyx_desktop.gui.changes import ChangeBus
from podyx_desktop.gui.tasks import TaskRunner
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.services import Services
from podyx_desktop.views.client.main_window import MainWindow
from podyx_desktop.views.client.tray import Tray
from podyx_desktop.views.common.context import UserSession, ViewContext
from tests.conftest import FAST_HASHER, FakeClock
from tests.gui.fixtures_tabs import click, wait_built, wait_idle

WAIT = 10_000


@pytest.fixture
def session_start(factory_studio: Any, client_session: SignedIn) -> datetime:
    """A confirmed session of Ana's two days ahead (booked and paid at the desk now)."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    starts = now + timedelta(days=2, minutes=30 - now.minute % 30)
    request = BookingRequest(
        SessionCart(factory_studio.roundtable_setup, factory_studio.podcast, 60),
        starts,
        PaymentMethod.PAY_LATER,
        client_id=client_session.account.id,
        bypass_rules=True,
        bypass_reason="Test: a session for the reminders",
    )
    booked = factory_studio.services.checkout.book(factory_studio.desk, request)
    factory_studio.services.purchases.record_payment(
        factory_studio.desk, booked.purchase.id, PaymentMethod.CASH
    )
    return starts


@pytest.fixture
def clocked_window(
    qtbot: Any, studio: Any, gui_services: Services, client_session: SignedIn
) -> Iterator[Callable[[FakeClock], MainWindow]]:
    """Make Ana's window whose services read ``clock`` (each call: a new window and task
    runner over the same database, as after a restart)."""
    made: list[ViewContext] = []

    def make(clock: FakeClock) -> MainWindow:
        def services() -> Services:
            return Services(Database(studio.url), clock=clock, hasher=FAST_HASHER)

        info = gui_services.catalogue.studio(client_session.principal)
        session = UserSession(
            client_session.principal, client_session.account, info, client_session.token
        )
        ctx = ViewContext(TaskRunner(services), ChangeBus(), session)
        made.append(ctx)
        window = MainWindow(ctx, UiSettings())
        window.tray = QObject(window)  # keeps the window's own hook from attaching a tray
        qtbot.addWidget(window)
        window.show()
        return window

    yield make
    for ctx in made:
        ctx.tasks.shutdown()


def _tray(
    window: MainWindow, *, available: bool, quit_app: Callable[[], None] = lambda: None
) -> Tray:
    return Tray(
        window, UiSettings(), available=lambda: available, interval_ms=3_600_000, quit_app=quit_app
    )


def closed_by_hand(window: MainWindow) -> None:
    """Close the window as the window manager does: a close event to its native window,
    which reaches the widget as a spontaneous one (``QWindow.close()`` would not)."""
    handle = window.windowHandle()
    assert handle is not None
    QCoreApplication.sendEvent(handle, QCloseEvent())


def _checked(qtbot: Any, window: MainWindow, tray: Tray) -> None:
    tray.check()
    qtbot.waitUntil(lambda: not tray._asking, timeout=WAIT)
    wait_idle(qtbot, window.context)


def test_without_a_tray_a_reminder_shows_once_in_the_window_even_after_a_restart(
    qtbot: Any, clocked_window: Callable[[FakeClock], MainWindow], session_start: datetime
) -> None:
    clock = FakeClock(session_start - timedelta(hours=24, minutes=5))
    window = clocked_window(clock)
    tray = _tray(window, available=False)
    _checked(qtbot, window, tray)
    assert tray.icon is None and tray.shown == [] and not tray.banner.isVisible()
    clock.now = session_start - timedelta(hours=3)
    _checked(qtbot, window, tray)
    assert [title for title, _ in tray.shown] == ["Your session is coming up"]
    assert tray.banner.isVisible()
    assert "Podcast" in tray.banner.label.text()
    _checked(qtbot, window, tray)  # the next minute: not again
    assert len(tray.shown) == 1
    click(qtbot, tray.banner.dismiss_button)
    assert not tray.banner.isVisible()
    # a restart: a new window, task runner and services over the same database
    window.close()
    again = clocked_window(clock)
    restarted = _tray(again, available=False)
    _checked(qtbot, again, restarted)
    assert restarted.shown == [] and not restarted.banner.isVisible()
    assert restarted.next_session is not None and restarted.next_session.confirmed
    clock.now = session_start - timedelta(minutes=59)  # the hour-before one, once
    _checked(qtbot, again, restarted)
    _checked(qtbot, again, restarted)
    assert len(restarted.shown) == 1 and restarted.banner.isVisible()


def test_with_a_tray_reminders_and_offers_go_to_the_tray_and_it_keeps_the_app(
    qtbot: Any, clocked_window: Callable[[FakeClock], MainWindow], session_start: datetime
) -> None:
    settings = UiSettings()
    settings.keep_in_tray = True
    quits: list[bool] = []
    clock = FakeClock(session_start - timedelta(hours=23))
    window = clocked_window(clock)
    tray = _tray(window, available=True, quit_app=lambda: quits.append(True))
    _checked(qtbot, window, tray)
    assert tray.icon is not None
    assert [title for title, _ in tray.shown] == ["Your session is coming up"]
    assert not tray.banner.isVisible()  # told by the tray, not the window
    assert tray.next_action.text().startswith("Next: Podcast")
    assert tray.next_action.isEnabled()
    assert "Next: Podcast" in tray.icon.toolTip()
    # closing by hand (the window manager's close: spontaneous) hides it, the app stays
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)  # as the app shows it
    closed_by_hand(window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert shiboken6.isValid(window) and not window._closing  # hidden, never closed
    tray.open_action.trigger()
    qtbot.waitUntil(window.isVisible, timeout=WAIT)
    # Quit from the tray's menu ends the app
    tray.quit_action.trigger()
    assert quits == [True] and not tray.timer.isActive()


def test_without_the_setting_or_from_the_code_the_window_closes(
    qtbot: Any, clocked_window: Callable[[FakeClock], MainWindow], session_start: datetime
) -> None:
    clock = FakeClock(session_start - timedelta(days=1, hours=1))
    window = clocked_window(clock)
    _tray(window, available=True)
    closed_by_hand(window)  # the setting is off: closed
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    assert window._closing
    settings = UiSettings()
    settings.keep_in_tray = True
    other = clocked_window(clock)
    _tray(other, available=True)
    assert other.close()  # signing out and quitting close it from the code: for good
    assert not other.isVisible() and other._closing


def test_a_waitlist_offer_is_told(
    qtbot: Any, clocked_window: Callable[[FakeClock], MainWindow], session_start: datetime
) -> None:
    from podyx_desktop.domain.waitlist import WaitlistEntry, WaitStatus

    window = clocked_window(FakeClock(session_start - timedelta(days=1, hours=1)))
    tray = _tray(window, available=False)
    entry = WaitlistEntry(
        id=1,
        client_id=window.context.user.principal.user_id or 0,
        client_name="Ana",
        room_id=1,
        room_name="Studio A",
        setup_id=1,
        service_id=1,
        service_name="Podcast",
        starts_at=session_start,
        ends_at=session_start + timedelta(hours=1),
        minutes=60,
        status=WaitStatus.OFFERED,
        created_at=session_start - timedelta(days=2),
        offered_at=session_start - timedelta(days=1),
        hold_until=session_start - timedelta(hours=23),
    )
    window.waitlist_offered.emit(entry)
    assert [title for title, _ in tray.shown] == ["A time you waited for is free"]
    assert "Studio A" in tray.shown[0][1] and tray.banner.isVisible()


def test_the_window_attaches_its_tray_after_the_first_paint(
    qtbot: Any, tab_context: ViewContext, gui_services: Services, studio: Any
) -> None:
    window = MainWindow(tab_context, UiSettings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.tray, Tray), timeout=WAIT)
    tray = window.tray
    assert isinstance(tray, Tray)
    qtbot.waitUntil(lambda: tray.next_session is not None, timeout=WAIT)
    assert tray.next_session.booking_id == studio.booking_id  # pending: no reminders
    assert not tray.next_session.confirmed
    wait_idle(qtbot, tab_context)
    # the session is canceled (on another seat): the tray hears of it and looks again
    _canceled, changes = gui_services.call(
        lambda: gui_services.bookings.cancel(tab_context.user.principal, studio.booking_id)
    )
    tab_context.bus.publish(changes)
    qtbot.waitUntil(lambda: tray.next_session is None, timeout=WAIT)
    wait_idle(qtbot, tab_context)


def test_account_saves_the_reminders_and_the_tray_setting(
    qtbot: Any, tab_context: ViewContext
) -> None:
    from podyx_desktop.views.profile.account_tab import AccountTab

    tab = AccountTab(tab_context)
    qtbot.addWidget(tab)
    tab.show()
    wait_built(qtbot, tab)
    choices = tab.tray_choices
    assert choices is not None
    assert choices.day_before.isChecked() and choices.hour_before.isChecked()
    assert not choices.keep_in_tray.isChecked()
    click(qtbot, choices.day_before)
    click(qtbot, choices.keep_in_tray)
    settings = UiSettings()
    assert settings.reminder_leads == (60,) and settings.keep_in_tray
    click(qtbot, choices.hour_before)
    assert UiSettings().reminder_leads == ()
