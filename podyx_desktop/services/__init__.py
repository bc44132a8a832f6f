"""Use cases, one transaction each, behind one :class:`Services` façade.

Every call takes the acting :class:`~podyx_desktop.domain.principal.Principal` first and
checks it; every call returns domain records, never ORM objects; every refusal is a
:class:`~podyx_desktop.domain.errors.PodyxError` a user can act on. No Qt here.
"""

from __future__ import annotations

from argon2 import PasswordHasher

from podyx_desktop.db.engine import Database
from podyx_desktop.services.accounts import AccountService
from podyx_desktop.services.audit_log import AuditService
from podyx_desktop.services.availability import AvailabilityService
from podyx_desktop.services.bookings import BookingService
from podyx_desktop.services.bundles import BundleService
from podyx_desktop.services.catalogue import CatalogueService
from podyx_desktop.services.checkout import CheckoutService
from podyx_desktop.services.clients import ClientService
from podyx_desktop.services.context import Clock, ServiceContext, default_hasher, system_clock
from podyx_desktop.services.exports import ExportService
from podyx_desktop.services.files import FileService
from podyx_desktop.services.notes import NoteService
from podyx_desktop.services.purchases import PurchaseService
from podyx_desktop.services.reports import ReportService


class Services:
    """All use cases over one database. Cheap to build; holds no connection of its own."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock = system_clock,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.context = ServiceContext(db=db, clock=clock, hasher=hasher or default_hasher())
        ctx = self.context
        self.db = db
        self.accounts = AccountService(ctx)
        self.catalogue = CatalogueService(ctx)
        self.availability = AvailabilityService(ctx)
        self.purchases = PurchaseService(ctx)
        self.bookings = BookingService(ctx, self.purchases)
        self.checkout = CheckoutService(ctx, self.accounts, self.bookings)
        self.bundles = BundleService(ctx, self.bookings)
        self.clients = ClientService(ctx)
        self.notes = NoteService(ctx)
        self.files = FileService(ctx)
        self.audit = AuditService(ctx)
        self.reports = ReportService(ctx, self.bundles)
        self.exports = ExportService(ctx, self.purchases, self.reports)
