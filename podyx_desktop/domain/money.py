"""Money as integer minor units plus an ISO 4217 currency, and the one rounding rule.

Rounding: every division that can leave a remainder rounds half away from zero ("half
up" for positive amounts), once per line. Nothing in Podyx uses floats for money.
"""

from __future__ import annotations

from dataclasses import dataclass


def div_round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounding half away from zero; ``denominator`` must be positive."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return sign * quotient


@dataclass(frozen=True, order=True)
class Money:
    """An amount of one currency in minor units (cents)."""

    minor: int
    currency: str = "EUR"

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money.minor must be an int of minor units")
        if len(self.currency) != 3 or not self.currency.isupper():
            raise ValueError(f"not an ISO 4217 currency code: {self.currency!r}")

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def times(self, quantity: int) -> Money:
        return Money(self.minor * quantity, self.currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    def format_plain(self) -> str:
        """A locale-free rendering such as ``EUR 12.50`` (for logs and the CLI)."""
        sign = "-" if self.minor < 0 else ""
        whole, cents = divmod(abs(self.minor), 100)
        return f"{sign}{self.currency} {whole}.{cents:02d}"


def prorate_minutes(hourly_minor: int, minutes: int) -> int:
    """The price of ``minutes`` at ``hourly_minor`` per hour, rounded half up."""
    return div_round_half_up(hourly_minor * minutes, 60)
