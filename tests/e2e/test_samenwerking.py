"""The griffie records the raad's zienswijze on the MRDH draft budget from the Wgr deadline dashboard
to an item on a council agenda; the paragraaf and the public pages render. axe-core checks every page."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse
from django.utils import timezone

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

pytestmark = pytest.mark.e2e
# Set RAADHUIS_E2E_SCHERMAFDRUKKEN to a folder to keep screenshots of the pages for a human look.
SCHERMAFDRUKKEN = os.environ.get("RAADHUIS_E2E_SCHERMAFDRUKKEN")


def _afdruk(page: Page, naam: str) -> None:
    if SCHERMAFDRUKKEN:
        page.screenshot(path=f"{SCHERMAFDRUKKEN}/{naam}.png", full_page=True)


def test_griffie_zet_zienswijze_op_mrdh_ontwerpbegroting_op_de_raadsagenda(
    page: Page, organisatie: Organisatie, create_medewerker: Any, log_in: Any, axe: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.besluitvorming import selectors as besluitvorming
    from raadhuis.besluitvorming.tests.factories import OrgaanFactory, VergaderingFactory
    from raadhuis.samenwerking import services
    from raadhuis.samenwerking.models import Wgrprocedure
    from raadhuis.samenwerking.tests.factories import verband

    # Given the MRDH with a draft budget received three weeks ago (12-week window open), and the raad
    # with one planned meeting inside the window
    griffier = create_medewerker(username="griffier", roles=[Rol.GRIFFIE])
    controller = create_medewerker(username="controller", roles=[Rol.CONTROLLER])
    mrdh = verband(door=controller, afkorting="MRDH")
    services.jaarcijfers_vastleggen(
        door=controller,
        verband=mrdh,
        jaar=timezone.localdate().year,
        gegevens={"bijdrage_begroot": Decimal(140000)},
    )
    vandaag = timezone.localdate()
    procedure = services.procedure_vastleggen(
        door=griffier,
        verband=mrdh,
        soort="ontwerpbegroting",
        jaar=vandaag.year + 2,
        ontvangen_op=vandaag - dt.timedelta(weeks=3),
        ab_vergadering=vandaag + dt.timedelta(weeks=10),
        concept_zienswijze="De raad stemt in met de ontwerpbegroting.",
    )
    raad = OrgaanFactory(naam="Gemeenteraad")
    vergadering = VergaderingFactory(
        orgaan=raad,
        titel="Raadsvergadering over vier weken",
        begin=timezone.now() + dt.timedelta(weeks=4),
    )
    log_in(page, username="griffier")

    # When the griffie opens the deadline dashboard
    page.goto(reverse("samenwerking:termijnen"))
    sectie = page.locator(f"#procedure-{procedure.pk}")
    expect(sectie.get_by_role("heading", level=3)).to_have_text(procedure.titel)
    expect(sectie).to_contain_text("Zienswijze van de raad uiterlijk")
    expect(sectie).to_contain_text("Raadsvergadering over vier weken")
    _afdruk(page, "termijnen")
    axe.check(page)

    # and puts the zienswijze, with an extra sentence, on the agenda of the planned raad meeting
    formulier = sectie.get_by_role("group", name=f"Zienswijze op de raadsagenda zetten: {procedure.titel}")
    formulier.get_by_label("Raadsvergadering").select_option(
        label=f"Raadsvergadering over vier weken ({vergadering.begin:%d-%m-%Y})"
    )
    formulier.get_by_label("Concept-zienswijze").fill(
        "De raad stemt in met de ontwerpbegroting.\nDe raad vraagt aandacht voor de bijdrage per inwoner."
    )
    with page.expect_navigation():
        sectie.get_by_role("button", name="Op de raadsagenda zetten").click()

    # Then the dashboard confirms it and links to the agenda item
    expect(
        page.get_by_text("De zienswijze staat op de agenda van Raadsvergadering over vier weken.")
    ).to_be_visible()
    link = page.locator(f"#procedure-{procedure.pk}").get_by_role(
        "link", name=f"Zienswijze: {procedure.titel}"
    )
    expect(link).to_be_visible()
    _afdruk(page, "termijnen_na")
    axe.check(page)

    # and the council module shows the item with the draft zienswijze as a paper
    with page.expect_navigation():
        link.click()
    expect(page.get_by_role("heading", name=f"Zienswijze: {procedure.titel}")).to_be_visible()
    expect(page.get_by_text(f"raadsvoorstel: Concept-zienswijze: {procedure.titel}")).to_be_visible()
    axe.check(page)
    procedure.refresh_from_db()
    assert procedure.status == Wgrprocedure.Status.GEAGENDEERD
    [punt] = besluitvorming.vergadering_met_agenda(vergadering.pk).agendapunten.all()
    assert "bijdrage per inwoner" in punt.omschrijving

    # and the register, the monitoring dashboard, the paragraaf and the public page pass axe too
    for naam, adres in (
        ("overzicht", reverse("samenwerking:werkplek")),
        ("verband", reverse("samenwerking:verband", args=[mrdh.slug])),
        ("monitoring", reverse("samenwerking:monitoring")),
        ("paragraaf", reverse("samenwerking:paragraaf", args=[vandaag.year])),
        ("publiek", reverse("samenwerking:samenwerking")),
        ("publiek_verband", reverse("samenwerking:publiek_verband", args=[mrdh.slug])),
    ):
        page.goto(adres)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        _afdruk(page, naam)
        axe.check(page)

    # A controller gets the register's forms; a contribution for a year before the party existed is
    # refused next to the field, and the page with the error passes axe as well
    page.context.clear_cookies()
    log_in(page, username="controller")
    page.goto(reverse("samenwerking:verband", args=[mrdh.slug]))
    page.locator("summary", has_text="Jaarcijfers vastleggen").click()
    axe.check(page)
    page.get_by_label("Jaar", exact=True).fill("2010")
    with page.expect_navigation():
        page.get_by_role("button", name="Jaarcijfers vastleggen").click()
    expect(page.get_by_text("bestaat pas sinds 01-01-2015; voor 2010")).to_be_visible()
    _afdruk(page, "verband_fout")
    axe.check(page)
    axe.assert_no_violations()
