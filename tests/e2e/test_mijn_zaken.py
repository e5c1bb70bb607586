"""Mijn zaken in the browser: a resident logs in with DigiD (local test IdP), finds their open and
closed cases, opens one, reads the message and sends one back, and cannot open another's case.
axe-core checks every page, also the form with an error."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

pytestmark = pytest.mark.e2e


def test_inwoner_volgt_zijn_zaak_en_stuurt_een_bericht(
    page: Page, organisatie: Organisatie, create_medewerker: Any, axe: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.dienstverlening.services import zaken
    from raadhuis.dienstverlening.tests import factories

    # Given a case of this resident with a message from the municipality, and someone else's case
    behandelaar = create_medewerker(username="behandelaar", roles=["behandelaar"])
    zaak = factories.zaak(door=create_medewerker(username="kcc", roles=["kcc-medewerker"]))
    zaken.bericht_sturen(
        zaak=zaak, onderwerp="Vraag over uw huurcontract", tekst="Stuur het contract.", door=behandelaar
    )
    ander = factories.zaak(bsn=factories.BSN_ANDER)

    # When the resident logs in with DigiD from Mijn omgeving and follows the link to Mijn zaken
    page.goto("/mijn/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.wait_for_url("**/test-idp/authorize/**")
    page.get_by_label("Inlogmiddel").select_option("digid")
    page.get_by_label("Test-BSN").select_option(factories.BSN_INWONER)
    page.get_by_label("Betrouwbaarheidsniveau").select_option(label="DigiD Substantieel")
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url("**/mijn/")
    with page.expect_navigation():
        page.get_by_role("link", name="Mijn zaken: uw aanvragen en meldingen").click()

    # Then the open case is listed with its status, the other resident's is not
    expect(page.get_by_role("heading", name="Lopende zaken")).to_be_visible()
    tabel = page.get_by_role("table", name="Uw lopende zaken, de nieuwste eerst")
    expect(tabel).to_contain_text(zaak.identificatie)
    expect(tabel).to_contain_text("Ontvangen")
    expect(page.locator("main")).not_to_contain_text(ander.identificatie)
    axe.check(page)

    # When they open the case
    with page.expect_navigation():
        page.get_by_role("link", name=zaak.identificatie).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(zaak.omschrijving)
    expect(page.locator("main")).to_contain_text("Vraag over uw huurcontract")
    expect(page.locator("main")).to_contain_text("Wij hebben uw aanvraag ontvangen")
    axe.check(page)

    # and send a message without a subject, then they get the error next to the field
    page.get_by_label("Uw bericht").fill("Het contract volgt morgen.")
    with page.expect_navigation():
        page.get_by_role("button", name="Bericht versturen").click()
    expect(page.locator("#id_bericht-onderwerp_error")).to_be_visible()
    axe.check(page)
    page.get_by_label("Onderwerp").fill("Huurcontract")
    with page.expect_navigation():
        page.get_by_role("button", name="Bericht versturen").click()
    expect(page.locator("main")).to_contain_text("Uw bericht is verstuurd.")
    expect(page.get_by_role("heading", name="Huurcontract", exact=True)).to_be_visible()
    axe.check(page)

    # And someone else's case does not exist for them
    antwoord = page.goto(f"/mijn-zaken/{ander.identificatie}/")
    assert antwoord is not None
    assert antwoord.status == 404
    axe.assert_no_violations()
