"""Sample DTOs for documents: the tests and ``scripts/render_sample_documents.py`` use them.

Amounts are priced with the domain's own :func:`price_cart`, so every sample is
internally consistent the way a stored purchase is. Nothing here touches a database.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from podyx_desktop.domain.enums import (
    BookingStatus,
    LineKind,
    PaymentMethod,
    PromoKind,
    PurchaseKind,
    PurchaseStatus,
)
from podyx_desktop.domain.pricing import CartItem, PriceSummary, price_cart
from podyx_desktop.domain.promo import PromoRule
from podyx_desktop.domain.records import (
    Address,
    BookedAddon,
    Booking,
    BookingEvent,
    Bundle,
    BundleLedgerEntry,
    BundleStatement,
    Party,
    Purchase,
    PurchaseLine,
    SessionSummary,
    SharedFile,
    StudioInfo,
    StudioNote,
    VatLine,
)

CLIENT_NAMES = ("Đorđe Šćepanović", "Ελένη Παπαδοπούλου", "Иван Петров")
SESSION_START = datetime(2025, 3, 12, 13, 0, tzinfo=UTC)  # 14:00 in Zagreb (CET)
ORIGINAL_START = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)  # 10:00 in Zagreb
INTERNAL_NOTE = "Internal: client asked about a discount, do not offer one again."
CLIENT_NOTE = "Great session! Raw tracks and the first edit are in your files."


def logo_png(size: int = 96) -> bytes:
    """A small studio logo (a blue disc with a white ring), built without any image library."""
    rows = bytearray()
    centre = (size - 1) / 2
    for y in range(size):
        rows.append(0)  # filter: none
        for x in range(size):
            distance = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 / centre
            if distance > 1:
                rows += bytes((255, 255, 255, 0))
            elif 0.52 < distance < 0.66 or distance < 0.28:
                rows += bytes((255, 255, 255, 255))
            else:
                rows += bytes((11, 92, 173, 255))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows)))
        + chunk(b"IEND", b"")
    )


def studio(
    *,
    locale: str = "hr_HR",
    time_zone: str = "Europe/Zagreb",
    currency: str = "EUR",
    prices_include_vat: bool = True,
    with_logo: bool = True,
    name: str = "Zvuk & Slika Studio",
) -> StudioInfo:
    return StudioInfo(
        name=name,
        time_zone=time_zone,
        currency=currency,
        locale=locale,
        prices_include_vat=prices_include_vat,
        default_vat_rate_bp=2500,
        vat_number="HR12345678901",
        address=Address("Ilica 42", "2. kat", "10000", "Zagreb", "HR"),
        email="hello@zvuk-slika.example",
        phone="+385 1 234 5678",
        terms="Cancellations up to 24 hours before the session are free.",
        is_demo=True,
        logo_png=logo_png() if with_logo else None,
    )


def buyer(name: str = CLIENT_NAMES[0], *, business: bool = True) -> Party:
    return Party(
        name=name,
        email="client@example.com",
        phone="+385911234567",
        company="Šćepanović Media d.o.o." if business else "",
        vat_id="HR98765432109" if business else "",
        address=Address("Vukovarska 7", "", "21000", "Split", "HR"),
    )


def seller(info: StudioInfo) -> Party:
    return Party(
        name=info.name,
        email=info.email,
        phone=info.phone,
        company="",
        vat_id=info.vat_number,
        address=info.address,
    )


def _cart() -> list[CartItem]:
    return [
        CartItem(
            LineKind.SERVICE,
            1,
            "Podcast recording — 2 h, Studio A, 2-person podcast",
            1,
            12000,
            2500,
        ),
        CartItem(LineKind.ADDON, 2, "Engineer (per hour)", 2, 2500, 2500),
        CartItem(LineKind.ADDON, 3, "Extra microphone", 1, 999, 2500),
    ]


def priced(
    *, prices_include_vat: bool = True, promo: bool = True, items: list[CartItem] | None = None
) -> PriceSummary:
    rule = PromoRule(code="SPRING10", kind=PromoKind.PERCENT, value=1000) if promo else None
    return price_cart(
        items or _cart(), currency="EUR", prices_include_vat=prices_include_vat, promo=rule
    )


def purchase_from(
    summary: PriceSummary,
    *,
    info: StudioInfo,
    buyer_party: Party,
    receipt_number: str | None = "R-2025-00041",
    supplied_at: datetime | None = SESSION_START,
) -> Purchase:
    lines = tuple(
        PurchaseLine(
            kind=line.kind,
            description=line.description,
            quantity=line.quantity,
            unit_price_minor=line.unit_price_minor,
            discount_minor=line.discount_minor,
            net_minor=line.net_minor,
            vat_rate_bp=line.vat_rate_bp,
            vat_minor=line.vat_minor,
            gross_minor=line.gross_minor,
            supplied_at=supplied_at,
        )
        for line in summary.lines
    )
    paid = receipt_number is not None
    return Purchase(
        id=41,
        client_id=7,
        kind=PurchaseKind.BOOKING,
        status=PurchaseStatus.PAID if paid else PurchaseStatus.AWAITING_PAYMENT,
        created_at=datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        paid_at=datetime(2025, 3, 1, 9, 31, tzinfo=UTC) if paid else None,
        currency=summary.currency,
        prices_include_vat=summary.prices_include_vat,
        method=PaymentMethod.CARD_AT_DESK if paid else PaymentMethod.BANK_TRANSFER,
        receipt_number=receipt_number,
        lines=lines,
        vat=tuple(VatLine(v.rate_bp, v.net_minor, v.vat_minor, v.gross_minor) for v in summary.vat),
        net_minor=summary.net_minor,
        vat_minor=summary.vat_minor,
        gross_minor=summary.gross_minor,
        discount_minor=summary.discount_minor,
        promo_code=summary.promo_code,
        buyer=buyer_party,
        seller=seller(info),
        booking_id=101,
        bundle_id=None,
        refund_of_id=None,
        refund_of_number=None,
        refunded_by_number=None,
    )


def receipt(
    name: str = CLIENT_NAMES[0], *, info: StudioInfo | None = None, business: bool = True
) -> Purchase:
    chosen = info or studio()
    return purchase_from(
        priced(prices_include_vat=chosen.prices_include_vat),
        info=chosen,
        buyer_party=buyer(name, business=business),
    )


def pro_forma(name: str = CLIENT_NAMES[0], *, business: bool = False) -> Purchase:
    return purchase_from(
        priced(), info=studio(), buyer_party=buyer(name, business=business), receipt_number=None
    )


def credit_note(original: Purchase | None = None) -> Purchase:
    """A full refund of ``original``: the same lines with negated amounts."""
    source = original or receipt()
    lines = tuple(
        replace(
            line,
            discount_minor=-line.discount_minor,
            net_minor=-line.net_minor,
            vat_minor=-line.vat_minor,
            gross_minor=-line.gross_minor,
            unit_price_minor=-line.unit_price_minor,
        )
        for line in source.lines
    )
    return replace(
        source,
        id=57,
        kind=PurchaseKind.CREDIT_NOTE,
        status=PurchaseStatus.PAID,
        created_at=datetime(2025, 3, 20, 15, 0, tzinfo=UTC),
        paid_at=datetime(2025, 3, 20, 15, 0, tzinfo=UTC),
        receipt_number="CN-2025-00003",
        lines=lines,
        vat=tuple(
            VatLine(v.rate_bp, -v.net_minor, -v.vat_minor, -v.gross_minor) for v in source.vat
        ),
        net_minor=-source.net_minor,
        vat_minor=-source.vat_minor,
        gross_minor=-source.gross_minor,
        discount_minor=-source.discount_minor,
        refund_of_id=source.id,
        refund_of_number=source.receipt_number,
        promo_code=None,
        note="Refund to the original card after the session was canceled by the studio.",
    )


def long_receipt(lines: int = 40) -> Purchase:
    items = [
        CartItem(LineKind.ADDON, n, f"Video edit, part {n}", 1, 1500 + n, 2500)
        for n in range(1, lines + 1)
    ]
    return purchase_from(priced(items=items, promo=False), info=studio(), buyer_party=buyer())


def booking(name: str = CLIENT_NAMES[0], *, info: StudioInfo | None = None) -> Booking:
    chosen = info or studio()
    start = SESSION_START
    return Booking(
        id=101,
        client_id=7,
        client_name=name,
        room_id=1,
        room_name="Studio A",
        setup_id=2,
        setup_name="2-person podcast",
        service_id=1,
        service_name="Podcast recording",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        blocked_until=start + timedelta(hours=2, minutes=15),
        status=BookingStatus.RESCHEDULED,
        original_starts_at=ORIGINAL_START,
        reschedule_count=1,
        addons=(
            BookedAddon(2, "Engineer (per hour)", 2, 2500, 41),
            BookedAddon(3, "Extra microphone", 1, 999, 41),
        ),
        price_minor=receipt(name, info=chosen).gross_minor,
        currency=chosen.currency,
        bundle_id=None,
        purchase_id=41,
        receipt_number="R-2025-00041",
        payment_method=PaymentMethod.CARD_AT_DESK,
        created_at=datetime(2025, 3, 1, 9, 28, tzinfo=UTC),
    )


def session_summary(
    name: str = CLIENT_NAMES[0], *, info: StudioInfo | None = None, include_internal: bool = True
) -> SessionSummary:
    chosen = info or studio()
    notes = [
        StudioNote(
            1,
            101,
            7,
            "Marko (engineer)",
            datetime(2025, 3, 12, 16, 5, tzinfo=UTC),
            CLIENT_NOTE,
            internal=False,
        ),
    ]
    if include_internal:
        notes.append(
            StudioNote(
                2,
                101,
                7,
                "Ana (front desk)",
                datetime(2025, 3, 12, 16, 30, tzinfo=UTC),
                INTERNAL_NOTE,
                internal=True,
            )
        )
    events = (
        BookingEvent(datetime(2025, 3, 1, 9, 28, tzinfo=UTC), "created", "", name),
        BookingEvent(
            datetime(2025, 3, 1, 9, 31, tzinfo=UTC),
            "confirmed",
            "Paid by card at the front desk",
            "Ana (front desk)",
        ),
        BookingEvent(
            datetime(2025, 3, 5, 11, 0, tzinfo=UTC),
            "rescheduled",
            "",
            name,
            from_starts_at=ORIGINAL_START,
            to_starts_at=SESSION_START,
        ),
    )
    files = (
        SharedFile(
            1,
            7,
            101,
            "episode-12-final-mix.wav",
            "audio/wav",
            245_366_784,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            None,
            datetime(2025, 3, 13, 10, 0, tzinfo=UTC),
        ),
        SharedFile(
            2,
            7,
            101,
            "Šćepanović — reel (1080p).mp4",
            "video/mp4",
            0,
            "",
            "https://files.example/reel",
            datetime(2025, 3, 14, 10, 0, tzinfo=UTC),
        ),
    )
    return SessionSummary(
        studio=chosen,
        booking=booking(name, info=chosen),
        events=events,
        notes=tuple(notes),
        files=files,
        purchases=(receipt(name, info=chosen),),
    )


def bundle_statement(name: str = CLIENT_NAMES[0]) -> BundleStatement:
    info = studio()
    items = [CartItem(LineKind.BUNDLE, 9, "10 × 2 h podcast sessions", 1, 99000, 2500)]
    purchase = replace(
        purchase_from(
            priced(items=items, promo=False), info=info, buyer_party=buyer(name), supplied_at=None
        ),
        id=30,
        kind=PurchaseKind.BUNDLE,
        receipt_number="R-2025-00030",
        booking_id=None,
        bundle_id=5,
    )
    bought = datetime(2025, 1, 15, 10, 0, tzinfo=UTC)
    entries = (
        BundleLedgerEntry(bought, "purchased", None, None, 10, 10),
        BundleLedgerEntry(
            datetime(2025, 1, 20, 8, 0, tzinfo=UTC),
            "redeemed",
            90,
            datetime(2025, 1, 27, 9, 0, tzinfo=UTC),
            -1,
            9,
        ),
        BundleLedgerEntry(
            datetime(2025, 2, 2, 8, 0, tzinfo=UTC),
            "redeemed",
            91,
            datetime(2025, 2, 10, 14, 0, tzinfo=UTC),
            -1,
            8,
        ),
        BundleLedgerEntry(
            datetime(2025, 2, 8, 8, 0, tzinfo=UTC),
            "credit_returned",
            91,
            datetime(2025, 2, 10, 14, 0, tzinfo=UTC),
            1,
            9,
            "Canceled within the cutoff",
        ),
        BundleLedgerEntry(
            datetime(2025, 2, 20, 8, 0, tzinfo=UTC),
            "redeemed",
            95,
            datetime(2025, 3, 3, 13, 0, tzinfo=UTC),
            -1,
            8,
        ),
        BundleLedgerEntry(
            datetime(2025, 3, 1, 8, 0, tzinfo=UTC),
            "redeemed",
            98,
            datetime(2025, 3, 4, 16, 0, tzinfo=UTC),
            -1,
            7,
        ),
    )
    bundle = Bundle(
        id=5,
        client_id=7,
        product_id=9,
        name="10 × 2 h podcast sessions",
        sessions_total=10,
        sessions_remaining=7,
        session_minutes=120,
        purchased_at=bought,
        expires_at=bought + timedelta(days=365),
        purchase_id=30,
        issued_reason="",
        setup_ids=(2,),
        service_ids=(1,),
        state="active",
    )
    return BundleStatement(
        studio=info, client=buyer(name), bundle=bundle, purchase=purchase, entries=entries
    )


# --- right-to-left names and text (Arabic, Hebrew, mixed with Latin) -----------------------

RTL_NAMES = ("محمد Müller", "שרה כהן", "فاطمة الزهراء")
RTL_LINE = "تسجيل بودكاست — 2 h, Studio A"
RTL_LONG_LINE = (
    "مونتاج الفيديو مع تصحيح الألوان والصوت للحلقة الكاملة، وتصدير نسخ قصيرة لوسائل "
    "التواصل الاجتماعي"
)
HEBREW_LINE = "מיקרופון נוסף"
RTL_NOTE = "شكراً لكم! الملفات النهائية في قسم الملفات.\nתודה רבה, נתראה בפעם הבאה."


def rtl_buyer(name: str = RTL_NAMES[0]) -> Party:
    """A client who writes their name and address in Arabic (with a Latin surname)."""
    return Party(
        name=name,
        email="m.mueller@example.com",
        phone="+971501234567",
        company="استوديو الصوت الحديث",
        vat_id="",
        address=Address("شارع الشيخ زايد 12", "", "00000", "دبي", "AE"),
    )


def rtl_receipt(name: str = RTL_NAMES[0], *, info: StudioInfo | None = None) -> Purchase:
    """A receipt whose client, address, line descriptions and note are right-to-left."""
    chosen = info or studio()
    items = [
        CartItem(LineKind.SERVICE, 1, RTL_LINE, 1, 12000, 2500),
        CartItem(LineKind.ADDON, 2, RTL_LONG_LINE, 1, 4500, 2500),
        CartItem(LineKind.ADDON, 3, HEBREW_LINE, 1, 999, 2500),
    ]
    purchase = purchase_from(priced(items=items), info=chosen, buyer_party=rtl_buyer(name))
    return replace(purchase, note=RTL_NOTE)
