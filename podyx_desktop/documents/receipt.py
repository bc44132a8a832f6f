"""Receipts (VAT invoices), credit notes and pro-formas for one purchase, as PDF.

A receipt carries what an EU VAT invoice must: issue date, number, seller and buyer with
addresses and VAT numbers, each line with when it was supplied, quantity, unit price,
discount, net, VAT rate, VAT and gross, the totals per VAT rate and the total. Every
amount is printed as the purchase stored it; nothing is recomputed here.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from podyx_desktop.documents import labels
from podyx_desktop.documents.fonts import FontSet
from podyx_desktop.documents.layout import (
    WARNING,
    Context,
    build_pdf,
    columns,
    data_table,
    field_table,
    heading,
    heading_width,
    make_context,
    page_size_for,
    rule,
    table_style,
    usable_width,
)
from podyx_desktop.domain.enums import PurchaseKind, PurchaseStatus
from podyx_desktop.domain.message import Message, m
from podyx_desktop.domain.records import Party, Purchase, PurchaseLine, StudioInfo

AMOUNT_WIDTHS = (10 * mm, 20 * mm, 18 * mm, 20 * mm, 16 * mm, 18 * mm, 21 * mm)


def render_receipt(
    purchase: Purchase,
    studio: StudioInfo,
    *,
    locale: str | None = None,
    fonts: FontSet | None = None,
    language: str | None = None,
) -> bytes:
    """The purchase's receipt, credit note or (without a receipt number) pro-forma as PDF,
    in ``language`` ("en", "de"; see :func:`~podyx_desktop.documents.layout.make_context`)."""
    ctx = make_context(studio, locale, fonts, currency=purchase.currency, language=language)
    width = usable_width(page_size_for(ctx.fmt))
    title = labels.document_title(purchase)
    story: list[Flowable] = [*_title_block(ctx, purchase, title)]
    story.append(
        columns(
            _party_block(ctx, m("Seller"), seller_of(purchase, studio), m("VAT number")),
            _party_block(ctx, m("Buyer"), purchase.buyer, m("VAT ID")),
            width,
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(field_table(ctx, _facts(ctx, purchase), [42 * mm, width - 42 * mm]))
    story.extend(heading(ctx, m("Lines")))
    story.append(_lines_table(ctx, purchase.lines, width))
    story.extend(heading(ctx, m("VAT by rate")))
    story.append(
        KeepTogether([_vat_table(ctx, purchase, width), Spacer(1, 3 * mm), _total(ctx, purchase)])
    )
    story.extend(_closing(ctx, purchase))
    number = purchase.receipt_number or m("purchase {number}", number=purchase.id)
    return build_pdf(
        ctx,
        studio,
        story,
        title=m("{title} {number}", title=title, number=number),
        footer=m("{title} · {number}", title=title, number=number),
    )


def seller_of(purchase: Purchase, studio: StudioInfo) -> Party:
    """The seller as stored on the purchase, completed from the studio where blank."""
    seller = purchase.seller
    has_address = any((seller.address.line1, seller.address.city, seller.address.postal_code))
    return Party(
        name=seller.name or studio.name,
        email=seller.email or studio.email,
        phone=seller.phone or studio.phone,
        company=seller.company,
        vat_id=seller.vat_id or studio.vat_number,
        address=seller.address if has_address else studio.address,
        registration_number=seller.registration_number or studio.registration_number,
        bank_details=seller.bank_details or studio.bank_details,
    )


def _title_block(ctx: Context, purchase: Purchase, title: Message) -> list[Flowable]:
    styles = ctx.styles
    if labels.is_pro_forma(purchase):
        banner = Table(
            [
                [ctx.para(title, styles.banner)],
                [
                    ctx.para(
                        m(
                            "This document is not a receipt and not a VAT invoice. A receipt "
                            "with its own number is issued once the payment has been received."
                        ),
                        styles.body,
                    )
                ],
            ]
        )
        banner.setStyle(
            table_style(
                ("BOX", (0, 0), (-1, -1), 1.2, WARNING),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            )
        )
        return [ctx.para(m("Pro-forma"), styles.title), banner, Spacer(1, 4 * mm)]
    numbered = m("{title} {number}", title=title, number=purchase.receipt_number)
    if purchase.kind is PurchaseKind.CREDIT_NOTE:
        refers = m("Refers to receipt {number}", number=_refunded_number(purchase))
        return [ctx.para(numbered, styles.title), ctx.para(refers, styles.subtitle)]
    return [ctx.para(numbered, styles.title), ctx.para(m("VAT invoice"), styles.subtitle)]


def _refunded_number(purchase: Purchase) -> str:
    return purchase.refund_of_number or m("(unknown)")


def _party_block(
    ctx: Context, heading: Message, party: Party, vat_label: Message
) -> list[Flowable]:
    styles = ctx.styles
    block: list[Flowable] = [ctx.para(heading, styles.label), ctx.para(party.name, bold=True)]
    lines = [party.company, *ctx.fmt.address_lines(party.address)]
    if party.vat_id:
        lines.append(m("{label}: {number}", label=vat_label, number=party.vat_id))
    if party.registration_number:
        lines.append(m("Registration: {number}", number=party.registration_number))
    lines.extend(p for p in (party.email, party.phone) if p)
    if party.bank_details:
        lines.extend(m("Bank: {details}", details=line) if i == 0 else line for i, line in enumerate(
            part.strip() for part in party.bank_details.splitlines() if part.strip()
        ))  # fmt: skip
    block.extend(ctx.para(line) for line in lines if line)
    return block


def _facts(ctx: Context, purchase: Purchase) -> list[tuple[str, str]]:  # Messages, translated
    fmt = ctx.fmt
    pro_forma = labels.is_pro_forma(purchase)
    credit = purchase.kind is PurchaseKind.CREDIT_NOTE
    issued = purchase.paid_at or purchase.created_at
    number: str
    if pro_forma:
        number_label, number = m("Receipt number"), m("None yet — not a receipt")
    else:
        number_label = m("Credit note number") if credit else m("Receipt number")
        number = purchase.receipt_number or ""
    method = labels.payment_method(ctx, purchase.method)
    if pro_forma and purchase.status is PurchaseStatus.AWAITING_PAYMENT:
        method = m("{method} — awaiting payment", method=method)
    prices = (
        m("Prices include VAT")
        if purchase.prices_include_vat
        else m("Prices exclude VAT; VAT is added")
    )
    refunded_by = purchase.refunded_by_number
    facts: list[tuple[str, str]] = [
        (number_label, number),
        (m("Date") if pro_forma else m("Issue date"), fmt.date(issued)),
        (m("Refers to receipt"), (purchase.refund_of_number or "") if credit else ""),
        (m("Payment method"), method),
        (
            m("Refunded on") if credit else m("Paid"),
            fmt.date_time(purchase.paid_at) if purchase.paid_at else "",
        ),
        (
            m("Status"),
            labels.purchase_status(ctx, purchase.status)
            if purchase.status is not PurchaseStatus.PAID
            else "",
        ),
        (m("Prices"), prices),
        (m("Promo code"), _promo(ctx, purchase)),
        (m("Refunded by"), m("Credit note {number}", number=refunded_by) if refunded_by else ""),
    ]
    return facts


def _promo(ctx: Context, purchase: Purchase) -> str:
    if not purchase.promo_code:
        return ""
    if purchase.discount_minor:
        return m(
            "{code} (discount {amount})",
            code=purchase.promo_code,
            amount=ctx.fmt.money(purchase.discount_minor),
        )
    return purchase.promo_code


def _lines_table(ctx: Context, lines: Sequence[PurchaseLine], width: float) -> Table:
    styles, fmt = ctx.styles, ctx.fmt
    head = [
        m("Description"),
        m("Qty"),
        m("Unit price"),
        m("Discount"),
        m("Net"),
        m("VAT rate"),
        m("VAT"),
        m("Gross"),
    ]
    header = [
        ctx.para(head[0], styles.cell_head),
        *[ctx.para(h, styles.cell_head_right) for h in head[1:]],
    ]
    # a column is as wide as its heading in the document's language needs ("Menge")
    amount_widths = [
        max(least, heading_width(ctx, h)) for least, h in zip(AMOUNT_WIDTHS, head[1:], strict=True)
    ]
    widths = [width - sum(amount_widths), *amount_widths]
    rows: list[list[Flowable | str]] = []
    for line in lines:
        description: list[Flowable] = [ctx.para(ctx.catalog.stored(line.description), styles.cell)]
        if line.supplied_at is not None:
            description.append(
                ctx.para(m("Supplied {when}", when=fmt.date_time(line.supplied_at)), styles.label)
            )
        amounts = [
            fmt.number(line.quantity),
            fmt.money(line.unit_price_minor),
            fmt.money(line.discount_minor) if line.discount_minor else "—",
            fmt.money(line.net_minor),
            fmt.rate(line.vat_rate_bp),
            fmt.money(line.vat_minor),
            fmt.money(line.gross_minor),
        ]
        rows.append([description, *[ctx.para(a, styles.cell_right) for a in amounts]])
    return data_table(header, rows, widths)


def _vat_table(ctx: Context, purchase: Purchase, width: float) -> Table:
    styles, fmt = ctx.styles, ctx.fmt
    widths = [width - 3 * 28 * mm, 28 * mm, 28 * mm, 28 * mm]
    header = [
        ctx.para(m("VAT rate"), styles.cell_head),
        *[ctx.para(h, styles.cell_head_right) for h in (m("Net"), m("VAT"), m("Gross"))],
    ]
    rows: list[list[Flowable | str]] = [
        [
            ctx.para(fmt.rate(v.rate_bp), styles.cell),
            *[
                ctx.para(fmt.money(minor), styles.cell_right)
                for minor in (v.net_minor, v.vat_minor, v.gross_minor)
            ],
        ]
        for v in purchase.vat
    ]
    rows.append(
        [
            ctx.para(m("All rates"), styles.cell_head),
            *[
                ctx.para(fmt.money(minor), styles.cell_head_right)
                for minor in (purchase.net_minor, purchase.vat_minor, purchase.gross_minor)
            ],
        ]
    )
    return data_table(header, rows, widths, total_rows=1)


def _total(ctx: Context, purchase: Purchase) -> Paragraph:
    amount = ctx.fmt.money(purchase.gross_minor)
    if labels.is_pro_forma(purchase):
        total = m("Total due: {amount}", amount=amount)
    elif purchase.kind is PurchaseKind.CREDIT_NOTE:
        total = m("Total credited: {amount}", amount=amount)
    else:
        total = m("Total paid: {amount}", amount=amount)
    return ctx.para(total, ctx.styles.total)


def _closing(ctx: Context, purchase: Purchase) -> list[Flowable]:
    styles = ctx.styles
    story: list[Flowable] = []
    if purchase.note:
        story += [*heading(ctx, m("Note")), ctx.para(ctx.catalog.stored(purchase.note))]
    story += [Spacer(1, 4 * mm), rule()]
    if labels.is_pro_forma(purchase):
        story.append(
            ctx.para(
                m(
                    "Pro-forma — not a receipt. Keep the receipt you will receive "
                    "after payment for your records."
                ),
                styles.small,
            )
        )
    elif purchase.kind is PurchaseKind.CREDIT_NOTE:
        story.append(
            ctx.para(
                m(
                    "This credit note cancels the amounts shown of receipt {number}; that "
                    "receipt itself is not changed.",
                    number=_refunded_number(purchase),
                ),
                styles.small,
            )
        )
    else:
        story.append(
            ctx.para(m("Thank you. Please keep this receipt for your records."), styles.small)
        )
    return story
