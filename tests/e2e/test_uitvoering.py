"""A wethouder follows the uitvoeringsagenda: the tree, the programme dashboard with its charts, and a
progress update on an activity; residents see the public progress. axe-core checks every page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e


def test_wethouder_bekijkt_dashboard_en_legt_voortgang_vast(
    page: Page, organisatie: Organisatie, create_medewerker: Any, log_in: Any, axe: Any, new_context: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.uitvoering.tests.hulp import keten

    # Given an akkoord with one activity in programme 1, and a wethouder
    k = keten()
    create_medewerker(username="wethouder", roles=[Rol.COLLEGELID])
    log_in(page, username="wethouder")

    # When the wethouder opens the agenda, filtered by status
    page.goto(reverse("uitvoering:werkplek"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitvoering")
    expect(page.locator("#boom")).to_contain_text("Tussenbalans opstellen")
    axe.check(page)
    page.get_by_label("Status").select_option("afgerond")
    page.get_by_role("button", name="Toon").click()
    expect(page.locator("#boom")).to_contain_text("Niets gevonden met deze keuzes.")
    page.get_by_label("Status").select_option("")
    page.get_by_role("button", name="Toon").click()
    expect(page.locator("#boom")).to_contain_text("Tussenbalans opstellen")

    # and the programme's dashboard: charts with their tables
    with page.expect_navigation():
        page.get_by_role("link", name="Dashboard 1. Bestuur en Dienstverlening").click()
    expect(page.get_by_role("img", name="Activiteiten per status")).to_be_visible()
    expect(
        page.get_by_role("table", name="Tabel bij de grafiek: Budget: begroot en besteed per jaar")
    ).to_be_visible()
    axe.check(page)

    # and records a progress update on the activity
    with page.expect_navigation():
        page.get_by_role("link", name="Tussenbalans opstellen").click()
    axe.check(page)
    page.get_by_label("P&C-moment").select_option("bestuursrapportage")
    page.get_by_label("Begrotingsjaar").fill("2024")
    page.get_by_label("Datum").fill("2024-06-01")
    page.get_by_label("Status").select_option("risico")
    page.get_by_label("Toelichting").fill("Planning krap door de begrotingsbehandeling.")
    page.get_by_label("Besteed in dit jaar (euro)").fill("8000")
    with page.expect_navigation():
        page.get_by_role("button", name="Voortgang vastleggen").click()

    # Then the update is in the history and the status reads without colour
    expect(page.get_by_role("status").first).to_contain_text("De voortgang is vastgelegd.")
    tabel = page.get_by_role("table", name="Alle voortgangsupdates, oudste eerst")
    expect(tabel).to_contain_text("Planning krap door de begrotingsbehandeling.")
    expect(tabel).to_contain_text("risico")
    axe.check(page)
    k.activiteit.refresh_from_db()
    assert k.activiteit.status == "risico"

    # and the generated reports are readable pages too
    page.goto(reverse("uitvoering:hoofdstuk", args=[k.programma.slug]) + "?jaar=2024&soort=jaarverslag")
    expect(page.get_by_role("heading", name="Wat heeft het gekost?")).to_be_visible()
    axe.check(page)
    page.goto(reverse("uitvoering:mid_term_review", args=[k.akkoord.slug]) + "?peildatum=2024-06-30")
    expect(page.get_by_role("heading", name="Wat loopt risico").first).to_be_visible()
    axe.check(page)
    page.goto(reverse("uitvoering:activiteit_nieuw", args=[k.actie.pk]))
    axe.check(page)

    # and a resident sees the public progress without logging in
    bezoeker = new_context().new_page()
    bezoeker.goto(reverse("uitvoering:publiek"))
    expect(bezoeker.get_by_role("heading", level=1)).to_contain_text("Bouwen aan de toekomst")
    expect(bezoeker.locator("main")).to_contain_text("Planning krap door de begrotingsbehandeling.")
    axe.check(bezoeker)
    axe.assert_no_violations()
