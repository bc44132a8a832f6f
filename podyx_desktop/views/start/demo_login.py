"""One account of the demo studio, as the sign-in screen offers it (a module of its own:
start-up names it before the sign-in screen's module is imported, if it ever is)."""

from __future__ import annotations

from typing import NamedTuple


class DemoLogin(NamedTuple):
    """One account of the demo studio, offered on the sign-in screen."""

    who: str
    email: str
    password: str
    role: str = ""  # a staff login's role ("owner", "manager", "front desk"); "" for clients
