"""Bundles: the client's bundles, a bundle's credit ledger, and bundle products on sale."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from podyx_desktop.domain.message import shown_stored
from podyx_desktop.domain.records import Bundle, BundleLedgerEntry, BundleProduct
from podyx_desktop.models.base import RecordListModel, RecordTableModel
from podyx_desktop.models.display import duration_text
from podyx_desktop.models.labels import bundle_state_text, ledger_kind_text

# The tab's three groups, by the service's bundle state.
ACTIVE_STATES = frozenset({"active", "awaiting_payment"})
EXPIRED_STATES = frozenset({"expired", "refunded"})
USED_UP_STATES = frozenset({"used_up"})
GROUP_STATES = (ACTIVE_STATES, EXPIRED_STATES, USED_UP_STATES)


class BundlesTableModel(RecordTableModel[Bundle]):
    """Bundle, Left (sessions remaining), Redeemed, Expires, Bought, State."""

    NAME, REMAINING, REDEEMED, EXPIRES, BOUGHT, STATE = range(6)
    NUMERIC_COLUMNS = frozenset({REMAINING, REDEEMED})

    def column_titles(self) -> list[str]:
        return [
            self.tr("Bundle"),
            self.tr("Left"),
            self.tr("Redeemed"),
            self.tr("Expires"),
            self.tr("Bought"),
            self.tr("State"),
        ]

    def column_text(self, record: Bundle, column: int) -> str:
        if column == self.NAME:
            return record.name
        if column == self.REMAINING:
            return self.tr("{left} of {total}").format(
                left=record.sessions_remaining, total=record.sessions_total
            )
        if column == self.REDEEMED:
            return str(record.sessions_redeemed)
        if column == self.EXPIRES:
            if record.expires_at is None:
                return self.tr("Never")
            return self.display.day(record.expires_at)
        if column == self.BOUGHT:
            return self.display.day(record.purchased_at)
        if column == self.STATE:
            return bundle_state_text(record.state)
        return ""

    def column_sort_key(self, record: Bundle, column: int) -> Any:
        if column == self.REMAINING:
            return record.sessions_remaining
        if column == self.REDEEMED:
            return record.sessions_redeemed
        if column == self.EXPIRES:
            return record.expires_at.timestamp() if record.expires_at else float("inf")
        if column == self.BOUGHT:
            return record.purchased_at.timestamp()
        return super().column_sort_key(record, column)

    def column_tooltip(self, record: Bundle, column: int) -> str | None:
        if column == self.STATE and record.state == "awaiting_payment":
            return self.tr("Usable once the studio has recorded your payment.")
        if column == self.NAME:
            text = self.tr("{name}: sessions of {length}").format(
                name=record.name, length=duration_text(record.session_minutes)
            )
            if record.issued_reason:
                text += "\n" + self.tr("Issued by the studio: {reason}").format(
                    reason=record.issued_reason
                )
            return text
        return None

    def row_of(self, bundle_id: int) -> int:
        return self.find_row(lambda b: b.id == bundle_id)


def bundle_groups(bundles: Iterable[Bundle]) -> tuple[list[Bundle], list[Bundle], list[Bundle]]:
    """The tab's three groups, each in the given order: active (or awaiting payment),
    expired (or refunded), used up. A group is a model of its own rather than a filter over
    one model of them all: a sort/filter proxy calls its source (Python) for every row it
    filters or compares and every cell it paints."""
    groups: tuple[list[Bundle], list[Bundle], list[Bundle]] = ([], [], [])
    for bundle in bundles:
        for group, states in zip(groups, GROUP_STATES, strict=True):
            if bundle.state in states:
                group.append(bundle)
                break
    return groups


class BundleLedgerModel(RecordTableModel[BundleLedgerEntry]):
    """When, What, Session, Change, Left: how a bundle's credit moved."""

    WHEN, WHAT, SESSION, CHANGE, LEFT = range(5)
    NUMERIC_COLUMNS = frozenset({CHANGE, LEFT})

    def column_titles(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("What"),
            self.tr("Session"),
            self.tr("Change"),
            self.tr("Left"),
        ]

    def column_text(self, record: BundleLedgerEntry, column: int) -> str:
        if column == self.WHEN:
            return self.display.day(record.at)
        if column == self.WHAT:
            kind = ledger_kind_text(record.kind)
            return f"{kind}: {shown_stored(record.note)}" if record.note else kind
        if column == self.SESSION:
            return (
                self.display.date_time(record.session_starts_at) if record.session_starts_at else ""
            )
        if column == self.CHANGE:
            return f"{record.change:+d}"
        if column == self.LEFT:
            return str(record.remaining_after)
        return ""

    def column_sort_key(self, record: BundleLedgerEntry, column: int) -> Any:
        if column == self.WHEN:
            return record.at.timestamp()
        if column == self.SESSION:
            return record.session_starts_at.timestamp() if record.session_starts_at else 0.0
        if column == self.CHANGE:
            return record.change
        if column == self.LEFT:
            return record.remaining_after
        return super().column_sort_key(record, column)


class BundleProductsModel(RecordListModel[BundleProduct]):
    """Bundle products on sale, each with its sessions, validity and price."""

    def item_text(self, record: BundleProduct) -> str:
        validity = (
            self.tr("valid {days} days").format(days=record.validity_days)
            if record.validity_days
            else self.tr("never expires")
        )
        return self.tr("{name} — {sessions} sessions of {length}, {validity} — {price}").format(
            name=record.name,
            sessions=record.sessions,
            length=duration_text(record.session_minutes),
            validity=validity,
            price=self.display.money(record.price_minor),
        )

    def item_tooltip(self, record: BundleProduct) -> str | None:
        return record.description or None

    def item_sort_key(self, record: BundleProduct) -> Any:
        return record.price_minor

    def row_of(self, product_id: int) -> int:
        return self.find_row(lambda p: p.id == product_id)
