"""The bundle statement PDF: a bundle, how it was bought, every credit movement, what is left."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from podyx_desktop.documents import labels
from podyx_desktop.documents.fonts import FontSet
from podyx_desktop.documents.layout import (
    Context,
    build_pdf,
    columns,
    data_table,
    field_table,
    heading,
    heading_width,
    make_context,
    page_size_for,
    usable_width,
)
from podyx_desktop.domain.message import m, mn
from podyx_desktop.domain.records import BundleLedgerEntry, BundleStatement


def render_bundle_statement(
    statement: BundleStatement,
    *,
    locale: str | None = None,
    fonts: FontSet | None = None,
    language: str | None = None,
) -> bytes:
    """The statement of ``statement.bundle`` as PDF, in ``language`` ("en", "de"; see
    :func:`~podyx_desktop.documents.layout.make_context`)."""
    bundle, purchase = statement.bundle, statement.purchase
    currency = purchase.currency if purchase else statement.studio.currency
    ctx = make_context(statement.studio, locale, fonts, currency=currency, language=language)
    fmt, styles = ctx.fmt, ctx.styles
    width = usable_width(page_size_for(ctx.fmt))
    client = statement.client
    client_block: list[Flowable] = [
        ctx.para(m("Client"), styles.label),
        ctx.para(client.name, bold=True),
    ]
    client_block += [
        ctx.para(line)
        for line in (client.company, *fmt.address_lines(client.address), client.email)
        if line
    ]
    remaining = mn(
        "{remaining} of %n session(s) remaining",
        "",
        bundle.sessions_total,
        remaining=fmt.number(bundle.sessions_remaining),
    )
    redeemed = m(
        "{number} redeemed · {expiry}",
        number=fmt.number(bundle.sessions_redeemed),
        expiry=_expiry(ctx, statement),
    )
    summary = [
        ctx.para(m("Sessions"), styles.label),
        ctx.para(remaining, styles.banner),
        ctx.para(redeemed, styles.body),
    ]
    story: list[Flowable] = [
        ctx.para(m("Bundle statement"), styles.title),
        ctx.para(
            m("{name} · bundle {number}", name=bundle.name, number=bundle.id), styles.subtitle
        ),
        columns(client_block, summary, width),
        *heading(ctx, m("Bundle")),
        field_table(ctx, _details(ctx, statement), [40 * mm, width - 40 * mm]),
        *heading(ctx, m("Credit movements")),
        _ledger(ctx, statement.entries, width),
    ]
    return build_pdf(
        ctx,
        statement.studio,
        story,
        title=m("Bundle statement {number}", number=bundle.id),
        footer=m("Bundle statement · bundle {number}", number=bundle.id),
    )


def _expiry(ctx: Context, statement: BundleStatement) -> str:
    expires = statement.bundle.expires_at
    if expires is None:
        return m("never expires")
    if statement.bundle.state == "expired":
        return m("expired {date}", date=ctx.fmt.date(expires))
    return m("expires {date}", date=ctx.fmt.date(expires))


def _details(ctx: Context, statement: BundleStatement) -> list[tuple[str, str]]:
    fmt, bundle, purchase = ctx.fmt, statement.bundle, statement.purchase
    bought: str
    if purchase is not None:
        number = purchase.receipt_number or m("No receipt yet (pro-forma)")
        bought = m(
            "Receipt {number}, {amount}, {method}",
            number=number,
            amount=fmt.money(purchase.gross_minor, purchase.currency),
            method=labels.payment_method(ctx, purchase.method),
        )
    elif bundle.issued_reason:
        bought = m("Issued by the studio: {reason}", reason=bundle.issued_reason)
    else:
        bought = m("Issued by the studio")
    return [
        (m("Bundle"), bundle.name),
        (m("State"), labels.bundle_state(ctx, bundle.state)),
        (
            m("Sessions"),
            f"{fmt.number(bundle.sessions_total)} × {fmt.duration(bundle.session_minutes)}",
        ),
        (m("Redeemed"), fmt.number(bundle.sessions_redeemed)),
        (m("Remaining"), fmt.number(bundle.sessions_remaining)),
        (m("Purchased"), fmt.date(bundle.purchased_at)),
        (m("Expires"), fmt.date(bundle.expires_at) if bundle.expires_at else m("Never")),
        (m("Purchase"), bought),
    ]


def _ledger(ctx: Context, entries: tuple[BundleLedgerEntry, ...], width: float) -> Flowable:
    styles, fmt = ctx.styles, ctx.fmt
    rows: list[list[Flowable | str]] = []
    for entry in sorted(entries, key=lambda e: e.at):
        session = fmt.date_time(entry.session_starts_at) if entry.session_starts_at else ""
        if entry.booking_id is not None:
            booking = m("(booking {number})", number=entry.booking_id)
            session = f"{session} {ctx.text(booking)}".strip()
        what = labels.ledger_kind(ctx, entry.kind)
        if entry.note:
            what = ctx.text(m("{what}: {detail}", what=what, detail=ctx.catalog.stored(entry.note)))
        change = f"+{fmt.number(entry.change)}" if entry.change > 0 else fmt.number(entry.change)
        rows.append(
            [
                ctx.para(fmt.date(entry.at), styles.cell),
                ctx.para(what, styles.cell),
                ctx.para(session, styles.cell),
                ctx.para(change, styles.cell_right),
                ctx.para(fmt.number(entry.remaining_after), styles.cell_right),
            ]
        )
    header = [ctx.para(h, styles.cell_head) for h in (m("Date"), m("Entry"), m("Session"))]
    header += [ctx.para(h, styles.cell_head_right) for h in (m("Change"), m("Remaining"))]
    change = max(18 * mm, heading_width(ctx, m("Change")))
    left = max(20 * mm, heading_width(ctx, m("Remaining")))  # "Verbleibend"
    widths = [26 * mm, width - 86 * mm - change - left, 60 * mm, change, left]
    return data_table(header, rows, widths)
