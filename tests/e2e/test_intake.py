"""A resident logs in with DigiD through the local OIDC test IdP, reports a move through every step
of the form, sees the confirmation with the case number and then the case in Mijn zaken."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e

BSN = "999993653"


@pytest.fixture
def verhuizing(organisatie: Organisatie) -> str:
    from raadhuis.dienstverlening.tests.factories import product

    return f"/dienstverlening/{product('verhuizing-doorgeven').slug}/aanvragen/"


def test_inwoner_geeft_verhuizing_door_en_ziet_de_zaak_in_mijn_zaken(
    page: Page, axe: AxeCheck, verhuizing: str
) -> None:
    from django.utils import timezone
    from playwright.sync_api import expect

    from raadhuis.dienstverlening.models import Zaak

    inhoud = page.locator("main")

    # Given a resident who is not logged in opens the move form
    page.goto(verhuizing)
    axe.check(page)

    # When they log in with DigiD Substantieel at the local test IdP
    page.get_by_role("link", name="Inloggen met DigiD op niveau substantieel").click()
    page.wait_for_url("**/test-idp/authorize/**")
    axe.check(page)
    page.get_by_label("Inlogmiddel").select_option("digid")
    page.get_by_label("Test-BSN").select_option(BSN)
    page.get_by_label("Betrouwbaarheidsniveau").select_option(label="DigiD Substantieel")
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()

    # Then they are back at the form's start and begin
    page.wait_for_url(f"**{verhuizing}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verhuizing doorgeven")
    axe.check(page)
    page.get_by_role("button", name="Aanvraag beginnen").click()

    # Step 1: a date too far ahead is refused with a message next to the field
    expect(inhoud).to_contain_text("Stap 1 van 4")
    axe.check(page)
    vandaag = timezone.localdate()
    page.get_by_label("Verhuisdatum").fill((vandaag + timedelta(days=40)).isoformat())
    page.get_by_label("Waar woont u nu?").select_option("binnen")
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("#id_verhuisdatum_error")).to_contain_text("ten vroegste 4 weken")
    axe.check(page)
    page.get_by_label("Verhuisdatum").fill((vandaag + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Volgende").click()

    # Step 2: the new address
    expect(inhoud).to_contain_text("Stap 2 van 4")
    axe.check(page)
    page.get_by_label("Postcode").fill("1901 AB")
    page.get_by_label("Huisnummer", exact=True).fill("3")
    page.get_by_label("Straat").fill("Kerkstraat")
    page.get_by_label("Woonplaats").fill("Castricum")
    page.get_by_role("button", name="Volgende").click()

    # Step 3: who moves along (nobody)
    expect(inhoud).to_contain_text("Stap 3 van 4")
    axe.check(page)
    page.get_by_role("button", name="Volgende").click()

    # Step 4: contact details
    expect(inhoud).to_contain_text("Stap 4 van 4")
    axe.check(page)
    page.get_by_label("Naam").fill("J. Jansen")
    page.get_by_label("E-mailadres").fill("j.jansen@example.org")
    page.get_by_role("button", name="Volgende").click()

    # The summary, then submitting
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer uw aanvraag")
    expect(inhoud).to_contain_text("Kerkstraat")
    axe.check(page)
    page.get_by_role("button", name="Indienen").click()

    # The confirmation with the case number
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw aanvraag is ingediend")
    zaak = Zaak.objects.get()
    expect(inhoud).to_contain_text(zaak.identificatie)
    axe.check(page)

    # And the case is in Mijn zaken
    page.get_by_role("link", name="Naar Mijn zaken").click()
    page.wait_for_url("**/mijn-zaken/")
    expect(inhoud).to_contain_text(zaak.identificatie)
    axe.check(page)
    assert zaak.initiator_bsn == BSN
    assert zaak.kanaal == "digitaal"
    axe.assert_no_violations()
