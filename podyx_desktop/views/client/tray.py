"""The client's tray icon and reminders, attached to the window after its first paint.

- Where the platform has a tray (:meth:`QSystemTrayIcon.isSystemTrayAvailable`, injectable
  for tests): an icon whose tooltip and menu name the next session, with "Open Podyx",
  the next session (opens the window on Bookings) and "Quit".
- A timer asks the studio (on the worker, through :class:`CheckReminders`) every minute
  for the reminders due; each one this computer won (docs/rules.md "Reminders": once over
  all the client's computers, and never again after a restart) is shown with
  ``showMessage``, or, without a tray, in a banner at the top of the window.
- A waitlist offer (the window's ``waitlist_offered``) is told the same way.
- With "Keep Podyx in the tray when the window is closed" (Account → On this computer)
  and a tray, closing the window by hand hides it; the tray's Quit ends the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.gui.ui_settings import UiSettings
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.reminders import check_reminders

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from podyx_desktop.domain.reminders import ReminderCheck, UpcomingSession
    from podyx_desktop.domain.waitlist import WaitlistEntry
    from podyx_desktop.views.common.context import ViewContext

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60_000
MESSAGE_MS = 15_000
BOOKINGS = 0  # the window's Bookings tab


class ClientWindow(Protocol):
    """What the tray uses of the client's window (main_window.MainWindow)."""

    waitlist_offered: SignalInstance

    @property
    def context(self) -> ViewContext: ...

    def show_tab(self, index: int) -> None: ...

    def save_state(self) -> None: ...

    # Called by closeEvent first: True keeps the window open (the close was handled).
    close_guard: Callable[[QCloseEvent], bool] | None


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class ReminderBanner(QFrame):
    """Where there is no tray: the reminder at the top of the window, until dismissed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ReminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the reminder"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss_button)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def say(self, title: str, text: str) -> None:
        self.label.setText(f"<b>{_escaped(title)}</b> — {_escaped(text)}")
        self.label.setAccessibleName(f"{title}. {text}")
        self.show()


class Tray(QObject):
    """The tray icon (if any), the reminders' timer and the close-to-tray behaviour of one
    client window. ``shown`` keeps every (title, text) told, for tests and the log."""

    def __init__(
        self,
        window: QMainWindow,
        settings: UiSettings,
        *,
        available: Callable[[], bool] = tray_available,
        interval_ms: int = CHECK_EVERY_MS,
        quit_app: Callable[[], None] = QApplication.quit,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._client = cast("ClientWindow", window)
        self._settings = settings
        self._display = DisplayFormat.for_studio(self._client.context.user.studio)
        self._asking = False
        self._quit_app = quit_app
        self.shown: list[tuple[str, str]] = []
        self.next_session: UpcomingSession | None = None
        self.banner = ReminderBanner(window)
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(1, self.banner)  # under the header
        self.icon: QSystemTrayIcon | None = None
        if available():
            self.icon = self._build_icon()
        # Asked by the window's closeEvent, not an event filter: a filter on the window
        # would call into Python for each of its events (each repaint of anything in it).
        self._client.close_guard = self._window_closing
        self._client.waitlist_offered.connect(self._offered)
        # a booked, moved or canceled session: the next session (and its reminders) now
        self._client.context.bus.changed.connect(self._on_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(0, self, self.check)

    # --- the icon -------------------------------------------------------------------

    def _build_icon(self) -> QSystemTrayIcon:
        icon = QSystemTrayIcon(QApplication.windowIcon() or QIcon(), self)
        menu = QMenu(self._window)
        self.open_action = QAction(self.tr("Open Podyx"), menu)
        self.next_action = QAction(self.tr("No upcoming session"), menu)
        self.next_action.setEnabled(False)
        self.quit_action = QAction(self.tr("Quit"), menu)
        menu.addAction(self.open_action)
        menu.addAction(self.next_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.menu = menu
        self.open_action.triggered.connect(self.open_window)
        self.next_action.triggered.connect(self._open_bookings)
        self.quit_action.triggered.connect(self.quit)
        icon.activated.connect(self._activated)
        icon.setContextMenu(menu)
        icon.setToolTip(self.tr("Podyx"))
        icon.show()
        return icon

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window()

    @Slot()
    def open_window(self) -> None:
        window = self._window
        window.showNormal()
        window.raise_()
        window.activateWindow()

    @Slot()
    def _open_bookings(self) -> None:
        self.open_window()
        self._client.show_tab(BOOKINGS)

    @Slot()
    def quit(self) -> None:
        """End the app (the window closes for good through the app's shutdown)."""
        self.stop()
        self._quit_app()

    # --- closing to the tray --------------------------------------------------------

    @property
    def keeps_running(self) -> bool:
        """Closing the window by hand leaves Podyx in the tray."""
        return self.icon is not None and self._settings.keep_in_tray

    def _window_closing(self, event: QCloseEvent) -> bool:
        """The window's close guard: True when the close only hid the window. Only a close
        the person asked for (the window manager's, spontaneous) does: signing out and
        quitting close the window from the code, and those close it for good."""
        if event.spontaneous() and self.keeps_running:
            event.ignore()
            self._client.save_state()
            self._window.hide()
            return True
        self.stop()  # closed for good: no more checks, and the icon goes with it
        return False

    def stop(self) -> None:
        self.timer.stop()
        if self.icon is not None:
            self.icon.hide()

    # --- reminders ------------------------------------------------------------------

    @Slot()
    def check(self) -> None:
        """Ask for the reminders due (one question at a time; a failure, e.g. offline at
        home, waits for the next minute)."""
        if self._asking or not self.timer.isActive():
            return
        self._asking = True
        display = self._display
        ctx = self._client.context
        op = check_reminders(ctx, ctx.user.principal, self._settings.reminder_leads)
        op.on_worker(lambda check: (check, _texts(check, display))).success(self._checked).failure(
            self._failed
        ).run(self)

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.BOOKINGS):
            self.check()

    def _failed(self, message: str) -> None:
        self._asking = False
        log.info("reminders not checked: %s", message)

    def _checked(self, result: tuple[ReminderCheck, dict[int, str]]) -> None:
        self._asking = False
        check, texts = result
        self.next_session = check.next_session
        self._show_next(check.next_session, texts)
        for reminder in check.shown:
            session = reminder.session
            self.tell(
                self.tr("Your session is coming up"),
                self.tr("{service} in {room}, {when}").format(
                    service=session.service_name,
                    room=session.room_name,
                    when=texts.get(session.booking_id, ""),
                ),
            )

    def _show_next(self, session: UpcomingSession | None, texts: dict[int, str]) -> None:
        if session is None:
            text = self.tr("No upcoming session")
        else:
            text = self.tr("Next: {service}, {when}").format(
                service=session.service_name, when=texts.get(session.booking_id, "")
            )
            if not session.confirmed:
                text = self.tr("{session} (awaiting payment)").format(session=text)
        self.next_text = text
        if self.icon is not None:
            self.next_action.setText(text)
            self.next_action.setEnabled(session is not None)
            self.icon.setToolTip(self.tr("Podyx — {next}").format(next=text))

    @Slot(object)
    def _offered(self, entry: WaitlistEntry) -> None:
        when = self._display.time_range(entry.starts_at, entry.ends_at)
        until = self._display.time(entry.hold_until) if entry.hold_until is not None else ""
        self.tell(
            self.tr("A time you waited for is free"),
            self.tr("{room}, {when}: held for you until {until}. Book it on Bookings.").format(
                room=entry.room_name, when=when, until=until
            ),
        )

    def tell(self, title: str, text: str) -> None:
        """Show a message in the tray's bubble, or in the window's banner without a tray."""
        self.shown.append((title, text))
        if self.icon is not None:
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        else:
            self.banner.say(title, text)


def _texts(check: ReminderCheck, display: DisplayFormat) -> dict[int, str]:
    """The sessions' days and times in the studio's zone (Babel: off the GUI thread)."""
    sessions = [r.session for r in check.shown]
    if check.next_session is not None:
        sessions.append(check.next_session)
    return {s.booking_id: display.time_range(s.starts_at, s.ends_at) for s in sessions}


def _escaped(text: str) -> str:
    from html import escape

    return escape(text)


def attach(window: QMainWindow, settings: UiSettings) -> Tray:
    """The window's tray (built once; called after its first paint)."""
    return Tray(window, settings)
