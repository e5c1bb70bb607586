"""The product catalogue in the browser: a visitor finds a product with its leges and channels; a
beheerder edits a product in the Werkplek and gets the error next to the field for a UPL name that
is not in the national list. axe-core checks every page on the way, also the form with the error."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from django.utils import timezone

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

pytestmark = pytest.mark.e2e


def test_bezoeker_vindt_product_en_beheerder_bewerkt_het(
    page: Page, organisatie: Organisatie, create_medewerker: Any, log_in: Any, axe: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.dienstverlening.services.catalogus import tarief_vastleggen
    from raadhuis.dienstverlening.tests import factories

    # Given the demo's paspoort and verhuizing, the paspoort with this year's (example) leges
    beheerder = create_medewerker(username="productbeheer", roles=["beheerder"])
    paspoort = factories.product("paspoort")
    factories.product("verhuizing-doorgeven")
    tarief_vastleggen(
        product=paspoort,
        jaar=timezone.localdate().year,
        omschrijving="Paspoort, 18 jaar en ouder",
        bedrag=Decimal("83.80"),
        demo=True,
        door=beheerder,
    )

    # When a visitor opens the catalogue and the paspoort's page, without logging in
    page.goto("/dienstverlening/")
    expect(page.get_by_role("heading", name="Voor inwoners (DigiD)")).to_be_visible()
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Paspoort aanvragen").click()

    # Then they see the leges of this year, marked as an example, and that it is done at the desk
    inhoud = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_have_text("Paspoort aanvragen")
    expect(page.get_by_role("table")).to_contain_text("Paspoort, 18 jaar en ouder (voorbeeldbedrag)")
    expect(page.get_by_role("table")).to_contain_text("83,80")
    expect(inhoud).to_contain_text("aan de balie")
    expect(inhoud).to_contain_text("U moet hiervoor zelf naar de balie komen")
    expect(page.get_by_role("link", name="paspoort", exact=True)).to_have_attribute(
        "href", "http://standaarden.overheid.nl/owms/terms/paspoort"
    )
    axe.check(page)
    # and a digital product offers to request it online, with the level needed
    page.goto("/dienstverlening/verhuizing-doorgeven/")
    expect(page.get_by_role("link", name="Aanvragen")).to_be_visible()
    expect(inhoud).to_contain_text("betrouwbaarheidsniveau substantieel")
    axe.check(page)

    # When the beheerder opens the catalogue in the Werkplek and edits the paspoort
    log_in(page, username="productbeheer")
    page.goto("/werkplek/dienstverlening/")
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Productcatalogus").click()
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Paspoort aanvragen").click()
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Bewerken").click()
    axe.check(page)

    # with a UPL name that is not in the list
    page.get_by_label("UPL-naam").fill("pasport")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()

    # Then the error is next to the field, in the summary, and nothing is saved
    expect(page.locator("#id_upl_naam_error")).to_contain_text(
        "'pasport' staat niet in de Uniforme Productnamenlijst (UPL)."
    )
    expect(page.get_by_role("alert")).to_contain_text("Niets is opgeslagen")
    expect(page.get_by_label("UPL-naam")).to_have_attribute("aria-invalid", "true")
    axe.check(page)

    # When they correct it and change the description
    page.get_by_label("UPL-naam").fill("paspoort")
    page.locator("#id_omschrijving").fill("Vraag uw paspoort aan de balie aan; maak eerst een afspraak.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()

    # Then the product page in the Werkplek confirms it and the public page shows the new text
    expect(page.locator("main")).to_contain_text("De wijzigingen zijn opgeslagen.")
    axe.check(page)
    page.goto("/dienstverlening/paspoort/")
    expect(page.locator("main")).to_contain_text(
        "Vraag uw paspoort aan de balie aan; maak eerst een afspraak."
    )

    # And the zaaktypen with their norms can be read
    page.goto("/werkplek/dienstverlening/zaaktypen/")
    expect(page.get_by_role("heading", name="Aanvraag reisdocument")).to_be_visible()
    axe.check(page)
    axe.assert_no_violations()
