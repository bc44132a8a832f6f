"""The Bundles tab: active, expired and used-up bundles with sessions remaining and
redeemed, expiry and the credit ledger; redeeming a session (two steps, no payment) and
buying a new bundle."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.records import Bundle, BundleLedgerEntry, BundleResult
from podyx_desktop.models.bundles import (
    BundleLedgerModel,
    BundlesTableModel,
    bundle_groups,
)
from podyx_desktop.models.display import DisplayFormat, duration_text
from podyx_desktop.models.labels import bundle_state_text
from podyx_desktop.operations.bundles import load_bundle_ledger, load_client_bundles
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.document_actions import DocumentDownload, statement_request
from podyx_desktop.views.common.reasons import show_reason
from podyx_desktop.views.common.tables import current_record, record_table, select_where
from podyx_desktop.views.common.text_style import bold
from podyx_desktop.views.profile.buy_bundle_dialog import BuyBundleDialog
from podyx_desktop.views.profile.profile_tab import ProfileSubject, ProfileTab, warming
from podyx_desktop.views.profile.redeem_dialog import RedeemDialog

if TYPE_CHECKING:
    pass


class BundlesTab(ProfileTab):
    SHOWS = (Kind.BUNDLES, Kind.BOOKINGS, Kind.CATALOGUE)

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget | None = None,
        *,
        subject: ProfileSubject | None = None,
    ) -> None:
        super().__init__(ctx, parent, subject=subject, object_name="BundlesTab")
        self._select_after_load: int | None = None
        self.redeem_dialog: RedeemDialog | None = None
        self.buy_dialog: BuyBundleDialog | None = None
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        # Every widget is created in its final parent: moving a widget under a new parent
        # makes the style sheet polish it (and everything inside it) again, which cost
        # more than building the tab (bench/gui_lag.py).
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter)
        left = QWidget(splitter)
        right = QWidget(splitter)  # the details: built in the next turn

        groups = QVBoxLayout()
        self.views: list[QTableView] = []
        # one model per group (models.bundles.bundle_groups): active, expired, used up
        self.models: list[BundlesTableModel] = []
        self._empty_labels: list[QLabel] = []
        for title, name, empty in (
            (self.tr("Active"), self.tr("Active bundles"), self.tr("No active bundles.")),
            (self.tr("Expired"), self.tr("Expired bundles"), self.tr("None expired.")),
            (self.tr("Used up"), self.tr("Used-up bundles"), self.tr("None used up.")),
        ):
            model = BundlesTableModel(self.display, self)
            box = QGroupBox(title, left)
            view = record_table(model, name, box)
            view.selectionModel().selectionChanged.connect(
                lambda *_a, v=view: self._selection_changed(v)
            )
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(view)
            empty_label = QLabel(empty, box)
            empty_label.setObjectName("Muted")
            box_layout.addWidget(empty_label)
            groups.addWidget(box, 1 if self.views else 2)
            self.views.append(view)
            self.models.append(model)
            self._empty_labels.append(empty_label)
        groups.addStretch(0)
        self.active_view, self.expired_view, self.used_up_view = self.views
        self.buy_button = QPushButton(self.tr("&Buy a bundle…"), left)
        self.buy_button.setAccessibleName(self.tr("Buy a bundle"))
        self.buy_button.clicked.connect(self.open_buy)
        self.list_message = QLabel(left)
        self.list_message.setObjectName("Muted")
        self.list_message.setWordWrap(True)

        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.list_message, 1)
        top.addWidget(self.buy_button)
        left_layout.addLayout(top)
        left_layout.addLayout(groups, 1)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])  # proportions of the first layout
        splitter.setChildrenCollapsible(False)
        self._update_groups()
        self.build_later(lambda: self._build_details(right))

    def _build_details(self, right: QWidget) -> None:
        """The selected bundle's details and history, and what may be done with it."""
        self.body = QWidget(right)
        body_parent = self.body
        self.title = QLabel(body_parent)
        self.title.setObjectName("PageTitle")
        self.title.setWordWrap(True)
        self.placeholder = QLabel(self.tr("Select a bundle to see its sessions."), right)
        self.placeholder.setObjectName("Muted")
        self.remaining_label = QLabel(body_parent)
        self.redeemed_label = QLabel(body_parent)
        self.expires_label = QLabel(body_parent)
        self.bought_label = QLabel(body_parent)
        self.state_label = QLabel(body_parent)
        self.issued_label = QLabel(body_parent)
        self.issued_label.setWordWrap(True)
        self.form = QFormLayout()
        for text, field in (
            (self.tr("Sessions remaining:"), self.remaining_label),
            (self.tr("Sessions redeemed:"), self.redeemed_label),
            (self.tr("Expires:"), self.expires_label),
            (self.tr("Bought:"), self.bought_label),
            (self.tr("State:"), self.state_label),
            (self.tr("Issued:"), self.issued_label),
        ):
            label = QLabel(text, body_parent)
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.ledger_model = BundleLedgerModel(self.display, self)
        self.ledger_view = record_table(
            self.ledger_model,
            self.tr("Bundle history"),
            body_parent,
            stretch_column=1,
            sortable=False,
        )
        self.redeem_button = QPushButton(self.tr("&Redeem a session…"), body_parent)
        self.redeem_button.setAccessibleName(self.tr("Redeem a session"))
        self.redeem_button.clicked.connect(self.open_redeem)
        self.redeem_reason = QLabel(body_parent)
        self.redeem_reason.setWordWrap(True)
        self.redeem_reason.setObjectName("Muted")
        self.downloads = DocumentDownload(self._ctx, self)
        self.download_button = QPushButton(self.tr("&Download statement…"), body_parent)
        self.download_button.setAccessibleName(self.tr("Download the bundle statement"))
        self.download_button.clicked.connect(self.download_statement)
        self.feedback = QLabel(right)
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("Feedback")

        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addLayout(self.form)
        history = QLabel(self.tr("History"), body_parent)
        bold(history)
        body.addWidget(history)
        body.addWidget(self.ledger_view, 1)
        redeem_row = QHBoxLayout()
        redeem_row.addWidget(self.redeem_button)
        redeem_row.addWidget(self.redeem_reason, 1)
        redeem_row.addWidget(self.download_button)
        body.addLayout(redeem_row)

        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.placeholder, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addWidget(self.body, 1)
        right_layout.addWidget(self.feedback)
        order = [self.buy_button, *self.views, self.ledger_view, self.redeem_button]
        order.append(self.download_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self._show_bundle(None)

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        client_id = self.client_id
        self.buy_button.setEnabled(client_id is not None)
        if client_id is None:
            self._show_groups([])
            self.list_message.setText(self.tr("Sign in to see your bundles."))
            return
        principal = self._ctx.user.principal
        display = self.display
        self._loading += 1

        load_client_bundles(self._ctx, principal, client_id).on_worker(warming(display)).success(
            self._loaded
        ).failure(self._load_failed).run(self)

    def _loaded(self, bundles: list[Bundle]) -> None:
        self._loading -= 1
        selected = self.selected_bundle()
        wanted = self._select_after_load or (selected.id if selected else None)
        self._select_after_load = None
        self._show_groups(bundles)
        self.list_message.setText(
            "" if bundles else self.tr("No bundles yet. A bundle is a set of prepaid sessions.")
        )
        if wanted is not None and self.select_bundle(wanted):
            return
        # Show the first bundle, preferring an active one.
        for view, model in zip(self.views, self.models, strict=True):
            if model.rowCount():
                view.selectRow(0)
                return
        self._show_bundle(None)

    def bundles(self) -> list[Bundle]:
        """Every bundle shown, group by group."""
        return [bundle for model in self.models for bundle in model.rows()]

    def _show_groups(self, bundles: list[Bundle]) -> None:
        for model, group in zip(self.models, bundle_groups(bundles), strict=True):
            model.set_rows(group)
        self._update_groups()

    def _update_groups(self) -> None:
        """An empty group shrinks to one line saying so."""
        for view, model, label in zip(self.views, self.models, self._empty_labels, strict=True):
            empty = model.rowCount() == 0
            view.setVisible(not empty)
            label.setVisible(empty)
            box = view.parentWidget()
            if box is not None:
                box.setSizePolicy(
                    box.sizePolicy().horizontalPolicy(),
                    QSizePolicy.Policy.Maximum if empty else QSizePolicy.Policy.Preferred,
                )

    def _load_failed(self, message: str) -> None:
        self._loading -= 1
        self.list_message.setText(message)

    # --- selection ----------------------------------------------------------------------

    def selected_bundle(self) -> Bundle | None:
        for view in self.views:
            record = current_record(view)
            if isinstance(record, Bundle):
                return record
        return None

    def select_bundle(self, bundle_id: int) -> bool:
        for view in self.views:
            if select_where(view, lambda r: isinstance(r, Bundle) and r.id == bundle_id):
                return True
        return False

    def _selection_changed(self, source: QTableView, *_args: QItemSelection) -> None:
        record = current_record(source)
        if isinstance(record, Bundle):
            for view in self.views:
                if view is not source:
                    view.clearSelection()
            self._show_bundle(record)
        elif self.selected_bundle() is None:
            self._show_bundle(None)

    def _show_bundle(self, bundle: Bundle | None) -> None:
        self.placeholder.setVisible(bundle is None)
        self.body.setVisible(bundle is not None)
        self.ledger_model.set_rows([])
        if bundle is None:
            self.redeem_button.setEnabled(False)
            self.redeem_reason.setText(self.tr("Select an active bundle to redeem a session."))
            return
        d = self.display
        self.title.setText(
            self.tr("{name} — sessions of {length}").format(
                name=bundle.name, length=duration_text(bundle.session_minutes)
            )
        )
        self.remaining_label.setText(
            self.tr("{left} of {total}").format(
                left=bundle.sessions_remaining, total=bundle.sessions_total
            )
        )
        self.redeemed_label.setText(str(bundle.sessions_redeemed))
        self.expires_label.setText(
            d.day(bundle.expires_at) if bundle.expires_at else self.tr("Never")
        )
        self.bought_label.setText(d.day(bundle.purchased_at))
        self.state_label.setText(bundle_state_text(bundle.state))
        self.form.setRowVisible(self.issued_label, bool(bundle.issued_reason))
        self.issued_label.setText(
            self.tr("By the studio: {reason}").format(reason=bundle.issued_reason)
        )
        reason = self._redeem_refusal(bundle)
        show_reason(self.redeem_button, self.redeem_reason, reason is None, reason or "")
        principal = self._ctx.user.principal
        bundle_id = bundle.id
        load_bundle_ledger(self._ctx, principal, bundle_id).success(
            lambda entries: self._ledger_loaded(bundle_id, entries)
        ).failure(self.feedback.setText).run(self)

    def _ledger_loaded(self, bundle_id: int, entries: list[BundleLedgerEntry]) -> None:
        current = self.selected_bundle()
        if current is not None and current.id == bundle_id:
            self.ledger_model.set_rows(entries)

    def _redeem_refusal(self, bundle: Bundle) -> str | None:
        if bundle.state == "awaiting_payment":
            return self.tr("Usable once the studio has recorded your payment.")
        if bundle.state == "refunded":
            return self.tr("This bundle was refunded.")
        if bundle.state == "expired":
            return self.tr("This bundle has expired.")
        if bundle.sessions_remaining <= 0:
            return self.tr("No sessions left in this bundle.")
        return None

    # --- actions -------------------------------------------------------------------------

    @Slot()
    def open_redeem(self) -> None:
        bundle = self.selected_bundle()
        if bundle is None or self._redeem_refusal(bundle) is not None:
            return
        dialog = RedeemDialog(self._ctx, bundle, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.redeemed.connect(self._redeemed)
        self.redeem_dialog = dialog
        dialog.open()

    @Slot(str)
    def _redeemed(self, when: str) -> None:
        self.redeem_dialog = None
        self.feedback.setText(
            self.words(
                self.tr("Session booked for {when}. It is in your bookings."),
                self.tr("Session booked for {name} on {when}."),
                when=when,
            )
        )

    @Slot()
    def open_buy(self) -> None:
        dialog = BuyBundleDialog(self._ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.bought.connect(self._bought)
        self.buy_dialog = dialog
        dialog.open()

    @Slot()
    def download_statement(self) -> None:
        bundle = self.selected_bundle()
        if bundle is not None:
            self.downloads.start(statement_request(self._ctx, bundle))

    @Slot(object)
    def _bought(self, result: BundleResult) -> None:
        self.buy_dialog = None
        purchase = result.purchase
        if purchase is not None and purchase.receipt_number:
            text = self.tr("Bundle bought. Receipt {number}.").format(
                number=purchase.receipt_number
            )
        else:
            text = self.tr(
                "Bundle ordered. You can use it once the studio has recorded your payment."
            )
        self.feedback.setText(text)
        self._select_after_load = result.bundle_id
