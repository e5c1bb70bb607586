"""E-mail notifications in a real browser: subscribe (with a wrong address first), confirm through
the link in the mail, and cancel with one click; every state checked with axe-core."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.core import mail
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e


def _link(bericht: mail.EmailMessage, deel: str, basis: str) -> str:
    """The link in the mail, on the test server (links in mails use RAADHUIS_BASIS_URL)."""
    url = next(u for u in re.findall(r"https?://\S+", str(bericht.body)) if deel in u)
    return basis + "/bestuur/" + url.split("/bestuur/", 1)[1]


def test_inwoner_meldt_zich_aan_bevestigt_en_meldt_zich_af(
    page: Page, axe: AxeCheck, organisatie: Organisatie, live_server, settings
) -> None:
    from playwright.sync_api import expect

    from raadhuis.besluitvorming.models import Abonnement

    page.goto(reverse("besluitvorming:bestuur"))
    page.get_by_role("link", name="Meldingen per e-mail over nieuwe agenda's en besluiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen per e-mail")
    axe.check(page)

    page.get_by_label("E-mailadres").fill("niet-goed")
    page.get_by_label("Nieuwe agenda's").uncheck()
    page.get_by_label("Vastgestelde besluitenlijsten").uncheck()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Vul een geldig e-mailadres in")).to_be_visible()
    expect(
        page.get_by_text("Kies nieuwe agenda's, besluitenlijsten, raadsvragen of een combinatie.")
    ).to_be_visible()
    axe.check(page)
    assert not Abonnement.objects.exists()

    page.get_by_label("E-mailadres").fill("inwoner@voorbeeld.nl")
    page.get_by_label("Nieuwe agenda's").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in uw mailbox")
    axe.check(page)

    page.goto(_link(mail.outbox[0], "/bevestigen/", live_server.url))
    axe.check(page)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U bent aangemeld")
    assert Abonnement.objects.get().bevestigd_op is not None

    page.goto(_link(mail.outbox[0], "/afmelden/", live_server.url))
    axe.check(page)
    page.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("U bent afgemeld")
    axe.check(page)
    assert not Abonnement.objects.exists()

    axe.assert_no_violations()
