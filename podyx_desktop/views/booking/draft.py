"""What the booking wizard's pages share: the draft the client fills in, and the narrow
view of the wizard the later pages work with (so they do not import the wizard, which
imports them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from podyx_desktop.domain.requests import AddonChoice, SessionCart

if TYPE_CHECKING:
    from podyx_desktop.domain.availability import Slot
    from podyx_desktop.domain.records import Addon, BookingResult, Service, Setup, SignedIn
    from podyx_desktop.domain.requests import Quote
    from podyx_desktop.models.display import DisplayFormat
    from podyx_desktop.views.common.context import ViewContext
    from podyx_desktop.views.common.sign_up import AccountForm


@dataclass
class BookingDraft:
    """What the client has chosen so far."""

    setup: Setup | None = None
    service: Service | None = None
    minutes: int = 0
    addons: list[tuple[Addon, int]] = field(default_factory=list)
    slot: Slot | None = None
    quote: Quote | None = None
    promo_code: str | None = None  # only a code the last quote accepted

    def cart(self) -> SessionCart:
        assert self.setup is not None and self.service is not None
        choices = tuple(AddonChoice(a.id, quantity) for a, quantity in self.addons)
        return SessionCart(self.setup.id, self.service.id, self.minutes, choices)


class Terms(Protocol):
    def accepted(self) -> bool: ...


class Review(Protocol):
    """What the payment page reads from the review page: the account to create, and
    whether the terms are accepted."""

    @property
    def account_form(self) -> AccountForm | None: ...

    @property
    def needs_new_account(self) -> bool: ...

    @property
    def terms(self) -> Terms: ...


class Checkout(Protocol):
    """What the review, payment and done pages need from the wizard they sit in."""

    ctx: ViewContext
    display: DisplayFormat
    draft: BookingDraft
    booking_result: BookingResult | None

    @property
    def is_visitor(self) -> bool: ...

    @property
    def review_page(self) -> Review: ...

    def sign_in_at_checkout(self, signed_in: SignedIn) -> None: ...

    def finish_booking(self, result: BookingResult) -> None: ...
