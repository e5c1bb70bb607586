"""A behandelaar works a case from the queue to its end status: filter the queue, open the case,
claim it, move it along its statuses, close it with a result. axe-core checks every page and state."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e


def test_behandelaar_handelt_zaak_af_vanuit_de_werkvoorraad(
    page: Page, organisatie: Organisatie, create_medewerker: Any, log_in: Any, axe: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.dienstverlening.models import Zaak
    from raadhuis.dienstverlening.tests import factories

    # Given a case registered at the desk, one already claimed by a colleague, and a behandelaar
    zaak = factories.zaak(gegevens={"nieuw_adres": "Dorpsstraat 1, Castricum"})
    collega = factories.medewerker(Rol.BEHANDELAAR)
    geclaimd = factories.zaak()
    from raadhuis.dienstverlening.services import zaken

    zaken.zaak_toewijzen(zaak=geclaimd, behandelaar=collega, door=collega)
    bea = create_medewerker(username="bea", roles=[Rol.BEHANDELAAR])
    bea.first_name, bea.last_name = "Bea", "Behandelaar"
    bea.save(update_fields=["first_name", "last_name"])
    log_in(page, username="bea")

    # When she opens the work queue, both cases are there
    page.goto(reverse("dienstverlening:werkvoorraad"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    resultaten = page.locator("#resultaten")
    expect(resultaten).to_contain_text(zaak.identificatie)
    expect(resultaten).to_contain_text(geclaimd.identificatie)
    axe.check(page)

    # and she filters on cases nobody has claimed yet
    page.get_by_label("Behandelaar").select_option(label="Nog niet opgepakt")
    page.get_by_role("button", name="Filteren").click()
    expect(resultaten).not_to_contain_text(geclaimd.identificatie)
    expect(resultaten).to_contain_text(zaak.identificatie)
    axe.check(page)

    # and opens the case
    with page.expect_navigation():
        resultaten.get_by_role("link", name=zaak.identificatie).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(zaak.identificatie)
    expect(page.locator("main")).to_contain_text("Dorpsstraat 1, Castricum")
    expect(page.locator("main")).to_contain_text("******653")
    axe.check(page)

    # and claims it
    with page.expect_navigation():
        page.get_by_role("button", name="Oppakken", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(f"U behandelt nu zaak {zaak.identificatie}")
    expect(page.locator("main")).to_contain_text("Bea Behandelaar")
    axe.check(page)

    # and moves it to "In behandeling"
    page.get_by_label("Nieuwe status").select_option(label="In behandeling")
    page.get_by_label("Toelichting").fill("Huurcontract gecontroleerd")
    with page.expect_navigation():
        page.get_by_role("button", name="Status zetten").click()
    expect(page.get_by_role("status")).to_contain_text("In behandeling")
    axe.check(page)

    # and tries the end status without a result: the error sits next to the field, nothing changes
    page.get_by_label("Nieuwe status").select_option(label="Afgehandeld")
    with page.expect_navigation():
        page.get_by_role("button", name="Status zetten").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies het resultaat")
    expect(page.get_by_label("Resultaat")).to_have_attribute("aria-invalid", "true")
    axe.check(page)

    # and closes it with a result
    page.get_by_label("Nieuwe status").select_option(label="Afgehandeld")
    page.get_by_label("Resultaat").select_option(label="Verwerkt")
    with page.expect_navigation():
        page.get_by_role("button", name="Status zetten").click()
    expect(page.get_by_role("status")).to_contain_text("Afgehandeld")
    expect(page.locator("main")).to_contain_text("Verwerkt")
    expect(page.get_by_label("Nieuwe status")).to_have_count(0)
    axe.check(page)

    # Then the case is closed, with who and when in its history
    zaak = Zaak.objects.get(pk=zaak.pk)
    assert zaak.is_afgesloten
    assert zaak.behandelaar_id == bea.pk
    assert list(zaak.statussen.values_list("gezet_door", flat=True)) == [
        zaak.geregistreerd_door_id,
        bea.pk,
        bea.pk,
    ]
    axe.assert_no_violations()
