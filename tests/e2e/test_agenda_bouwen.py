"""The griffie builds a meeting's agenda in the Werkplek: items, htmx reordering, attendance, opening."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import BrowserContext, Page

    from raadhuis.accounts.models import Medewerker
    from raadhuis.core.models import Organisatie

    from .conftest import AxeCheck

pytestmark = pytest.mark.e2e


def knop(actie: str, titel: str) -> re.Pattern[str]:
    """A button named by its visible verb and the item's title, which only screen readers hear."""
    return re.compile(rf"^{actie}\W+{re.escape(titel)}$")


def test_griffie_bouwt_een_agenda_en_opent_de_vergadering(
    page: Page,
    organisatie: Organisatie,
    create_medewerker: Callable[..., Medewerker],
    log_in: Callable[..., None],
    axe: AxeCheck,
) -> None:
    from playwright.sync_api import expect

    from raadhuis.besluitvorming.tests.factories import VergaderingFactory, raad_met_leden

    raad = raad_met_leden((5, 4))
    vergadering = VergaderingFactory(orgaan=raad.orgaan, titel="Raadsvergadering september")
    create_medewerker(username="griffie", roles=["griffie"])
    log_in(page, username="griffie")

    page.goto("/werkplek/besluitvorming/vergaderingen/")
    expect(page.get_by_role("link", name="Raadsvergadering september")).to_be_visible()
    axe.check(page)

    page.get_by_role("link", name="Raadsvergadering september").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raadsvergadering september")
    axe.check(page)

    for titel in ("Opening", "Vaststelling agenda", "Raadsvoorstel Oostlaan"):
        page.get_by_label("Titel").fill(titel)
        with page.expect_navigation():
            page.get_by_role("button", name="Agendapunt toevoegen").click()
        expect(page.locator("#agenda")).to_contain_text(titel)
    axe.check(page)

    # htmx swaps the agenda in place: the page itself is not reloaded.
    page.evaluate("() => { window.nietHerladen = true; }")
    page.get_by_role("button", name=knop("Omhoog", "Raadsvoorstel Oostlaan")).click()
    expect(page.locator("#agenda-melding")).to_contain_text(
        "Raadsvoorstel Oostlaan” staat nu een plaats hoger"
    )
    expect(page.locator("#agenda h3")).to_have_text(
        ["Opening", "Raadsvoorstel Oostlaan", "Vaststelling agenda"]
    )
    page.get_by_role("button", name=knop("Omlaag", "Opening")).click()
    expect(page.locator("#agenda h3")).to_have_text(
        ["Raadsvoorstel Oostlaan", "Opening", "Vaststelling agenda"]
    )
    assert page.evaluate("() => window.nietHerladen === true")
    axe.check(page)

    page.get_by_role("link", name="Presentielijst bijhouden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Presentielijst")
    for lid in raad.leden[:5]:
        page.locator(f"#aanwezig-{lid.pk}").check()
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Presentielijst opslaan").click()
    expect(page.get_by_text("De presentielijst is opgeslagen.")).to_be_visible()

    page.get_by_role("link", name="Vergadering openen").click()
    axe.check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Vergadering openen").click()
    expect(page.get_by_role("status")).to_contain_text("De vergadering is geopend.")
    axe.check(page)

    vergadering.refresh_from_db()
    assert vergadering.geopend is True
    assert list(vergadering.agendapunten.order_by("volgnummer").values_list("titel", flat=True)) == [
        "Raadsvoorstel Oostlaan",
        "Opening",
        "Vaststelling agenda",
    ]
    axe.assert_no_violations()


def test_agenda_ordenen_werkt_ook_zonder_javascript(
    new_context: Callable[..., BrowserContext],
    organisatie: Organisatie,
    create_medewerker: Callable[..., Medewerker],
    log_in: Callable[..., None],
) -> None:
    # axe-core needs JavaScript in the page; the same page is checked with it in the test above.
    from playwright.sync_api import expect

    from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, VergaderingFactory

    vergadering = VergaderingFactory(titel="Commissievergadering")
    for nummer, titel in enumerate(("Alfa", "Bravo"), start=1):
        AgendapuntFactory(vergadering=vergadering, volgnummer=nummer, titel=titel)
    create_medewerker(username="griffie", roles=["griffie"])
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, username="griffie")

    page.goto(f"/werkplek/besluitvorming/vergaderingen/{vergadering.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name=knop("Omhoog", "Bravo")).click()
    expect(page.get_by_text("“Bravo” staat nu een plaats hoger.")).to_be_visible()
    expect(page.locator("#agenda h3")).to_have_text(["Bravo", "Alfa"])
