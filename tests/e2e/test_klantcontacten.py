"""A KCC employee registers a phone contact and puts out a callback for a colleague, the colleague
completes it, and the manager's dashboard counts it. axe-core checks every page and state."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

    from raadhuis.core.models import Organisatie

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e


def _afgehandelde_terugbelverzoeken(page: Page) -> Locator:
    """This period's cell of the row "Afgehandeld" in the dashboard's callbacks table."""
    sectie = page.locator("section[aria-labelledby='terugbelverzoeken-kop']")
    rij = sectie.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Afgehandeld", exact=True))
    return rij.get_by_role("cell").first


def test_kcc_zet_terugbelverzoek_uit_collega_handelt_af_en_het_dashboard_telt_mee(
    browser: Browser,
    new_context: Any,
    organisatie: Organisatie,
    create_medewerker: Any,
    log_in: Any,
    axe: Any,
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol

    # Given a KCC employee, a colleague who calls back and a controller who watches the figures
    create_medewerker(username="kim", roles=[Rol.KCC_MEDEWERKER])
    cor = create_medewerker(username="cor", roles=[Rol.KCC_MEDEWERKER])
    cor.first_name, cor.last_name = "Cor", "Collega"
    cor.save(update_fields=["first_name", "last_name"])
    create_medewerker(username="carla", roles=[Rol.CONTROLLER])
    dashboard = reverse("dienstverlening:monitoring")

    controller = new_context().new_page()
    log_in(controller, username="carla")
    controller.goto(dashboard)
    expect(controller.get_by_role("heading", level=1)).to_have_text("Monitoring dienstverlening")
    expect(_afgehandelde_terugbelverzoeken(controller)).to_have_text(re.compile(r"^\s*0(?!\d)"))
    axe.check(controller)

    # When Kim registers a phone call of a resident that she cannot resolve at once
    kim = new_context().new_page()
    log_in(kim, username="kim")
    kim.goto(reverse("dienstverlening:klantcontact_nieuw"))
    expect(kim.get_by_role("heading", level=1)).to_have_text("Contact vastleggen")
    axe.check(kim)
    kim.get_by_label("Kanaal").select_option(label="telefoon")
    kim.get_by_label("inwoner (BSN)").check()
    kim.get_by_label("Burgerservicenummer").fill("999993653")
    kim.get_by_label(re.compile(r"^Naam")).fill("Anna de Vries")
    kim.get_by_label("Telefoonnummer").fill("0612345678")
    kim.get_by_label("Onderwerp").fill("Bezwaar tegen de WOZ-beschikking")
    kim.get_by_label("Vraag of inhoud").fill("Wil weten hoe ze bezwaar maakt en wil teruggebeld worden.")
    with kim.expect_navigation():
        kim.get_by_role("button", name="Contact vastleggen").click()
    expect(kim.get_by_role("heading", level=1)).to_contain_text("Bezwaar tegen de WOZ-beschikking")
    # the BSN is shown masked, never in full
    expect(kim.locator("main")).to_contain_text("******653")
    expect(kim.locator("main")).not_to_contain_text("999993653")
    axe.check(kim)

    # and puts out a callback without an owner: the error sits next to the field, nothing is created
    kim.get_by_label("Wat moet er gebeuren?").fill("Uitleggen hoe bezwaar tegen de WOZ werkt.")
    with kim.expect_navigation():
        kim.get_by_role("button", name="Terugbelverzoek uitzetten").click()
    expect(kim.locator("main")).to_contain_text("Kies een medewerker of een team dat terugbelt.")
    axe.check(kim)

    # and then for Cor
    kim.get_by_label("Wat moet er gebeuren?").fill("Uitleggen hoe bezwaar tegen de WOZ werkt.")
    kim.get_by_label("Medewerker").select_option(label="Cor Collega")
    with kim.expect_navigation():
        kim.get_by_role("button", name="Terugbelverzoek uitzetten").click()
    expect(kim.get_by_role("status")).to_be_visible()
    expect(kim.locator("main")).to_contain_text("Cor Collega")
    axe.check(kim)

    # Then Cor finds it among his callbacks and completes it
    cor_pagina = new_context().new_page()
    log_in(cor_pagina, username="cor")
    cor_pagina.goto(reverse("dienstverlening:terugbelverzoeken"))
    expect(cor_pagina.get_by_role("heading", level=1)).to_have_text("Terugbelverzoeken")
    expect(cor_pagina.locator("main")).to_contain_text("Bezwaar tegen de WOZ-beschikking")
    axe.check(cor_pagina)
    cor_pagina.get_by_role("link", name=re.compile("Bezwaar tegen de WOZ-beschikking")).first.click()
    expect(cor_pagina.get_by_role("heading", level=1)).to_contain_text("Terugbelverzoek")
    axe.check(cor_pagina)
    cor_pagina.get_by_label("Resultaat").fill("Teruggebeld; bezwaarprocedure uitgelegd.")
    cor_pagina.get_by_label("Contact gelukt").check()
    with cor_pagina.expect_navigation():
        cor_pagina.get_by_role("button", name="Afhandelen", exact=True).click()
    expect(cor_pagina.get_by_role("status")).to_be_visible()
    axe.check(cor_pagina)

    # and the controller's dashboard counts the completed callback
    controller.goto(dashboard)
    expect(_afgehandelde_terugbelverzoeken(controller)).to_have_text(re.compile(r"^\s*1(?!\d)"))
    axe.check(controller)
    axe.assert_no_violations()
