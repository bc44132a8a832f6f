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
    summary: SessionSummary, *, locale: str | None = None, fonts: FontSet | None = None
) -> bytes:
    """The summary of ``summary.booking`` as PDF."""
    booking = summary.booking
    ctx = make_context(summary.studio, locale, fonts, currency=booking.currency)
    width = usable_width(page_size_for(ctx.fmt))
    styles = ctx.styles
    story: list[Flowable] = [
        ctx.para("Session summary", styles.title),
        ctx.para(f"Booking {booking.id} · {booking.client_name}", styles.subtitle),
        field_table(ctx, _details(ctx, summary), [40 * mm, width - 40 * mm]),
    ]
    story += _section(ctx, "History", _history(ctx, booking, summary.events, width))
    notes = [note for note in summary.notes if not note.internal]
    if len(notes) != len(summary.notes):
        log.warning("Internal notes were passed for booking %s's summary; left out.", booking.id)
    story += _section(ctx, "Notes from the studio", _notes(ctx, notes))
    story += _section(ctx, "Files shared with you", _files(ctx, summary.files, width))
    story += _section(ctx, "Payments and receipts", _payments(ctx, summary.purchases, width))
    return build_pdf(
        ctx,
        summary.studio,
        story,
        title=f"Session summary, booking {booking.id}",
        footer=f"Session summary · booking {booking.id}",
    )


def _section(ctx: Context, title: str, body: list[Flowable]) -> list[Flowable]:
    if not body:
        return []
    return [*section_heading(ctx, title), *body]


def _details(ctx: Context, summary: SessionSummary) -> list[tuple[str, str]]:
    fmt, booking, studio = ctx.fmt, summary.booking, summary.studio
    addons = "\n".join(
        f"{addon.name} × {fmt.number(addon.quantity)} ({fmt.money(addon.unit_price_minor)} each)"
        for addon in booking.addons
    )
    original = ""
    if booking.original_starts_at and booking.original_starts_at != booking.starts_at:
        original = fmt.date_time(booking.original_starts_at)
    payment = labels.payment_method(booking.payment_method)
    if booking.bundle_id is not None:
        payment = f"Bundle credit (bundle {booking.bundle_id})"
    return [
        ("Studio", studio.name),
        ("Room and setup", f"{booking.room_name} — {booking.setup_name}"),
        ("Date", fmt.long_date(booking.starts_at)),
        (
            "Time",
            f"{fmt.time_range(booking.starts_at, booking.ends_at)} "
            f"({fmt.duration(booking.minutes)}, {fmt.zone_name} time)",
        ),
        ("Originally booked for", original),
        ("Service", booking.service_name),
        ("Add-ons", addons or "None"),
        ("Status", labels.booking_status(booking.status)),
        ("Cancellation reason", booking.cancel_reason),
        ("Price", fmt.money(booking.price_minor, booking.currency)),
        ("Payment", payment),
        ("Receipt", booking.receipt_number or ""),
    ]


def event_text(ctx: Context, event: BookingEvent) -> str:
    """What happened, in words: "Rescheduled from 10 Mar 2025, 10:00 to 12 Mar …"."""
    fmt = ctx.fmt
    text = labels.event_kind(event.kind)
    if event.kind == "rescheduled" and event.from_starts_at and event.to_starts_at:
        text = (
            f"Rescheduled from {fmt.date_time(event.from_starts_at)} "
            f"to {fmt.date_time(event.to_starts_at)}"
        )
    if event.detail:
        text = f"{text}: {event.detail}"
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
                ctx.para("Booked", styles.cell),
                "",
            ],
        )
    header = [ctx.para(h, styles.cell_head) for h in ("When", "What happened", "By")]
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
            name.append(ctx.para(f"Link: {shared.external_url}", styles.label))
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
        ctx.para("Name", styles.cell_head),
        ctx.para("Type", styles.cell_head),
        ctx.para("Size", styles.cell_head_right),
        ctx.para("SHA-256 (start)", styles.cell_head),
        ctx.para("Shared", styles.cell_head),
    ]
    widths = [width - 122 * mm, 32 * mm, 20 * mm, 38 * mm, 32 * mm]
    return [data_table(header, rows, widths)]


def _payments(ctx: Context, purchases: tuple[Purchase, ...], width: float) -> list[Flowable]:
    if not purchases:
        return []
    styles, fmt = ctx.styles, ctx.fmt
    rows: list[list[Flowable | str]] = []
    for purchase in sorted(purchases, key=lambda p: p.created_at):
        if purchase.receipt_number:
            kind = "Credit note" if purchase.kind is PurchaseKind.CREDIT_NOTE else "Receipt"
            reference = f"{kind} {purchase.receipt_number}"
        else:
            reference = "No receipt yet (pro-forma)"
        if purchase.refund_of_number:
            reference += f", refunds {purchase.refund_of_number}"
        rows.append(
            [
                ctx.para(fmt.date(purchase.paid_at or purchase.created_at), styles.cell),
                ctx.para(reference, styles.cell),
                ctx.para(labels.purchase_kind(purchase.kind), styles.cell),
                ctx.para(labels.payment_method(purchase.method), styles.cell),
                ctx.para(labels.purchase_status(purchase.status), styles.cell),
                ctx.para(fmt.money(purchase.gross_minor, purchase.currency), styles.cell_right),
            ]
        )
    header = [
        ctx.para(h, styles.cell_head) for h in ("Date", "Reference", "For", "Method", "Status")
    ]
    header.append(ctx.para("Amount", styles.cell_head_right))
    widths = [26 * mm, width - 130 * mm, 20 * mm, 38 * mm, 22 * mm, 24 * mm]
    return [data_table(header, rows, widths)]
