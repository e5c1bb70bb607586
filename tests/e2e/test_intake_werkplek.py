"""A KCC employee enters a request for a caller (assisted channel, telephone) through the same steps;
the case records the channel and the employee."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e


def test_kcc_medewerker_voert_een_telefonische_vraag_in(
    page: Page, axe: AxeCheck, organisatie: Organisatie, create_medewerker: Any, log_in: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.dienstverlening.models import Zaak
    from raadhuis.dienstverlening.tests.factories import BSN_INWONER, product

    product("vraag-stellen")
    kcc = create_medewerker(username="kcc", roles=[Rol.KCC_MEDEWERKER])
    inhoud = page.locator("main")

    log_in(page, username="kcc")
    page.goto("/werkplek/dienstverlening/")
    axe.check(page)
    page.get_by_role("link", name="Aanvraag invoeren voor een inwoner of ondernemer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Aanvraag invoeren voor een inwoner of ondernemer"
    )
    axe.check(page)

    # A wrong BSN: the message next to the field and in the summary above the form
    page.get_by_label("Product").select_option(label="Vraag stellen")
    page.get_by_label("Kanaal").select_option("telefoon")
    page.get_by_label("Burgerservicenummer van de aanvrager").fill("123456789")
    page.get_by_label("Naam van de aanvrager of onderneming").fill("J. Jansen")
    page.get_by_role("button", name="Verder").click()
    expect(page.locator("#id_bsn_error")).to_contain_text("elfproef")
    axe.check(page)
    page.get_by_label("Burgerservicenummer van de aanvrager").fill(BSN_INWONER)
    page.get_by_role("button", name="Verder").click()

    expect(inhoud).to_contain_text("Stap 1 van 2")
    axe.check(page)
    page.get_by_label("Onderwerp").fill("Parkeervergunning")
    page.get_by_label("Uw vraag").fill("Wanneer kan ik een vergunning krijgen?")
    page.get_by_role("button", name="Volgende").click()
    expect(inhoud).to_contain_text("Stap 2 van 2")
    expect(page.get_by_label("Naam", exact=True)).to_have_value("J. Jansen")
    axe.check(page)
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer uw aanvraag")
    axe.check(page)
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw aanvraag is ingediend")
    zaak = Zaak.objects.get()
    expect(inhoud).to_contain_text(zaak.identificatie)
    expect(inhoud).to_contain_text("telefonisch")
    axe.check(page)
    assert zaak.kanaal == "telefoon"
    assert zaak.geregistreerd_door == kcc
    axe.assert_no_violations()
