"""Render the app's screens to PNG files for the docs: ``docs/screenshots/*.png``.

Runs the real windows over a throw-away demo studio (``podyx_desktop.demo.load.load_demo``
into a temporary SQLite file), with the app's style sheet, settings in a temporary folder
and an in-memory keyring (the real ones are never touched). Each screen is one function
that brings the UI to a state and returns the widget to grab; :data:`SCREENS` lists them
in order (the staff window's are in ``screenshot_staff.py``, the session that drives them
all in ``screenshot_session.py``). Use a real X server for faithful rendering::

    xvfb-run -a -s "-screen 0 1920x1200x24" python scripts/screenshots.py [OUT_DIR] [NAME…]

Names given after the folder shoot only those screens.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QWidget  # noqa: E402
from screenshot_server import SERVER_SCREENS  # noqa: E402
from screenshot_session import WINDOW_SIZE, Screen, Session  # noqa: E402
from screenshot_staff import STAFF_SCREENS, in_dark  # noqa: E402

from bench.keyring_backend import MemoryKeyring  # noqa: E402
from podyx_desktop.gui.app import DesktopApp  # noqa: E402
from podyx_desktop.gui.entry import load_stylesheet  # noqa: E402
from podyx_desktop.gui.ui_settings import UiSettings  # noqa: E402
from podyx_desktop.views.common import palette  # noqa: E402

# --- sign-in, sign-up and account screens ----------------------------------------------


def sign_in(session: Session) -> QWidget:
    desktop = session.new_desktop()
    desktop.sign_in.email.setText("")
    desktop.sign_in.email.setFocus()
    return desktop.sign_in


def sign_in_error(session: Session) -> QWidget:
    desktop = session.new_desktop()
    screen = desktop.sign_in
    screen.email.setText(session.client_email)
    screen.password.setText("not the password")
    screen.sign_in_button.click()
    session.wait_until(lambda: screen.message.isVisible())
    session.idle(desktop)
    return screen


def sign_up(session: Session) -> QWidget:
    desktop = session.new_desktop()
    screen = desktop.sign_in
    screen.create_account_button.click()
    form = screen.sign_up_page.form
    form.full_name.setText("Zoë Ångström")
    form.email.setText("zoe@example.com")
    form.phone.setText("+49 30 1234567")
    form.password.setText("a long password")
    form.confirm.setText("a long passwor")
    screen.sign_up_page.create_button.click()
    session.settle()
    return screen


def _tab(index: int) -> Screen:
    def shoot(session: Session) -> QWidget:
        desktop = session.signed_in()
        window = session.main_window(desktop)
        window.show_tab(index)
        session.idle(desktop)
        return window

    return shoot


def account_tab_messages(session: Session) -> QWidget:
    desktop = session.signed_in()
    window = session.main_window(desktop)
    window.show_tab(3)
    tab = window.account_tab
    tab.new_email.setText("new.address@example.com")
    tab.email_password.setText("wrong password")
    tab.change_email_button.click()
    tab.current_password.setText(session.client_password)
    tab.new_password.setText("short")
    tab.change_password_button.click()
    session.idle(desktop)
    return window


def user_menu(session: Session) -> QWidget:
    """The name button's menu, drawn over the window (a menu is a window of its own)."""
    desktop = session.signed_in()
    window = session.main_window(desktop)
    button = window.user_button
    menu = window.user_menu
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    session.settle()
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    menu.hide()
    shot = QLabel()
    shot.setPixmap(picture)
    shot.resize(picture.size())
    return shot


# The screens, in order. Other helpers: append your screens to this list, under your own
# heading comment, as ("file-name-without-extension", function).
SCREENS: list[tuple[str, Screen]] = [
    # --- sign-in, sign-up, main window, account (app / account helper) ---
    ("sign-in", sign_in),
    ("sign-in-wrong-password", sign_in_error),
    ("sign-up", sign_up),
    ("main-bookings", _tab(0)),
    ("main-bundles", _tab(1)),
    ("main-purchases", _tab(2)),
    ("main-account", _tab(3)),
    ("account-messages", account_tab_messages),
    ("user-menu", user_menu),
    # --- profile tabs, booking wizard, dialogs (tabs helper): append below ---
]


# === profile tabs, booking wizard, redeem and dialogs (tabs helper) =======================
# Each screen signs in as the demo client whose data shows it best (the demo studio's
# CLIENTS: Eleni has an active bundle with history and upcoming sessions, Sarah has paid,
# pending and discounted purchases).

ELENI, SARAH = 1, 8  # indexes into podyx_desktop.demo.data.CLIENTS
DIALOG_SIZE = (760, 560)


def in_german(shoot: Screen) -> Screen:
    """``shoot`` with the window's language set to German (main() sets it back after)."""

    def german(session: Session) -> QWidget:
        UiSettings().language = "de"
        return shoot(session)

    return german


def account_language(session: Session) -> QWidget:
    """Account, scrolled to "On this computer": the window's language."""
    from PySide6.QtWidgets import QScrollArea

    desktop = _as_client(session, ELENI)
    window = session.main_window(desktop)
    window.show_tab(3)
    session.idle(desktop)
    tab = window.account_tab
    tab.findChild(QScrollArea).ensureWidgetVisible(tab.this_computer)
    session.idle(desktop)
    return window


def _as_client(session: Session, index: int) -> DesktopApp:
    """A fresh app signed in as demo client ``index``, main window on screen."""
    from podyx_desktop.demo.data import CLIENTS

    desktop = session.new_desktop()
    screen = desktop.sign_in
    screen.email.setText(CLIENTS[index].email)
    screen.password.setText(session.client_password)
    screen.sign_in_button.click()
    session.wait_until(lambda: desktop.main_window is not None)
    window = session.main_window(desktop)
    window.resize(*WINDOW_SIZE)
    session.wait_until(lambda: window.current_tab_built)  # tabs are built when first shown
    session.idle(desktop)
    return desktop


def _client_tab(index: int, client: int) -> Screen:
    def shoot(session: Session) -> QWidget:
        desktop = _as_client(session, client)
        window = session.main_window(desktop)
        window.show_tab(index)
        session.idle(desktop)
        return window

    return shoot


def bookings_past(session: Session) -> QWidget:
    desktop = _as_client(session, ELENI)
    window = session.main_window(desktop)
    tab = window.bookings_tab
    tab.show_past()
    tab.past_view.selectRow(0)
    session.idle(desktop)
    return window


def bookings_cancel_confirm(session: Session) -> QWidget:
    desktop = _as_client(session, ELENI)
    window = session.main_window(desktop)
    tab = window.bookings_tab
    session.wait_until(lambda: tab.cancel_button.isEnabled() or bool(tab.cancel_reason.text()))
    if not tab.cancel_button.isEnabled():
        return window  # too late to cancel: the window shows why
    tab.ask_cancel()
    box = tab.cancel_confirmation
    assert box is not None
    session.settle()
    return box


def _picked(session: Session, desktop: DesktopApp, picker: Any, row: int = 0) -> None:
    session.idle(desktop)
    session.wait_until(lambda: not picker.is_loading)
    if picker.model.rowCount() > row:
        picker.select_row(row)
    session.idle(desktop)


def reschedule_dialog(session: Session) -> QWidget:
    desktop = _as_client(session, ELENI)
    tab = session.main_window(desktop).bookings_tab
    session.wait_until(
        lambda: tab.reschedule_button.isEnabled() or bool(tab.reschedule_reason.text())
    )
    if not tab.reschedule_button.isEnabled():
        return session.main_window(desktop)
    tab.open_reschedule()
    dialog = tab.reschedule_dialog
    assert dialog is not None
    _picked(session, desktop, dialog.picker, 2)
    return dialog


def addons_dialog(session: Session) -> QWidget:
    desktop = _as_client(session, ELENI)
    tab = session.main_window(desktop).bookings_tab
    session.wait_until(lambda: tab.addons_button.isEnabled() or bool(tab.addons_reason.text()))
    if not tab.addons_button.isEnabled():
        return session.main_window(desktop)
    tab.open_addons()
    dialog = tab.addons_dialog
    assert dialog is not None
    ids = dialog.picker.addon_ids()
    if ids:
        dialog.picker.checkbox(ids[0]).setChecked(True)
        dialog.picker.quantity(ids[0]).setValue(2)
    session.settle()
    return dialog


def _wizard(session: Session, step: int, *, visitor: bool = False) -> QWidget:
    """The booking wizard at ``step`` (BookingWizard.SETUP … DONE), filled in."""
    from podyx_desktop.views.booking.booking_wizard import BookingWizard
    from podyx_desktop.views.common.context import UserSession, ViewContext

    if visitor:
        desktop = session.new_desktop()
        assert desktop.studio is not None
        ctx = ViewContext(desktop.tasks, desktop.bus, UserSession.visitor(desktop.studio))
        parent: QWidget = desktop.sign_in
    else:
        desktop = _as_client(session, ELENI)
        window = session.main_window(desktop)
        ctx, parent = window.context, window
    wizard = BookingWizard(ctx, parent)
    wizard.resize(840, 660)
    wizard.open()
    session.wait_until(lambda: wizard.setup_page.model.rowCount() > 0)
    wizard.setup_page.list.setCurrentIndex(wizard.setup_page.model.index(0, 0))
    if step >= BookingWizard.SERVICE:
        wizard.next()
        length = wizard.service_page.length
        length.setCurrentIndex(min(1, length.count() - 1))
    if step >= BookingWizard.ADDONS:
        wizard.next()
        ids = wizard.addons_page.picker.addon_ids()
        if ids:
            wizard.addons_page.picker.checkbox(ids[0]).setChecked(True)
    if step >= BookingWizard.TIME:
        wizard.next()
        _picked(session, desktop, wizard.time_page.picker, 1)
    if step >= BookingWizard.REVIEW:
        wizard.next()
        session.idle(desktop)
        review = wizard.review_page
        review.promo.field.setText("SPRING25")  # expired: the refusal says so
        review.promo.apply_button.click()
        session.idle(desktop)
        if review.account_form is not None:
            form = review.account_form
            form.full_name.setText("Zoë Ångström-Δημητρίου")
            form.email.setText("zoe.angstrom@example.com")
            form.phone.setText("+49 30 7654321")
            form.password.setText("a long password")
            form.confirm.setText("a long password")
        review.terms.check.setChecked(True)
    if step >= BookingWizard.PAYMENT:
        review = wizard.review_page
        review.promo.field.setText("WELCOME10")
        review.promo.apply_button.click()
        session.idle(desktop)
        wizard.next()
    if step >= BookingWizard.DONE:
        wizard.button(wizard.WizardButton.CommitButton).click()
        session.wait_until(lambda: wizard.currentId() == BookingWizard.DONE)
    session.idle(desktop)
    return wizard


def wizard_registered_email(sign_in: bool) -> Screen:
    """A visitor types an email that has an account: said under the field with "Sign in
    instead" (``sign_in``: clicked, the sign-in in place of the account form)."""

    def shoot(session: Session) -> QWidget:
        from podyx_desktop.demo import data as demo_data
        from podyx_desktop.views.booking.booking_wizard import BookingWizard

        wizard = _wizard(session, 4, visitor=True)
        assert isinstance(wizard, BookingWizard)
        form = wizard.review_page.account_form
        assert form is not None
        form.email.setText(demo_data.CLIENTS[0].email)
        session.wait_until(lambda: form.sign_in_instead.isVisible())
        if sign_in:
            form.sign_in_instead.click()
        else:
            wizard.review_page.scroll_area.ensureWidgetVisible(form.email)
        session.settle()
        return wizard

    return shoot


def _wizard_step(step: int, *, visitor: bool = False) -> Screen:
    return lambda session: _wizard(session, step, visitor=visitor)


def _bundles_tab(session: Session) -> tuple[DesktopApp, Any]:
    desktop = _as_client(session, ELENI)
    window = session.main_window(desktop)
    window.show_tab(1)
    session.idle(desktop)
    return desktop, window.bundles_tab


def redeem_dialog(confirm: bool) -> Screen:
    def shoot(session: Session) -> QWidget:
        desktop, tab = _bundles_tab(session)
        if not tab.redeem_button.isEnabled():
            return session.main_window(desktop)
        tab.open_redeem()
        dialog = tab.redeem_dialog
        assert dialog is not None
        dialog.resize(*DIALOG_SIZE)
        _picked(session, desktop, dialog.picker, 1)
        if confirm:
            dialog.go_to(dialog.CONFIRM)
            session.settle()
        return dialog

    return shoot


def buy_bundle_dialog(session: Session) -> QWidget:
    desktop, tab = _bundles_tab(session)
    tab.open_buy()
    dialog = tab.buy_dialog
    assert dialog is not None
    session.idle(desktop)
    dialog.promo.field.setText("WELCOME10")
    dialog.promo.apply_button.click()
    session.idle(desktop)
    dialog.terms.check.setChecked(True)
    session.settle()
    return dialog


def client_booking_notes(session: Session) -> QWidget:
    """A past session with the studio's note (a link) still unread: the row's and the tab's
    badges, and the note in the details, marked New."""
    desktop = _as_client(session, 0)  # the demo's first client has a session with notes
    window = session.main_window(desktop)
    tab = window.bookings_tab
    tab.show_past()
    session.wait_until(lambda: bool(tab.unread))
    booking_id = next(iter(tab.unread))
    tab._auto_selecting += 1  # shown, not opened by the client: the badges stay
    try:
        tab.select_booking(booking_id)
    finally:
        tab._auto_selecting -= 1
    session.wait_until(lambda: bool(tab.details.notes))
    session.idle(desktop)
    return window


SCREENS += [
    ("client-booking-notes", client_booking_notes),
    ("bookings-upcoming", _client_tab(0, ELENI)),
    ("bookings-past", bookings_past),
    ("bookings-cancel-confirm", bookings_cancel_confirm),
    ("bookings-reschedule", reschedule_dialog),
    ("bookings-add-addons", addons_dialog),
    ("wizard-1-setup", _wizard_step(0)),
    ("wizard-2-service", _wizard_step(1)),
    ("wizard-3-addons", _wizard_step(2)),
    ("wizard-4-time", _wizard_step(3)),
    ("wizard-5-review", _wizard_step(4)),
    ("wizard-5-review-new-client", _wizard_step(4, visitor=True)),
    ("wizard-5-review-registered-email", wizard_registered_email(sign_in=False)),
    ("wizard-5-review-sign-in-instead", wizard_registered_email(sign_in=True)),
    ("wizard-6-payment", _wizard_step(5)),
    ("wizard-7-booked", _wizard_step(6)),
    ("bundles-active", _client_tab(1, ELENI)),
    ("bundles-redeem-1-pick", redeem_dialog(confirm=False)),
    ("bundles-redeem-2-confirm", redeem_dialog(confirm=True)),
    ("bundles-buy", buy_bundle_dialog),
    ("purchases-details", _client_tab(2, SARAH)),
    ("client-dark", in_dark(_client_tab(0, ELENI))),  # the Bookings tab, dark
    ("client-de-bookings", in_german(_client_tab(0, ELENI))),  # the Bookings tab, German
    ("client-de-account", in_german(account_language)),  # Account: the language choice
]
# === end of the tabs helper's screens ====================================================


# === document downloads (PDF helper) ======================================================
# The receipt download: the native save dialog is answered with a file in the screenshots'
# temporary folder (the real dialog is the platform's, not ours), then the offer to open it.


def purchases_download_saved(session: Session) -> QWidget:
    from PySide6.QtWidgets import QFileDialog

    desktop = _as_client(session, SARAH)
    window = session.main_window(desktop)
    window.show_tab(2)
    session.idle(desktop)
    tab = window.purchases_tab
    paid = next(r for r in tab.model.rows() if r.receipt_number)  # a receipt, not a pro-forma
    tab.select_purchase(paid.id)
    session.settle()
    folder = session.folder / "Documents"
    folder.mkdir(exist_ok=True)

    def answer(_parent: Any, _title: str, start: str, filters: str, *_rest: Any) -> Any:
        return str(folder / Path(start).name), filters

    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(answer)  # type: ignore[method-assign,assignment]
    try:
        tab.download_button.click()
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
    session.wait_until(lambda: tab.downloads.offer is not None)
    session.settle()
    box = tab.downloads.offer
    assert box is not None
    return box


SCREENS += [
    ("purchases-download-saved", purchases_download_saved),
]
# === end of the PDF helper's screens =====================================================


# === shared files (files helper) ==========================================================
# The demo's first client has a stored rough mix and a link to the final edit on a session;
# the folder chooser is answered with a folder of the screenshots' temporary folder.

FILES_CLIENT = 0  # podyx_desktop.demo.data.CLIENTS[0]: a completed session with files


def client_files(session: Session) -> QWidget:
    from podyx_desktop.views.profile.files_tab import FilesTab

    desktop = _as_client(session, FILES_CLIENT)
    window = session.main_window(desktop)
    window.show_tab(4)
    tab = window.files_tab
    session.wait_until(lambda: tab.model.rowCount() > 1)
    stored = next(r for r in tab.model.rows() if r.external_url is None)
    folder = session.folder / "Downloads"
    folder.mkdir(exist_ok=True)
    tab.select_file(stored.id)
    original = FilesTab.ask_folder
    FilesTab.ask_folder = lambda self: str(folder)  # type: ignore[method-assign]
    try:
        tab.download_button.click()
    finally:
        FilesTab.ask_folder = original  # type: ignore[method-assign]
    session.wait_until(lambda: "Checksum verified" in tab.result_label.text())
    session.idle(desktop)
    tab.select_file(stored.id)
    session.settle()
    return window


SCREENS += [
    ("client-files", client_files),
]
# === end of the files helper's screens ====================================================


SCREENS += STAFF_SCREENS
SCREENS += SERVER_SCREENS


# --- running -------------------------------------------------------------------------------


def demo_database(folder: Path) -> tuple[str, str, str]:
    """A demo studio in ``folder``; its URL and a client's login."""
    from podyx_desktop.db.engine import Database, sqlite_url
    from podyx_desktop.db.migrate import upgrade_to_head
    from podyx_desktop.demo.load import load_demo
    from podyx_desktop.services import Services

    url = sqlite_url(folder / "demo.sqlite3")
    db = Database(url)
    upgrade_to_head(db)
    logins = load_demo(Services(db))
    db.dispose()
    client = next(login for login in logins.logins if login.role == "client")
    return url, client.email, client.password


def isolate_settings(folder: Path) -> None:
    QCoreApplication.setOrganizationName("PodyxScreenshots")
    QCoreApplication.setApplicationName("Podyx Desktop Screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / scope.name))


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    wanted = set(args[1:])
    out.mkdir(parents=True, exist_ok=True)
    os.environ.pop("PODYX_BENCH_MARKERS", None)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    load_stylesheet(app)
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="podyx-shots-") as temporary:
        folder = Path(temporary)
        isolate_settings(folder)
        print("loading the demo studio …", flush=True)
        url, email, password = demo_database(folder)
        session = Session(app, url, email, password, folder, out)
        for name, shoot in SCREENS:
            if wanted and name not in wanted:
                continue
            try:
                widget = shoot(session)
                session.settle(0.3)
                path = out / f"{name}.png"
                if not widget.grab().save(str(path)):
                    raise OSError(f"cannot write {path}")
                print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
            finally:
                session.close_all()
                palette.follow_system()  # after a dark screen
                UiSettings().language = ""  # after a German one
    return 0


if __name__ == "__main__":
    sys.exit(main())
