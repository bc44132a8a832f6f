"""Every item model passes pytest-qt's model tester with rows in it, and reads right."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QModelRoleData, QPersistentModelIndex, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from podyx_desktop.domain.enums import PurchaseKind
from podyx_desktop.models.base import RECORD_ROLE, SORT_ROLE, RecordTableModel
from podyx_desktop.models.booking_history import BookingHistoryModel
from podyx_desktop.models.bookings import BookingsTableModel
from podyx_desktop.models.bundles import (
    BundleLedgerModel,
    BundleProductsModel,
    BundlesTableModel,
    bundle_groups,
)
from podyx_desktop.models.catalogue import ServicesListModel, SetupsListModel
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.models.purchases import PriceLinesModel, PurchasesTableModel, VatLinesModel
from podyx_desktop.models.slots import SlotsListModel
from tests.gui.fixtures_tabs import (
    sample_bookings,
    sample_bundles,
    sample_events,
    sample_ledger,
    sample_products,
    sample_purchases,
    sample_services,
    sample_setups,
    sample_slots,
)

BERLIN = DisplayFormat("Europe/Berlin", "en_GB", "EUR")


def _text(model: Any, row: int, column: int = 0) -> str:
    return str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole))


def _fill(model: Any, rows: list[Any]) -> Any:
    if hasattr(model, "set_lines"):
        model.set_lines(rows, "EUR")
    else:
        model.set_rows(rows)
    return model


MODELS = [
    (BookingsTableModel, sample_bookings),
    (BookingHistoryModel, sample_events),
    (BundlesTableModel, sample_bundles),
    (BundleLedgerModel, sample_ledger),
    (BundleProductsModel, sample_products),
    (PurchasesTableModel, sample_purchases),
    (PriceLinesModel, lambda: list(sample_purchases()[0].lines)),
    (VatLinesModel, lambda: list(sample_purchases()[0].vat)),
    (SlotsListModel, sample_slots),
    (SetupsListModel, sample_setups),
    (ServicesListModel, sample_services),
]


@pytest.mark.parametrize(("model_class", "rows"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
def test_model_passes_the_model_tester(qtmodeltester: Any, model_class: Any, rows: Any) -> None:
    model = _fill(model_class(BERLIN), rows())
    assert model.rowCount() == len(rows())
    qtmodeltester.check(model, force_py=True)
    if isinstance(model, RecordTableModel):
        # A table sorts itself by every column, both ways and back; the tester watches.
        for column in range(model.columnCount()):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                model.sort(column, order)
        model.sort(-1)
    # Replacing the rows resets the model; the tester watches it happen.
    model.set_rows(list(reversed(rows())))
    model.set_rows([])
    assert model.rowCount() == 0


@pytest.mark.parametrize(("model_class", "rows"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_delegate_reads_each_item_in_one_call_that_agrees_with_data(
    qapp: Any, model_class: Any, rows: Any
) -> None:
    """Painting asks ``multiData`` once per cell instead of ``data`` once per role."""

    class Counting(model_class):  # type: ignore[misc, valid-type]
        calls = 0

        def data(self, index: Any, role: int = 0) -> Any:
            Counting.calls += 1
            return super().data(index, role)

    model = _fill(Counting(BERLIN), rows())
    delegate = QStyledItemDelegate()
    columns = model.columnCount() if isinstance(model, RecordTableModel) else 1
    for row in range(model.rowCount()):
        for column in range(columns):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            calls = Counting.calls
            delegate.initStyleOption(option, index)
            assert Counting.calls == calls  # answered by multiData, not role by role
            # (the delegate turns line breaks into Unicode line separators)
            assert option.text == index.data(Qt.ItemDataRole.DisplayRole).replace("\n", "\u2028")
            alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
            if alignment is not None:
                assert option.displayAlignment == Qt.AlignmentFlag(alignment)
    # one role on its own, as index.multiData may be called with
    single = QModelRoleData(Qt.ItemDataRole.DisplayRole)
    model.multiData(model.index(0, 0), single)
    assert single.data() == model.index(0, 0).data()
    unknown = QModelRoleData(Qt.ItemDataRole.DecorationRole)
    model.multiData(model.index(0, 0), unknown)
    assert unknown.data() is None


def test_a_table_model_sorts_itself_and_keeps_the_sort_across_reloads() -> None:
    model = BookingsTableModel(BERLIN)
    bookings = sample_bookings()
    given_order = [b.id for b in bookings]
    # texts made on the worker travel with their records when the rows are sorted
    texts = [model.row_texts(b) for b in bookings]
    model.set_rows(bookings, texts)

    def ids() -> list[int]:
        return [model.index(r, 0).data(RECORD_ROLE).id for r in range(model.rowCount())]

    by_price = sorted(bookings, key=lambda b: model.column_sort_key(b, model.PRICE))
    kept = QPersistentModelIndex(model.index(model.row_of(3), model.SERVICE))
    model.sort(model.PRICE, Qt.SortOrder.AscendingOrder)
    assert ids() == [b.id for b in by_price]
    assert kept.row() == model.row_of(3) and kept.data(RECORD_ROLE).id == 3
    assert kept.column() == model.SERVICE
    for row in range(model.rowCount()):
        record = model.record(row)
        assert record is not None
        assert _text(model, row, model.PRICE) == model.row_texts(record)[model.PRICE]
    model.sort(model.WHEN, Qt.SortOrder.DescendingOrder)
    assert ids() == [b.id for b in sorted(bookings, key=lambda b: b.starts_at, reverse=True)]
    # a reload in another order comes back in the sort the person chose
    model.set_rows(list(reversed(bookings)))
    assert ids() == [b.id for b in sorted(bookings, key=lambda b: b.starts_at, reverse=True)]
    model.sort(-1)
    assert ids() == list(reversed(given_order))


def test_bundles_fall_into_the_tabs_three_groups_in_their_given_order(
    qtmodeltester: Any,
) -> None:
    refunded = replace(sample_bundles()[2], id=5, state="refunded")
    bundles = [*sample_bundles(), refunded]
    groups = bundle_groups(reversed(bundles))
    assert [[b.id for b in group] for group in groups] == [[2, 1], [5, 3], [4]]
    for group in groups:
        model = BundlesTableModel(BERLIN)
        model.set_rows(group)
        qtmodeltester.check(model, force_py=True)


def test_bookings_model_shows_studio_time_and_sorts_by_user_role() -> None:
    model = BookingsTableModel(BERLIN)
    model.set_rows(sample_bookings())
    # 08:00 UTC is 10:00 in Berlin (summer time).
    assert _text(model, 0, model.WHEN) == "Wed, 3 Jun 2026, 10:00 – 12:00"
    assert _text(model, 0, model.ROOM) == "Studio A — 2-person podcast"
    assert _text(model, 0, model.SERVICE) == "Podcast recording (2 h)"
    assert _text(model, 0, model.ADDONS) == "2 × Extra mic"
    assert _text(model, 1, model.ADDONS) == "None"
    assert _text(model, 1, model.STATUS) == "Rescheduled"
    assert _text(model, 0, model.PRICE) == "€120.01"
    assert _text(model, 4, model.PRICE) == "Bundle credit"
    assert "Rescheduled from" in model.index(1, model.WHEN).data(Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(model.PRICE, Qt.Orientation.Horizontal) == "Price"
    assert model.row_of(3) == 2
    assert model.index(0, model.PRICE).data(SORT_ROLE) == 12001

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(model.WHEN, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(RECORD_ROLE).id == 5
    proxy.sort(model.PRICE, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data(RECORD_ROLE).id == 5  # bundle credit: 0


def test_history_names_the_rescheduled_from_time() -> None:
    model = BookingHistoryModel(BERLIN)
    model.set_rows(sample_events())
    assert "Booked for 2 Jun 2026, 10:00" in _text(model, 0)
    assert "Rescheduled from 2 Jun 2026, 10:00 to 4 Jun 2026, 10:00" in _text(model, 1)
    assert _text(model, 3).endswith("Canceled: ill (by Studio)")


def test_purchases_model_shows_refunds_negative_and_receipts() -> None:
    model = PurchasesTableModel(BERLIN)
    model.set_rows(sample_purchases())
    credit = model.row_of(4)
    assert model.record(credit).kind is PurchaseKind.CREDIT_NOTE  # type: ignore[union-attr]
    assert _text(model, credit, model.TOTAL) == "-€158.00"
    assert _text(model, model.row_of(2), model.RECEIPT) == "Not issued yet"
    assert _text(model, 0, model.PROMO) == "WELCOME10"
    assert _text(model, 0, model.METHOD) == "Bank transfer"

    lines = PriceLinesModel(BERLIN)
    lines.set_lines(sample_purchases()[0].lines, "EUR")
    assert [_text(lines, 0, c) for c in range(7)] == [
        "Podcast recording — 2 h",
        "1",
        "€120.00",
        "-€12.00",
        "19%",
        "€17.24",
        "€108.00",
    ]
    vat = VatLinesModel(BERLIN)
    vat.set_lines(sample_purchases()[0].vat, "EUR")
    assert [_text(vat, 0, c) for c in range(4)] == ["7%", "€46.73", "€3.27", "€50.00"]


def test_bundle_models_read_right() -> None:
    model = BundlesTableModel(BERLIN)
    model.set_rows(sample_bundles())
    assert _text(model, 0, model.REMAINING) == "2 of 3"
    assert _text(model, 0, model.REDEEMED) == "1"
    assert _text(model, 1, model.EXPIRES) == "Never"
    assert _text(model, 1, model.STATE) == "Awaiting payment"
    ledger = BundleLedgerModel(BERLIN)
    ledger.set_rows(sample_ledger())
    assert _text(ledger, 1, ledger.CHANGE) == "-1"
    assert _text(ledger, 2, ledger.WHAT) == "Credit returned: in time"
    products = BundleProductsModel(BERLIN)
    products.set_rows(sample_products())
    assert _text(products, 0) == "3 × 2 h podcast — 3 sessions of 2 h, valid 90 days — €300.00"
    assert "never expires" in _text(products, 1)


def test_slots_and_catalogue_lists() -> None:
    slots = SlotsListModel(BERLIN)
    slots.set_rows(sample_slots())
    assert _text(slots, 0) == "10:00 – 12:00"
    assert slots.row_of(sample_slots()[2].starts_at) == 2
    setups = SetupsListModel(BERLIN)
    setups.set_rows(sample_setups())
    assert _text(setups, 2) == "Studio B — Roundtable"
    services = ServicesListModel(BERLIN)
    services.set_rows(sample_services())
    assert _text(services, 0) == "Podcast recording — €60.00 an hour, 1 h to 4 h\nAudio only"
    assert _text(setups, 0) == "Studio A — 2-person podcast\nTwo mics, one table"


def test_a_table_is_fitted_to_its_rows_on_show_and_a_hidden_one_when_first_shown(
    qtbot: Any,
) -> None:
    from PySide6.QtWidgets import QStackedWidget

    from podyx_desktop.views.common.tables import record_table

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    models = [BookingsTableModel(BERLIN) for _ in range(2)]
    shown, hidden = (record_table(m, "bookings", stack, stretch_column=1) for m in models)
    stack.addWidget(shown)
    stack.addWidget(hidden)
    stack.resize(900, 400)
    stack.show()
    qtbot.waitExposed(stack)
    empty = shown.columnWidth(BookingsTableModel.WHEN)
    before = hidden.columnWidth(BookingsTableModel.WHEN)
    for model in models:
        model.set_rows(sample_bookings())
    # the table on show is fitted at once: its dates are wider than the header
    fitted = shown.columnWidth(BookingsTableModel.WHEN)
    assert fitted > empty
    # the one behind it is not measured (formatted) until it is shown …
    assert hidden.columnWidth(BookingsTableModel.WHEN) == before != fitted
    stack.setCurrentWidget(hidden)
    # … and then it is, the same way
    assert hidden.columnWidth(BookingsTableModel.WHEN) == fitted


@pytest.mark.parametrize("style_sheet", [False, True])
def test_columns_are_fitted_as_qt_fits_them(qtbot: Any, style_sheet: bool) -> None:
    """The record models' columns are measured by the font (views.common.tables
    fit_columns), to the width Qt's own measuring gives, with and without the style
    sheet."""
    from PySide6.QtWidgets import QApplication

    from podyx_desktop.gui.entry import load_stylesheet
    from podyx_desktop.views.common.tables import fit_columns, record_table

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    if style_sheet:
        load_stylesheet(app)
    try:
        for model in (BookingsTableModel(DisplayFormat()), PurchasesTableModel(DisplayFormat())):
            rows = sample_bookings() if isinstance(model, BookingsTableModel) else sample_purchases()
            model.set_rows(rows)
            view = record_table(model, "rows", stretch_column=1)
            qtbot.addWidget(view)
            view.resize(900, 400)
            view.show()
            header = view.horizontalHeader()
            fit_columns(view)
            fitted = [c for c in range(model.columnCount()) if c != 1]  # 1 stretches
            ours = [header.sectionSize(c) for c in fitted]
            view.resizeColumnsToContents()
            qts = [header.sectionSize(c) for c in fitted]
            assert ours == qts, type(model).__name__
    finally:
        app.setStyleSheet(before)


def test_a_record_tables_header_paints_without_calling_into_python_and_sorts(qtbot: Any) -> None:
    """The header's titles live in a model of Qt's own (views.common.tables titles_in_qt):
    a header repaint asks it for every title's roles, and a call into Python would wait
    for the interpreter lock while the worker runs. A click on a title still sorts."""
    import enum
    import sys

    from podyx_desktop.views.common import tables
    from podyx_desktop.views.common.tables import record_table

    model = BookingsTableModel(DisplayFormat())
    model.set_rows(sample_bookings())
    view = record_table(model, "rows", stretch_column=1)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    assert header.model() is not model
    horizontal = Qt.Orientation.Horizontal
    for column in range(model.columnCount()):
        assert header.model().headerData(column, horizontal) == model.titles[column]
    price_alignment = header.model().headerData(
        model.PRICE, horizontal, Qt.ItemDataRole.TextAlignmentRole
    )
    assert Qt.AlignmentFlag(price_alignment) & Qt.AlignmentFlag.AlignRight

    header.viewport().repaint()  # (PySide makes the enum types it meets first in Python)
    calls: list[str] = []
    own_handler = {tables.__file__, enum.__file__}

    def profile(frame: Any, event: str, _arg: object) -> None:
        # (the table's own event handler, RecordTable.event, sees the repaint's update)
        if event == "call" and frame.f_code.co_filename not in own_handler:
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        header.viewport().repaint()
    finally:
        sys.setprofile(None)
    assert calls == []

    x = header.sectionViewportPosition(model.PRICE) + header.sectionSize(model.PRICE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    prices = [model.record(row).price_minor for row in range(model.rowCount())]
    assert header.sortIndicatorSection() == model.PRICE and prices == sorted(prices)
    assert len(set(prices)) > 1  # (a sort that shows)
