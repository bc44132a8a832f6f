"""The session summary PDF: one booking, its history, the studio's notes, files and payments.

Times are shown in the studio's time zone. Only client-visible notes are printed: the
caller passes those, and a note marked internal is skipped here as well, so a staff-only
remark can never reach a client's PDF.
"""

from __future__ import annotations

import logging

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from podyx_desktop.documents import labels
from podyx_desktop.documents.fonts import FontSet
from podyx_desktop.documents.layout import (
    Context,
    build_pdf,
    data_table,
    field_table,
    make_context,
    page_size_for,
    usable_width,
)
from podyx_desktop.documents.layout import heading as section_heading
from podyx_desktop.domain.enums import PurchaseKind
from podyx_desktop.domain.message import Message, m
from podyx_desktop.domain.records import (
    Booking,
    BookingEvent,
    Purchase,
    SessionSummary,
    SharedFile,
    StudioNote,
)

log = logging.getLogger(__name__)
SHA_SHOWN = 12


def render_session_summary(
    summary: SessionSummary,
    *,
    locale: str | None = None,
    fonts: FontSet | None = None,
    language: str | None = None,
) -> bytes:
    """The summary of ``summary.booking`` as PDF, in ``language`` ("en", "de"; see
    :func:`~podyx_desktop.documents.layout.make_context`)."""
    booking = summary.booking
    ctx = make_context(summary.studio, locale, fonts, currency=booking.currency, language=language)
    width = usable_width(page_size_for(ctx.fmt))
    styles = ctx.styles
    subtitle = m("Booking {number} · {client}", number=booking.id, client=booking.client_name)
    story: list[Flowable] = [
        ctx.para(m("Session summary"), styles.title),
        ctx.para(subtitle, styles.subtitle),
        field_table(ctx, _details(ctx, summary), [40 * mm, width - 40 * mm]),
    ]
    story += _section(ctx, m("History"), _history(ctx, booking, summary.events, width))
    notes = [note for note in summary.notes if not note.internal]
    if len(notes) != len(summary.notes):
        log.warning("Internal notes were passed for booking %s's summary; left out.", booking.id)
    story += _section(ctx, m("Notes from the studio"), _notes(ctx, notes))
    story += _section(ctx, m("Files shared with you"), _files(ctx, summary.files, width))
    story += _section(ctx, m("Payments and receipts"), _payments(ctx, summary.purchases, width))
    return build_pdf(
        ctx,
        summary.studio,
        story,
        title=m("Session summary, booking {number}", number=booking.id),
        footer=m("Session summary · booking {number}", number=booking.id),
    )


def _section(ctx: Context, title: Message, body: list[Flowable]) -> list[Flowable]:
    if not body:
        return []
    return [*section_heading(ctx, title), *body]


def _details(ctx: Context, summary: SessionSummary) -> list[tuple[str, str]]:
    fmt, booking, studio = ctx.fmt, summary.booking, summary.studio
    addons = "\n".join(
        ctx.text(
            m(
                "{name} × {quantity} ({price} each)",
                name=addon.name,
                quantity=fmt.number(addon.quantity),
                price=fmt.money(addon.unit_price_minor),
            )
        )
        for addon in booking.addons
    )
    original = ""
    if booking.original_starts_at and booking.original_starts_at != booking.starts_at:
        original = fmt.date_time(booking.original_starts_at)
    payment: str = labels.payment_method(ctx, booking.payment_method)
    if booking.bundle_id is not None:
        payment = m("Bundle credit (bundle {number})", number=booking.bundle_id)
    time = m(
        "{times} ({duration}, {zone} time)",
        times=fmt.time_range(booking.starts_at, booking.ends_at),
        duration=fmt.duration(booking.minutes),
        zone=fmt.zone_name,
    )
    return [
        (m("Studio"), studio.name),
        (m("Room and setup"), f"{booking.room_name} — {booking.setup_name}"),
        (m("Date"), fmt.long_date(booking.starts_at)),
        (m("Time"), time),
        (m("Originally booked for"), original),
        (m("Service"), booking.service_name),
        (m("Add-ons"), addons or m("None")),
        (m("Status"), labels.booking_status(ctx, booking.status)),
        (m("Cancellation reason"), booking.cancel_reason),
        (m("Price"), fmt.money(booking.price_minor, booking.currency)),
        (m("Payment"), payment),
        (m("Receipt"), booking.receipt_number or ""),
    ]


def event_text(ctx: Context, event: BookingEvent) -> str:
    """What happened, in words: "Rescheduled from 10 Mar 2025, 10:00 to 12 Mar …"."""
    fmt = ctx.fmt
    text = labels.event_kind(ctx, event.kind)
    if event.kind == "rescheduled" and event.from_starts_at and event.to_starts_at:
        text = ctx.text(
            m(
                "Rescheduled from {before} to {after}",
                before=fmt.date_time(event.from_starts_at),
                after=fmt.date_time(event.to_starts_at),
            )
        )
    if event.detail:
        text = ctx.text(m("{what}: {detail}", what=text, detail=ctx.catalog.stored(event.detail)))
    return text


def _history(
    ctx: Context, booking: Booking, events: tuple[BookingEvent, ...], width: float
) -> list[Flowable]:
    styles, fmt = ctx.styles, ctx.fmt
    rows: list[list[Flowable | str]] = [
        [
            ctx.para(fmt.date_time(e.at), styles.cell),
            ctx.para(event_text(ctx, e), styles.cell),
            ctx.para(e.actor_name, styles.cell),
        ]
        for e in sorted(events, key=lambda e: e.at)
    ]
    if not any(e.kind == "created" for e in events):
        rows.insert(
            0,
            [
                ctx.para(fmt.date_time(booking.created_at), styles.cell),
                ctx.para(labels.event_kind(ctx, "created"), styles.cell),
                "",
            ],
        )
    header = [ctx.para(h, styles.cell_head) for h in (m("When"), m("What happened"), m("By"))]
    return [data_table(header, rows, [32 * mm, width - 76 * mm, 44 * mm])]


def _notes(ctx: Context, notes: list[StudioNote]) -> list[Flowable]:
    styles, fmt = ctx.styles, ctx.fmt
    story: list[Flowable] = []
    for note in sorted(notes, key=lambda n: n.created_at):
        heading = ctx.para(f"{note.author_name} · {fmt.date_time(note.created_at)}", styles.label)
        heading.keepWithNext = True
        story += [heading, ctx.para(note.body), Spacer(1, 2 * mm)]
    return story


def _files(ctx: Context, files: tuple[SharedFile, ...], width: float) -> list[Flowable]:
    if not files:
        return []
    styles, fmt = ctx.styles, ctx.fmt
    rows: list[list[Flowable | str]] = []
    for shared in files:
        size = fmt.size(shared.size_bytes) if shared.size_bytes or not shared.external_url else ""
        name = [ctx.para(shared.name, styles.cell)]
        if shared.external_url:
            name.append(ctx.para(m("Link: {address}", address=shared.external_url), styles.label))
        rows.append(
            [
                name,
                ctx.para(shared.media_type, styles.cell),
                ctx.para(size, styles.cell_right),
                ctx.para(shared.sha256[:SHA_SHOWN] if shared.sha256 else "—", styles.cell),
                ctx.para(fmt.date(shared.created_at), styles.cell),
            ]
        )
    header = [
        ctx.para(m("Name"), styles.cell_head),
        ctx.para(m("Type"), styles.cell_head),
        ctx.para(m("Size"), styles.cell_head_right),
        ctx.para(m("SHA-256 (start)"), styles.cell_head),
        ctx.para(m("Shared"), styles.cell_head),
    ]
    widths = [width - 122 * mm, 32 * mm, 20 * mm, 38 * mm, 32 * mm]
    return [data_table(header, rows, widths)]


def _payments(ctx: Context, purchases: tuple[Purchase, ...], width: float) -> list[Flowable]:
    if not purchases:
        return []
    styles, fmt = ctx.styles, ctx.fmt
    rows: list[list[Flowable | str]] = []
    for purchase in sorted(purchases, key=lambda p: p.created_at):
        reference: str
        if purchase.receipt_number:
            credit = purchase.kind is PurchaseKind.CREDIT_NOTE
            kind = m("Credit note") if credit else m("Receipt")
            reference = m("{title} {number}", title=kind, number=purchase.receipt_number)
        else:
            reference = m("No receipt yet (pro-forma)")
        if purchase.refund_of_number:
            reference = m(
                "{reference}, refunds {number}",
                reference=reference,
                number=purchase.refund_of_number,
            )
        rows.append(
            [
                ctx.para(fmt.date(purchase.paid_at or purchase.created_at), styles.cell),
                ctx.para(reference, styles.cell),
                ctx.para(labels.purchase_kind(ctx, purchase.kind), styles.cell),
                ctx.para(labels.payment_method(ctx, purchase.method), styles.cell),
                ctx.para(labels.purchase_status(ctx, purchase.status), styles.cell),
                ctx.para(fmt.money(purchase.gross_minor, purchase.currency), styles.cell_right),
            ]
        )
    header = [
        ctx.para(h, styles.cell_head)
        for h in (m("Date"), m("Reference"), m("For"), m("Method"), m("Status"))
    ]
    header.append(ctx.para(m("Amount"), styles.cell_head_right))
    widths = [26 * mm, width - 130 * mm, 20 * mm, 38 * mm, 22 * mm, 24 * mm]
    return [data_table(header, rows, widths)]
