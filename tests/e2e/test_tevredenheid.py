"""After a desk contact the KCC employee hands out the satisfaction survey; the resident fills it in
without logging in, a missing score is pointed out at the question, and the link works once.
axe-core checks every page and state."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e

RAPPORTCIJFER = "Welk rapportcijfer geeft u de dienstverlening van de gemeente?"


def test_inwoner_vult_de_vragenlijst_van_de_balie_een_keer_in(
    page: Page, new_context: Any, organisatie: Organisatie, create_medewerker: Any, log_in: Any, axe: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.dienstverlening.models import Reactie
    from raadhuis.dienstverlening.tests import factories_klantcontacten as kc

    # Given a question answered at the desk
    kim = create_medewerker(username="kim", roles=[Rol.KCC_MEDEWERKER])
    contact = kc.contact(
        kanaal="balie",
        onderwerp="Openingstijden van het gemeentehuis",
        antwoord="Maandag tot en met vrijdag van 9 tot 17 uur.",
        opgelost_in_eerste_contact=True,
        door=kim,
    )
    log_in(page, username="kim")

    # When Kim offers the survey from the contact's page
    page.goto(reverse("dienstverlening:klantcontact", args=[contact.pk]))
    with page.expect_navigation():
        page.get_by_role("link", name="Tevredenheidsonderzoek aanbieden").click()
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Uitnodiging maken").click()
    expect(page.locator("main svg")).to_be_visible()
    axe.check(page)
    adres = page.locator("code.raadhuis-sleutel").inner_text()
    pad = urlsplit(adres).path
    assert re.fullmatch(r"/tevredenheid/[\w-]+/", pad)

    # Then the resident opens it without logging in
    inwoner = new_context().new_page()
    inwoner.goto(pad)
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Hoe tevreden bent u?")
    # the Burgerpeiling codes are for the reports, not for the respondent
    expect(inwoner.locator("main")).not_to_contain_text("dv01")
    axe.check(inwoner)

    # and sends it without the required score: the error sits at that question, nothing is stored
    vraag = inwoner.get_by_role("group", name=RAPPORTCIJFER)
    with inwoner.expect_navigation():
        inwoner.get_by_role("button", name="Versturen").click()
    expect(vraag).to_contain_text("rapportcijfer")
    assert not Reactie.objects.exists()
    axe.check(inwoner)

    # and then with an 8, "eens" on ease and a comment
    inwoner.get_by_role("group", name=RAPPORTCIJFER).get_by_label("8", exact=True).check()
    inwoner.get_by_role("group", name=re.compile("gemakkelijk te regelen")).get_by_label(
        "Eens", exact=True
    ).check()
    inwoner.get_by_label(re.compile("Wilt u nog iets kwijt")).fill("Vriendelijk en snel geholpen.")
    with inwoner.expect_navigation():
        inwoner.get_by_role("button", name="Versturen").click()
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Dank u wel")
    axe.check(inwoner)
    reactie = Reactie.objects.get()
    assert reactie.dv01_rapportcijfer == 8
    assert reactie.dv05_gemak == 4

    # and the same link a second time says it was filled in already
    inwoner.goto(pad)
    expect(inwoner.get_by_role("heading", level=1)).to_have_text("Vragenlijst niet beschikbaar")
    axe.check(inwoner)
    assert Reactie.objects.count() == 1
    axe.assert_no_violations()
