"""A beheerder sets up the desk agenda in the Werkplek: adds a desk and an opening period (after one
that overlaps is refused next to the field) and sees them; axe-core checks every page on the way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.accounts.models import Medewerker
    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e


def test_beheerder_voegt_balie_en_openingstijd_toe(
    page: Page,
    axe: AxeCheck,
    organisatie: Organisatie,
    create_medewerker: Callable[..., Medewerker],
    log_in: Callable[..., None],
) -> None:
    from playwright.sync_api import expect

    from raadhuis.accounts.models import Rol
    from raadhuis.dienstverlening.models import Balie, Openingstijd
    from raadhuis.dienstverlening.tests.test_afspraken_hulp import afspraaktype, locatie

    plek = locatie(balies=1)
    afspraaktype(plek)
    create_medewerker(username="bea.beheer", roles=[Rol.BEHEERDER])
    log_in(page, username="bea.beheer")

    page.goto("/werkplek/dienstverlening/")
    page.get_by_role("link", name="Balies en openingstijden inrichten").click()
    expect(page.get_by_role("heading", level=1, name="Balies en openingstijden inrichten")).to_be_visible()
    axe.check(page)

    page.get_by_label("Naam van de balie").fill("Balie 2")
    page.get_by_role("button", name="Balie toevoegen Stadhuis").click()
    expect(page.get_by_text("Stadhuis: Balie 2 is toegevoegd.")).to_be_visible()
    expect(page.locator(f"#locatie-{plek.pk}").get_by_text("Balie 2: in gebruik")).to_be_visible()
    axe.check(page)

    # An overlapping period is refused next to the field and nothing is saved.
    page.get_by_label("Weekdag").select_option(label="maandag")
    page.get_by_label("Open vanaf").fill("11:00")
    page.get_by_label("Open tot").fill("14:00")
    page.get_by_role("button", name="Openingstijd toevoegen Stadhuis").click()
    expect(page.get_by_label("Open vanaf")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Deze tijden overlappen met een andere openingstijd op die dag.")).to_be_visible()
    axe.check(page)

    page.get_by_label("Weekdag").select_option(label="zaterdag")
    page.get_by_label("Open vanaf").fill("10:00")
    page.get_by_label("Open tot").fill("12:00")
    page.get_by_role("button", name="Openingstijd toevoegen Stadhuis").click()
    expect(page.get_by_text("Stadhuis is open op zaterdag van 10:00 tot 12:00.")).to_be_visible()
    rij = page.get_by_role("row").filter(has_text="zaterdag")
    expect(rij).to_contain_text("10:00")
    expect(rij).to_contain_text("12:00")
    axe.check(page)

    page.get_by_role("link", name="Paspoort aanvragen").click()
    expect(page.get_by_role("heading", level=1, name="Paspoort aanvragen")).to_be_visible()
    axe.check(page)
    page.goto("/werkplek/dienstverlening/inrichting/ceremonies/")
    expect(page.get_by_role("heading", level=1, name="Ceremonies inrichten")).to_be_visible()
    axe.check(page)

    assert Balie.objects.filter(locatie=plek, actief=True).count() == 2
    assert Openingstijd.objects.filter(locatie=plek, weekdag=5).count() == 1
    assert Openingstijd.objects.filter(locatie=plek, weekdag=0).count() == 2
    axe.assert_no_violations()
