"""The resolved configuration in words, without secrets: ``podyx-admin config`` prints it
and ``podyx-admin selftest --report`` puts it in the support zip."""

from __future__ import annotations

from podyx_desktop.db.config import (
    DATABASE_URL,
    LOG_LEVEL,
    ResolvedConfig,
    hide_password,
    password_from_keyring,
    postgres_server,
)


def config_report(config: ResolvedConfig) -> list[str]:
    """Each setting's value (password hidden) and where it came from, the database
    password's whereabouts, and every settings store looked at."""
    lines: list[str] = []
    for setting in (DATABASE_URL, LOG_LEVEL):
        resolved = config.get(setting)
        lines.append(f"{setting.key} = {hide_password(resolved.value)}")
        lines.append(f"    from {resolved.source}")
        lines.append(
            "    locked: yes, by the administrator (users cannot change it)"
            if resolved.locked
            else "    locked: no"
        )
    url = config.database_url.value
    server = postgres_server(url)
    if server is None:
        lines.append("database password: not used (not a PostgreSQL URL)")
    elif server.password is not None:
        lines.append("database password: in the URL (hidden); better kept in the keyring")
    elif password_from_keyring(url) is not None:
        lines.append(f"database password: in the keyring for {server.keyring_user} (hidden)")
    else:
        lines.append(
            f"database password: none in the keyring for {server.keyring_user}; PGPASSWORD "
            "and ~/.pgpass are tried, then the app asks"
        )
    lines.append("settings looked at, highest precedence first:")
    for store in config.stores:
        lines.append(f"    {store.label} ({'found' if store.exists else 'not found'})")
    for warning in config.warnings:
        lines.append(f"warning: {warning}")
    return lines
