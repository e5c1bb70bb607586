"""A resident logs in with DigiD through the local OIDC test IdP and meets a service's level gate."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

    from raadhuis.accounts.models import Medewerker
    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e

BSN = "999993653"


@pytest.fixture
def aangifte(organisatie: Organisatie, create_medewerker: Callable[..., Medewerker]) -> str:
    """A service that needs eIDAS hoog, as the demo's aangifte vertrek buitenland."""
    from raadhuis.core.identiteit import Betrouwbaarheidsniveau
    from raadhuis.dienstverlening.services.catalogus import product_aanmaken

    beheerder = create_medewerker(username="productbeheer", roles=["beheerder"])
    product = product_aanmaken(
        door=beheerder,
        naam="Vertrek naar het buitenland doorgeven",
        slug="vertrek-buitenland",
        upl_naam="aangifte vertrek buitenland",
        doelgroep="inwoner",
        minimum_niveau=Betrouwbaarheidsniveau.HOOG,
    )
    return f"/dienstverlening/{product.slug}/starten/"


def _kies_bij_test_idp(page: Page, axe: AxeCheck, *, niveau: str) -> None:
    """On the test IdP's page: check it, pick the first test BSN and the given DigiD level."""
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", level=1)).to_have_text("Test-inlogdienst voor DigiD en eHerkenning")
    axe.check(page)
    page.get_by_label("Inlogmiddel").select_option("digid")
    page.get_by_label("Test-BSN").select_option(BSN)
    page.get_by_label("Betrouwbaarheidsniveau").select_option(label=niveau)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()


def test_inwoner_op_substantieel_wordt_geweigerd_voor_hoog_en_na_opnieuw_inloggen_toegelaten(
    page: Page, axe: AxeCheck, aangifte: str, caplog: pytest.LogCaptureFixture
) -> None:
    from playwright.sync_api import expect

    caplog.set_level(logging.DEBUG)
    bezochte_urls: list[str] = []
    page.on("request", lambda verzoek: bezochte_urls.append(verzoek.url))

    # Given a resident on Mijn omgeving, not logged in
    page.goto("/mijn/")
    axe.check(page)

    # When they log in with DigiD and the tester answers DigiD Substantieel
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.wait_for_url("**/test-idp/authorize/**")
    expect(page.get_by_label("Betrouwbaarheidsniveau")).to_have_value(
        "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"
    )
    _kies_bij_test_idp(page, axe, niveau="DigiD Substantieel")

    # Then Mijn omgeving shows the masked BSN, the level and the means
    page.wait_for_url("**/mijn/")
    inhoud = page.locator("main")
    expect(inhoud).to_contain_text("******653")
    expect(inhoud).to_contain_text("substantieel")
    expect(inhoud).to_contain_text("DigiD")
    axe.check(page)

    # When they open a service that needs hoog, then they are refused with an explanation
    antwoord = page.goto(aangifte)
    assert antwoord is not None
    assert antwoord.status == 403
    expect(inhoud).to_contain_text("U bent ingelogd op betrouwbaarheidsniveau substantieel")
    expect(inhoud).to_contain_text("Voor deze dienst is niveau hoog nodig")
    expect(page.get_by_role("heading", name="Waarom dit niveau?")).to_be_visible()
    axe.check(page)

    # When they log in again at hoog through the offered button
    page.get_by_role("link", name="Opnieuw inloggen met DigiD op niveau hoog").click()
    page.wait_for_url("**/test-idp/authorize/**")
    expect(page.get_by_label("Betrouwbaarheidsniveau")).to_have_value(
        "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"
    )
    _kies_bij_test_idp(page, axe, niveau="DigiD Hoog")

    # Then they are back at the service and admitted, greeted by their masked BSN
    page.wait_for_url(f"**{aangifte}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vertrek naar het buitenland doorgeven")
    expect(inhoud).to_contain_text("burgerservicenummer ******653")
    expect(inhoud).to_contain_text("betrouwbaarheidsniveau hoog")
    expect(inhoud).to_contain_text("Het aanvraagformulier voor deze dienst volgt binnenkort")
    axe.check(page)

    # And logging out ends it
    page.goto("/mijn/")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Uitloggen").click()
    expect(page.locator("main")).to_contain_text("U bent uitgelogd.")
    axe.check(page)
    page.goto("/mijn/")
    expect(inhoud).to_contain_text("U bent niet ingelogd")

    # The BSN was never in a URL the browser requested, nor in a log line of the server
    assert bezochte_urls
    assert not [url for url in bezochte_urls if BSN in url]
    assert BSN not in caplog.text
    axe.assert_no_violations()
