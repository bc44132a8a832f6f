"""Use cases, one transaction each, behind one :class:`Services` façade.

Every call takes the acting :class:`~podyx_desktop.domain.principal.Principal` first and
checks it; every call returns domain records, never ORM objects; every refusal is a
:class:`~podyx_desktop.domain.errors.PodyxError` a user can act on. No Qt here.

Each service's module is imported the first time the service is asked for, so the app's
start-up (a remembered sign-in and a client's bookings) does not import checkout, bundles,
reports, exports and the rest before the window shows. Importing this package imports
neither SQLAlchemy nor the services: the start-up reads (:mod:`.startup`) run before either.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from podyx_desktop.db.engine import Database
    from podyx_desktop.domain.changes import Changes
    from podyx_desktop.services.accounts import AccountService
    from podyx_desktop.services.audit_log import AuditService
    from podyx_desktop.services.availability import AvailabilityService
    from podyx_desktop.services.bookings import BookingService
    from podyx_desktop.services.bundles import BundleService
    from podyx_desktop.services.catalogue import CatalogueService
    from podyx_desktop.services.catalogue_edit import CatalogueEditService
    from podyx_desktop.services.checkout import CheckoutService
    from podyx_desktop.services.client_copy import ClientCopyService
    from podyx_desktop.services.client_totals import TotalsService
    from podyx_desktop.services.clients import ClientService
    from podyx_desktop.services.context import Clock
    from podyx_desktop.services.day_close import DayCloseService
    from podyx_desktop.services.desk_clients import DeskClientService
    from podyx_desktop.services.exports import ExportService
    from podyx_desktop.services.files import FileService
    from podyx_desktop.services.notes import NoteService
    from podyx_desktop.services.payment_queue import PaymentQueueService
    from podyx_desktop.services.purchases import PurchaseService
    from podyx_desktop.services.reminders import ReminderService
    from podyx_desktop.services.reports import ReportService
    from podyx_desktop.services.staff import StaffService
    from podyx_desktop.services.studio_setup import StudioSetupService
    from podyx_desktop.services.waitlist import WaitlistService

T = TypeVar("T")


class Services:
    """All use cases over one database. Cheap to build; holds no connection of its own."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock | None = None,
        hasher: PasswordHasher | None = None,
    ) -> None:
        from podyx_desktop.services.context import ServiceContext, default_hasher, system_clock

        self.context = ServiceContext(
            db=db, clock=clock or system_clock, hasher=hasher or default_hasher()
        )
        self.db = db

    def call(self, fn: Callable[[], T]) -> tuple[T, Changes]:
        """Run ``fn`` (service calls) and return its result with what its committed writes
        changed: ``services.call(lambda: services.bookings.cancel(p, 17))``."""
        with self.db.collect_changes() as collected:
            result = fn()
        return result, collected.changes

    @cached_property
    def accounts(self) -> AccountService:
        from podyx_desktop.services.accounts import AccountService

        return AccountService(self.context)

    @cached_property
    def catalogue(self) -> CatalogueService:
        from podyx_desktop.services.catalogue import CatalogueService

        return CatalogueService(self.context)

    @cached_property
    def availability(self) -> AvailabilityService:
        from podyx_desktop.services.availability import AvailabilityService

        return AvailabilityService(self.context)

    @cached_property
    def purchases(self) -> PurchaseService:
        from podyx_desktop.services.purchases import PurchaseService

        return PurchaseService(self.context)

    @cached_property
    def bookings(self) -> BookingService:
        from podyx_desktop.services.bookings import BookingService

        return BookingService(self.context, self.purchases)

    @cached_property
    def checkout(self) -> CheckoutService:
        from podyx_desktop.services.checkout import CheckoutService

        return CheckoutService(self.context, self.accounts, self.bookings)

    @cached_property
    def bundles(self) -> BundleService:
        from podyx_desktop.services.bundles import BundleService

        return BundleService(self.context, self.bookings)

    @cached_property
    def clients(self) -> ClientService:
        from podyx_desktop.services.clients import ClientService

        return ClientService(self.context)

    @cached_property
    def desk_clients(self) -> DeskClientService:
        from podyx_desktop.services.desk_clients import DeskClientService

        return DeskClientService(self.context)

    @cached_property
    def totals(self) -> TotalsService:
        from podyx_desktop.services.client_totals import TotalsService

        return TotalsService(self.context)

    @cached_property
    def notes(self) -> NoteService:
        from podyx_desktop.services.notes import NoteService

        return NoteService(self.context)

    @cached_property
    def files(self) -> FileService:
        from podyx_desktop.services.files import FileService

        return FileService(self.context)

    @cached_property
    def audit(self) -> AuditService:
        from podyx_desktop.services.audit_log import AuditService

        return AuditService(self.context)

    @cached_property
    def reports(self) -> ReportService:
        from podyx_desktop.services.reports import ReportService

        return ReportService(self.context, self.bundles)

    @cached_property
    def exports(self) -> ExportService:
        from podyx_desktop.services.exports import ExportService

        return ExportService(self.context, self.purchases, self.reports)

    @cached_property
    def payment_queue(self) -> PaymentQueueService:
        from podyx_desktop.services.payment_queue import PaymentQueueService

        return PaymentQueueService(self.context, self.purchases)

    @cached_property
    def day_close(self) -> DayCloseService:
        from podyx_desktop.services.day_close import DayCloseService

        return DayCloseService(self.context)

    @cached_property
    def catalogue_edit(self) -> CatalogueEditService:
        from podyx_desktop.services.catalogue_edit import CatalogueEditService

        return CatalogueEditService(self.context)

    @cached_property
    def studio_setup(self) -> StudioSetupService:
        from podyx_desktop.services.studio_setup import StudioSetupService

        return StudioSetupService(self.context, self.accounts)

    @cached_property
    def staff(self) -> StaffService:
        from podyx_desktop.services.staff import StaffService

        return StaffService(self.context, self.accounts)

    @cached_property
    def client_copy(self) -> ClientCopyService:
        from podyx_desktop.services.client_copy import ClientCopyService

        return ClientCopyService(self.context)

    @cached_property
    def waitlist(self) -> WaitlistService:
        from podyx_desktop.services.waitlist import WaitlistService

        return WaitlistService(self.context)

    @cached_property
    def reminders(self) -> ReminderService:
        from podyx_desktop.services.reminders import ReminderService

        return ReminderService(self.context)
