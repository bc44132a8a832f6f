"""Receipt and credit-note numbers: a series formats consecutive counter values.

``prefix`` + (``YYYY-`` when ``include_year``) + the counter, zero-padded to
``min_digits``. With ``yearly_reset`` the counter starts at 1 each calendar year (in the
studio's zone); otherwise one counter runs forever. The format locks once a number exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from podyx_desktop.domain.errors import InvalidInput
from podyx_desktop.domain.message import m


@dataclass(frozen=True)
class SeriesFormat:
    prefix: str
    include_year: bool = True
    min_digits: int = 5
    yearly_reset: bool = True

    def __post_init__(self) -> None:
        if not 1 <= self.min_digits <= 12:
            raise InvalidInput(
                m("A receipt number needs between 1 and 12 digits."), field="min_digits"
            )
        if len(self.prefix) > 20 or any(c.isspace() for c in self.prefix):
            raise InvalidInput(
                m("A receipt prefix is at most 20 characters without spaces."), field="prefix"
            )
        if self.yearly_reset and not self.include_year:
            raise InvalidInput(
                m("A series that restarts every year must show the year, or numbers would repeat."),
                field="include_year",
            )

    def counter_key(self, year: int) -> int:
        """Which counter a number issued in ``year`` draws from (0: the one forever counter)."""
        return year if self.yearly_reset else 0

    def format(self, year: int, value: int) -> str:
        year_part = f"{year}-" if self.include_year else ""
        return f"{self.prefix}{year_part}{value:0{self.min_digits}d}"
