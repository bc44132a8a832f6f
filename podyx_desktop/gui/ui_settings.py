"""What the window remembers between runs: its geometry, the last tab, the last email.

Stored with QSettings (the user scope: the registry on Windows, ``~/.config`` on Linux),
one typed property per setting. No secrets here: session tokens live in the keyring.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

_GEOMETRY = "window/geometry"
_STAFF_GEOMETRY = "staff_window/geometry"
_LAST_TAB = "window/last_tab"
_LAST_EMAIL = "sign_in/last_email"
# whether the last run left a sign-in remembered in the keyring (a hint, not the token: the
# next start then opens the main window without showing the sign-in screen first)
_REMEMBERED = "sign_in/remembered"
# Top level, as the configuration reads it (``[General] database_url`` in the user's
# settings file; see podyx_desktop.db.config): the database the person chose in the window.
_DATABASE_URL = "database_url"
# a client at home: the studio server's address, and its certificate pinned on first use
# (a public certificate: nothing secret)
_STUDIO_SERVER = "studio_server/address"
_STUDIO_SERVER_PIN = "studio_server/certificate"
# the window's language ("en", "de"); empty: the system's
_LANGUAGE = "window/language"
# closing the client's window leaves Podyx in the tray; reminders' leads (minutes before a
# session, comma-separated; absent: 24 h and 1 h; empty: none)
_KEEP_IN_TRAY = "tray/keep_when_closed"
_REMINDER_LEADS = "tray/reminder_leads"
DEFAULT_REMINDER_LEADS = (24 * 60, 60)  # domain.reminders.DEFAULT_LEADS (not imported at start-up)


class UiSettings:
    """Typed access to the window's own settings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    @property
    def geometry(self) -> QByteArray | None:
        value = self._settings.value(_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue(_GEOMETRY, value)

    @property
    def staff_geometry(self) -> QByteArray | None:
        value = self._settings.value(_STAFF_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @staff_geometry.setter
    def staff_geometry(self, value: QByteArray) -> None:
        self._settings.setValue(_STAFF_GEOMETRY, value)

    @property
    def last_tab(self) -> int:
        value = self._settings.value(_LAST_TAB, 0)
        try:
            return max(0, int(value))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 0

    @last_tab.setter
    def last_tab(self, index: int) -> None:
        self._settings.setValue(_LAST_TAB, int(index))

    @property
    def last_email(self) -> str:
        value = self._settings.value(_LAST_EMAIL, "")
        return value if isinstance(value, str) else ""

    @last_email.setter
    def last_email(self, email: str) -> None:
        self._settings.setValue(_LAST_EMAIL, email)

    def _flag(self, key: str) -> bool:
        """A yes/no setting (QSettings' INI files give it back as text)."""
        value = self._settings.value(key, False)
        return value is True or value in ("true", "1", 1)

    @property
    def sign_in_remembered(self) -> bool:
        return self._flag(_REMEMBERED)

    @sign_in_remembered.setter
    def sign_in_remembered(self, remembered: bool) -> None:
        if self.sign_in_remembered != remembered:  # written at once: the next start reads it
            self._settings.setValue(_REMEMBERED, bool(remembered))
            self._settings.sync()

    @property
    def database_url(self) -> str:
        value = self._settings.value(_DATABASE_URL, "")
        return value if isinstance(value, str) else ""

    @database_url.setter
    def database_url(self, url: str) -> None:
        self._settings.setValue(_DATABASE_URL, url)

    @property
    def studio_server(self) -> str:
        value = self._settings.value(_STUDIO_SERVER, "")
        return value if isinstance(value, str) else ""

    @studio_server.setter
    def studio_server(self, address: str) -> None:
        self._settings.setValue(_STUDIO_SERVER, address)

    @property
    def studio_server_pin(self) -> str:
        value = self._settings.value(_STUDIO_SERVER_PIN, "")
        return value if isinstance(value, str) else ""

    @studio_server_pin.setter
    def studio_server_pin(self, pem: str) -> None:
        self._settings.setValue(_STUDIO_SERVER_PIN, pem)

    @property
    def language(self) -> str:
        value = self._settings.value(_LANGUAGE, "")
        return value if isinstance(value, str) else ""

    @language.setter
    def language(self, code: str) -> None:
        self._settings.setValue(_LANGUAGE, code)

    @property
    def keep_in_tray(self) -> bool:
        return self._flag(_KEEP_IN_TRAY)

    @keep_in_tray.setter
    def keep_in_tray(self, keep: bool) -> None:
        self._settings.setValue(_KEEP_IN_TRAY, bool(keep))

    @property
    def reminder_leads(self) -> tuple[int, ...]:
        value = self._settings.value(_REMINDER_LEADS)
        if value is None:
            return DEFAULT_REMINDER_LEADS
        if not isinstance(value, str):
            return DEFAULT_REMINDER_LEADS
        leads = [int(part) for part in value.split(",") if part.strip().isdigit()]
        return tuple(sorted(set(leads), reverse=True))

    @reminder_leads.setter
    def reminder_leads(self, leads: tuple[int, ...]) -> None:
        self._settings.setValue(_REMINDER_LEADS, ",".join(str(lead) for lead in leads))

    def sync(self) -> None:
        self._settings.sync()
