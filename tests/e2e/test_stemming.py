"""The griffie records the presentielijst and a roll-call vote on a motie; the public meeting page then
shows the outcome per fractie. axe-core checks every page on the way."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse
from django.utils import timezone

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

# Playwright is imported inside the tests: without it the module must still collect (and skip).
pytestmark = pytest.mark.e2e


def test_griffie_legt_hoofdelijke_stemming_vast_en_de_uitslag_per_fractie_is_openbaar(
    page: Page, organisatie: Organisatie, create_medewerker: Any, log_in: Any, axe: Any
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.besluitvorming import services
    from raadhuis.besluitvorming.models import Stemming
    from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, VergaderingFactory, raad_met_leden

    # Given a raad of 7 in three fracties, a meeting with its agenda published, and a motie on an item
    griffier = create_medewerker(username="griffier", roles=[Rol.GRIFFIE])
    raad = raad_met_leden((3, 2, 2))
    vergadering = VergaderingFactory(
        orgaan=raad.orgaan,
        titel="Raadsvergadering 14 maart",
        begin=timezone.now() + dt.timedelta(days=1),
        agenda_gepubliceerd_op=timezone.now(),
    )
    punt = AgendapuntFactory(vergadering=vergadering, titel="Groen in de wijk")
    motie = services.voorstel_indienen(
        vergadering=vergadering,
        agendapunt=punt,
        soort="motie",
        titel="Motie Bomen in elke straat",
        indieners=[raad.leden[0]],
        door=griffier,
    )
    afwezige = raad.leden[6]
    log_in(page, username="griffier")

    # When the griffie records the presentielijst (one member absent)
    page.goto(reverse("besluitvorming:werkplek_presentielijst", args=[vergadering.pk]))
    axe.check(page)
    for lid in raad.leden:
        if lid != afwezige:
            page.locator(f"#aanwezig-{lid.pk}").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Presentielijst opslaan").click()

    # and opens the item's votes, then the roll-call form of the motie
    page.goto(reverse("besluitvorming:werkplek_agendapunt_stemmen", args=[punt.pk]))
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Motie Bomen in elke straat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stemming vastleggen")
    expect(page.locator(f"#aanwezig-{afwezige.pk}")).not_to_be_checked()
    axe.check(page)

    # and first forgets one member: refused with the reason, nothing stored
    keuzes = ["Voor", "Voor", "Voor", "Voor", "Tegen", "Tegen"]
    for lid, keuze in zip(raad.leden[:6], keuzes, strict=True):
        if lid != raad.leden[5]:
            page.get_by_role("group", name=f"Stem van {lid.naam}").get_by_label(keuze, exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Stemming vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text(
        f"{raad.leden[5].naam} is aanwezig maar heeft niet gestemd"
    )
    axe.check(page)
    assert not Stemming.objects.exists()

    page.get_by_role("group", name=f"Stem van {raad.leden[5].naam}").get_by_label("Tegen", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Stemming vastleggen").click()

    # Then the result page explains the outcome, per fractie and per member
    expect(page.locator("#uitkomst")).to_have_text("Aangenomen")
    expect(
        page.get_by_text("Aangenomen: 4 voor, 2 tegen, 1 afwezig; quorum 4 gehaald (Gemeentewet art. 20)")
    ).to_be_visible()
    expect(
        page.get_by_role("table", name="Uitslag per fractie (afgeleid: fracties stemmen niet, art. 27)")
    ).to_be_visible()
    axe.check(page)

    # and the public meeting page shows it per fractie: the first fractie voor, the second verdeeld,
    # the third (one member absent) tegen
    page.goto(reverse("besluitvorming:vergadering", args=[vergadering.pk]))
    tabel = page.get_by_role("table", name="Uitslag per fractie")
    expect(tabel).to_be_visible()
    for fractie, uitslag in zip(raad.fracties, ["voor", "verdeeld", "tegen"], strict=True):
        expect(tabel.get_by_role("row", name=fractie.naam)).to_contain_text(uitslag)
    axe.check(page)

    # and the adopted motie is in the public moties register
    page.goto(reverse("besluitvorming:moties_register"))
    expect(page.get_by_role("table", name="Aangenomen moties")).to_contain_text("Motie Bomen in elke straat")
    axe.check(page)
    axe.assert_no_violations()
    assert motie.stemmingen.get().uitkomst == Stemming.Uitkomst.AANGENOMEN
