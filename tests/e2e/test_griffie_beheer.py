"""The griffie adds a person to the council's record, gives them a vacant seat and a fractie, and submits
a motie on their behalf from the meeting's agenda; the motie then waits on the item's vote page. axe-core
checks every page on the way, also a form with errors."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse
from django.utils import timezone

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

pytestmark = pytest.mark.e2e


def test_griffie_maakt_een_persoon_raadslid_en_dient_een_motie_namens_haar_in(
    page: Page, organisatie: Organisatie, create_medewerker: Any, log_in: Any, axe: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.besluitvorming.models import Fractielidmaatschap, Lidmaatschap, Voorstel
    from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, VergaderingFactory, raad_met_leden

    # Given a raad of 3 seats with one vacancy, and a meeting tomorrow with an item on its agenda
    create_medewerker(username="griffier", roles=[Rol.GRIFFIE])
    raad = raad_met_leden((2, 1), vacatures=1)
    fractie = raad.fracties[1]
    vergadering = VergaderingFactory(
        orgaan=raad.orgaan, titel="Raadsvergadering 5 december", begin=timezone.now() + dt.timedelta(days=1)
    )
    punt = AgendapuntFactory(vergadering=vergadering, titel="Groen in de wijk")
    log_in(page, username="griffier")

    # When the griffie adds the new member as a person, from the Werkplek start page
    page.goto(reverse("besluitvorming:werkplek"))
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Personen").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Nieuwe persoon").click()
    # forgetting the surname first: the error is next to the field
    page.get_by_label("Voornaam").fill("Fatima")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_achternaam_error")).to_be_visible()
    axe.check(page)
    page.get_by_label("Achternaam").fill("El Amrani (demo)")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fatima El Amrani (demo)")
    axe.check(page)

    # and gives her the vacant seat in the raad
    page.goto(reverse("besluitvorming:werkplek_organen"))
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name=raad.orgaan.naam).click()
    expect(page.get_by_text("2 van de 3 zetels bezet, 1 vacant.")).to_be_visible()
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Lidmaatschap starten").click()
    page.get_by_label("Persoon").select_option(label="Fatima El Amrani (demo)")
    page.get_by_label("Functie").select_option(label="lid")
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("3 van de 3 zetels bezet, 0 vacant.")).to_be_visible()

    # and makes her a member of a fractie
    page.goto(reverse("besluitvorming:werkplek_fracties"))
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name=fractie.naam).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Lid toevoegen").click()
    page.get_by_label("Persoon").select_option(label="Fatima El Amrani (demo)")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("table", name=f"Leden van {fractie.naam}")).to_contain_text(
        "Fatima El Amrani (demo)"
    )
    axe.check(page)

    # and submits a motie on her behalf from the agenda item
    page.goto(reverse("besluitvorming:werkplek_vergadering", args=[vergadering.pk]))
    with page.expect_navigation():
        page.get_by_role(
            "link", name=re.compile(r"^Motie of amendement indienen\W+Groen in de wijk$")
        ).click()
    expect(page.get_by_label("Agendapunt")).to_have_value(str(punt.pk))
    page.get_by_label("Titel").fill("Motie Bomen in elke straat")
    page.locator("#id_tekst").fill("De raad verzoekt het college in elke straat een boom te planten.")
    axe.check(page)
    # without an indiener first: refused next to the question, nothing submitted
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_role("group", name="Indieners", exact=True)).to_contain_text(
        "Kies ten minste één indiener."
    )
    axe.check(page)
    assert not Voorstel.objects.exists()
    page.get_by_role("group", name="Indieners", exact=True).get_by_label("Fatima El Amrani (demo)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen").click()

    # Then the motie waits on the item's vote page, to be put to a vote
    expect(page.get_by_role("heading", level=1)).to_have_text("Stemmen: Groen in de wijk")
    expect(
        page.get_by_role("link", name=re.compile(r"^Stemming vastleggen\W+Motie Bomen in elke straat$"))
    ).to_be_visible()
    axe.check(page)
    axe.assert_no_violations()
    motie = Voorstel.objects.get()
    assert motie.indieners.get().persoon.achternaam == "El Amrani (demo)"
    assert Lidmaatschap.objects.filter(persoon__achternaam="El Amrani (demo)", orgaan=raad.orgaan).exists()
    assert Fractielidmaatschap.objects.filter(
        persoon__achternaam="El Amrani (demo)", fractie=fractie
    ).exists()


def test_focus_blijft_bij_het_verplaatste_agendapunt(
    page: Page, organisatie: Organisatie, create_medewerker: Any, log_in: Any, axe: Any
) -> None:
    """Moving an item to the top removes its "Omhoog" button; keyboard focus goes to its "Omlaag"."""
    from playwright.sync_api import expect

    from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, VergaderingFactory

    create_medewerker(username="griffie", roles=["griffie"])
    vergadering = VergaderingFactory(titel="Raadsvergadering oktober")
    AgendapuntFactory(vergadering=vergadering, volgnummer=1, titel="Opening")
    tweede = AgendapuntFactory(vergadering=vergadering, volgnummer=2, titel="Sluiting")
    log_in(page, username="griffie")
    page.goto(reverse("besluitvorming:werkplek_vergadering", args=[vergadering.pk]))
    page.locator(f"#omhoog-{tweede.pk}").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#agenda h3")).to_have_text(["Sluiting", "Opening"])
    expect(page.locator(f"#omlaag-{tweede.pk}")).to_be_focused()
    axe.check(page)
    axe.assert_no_violations()
