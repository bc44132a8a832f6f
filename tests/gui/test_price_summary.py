"""The price summary's tables (booking review, buy a bundle, a purchase's details)."""

from __future__ import annotations

from typing import Any, NamedTuple

from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.views.booking.checkout_widgets import PriceSummaryView


class Line(NamedTuple):
    description: str
    quantity: int = 1
    unit_price_minor: int = 4000
    discount_minor: int = 0
    net_minor: int = 3361
    vat_rate_bp: int = 1900
    vat_minor: int = 639
    gross_minor: int = 4000


class Vat(NamedTuple):
    rate_bp: int = 1900
    net_minor: int = 3361
    vat_minor: int = 639
    gross_minor: int = 4000


def test_a_price_table_is_exactly_as_tall_as_its_rows_each_time_it_changes(qtbot: Any) -> None:
    view = PriceSummaryView(DisplayFormat("Europe/Berlin", "en_GB", "EUR"), vat_table=True)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    table = view.table

    def show(lines: int) -> int:
        view._show([Line(f"Item {i}") for i in range(lines)], [Vat()], "EUR", True, 0, 4000, None)
        return table.height()

    one = show(1)
    row = table.rowHeight(0)
    # measured as Qt's resizeRowToContents does: the cells and the (hidden) row header
    assert row == max(table.sizeHintForRow(0), table.verticalHeader().sectionSizeHint(0))
    three = show(3)
    assert three - one == 2 * row
    assert [table.rowHeight(r) for r in range(3)] == [row] * 3
    assert not table.verticalScrollBar().isVisible()
    assert show(1) == one
    assert show(0) == one  # an empty table keeps one (blank) row's height
    assert view.vat_table.height() == one
