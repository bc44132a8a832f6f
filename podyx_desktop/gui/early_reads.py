"""What the early reader (:mod:`podyx_desktop.gui.early`'s child process) does, without
Qt: whether the window opens on the start-up's reads at all (:func:`early_reads_wanted`),
the configuration and those reads (``launch.read_quickly``), and the first rows' times and
prices formatted ahead (:func:`format_ahead`): the window's process then paints them before
it imports babel.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence

from podyx_desktop.domain.languages import USUAL_LOCALE, language_to_show
from podyx_desktop.domain.records import Booking, StudioInfo
from podyx_desktop.gui.launch import Found, parse_args, read_quickly, resolve_database

log = logging.getLogger(__name__)


def read_early(args: Sequence[str]) -> Found | None:
    """The early reads for the command line's flags ``args`` (no Qt): what
    :mod:`podyx_desktop.gui.early`'s child process does. None when the window will not
    open on them (:func:`early_reads_wanted`): then the start-up task reads after the
    sign-in screen has painted, as it always did, and the child's work does not slow that
    first paint down."""
    settings = window_settings()
    if not early_reads_wanted(settings):
        return None
    resolved = resolve_database(parse_args(args))
    read = read_quickly(resolved.database_url)
    system = system_locale_name(os.environ)
    if read is not None and read.lists is not None and system is not None:
        language = language_to_show(settings[0].get("window/language", ""), system)
        try:
            read = read._replace(ahead=format_ahead(read.studio, read.lists, language, system))
        except Exception:  # only a head start: the window formats them itself
            log.warning("Could not format the first rows ahead", exc_info=True)
    return Found(resolved, read)


AHEAD_ROWS = 60  # of each list: what the window formats first (bookings_lists), and more


def format_ahead(
    studio: StudioInfo,
    lists: tuple[list[Booking], list[Booking]],
    language: str,
    system_locale: str,
) -> dict[tuple[object, ...], str]:
    """The first rows' times and prices as a window in ``language`` on a system in
    ``system_locale`` writes them (``gui.translation.install_hooks``)."""
    from podyx_desktop.domain import vocabulary

    usual = USUAL_LOCALE.get(language, "")
    locale = vocabulary.window_locale(studio.locale, language, system_locale, usual)
    sessions = [
        (b.starts_at, b.ends_at, b.price_minor, b.currency)
        for rows in lists
        for b in rows[:AHEAD_ROWS]
    ]
    return vocabulary.format_ahead(sessions, studio.time_zone, locale)


def system_locale_name(env: Mapping[str, str]) -> str | None:
    """What Qt's ``QLocale.system().name()`` says on Linux, told from the environment as Qt
    tells it: ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG`` (``de_CH.UTF-8@euro`` →
    ``de_CH``; none, ``C`` or ``POSIX`` → ``C``). None when ``LANGUAGE`` names another
    language first: Qt then picks a locale of that language, which is not told here (a
    wrong guess would only cost the texts formatted ahead: the window formats them)."""
    found = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    name = found.split(".")[0].split("@")[0]
    if name in ("", "C", "POSIX"):
        return "C"
    first = env.get("LANGUAGE", "").split(":")[0]
    if first and first.split("_")[0] != name.split("_")[0]:
        return None
    return name


def window_settings() -> tuple[dict[str, str], bool]:
    """The window's settings this process needs (``group/key``: their names in
    ``UiSettings``), read without Qt from the file QSettings writes; and whether that file
    could not be read. No file yet (a first run): no values."""
    from podyx_desktop.db.config import read_ini, settings_files

    user_files, _machine_files = settings_files(os.environ)
    settings, unreadable = read_ini(
        user_files[0], "user settings", groups=("sign_in", "studio_server", "window")
    )
    return dict(settings.values), unreadable is not None


def early_reads_wanted(settings: tuple[dict[str, str], bool] | None = None) -> bool:
    """Whether the window's settings (:func:`window_settings`, read now when not given)
    say it opens on the start-up reads at once: a sign-in is remembered (the main window is
    the first window) and no studio server is set (a client at home opens a copy of their
    own). A first run: no; settings that cannot be read: yes."""
    values, unreadable = settings if settings is not None else window_settings()
    if unreadable:
        return True
    remembered = values.get("sign_in/remembered", "").strip().lower() == "true"
    return remembered and not values.get("studio_server/address", "").strip()
