"""Receipts print the studio's registration number and bank details as they were when
the purchase was made; a service retired later still shows on its old receipt."""

from __future__ import annotations

from datetime import date

import pytest

from podyx_desktop.documents import render_receipt
from podyx_desktop.domain.enums import PaymentMethod
from podyx_desktop.domain.setup import Retirable, TaxSettings
from podyx_desktop.services import Services
from tests.factories import Studio, build_studio

from .pdfcheck import Pdf

DAY = date(2026, 6, 3)


@pytest.fixture
def studio(services: Services) -> Studio:
    return build_studio(services)


def test_billing_details_as_they_were_and_a_retired_service_on_an_old_receipt(
    studio: Studio,
) -> None:
    s = studio.services
    s.studio_setup.set_tax_settings(
        studio.owner,
        TaxSettings(
            True, 1900, "DE123456789", "HRB 123456 B", "Berliner Bank\nIBAN DE02 1001 0010"
        ),
    )
    ann = studio.client()
    booked = studio.book(ann, studio.at(DAY, 10))
    assert booked.purchase is not None
    paid = s.purchases.record_payment(studio.desk, booked.purchase.id, PaymentMethod.CASH)

    # the studio changes its bank and retires the service afterwards
    s.studio_setup.set_tax_settings(
        studio.owner, TaxSettings(True, 1900, "DE123456789", "HRB 999", "Other Bank")
    )
    s.catalogue_edit.retire(studio.owner, Retirable.SERVICE, studio.podcast, confirm=True)

    again = s.purchases.get(studio.owner, paid.id)
    text = Pdf(render_receipt(again, s.catalogue.studio(studio.owner))).text
    assert "Registration: HRB 123456 B" in text
    assert "Bank: Berliner Bank" in text and "IBAN DE02 1001 0010" in text
    assert "Other Bank" not in text and "HRB 999" not in text
    assert again.lines[0].description in text  # the retired service, as it was sold
