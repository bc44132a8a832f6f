"""The data behind the PDFs: session summaries and bundle statements, for their owner or staff."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from podyx_desktop.db import tables as t
from podyx_desktop.domain import records as r
from podyx_desktop.domain.errors import NotFound
from podyx_desktop.domain.message import m
from podyx_desktop.domain.principal import Principal
from podyx_desktop.services import mapping, purchase_records
from podyx_desktop.services.booking_records import booking_events, booking_records
from podyx_desktop.services.bundles import BundleService
from podyx_desktop.services.context import ServiceContext, owned, studio


class ReportService:
    def __init__(self, ctx: ServiceContext, bundles: BundleService) -> None:
        self._ctx = ctx
        self._bundles = bundles

    def session_summary(self, principal: Principal, booking_id: int) -> r.SessionSummary:
        """A booking with its history, client-visible notes, files and payments.

        Internal notes are never included, whoever asks: the summary is for the client;
        nor are retracted (deleted) ones.
        """
        with self._ctx.db.read() as session:
            row = session.get(t.Booking, booking_id, options=[selectinload(t.Booking.addons)])
            if row is None:
                raise NotFound(m("That booking does not exist."))
            owned(session, principal, row.client_id, "booking")
            booking = booking_records(session, [row])[0]
            notes = session.execute(
                select(t.StudioNote, t.User.full_name)
                .outerjoin(t.User, t.User.id == t.StudioNote.author_id)
                .where(
                    t.StudioNote.booking_id == row.id,
                    t.StudioNote.internal.is_(False),
                    t.StudioNote.retracted_at.is_(None),  # a retracted note is no longer said
                )
                .order_by(t.StudioNote.created_at)
            )
            files = session.scalars(
                select(t.SharedFile)
                .where(t.SharedFile.booking_id == row.id, t.SharedFile.revoked_at.is_(None))
                .order_by(t.SharedFile.created_at)
            ).all()
            purchase_ids = {row.purchase_id} | {a.purchase_id for a in row.addons}
            purchases = session.scalars(
                select(t.Purchase)
                .where(
                    or_(
                        t.Purchase.id.in_(purchase_ids - {None}),
                        t.Purchase.refund_of_id.in_(purchase_ids - {None}),
                    )
                )
                .options(selectinload(t.Purchase.lines), selectinload(t.Purchase.vat_rates))
                .order_by(t.Purchase.created_at, t.Purchase.id)
            ).all()
            return r.SessionSummary(
                studio=mapping.studio_info(studio(session)),
                booking=booking,
                events=tuple(booking_events(session, row)),
                notes=tuple(mapping.studio_note(n, name or "Studio") for n, name in notes),
                files=tuple(
                    r.SharedFile(
                        f.id,
                        f.client_id,
                        f.booking_id,
                        f.name,
                        f.media_type,
                        f.size_bytes,
                        f.sha256,
                        f.external_url,
                        f.created_at,
                    )
                    for f in files
                ),
                purchases=tuple(purchase_records.purchases(session, list(purchases))),
            )

    def bundle_statement(self, principal: Principal, bundle_id: int) -> r.BundleStatement:
        bundles = self._bundles
        with self._ctx.db.read() as session:
            row = session.get(t.Bundle, bundle_id)
            if row is None:
                raise NotFound(m("That bundle does not exist."))
            owned(session, principal, row.client_id, "bundle")
            client = session.get(t.User, row.client_id)
            assert client is not None
            purchase = None
            if row.purchase_id is not None:
                p = session.get(
                    t.Purchase, row.purchase_id, options=[selectinload(t.Purchase.lines)]
                )
                purchase = purchase_records.purchases(session, [p])[0] if p else None
            return r.BundleStatement(
                studio=mapping.studio_info(studio(session)),
                client=r.Party(
                    client.full_name,
                    client.email,
                    client.phone,
                    client.company,
                    client.vat_id,
                    mapping.address_of(client),
                ),
                bundle=bundles.records(session, [row])[0],
                purchase=purchase,
                entries=tuple(bundles.ledger_in_session(session, row)),
            )
