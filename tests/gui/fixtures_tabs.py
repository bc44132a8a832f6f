"""Fixtures and record builders for the profile-tab tests (bookings, bundles, purchases,
the booking wizard) and the item-model tests.

``sample_*`` build DTOs by hand for the model tests; the ``tab_*`` fixtures build the
small studio of ``tests.factories`` over the GUI suite's database, through the services.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from podyx_desktop.db.engine import Database
from podyx_desktop.domain.availability import Slot
from podyx_desktop.domain.enums import (
    BookingStatus,
    LineKind,
    PaymentMethod,
    PurchaseKind,
    PurchaseStatus,
)
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.records import (
    BookedAddon,
    Booking,
    BookingEvent,
    Bundle,
    BundleLedgerEntry,
    BundleProduct,
    Party,
    Purchase,
    PurchaseLine,
    Service,
    Setup,
    SignedIn,
    VatLine,
)
from podyx_desktop.domain.requests import BookingRequest, SessionCart
from podyx_desktop.gui.changes import ChangeBus
from podyx_desktop.gui.tasks import TaskRunner
from podyx_desktop.services import Services
from podyx_desktop.views.common.context import UserSession, ViewContext
from podyx_desktop.views.profile.profile_tab import ProfileTab
from tests.conftest import FAST_HASHER

BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2026, 6, 2, 8, 0, tzinfo=UTC)  # Tuesday 10:00 in Berlin


def sample_bookings() -> list[Booking]:
    def booking(i: int, status: BookingStatus, **extra: object) -> Booking:
        starts = T0 + timedelta(days=i)
        fields: dict[str, object] = dict(
            id=i,
            client_id=7,
            client_name="Žofia Ωmega",
            room_id=1,
            room_name="Studio A",
            setup_id=1,
            setup_name="2-person podcast",
            service_id=1,
            service_name="Podcast recording",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            blocked_until=starts + timedelta(hours=2, minutes=15),
            status=status,
            original_starts_at=None,
            reschedule_count=0,
            addons=(),
            price_minor=12000 + i,
            currency="EUR",
            bundle_id=None,
            purchase_id=i,
            receipt_number=f"R-2026-{i:05d}",
            payment_method=PaymentMethod.PAY_LATER,
            created_at=T0 - timedelta(days=3),
        )
        fields.update(extra)
        return Booking(**fields)  # type: ignore[arg-type]

    return [
        booking(1, BookingStatus.CONFIRMED, addons=(BookedAddon(2, "Extra mic", 2, 1000, 1),)),
        booking(
            2,
            BookingStatus.RESCHEDULED,
            original_starts_at=T0,
            reschedule_count=1,
        ),
        booking(3, BookingStatus.PENDING, receipt_number=None),
        booking(4, BookingStatus.CANCELED, cancel_reason="ill"),
        booking(5, BookingStatus.CONFIRMED, bundle_id=3, purchase_id=None, price_minor=0),
    ]


def sample_events() -> list[BookingEvent]:
    return [
        BookingEvent(T0 - timedelta(days=3), "created", "Booked", "Ana", None, T0),
        BookingEvent(T0 - timedelta(days=2), "rescheduled", "", "Ana", T0, T0 + timedelta(days=2)),
        BookingEvent(T0 - timedelta(days=1), "addons_added", "1 × Extra mic", "Ana"),
        BookingEvent(T0, "canceled", "ill", "Studio"),
    ]


def sample_bundles() -> list[Bundle]:
    def bundle(i: int, state: str, remaining: int, expires: datetime | None) -> Bundle:
        return Bundle(
            id=i,
            client_id=7,
            product_id=1,
            name=f"3 × 2 h podcast #{i}",
            sessions_total=3,
            sessions_remaining=remaining,
            session_minutes=120,
            purchased_at=T0 - timedelta(days=10 * i),
            expires_at=expires,
            purchase_id=i,
            issued_reason="" if i != 2 else "Goodwill",
            setup_ids=(1, 3),
            service_ids=(1,),
            state=state,
        )

    return [
        bundle(1, "active", 2, T0 + timedelta(days=80)),
        bundle(2, "awaiting_payment", 3, None),
        bundle(3, "expired", 1, T0 - timedelta(days=1)),
        bundle(4, "used_up", 0, T0 + timedelta(days=30)),
    ]


def sample_ledger() -> list[BundleLedgerEntry]:
    return [
        BundleLedgerEntry(T0 - timedelta(days=10), "purchased", None, None, 3, 3),
        BundleLedgerEntry(T0 - timedelta(days=9), "redeemed", 11, T0, -1, 2),
        BundleLedgerEntry(T0 - timedelta(days=8), "credit_returned", 11, T0, 1, 3, "in time"),
    ]


def sample_products() -> list[BundleProduct]:
    return [
        BundleProduct(1, "3 × 2 h podcast", "Three sessions", 3, 120, 30000, 90, 1900, (1,), (1,)),
        BundleProduct(2, "10 × 1 h", "", 10, 60, 50000, None, 1900, (1, 2), ()),
    ]


def sample_purchases() -> list[Purchase]:
    line = PurchaseLine(
        LineKind.SERVICE, "Podcast recording — 2 h", 1, 12000, 1200, 9076, 1900, 1724, 10800, T0
    )
    addon = PurchaseLine(LineKind.ADDON, "Video edit", 1, 5000, 0, 4673, 700, 327, 5000, T0)
    seller = Party("Test Studio", vat_id="DE123456789")
    buyer = Party("Žofia Ωmega", "z@example.com")

    def purchase(
        i: int, kind: PurchaseKind, status: PurchaseStatus, sign: int = 1, **extra: object
    ) -> Purchase:
        fields: dict[str, object] = dict(
            id=i,
            client_id=7,
            kind=kind,
            status=status,
            created_at=T0 - timedelta(days=i),
            paid_at=T0 - timedelta(days=i)
            if status is not PurchaseStatus.AWAITING_PAYMENT
            else None,
            currency="EUR",
            prices_include_vat=True,
            method=PaymentMethod.BANK_TRANSFER,
            receipt_number=f"R-2026-{i:05d}"
            if status is not PurchaseStatus.AWAITING_PAYMENT
            else None,
            lines=(line, addon),
            vat=(VatLine(700, 4673, 327, 5000), VatLine(1900, 9076, 1724, 10800)),
            net_minor=sign * 13749,
            vat_minor=sign * 2051,
            gross_minor=sign * 15800,
            discount_minor=sign * 1200,
            promo_code="WELCOME10",
            buyer=buyer,
            seller=seller,
            booking_id=1,
            bundle_id=None,
            refund_of_id=None,
            refund_of_number=None,
            refunded_by_number=None,
        )
        fields.update(extra)
        return Purchase(**fields)  # type: ignore[arg-type]

    return [
        purchase(1, PurchaseKind.BOOKING, PurchaseStatus.PAID, refunded_by_number="CN-2026-00001"),
        purchase(2, PurchaseKind.BUNDLE, PurchaseStatus.AWAITING_PAYMENT, promo_code=None),
        purchase(3, PurchaseKind.ADDONS, PurchaseStatus.PAID, method=PaymentMethod.STORE_CREDIT),
        purchase(
            4,
            PurchaseKind.CREDIT_NOTE,
            PurchaseStatus.PAID,
            sign=-1,
            refund_of_id=1,
            refund_of_number="R-2026-00001",
            receipt_number="CN-2026-00001",
        ),
    ]


def sample_slots() -> list[Slot]:
    starts = [T0 + timedelta(hours=h) for h in range(0, 8, 2)]
    return [Slot(s, s + timedelta(hours=2), s.astimezone(BERLIN)) for s in starts]


def sample_setups() -> list[Setup]:
    return [
        Setup(1, 1, "Studio A", "2-person podcast", "Two mics, one table"),
        Setup(2, 1, "Studio A", "Video set"),
        Setup(3, 2, "Studio B", "Roundtable"),
    ]


def sample_services() -> list[Service]:
    return [
        Service(1, "Podcast recording", "Audio only", 6000, 60, 240, 30, 1900, (1, 2, 3)),
        Service(2, "Video podcast", "", 12000, 120, 480, 60, 700, (2,)),
    ]


# --- fixtures over the GUI suite's studio (exposed by tests/gui/conftest.py) -------------
# They use the conftest's ``studio``, ``gui_services``, ``client_session`` and
# ``factory_studio`` fixtures; names start with ``tab_`` so the conftest re-exports them.


def _services_factory(url: str) -> Callable[[], Services]:
    def factory() -> Services:
        return Services(Database(url), hasher=FAST_HASHER)

    return factory


def _context(url: str, session: UserSession) -> ViewContext:
    return ViewContext(TaskRunner(_services_factory(url)), ChangeBus(), session)


@pytest.fixture
def tab_context(
    qtbot: Any, studio: Any, gui_services: Services, client_session: SignedIn
) -> Iterator[ViewContext]:
    """A view context for the signed-in client Ana, with its own task runner and bus."""
    info = gui_services.catalogue.studio(client_session.principal)
    ctx = _context(
        studio.url,
        UserSession(client_session.principal, client_session.account, info, client_session.token),
    )
    yield ctx
    ctx.tasks.shutdown()


@pytest.fixture
def tab_visitor_context(qtbot: Any, studio: Any, gui_services: Services) -> Iterator[ViewContext]:
    """A view context for a signed-out visitor."""
    info = gui_services.catalogue.studio(Principal.anonymous())
    ctx = _context(studio.url, UserSession.visitor(info))
    yield ctx
    ctx.tasks.shutdown()


@pytest.fixture
def tab_context_for(
    studio: Any, gui_services: Services
) -> Iterator[Callable[[SignedIn], ViewContext]]:
    """Make a view context for any signed-in account (e.g. one created at checkout)."""
    made: list[ViewContext] = []

    def make(signed_in: SignedIn) -> ViewContext:
        info = gui_services.catalogue.studio(signed_in.principal)
        ctx = _context(
            studio.url,
            UserSession(signed_in.principal, signed_in.account, info, signed_in.token),
        )
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.shutdown()


# --- helpers for driving the widgets -----------------------------------------------------


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area holding ``widget`` so it is in view, as a user would."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def click(qtbot: Any, button: QAbstractButton) -> None:
    scroll_into_view(button)
    assert button.isVisible(), f"{button.text()!r} is not visible"
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    assert not button.visibleRegion().isEmpty(), f"{button.text()!r} is hidden from view"
    if isinstance(button, QCheckBox | QRadioButton):
        # A check box reacts to clicks on its box and label, not on the empty space after.
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


TabT = TypeVar("TabT", bound=ProfileTab)


def open_tab(
    qtbot: Any, ctx: ViewContext, kind: Callable[[ViewContext], TabT], size: tuple[int, int]
) -> TabT:
    """A tab of ``kind`` for ``ctx``'s client, shown at ``size`` and loaded."""
    tab = kind(ctx)
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    wait_built(qtbot, tab)
    tab.reload()
    wait_idle(qtbot, ctx)
    return tab


def wait_built(qtbot: Any, tab: ProfileTab) -> None:
    """Until ``tab`` has built all its parts (``ProfileTab.build_later``) and shown them,
    as a user would see it."""
    done: list[bool] = []
    tab.when_built(lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done))


def wait_idle(qtbot: Any, ctx: ViewContext, timeout: int = 10_000) -> None:
    """Until every queued task has delivered its result."""
    qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=timeout)


def studio_today() -> date:
    return datetime.now(BERLIN).date()


def pick_slot(qtbot: Any, ctx: ViewContext, picker: Any, day: date, row: int = 0) -> Any:
    """Show ``day`` in a SlotPicker, wait for its free times and select one of them."""
    wait_idle(qtbot, ctx)
    picker.set_day(day)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: picker.model.rowCount() > row, timeout=10_000)
    index = picker.model.index(row, 0)
    rect = picker.list.visualRect(index)
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    slot = picker.selected_slot()
    assert slot is not None
    return slot


def select_row(qtbot: Any, view: QAbstractItemView, row: int = 0) -> None:
    """Click a row of a table or list view, as a user would."""
    qtbot.waitUntil(lambda: view.model().rowCount() > row, timeout=10_000)
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def late_booking(factory_studio: Any, client: SignedIn, hours_ahead: int = 5) -> Booking:
    """A booking for ``client`` starting within the cancellation cutoff, made by the front
    desk outside the rules (so opening hours and lead time do not get in the way)."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    starts = now + timedelta(hours=hours_ahead, minutes=30 - now.minute % 30)
    request = BookingRequest(
        SessionCart(factory_studio.roundtable_setup, factory_studio.podcast, 60),
        starts,
        PaymentMethod.PAY_LATER,
        client_id=client.account.id,
        bypass_rules=True,
        bypass_reason="Test: a session starting soon",
    )
    result = factory_studio.services.checkout.book(factory_studio.desk, request)
    return result.booking  # type: ignore[no-any-return]


def wait_closed(qtbot: Any, dialog: QWidget, timeout: int = 10_000) -> None:
    """Until ``dialog`` is closed (and perhaps already deleted: WA_DeleteOnClose)."""
    qtbot.waitUntil(
        lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=timeout
    )
