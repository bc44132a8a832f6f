"""An amount of money typed the user's way: ``12,50`` in German, ``12.50`` in English,
``1.234,50`` with the locale's grouping, a currency sign around it allowed. Parsed with
babel to integer minor units of the studio's currency, never through a float."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLineEdit, QWidget

from podyx_desktop.models.display import DisplayFormat


def parse_money(text: str, currency: str, locale: str) -> int | None:
    """``text`` as minor units of ``currency`` read in ``locale`` (``"12,50"``, EUR, de_DE
    → 1250), or None when it is not an amount in that currency's precision. Negative
    amounts are returned as such (the caller decides)."""
    from babel.core import Locale
    from babel.numbers import (
        NumberFormatError,
        get_currency_precision,
        get_currency_symbol,
        parse_decimal,
    )

    try:
        parsed_locale = Locale.parse(locale)
        symbol = get_currency_symbol(currency, locale=parsed_locale)
    except (ValueError, LookupError):
        return None
    cleaned = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    for sign in (currency, symbol):
        cleaned = cleaned.replace(sign, "")
    cleaned = cleaned.strip()
    if not cleaned:
        return None
    try:
        amount = parse_decimal(cleaned.replace(" ", ""), locale=parsed_locale, strict=True)
    except NumberFormatError:
        return None
    if not isinstance(amount, Decimal) or not amount.is_finite():
        return None
    scaled = amount.scaleb(get_currency_precision(currency))
    if scaled != scaled.to_integral_value():
        return None
    return int(scaled)


class MoneyEdit(QLineEdit):
    """A line for an amount in the studio's currency, typed in its locale; ``minor()`` is
    the amount in minor units (None when what is typed is not one)."""

    def __init__(self, display: DisplayFormat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._display = display
        self.setPlaceholderText(display.money(1250))

    def set_minor(self, minor: int) -> None:
        """Show ``minor`` as the locale writes it, without the currency sign."""
        from babel.numbers import format_decimal, get_currency_precision

        digits = get_currency_precision(self._display.currency)
        amount = Decimal(minor).scaleb(-digits)
        self.setText(
            format_decimal(
                amount,
                format="#,##0." + "0" * digits if digits else "#,##0",
                locale=self._display.locale,
            )
        )

    def minor(self) -> int | None:
        return parse_money(self.text(), self._display.currency, self._display.locale)
