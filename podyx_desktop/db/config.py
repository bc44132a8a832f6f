"""Where Podyx Desktop finds its settings, and which source won.

Each setting is declared once (:data:`DATABASE_URL`, :data:`LOG_LEVEL`) and resolved by
:func:`resolve` with this precedence: command-line flag > environment (``PODYX_…``) > user
settings > machine-wide settings written by the installer > default — unless IT **locked**
it: a machine-wide settings store that sets a value and names its key in ``locked``
(``locked=database_url, log_level``) beats the user's settings, the environment and the
window's command line (``podyx-admin``'s own flags still apply to the command run, and
``podyx-admin config`` says so). Settings live where
QSettings keeps them (organisation "Podyx", application "Podyx Desktop"): INI files under
``$XDG_CONFIG_HOME`` and ``$XDG_CONFIG_DIRS`` (section ``[General]``), or the registry
under ``HKEY_CURRENT_USER`` / ``HKEY_LOCAL_MACHINE`` on Windows. They are read with the
standard library, not QSettings: ``podyx-admin`` must not load Qt (an import contract
keeps the command line Qt-free, and it starts in a fraction of the time), and both
programs must agree on one reader. The reader follows QSettings' file locations, fallback
order and string escapes, and a test writes files with QSettings and reads them here.

Secrets are never read from or written to settings: a PostgreSQL password comes from the
operating system's keyring (:func:`password_from_keyring`), or the app asks for it.
"""

from __future__ import annotations

import configparser
import logging
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote, urlsplit

from podyx_desktop import APP_NAME, ORGANIZATION
from podyx_desktop.domain.errors import PodyxError
from podyx_desktop.domain.message import m
from podyx_desktop.os_keyring import use_system_keyring

log = logging.getLogger(__name__)

KEYRING_SERVICE = APP_NAME  # keyring entries: service "Podyx Desktop", user = server key
SETTINGS_SECTION = "General"  # QSettings' INI section for top-level keys
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
REGISTRY_KEY = rf"Software\{ORGANIZATION}\{APP_NAME}"
LOCKED_KEY = "locked"  # in machine-wide settings: the keys IT locked, comma-separated


class ConfigError(PodyxError):
    """A setting's value cannot be used; the message names the value and where it came from."""


# --- the settings ---------------------------------------------------------------------


class Setting(NamedTuple):
    """One setting: its key in settings files, its environment variable, its default."""

    key: str
    env: str
    description: str
    default: Callable[[], str]
    clean: Callable[[str], str] = str.strip  # raises ValueError with a sentence when invalid
    flag: str = ""  # the podyx-admin option that sets it, for messages

    def value_from(self, raw: str, source: str) -> str:
        try:
            return self.clean(raw)
        except ValueError as error:
            raise ConfigError(
                m(
                    "The {description} from {source} is not usable: {error}",
                    description=self.description,
                    source=source,
                    error=str(error),
                )
            ) from None


def default_database_path() -> Path:
    """The embedded SQLite file in the user's data folder.

    The same path as :func:`podyx_desktop.db.engine.default_sqlite_path` (a test keeps
    them equal), computed here without importing SQLAlchemy.
    """
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, ORGANIZATION) / "podyx.sqlite3"


def default_database_url() -> str:
    return f"sqlite:///{os.fspath(default_database_path())}"


def clean_database_url(raw: str) -> str:
    """A URL as given; a plain file path becomes a SQLite URL to that (absolute) file."""
    text = raw.strip()
    if not text:
        raise ValueError(
            "it is empty. Give a URL such as sqlite:///PATH or postgresql://USER@HOST/DB."
        )
    if "://" not in text and not text.startswith("sqlite:"):
        return f"sqlite:///{os.fspath(Path(text).expanduser().absolute())}"
    return text


def clean_log_level(raw: str) -> str:
    level = raw.strip().upper()
    if level not in LOG_LEVELS:
        raise ValueError(f"“{raw.strip()}” is not a log level. Use one of {', '.join(LOG_LEVELS)}.")
    return level


DATABASE_URL = Setting(
    key="database_url",
    env="PODYX_DATABASE_URL",
    description=m("database URL"),
    default=default_database_url,
    clean=clean_database_url,
    flag="--database",
)
LOG_LEVEL = Setting(
    key="log_level",
    env="PODYX_LOG_LEVEL",
    description=m("log level"),
    default=lambda: "WARNING",
    clean=clean_log_level,
    flag="--log-level",
)
SETTINGS: tuple[Setting, ...] = (DATABASE_URL, LOG_LEVEL)


# --- where settings come from ---------------------------------------------------------


class SettingsStore(NamedTuple):
    """One settings file (or registry key) and what it holds."""

    label: str  # "user settings /home/…/Podyx Desktop.conf"
    values: Mapping[str, str]
    exists: bool
    machine: bool = False  # written by IT for every user of the machine

    @property
    def locked(self) -> frozenset[str]:
        """The keys this store locks (machine-wide stores only)."""
        if not self.machine:
            return frozenset()
        raw = self.values.get(LOCKED_KEY, "")
        return frozenset(part for part in re.split(r"[\s,;]+", raw) if part)


class ResolvedValue(NamedTuple):
    value: str
    source: str  # "command line", "environment PODYX_…", "user settings PATH", …
    locked: bool = False  # IT locked it in the machine-wide settings: not for the user to change


class ResolvedConfig(NamedTuple):
    database_url: ResolvedValue
    log_level: ResolvedValue
    stores: tuple[SettingsStore, ...] = ()  # every place looked at, highest precedence first
    warnings: tuple[str, ...] = ()  # settings files that exist but could not be read

    def get(self, setting: Setting) -> ResolvedValue:
        resolved: ResolvedValue = getattr(self, setting.key)
        return resolved


def user_config_dir(env: Mapping[str, str]) -> Path:
    if env.get("XDG_CONFIG_HOME"):
        return Path(env["XDG_CONFIG_HOME"])
    home = env.get("HOME")
    return (Path(home) if home else Path.home()) / ".config"


def system_config_dirs(env: Mapping[str, str]) -> list[Path]:
    raw = env.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    return [Path(part) for part in raw.split(os.pathsep) if part]


def settings_files(env: Mapping[str, str]) -> tuple[list[Path], list[Path]]:
    """(user files, machine-wide files), each in QSettings' fallback order.

    As QSettings does: the application's file, then the organisation's file; for the
    machine, the application's file in every ``$XDG_CONFIG_DIRS`` folder first.
    """
    app_file = Path(ORGANIZATION) / f"{APP_NAME}.conf"
    org_file = Path(f"{ORGANIZATION}.conf")
    user_dir = user_config_dir(env)
    system_dirs = system_config_dirs(env)
    user = [user_dir / app_file, user_dir / org_file]
    machine = [d / app_file for d in system_dirs] + [d / org_file for d in system_dirs]
    return user, machine


_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def qsettings_string(raw: str) -> str:
    """A string value as QSettings writes it to an INI file: maybe quoted, maybe escaped."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    if text.startswith("@String(") and text.endswith(")"):
        text = text[len("@String(") : -1]
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            hex_match = re.match(r"x([0-9a-fA-F]{1,4})", text[i + 1 :])
            if hex_match:
                out.append(chr(int(hex_match.group(1), 16)))
                i += 1 + len(hex_match.group(0))
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def read_ini(
    path: Path, label: str, machine: bool = False, groups: Sequence[str] = ()
) -> tuple[SettingsStore, str | None]:
    """The ``[General]`` values of one INI file, and a warning if it exists but is
    unreadable; with ``groups``, also those sections' values, named ``group/key`` as
    QSettings names them (the window's own settings, ``gui.early_reads.early_reads_wanted``)."""
    if not path.is_file():
        return SettingsStore(label, {}, exists=False, machine=machine), None
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # QSettings keys are case-sensitive
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        reason = getattr(error, "strerror", None) or str(error).splitlines()[0]
        warning = f"The {label} cannot be read ({reason}); it was skipped."
        return SettingsStore(label, {}, exists=True, machine=machine), warning
    values: dict[str, str] = {}
    if parser.has_section(SETTINGS_SECTION):
        values = {k: qsettings_string(v) for k, v in parser.items(SETTINGS_SECTION)}
    for group in groups:
        if parser.has_section(group):
            values.update((f"{group}/{k}", qsettings_string(v)) for k, v in parser.items(group))
    return SettingsStore(label, values, exists=True, machine=machine), None


def read_registry(
    hive_name: str, label: str, machine: bool = False
) -> tuple[SettingsStore, str | None]:
    """The string values under ``HKCU`` or ``HKLM\\Software\\Podyx\\Podyx Desktop``."""
    if sys.platform != "win32":
        return SettingsStore(label, {}, exists=False, machine=machine), None
    import winreg

    hive = getattr(winreg, hive_name)
    values: dict[str, str] = {}
    try:
        key = winreg.OpenKey(hive, REGISTRY_KEY)
    except FileNotFoundError:
        return SettingsStore(label, {}, exists=False, machine=machine), None
    except OSError as error:
        return SettingsStore(label, {}, exists=True, machine=machine), (
            f"The {label} cannot be read ({error.strerror}); it was skipped."
        )
    with key:
        index = 0
        while True:
            try:
                name, value, kind = winreg.EnumValue(key, index)
            except OSError:  # no more values
                break
            if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) and isinstance(value, str):
                values[name] = value
            index += 1
    return SettingsStore(label, values, exists=True, machine=machine), None


def settings_stores(env: Mapping[str, str]) -> tuple[list[SettingsStore], list[str]]:
    """Every settings store, user before machine, and warnings about unreadable ones."""
    stores: list[SettingsStore] = []
    warnings: list[str] = []
    if sys.platform == "win32":
        found = [
            read_registry("HKEY_CURRENT_USER", rf"user settings HKEY_CURRENT_USER\{REGISTRY_KEY}"),
            read_registry(
                "HKEY_LOCAL_MACHINE",
                rf"machine settings HKEY_LOCAL_MACHINE\{REGISTRY_KEY}",
                machine=True,
            ),
        ]
    else:
        user, machine = settings_files(env)
        found = [read_ini(p, f"user settings {p}") for p in user]
        found += [read_ini(p, f"machine settings {p}", machine=True) for p in machine]
    for store, warning in found:
        stores.append(store)
        if warning:
            warnings.append(warning)
    return stores, warnings


# --- resolving ------------------------------------------------------------------------


def lock_of(setting: Setting, stores: Sequence[SettingsStore]) -> SettingsStore | None:
    """The machine-wide store that sets ``setting`` and locks it, if one does."""
    for store in stores:
        raw = store.values.get(setting.key)
        if setting.key in store.locked and raw is not None and raw.strip():
            return store
    return None


def resolve_one(
    setting: Setting,
    flags: Mapping[str, str | None],
    env: Mapping[str, str],
    stores: Sequence[SettingsStore],
    flags_beat_lock: bool = False,
) -> ResolvedValue:
    lock = lock_of(setting, stores)
    flag = flags.get(setting.key)
    if flag is not None and (lock is None or flags_beat_lock):
        source = f"command line {setting.flag}".strip() if setting.flag else "command line"
        label = "command line"
        if lock is not None:
            label = f"command line (the administrator locked it in {lock.label})"
        return ResolvedValue(setting.value_from(flag, source), label)
    if lock is not None:
        return ResolvedValue(
            setting.value_from(lock.values[setting.key], lock.label),
            f"{lock.label}, locked by the administrator",
            locked=True,
        )
    if env.get(setting.env):
        source = f"environment {setting.env}"
        return ResolvedValue(setting.value_from(env[setting.env], source), source)
    for store in stores:
        raw = store.values.get(setting.key)
        if raw is not None and raw.strip():
            return ResolvedValue(setting.value_from(raw, store.label), store.label)
    return ResolvedValue(setting.value_from(setting.default(), "default"), "default")


def lock_warnings(stores: Sequence[SettingsStore]) -> list[str]:
    """Locks that do nothing: an unknown key, or a key the store does not set."""
    known = {s.key for s in SETTINGS}
    warnings = []
    for store in stores:
        for key in sorted(store.locked):
            if key not in known:
                warnings.append(
                    f"The {store.label} locks “{key}”, which is not a setting "
                    f"(settings: {', '.join(sorted(known))}); that lock is ignored."
                )
            elif not (store.values.get(key) or "").strip():
                warnings.append(
                    f"The {store.label} locks “{key}” but does not set it; that lock is ignored."
                )
    return warnings


def resolve(
    flags: Mapping[str, str | None] | None = None,
    env: Mapping[str, str] = os.environ,
    *,
    flags_beat_lock: bool = False,
) -> ResolvedConfig:
    """Every setting's value and where it came from.

    ``flags`` maps setting keys (``database_url``, ``log_level``) to command-line values,
    None when not given. A value IT locked beats them unless ``flags_beat_lock`` (the
    administrator's own command line). Raises :class:`ConfigError` for a value that
    cannot be used.
    """
    stores, warnings = settings_stores(env)
    values = {s.key: resolve_one(s, flags or {}, env, stores, flags_beat_lock) for s in SETTINGS}
    return ResolvedConfig(
        database_url=values[DATABASE_URL.key],
        log_level=values[LOG_LEVEL.key],
        stores=tuple(stores),
        warnings=tuple(warnings + lock_warnings(stores)),
    )


# --- secrets --------------------------------------------------------------------------


class ServerKey(NamedTuple):
    """Who connects where, without a password: the keyring's user name for a server."""

    scheme: str
    user: str
    host: str
    port: int
    database: str
    password: str | None = None

    def __repr__(self) -> str:  # never the password
        return (
            f"ServerKey(scheme={self.scheme!r}, user={self.user!r}, host={self.host!r}, "
            f"port={self.port!r}, database={self.database!r})"
        )

    @property
    def keyring_user(self) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"


def postgres_server(url: str) -> ServerKey | None:
    """The server a PostgreSQL URL names, or None for any other URL."""
    parts = urlsplit(url)
    scheme = parts.scheme.split("+", 1)[0].lower()
    if scheme not in ("postgresql", "postgres"):
        return None
    try:
        port = parts.port or 5432
    except ValueError:
        return None
    return ServerKey(
        scheme=scheme,
        user=unquote(parts.username or ""),
        host=parts.hostname or "localhost",
        port=port,
        database=unquote(parts.path.lstrip("/")),
        password=unquote(parts.password) if parts.password is not None else None,
    )


def password_from_keyring(url: str) -> str | None:
    """The stored password for the PostgreSQL server ``url`` names, or None.

    None when the URL carries its own password or is not PostgreSQL, when nothing is
    stored, and when no keyring backend works on this machine (the app then asks).
    """
    server = postgres_server(url)
    if server is None or server.password is not None:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        use_system_keyring()
        return keyring.get_password(KEYRING_SERVICE, server.keyring_user)
    except KeyringError as error:
        log.info("No usable keyring for the database password: %s", error)
        return None
    except Exception as error:  # broken backends raise anything (D-Bus, COM, …)
        log.warning("The keyring failed while looking up the database password: %s", error)
        return None


def password_to_keyring(url: str, password: str) -> bool:
    """Remember a server's password in the keyring; False when no backend works."""
    server = postgres_server(url)
    if server is None:
        return False
    try:
        import keyring

        use_system_keyring()
        keyring.set_password(KEYRING_SERVICE, server.keyring_user, password)
    except Exception as error:  # as in password_from_keyring
        log.warning("The keyring cannot store the database password: %s", error)
        return False
    return True


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` put in (for connecting; never shown, never saved)."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    user = quote(unquote(parts.username or ""), safe="")
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return parts._replace(netloc=netloc).geturl()


def hide_password(url: str) -> str:
    """``url`` with any password replaced by ``***``, for showing."""
    return re.sub(r"^([A-Za-z][\w+.-]*://[^:/@]*):[^@/]*@", r"\1:***@", url)
