"""The staff window's screens for ``scripts/screenshots.py``: the demo's front desk on the
schedule, approving a payment, booking on a client's behalf, the client list searched,
a client opened with the desk's actions (and a client's profile), the Payments place and
the day close (with its PDF rendered to PNG)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QWidget
from screenshot_session import WINDOW_SIZE, Screen, Session

from podyx_desktop.db.engine import Database
from podyx_desktop.demo import data
from podyx_desktop.domain.enums import BookingStatus
from podyx_desktop.domain.records import Booking
from podyx_desktop.gui.app import DesktopApp
from podyx_desktop.models.base import RECORD_ROLE
from podyx_desktop.models.clients import ClientListModel
from podyx_desktop.services import Services
from podyx_desktop.views.common import palette
from podyx_desktop.views.staff.staff_window import StaffWindow

DESK_EMAIL = "desk@podyx-demo.example"
SCHEDULE_SIZE = (1400, 860)
CLIENTS_SIZE = (1400, 860)


def _as_desk(session: Session, size: tuple[int, int]) -> tuple[DesktopApp, StaffWindow]:
    """A fresh app signed in as the demo's front desk, the staff window at ``size``."""
    desktop = session.new_desktop()
    screen = desktop.sign_in
    screen.email.setText(DESK_EMAIL)
    screen.password.setText(data.DEMO_PASSWORD)
    screen.sign_in_button.click()
    session.wait_until(lambda: desktop.main_window is not None)
    window = desktop.main_window
    assert isinstance(window, StaffWindow)
    window.resize(*size)
    return desktop, window


def _desk_schedule(session: Session, first: date, last: date) -> list[Booking]:
    """The demo's bookings between two days, read as the front desk would."""
    services = Services(Database(session.url))
    try:
        staff = services.accounts.sign_in(DESK_EMAIL, data.DEMO_PASSWORD)
        return services.bookings.schedule(staff.principal, first, last)
    finally:
        services.db.dispose()


def staff_window(session: Session) -> QWidget:
    """The demo's front desk signed in, a client chosen: that client's profile tabs."""

    desktop, window = _as_desk(session, WINDOW_SIZE)
    place = window.clients_place
    window.places.setCurrentWidget(place)
    session.wait_until(lambda: place.model.rowCount() > 0)
    place.open_client(place.model.index(0, 0).data(RECORD_ROLE).id)
    session.wait_until(lambda: window.profile_tabs.count() == 5)
    session.idle(desktop)
    session.settle(0.6)
    return window


def _staff_schedule(session: Session, week: bool) -> QWidget:
    """The demo's front desk on the Schedule at the demo's busiest day (for ``week``: its
    week, of the busiest room), the first session shown selected."""

    desktop, window = _as_desk(session, SCHEDULE_SIZE)
    place = window.schedule
    session.wait_until(lambda: place.data is not None)
    session.idle(desktop)
    # the demo's busiest day of the last eight weeks and the next two, and its busiest room
    today = place.day
    bookings = _desk_schedule(session, today - timedelta(days=56), today + timedelta(days=14))
    zone = place.display.zone
    live = [b for b in bookings if b.status is not BookingStatus.CANCELED]
    days = Counter(b.starts_at.astimezone(zone).date() for b in live)
    busiest = days.most_common(1)[0][0] if days else today
    if week:
        place.set_week_mode(True)
        session.idle(desktop)
        rooms = Counter(b.room_id for b in live)
        if rooms:
            place.choose_room(rooms.most_common(1)[0][0])
    place.show_day(busiest)
    session.idle(desktop)
    layout = place.canvas.layout_
    if layout is not None and layout.blocks:
        place.select(layout.blocks[0].booking.id)
    session.settle(0.6)
    return window


def staff_schedule_day(session: Session) -> QWidget:
    return _staff_schedule(session, week=False)


def staff_schedule_week(session: Session) -> QWidget:
    return _staff_schedule(session, week=True)


def in_dark(shoot: Screen) -> Screen:
    """``shoot`` in the dark scheme (scripts/screenshots.py goes back to the system's after)."""

    def dark(session: Session) -> QWidget:
        palette.set_scheme("dark")
        return shoot(session)

    return dark


def staff_approve(session: Session) -> QWidget:
    """The front desk approves a pay-later session: the schedule at its day, the session
    selected, "Approve payment…" asking for the method actually used."""

    today = date.today()
    upcoming = _desk_schedule(session, today, today + timedelta(days=21))
    pending = next(b for b in upcoming if b.status is BookingStatus.PENDING)
    desktop, window = _as_desk(session, SCHEDULE_SIZE)
    place = window.schedule
    session.wait_until(lambda: place.data is not None)
    place.show_day(pending.starts_at.astimezone(place.display.zone).date())
    session.wait_until(lambda: place.canvas.layout_ is not None)
    session.idle(desktop)
    place.select(pending.id)
    actions = place.desk_actions
    session.wait_until(lambda: actions.state is not None and actions.approve_button.isEnabled())
    actions.approve_button.click()
    session.wait_until(lambda: actions.dialog is not None)
    dialog = actions.dialog
    assert dialog is not None
    session.settle(0.6)
    return dialog


def staff_book_on_behalf(session: Session) -> QWidget:
    """The demo's front desk books on a client's behalf: the client found, the session
    chosen with a free time selected (the dialog of "New booking…", Ctrl+N)."""

    desktop, window = _as_desk(session, WINDOW_SIZE)
    window.new_booking_action.trigger()
    dialog = window.new_booking_dialog
    assert dialog is not None
    step = dialog.client_step
    session.wait_until(lambda: not step.is_searching and step.matches.count() > 0)
    step.choose()
    slots = dialog.session_step.slots
    session.wait_until(lambda: dialog.session_step.service.count() > 0)
    slots.set_day(date.today() + timedelta(days=1), find_free=True)
    session.wait_until(lambda: not slots.is_loading and slots.model.rowCount() > 0)
    slots.select_row(min(2, slots.model.rowCount() - 1))
    session.idle(desktop)
    session.settle(0.6)
    return dialog


def staff_clients(session: Session) -> QWidget:
    """The Clients place as the front desk searches: the table narrowed to what is typed,
    in the order of the total spent, the line under it saying how many match."""

    desktop, window = _as_desk(session, CLIENTS_SIZE)
    place = window.clients_place
    window.places.setCurrentWidget(place)
    session.wait_until(lambda: place.model.rowCount() > 0)
    place.table.sortByColumn(ClientListModel.SPENT, Qt.SortOrder.DescendingOrder)
    place.search_box.setText("ma")
    session.wait_until(lambda: place.model.search == "ma" and not place.is_searching)
    session.idle(desktop)
    place.table.selectRow(0)
    session.settle(0.6)
    return window


def staff_client_open(session: Session) -> QWidget:
    """A client opened at the desk (the first by name, whose pay-later session awaits its
    payment): the desk's actions on them — refunds and store credit disabled for the
    front desk, with the reason — above their profile tabs."""

    desktop, window = _as_desk(session, CLIENTS_SIZE)
    place = window.clients_place
    window.places.setCurrentWidget(place)
    session.wait_until(lambda: place.model.rowCount() > 0 and not place.model.is_loading)
    place.open_client(place.model.index(0, 0).data(RECORD_ROLE).id)
    session.wait_until(lambda: window.profile_tabs.count() == 5)
    actions = place.actions_pane
    session.wait_until(lambda: actions.desk is not None and not actions.is_loading)
    session.idle(desktop)
    session.settle(0.6)
    return window


def staff_payments(session: Session) -> QWidget:
    """The Payments place: the demo's pending payments (a bundle bought by transfer among
    them), oldest first, two rows selected for "Mark 2 transfers received"."""
    from podyx_desktop.domain.enums import PaymentMethod
    from podyx_desktop.domain.requests import BundlePurchaseRequest

    services = Services(Database(session.url))
    try:
        client = services.accounts.sign_in(session.client_email, session.client_password)
        products = services.catalogue.get_catalogue(client.principal).bundle_products
        if products:
            services.checkout.buy_bundle(
                client.principal,
                BundlePurchaseRequest(products[0].id, PaymentMethod.BANK_TRANSFER, True),
            )
    finally:
        services.db.dispose()
    desktop, window = _as_desk(session, SCHEDULE_SIZE)
    place = window.payments_place
    window.places.setCurrentWidget(place)
    session.wait_until(lambda: place.model.rowCount() > 0 and not place.model.is_loading)
    session.idle(desktop)
    ids = [p.purchase_id for p in place.model.rows()]
    place.select_purchases(ids[1:3])
    session.settle(0.6)
    return window


def staff_day_close(session: Session) -> QWidget:
    """The day close of the demo's busiest recent day (by receipts), as the front desk sees
    it; its PDF is saved too and rendered to ``day-close-pdf.png`` (pdftoppm, 80 dpi)."""
    import shutil
    import subprocess

    from podyx_desktop.views.staff.day_close_dialog import DayCloseDialog

    services = Services(Database(session.url))
    try:
        staff = services.accounts.sign_in(DESK_EMAIL, data.DEMO_PASSWORD)
        today = date.today()
        closes = [
            services.day_close.close(staff.principal, today - timedelta(days=n)) for n in range(21)
        ]
    finally:
        services.db.dispose()
    busiest = max(
        closes, key=lambda c: (c.refunds > 0, len(c.by_rate), len(c.by_method), c.receipts)
    )
    desktop, window = _as_desk(session, SCHEDULE_SIZE)
    place = window.payments_place
    window.places.setCurrentWidget(place)
    session.idle(desktop)
    dialog = place.open_day_close(busiest.day)
    assert isinstance(dialog, DayCloseDialog)
    session.wait_until(lambda: dialog.close_shown is not None)
    pdf = session.folder / "day-close.pdf"
    dialog.save_to(pdf)
    session.wait_until(lambda: dialog.saved_to is not None)
    dialog.save_button.setFocus()
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-singlefile",
                str(pdf),
                str(session.out / "day-close-pdf"),  # beside the screenshots
            ],
            check=True,
        )
    session.settle(0.6)
    return dialog


OWNER_EMAIL = "owner@podyx-demo.example"


def staff_first_run(session: Session) -> QWidget:
    """An empty local database: "Create your studio", the form partly filled in."""
    from podyx_desktop.db.engine import sqlite_url
    from podyx_desktop.gui.ui_settings import UiSettings

    url = sqlite_url(session.folder / "first-run" / "podyx.sqlite3")
    desktop = DesktopApp(
        lambda: Services(Database(url)),
        settings=UiSettings(),
        demo_allowed=lambda _services: True,
        database_url=lambda: url,
    )
    session.desktops.append(desktop)
    desktop.start()
    session.wait_until(lambda: desktop.first_run is not None and desktop.first_run.isVisible())
    form = desktop.first_run
    assert form is not None
    form.resize(900, 1000)
    form.name.setText("Klangraum Studios")
    form.address.setText("Oranienstraße 12")
    form.postal_code.setText("10999")
    form.city.setText("Berlin")
    form.country.setText("Germany")
    form.vat_number.setText("DE287654321")
    form.time_zone.setCurrentText("Europe/Berlin")
    form.studio_locale.setCurrentText("de_DE")
    form.owner_name.setText("Lena Krüger")
    form.owner_email.setText("lena@klangraum.example")
    form.owner_phone.setText("+49 30 5551234")
    form.password.setText("correct horse")
    form.password_again.setText("correct horse battery")
    form.create_button.click()  # the two passwords differ: said beside the field
    session.settle(0.6)
    return form


def _as_owner(session: Session, size: tuple[int, int]) -> tuple[DesktopApp, StaffWindow]:
    desktop = session.new_desktop()
    screen = desktop.sign_in
    screen.email.setText(OWNER_EMAIL)
    screen.password.setText(data.DEMO_PASSWORD)
    screen.sign_in_button.click()
    session.wait_until(lambda: desktop.main_window is not None)
    window = desktop.main_window
    assert isinstance(window, StaffWindow)
    window.resize(*size)
    return desktop, window


def staff_setup_services(session: Session) -> QWidget:
    """The Set-up place's Services: the demo's services, the first one in the editor."""
    desktop, window = _as_owner(session, SCHEDULE_SIZE)
    window.open_setup("services")
    section = window.setup_place.services
    session.wait_until(lambda: section.items.count() > 0)
    session.idle(desktop)
    section.items.setCurrentRow(0)
    session.settle(0.6)
    return window


def staff_setup_policies(session: Session) -> QWidget:
    """The Set-up place's Policies: a room's and a setup's overrides beside the default."""
    from podyx_desktop.domain.policy import PolicyOverride

    services = Services(Database(session.url))
    try:
        owner = services.accounts.sign_in(OWNER_EMAIL, data.DEMO_PASSWORD).principal
        catalogue = services.catalogue.get_catalogue(owner)
        services.catalogue.set_policy_override(
            owner,
            room_id=catalogue.rooms[0].id,
            override=PolicyOverride(cancel_cutoff_hours=48, buffer_minutes=30),
        )
        services.catalogue.set_policy_override(
            owner, setup_id=catalogue.setups[-1].id, override=PolicyOverride(lead_time_hours=24)
        )
    finally:
        services.db.dispose()
    desktop, window = _as_owner(session, SCHEDULE_SIZE)
    window.open_setup("policies")
    section = window.setup_place.policies
    session.wait_until(lambda: section.table.rowCount() > 0)
    session.idle(desktop)
    section.table.selectRow(0)
    session.settle(0.6)
    return window


def staff_audit(session: Session) -> QWidget:
    """The Audit place: the demo's log, newest first."""
    desktop, window = _as_owner(session, SCHEDULE_SIZE)
    from podyx_desktop.views.staff.audit_place import AuditPlace

    place = window.audit_place
    assert isinstance(place, AuditPlace)
    window.places.setCurrentWidget(place)
    model = place.model
    session.wait_until(lambda: model.rowCount() > 0 and not model.is_loading)
    session.idle(desktop)
    session.settle(0.6)
    return window


def staff_share_file(session: Session) -> QWidget:
    """A client opened at the desk, their Files tab, and "Share a file…": a file from disk
    for one of the client's sessions."""
    from podyx_desktop.views.profile.share_file_dialog import ShareFileDialog

    client_email = data.CLIENTS[0].email
    services = Services(Database(session.url))
    try:
        staff = services.accounts.sign_in(DESK_EMAIL, data.DEMO_PASSWORD)
        client = next(
            c for c in services.clients.list_clients(staff.principal) if c.email == client_email
        )
        bookings = services.bookings.list_for_client(staff.principal, client.id, upcoming=False)
    finally:
        services.db.dispose()
    desktop, window = _as_desk(session, CLIENTS_SIZE)
    place = window.clients_place
    window.places.setCurrentWidget(place)
    session.wait_until(lambda: place.model.rowCount() > 0)
    place.open_client(client.id)
    session.wait_until(lambda: window.profile_tabs.count() == 5)
    tab = place.files_tab
    place.profile_tabs.setCurrentWidget(tab)
    session.wait_until(lambda: tab.model.rowCount() > 0)
    session.idle(desktop)
    dialog = ShareFileDialog(client.full_name, bookings, tab.display, window)
    dialog.path_edit.setText("/home/desk/Exports/Episode 12 – final master.wav")
    dialog.booking_combo.setCurrentIndex(1)
    dialog.show()
    session.settle(0.6)
    # the dialog is a window of its own: drawn over the staff window, centred
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))  # the window behind, dimmed
    dialog_picture = dialog.grab()
    x = (picture.width() - dialog_picture.width()) // 2
    y = (picture.height() - dialog_picture.height()) // 2
    painter.drawPixmap(x, y, dialog_picture)
    painter.setPen(QColor("#9ca3af"))
    painter.drawRect(x - 1, y - 1, dialog_picture.width() + 1, dialog_picture.height() + 1)
    painter.end()
    dialog.hide()
    shot = QLabel()
    shot.setPixmap(picture)
    shot.resize(picture.size())
    return shot


STAFF_SCREENS: list[tuple[str, Screen]] = [
    ("staff-client-profile", staff_window),
    ("staff-schedule-day", staff_schedule_day),
    ("staff-schedule-week", staff_schedule_week),
    ("staff-approve", staff_approve),
    ("staff-book-on-behalf", staff_book_on_behalf),
    ("staff-clients", staff_clients),
    ("staff-client-open", staff_client_open),
    ("staff-payments", staff_payments),
    ("staff-day-close", staff_day_close),
    ("staff-first-run", staff_first_run),
    ("staff-setup-services", staff_setup_services),
    ("staff-setup-policies", staff_setup_policies),
    ("staff-audit", staff_audit),
    ("staff-share-file", staff_share_file),
    ("staff-schedule-dark", in_dark(staff_schedule_day)),
]
