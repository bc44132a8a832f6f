"""One family of errors whose messages a user can act on.

Every error a service raises on purpose derives from :class:`PodyxError`; its ``message``
is a sentence that says what happened and what to do. The GUI and the command line show
it as it is; anything else reaching them is a bug.
"""

from __future__ import annotations

from podyx_desktop.domain.message import m


class PodyxError(Exception):
    """Base of every error meant for a user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotSignedIn(PodyxError):
    """The caller is anonymous but the operation needs an account."""

    def __init__(self, message: str = m("Please sign in to do this.")) -> None:
        super().__init__(message)


class NotAllowed(PodyxError):
    """The caller is signed in but may not do this."""

    def __init__(self, message: str = m("Your account is not allowed to do this.")) -> None:
        super().__init__(message)


class NotFound(PodyxError):
    """The thing asked for does not exist, or is not the caller's to see."""


class InvalidInput(PodyxError):
    """Input that fails validation; ``field`` names the offending field when known."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class SignInFailed(PodyxError):
    """Wrong email or password (deliberately not saying which)."""

    def __init__(
        self, message: str = m("The email or password is not correct. Check them and try again.")
    ) -> None:
        super().__init__(message)


class AccountLocked(PodyxError):
    """Too many failed sign-ins; the account is locked until ``until``."""


class SessionExpired(PodyxError):
    """A remembered session token is unknown, revoked or expired."""

    def __init__(
        self, message: str = m("Your saved sign-in has expired. Please sign in again.")
    ) -> None:
        super().__init__(message)


class Conflict(PodyxError):
    """The data changed under the caller (e.g. the email is already registered)."""


class TimeTaken(Conflict):
    """Another booking holds the room at that time (raised even if it appeared a moment ago)."""

    def __init__(
        self,
        message: str = m("That time was just taken. Please pick another time."),
    ) -> None:
        super().__init__(message)


class DatabaseBusy(Conflict):
    """The database stayed locked by another connection past the wait (SQLite's busy
    timeout, PostgreSQL's lock timeout); nothing was saved."""

    def __init__(self, message: str = m("Another seat is saving; try again in a moment.")) -> None:
        super().__init__(message)


class RuleViolation(PodyxError):
    """A studio booking rule refuses the operation (cutoff, lead time, opening hours…)."""


class PromoRefused(PodyxError):
    """A promo code that cannot be applied; ``reason`` is the machine-readable why."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class NoCreditLeft(Conflict):
    """A bundle or store credit has nothing left to spend."""


class PaymentRequired(PodyxError):
    """The chosen payment method cannot pay for this."""


class DatabaseProblem(PodyxError):
    """The database cannot be used (unreachable, newer than the app, not a database…)."""


class DatabaseMissing(DatabaseProblem):
    """The database named by the settings does not exist (the window never creates one)."""
