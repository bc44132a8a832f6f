"""The bundle statement: the bundle, its purchase, every ledger entry, what is left."""

from __future__ import annotations

from dataclasses import replace

import pytest

from podyx_desktop.documents import render_bundle_statement, samples

from .pdfcheck import Pdf, normalise


def test_statement_lists_the_bundle_and_its_purchase() -> None:
    statement = samples.bundle_statement()
    assert statement.purchase is not None
    text = Pdf(render_bundle_statement(statement)).text
    assert "Bundle statement" in text
    assert "10 × 2 h podcast sessions · bundle 5" in text
    assert "Client Đorđe Šćepanović" in text
    assert "7 of 10 sessions remaining" in text
    assert "3 redeemed · expires 15. sij 2026." in text
    assert "Receipt R-2025-00030, 990,00 €, Card at the front desk" in text
    assert "Sessions 10 × 2 h" in text
    assert "Purchased 15. sij 2025." in text
    assert "Expires 15. sij 2026." in text
    assert "State Active" in text


def test_statement_lists_every_ledger_entry() -> None:
    text = Pdf(render_bundle_statement(samples.bundle_statement())).text
    assert "15. sij 2025. Bundle purchased +10 10" in text
    assert text.count("Session redeemed") == 4
    assert "20. sij 2025. Session redeemed 27. sij 2025. 10:00 (booking 90) -1 9" in text
    assert ("8. velj 2025. Credit returned: Canceled within the cutoff "
            "10. velj 2025. 15:00 (booking 91) +1 9") in text
    assert "1. ožu 2025. Session redeemed 4. ožu 2025. 17:00 (booking 98) -1 7" in text


def test_issued_bundle_without_purchase_or_expiry() -> None:
    statement = samples.bundle_statement()
    bundle = replace(statement.bundle, expires_at=None, purchase_id=None,
                     issued_reason="Goodwill after a power cut")
    text = Pdf(render_bundle_statement(replace(statement, bundle=bundle, purchase=None))).text
    assert "Issued by the studio: Goodwill after a power cut" in text
    assert "never expires" in text
    assert "Expires Never" in text


def test_used_up_bundle() -> None:
    statement = samples.bundle_statement()
    bundle = replace(statement.bundle, sessions_remaining=0, state="used_up")
    text = Pdf(render_bundle_statement(replace(statement, bundle=bundle))).text
    assert "0 of 10 sessions remaining" in text
    assert "State Used up" in text


@pytest.mark.parametrize("name", samples.CLIENT_NAMES)
def test_statement_keeps_client_names(name: str) -> None:
    pdf = Pdf(render_bundle_statement(samples.bundle_statement(name)))
    assert f"Client {normalise(name)}" in pdf.text
    assert all(font.embedded for font in pdf.fonts())
