"""A resident books a passport appointment without logging in, sees the confirmation, opens the
management link and cancels; axe-core checks every page on the way."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e


def test_inwoner_boekt_en_annuleert_een_paspoortafspraak(
    page: Page, axe: AxeCheck, organisatie: Organisatie
) -> None:
    from playwright.sync_api import expect

    from raadhuis.dienstverlening.models import Afspraak, Afspraakstatus, Tijdslot
    from raadhuis.dienstverlening.tests.test_afspraken_hulp import afspraaktype, locatie, werkdag

    plek = locatie(balies=2)
    afspraaktype(plek)
    dag = werkdag()

    page.goto("/afspraak/")
    expect(page.get_by_role("heading", level=1, name="Afspraak maken")).to_be_visible()
    axe.check(page)
    page.get_by_role("link", name="Paspoort aanvragen").click()
    axe.check(page)
    page.get_by_role("link", name="Stadhuis").click()
    expect(page.get_by_role("heading", level=1, name="Kies een dag")).to_be_visible()
    axe.check(page)
    page.locator(f'a[href$="/{dag.isoformat()}/"]').click()
    expect(page.get_by_role("heading", level=1, name="Kies een tijd")).to_be_visible()
    axe.check(page)
    page.get_by_role("link", name="10:00", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Uw gegevens")).to_be_visible()
    axe.check(page)

    # First an invalid e-mail address: the error is shown next to the field.
    page.get_by_label("Naam").fill("Sanne de Vries")
    page.get_by_label("E-mailadres").fill("sanne-at-example.org")
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_label("E-mailadres")).to_have_attribute("aria-invalid", "true")
    axe.check(page)
    page.get_by_label("E-mailadres").fill("sanne@example.org")
    page.get_by_role("button", name="Afspraak maken").click()

    expect(page.get_by_role("heading", level=1, name="Uw afspraak is gemaakt")).to_be_visible()
    axe.check(page)
    afspraak = Afspraak.objects.get()
    assert Tijdslot.objects.get(locatie=plek, start=afspraak.start).bezet == 1

    page.get_by_role("link", name="Mijn afspraak beheren").click()
    expect(page.get_by_role("heading", level=1, name="Uw afspraak")).to_be_visible()
    axe.check(page)
    page.get_by_role("link", name="Afspraak annuleren").click()
    expect(page.get_by_role("heading", level=1, name="Afspraak annuleren")).to_be_visible()
    axe.check(page)
    page.get_by_role("button", name="Ja, annuleer de afspraak").click()
    expect(page.get_by_text("Uw afspraak is geannuleerd.")).to_be_visible()
    axe.check(page)

    afspraak.refresh_from_db()
    assert afspraak.status == Afspraakstatus.GEANNULEERD
    assert Tijdslot.objects.get(locatie=plek, start=afspraak.start).bezet == 0
    axe.assert_no_violations()


def test_medewerker_maakt_een_afspraak_voor_een_beller(logged_in_page: Page, axe: AxeCheck) -> None:
    from playwright.sync_api import expect

    from raadhuis.dienstverlening.models import Afspraak, Kanaal
    from raadhuis.dienstverlening.tests.test_afspraken_hulp import afspraaktype, locatie, werkdag

    page = logged_in_page
    plek = locatie(balies=2)
    afspraaktype(plek)
    dag = werkdag()

    page.goto("/werkplek/dienstverlening/")
    page.get_by_role("link", name="Afspraken: agenda per locatie en dag").click()
    expect(page.get_by_role("heading", level=1, name="Afspraken")).to_be_visible()
    axe.check(page)
    page.get_by_role("link", name="Afspraak maken voor een beller of bezoeker").click()
    axe.check(page)
    page.get_by_label("Soort afspraak").select_option(label="Paspoort aanvragen (15 min)")
    expect(page.get_by_label("Locatie")).to_have_value(str(plek.pk))
    page.get_by_label("Datum").fill(dag.isoformat())
    page.get_by_label("Begintijd").fill("10:30")
    page.get_by_label("Naam").fill("Daan Bakker")
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_role("button", name="Afspraak maken").click()

    expect(page.get_by_role("cell", name="Daan Bakker", exact=True)).to_be_visible()
    axe.check(page)
    afspraak = Afspraak.objects.get()
    assert afspraak.kanaal == Kanaal.TELEFOON
    axe.assert_no_violations()
