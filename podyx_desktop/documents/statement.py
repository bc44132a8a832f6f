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
    make_context,
    page_size_for,
    usable_width,
)
from podyx_desktop.domain.records import BundleLedgerEntry, BundleStatement


def render_bundle_statement(
    statement: BundleStatement, *, locale: str | None = None, fonts: FontSet | None = None
) -> bytes:
    """The statement of ``statement.bundle`` as PDF."""
    bundle, purchase = statement.bundle, statement.purchase
    currency = purchase.currency if purchase else statement.studio.currency
    ctx = make_context(statement.studio, locale, fonts, currency=currency)
    fmt, styles = ctx.fmt, ctx.styles
    width = usable_width(page_size_for(ctx.fmt))
    client = statement.client
    client_block: list[Flowable] = [
        ctx.para("Client", styles.label),
        ctx.para(client.name, bold=True),
    ]
    client_block += [
        ctx.para(line)
        for line in (client.company, *fmt.address_lines(client.address), client.email)
        if line
    ]
    remaining = (
        f"{fmt.number(bundle.sessions_remaining)} of "
        f"{fmt.number(bundle.sessions_total)} sessions remaining"
    )
    summary = [
        ctx.para("Sessions", styles.label),
        ctx.para(remaining, styles.banner),
        ctx.para(
            f"{fmt.number(bundle.sessions_redeemed)} redeemed · {_expiry(ctx, statement)}",
            styles.body,
        ),
    ]
    story: list[Flowable] = [
        ctx.para("Bundle statement", styles.title),
        ctx.para(f"{bundle.name} · bundle {bundle.id}", styles.subtitle),
        columns(client_block, summary, width),
        *heading(ctx, "Bundle"),
        field_table(ctx, _details(ctx, statement), [40 * mm, width - 40 * mm]),
        *heading(ctx, "Credit movements"),
        _ledger(ctx, statement.entries, width),
    ]
    return build_pdf(
        ctx,
        statement.studio,
        story,
        title=f"Bundle statement {bundle.id}",
        footer=f"Bundle statement · bundle {bundle.id}",
    )


def _expiry(ctx: Context, statement: BundleStatement) -> str:
    expires = statement.bundle.expires_at
    if expires is None:
        return "never expires"
    verb = "expired" if statement.bundle.state == "expired" else "expires"
    return f"{verb} {ctx.fmt.date(expires)}"


def _details(ctx: Context, statement: BundleStatement) -> list[tuple[str, str]]:
    fmt, bundle, purchase = ctx.fmt, statement.bundle, statement.purchase
    if purchase is not None:
        number = purchase.receipt_number or "No receipt yet (pro-forma)"
        bought = (
            f"Receipt {number}, {fmt.money(purchase.gross_minor, purchase.currency)}, "
            f"{labels.payment_method(purchase.method)}"
        )
    else:
        bought = (
            f"Issued by the studio: {bundle.issued_reason}"
            if bundle.issued_reason
            else "Issued by the studio"
        )
    return [
        ("Bundle", bundle.name),
        ("State", labels.bundle_state(bundle.state)),
        (
            "Sessions",
            f"{fmt.number(bundle.sessions_total)} × {fmt.duration(bundle.session_minutes)}",
        ),
        ("Redeemed", fmt.number(bundle.sessions_redeemed)),
        ("Remaining", fmt.number(bundle.sessions_remaining)),
        ("Purchased", fmt.date(bundle.purchased_at)),
        ("Expires", fmt.date(bundle.expires_at) if bundle.expires_at else "Never"),
        ("Purchase", bought),
    ]


def _ledger(ctx: Context, entries: tuple[BundleLedgerEntry, ...], width: float) -> Flowable:
    styles, fmt = ctx.styles, ctx.fmt
    rows: list[list[Flowable | str]] = []
    for entry in sorted(entries, key=lambda e: e.at):
        session = fmt.date_time(entry.session_starts_at) if entry.session_starts_at else ""
        if entry.booking_id is not None:
            session = f"{session} (booking {entry.booking_id})".strip()
        what = labels.ledger_kind(entry.kind)
        if entry.note:
            what = f"{what}: {entry.note}"
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
    header = [ctx.para(h, styles.cell_head) for h in ("Date", "Entry", "Session")]
    header += [ctx.para(h, styles.cell_head_right) for h in ("Change", "Remaining")]
    widths = [26 * mm, width - 124 * mm, 60 * mm, 18 * mm, 20 * mm]
    return data_table(header, rows, widths)
