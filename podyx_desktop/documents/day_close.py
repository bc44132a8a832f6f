"""The day close: a studio day's takings by payment method and by VAT rate, credit notes
netted, with the totals, as PDF (:func:`render_day_close`) and as CSV
(:func:`day_close_csv`). Every figure is one of the :class:`DayClose`'s stored sums;
amounts in the CSV are plain decimals of the minor units (``1234.50``), never floats.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from podyx_desktop.documents import labels
from podyx_desktop.documents.fonts import FontSet
from podyx_desktop.documents.layout import (
    Context,
    build_pdf,
    data_table,
    field_table,
    heading,
    make_context,
    page_size_for,
    usable_width,
)
from podyx_desktop.documents.purchases_csv import decimal_text
from podyx_desktop.domain.message import m
from podyx_desktop.domain.payments import DayClose
from podyx_desktop.domain.records import StudioInfo


def render_day_close(
    close: DayClose,
    studio: StudioInfo,
    *,
    locale: str | None = None,
    fonts: FontSet | None = None,
    language: str | None = None,
) -> bytes:
    """The day close of ``close.day`` as PDF, in ``language`` ("en", "de"; see
    :func:`~podyx_desktop.documents.layout.make_context`)."""
    ctx = make_context(studio, locale, fonts, currency=close.currency, language=language)
    fmt, styles = ctx.fmt, ctx.styles
    width = usable_width(page_size_for(fmt))
    day = close.day.isoformat()
    story: list[Flowable] = [
        ctx.para(m("Day close"), styles.title),
        ctx.para(f"{fmt.long_date(close.starts_at)} · {close.time_zone}", styles.subtitle),
        field_table(ctx, _facts(ctx, close), [45 * mm, width - 45 * mm]),
        Spacer(1, 2 * mm),
        *heading(ctx, m("By payment method")),
        _methods(ctx, close, width),
        *heading(ctx, m("By VAT rate")),
        _rates(ctx, close, width),
        Spacer(1, 3 * mm),
        ctx.para(
            m(
                "Receipts and credit notes count on the local day they were issued; a "
                "credit note's negative amounts are netted against that day's takings."
            ),
            styles.small,
        ),
    ]
    return build_pdf(
        ctx,
        studio,
        story,
        title=m("Day close {day}", day=day),
        footer=m("Day close · {day}", day=day),
    )


def _facts(ctx: Context, close: DayClose) -> list[tuple[str, str]]:
    fmt = ctx.fmt
    numbers = (
        f"{close.first_number} – {close.last_number}"
        if close.first_number and close.last_number != close.first_number
        else close.first_number or ""
    )
    return [
        (m("Day"), f"{fmt.date_time(close.starts_at)} – {fmt.date_time(close.ends_at)}"),
        (m("Receipts"), f"{fmt.number(close.receipts)} · {fmt.money(close.receipts_minor)}"),
        (m("Credit notes"), f"{fmt.number(close.refunds)} · {fmt.money(close.refunds_minor)}"),
        (m("Receipt numbers"), numbers),
        (m("Takings (net of refunds)"), fmt.money(close.gross_minor)),
        (m("Made"), fmt.date_time(close.made_at)),
    ]


def _methods(ctx: Context, close: DayClose, width: float) -> Flowable:
    fmt, styles = ctx.fmt, ctx.styles
    rows: list[list[Flowable | str]] = [
        [
            ctx.para(labels.payment_method(ctx, row.method), styles.cell),
            ctx.para(fmt.number(row.receipts), styles.cell_right),
            ctx.para(fmt.money(row.receipts_minor), styles.cell_right),
            ctx.para(fmt.number(row.refunds), styles.cell_right),
            ctx.para(fmt.money(row.refunds_minor), styles.cell_right),
            ctx.para(fmt.money(row.net_minor), styles.cell_right),
        ]
        for row in close.by_method
    ]
    rows.append(
        [
            ctx.para(m("All methods"), styles.cell_head),
            ctx.para(fmt.number(close.receipts), styles.cell_head_right),
            ctx.para(fmt.money(close.receipts_minor), styles.cell_head_right),
            ctx.para(fmt.number(close.refunds), styles.cell_head_right),
            ctx.para(fmt.money(close.refunds_minor), styles.cell_head_right),
            ctx.para(fmt.money(close.gross_minor), styles.cell_head_right),
        ]
    )
    header = [ctx.para(m("Method"), styles.cell_head)]
    header += [
        ctx.para(h, styles.cell_head_right)
        for h in (m("Receipts"), m("Taken"), m("Credit notes"), m("Refunded"), m("Net"))
    ]
    rest = (width - 50 * mm) / 5
    return data_table(header, rows, [50 * mm] + [rest] * 5, total_rows=1)


def _rates(ctx: Context, close: DayClose, width: float) -> Flowable:
    fmt, styles = ctx.fmt, ctx.styles
    rows: list[list[Flowable | str]] = [
        [
            ctx.para(fmt.rate(r.rate_bp), styles.cell),
            *[
                ctx.para(fmt.money(minor), styles.cell_right)
                for minor in (r.net_minor, r.vat_minor, r.gross_minor)
            ],
        ]
        for r in close.by_rate
    ]
    rows.append(
        [
            ctx.para(m("All rates"), styles.cell_head),
            *[
                ctx.para(fmt.money(minor), styles.cell_head_right)
                for minor in (close.net_minor, close.vat_minor, close.gross_minor)
            ],
        ]
    )
    header = [ctx.para(m("VAT rate"), styles.cell_head)]
    header += [ctx.para(h, styles.cell_head_right) for h in (m("Net"), m("VAT"), m("Gross"))]
    rest = (width - 50 * mm) / 3
    return data_table(header, rows, [50 * mm] + [rest] * 3, total_rows=1)


# --- CSV ---------------------------------------------------------------------------------


def day_close_csv(close: DayClose) -> str:
    """The day close as CSV: one row per method and per VAT rate, then the totals."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    money = lambda minor: decimal_text(minor, close.currency)  # noqa: E731
    writer.writerow(
        [
            "section",
            "key",
            "receipts",
            "taken",
            "credit_notes",
            "refunded",
            "net",
            "vat",
            "gross",
            "currency",
        ]
    )
    for row in close.by_method:
        writer.writerow(
            [
                "method",
                row.method.value,
                row.receipts,
                money(row.receipts_minor),
                row.refunds,
                money(row.refunds_minor),
                "",
                "",
                money(row.net_minor),
                close.currency,
            ]
        )
    for r in close.by_rate:
        writer.writerow(
            [
                "vat_rate",
                f"{Decimal(r.rate_bp) / 100}",
                "",
                "",
                "",
                "",
                money(r.net_minor),
                money(r.vat_minor),
                money(r.gross_minor),
                close.currency,
            ]
        )
    writer.writerow(
        [
            "total",
            close.day.isoformat(),
            close.receipts,
            money(close.receipts_minor),
            close.refunds,
            money(close.refunds_minor),
            money(close.net_minor),
            money(close.vat_minor),
            money(close.gross_minor),
            close.currency,
        ]
    )
    return out.getvalue()
